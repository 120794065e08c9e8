import Corroboration
import FeedParsing
import Foundation

/// The source diff as a unified-diff-like view: `!` conflicts, `-` only in A, `+` only in B,
/// `=` in both with the wording differences marked `[-removed-]{+added+}`.
public struct DiffTextRenderer: Sendable {
    public var style: TerminalStyle

    public init(style: TerminalStyle = .plain) {
        self.style = style
    }

    public func render(_ diff: SourceDiff) -> String {
        let counts = diff.counts
        var out = style.paint("--- A: \(Escape.terminal(diff.a.label))", .red) + "\n"
        out += style.paint("+++ B: \(Escape.terminal(diff.b.label))", .green) + "\n"
        out += "\(diff.stories.count) stor\(diff.stories.count == 1 ? "y" : "ies") reported by both: "
        out += "\(counts[.conflict] ?? 0) claims in conflict, \(counts[.onlyA] ?? 0) only in A, "
        out += "\(counts[.onlyB] ?? 0) only in B, \(counts[.both] ?? 0) in both\n"
        for (header, entries) in diff.stories {
            out += "\n" + style.paint("@@ story \(header.id) · \(ReportDate.short(header.lastSeen)) @@ ", .cyan)
            out +=
                style.paint(TerminalStyle.truncate(Escape.terminal(header.title), max(20, style.width - 40)), .bold)
                + "\n"
            if entries.isEmpty { out += style.paint("  (no claims extracted)", .dim) + "\n" }
            for entry in entries { out += line(entry) }
        }
        if !diff.oneSided.isEmpty {
            out += "\n" + style.paint("Stories only one side reports", .bold) + "\n"
            for story in diff.oneSided {
                let mark = story.side == .onlyA ? "-" : "+"
                let lead = "\(mark) story \(story.story) · \(ReportDate.short(story.lastSeen)) · "
                out += style.paint(
                    style.block(lead, leadWidth: lead.count, story.title + " (\(story.reports) reports)", indent: 4),
                    story.side == .onlyA ? .red : .green)
            }
        }
        return out
    }

    func line(_ entry: SourceDiff.Entry) -> String {
        let status = "[\(entry.claim.status.rawValue)] "
        switch entry.kind {
        case .conflict:
            let what = [entry.conflictKind?.rawValue, entry.conflictDetail].compactMap { $0 }.joined(separator: ": ")
            var out = style.paint(style.block("! ", leadWidth: 2, status + entry.claim.text, indent: 4), .yellow)
            if !what.isEmpty { out += style.paint("    conflict: " + Escape.terminal(what), .yellow) + "\n" }
            out += evidence(entry.a.first, mark: "-", paint: .red)
            out += evidence(entry.b.first, mark: "+", paint: .green)
            return out
        case .onlyA:
            return style.paint(style.block("- ", leadWidth: 2, status + entry.claim.text, indent: 4), .red)
                + evidence(entry.a.first, mark: " ", paint: .dim)
        case .onlyB:
            return style.paint(style.block("+ ", leadWidth: 2, status + entry.claim.text, indent: 4), .green)
                + evidence(entry.b.first, mark: " ", paint: .dim)
        case .both:
            var out = style.block("= ", leadWidth: 2, status + entry.claim.text, indent: 4)
            if entry.wording.contains(where: { $0.operation != .same }) {
                let names = (entry.a.first?.outletName ?? "A") + " → " + (entry.b.first?.outletName ?? "B")
                out += style.paint("    wording, " + Escape.terminal(names) + ":", .dim) + "\n"
                out += wording(entry.wording, indent: 6)
            }
            return out
        }
    }

    /// The word diff wrapped to the width: removed words red (or `[-...-]` without color),
    /// added ones green (or `{+...+}`); widths counted on the visible text, not the escapes.
    func wording(_ segments: [WordDiff.Segment], indent: Int) -> String {
        var words: [(visible: Int, painted: String)] = []
        for segment in segments {
            for word in Escape.terminal(segment.text).split(separator: " ") {
                let text = String(word)
                switch segment.operation {
                case .same: words.append((text.count, text))
                case .removed:
                    let shown = style.color ? text : "[-\(text)-]"
                    words.append((shown.count, style.paint(shown, .red)))
                case .added:
                    let shown = style.color ? text : "{+\(text)+}"
                    words.append((shown.count, style.paint(shown, .green)))
                }
            }
        }
        let padding = String(repeating: " ", count: indent)
        var out = padding
        var used = indent
        for word in words {
            if used > indent, used + 1 + word.visible > style.width {
                out += "\n" + padding
                used = indent
            }
            if used > indent {
                out += " "
                used += 1
            }
            out += word.painted
            used += word.visible
        }
        return out + "\n"
    }

    func evidence(_ evidence: CorroborationReport.Evidence?, mark: String, paint: TerminalStyle.Paint) -> String {
        guard let evidence else { return "" }
        var lead = "  \(mark) " + Escape.terminal(evidence.outletName) + ", " + ReportDate.short(evidence.published)
        if let speaker = evidence.speaker { lead += ", quoting " + Escape.terminal(speaker) }
        return style.paint(lead, paint) + "\n"
            + style.block("      ", leadWidth: 6, "“" + evidence.sentence + "”", indent: 6)
    }
}

/// The source diff as one JSON document: `onlyA`, `onlyB`, `both` and `conflicts` (the contract
/// in DESIGN.md), each entry with its story, its claim and the reports of each side.
public enum DiffJSON {
    public static func render(_ diff: SourceDiff) -> String {
        let w = JSONWriter()
        w.object {
            w.key("a") { side(diff.a, w) }
            w.key("b") { side(diff.b, w) }
            w.key("stories") {
                w.array(diff.stories) { story in
                    w.object {
                        w.key("id", Int(story.header.id))
                        w.key("title", story.header.title)
                        w.key("firstSeen", story.header.firstSeen)
                        w.key("lastSeen", story.header.lastSeen)
                    }
                }
            }
            for (key, kind) in [
                ("onlyA", SourceDiff.Kind.onlyA), ("onlyB", .onlyB), ("both", .both), ("conflicts", .conflict),
            ] {
                w.key(key) { w.array(diff.entries(kind)) { entry($0, w) } }
            }
            w.key("oneSidedStories") {
                w.array(diff.oneSided) { story in
                    w.object {
                        w.key("id", Int(story.story))
                        w.key("title", story.title)
                        w.key("lastSeen", story.lastSeen)
                        w.key("side", story.side == .onlyA ? "a" : "b")
                        w.key("reports", story.reports)
                    }
                }
            }
        }
        return w.output
    }

    static func side(_ side: SourceDiff.Side, _ w: JSONWriter) {
        w.object {
            w.key("label", side.label)
            w.key("outlets") { w.array(side.outlets) { w.value($0) } }
        }
    }

    static func entry(_ entry: SourceDiff.Entry, _ w: JSONWriter) {
        w.object {
            w.key("story", Int(entry.story))
            w.key("claim", entry.claim.number)
            w.key("text", entry.claim.text)
            w.key("slot", entry.claim.slot.rawValue)
            w.key("speaker", entry.claim.speaker?.name)
            w.key("status", entry.claim.status.rawValue)
            if entry.kind == .conflict {
                w.key("kind", entry.conflictKind?.rawValue)
                w.key("detail", entry.conflictDetail)
            }
            w.key("a") { w.array(entry.a) { ReportJSON.evidence($0, w) } }
            w.key("b") { w.array(entry.b) { ReportJSON.evidence($0, w) } }
            if entry.kind == .both {
                w.key("wording") {
                    w.array(entry.wording) { segment in
                        w.object {
                            w.key("op", segment.operation.rawValue)
                            w.key("text", segment.text)
                        }
                    }
                }
            }
        }
    }
}
