import CorroborationModel
import Foundation

/// What the story stage reads and writes: items waiting for a story, the recent assigned ones
/// (to rebuild the clusterer's window), and story assignments. A separate protocol from
/// `CorroborationStore` so that a backend can grow into it.
public protocol StoryStore: Sendable {
    /// Items without a story, oldest first.
    func itemsWithoutStory(limit: Int) async throws(StorageError) -> [StoryCandidate]
    /// Items with a story whose date falls in `window`, oldest first: what the clusterer must
    /// have seen to place a new item the way it placed the ones before. An item whose clusterer
    /// features are stored comes with them and without its text.
    func itemsWithStory(in window: ClosedRange<Date>) async throws(StorageError) -> [StoryCandidate]
    /// The date of the newest item with a story, nil when none has one.
    func newestPlacedDate() async throws(StorageError) -> Date?
    /// How many items with a story and a date in `window` have no stored clusterer features.
    func placedItemsLackingFeatures(in window: ClosedRange<Date>) async throws(StorageError) -> Int
    /// New stories, assignments and merges of stored stories, in one transaction, with the placed
    /// items' clusterer features; a story's title and time span are rewritten from its items.
    /// A merged story's items move to the story it merges into, and it is deleted. Returns the
    /// ids given to new stories, by key.
    func writeStories(
        _ assignments: [StoryAssignmentRecord], merges: [StoryMergeRecord]
    ) async throws(StorageError) -> [Int: Int64]
    /// Stores the clusterer features of items placed before they were kept (by item id).
    func writeStoryFeatures(_ features: [Int64: [UInt8]]) async throws(StorageError)
    /// Stories newest first, with their items.
    func stories(since: Date?, outlet: String?, limit: Int) async throws(StorageError) -> [StoredStory]
    /// One story with its items, nil when there is none with that id.
    func story(id: Int64) async throws(StorageError) -> StoredStory?
    /// Every stored outlet's display name, by id: reports name outlets as readers know them.
    func outletNames() async throws(StorageError) -> [String: String]
}

/// An item as story clustering reads it.
public struct StoryCandidate: Sendable, Hashable {
    public var itemID: Int64
    public var outletID: String
    public var date: Date
    public var title: String
    public var text: String
    /// Set for items that already have one.
    public var storyID: Int64?
    /// How the clusterer read the item when it placed it (`StoryFeatures` in storage form); the
    /// title and text are then left empty, since they need not be read again.
    public var features: [UInt8]?

    public init(
        itemID: Int64, outletID: String, date: Date, title: String, text: String, storyID: Int64?,
        features: [UInt8]? = nil
    ) {
        self.itemID = itemID
        self.outletID = outletID
        self.date = date
        self.title = title
        self.text = text
        self.storyID = storyID
        self.features = features
    }
}

extension StoryStore {
    /// New stories and assignments, with no merges.
    public func writeStories(_ assignments: [StoryAssignmentRecord]) async throws(StorageError) -> [Int: Int64] {
        try await writeStories(assignments, merges: [])
    }
}

/// Two stored stories found to be one event: `story`'s items move to `into`.
public struct StoryMergeRecord: Sendable, Hashable {
    public var story: Int64
    public var into: Int64

    public init(story: Int64, into: Int64) {
        self.story = story
        self.into = into
    }
}

/// An item placed in a story: an existing one (`storyID`) or a new one, named by a key that
/// groups the items of one new story within the write.
public struct StoryAssignmentRecord: Sendable, Hashable {
    public enum Story: Sendable, Hashable {
        case existing(Int64)
        case new(key: Int)
    }

    public var itemID: Int64
    public var story: Story
    /// How the clusterer read the item (`StoryFeatures` in storage form), kept so that later
    /// runs need not read it again.
    public var features: [UInt8]?

    public init(itemID: Int64, story: Story, features: [UInt8]? = nil) {
        self.itemID = itemID
        self.story = story
        self.features = features
    }
}

/// A story as `corroborate stories` lists it (the contract in DESIGN.md).
public struct StoredStory: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var itemID: Int64
        /// The item's id as ingested (the entry id or the JSONL `id`).
        public var sourceID: String
        public var outletID: String
        public var title: String?
        public var published: Date?
        public var link: String?
        /// The source id of the item this one copies, nil for an original.
        public var copyOf: String?
        public var originID: Int64
        /// Original, verbatim copy, or derived (rewritten from a credited wire).
        public var relation: SyndicationRelation
        /// The outlets the item credits ("With reporting by Reuters", "/TASS/"), sorted.
        public var creditedOutlets: [String]

        public init(
            itemID: Int64, sourceID: String, outletID: String, title: String?, published: Date?, link: String?,
            copyOf: String?, originID: Int64, relation: SyndicationRelation = .original, creditedOutlets: [String] = []
        ) {
            self.itemID = itemID
            self.sourceID = sourceID
            self.outletID = outletID
            self.title = title
            self.published = published
            self.link = link
            self.copyOf = copyOf
            self.originID = originID
            self.relation = relation
            self.creditedOutlets = creditedOutlets
        }
    }

    public var id: Int64
    public var title: String
    public var firstSeen: Date
    public var lastSeen: Date
    public var items: [Item]

    public var outlets: [String] { Array(Set(items.map(\.outletID))).sorted() }
    public var independentOrigins: Int { Set(items.map(\.originID)).count }

    public init(id: Int64, title: String, firstSeen: Date, lastSeen: Date, items: [Item]) {
        self.id = id
        self.title = title
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.items = items
    }
}
