import CorroborationModel
import Foundation
import TextAnalysis

/// Where every report, feed and stage result lives. The SQLite backend is the default; a
/// PostgreSQL one can follow for several machines sharing the work, with no change above this
/// protocol. Every write is one transaction: a crash leaves either all of it or none of it.
public protocol CorroborationStore: Sendable {
    /// Mirrors the registry's outlets (and any outlet met in input but not registered).
    func upsertOutlets(_ outlets: [StoredOutlet]) async throws(StorageError)

    /// The stored items of an outlet with these identities (`Report.identity`).
    func existingItems(outletID: String, identities: [String]) async throws(StorageError) -> [String: ExistingItem]

    /// Near-duplicate signatures of the items dated within `window`: the candidates a new item
    /// is compared with.
    func signatures(in window: ClosedRange<Date>) async throws(StorageError) -> [StoredSignature]

    /// Writes one batch (usually one feed document) in one transaction.
    func write(_ batch: IngestWrite) async throws(StorageError) -> IngestWriteResult

    func counts() async throws(StorageError) -> StoreCounts

    /// The outlets that have at least one stored item: for the others nothing can already exist.
    func outletsWithItems() async throws(StorageError) -> Set<String>

    /// Items, newest first, with their syndication (for listings and tests).
    func items(limit: Int) async throws(StorageError) -> [StoredItem]

    // MARK: Analysis

    /// Items waiting for analysis (new or changed since their claims were made), oldest first.
    func pendingAnalysis(limit: Int) async throws(StorageError) -> [PendingItem]

    /// Stores the claims of analysed items (replacing earlier ones) and takes them off the
    /// queue, in one transaction. `extractor` is the extractor's version.
    func writeClaims(_ results: [ItemClaims], extractor: Int) async throws(StorageError)

    /// Puts back on the queue the items whose claims an older extractor made.
    func requeueClaims(olderThan extractor: Int) async throws(StorageError) -> Int

    /// The claims stored for an item, with their sentence texts; nil when it has none yet.
    func claims(itemID: Int64) async throws(StorageError) -> [Claim]?

    // MARK: Other writers

    /// A number that changes when another connection or process commits to the store, and
    /// never for this store's own writes; nil when the backend cannot tell. A long-running
    /// poller keeps what it loaded from the store between cycles only while this stays the same.
    func foreignWriteMark() async throws(StorageError) -> Int64?
}

extension CorroborationStore {
    /// A backend that cannot tell says so: whatever was loaded from it is loaded again.
    public func foreignWriteMark() async throws(StorageError) -> Int64? { nil }
}

/// An item's text as analysis needs it.
public struct PendingItem: Sendable, Hashable {
    public var id: Int64
    public var outletID: String
    public var text: String
    public var published: Date?

    public init(id: Int64, outletID: String, text: String, published: Date?) {
        self.id = id
        self.outletID = outletID
        self.text = text
        self.published = published
    }
}

/// The claims of one item.
public struct ItemClaims: Sendable {
    public var itemID: Int64
    public var claims: [Claim]

    public init(itemID: Int64, claims: [Claim]) {
        self.itemID = itemID
        self.claims = claims
    }
}

/// An outlet as the store keeps it.
public struct StoredOutlet: Sendable, Hashable {
    public var id: String
    public var name: String
    public var wire: Bool
    public var ownership: String?
    /// False for an outlet met in input (a JSONL `outlet`, a feed's title) but not in the registry.
    public var registered: Bool

    public init(id: String, name: String, wire: Bool, ownership: String?, registered: Bool) {
        self.id = id
        self.name = name
        self.wire = wire
        self.ownership = ownership
        self.registered = registered
    }

    public init(_ outlet: Outlet) {
        self.init(
            id: outlet.id, name: outlet.name, wire: outlet.wire, ownership: outlet.ownership.kind.rawValue,
            registered: true)
    }
}

/// What the store already holds of an item.
public struct ExistingItem: Sendable, Hashable {
    public var id: Int64
    public var contentHash: String
    public var version: Int
    public var report: Report
    /// The content hashes of the item's earlier versions: text seen before is not a change.
    public var earlierHashes: Set<String>

    public init(id: Int64, contentHash: String, version: Int, report: Report, earlierHashes: Set<String> = []) {
        self.id = id
        self.contentHash = contentHash
        self.version = version
        self.report = report
        self.earlierHashes = earlierHashes
    }
}

/// A stored item's near-duplicate signature and syndication, for matching new items.
public struct StoredSignature: Sendable, Hashable {
    public var itemID: Int64
    public var outletID: String
    public var date: Date
    public var originID: Int64
    public var relation: SyndicationRelation
    public var signature: [UInt8]
    /// Outlets the item credits in a dateline, credit line, byline or `<source>`: whose copy it is.
    public var creditedOutlets: Set<String>

    public init(
        itemID: Int64, outletID: String, date: Date, originID: Int64, relation: SyndicationRelation,
        signature: [UInt8], creditedOutlets: Set<String> = []
    ) {
        self.itemID = itemID
        self.outletID = outletID
        self.date = date
        self.originID = originID
        self.relation = relation
        self.signature = signature
        self.creditedOutlets = creditedOutlets
    }
}

/// One batch of writes, applied in one transaction.
public struct IngestWrite: Sendable {
    /// Outlets to make or update first, in the same transaction (new outlets met in input).
    public var outlets: [StoredOutlet] = []
    /// The feed documents the batch came from, made or updated in the same transaction; a new
    /// item names its own by `feedKey`.
    public var feeds: [FeedRecord] = []
    public var newItems: [NewItem]
    public var changedItems: [ChangedItem]
    /// Every item whose origin is `from` takes `to` as its origin (a group found a better
    /// representative: the wire's own item arrived after its reprints).
    public var originChanges: [(from: ItemRef, to: ItemRef)]

    public init(
        feeds: [FeedRecord] = [], newItems: [NewItem] = [], changedItems: [ChangedItem] = [],
        originChanges: [(from: ItemRef, to: ItemRef)] = []
    ) {
        self.feeds = feeds
        self.newItems = newItems
        self.changedItems = changedItems
        self.originChanges = originChanges
    }
}

/// A feed document source: its URL, or `file:` and a path for local files.
public struct FeedRecord: Sendable, Hashable {
    public var key: String
    public var outletID: String
    public var title: String?
    public var format: String?

    public init(key: String, outletID: String, title: String?, format: String?) {
        self.key = key
        self.outletID = outletID
        self.title = title
        self.format = format
    }
}

public struct NewItem: Sendable {
    public let report: Report
    /// `report.identity` and `report.contentHash`, worked out before the item reaches the
    /// writer's thread, which is the one every ingest waits for.
    public let identity: String
    public let contentHash: String
    /// The key of the batch's feed the item came from (nil for article JSONL).
    public var feedKey: String?
    public var fetchedAt: Date
    public var signature: [UInt8]
    public var origin: ItemRef
    public var relation: SyndicationRelation
    public var similarity: Double?
    public var credits: [Credit]

    /// `identity` and `contentHash`, when given, are the report's own, computed ahead (on a
    /// thread that prepares documents in parallel).
    public init(
        report: Report, identity: String? = nil, contentHash: String? = nil, feedKey: String? = nil, fetchedAt: Date,
        signature: [UInt8], origin: ItemRef, relation: SyndicationRelation, similarity: Double?, credits: [Credit]
    ) {
        self.report = report
        self.identity = identity ?? report.identity
        self.contentHash = contentHash ?? report.contentHash
        self.feedKey = feedKey
        self.fetchedAt = fetchedAt
        self.signature = signature
        self.origin = origin
        self.relation = relation
        self.similarity = similarity
        self.credits = credits
    }
}

/// A stored item whose text changed: the old text is kept as a version.
public struct ChangedItem: Sendable {
    public var id: Int64
    public let report: Report
    /// `report.contentHash`, worked out off the writer's thread.
    public let contentHash: String
    public var fetchedAt: Date
    public var signature: [UInt8]
    /// The fields that differ from the stored version ("title", "text", ...).
    public var changes: [String]
    public var credits: [Credit]

    public init(id: Int64, report: Report, fetchedAt: Date, signature: [UInt8], changes: [String], credits: [Credit]) {
        self.id = id
        self.report = report
        contentHash = report.contentHash
        self.fetchedAt = fetchedAt
        self.signature = signature
        self.changes = changes
        self.credits = credits
    }
}

public struct IngestWriteResult: Sendable {
    /// Row ids of the new items, in batch order.
    public var newIDs: [Int64]

    public init(newIDs: [Int64]) { self.newIDs = newIDs }
}

public struct StoreCounts: Sendable, Hashable, Codable {
    public var outlets: Int
    public var feeds: Int
    public var items: Int
    public var versions: Int
    public var copies: Int
    public var derived: Int
    /// Items that are their own origin: the independent reports.
    public var origins: Int

    public init(outlets: Int, feeds: Int, items: Int, versions: Int, copies: Int, derived: Int, origins: Int) {
        self.outlets = outlets
        self.feeds = feeds
        self.items = items
        self.versions = versions
        self.copies = copies
        self.derived = derived
        self.origins = origins
    }
}

/// A stored item with what syndication found.
public struct StoredItem: Sendable, Hashable {
    public var id: Int64
    public var report: Report
    public var version: Int
    public var originID: Int64
    public var relation: SyndicationRelation
    public var similarity: Double?
    public var credits: [Credit]

    public init(
        id: Int64, report: Report, version: Int, originID: Int64, relation: SyndicationRelation, similarity: Double?,
        credits: [Credit]
    ) {
        self.id = id
        self.report = report
        self.version = version
        self.originID = originID
        self.relation = relation
        self.similarity = similarity
        self.credits = credits
    }
}
