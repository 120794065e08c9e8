import Corroboration
import Foundation
import Storage

/// What the story stage did in one run.
public struct StorySummary: Sendable, Hashable {
    public var items = 0
    public var newStories = 0
    public var joined = 0
    /// Stored stories merged into another: pieces of one event that earlier runs placed apart.
    public var mergedStories = 0
    public var errors: [String] = []

    public init() {}
}

/// Places stored items that have no story yet, in publication order, with `StoryClusterer`.
///
/// The clusterer is incremental but lives in memory, so each run first shows it the items
/// already placed within its window before the new ones: it then meets a new item with the same
/// candidates a long-running process would have. An item placed by an earlier run is shown by
/// its stored features (`StoryClusterer.seed`), in the story it is stored in, without reading
/// its text again; one placed before features were kept is read and added again, and its
/// features are stored for the next run. Its story numbers are mapped onto stored stories by the
/// placed items they hold; a story it starts becomes a new stored story. When a report ties two
/// of its stories together, or consolidation finds them one event (`StoryClusterer.story(of:)`),
/// the stored stories they hold merge into the oldest of them. Assignments and merges are written
/// a chunk at a time, each in one transaction: a killed run leaves the rest without a story, and
/// the next run places them.
public struct StoryStage: Sendable {
    public let store: any StoryStore
    public let configuration: StoryClusteringConfiguration
    /// Items read and written per transaction.
    public let chunkSize: Int

    public init(
        store: any StoryStore, configuration: StoryClusteringConfiguration = StoryClusteringConfiguration(),
        chunkSize: Int = 2_000
    ) {
        self.store = store
        self.configuration = configuration
        self.chunkSize = chunkSize
    }

    public func run(progress: (StorySummary) -> Void = { _ in }) async -> StorySummary {
        var run = StoryRun(configuration: configuration)
        await placeWaitingItems(with: &run, continuing: false, progress: progress)
        return run.summary
    }

    /// Places the items without a story as `run()` does, with the clusterer of this process's
    /// earlier runs (`kept`) instead of one seeded afresh from the store: a long-running poller
    /// then meets each cycle's reports without reading the window again. Returns the clusterer
    /// to keep, or nil after a failure (the store may be behind it; the next run starts afresh).
    /// Only for a store no other process writes to meanwhile (`CorroborationStore.foreignWriteMark()`).
    public func run(continuing kept: KeptStoryRun?) async -> (summary: StorySummary, kept: KeptStoryRun?) {
        var run = kept?.run ?? StoryRun(configuration: configuration)
        run.summary = StorySummary()
        await placeWaitingItems(with: &run, continuing: true, progress: { _ in })
        // Stories that left the window are done with: nothing here reads them again.
        _ = run.clusterer.takeClosedStories()
        return (run.summary, run.summary.errors.isEmpty ? KeptStoryRun(run: run) : nil)
    }

    /// A clusterer shown the placed items of its retention (`StoryClusteringConfiguration`)
    /// before the newest placed one, for `run(continuing:)`: what a fresh run would read for a
    /// report that late, read up front.
    public func seededRun() async throws(StorageError) -> KeptStoryRun {
        var run = StoryRun(configuration: configuration)
        if let newest = try await store.newestPlacedDate() {
            try await run.place([], in: newest.addingTimeInterval(-configuration.retention)...newest, store: store)
        }
        return KeptStoryRun(run: run)
    }

    private func placeWaitingItems(with run: inout StoryRun, continuing: Bool, progress: (StorySummary) -> Void) async {
        do {
            var pending = try await store.itemsWithoutStory(limit: chunkSize)
            // A kept clusterer lets go of what lies further back than its retention, so a report
            // later than that (a feed added with its backlog) would miss its candidates and
            // meet the wrong ones: a run seeded afresh from its date places it, in date order.
            if continuing, let oldest = pending.first?.date, !run.holdsWindow(before: oldest) {
                run = StoryRun(configuration: configuration)
            }
            if pending.isEmpty {
                // Nothing to place: still, items placed before their features were kept are
                // read once more now, so that the next run with something to place reads no
                // text. Two windows back from the newest: a report can come in dated up to a
                // window before the newest one, and its candidates go back a window from there.
                if let newest = try await store.newestPlacedDate() {
                    let window = newest.addingTimeInterval(-2 * configuration.window)...newest
                    if try await store.placedItemsLackingFeatures(in: window) > 0 {
                        try await run.place([], in: window, store: store)
                    }
                }
                return
            }
            var lastPending = Set<Int64>()
            while !pending.isEmpty {
                // The same items again means their write failed to place them: stop, not loop.
                let ids = Set(pending.map(\.itemID))
                guard ids != lastPending else { break }
                lastPending = ids
                let from = pending.first!.date.addingTimeInterval(-configuration.window)
                try await run.place(pending, in: from...max(pending.last!.date, from), store: store)
                progress(run.summary)
                pending = try await store.itemsWithoutStory(limit: chunkSize)
            }
        } catch {
            run.summary.errors.append(error.description)
        }
    }

    /// `table` keyed by the stories its keys stand for now, values of merged keys combined.
    static func resolved<Value>(
        _ table: [Int: Value], by clusterer: StoryClusterer, combining: (Value, Value) -> Value
    ) -> [Int: Value] {
        var result: [Int: Value] = [:]
        for key in table.keys.sorted() {
            let story = clusterer.story(of: key)
            result[story] = result[story].map { combining($0, table[key]!) } ?? table[key]!
        }
        return result
    }

    /// A stored item as the clusterer reads it: the title, and the body after it.
    static func article(_ candidate: StoryCandidate) -> StoryArticle {
        var body = Substring(candidate.text)
        if !candidate.title.isEmpty, body.hasPrefix(candidate.title) {
            body = body.dropFirst(candidate.title.count).drop { $0.isWhitespace }
        }
        return StoryArticle(
            id: String(candidate.itemID), published: candidate.date, title: candidate.title, body: String(body),
            outlet: candidate.outletID)
    }
}

/// The story stage's clusterer kept between runs (`StoryStage.run(continuing:)`), with what it
/// knows of the stored stories.
public struct KeptStoryRun: Sendable {
    fileprivate var run: StoryRun

    /// Articles the clusterer holds in memory (its window and its allowance for late reports).
    public var liveArticles: Int { run.clusterer.liveArticleCount }
}

/// One run of the story stage: its clusterer and what it knows of the stored stories.
private struct StoryRun {
    var clusterer: StoryClusterer
    let window: TimeInterval
    /// How far behind its newest article the clusterer keeps articles (`StoryClusteringConfiguration.retention`).
    let retention: TimeInterval
    var summary = StorySummary()
    /// Clusterer story → the stored stories of the placed items it read again (they had no
    /// stored features), with their counts.
    var votes: [Int: [Int64: Int]] = [:]
    /// Stored story → the clusterer story its seeded items went to.
    var seededStory: [Int64: Int] = [:]
    /// Clusterer story → the stored stories it holds whole: those seeded into it and the one this
    /// run made for it. When the clusterer merges two stories (a report bridges them, or
    /// consolidation finds them one event), the stored ones merge too: after each chunk's merges
    /// a clusterer story holds one stored story, the one its new items go to.
    var held: [Int: Set<Int64>] = [:]
    var shown = Set<Int64>()
    var newest = Date.distantPast
    /// Placed items up to this date have been read: a later chunk reads only the ones after it
    /// (reading the whole window again each chunk read tens of thousands of texts to keep none,
    /// 40 MB a chunk of 2,000 in the 1,000-feed poll).
    var readUpTo = Date.distantPast
    /// Where the first chunk's reading began: later chunks read on from `readUpTo`.
    var readFrom: Date?

    init(configuration: StoryClusteringConfiguration) {
        clusterer = StoryClusterer(configuration: configuration)
        window = configuration.window
        retention = configuration.retention
    }

    /// Whether a report dated `date` would meet here every placed item of its window: the
    /// clusterer has read back far enough and has not let go of them since.
    func holdsWindow(before date: Date) -> Bool {
        guard let readFrom else { return true }
        return date.addingTimeInterval(-window) >= max(readFrom, newest.addingTimeInterval(-retention))
    }

    /// Shows the clusterer the placed items of `range` it has not seen, then places `pending`
    /// (oldest first) and writes their stories, with the features of both.
    mutating func place(
        _ pending: [StoryCandidate], in range: ClosedRange<Date>, store: any StoryStore
    ) async throws(StorageError) {
        let from = max(range.lowerBound, readUpTo)
        let to = max(range.upperBound, from)
        readFrom = readFrom ?? range.lowerBound
        let horizon = newest.addingTimeInterval(-retention)
        let seeds = try await store.itemsWithStory(in: from...to).filter {
            !shown.contains($0.itemID) && $0.date >= horizon
        }
        readUpTo = max(readUpTo, to)
        let ordered = (seeds + pending).sorted { ($0.date, $0.itemID) < ($1.date, $1.itemID) }
        var placed: [(item: Int64, story: Int, features: [UInt8])] = []
        var backfilled: [Int64: [UInt8]] = [:]
        for candidate in ordered {
            shown.insert(candidate.itemID)
            newest = max(newest, candidate.date)
            guard let storyID = candidate.storyID else {
                let assignment = clusterer.add(StoryStage.article(candidate))
                placed.append((candidate.itemID, assignment.story, assignment.features.bytes))
                continue
            }
            let story: Int
            if let bytes = candidate.features, let features = StoryFeatures(bytes: bytes) {
                story = clusterer.seed(
                    features, id: String(candidate.itemID), title: candidate.title, published: candidate.date,
                    outlet: candidate.outletID, story: seededStory[storyID])
                seededStory[storyID] = story
                held[story, default: []].insert(storyID)
            } else {
                // Read again, it may land in a story with items of other stored stories: the
                // stored story it stands for is the one most of them are in.
                let assignment = clusterer.add(StoryStage.article(candidate))
                story = assignment.story
                backfilled[candidate.itemID] = assignment.features.bytes
                votes[story, default: [:]][storyID, default: 0] += 1
            }
        }
        // The chunk's stories as groups: pieces of one event that did not meet report by report
        // become one (`StoryClusterer.consolidate()`).
        clusterer.consolidate()
        // A report can bridge two of the clusterer's stories into one, and consolidation merges
        // more: read every number as the story it stands for now.
        votes = StoryStage.resolved(votes, by: clusterer) { $0.merging($1, uniquingKeysWith: +) }
        held = StoryStage.resolved(held, by: clusterer) { $0.union($1) }
        // Stored stories the clusterer now holds as one become one: the oldest keeps them all.
        var merges: [StoryMergeRecord] = []
        for (story, stored) in held where stored.count > 1 {
            let oldest = stored.min()!
            for other in stored.sorted() where other != oldest {
                merges.append(StoryMergeRecord(story: other, into: oldest))
            }
            held[story] = [oldest]
        }
        var records: [StoryAssignmentRecord] = []
        for (item, assigned, features) in placed {
            let story = clusterer.story(of: assigned)
            if let stored = held[story]?.first
                ?? votes[story]?.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key
            {
                records.append(StoryAssignmentRecord(itemID: item, story: .existing(stored), features: features))
                summary.joined += 1
            } else {
                records.append(StoryAssignmentRecord(itemID: item, story: .new(key: story), features: features))
            }
        }
        try await store.writeStoryFeatures(backfilled)
        let created = try await store.writeStories(records, merges: merges)
        for (key, id) in created {
            held[key, default: []].insert(id)
        }
        summary.mergedStories += merges.count
        summary.newStories += created.count
        summary.items += placed.count
    }
}
