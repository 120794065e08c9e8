import FeedParsing
import Pipeline

/// The short, readable account of one feed that `parse` prints without flags.
enum FeedSummary {
    static func render(input: String, result: FeedReadResult) -> String {
        let info = result.info
        var lines: [String] = []
        let health = info.wellFormed ? "well-formed" : "repaired"
        lines.append(
            "\(input): \(info.format.rawValue), \(info.encoding), \(info.entryCount) "
                + "\(info.entryCount == 1 ? "entry" : "entries"), \(health)")
        let h = info.header
        if let title = h.title { lines.append("  title    \(title)") }
        if let link = h.link { lines.append("  link     \(link)") }
        if let language = h.language { lines.append("  language \(language)") }
        if let updated = h.updated { lines.append("  updated  \(FeedDateParser.rfc3339(updated))") }
        for (index, entry) in result.entries.enumerated() {
            let date = (entry.published ?? entry.updated).map(FeedDateParser.rfc3339) ?? "(no date)"
            lines.append("  \(index + 1). \(date)  \(entry.title ?? "(untitled)")")
            if let link = entry.link { lines.append("     \(link)") }
        }
        if info.entryCount > result.entries.count {
            lines.append("  … and \(info.entryCount - result.entries.count) more")
        }
        if !info.warnings.isEmpty {
            lines.append("  warnings:")
            lines += info.warnings.map { "    \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
