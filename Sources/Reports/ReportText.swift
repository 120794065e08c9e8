import Corroboration
import Foundation

/// The corroboration report for a terminal: what is contested first, then what is established,
/// each claim with the reports behind it, the outlet-by-claim matrix and the timeline.
public struct ReportTextRenderer: Sendable {
    public var style: TerminalStyle
    /// Attributed and single-source claims shown (each) before the rest are only counted; nil
    /// shows every claim.
    public var claimLimit: Int?
    /// Supporting reports shown per claim before the rest are summarized; nil shows them all.
    public var evidenceLimit: Int?

    public init(style: TerminalStyle = .plain, claimLimit: Int? = 10, evidenceLimit: Int? = 3) {
        self.style = style
        self.claimLimit = claimLimit
        self.evidenceLimit = evidenceLimit
    }

    public func render(_ report: CorroborationReport) -> String {
        var out = header(report)
        out += glance(report)
        out += conflicts(report)
        out += claims(report)
        out += matrix(report)
        out += timeline(report)
        return out
    }

    static func paint(for status: ClaimStatus) -> TerminalStyle.Paint {
        switch status {
        case .contested: return .boldRed
        case .corroborated: return .boldGreen
        case .attributed: return .boldCyan
        case .singleSource: return .yellow
        }
    }

    func section(_ title: String) -> String {
        "\n" + style.paint(title, .bold) + "\n"
    }

    func header(_ report: CorroborationReport) -> String {
        let story = report.story
        let lead = "Story \(story.id)  "
        var out = style.paint(lead, .bold)
        out +=
            style.wrap(story.title.isEmpty ? "(untitled)" : story.title, leadWidth: lead.count, indent: 2)
            .enumerated().map { $0.offset == 0 ? style.paint($0.element, .bold) : "  " + $0.element }
            .joined(separator: "\n") + "\n"
        let outlets = Set(story.items.map(\.outletID)).count
        var meta = ReportDate.span(story.firstSeen, story.lastSeen) + " · \(story.items.count) reports from "
        meta += "\(outlets) outlet\(outlets == 1 ? "" : "s") · \(story.independentOrigins) independent origin"
        meta += story.independentOrigins == 1 ? "" : "s"
        out += style.block("  ", leadWidth: 2, meta, indent: 2)
        let counts = report.statusCounts
        let parts = ClaimStatus.allCases.sorted { order($0) < order($1) }.compactMap { status -> String? in
            guard let count = counts[status], count > 0 else { return nil }
            return style.paint("\(count) \(status.rawValue)", Self.paint(for: status))
        }
        out += "  Claims: " + (parts.isEmpty ? "none extracted yet" : parts.joined(separator: " · ")) + "\n"
        return out
    }

    func order(_ status: ClaimStatus) -> Int {
        [.contested: 0, .corroborated: 1, .attributed: 2, .singleSource: 3][status]!
    }

    /// What is contested, what is established and whose word the rest is, in a few lines.
    func glance(_ report: CorroborationReport) -> String {
        let contested = report.claims.filter { $0.status == .contested }.prefix(3)
        let established = report.claims.filter { $0.status == .corroborated }.prefix(3)
        let voices = report.voices.prefix(4)
        guard !contested.isEmpty || !established.isEmpty || !voices.isEmpty else { return "" }
        var out = section("At a glance")
        func line(_ mark: String, _ status: ClaimStatus, _ text: String) {
            out += "  " + style.paint(TerminalStyle.pad(mark, 13), Self.paint(for: status))
            out += style.wrap(text, leadWidth: 15, indent: 15).joined(
                separator: "\n" + String(repeating: " ", count: 15))
            out += "\n"
        }
        for claim in contested { line("contested", .contested, "\(claim.text) (\(claim.reason))") }
        for claim in established { line("established", .corroborated, "\(claim.text) (\(claim.reason))") }
        for voice in voices { line("their word", .attributed, CorroborationReport.describe(voice)) }
        return out
    }

    func conflicts(_ report: CorroborationReport) -> String {
        guard !report.conflicts.isEmpty else { return "" }
        var out = section("Conflicts")
        for conflict in report.conflicts {
            let lead = "  claim \(conflict.claim) · \(conflict.kind.rawValue): "
            out +=
                style.paint(lead, .red)
                + style.wrap(conflict.detail, leadWidth: lead.count, indent: 4)
                .joined(separator: "\n    ") + "\n"
            out += side("A", conflict.first)
            let shown = evidenceLimit.map { Array(conflict.others.prefix(max(1, $0 / 2))) } ?? conflict.others
            for other in shown { out += side("B", other) }
            if shown.count < conflict.others.count {
                let names = Set(conflict.others.dropFirst(shown.count).map { Escape.terminal($0.outletName) }).sorted()
                out += style.block(
                    "    B  ", leadWidth: 7,
                    "and \(conflict.others.count - shown.count) more: " + names.joined(separator: ", "), indent: 7)
            }
        }
        return out
    }

    func side(_ label: String, _ evidence: CorroborationReport.Evidence) -> String {
        let date = "  " + ReportDate.short(evidence.published)
        var who = Escape.terminal(evidence.outletName)
        if let speaker = evidence.speaker { who += " quoting " + Escape.terminal(speaker) }
        who = TerminalStyle.truncate(who, style.width - 7 - date.count)
        var out = "    \(label)  " + style.paint(who, .bold) + style.paint(date, .dim) + "\n"
        out += style.block("       ", leadWidth: 7, "“" + evidence.sentence + "”", indent: 7)
        return out
    }

    func claims(_ report: CorroborationReport) -> String {
        guard !report.claims.isEmpty else {
            return section("Claims") + "  No claims extracted yet: run `corroborate ingest` (without --no-analysis).\n"
        }
        let (shown, hidden) = report.featuredClaims(limit: claimLimit)
        var out = section("Claims")
        for claim in shown {
            let badge = TerminalStyle.pad(claim.status.rawValue.uppercased(), 13)
            let number = TerminalStyle.pad("\(claim.number)", 3)
            let lead = "  \(number) "
            out += lead + style.paint(badge, Self.paint(for: claim.status)) + " "
            out +=
                style.wrap(claim.text, leadWidth: lead.count + 14, indent: lead.count + 14)
                .joined(separator: "\n" + String(repeating: " ", count: lead.count + 14)) + "\n"
            let indent = String(repeating: " ", count: lead.count + 14)
            var facts: [String] = []
            if let speaker = claim.speaker { facts.append("speaker: " + Escape.terminal(speaker.name)) }
            facts.append(claim.reason)
            facts.append(String(format: "confidence %.2f", claim.confidence))
            out += style.block(indent, leadWidth: indent.count, facts.joined(separator: " · "), indent: indent.count)
            out += evidenceLines(claim.supporting, mark: "+", paint: .green, limit: evidenceLimit, indent: indent)
            out += evidenceLines(claim.contradicting, mark: "✗", paint: .red, limit: nil, indent: indent)
            out += evidenceLines(claim.discussing, mark: "~", paint: .cyan, limit: evidenceLimit, indent: indent)
        }
        if let note = CorroborationReport.describeHidden(hidden) { out += style.paint("  " + note, .dim) + "\n" }
        return out
    }

    func evidenceLines(
        _ evidence: [CorroborationReport.Evidence], mark: String, paint: TerminalStyle.Paint, limit: Int?,
        indent: String
    ) -> String {
        var out = ""
        let shown = limit.map { Array(evidence.prefix($0)) } ?? evidence
        for item in shown {
            var who = Escape.terminal(item.outletName)
            if item.syndication != .original { who += " (\(item.syndication.rawValue))" }
            let lead = indent + mark + " "
            let head = TerminalStyle.pad(who, 22) + " " + ReportDate.short(item.published)
            out += lead + style.paint(head, paint)
            let room = style.width - lead.count - head.count - 2
            if let speaker = item.speaker, room > 3 {
                out += style.paint("  " + TerminalStyle.truncate(Escape.terminal(speaker), room), .dim)
            }
            out += "\n"
            let quoteIndent = indent.count + 4
            out += style.block(
                String(repeating: " ", count: quoteIndent), leadWidth: quoteIndent,
                "“" + item.sentence + "”" + (item.detail.map { " [\($0)]" } ?? ""), indent: quoteIndent)
            if let link = Escape.safeLink(item.link) {
                out +=
                    String(repeating: " ", count: quoteIndent)
                    + style.paint(TerminalStyle.truncate(link, style.width - quoteIndent), .dim) + "\n"
            }
        }
        if shown.count < evidence.count {
            let rest = evidence.dropFirst(shown.count)
            let names = Array(Set(rest.map { Escape.terminal($0.outletName) })).sorted().joined(separator: ", ")
            out += style.block(
                indent + mark + " ", leadWidth: indent.count + 2, "\(rest.count) more: \(names)",
                indent: indent.count + 4)
        }
        return out
    }

    func matrix(_ report: CorroborationReport) -> String {
        let columns = report.claims.filter { $0.status != .singleSource }
        guard !columns.isEmpty, report.outlets.count > 1 else { return "" }
        let nameWidth = min(22, report.outlets.map { report.outletName($0).count }.max() ?? 10)
        let fit = max(1, (style.width - nameWidth - 4) / 3)
        let shown = Array(columns.prefix(fit))
        var out = section("Outlets × claims") + style.paint("  ✓ asserts  ✗ contradicts  ~ relays or discusses", .dim)
        out += "\n  " + String(repeating: " ", count: nameWidth) + " "
        out += shown.map { TerminalStyle.pad(String($0.number), 3) }.joined() + "\n"
        for outlet in report.outlets {
            out += "  " + TerminalStyle.pad(Escape.terminal(report.outletName(outlet)), nameWidth) + " "
            for claim in shown {
                switch claim.relation(of: outlet) {
                case .supports: out += style.paint("✓", .green) + "  "
                case .contradicts: out += style.paint("✗", .red) + "  "
                case .discusses, .unrelated: out += style.paint("~", .cyan) + "  "
                case nil: out += style.paint("·", .dim) + "  "
                }
            }
            out += "\n"
        }
        if shown.count < columns.count {
            out += style.paint("  (\(columns.count - shown.count) more claims do not fit this width)", .dim) + "\n"
        }
        return out
    }

    func timeline(_ report: CorroborationReport) -> String {
        var out = section("Timeline (copies folded under their origin)")
        for entry in report.timeline {
            let lead =
                "  " + ReportDate.short(entry.item.published) + "  "
                + TerminalStyle.pad(Escape.terminal(report.outletName(entry.item.outletID)), 18) + " "
            out += style.block(
                style.paint(lead, .dim), leadWidth: lead.count, entry.item.title ?? "(untitled)", indent: lead.count)
            for follower in entry.followers {
                let kind = follower.relation == .derived ? "derived" : "copy"
                let text =
                    "└ \(kind): " + Escape.terminal(report.outletName(follower.outletID)) + ", "
                    + ReportDate.short(follower.published)
                out += String(repeating: " ", count: 20) + style.paint(text, .dim) + "\n"
            }
            if !entry.item.creditedOutlets.isEmpty {
                let names = entry.item.creditedOutlets.map { Escape.terminal(report.outletName($0)) }
                out +=
                    String(repeating: " ", count: 20) + style.paint("credits " + names.joined(separator: ", "), .dim)
                    + "\n"
            }
        }
        return out
    }
}
