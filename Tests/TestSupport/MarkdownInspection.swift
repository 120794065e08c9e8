/// Checks on Markdown output that a renderer would turn into something live.
public enum MarkdownInspection {
    /// Whether the Markdown holds a link (inline or autolink) whose destination starts with
    /// `scheme`: a `](` or `](<` not preceded by a backslash-escaped `]`, or `<scheme`.
    public static func hasLiveLink(to scheme: String, in markdown: String) -> Bool {
        let text = Array(markdown.lowercased())
        let target = Array(scheme.lowercased())
        func matches(at index: Int) -> Bool {
            index + target.count <= text.count && Array(text[index..<index + target.count]) == target
        }
        for index in text.indices where text[index] == "]" {
            guard index == 0 || text[index - 1] != "\\" else { continue }
            guard index + 1 < text.count, text[index + 1] == "(" else { continue }
            var start = index + 2
            if start < text.count, text[start] == "<" { start += 1 }
            if matches(at: start) { return true }
        }
        for index in text.indices where text[index] == "<" && matches(at: index + 1) { return true }
        return false
    }
}
