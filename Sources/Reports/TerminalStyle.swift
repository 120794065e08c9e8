/// How terminal output looks: whether to color it and how wide a line may be. The CLI decides
/// (a TTY, `NO_COLOR`, `--color`, the window's width); renderers only obey.
public struct TerminalStyle: Sendable, Hashable {
    public enum Paint: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case magenta = "35"
        case cyan = "36"
        case boldRed = "1;31"
        case boldGreen = "1;32"
        case boldYellow = "1;33"
        case boldCyan = "1;36"
    }

    public var color: Bool
    /// Columns a line may use; long text wraps under its indentation.
    public var width: Int

    public init(color: Bool, width: Int) {
        self.color = color
        self.width = max(40, width)
    }

    /// Plain output at 100 columns: what pipes, files and tests get.
    public static let plain = TerminalStyle(color: false, width: 100)

    public func paint(_ text: String, _ paint: Paint) -> String {
        color && !text.isEmpty ? "\u{1B}[\(paint.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// `text` in lines of at most `width` columns: the first starts after `lead` (already
    /// printed, `leadWidth` columns wide), the rest are indented by `indent` spaces. Words longer
    /// than a line are cut.
    public func wrap(_ text: String, leadWidth: Int, indent: Int) -> [String] {
        let words = Escape.terminal(text).split(separator: " ", omittingEmptySubsequences: true)
        var lines: [String] = []
        var line = ""
        var used = leadWidth
        let room = max(20, width - indent)
        for word in words {
            var word = Substring(word)
            while word.count > room {
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                    used = indent
                }
                let cut = word.prefix(max(1, width - used))
                lines.append(String(cut))
                word = word.dropFirst(cut.count)
                used = indent
            }
            let needed = (line.isEmpty ? 0 : 1) + word.count
            if used + needed > width, !line.isEmpty {
                lines.append(line)
                line = String(word)
                used = indent + word.count
            } else {
                line += (line.isEmpty ? "" : " ") + word
                used += needed
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// `lead` followed by `text` wrapped under `indent` spaces, as finished lines.
    public func block(_ lead: String, leadWidth: Int, _ text: String, indent: Int) -> String {
        let lines = wrap(text, leadWidth: leadWidth, indent: indent)
        let padding = String(repeating: " ", count: indent)
        var out = lead + lines[0] + "\n"
        for line in lines.dropFirst() { out += padding + line + "\n" }
        return out
    }

    /// `text` cut to `columns` characters with an ellipsis.
    public static func truncate(_ text: String, _ columns: Int) -> String {
        text.count <= columns ? text : String(text.prefix(max(1, columns - 1))) + "…"
    }

    /// `text` padded with spaces (or cut) to exactly `columns` characters.
    public static func pad(_ text: String, _ columns: Int) -> String {
        let cut = truncate(text, columns)
        return cut + String(repeating: " ", count: max(0, columns - cut.count))
    }
}
