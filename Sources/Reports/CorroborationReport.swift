import Corroboration
import CorroborationModel
import Foundation
import Storage
import TextAnalysis

/// Everything a corroboration report shows about one story, arranged once for every renderer:
/// the claims in reading order with their evidence, the conflicts side by side, the outlet-by-claim
/// matrix and the timeline of who reported first. Pure: built from a stored story and its score.
///
/// Every string in here that came from a feed is untrusted; the renderers escape it.
public struct CorroborationReport: Sendable {
    /// One report (item) behind a claim: the sentence, who said it, which outlet carried it and when.
    public struct Evidence: Sendable, Hashable {
        public var outlet: String
        public var outletName: String
        /// The item's id as ingested.
        public var item: String
        /// The key of the item whose reporting this one carries (itself for an original).
        public var origin: String
        public var title: String?
        public var published: Date?
        public var link: String?
        public var sentence: String
        public var speaker: String?
        /// What the item does with the claim's canonical wording.
        public var relation: Relation
        /// The conflict or difference this item shows, when it has one ("6 vs 8 wounded").
        public var detail: String?
        /// The item copies or rewrites another one: it adds no independent origin.
        public var syndication: SyndicationRelation
        public var stance: Stance
    }

    /// One proposition of the story and where it stands.
    public struct ClaimEntry: Sendable, Hashable {
        /// 1-based position in reading order: how the matrix and the conflicts refer to it.
        public var number: Int
        /// The proposition in the canonical report's words, attribution removed when it can be.
        public var text: String
        /// The whole canonical sentence.
        public var sentence: String
        public var slot: ClaimSlot
        public var slots: [ClaimSlot]
        /// The canonical claim's speaker, nil when the outlet speaks in its own voice.
        public var speaker: Speaker?
        /// Every voice among the supporting reports.
        public var speakers: [String]
        public var status: ClaimStatus
        public var confidence: Double
        public var reason: String
        public var independentOrigins: Int
        public var supporting: [Evidence]
        public var contradicting: [Evidence]
        public var discussing: [Evidence]
        /// The earliest report carrying the claim.
        public var firstReported: Evidence?

        /// What `outlet` does with this claim: contradicting beats supporting beats relaying.
        public func relation(of outlet: String) -> Relation? {
            if contradicting.contains(where: { $0.outlet == outlet }) { return .contradicts }
            if supporting.contains(where: { $0.outlet == outlet }) { return .supports }
            if discussing.contains(where: { $0.outlet == outlet }) { return .discusses }
            return nil
        }

        /// Distinct origins among the contradicting reports.
        public var contradictingOrigins: Int { Set(contradicting.map(\.origin)).count }
    }

    /// Reports that cannot both be right about one claim: one side (the claim's canonical
    /// report) against every report that says otherwise in the same way.
    public struct Conflict: Sendable, Hashable {
        public var kind: ConflictKind
        public var detail: String
        /// The `number` of the claim it belongs to.
        public var claim: Int
        public var first: Evidence
        public var others: [Evidence]
    }

    /// An original report with the copies and derived reports that hang from it.
    public struct TimelineEntry: Sendable, Hashable {
        public var item: StoredStory.Item
        public var followers: [StoredStory.Item]
    }

    public let story: StoredStory
    public let outletNames: [String: String]
    /// Claims in reading order: contested first, then corroborated, attributed, single-source.
    public let claims: [ClaimEntry]
    public let conflicts: [Conflict]
    /// Originals by publication time, each with its copies folded under it.
    public let timeline: [TimelineEntry]
    /// Outlets by the time of their first report in the story.
    public let outlets: [String]

    public init(story: StoredStory, score: StoryScore, outletNames: [String: String]) {
        self.story = story
        self.outletNames = outletNames
        let itemsByKey = Dictionary(story.items.map { (String($0.itemID), $0) }, uniquingKeysWith: { a, _ in a })

        func evidence(_ member: ClaimGroup.Member) -> Evidence {
            let item = itemsByKey[member.report]
            return Evidence(
                outlet: member.outlet, outletName: outletNames[member.outlet] ?? member.outlet,
                item: item?.sourceID ?? member.report, origin: member.origin, title: item?.title,
                published: member.published,
                link: member.link, sentence: member.claim.text, speaker: member.claim.speaker?.name,
                relation: member.relation, detail: member.detail, syndication: item?.relation ?? .original,
                stance: member.claim.stance)
        }

        var entries: [(ClaimEntry, ClaimGroup)] = score.groups.map { group in
            let canonical = group.canonicalClaim
            let members = group.members.map(evidence)
            let dated = members.filter { $0.published != nil }
            return (
                ClaimEntry(
                    number: 0,
                    text: PropositionWording.tidy(canonical.content.map { canonical.text.slice($0) } ?? canonical.text),
                    sentence: canonical.text, slot: canonical.slots.first ?? .other, slots: canonical.slots,
                    speaker: canonical.speaker, speakers: group.speakers, status: group.status,
                    confidence: group.confidence, reason: group.reason, independentOrigins: group.independentOrigins,
                    supporting: members.filter { $0.relation == .supports },
                    contradicting: members.filter { $0.relation == .contradicts },
                    discussing: members.filter { $0.relation == .discusses || $0.relation == .unrelated },
                    firstReported: dated.min { $0.published! < $1.published! } ?? members.first),
                group
            )
        }
        let rank: [ClaimStatus: Int] = [.contested: 0, .corroborated: 1, .attributed: 2, .singleSource: 3]
        entries.sort { a, b in
            let keyA = (rank[a.0.status]!, -a.0.independentOrigins, -a.1.members.count)
            let keyB = (rank[b.0.status]!, -b.0.independentOrigins, -b.1.members.count)
            return keyA < keyB
        }
        var claims: [ClaimEntry] = []
        var conflicts: [Conflict] = []
        for (offset, (entry, group)) in entries.enumerated() {
            var numbered = entry
            numbered.number = offset + 1
            claims.append(numbered)
            for conflict in group.conflicts {
                let first = evidence(group.members[conflict.first])
                let second = evidence(group.members[conflict.second])
                if let same = conflicts.lastIndex(where: {
                    $0.claim == offset + 1 && $0.kind == conflict.kind && $0.detail == conflict.detail
                        && $0.first == first
                }) {
                    conflicts[same].others.append(second)
                } else {
                    conflicts.append(
                        Conflict(
                            kind: conflict.kind, detail: conflict.detail, claim: offset + 1, first: first,
                            others: [second]))
                }
            }
        }
        self.claims = claims
        self.conflicts = conflicts

        let byID = Dictionary(story.items.map { ($0.itemID, $0) }, uniquingKeysWith: { a, _ in a })
        var followers: [Int64: [StoredStory.Item]] = [:]
        var originals: [StoredStory.Item] = []
        for item in story.items {
            if item.originID != item.itemID, byID[item.originID] != nil {
                followers[item.originID, default: []].append(item)
            } else {
                originals.append(item)
            }
        }
        let byTime: (StoredStory.Item, StoredStory.Item) -> Bool = {
            ($0.published ?? .distantFuture, $0.itemID) < ($1.published ?? .distantFuture, $1.itemID)
        }
        self.timeline = originals.sorted(by: byTime).map {
            TimelineEntry(item: $0, followers: (followers[$0.itemID] ?? []).sorted(by: byTime))
        }
        var seen = Set<String>()
        self.outlets = story.items.sorted(by: byTime).map(\.outletID).filter { seen.insert($0).inserted }
    }

    public func outletName(_ id: String) -> String { outletNames[id] ?? id }

    /// One party whose word the story relays: its name, who spoke for it, how many claims rest
    /// on its word alone, and how many independent origins relay them.
    public struct Voice: Sendable, Hashable {
        public var name: String
        public var speakers: [String]
        public var claims: Int
        public var origins: Int
    }

    /// The parties behind the attributed claims, the most relayed first: who says what, apart
    /// from what is established. Konashenkov, the Defense Ministry and Russia are one party.
    public var voices: [Voice] {
        var byParty: [String: (claims: Int, origins: Set<String>, speakers: Set<String>)] = [:]
        for claim in claims where claim.status == .attributed {
            guard let speaker = claim.speaker, let party = StoryScorer.party(of: speaker) else { continue }
            byParty[party, default: (0, [], [])].claims += 1
            byParty[party, default: (0, [], [])].origins.formUnion(claim.supporting.map(\.origin))
            byParty[party, default: (0, [], [])].speakers.insert(speaker.name)
        }
        return byParty.map { party, value in
            let name = Gazetteer.standard.entry(id: party)?.name ?? value.speakers.sorted().first ?? party
            return Voice(
                name: name, speakers: value.speakers.subtracting([name]).sorted(), claims: value.claims,
                origins: value.origins.count)
        }
        .sorted { ($0.claims, $0.origins, $1.name) > ($1.claims, $1.origins, $0.name) }
    }

    /// "Russia (Igor Konashenkov, Russian Defense Ministry): 15 claims rest on its word alone,
    /// relayed by 7 origins".
    public static func describe(_ voice: Voice) -> String {
        let who = voice.speakers.isEmpty ? voice.name : "\(voice.name) (\(voice.speakers.joined(separator: ", ")))"
        return
            "\(who): \(voice.claims) claim\(voice.claims == 1 ? "" : "s") rest\(voice.claims == 1 ? "s" : "") on its "
            + "word alone, relayed by \(voice.origins) origin\(voice.origins == 1 ? "" : "s")"
    }

    /// How many claims stand in each status.
    public var statusCounts: [ClaimStatus: Int] {
        claims.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }

    /// The claims a reader sees first: every contested and corroborated one, and up to
    /// `limit` each of the attributed and single-source ones (all with a nil `limit`). Returns
    /// how many of each status were left out.
    public func featuredClaims(limit: Int?) -> (shown: [ClaimEntry], hidden: [ClaimStatus: Int]) {
        guard let limit else { return (claims, [:]) }
        var shown: [ClaimEntry] = []
        var seen: [ClaimStatus: Int] = [:]
        var hidden: [ClaimStatus: Int] = [:]
        for claim in claims {
            seen[claim.status, default: 0] += 1
            if claim.status == .attributed || claim.status == .singleSource, seen[claim.status]! > limit {
                hidden[claim.status, default: 0] += 1
                continue
            }
            shown.append(claim)
        }
        return (shown, hidden)
    }

    /// "… and 30 more attributed and 10 more single-source claims (--full lists them)", or nil.
    public static func describeHidden(_ hidden: [ClaimStatus: Int]) -> String? {
        let parts = [ClaimStatus.attributed, .singleSource].compactMap { status in
            hidden[status].map { "\($0) more \(status.rawValue)" }
        }
        guard !parts.isEmpty else { return nil }
        return "… and " + parts.joined(separator: " and ") + " claims (--full lists them)"
    }
}

/// A claim's proposition as a reader should see it: the attributed content without the words
/// left over from the attribution ("on Saturday that", "in a statement that", "что"), starting
/// with a capital.
enum PropositionWording {
    static let leadIns: [String] = [
        "in a statement that ", "in a statement ", "on monday that ", "on tuesday that ", "on wednesday that ",
        "on thursday that ", "on friday that ", "on saturday that ", "on sunday that ", "on monday ", "on tuesday ",
        "on wednesday ", "on thursday ", "on friday ", "on saturday ", "on sunday ", "earlier that ", "later that ",
        "today that ", "monday that ", "tuesday that ", "wednesday that ", "thursday that ", "friday that ",
        "saturday that ", "sunday that ", "that ", "что ", "о том, что ",
    ]

    static func tidy(_ text: String) -> String {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var stripped = true
        while stripped {
            stripped = false
            let lower = rest.lowercased()
            for lead in leadIns where lower.hasPrefix(lead) && rest.count > lead.count + 12 {
                rest = rest.dropFirst(lead.count)
                stripped = true
                break
            }
        }
        while let last = rest.last, ",;:.".contains(last) { rest = rest.dropLast() }
        guard let first = rest.first else { return text }
        return first.uppercased() + rest.dropFirst()
    }
}
