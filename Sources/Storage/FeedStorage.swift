import Foundation

/// What polling reads and writes: the feeds to watch and each one's state (validators, schedule,
/// errors, retirement). A protocol of its own so that a backend can grow into it.
public protocol FeedStateStore: Sendable {
    /// Adds feeds by URL, or updates the outlet, title and category of those already there.
    /// Returns how many were new.
    func addFeeds(_ feeds: [FeedSubscription]) async throws(StorageError) -> Int
    /// Stops watching a feed (its items stay). False when no feed has that URL.
    func removeFeed(url: String) async throws(StorageError) -> Bool
    /// Every feed with an http or https URL, retired ones included, by URL.
    func polledFeeds() async throws(StorageError) -> [PolledFeed]
    /// Feeds not retired whose next poll is due at `date` (never polled counts as due).
    func dueFeeds(at date: Date) async throws(StorageError) -> [PolledFeed]
    /// The state after one poll of a feed, in one transaction.
    func recordPoll(_ update: FeedPollUpdate) async throws(StorageError)
    /// Publication dates of the feed's latest items, newest first: its publishing rate.
    func recentItemDates(feedURL: String, limit: Int) async throws(StorageError) -> [Date]
}

/// A feed to watch.
public struct FeedSubscription: Sendable, Hashable {
    public var url: String
    public var outletID: String
    public var title: String?
    public var category: String?

    public init(url: String, outletID: String, title: String? = nil, category: String? = nil) {
        self.url = url
        self.outletID = outletID
        self.title = title
        self.category = category
    }
}

/// A watched feed and where its polling stands: what `feeds list` shows.
public struct PolledFeed: Sendable, Hashable {
    public var url: String
    public var outletID: String
    public var title: String?
    public var category: String?
    public var etag: String?
    public var lastModified: String?
    public var lastFetchedAt: Date?
    public var lastSuccessAt: Date?
    public var lastStatus: Int?
    public var nextPollAt: Date?
    public var errorCount: Int
    public var lastError: String?
    /// Why the feed is no longer polled (a 410 Gone), nil while it is.
    public var retiredReason: String?

    public init(
        url: String, outletID: String, title: String? = nil, category: String? = nil, etag: String? = nil,
        lastModified: String? = nil, lastFetchedAt: Date? = nil, lastSuccessAt: Date? = nil, lastStatus: Int? = nil,
        nextPollAt: Date? = nil, errorCount: Int = 0, lastError: String? = nil, retiredReason: String? = nil
    ) {
        self.url = url
        self.outletID = outletID
        self.title = title
        self.category = category
        self.etag = etag
        self.lastModified = lastModified
        self.lastFetchedAt = lastFetchedAt
        self.lastSuccessAt = lastSuccessAt
        self.lastStatus = lastStatus
        self.nextPollAt = nextPollAt
        self.errorCount = errorCount
        self.lastError = lastError
        self.retiredReason = retiredReason
    }
}

/// What one poll of a feed changed.
public struct FeedPollUpdate: Sendable, Hashable {
    public var url: String
    public var fetchedAt: Date
    public var status: Int?
    /// Nil after a failure: the previous validators stay.
    public var etag: String??
    public var lastModified: String??
    public var succeeded: Bool
    public var error: String?
    public var nextPollAt: Date
    public var retiredReason: String?
    /// The feed's new URL after a permanent redirect; items and state move with it.
    public var movedTo: String?

    public init(
        url: String, fetchedAt: Date, status: Int?, etag: String?? = nil, lastModified: String?? = nil,
        succeeded: Bool, error: String? = nil, nextPollAt: Date, retiredReason: String? = nil, movedTo: String? = nil
    ) {
        self.url = url
        self.fetchedAt = fetchedAt
        self.status = status
        self.etag = etag
        self.lastModified = lastModified
        self.succeeded = succeeded
        self.error = error
        self.nextPollAt = nextPollAt
        self.retiredReason = retiredReason
        self.movedTo = movedTo
    }
}
