import Foundation

/// Writes the `parse --json` contract of DESIGN.md by hand: fixed key order, explicit nulls for
/// absent values, dates as RFC 3339 in UTC. Scripts outside the project read this shape.
public enum FeedJSON {
    /// One feed as one line of JSON.
    public static func document(_ info: FeedDocumentInfo, entries: [FeedEntry]) -> String {
        let w = JSONWriter()
        w.object {
            w.key("format", info.format.rawValue)
            w.key("encoding", info.encoding)
            w.key("wellFormed", info.wellFormed)
            w.key("warnings") { w.array(info.warnings) { w.value($0) } }
            w.key("feed") { header(info.header, w) }
            w.key("entries") { w.array(entries) { entry($0, w) } }
        }
        return w.output
    }

    /// The one line `parse --stats` prints; the benchmark harness reads it as its metrics.
    public static func stats(files: Int, items: Int, bytes: Int, seconds: Double, failed: Int) -> String {
        let w = JSONWriter()
        w.object {
            w.key("files", files)
            w.key("items", items)
            w.key("bytes", bytes)
            w.key("seconds", seconds)
            w.key("parse_s", seconds)
            w.key("items_per_s", seconds > 0 ? Double(items) / seconds : 0)
            w.key("mb_per_s", seconds > 0 ? Double(bytes) / 1e6 / seconds : 0)
            w.key("failed", failed)
        }
        return w.output
    }

    private static func header(_ h: FeedHeader, _ w: JSONWriter) {
        w.object {
            w.key("title", h.title)
            w.key("link", h.link)
            w.key("subtitle", h.subtitle)
            w.key("language", h.language)
            w.key("rights", h.rights)
            w.key("updated", h.updated)
            w.key("authors") { w.array(h.authors) { person($0, w) } }
        }
    }

    private static func entry(_ e: FeedEntry, _ w: JSONWriter) {
        w.object {
            w.key("id", e.id)
            w.key("title", e.title)
            w.key("link", e.link)
            w.key("summary", e.summary)
            w.key("content", e.content)
            w.key("published", e.published)
            w.key("updated", e.updated)
            w.key("authors") { w.array(e.authors) { person($0, w) } }
            w.key("categories") { w.array(e.categories) { w.value($0) } }
            w.key("source") {
                if let source = e.source {
                    w.object {
                        w.key("title", source.title)
                        w.key("url", source.url)
                    }
                } else {
                    w.null()
                }
            }
            w.key("enclosures") {
                w.array(e.enclosures) { enclosure in
                    w.object {
                        w.key("url", enclosure.url)
                        w.key("type", enclosure.type)
                        w.key("length", enclosure.length)
                    }
                }
            }
            w.key("language", e.language)
            w.key("thumbnail", e.thumbnail)
        }
    }

    private static func person(_ p: FeedPerson, _ w: JSONWriter) {
        w.object {
            w.key("name", p.name)
            w.key("email", p.email)
            w.key("uri", p.uri)
        }
    }
}

/// A minimal streaming JSON writer: no intermediate dictionaries, keys in the order written.
public final class JSONWriter {
    public private(set) var output = ""

    public init() {}
    private var needsComma = false

    public func object(_ body: () -> Void) {
        open("{")
        body()
        close("}")
    }

    public func array<S: Sequence>(_ items: S, _ each: (S.Element) -> Void) {
        open("[")
        for item in items {
            separate()
            each(item)
            needsComma = true
        }
        close("]")
    }

    public func key(_ name: String, _ body: () -> Void) {
        separate()
        appendString(name)
        output += ":"
        needsComma = false
        body()
        needsComma = true
    }

    public func key(_ name: String, _ value: String?) { key(name) { self.value(value) } }
    public func key(_ name: String, _ value: FeedText?) { key(name) { self.value(value?.string) } }
    public func key(_ name: String, _ value: Int?) { key(name) { self.value(value) } }
    public func key(_ name: String, _ value: Double) { key(name) { output += formatDouble(value) } }
    public func key(_ name: String, _ value: Bool) { key(name) { output += value ? "true" : "false" } }
    public func key(_ name: String, _ value: Date?) {
        key(name) { self.value(value.map(FeedDateParser.rfc3339)) }
    }

    public func value(_ string: String?) {
        separate()
        if let string { appendString(string) } else { output += "null" }
        needsComma = true
    }

    public func value(_ number: Int?) {
        separate()
        output += number.map(String.init) ?? "null"
        needsComma = true
    }

    public func null() {
        separate()
        output += "null"
        needsComma = true
    }

    /// A value already written as JSON (by a JSONEncoder, say), placed as it is.
    public func raw(_ json: String) {
        separate()
        output += json
        needsComma = true
    }

    private func open(_ bracket: String) {
        separate()
        output += bracket
        needsComma = false
    }

    private func close(_ bracket: String) {
        output += bracket
        needsComma = true
    }

    private func separate() {
        if needsComma {
            output += ","
            needsComma = false
        }
    }

    private func formatDouble(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return String(format: "%.6g", value)
    }

    private func appendString(_ s: String) {
        output.unicodeScalars.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    output += String(format: "\\u%04x", scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.unicodeScalars.append("\"")
    }
}
