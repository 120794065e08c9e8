import Foundation

/// The syndication format a document was written in, detected from its root element and namespace.
public enum FeedFormat: String, Sendable, Codable, CaseIterable {
    case rss20 = "rss2.0"
    case rss10 = "rss1.0"
    case rss09x = "rss0.9x"
    case atom10 = "atom1.0"
    case atom03 = "atom0.3"
}

/// A person named by a feed: an author, a creator, an editor.
public struct FeedPerson: Sendable, Hashable, Codable {
    public var name: String?
    public var email: String?
    public var uri: String?

    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }

    var isEmpty: Bool { name == nil && email == nil && uri == nil }
}

/// The publication an entry was first published by, from RSS `<source>` or `atom:source`.
/// Syndication detection reads it: a reprint that names its source is not an independent report.
public struct FeedSource: Sendable, Hashable, Codable {
    public var title: String?
    public var url: String?

    public init(title: String? = nil, url: String? = nil) {
        self.title = title
        self.url = url
    }
}

/// A media file attached to an entry (RSS `<enclosure>`, `atom:link rel="enclosure"`, `media:content`).
public struct FeedEnclosure: Sendable, Hashable, Codable {
    public var url: String
    public var type: String?
    public var length: Int?

    public init(url: String, type: String? = nil, length: Int? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}

/// Channel-level metadata of a feed.
public struct FeedHeader: Sendable, Hashable, Codable {
    public var title: String?
    public var link: String?
    public var subtitle: String?
    public var language: String?
    public var rights: String?
    public var updated: Date?
    public var authors: [FeedPerson] = []

    public init() {}
}

/// UTF-8 text the parser produced: sanitized HTML, or the plain text made of it.
///
/// It stays bytes because most consumers write it out again (JSON, SQLite) and a Swift `String`
/// made of it would check every byte a second time; `string` makes one when it is wanted.
public struct FeedText: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The text as UTF-8; always valid, whichever initializer made it.
    public let utf8: [UInt8]

    public init(_ string: String) { utf8 = Array(string.utf8) }
    public init(stringLiteral value: String) { self.init(value) }
    /// Bytes the parser vouches for: its sanitizer only ever writes valid UTF-8.
    init(validUTF8 bytes: [UInt8]) { utf8 = bytes }

    public var string: String { String(decoding: utf8, as: UTF8.self) }
    public var description: String { string }
    public var isEmpty: Bool { utf8.isEmpty }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }
}

/// One item of a feed, normalized across formats.
///
/// `title` is plain text. `summary` and `content` are sanitized HTML, safe to embed in a page;
/// `summaryText` and `contentText` are the same with markup removed, for text analysis.
public struct FeedEntry: Sendable, Hashable, Codable {
    /// The entry's identity: guid / atom:id, else its link, else a stable hash of title and date.
    public var id: String
    public var title: String?
    public var link: String?
    public var summary: FeedText?
    public var content: FeedText?
    public var summaryText: FeedText?
    public var contentText: FeedText?
    public var published: Date?
    public var updated: Date?
    public var authors: [FeedPerson] = []
    public var categories: [String] = []
    public var source: FeedSource?
    public var enclosures: [FeedEnclosure] = []
    /// A picture for the entry (`media:thumbnail`).
    public var thumbnail: String?
    /// `xml:lang` in force on the entry, or the feed's language.
    public var language: String?

    public init(id: String) {
        self.id = id
    }
}

/// What parsing one document produced: its format, the encoding it was read in, whether it was
/// well-formed, what had to be repaired, and the feed itself.
public struct ParsedFeed: Sendable, Hashable {
    public var format: FeedFormat
    /// The character encoding the document was decoded from, lowercased (`utf-8`, `windows-1251`, ...).
    public var encoding: String
    /// False when the document needed any repair: recovery from XML errors, a wrong or missing
    /// encoding declaration, undeclared entities, a truncated end.
    public var wellFormed: Bool
    /// One line per problem met, each naming where it was (`line 3: undeclared entity &nbsp; replaced`).
    public var warnings: [String]
    public var header: FeedHeader
    public var entries: [FeedEntry]

    public init(
        format: FeedFormat, encoding: String, wellFormed: Bool, warnings: [String],
        header: FeedHeader, entries: [FeedEntry]
    ) {
        self.format = format
        self.encoding = encoding
        self.wellFormed = wellFormed
        self.warnings = warnings
        self.header = header
        self.entries = entries
    }
}
