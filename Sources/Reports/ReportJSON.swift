import Corroboration
import FeedParsing
import Foundation
import Storage

/// The corroboration report as one JSON document (the contract in DESIGN.md): the story, its
/// claims with their slot, speaker, status and the supporting and conflicting reports, the
/// conflicts, the outlet-by-claim matrix and the timeline.
public enum ReportJSON {
    public static func render(_ report: CorroborationReport) -> String {
        let w = JSONWriter()
        w.object {
            w.key("story") { story(report, w) }
            w.key("claims") {
                w.array(report.claims) { claim in
                    w.object {
                        w.key("id", claim.number)
                        w.key("text", claim.text)
                        w.key("sentence", claim.sentence)
                        w.key("slot", claim.slot.rawValue)
                        w.key("slots") { w.array(claim.slots) { w.value($0.rawValue) } }
                        w.key("speaker") { speaker(claim, w) }
                        w.key("speakers") { w.array(claim.speakers) { w.value($0) } }
                        w.key("status", claim.status.rawValue)
                        w.key("confidence", claim.confidence)
                        w.key("reason", claim.reason)
                        w.key("independentOrigins", claim.independentOrigins)
                        w.key("firstReported") {
                            if let first = claim.firstReported { evidence(first, w) } else { w.null() }
                        }
                        w.key("supporting") { w.array(claim.supporting) { evidence($0, w) } }
                        w.key("conflicting") {
                            w.array(claim.contradicting) { item in
                                evidence(
                                    item, w,
                                    kind: report.conflicts.first {
                                        $0.claim == claim.number && $0.others.contains(item)
                                    }?.kind)
                            }
                        }
                        w.key("discussing") { w.array(claim.discussing) { evidence($0, w) } }
                    }
                }
            }
            w.key("conflicts") {
                w.array(report.conflicts) { conflict in
                    w.object {
                        w.key("claim", conflict.claim)
                        w.key("kind", conflict.kind.rawValue)
                        w.key("detail", conflict.detail)
                        w.key("a") { evidence(conflict.first, w) }
                        w.key("b") { w.array(conflict.others) { evidence($0, w) } }
                    }
                }
            }
            w.key("matrix") { matrix(report, w) }
            w.key("timeline") {
                w.array(report.timeline) { entry in
                    w.object {
                        item(entry.item, report, w)
                        w.key("followers") {
                            w.array(entry.followers) { follower in w.object { item(follower, report, w) } }
                        }
                    }
                }
            }
        }
        return w.output
    }

    /// The keys every story carries in JSON, `stories` and `report` alike (the contract).
    public static func storyFields(_ story: StoredStory, _ w: JSONWriter) {
        w.key("id", Int(story.id))
        w.key("title", story.title)
        w.key("firstSeen", story.firstSeen)
        w.key("lastSeen", story.lastSeen)
        w.key("outlets") { w.array(story.outlets) { w.value($0) } }
        w.key("independentOrigins", story.independentOrigins)
    }

    static func story(_ report: CorroborationReport, _ w: JSONWriter) {
        let story = report.story
        let counts = report.statusCounts
        w.object {
            storyFields(story, w)
            w.key("reports", story.items.count)
            w.key("claimCounts") {
                w.object { for status in ClaimStatus.allCases { w.key(status.rawValue, counts[status] ?? 0) } }
            }
        }
    }

    static func speaker(_ claim: CorroborationReport.ClaimEntry, _ w: JSONWriter) {
        guard let speaker = claim.speaker else { return w.null() }
        w.object {
            w.key("name", speaker.name)
            w.key("id", speaker.entityID)
            w.key("affiliation", speaker.affiliation)
            w.key("kind", speaker.kind?.rawValue)
        }
    }

    static func evidence(_ evidence: CorroborationReport.Evidence, _ w: JSONWriter, kind: ConflictKind? = nil) {
        w.object {
            w.key("outlet", evidence.outlet)
            w.key("item", evidence.item)
            w.key("title", evidence.title)
            w.key("published", evidence.published)
            w.key("link", evidence.link)
            w.key("sentence", evidence.sentence)
            w.key("speaker", evidence.speaker)
            w.key("relation", evidence.relation.rawValue)
            w.key("syndication", evidence.syndication.rawValue)
            if let kind { w.key("kind", kind.rawValue) }
            if let detail = evidence.detail { w.key("detail", detail) }
        }
    }

    static func matrix(_ report: CorroborationReport, _ w: JSONWriter) {
        w.object {
            w.key("outlets") { w.array(report.outlets) { w.value($0) } }
            w.key("claims") { w.array(report.claims) { w.value($0.number) } }
            w.key("cells") {
                w.array(report.outlets) { outlet in
                    w.array(report.claims) { claim in w.value(claim.relation(of: outlet)?.rawValue) }
                }
            }
        }
    }

    static func item(_ item: StoredStory.Item, _ report: CorroborationReport, _ w: JSONWriter) {
        w.key("id", item.sourceID)
        w.key("outlet", item.outletID)
        w.key("title", item.title)
        w.key("published", item.published)
        w.key("link", item.link)
        w.key("copyOf", item.copyOf)
        w.key("syndication", item.relation.rawValue)
        w.key("credits") { w.array(item.creditedOutlets) { w.value($0) } }
    }
}
