import Corroboration
import FeedParsing
import FeedPolling
import Foundation
import OutletRegistry
import Storage

/// What one polling cycle did.
public struct PollSummary: Sendable {
    /// Feeds polled this cycle.
    public var feeds = 0
    /// Feeds that answered with a document, with "not modified", or failed.
    public var fetched = 0
    public var notModified = 0
    public var failed = 0
    /// Feeds retired this cycle (410 Gone), and feeds whose URL moved (permanent redirects).
    public var retired = 0
    public var moved = 0
    public var ingest = IngestSummary()
    public var analysis: AnalysisSummary?
    public var stories: StorySummary?
    /// One line per feed that failed: its URL and what went wrong.
    public var errors: [String] = []

    public init() {}
}

/// One polling cycle: fetch what is due (at most `concurrency` at a time, politely per host),
/// ingest each document as it arrives, record every feed's new state and next poll, then run
/// analysis and stories over what is new. A feed that fails is backed off, never dropped; only
/// a 410 retires a feed, with the reason kept for `feeds list`.
public final class Poller {
    public typealias Store = any CorroborationStore & StoryStore & FeedStateStore

    public let store: Store
    let registry: OutletRegistry
    let fetcher: FeedFetcher
    let schedule: PollSchedule
    let concurrency: Int
    let now: @Sendable () -> Date
    /// Documents handed to the ingestor together: fewer transactions, bounded memory.
    let batchSize = 16
    /// New and changed items past which a cycle is a bulk one: its syndication index is freed
    /// before the stages even when the poller keeps state.
    static let bulkCycle = 2_000
    /// Whether the syndication window and the story clusterer stay in memory from one cycle to
    /// the next (a daemon), rather than being loaded from the store each cycle.
    public let keepsState: Bool
    /// How long kept state serves before it is loaded afresh: the clusterer's vocabulary and the
    /// window's days grow with the run, and a reload bounds them for the cost of one cold cycle.
    let keptStateLifetime: Duration
    private var kept: KeptState?
    /// The kept clusterer's configuration: the default, holding a window more in memory, so
    /// that a report up to a window late (a feed polled after a long backoff, or added with its
    /// backlog) meets all its candidates without a reload. The syndication window is loaded as
    /// far back.
    let keptStories: StoryClusteringConfiguration = {
        var configuration = StoryClusteringConfiguration()
        configuration.lateAllowance = configuration.window
        return configuration
    }()
    /// Times the kept state was loaded: at start-up, and again whenever it could not be trusted.
    public private(set) var keptStateLoads = 0

    /// What a daemon keeps between cycles, valid while no one else writes to the store.
    struct KeptState {
        let ingestor: Ingestor
        var stories: KeptStoryRun?
        /// The store's `foreignWriteMark()` when this was loaded.
        let mark: Int64
        let loaded: ContinuousClock.Instant
    }

    /// - Parameter keepsState: keep the syndication window and story clusterer between cycles
    ///   (`poll --every`). It is loaded again whenever another process has written to the store
    ///   (or the backend cannot tell), after a failed write, and every `keptStateLifetime`.
    public init(
        store: Store, registry: OutletRegistry, fetcher: FeedFetcher, schedule: PollSchedule = PollSchedule(),
        concurrency: Int = 32, keepsState: Bool = false, keptStateLifetime: Duration = .seconds(6 * 3600),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.registry = registry
        self.fetcher = fetcher
        self.schedule = schedule
        self.concurrency = max(1, concurrency)
        self.keepsState = keepsState
        self.keptStateLifetime = keptStateLifetime
        self.now = now
    }

    /// For a poller that keeps its state: loads the syndication window and the story clusterer
    /// around the newest placed item now, so that the first cycle costs what the later ones do.
    /// Returns the articles the clusterer holds.
    @discardableResult
    public func loadKeptState(analyse: Bool = true) async throws(StorageError) -> Int {
        guard keepsState, let mark = try await store.foreignWriteMark() else { return 0 }
        let ingestor = makeIngestor()
        var stories: KeptStoryRun?
        if let newest = try await store.newestPlacedDate() {
            try await ingestor.loadWindows(for: newest.addingTimeInterval(-keptStories.lateAllowance)...newest)
            if analyse { stories = try await StoryStage(store: store, configuration: keptStories).seededRun() }
        }
        keep(ingestor, stories: stories, mark: mark)
        return stories?.liveArticles ?? 0
    }

    func makeIngestor() -> Ingestor {
        Ingestor(store: store, registry: registry, fingerprinting: ShingleFingerprinting())
    }

    /// Starts keeping state loaded while the store's foreign-write mark was `mark`.
    private func keep(_ ingestor: Ingestor, stories: KeptStoryRun?, mark: Int64) {
        kept = KeptState(ingestor: ingestor, stories: stories, mark: mark, loaded: .now)
        keptStateLoads += 1
    }

    /// This cycle's ingestor: the kept one while it is still valid, else a new one (kept from
    /// now on when the poller keeps state).
    func ingestorForCycle() async -> Ingestor {
        guard keepsState else { return makeIngestor() }
        let mark = try? await store.foreignWriteMark()
        if let kept, let mark, mark == kept.mark, ContinuousClock.now - kept.loaded < keptStateLifetime {
            return kept.ingestor
        }
        let ingestor = makeIngestor()
        kept = nil
        if let mark { keep(ingestor, stories: nil, mark: mark) }
        return ingestor
    }

    /// Adds the registry's feeds to the watched list (those already there keep their state).
    public func watchRegistryFeeds() async throws(StorageError) -> Int {
        let feeds = registry.outlets.flatMap { outlet in
            outlet.feeds.map { FeedSubscription(url: $0.url, outletID: outlet.id, title: outlet.name) }
        }
        return try await store.addFeeds(feeds)
    }

    /// Polls the due feeds (every feed not retired with `all`); `shouldStop` is asked between
    /// feeds, so that a signal ends the cycle after the writes in hand.
    public func pollOnce(all: Bool, analyse: Bool = true, shouldStop: @escaping @Sendable () -> Bool = { false })
        async -> PollSummary
    {
        var summary = PollSummary()
        let feeds: [PolledFeed]
        do {
            feeds =
                all
                ? try await store.polledFeeds().filter { $0.retiredReason == nil } : try await store.dueFeeds(at: now())
        } catch {
            summary.errors.append(error.description)
            return summary
        }
        summary.feeds = feeds.count
        let ingestor = await ingestorForCycle()
        // Fetching runs on its own, `concurrency` at a time, and hands each result over; this
        // task ingests and records them. Permits bound what is fetched but not yet written, so
        // a slow write never stops the fetching and a fast fetch never piles up documents.
        // A nil element is a tick: documents waiting for a full batch are written after half a
        // second, so that stalled servers at the end of a cycle do not hold healthy feeds back.
        let results = AsyncStream.makeStream(of: (PolledFeed, Result<FetchResponse, FetchError>)?.self)
        let ticking = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(500))
                results.continuation.yield(nil)
            }
        }
        let permits = Permits(concurrency + 2 * batchSize)
        let fetching = Task { [fetcher, concurrency] in
            await withTaskGroup(of: Void.self) { group in
                var queue = feeds.makeIterator()
                var running = 0
                while true {
                    if running == concurrency {
                        await group.next()
                        running -= 1
                    }
                    guard !shouldStop(), let feed = queue.next() else { break }
                    await permits.acquire()
                    running += 1
                    group.addTask {
                        let request = FetchRequest(url: feed.url, etag: feed.etag, lastModified: feed.lastModified)
                        do throws(FetchError) {
                            results.continuation.yield((feed, .success(try await fetcher.fetch(request))))
                        } catch {
                            results.continuation.yield((feed, .failure(error)))
                        }
                    }
                }
                await group.waitForAll()
            }
            ticking.cancel()
            results.continuation.finish()
        }
        var pending: [(PolledFeed, FetchResponse)] = []
        var waitingSince: ContinuousClock.Instant?
        for await element in results.stream {
            guard let (feed, result) = element else {
                if let since = waitingSince, ContinuousClock.now - since >= .milliseconds(500) {
                    await ingest(pending, with: ingestor, summary: &summary)
                    await permits.release(pending.count)
                    pending.removeAll()
                    waitingSince = nil
                }
                continue
            }
            switch result {
            case .success(let response):
                switch response.body {
                case .document:
                    pending.append((feed, response))
                    waitingSince = waitingSince ?? ContinuousClock.now
                    if pending.count >= batchSize {
                        await ingest(pending, with: ingestor, summary: &summary)
                        await permits.release(pending.count)
                        pending.removeAll()
                        waitingSince = nil
                    }
                    continue
                case .notModified:
                    summary.notModified += 1
                    await record(feed, response: response, ttl: nil, summary: &summary)
                case .gone:
                    summary.retired += 1
                    await save(
                        FeedPollUpdate(
                            url: feed.url, fetchedAt: now(), status: response.status, succeeded: false,
                            error: "410 Gone", nextPollAt: now(),
                            retiredReason: "the server answered 410 Gone on \(FeedDateParser.rfc3339(now()))"),
                        summary: &summary)
                }
            case .failure(let error):
                await fail(
                    feed, error: error.description, status: Self.status(of: error), retryAfter: error.retryAfter,
                    summary: &summary)
            }
            await permits.release(1)
        }
        await fetching.value
        await ingest(pending, with: ingestor, summary: &summary)
        // The index is freed before the stages unless it is kept for the next cycle, and even
        // then after a bulk cycle (the first poll of a thousand feeds): claims and stories would
        // run beside an index of every item it brought, and the next cycle reloads only the
        // days it needs.
        if kept == nil || summary.ingest.new + summary.ingest.updated > Self.bulkCycle { ingestor.releaseKeptIndex() }
        if analyse, summary.ingest.new + summary.ingest.updated > 0 {
            summary.analysis = await Analysis(store: store).run()
            if kept != nil {
                let (stories, keptRun) = await StoryStage(store: store, configuration: keptStories).run(
                    continuing: kept?.stories)
                summary.stories = stories
                kept?.stories = keptRun
            } else {
                summary.stories = await StoryStage(store: store).run()
            }
        }
        // Once a cycle, when its stages are done: a `poll --every` sleeps with what it needs.
        FreedMemory.giveBack()
        return summary
    }

    /// Ingests fetched documents together; each feed's state is recorded after its items are.
    func ingest(_ documents: [(PolledFeed, FetchResponse)], with ingestor: Ingestor, summary: inout PollSummary) async {
        guard !documents.isEmpty else { return }
        let inputs = documents.map { feed, response -> FeedInput in
            guard case .document(let bytes) = response.body else { preconditionFailure("only documents are ingested") }
            return FeedInput(
                source: .fetched(bytes: bytes, url: feed.url, charset: response.charset), outlet: feed.outletID)
        }
        // The index stays between batches: reloading it from the store for each would cost
        // time and, while the old one is freed, twice its memory.
        let result = await ingestor.ingest(inputs, keepingIndex: true)
        summary.ingest.files += result.files
        summary.ingest.items += result.items
        summary.ingest.new += result.new
        summary.ingest.updated += result.updated
        summary.ingest.unchanged += result.unchanged
        summary.ingest.failedFiles += result.failedFiles
        for (feed, response) in documents {
            // A document the parser could not read at all is a failure of the feed.
            if let error = result.errors.first(where: { $0.hasPrefix(feed.url + ":") || $0.hasPrefix(feed.url + " ") })
            {
                await fail(feed, error: error, status: response.status, retryAfter: nil, summary: &summary)
                continue
            }
            guard case .document(let bytes) = response.body else { continue }
            summary.fetched += 1
            await record(feed, response: response, ttl: TTL.minutes(in: bytes), summary: &summary)
        }
        let known = Set(documents.map(\.0.url))
        summary.errors += result.errors.filter { error in !known.contains { error.hasPrefix($0) } }
    }

    /// A successful poll: validators kept, next poll from the feed's publishing rate, its ttl
    /// and the response's caching headers.
    func record(_ feed: PolledFeed, response: FetchResponse, ttl: Int?, summary: inout PollSummary) async {
        let url = response.movedPermanentlyTo ?? feed.url
        if response.movedPermanentlyTo != nil { summary.moved += 1 }
        let dates = (try? await store.recentItemDates(feedURL: feed.url, limit: 20)) ?? []
        let at = now()
        let next = schedule.nextPoll(
            now: at, itemDates: dates, ttlMinutes: ttl, maxAge: response.maxAge, expires: response.expires)
        // A 304 may omit the validators; the ones sent stay valid.
        let keepsValidators = response.body == .notModified
        await save(
            FeedPollUpdate(
                url: feed.url, fetchedAt: at, status: response.status,
                etag: keepsValidators ? response.etag.map { .some($0) } : .some(response.etag),
                lastModified: keepsValidators ? response.lastModified.map { .some($0) } : .some(response.lastModified),
                succeeded: true, nextPollAt: next, movedTo: url == feed.url ? nil : url),
            summary: &summary)
    }

    /// A failed poll: the error kept, the next try backed off (with jitter, after Retry-After).
    func fail(_ feed: PolledFeed, error: String, status: Int?, retryAfter: TimeInterval?, summary: inout PollSummary)
        async
    {
        summary.failed += 1
        summary.errors.append("\(feed.url): \(error)")
        let at = now()
        let next = schedule.nextPoll(
            now: at, afterFailures: feed.errorCount + 1, retryAfter: retryAfter, random: Double.random(in: 0..<1))
        await save(
            FeedPollUpdate(
                url: feed.url, fetchedAt: at, status: status, succeeded: false, error: error, nextPollAt: next),
            summary: &summary)
    }

    func save(_ update: FeedPollUpdate, summary: inout PollSummary) async {
        do {
            try await store.recordPoll(update)
        } catch {
            summary.errors.append("\(update.url): cannot record the poll: \(error.description)")
        }
    }

    static func status(of error: FetchError) -> Int? {
        if case .http(let status, _) = error { return status }
        return nil
    }
}

/// An RSS `<ttl>` read straight from a document's bytes (it sits in the channel header, near the
/// top), so that scheduling needs no second parse.
enum TTL {
    static func minutes(in bytes: [UInt8]) -> Int? {
        let head = bytes.prefix(32_768)
        let open = Array("<ttl>".utf8)
        guard let start = head.firstRange(of: open)?.upperBound else { return nil }
        var value = 0
        var digits = 0
        var index = start
        while index < head.endIndex,
            head[index] == 0x20 || head[index] == 0x0A || head[index] == 0x0D || head[index] == 0x09
        {
            index += 1
        }
        while index < head.endIndex, (0x30...0x39).contains(head[index]), digits < 6 {
            value = value * 10 + Int(head[index] - 0x30)
            digits += 1
            index += 1
        }
        return digits > 0 && value > 0 ? min(value, 7 * 24 * 60) : nil
    }
}

/// A counting semaphore: at most `limit` holders at once, waiters resumed in turn.
actor Permits {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(_ limit: Int) {
        available = max(1, limit)
    }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release(_ count: Int) {
        for _ in 0..<count {
            if waiters.isEmpty {
                available += 1
            } else {
                waiters.removeFirst().resume()
            }
        }
    }
}
