import Foundation

/// Makes untrusted feed text safe for each output. Every renderer sends every feed-derived string
/// through here: titles, sentences, speaker and outlet names, links.
public enum Escape {
    /// Text for HTML element content and quoted attribute values. Control characters (which no
    /// HTML may hold) are dropped; the five markup characters become entities.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if isDropped(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text for a Markdown paragraph or table cell: line breaks folded into spaces (no block can
    /// start inside it), the inline markers (emphasis, code, links, tables) backslash-escaped,
    /// and `<` `>` `&` as entities so that no raw HTML passes through a Markdown renderer.
    public static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}": out += " "
            // Renderers never start a line with feed text, so the block markers (`-`, `+`,
            // `1.`) cannot fire; what remains are the inline ones, links and tables.
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default:
                if isDropped(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text for one terminal line: control characters (escape sequences a hostile title could use
    /// to repaint the screen) and line breaks removed.
    public static func terminal(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || scalar == "\r" {
                out += " "
            } else if !isDropped(scalar) && scalar != "\u{1B}" {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A link a report may make clickable: an absolute http or https URL with a host and nothing
    /// that could end the attribute or smuggle another scheme. Anything else is shown as text.
    public static func safeLink(_ link: String?) -> String? {
        guard let link = link?.trimmingCharacters(in: .whitespaces), !link.isEmpty, link.count <= 2_048,
            let components = URLComponents(string: link),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { return nil }
        for scalar in link.unicodeScalars
        where scalar.value < 0x21 || scalar.value == 0x7F || "\"'<>\\`".unicodeScalars.contains(scalar) {
            return nil
        }
        return link
    }

    /// C0 and C1 controls (but tab and newline), and the bidirectional overrides that let a title
    /// reverse the text after it. Isolates are left to the renderers that set them.
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        case 0xFFF9...0xFFFB, 0xFEFF: return true
        default: return false
        }
    }
}

/// Dates as reports print them: minute precision, UTC, readable ("2017-09-16 07:50").
public enum ReportDate {
    public static func short(_ date: Date?) -> String {
        guard let date else { return "(no date)" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// A time span "2017-09-16 07:50 to 2017-09-18 13:00 UTC", the second date shortened when it
    /// falls on the same day.
    public static func span(_ from: Date, _ to: Date) -> String {
        let first = short(from)
        let last = short(to)
        if first == last { return first + " UTC" }
        if first.prefix(10) == last.prefix(10) { return first + " to " + last.dropFirst(11) + " UTC" }
        return first + " to " + last + " UTC"
    }
}
