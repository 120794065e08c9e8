import Foundation

/// One news item as every stage after parsing sees it, whatever it came from (a feed entry, a
/// line of article JSONL): the outlet's words, normalized, with the plain text analysis reads.
public struct Report: Sendable, Hashable, Codable {
    /// The registry id of the outlet that published it.
    public var outletID: String
    /// The item's own id: the feed entry's guid or Atom id (else its link), or the JSONL `id`.
    public var sourceID: String
    public var link: String?
    public var title: String?
    /// Sanitized HTML, as the parser made it; nil for plain-text sources.
    public var summaryHTML: String?
    public var contentHTML: String?
    /// Title and body as plain text: what syndication, clustering and claim extraction read.
    public var text: String
    public var published: Date?
    public var updated: Date?
    public var authors: [String]
    public var categories: [String]
    /// The RSS `<source>` element: where a reprint says the item came from.
    public var sourceTitle: String?
    public var sourceURL: String?
    public var language: String?
    /// Attached media (RSS `<enclosure>`, Media RSS content) as the feed gave them.
    public var enclosures: [Enclosure] = []
    /// A picture for the item (`media:thumbnail`).
    public var thumbnail: String?

    /// A file attached to an item: its URL, MIME type and length in bytes, when given.
    public struct Enclosure: Sendable, Hashable, Codable {
        public var url: String
        public var type: String?
        public var length: Int?

        public init(url: String, type: String? = nil, length: Int? = nil) {
            self.url = url
            self.type = type
            self.length = length
        }
    }

    public init(
        outletID: String, sourceID: String, link: String? = nil, title: String? = nil, summaryHTML: String? = nil,
        contentHTML: String? = nil, text: String, published: Date? = nil, updated: Date? = nil,
        authors: [String] = [], categories: [String] = [], sourceTitle: String? = nil, sourceURL: String? = nil,
        language: String? = nil
    ) {
        self.outletID = outletID
        self.sourceID = sourceID
        self.link = link
        self.title = title
        self.summaryHTML = summaryHTML
        self.contentHTML = contentHTML
        self.text = text
        self.published = published
        self.updated = updated
        self.authors = authors
        self.categories = categories
        self.sourceTitle = sourceTitle
        self.sourceURL = sourceURL
        self.language = language
    }

    /// What makes two reports of one outlet the same item: the id and the link together, so a
    /// feed that reuses one guid for different stories keeps them apart, while a story updated
    /// under its guid and link stays one item with a new version.
    public var identity: String { sourceID + "\u{1F}" + (link ?? "") }

    /// The moment the report is placed at in time: published, else updated.
    public var date: Date? { published ?? updated }

    /// A fingerprint of everything an edit can change; equal hashes mean an unchanged item.
    /// Eight bytes at a time: it runs over every item of every ingest.
    public var contentHash: String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        func mix(_ string: String?) {
            guard var string else {
                mix(0x5EED)
                return
            }
            string.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return }
                let raw = UnsafeRawPointer(base)
                var offset = 0
                while offset + 8 <= bytes.count {
                    mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    offset += 8
                }
                var tail: UInt64 = 0
                while offset < bytes.count {
                    tail = tail << 8 | UInt64(bytes[offset])
                    offset += 1
                }
                mix(tail)
                mix(UInt64(bytes.count))
            }
        }
        mix(title)
        mix(summaryHTML)
        mix(contentHTML)
        mix(text)
        mix(thumbnail)
        for enclosure in enclosures { mix(enclosure.url) }
        mix(published.map { UInt64(bitPattern: Int64($0.timeIntervalSince1970 * 1000)) } ?? 1)
        mix(updated.map { UInt64(bitPattern: Int64($0.timeIntervalSince1970 * 1000)) } ?? 2)
        return String(hash, radix: 16)
    }
}

/// A credit found in an item's text or byline: the outlet it names, where it sits, and the text
/// that matched ("(Reuters)", "With reporting by Reuters, TASS, and Interfax").
public struct Credit: Sendable, Hashable, Codable {
    public var outletID: String
    public var kind: CreditKind
    public var text: String

    public init(outletID: String, kind: CreditKind, text: String) {
        self.outletID = outletID
        self.kind = kind
        self.text = text
    }
}

/// How an item relates to the reporting it carries.
public enum SyndicationRelation: String, Sendable, Hashable, Codable, CaseIterable {
    /// Its own reporting, or the first of a group of near-identical texts.
    case original
    /// A near-verbatim copy of another item (its origin).
    case copy
    /// Rewritten, but credited to a wire in a dateline, credit line or byline: not independent of it.
    case derived
}

/// An item named in a batch: one already stored (its row id), or the n-th new item of the batch.
public enum ItemRef: Sendable, Hashable {
    case stored(Int64)
    case new(Int)
}
