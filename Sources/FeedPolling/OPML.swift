import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A feed subscription as OPML carries it: the feed's URL, its title and site, the folder it sits
/// in, and Corroborate's outlet id (an extra outline attribute, which readers keep or ignore).
public struct Subscription: Sendable, Hashable {
    public var url: String
    public var title: String?
    public var siteURL: String?
    /// The folder (an enclosing outline without a feed URL), as Miniflux, NetNewsWire and FreshRSS
    /// export categories.
    public var category: String?
    /// The registry id of the outlet behind the feed.
    public var outlet: String?

    public init(
        url: String, title: String? = nil, siteURL: String? = nil, category: String? = nil, outlet: String? = nil
    ) {
        self.url = url
        self.title = title
        self.siteURL = siteURL
        self.category = category
        self.outlet = outlet
    }
}

/// OPML 1.0 and 2.0 subscription lists, read and written. External entities are never resolved.
public enum OPML {
    public enum ReadError: Error, Sendable, CustomStringConvertible {
        case malformed(line: Int, reason: String)
        case notOPML

        public var description: String {
            switch self {
            case .malformed(let line, let reason): return "line \(line): \(reason)"
            case .notOPML: return "not an OPML document (no <opml> root)"
            }
        }
    }

    /// Every outline with an `xmlUrl`, with the title of its enclosing folder as category.
    public static func read(_ data: Data) throws(ReadError) -> [Subscription] {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse(), parser.parserError == nil, !collector.sawRoot || collector.closedRoot else {
            throw .malformed(
                line: parser.lineNumber, reason: parser.parserError.map { "\($0.localizedDescription)" } ?? "unreadable"
            )
        }
        guard collector.sawRoot else { throw .notOPML }
        return collector.subscriptions
    }

    /// An OPML 2.0 document: folders by category, one outline per feed with `type="rss"`,
    /// `text`, `title`, `xmlUrl`, `htmlUrl`, and the outlet in `corroborateOutlet`.
    public static func write(_ subscriptions: [Subscription], title: String = "Corroborate feeds", now: Date = Date())
        -> String
    {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n<head>\n"
        out += "  <title>\(escape(title))</title>\n"
        out += "  <dateCreated>\(rfc822(now))</dateCreated>\n</head>\n<body>\n"
        let grouped = Dictionary(grouping: subscriptions) { $0.category ?? "" }
        for category in grouped.keys.sorted() {
            let feeds = grouped[category]!.sorted { ($0.title ?? $0.url) < ($1.title ?? $1.url) }
            let indent = category.isEmpty ? "  " : "    "
            if !category.isEmpty {
                out += "  <outline text=\"\(escape(category))\" title=\"\(escape(category))\">\n"
            }
            for feed in feeds {
                let name = escape(feed.title ?? feed.url)
                out +=
                    "\(indent)<outline type=\"rss\" text=\"\(name)\" title=\"\(name)\" xmlUrl=\"\(escape(feed.url))\""
                if let site = feed.siteURL { out += " htmlUrl=\"\(escape(site))\"" }
                if let outlet = feed.outlet { out += " corroborateOutlet=\"\(escape(outlet))\"" }
                out += "/>\n"
            }
            if !category.isEmpty { out += "  </outline>\n" }
        }
        return out + "</body>\n</opml>\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            default:
                // Characters XML 1.0 cannot hold are left out.
                if scalar.value < 0x20 && scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    final class Collector: NSObject, XMLParserDelegate {
        var subscriptions: [Subscription] = []
        var sawRoot = false
        var closedRoot = false
        /// The folder titles of the open outlines (nil for an outline that is a feed).
        var folders: [String?] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch name.lowercased() {
            case "opml": sawRoot = true
            case "outline":
                // Attribute names vary in case between exporters (xmlUrl, xmlurl, XMLURL).
                let lowered = Dictionary(
                    attributes.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
                if let url = lowered["xmlurl"]?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty {
                    let title = (lowered["title"] ?? lowered["text"]).flatMap { $0.isEmpty ? nil : $0 }
                    subscriptions.append(
                        Subscription(
                            url: url, title: title, siteURL: lowered["htmlurl"].flatMap { $0.isEmpty ? nil : $0 },
                            category: folders.compactMap { $0 }.last
                                ?? lowered["category"].flatMap { $0.isEmpty ? nil : $0 },
                            outlet: lowered["corroborateoutlet"]))
                    folders.append(nil)
                } else {
                    folders.append(lowered["title"] ?? lowered["text"])
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name.lowercased() == "outline", !folders.isEmpty { folders.removeLast() }
            if name.lowercased() == "opml" { closedRoot = true }
        }
    }
}
