import Corroboration
import Foundation

/// The corroboration report as Markdown, for a wiki page, a ticket or a newsletter draft. Every
/// feed string is escaped (`Escape.markdown`), so a hostile title stays text; links are written
/// only for http and https URLs.
public struct ReportMarkdownRenderer: Sendable {
    /// Every claim and every report behind it; otherwise single-source claims and long evidence
    /// lists are summarized.
    public var full: Bool

    public init(full: Bool = false) {
        self.full = full
    }

    public func render(_ report: CorroborationReport) -> String {
        let story = report.story
        let md = Escape.markdown
        var out = "# Story \(story.id): \(md(story.title.isEmpty ? "(untitled)" : story.title))\n\n"
        let outlets = story.outlets.map { md(report.outletName($0)) }.joined(separator: ", ")
        out += "\(ReportDate.span(story.firstSeen, story.lastSeen)) · \(story.items.count) reports · "
        out += "\(story.independentOrigins) independent origins · outlets: \(outlets)\n\n"
        let counts = report.statusCounts
        let summary = [ClaimStatus.contested, .corroborated, .attributed, .singleSource].compactMap { status in
            counts[status].map { "**\($0)** \(status.rawValue)" }
        }
        out += "Claims: " + (summary.isEmpty ? "none extracted yet" : summary.joined(separator: " · ")) + "\n"

        let contested = report.claims.filter { $0.status == .contested }.prefix(3)
        let established = report.claims.filter { $0.status == .corroborated }.prefix(3)
        if !contested.isEmpty || !established.isEmpty || !report.voices.isEmpty {
            out += "\n## At a glance\n\n"
            for claim in contested { out += "- **Contested:** \(md(claim.text)) (\(md(claim.reason)))\n" }
            for claim in established { out += "- **Established:** \(md(claim.text)) (\(md(claim.reason)))\n" }
            for voice in report.voices.prefix(4) {
                out += "- **Their word:** \(md(CorroborationReport.describe(voice)))\n"
            }
        }

        if !report.conflicts.isEmpty {
            out += "\n## Conflicts\n\n"
            out += "| Claim | Kind | Detail | A | B |\n|---|---|---|---|---|\n"
            for conflict in report.conflicts {
                out += "| \(conflict.claim) | \(conflict.kind.rawValue) | \(md(conflict.detail)) | "
                out += cell(conflict.first) + " | " + conflict.others.map(cell).joined(separator: "<br>") + " |\n"
            }
        }

        let (shown, hidden) = report.featuredClaims(limit: full ? nil : 10)
        out += "\n## Claims\n"
        for claim in shown {
            out += "\n### \(claim.number). \(claim.status.rawValue.uppercased()): \(md(claim.text))\n\n"
            var facts: [String] = []
            if let speaker = claim.speaker { facts.append("Speaker: " + md(speaker.name)) }
            facts.append(md(claim.reason))
            facts.append(String(format: "confidence %.2f", claim.confidence))
            facts.append("slot: \(claim.slot.rawValue)")
            out += facts.joined(separator: " · ") + "\n\n"
            out += evidenceList("Supported by", claim.supporting)
            out += evidenceList("Contradicted by", claim.contradicting)
            out += evidenceList("Relayed or discussed by", claim.discussing)
        }
        if let note = CorroborationReport.describeHidden(hidden) { out += "\n*\(note)*\n" }

        let columns = report.claims.filter { $0.status != .singleSource }
        if !columns.isEmpty, report.outlets.count > 1 {
            out += "\n## Outlets × claims\n\n✓ asserts · ✗ contradicts · ~ relays or discusses\n\n"
            out += "| Outlet | " + columns.map { "\($0.number)" }.joined(separator: " | ") + " |\n"
            out += "|---|" + String(repeating: "---|", count: columns.count) + "\n"
            for outlet in report.outlets {
                out += "| \(md(report.outletName(outlet))) | "
                out += columns.map { claim -> String in
                    switch claim.relation(of: outlet) {
                    case .supports: return "✓"
                    case .contradicts: return "✗"
                    case .discusses, .unrelated: return "~"
                    case nil: return " "
                    }
                }.joined(separator: " | ")
                out += " |\n"
            }
        }

        out += "\n## Timeline\n\n"
        for entry in report.timeline {
            out += "- \(ReportDate.short(entry.item.published)) **\(md(report.outletName(entry.item.outletID)))**: "
            out += link(entry.item.title ?? "(untitled)", entry.item.link) + "\n"
            for follower in entry.followers {
                out += "  - \(follower.relation == .derived ? "derived" : "copy"): "
                out += "\(md(report.outletName(follower.outletID))), \(ReportDate.short(follower.published))\n"
            }
        }
        return out
    }

    func evidenceList(_ heading: String, _ evidence: [CorroborationReport.Evidence]) -> String {
        guard !evidence.isEmpty else { return "" }
        var out = "\(heading):\n\n"
        let shown = full ? evidence : Array(evidence.prefix(6))
        for item in shown {
            out += "- " + cell(item)
            if let detail = item.detail { out += " (\(Escape.markdown(detail)))" }
            out += "\n"
        }
        if shown.count < evidence.count {
            out += "- … \(evidence.count - shown.count) more\n"
        }
        return out + "\n"
    }

    /// One report on one line: outlet (and what it is), time, speaker, the sentence, the link.
    func cell(_ item: CorroborationReport.Evidence) -> String {
        let md = Escape.markdown
        var text = "**\(md(item.outletName))**"
        if item.syndication != .original { text += " (\(item.syndication.rawValue))" }
        text += ", \(ReportDate.short(item.published))"
        if let speaker = item.speaker { text += ", quoting \(md(speaker))" }
        text += ": “\(md(item.sentence))”"
        if let safe = Escape.safeLink(item.link) { text += " [link](\(Self.destination(safe)))" }
        return text
    }

    func link(_ title: String, _ url: String?) -> String {
        guard let safe = Escape.safeLink(url) else { return Escape.markdown(title) }
        return "[\(Escape.markdown(title))](\(Self.destination(safe)))"
    }

    /// A link destination in angle brackets with the characters that could end it encoded.
    static func destination(_ url: String) -> String {
        var out = "<"
        for scalar in url.unicodeScalars {
            switch scalar {
            case "<": out += "%3C"
            case ">": out += "%3E"
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "|": out += "%7C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + ">"
    }
}
