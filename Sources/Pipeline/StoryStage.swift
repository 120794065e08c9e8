import Corroboration
import Foundation
import Storage

/// What the story stage did in one run.
public struct StorySummary: Sendable, Hashable {
    public var items = 0
    public var newStories = 0
    public var joined = 0
    public var errors: [String] = []

    public init() {}
}

/// Places stored items that have no story yet, in publication order, with `StoryClusterer`.
///
/// The clusterer is incremental but lives in memory, so each run first shows it the items
/// already placed within its window before the new ones: it then meets a new item with the same
/// candidates a long-running process would have. Its story numbers are mapped onto stored
/// stories by the placed items they hold; a story it starts becomes a new stored story. When a
/// report ties two of its stories together (`StoryClusterer.story(of:)`), the items placed from
/// then on go to one stored story; those written in an earlier chunk stay where they are.
/// Assignments are written a chunk at a time, each in one transaction: a killed run leaves the
/// rest without a story, and the next run places them.
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
        var summary = StorySummary()
        var clusterer = StoryClusterer(configuration: configuration)
        // Clusterer story → stored story: by the placed items it holds, or the one this run made.
        var storedStory: [Int: Int64] = [:]
        var votes: [Int: [Int64: Int]] = [:]
        var shown = Set<Int64>()
        var newest = Date.distantPast
        // Placed items up to this date have been read: a later chunk reads only the ones after
        // it (reading the whole window again each chunk read tens of thousands of texts to keep
        // none, 40 MB a chunk of 2,000 in the 1,000-feed poll).
        var readUpTo = Date.distantPast
        do {
            var pending = try await store.itemsWithoutStory(limit: chunkSize)
            var lastPending = Set<Int64>()
            while !pending.isEmpty {
                // The same items again means their write failed to place them: stop, not loop.
                let ids = Set(pending.map(\.itemID))
                guard ids != lastPending else { break }
                lastPending = ids
                let earliest = pending.first!.date
                let latest = pending.last!.date
                let from = max(earliest.addingTimeInterval(-configuration.window), readUpTo)
                let to = max(latest, from)
                let seeds = try await store.itemsWithStory(in: from...to).filter {
                    !shown.contains($0.itemID) && $0.date >= newest.addingTimeInterval(-configuration.window)
                }
                readUpTo = max(readUpTo, to)
                let ordered = (seeds + pending).sorted { ($0.date, $0.itemID) < ($1.date, $1.itemID) }
                var records: [StoryAssignmentRecord] = []
                var placed: [(item: Int64, story: Int)] = []
                for candidate in ordered {
                    shown.insert(candidate.itemID)
                    newest = max(newest, candidate.date)
                    let assignment = clusterer.add(Self.article(candidate))
                    if let storyID = candidate.storyID {
                        votes[assignment.story, default: [:]][storyID, default: 0] += 1
                        continue
                    }
                    placed.append((candidate.itemID, assignment.story))
                }
                // The chunk's stories as groups: pieces of one event that did not meet report by
                // report become one (`StoryClusterer.consolidate()`).
                clusterer.consolidate()
                // A report can bridge two of the clusterer's stories into one, and consolidation
                // merges more: read every number as the story it stands for now.
                storedStory = Self.resolved(storedStory, by: clusterer) { min($0, $1) }
                votes = Self.resolved(votes, by: clusterer) { $0.merging($1, uniquingKeysWith: +) }
                for (item, assigned) in placed {
                    let story = clusterer.story(of: assigned)
                    if let stored = storedStory[story]
                        ?? votes[story]?.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key
                    {
                        records.append(StoryAssignmentRecord(itemID: item, story: .existing(stored)))
                        summary.joined += 1
                    } else {
                        records.append(StoryAssignmentRecord(itemID: item, story: .new(key: story)))
                    }
                }
                let created = try await store.writeStories(records)
                for (key, id) in created { storedStory[key] = id }
                summary.newStories += created.count
                summary.items += placed.count
                progress(summary)
                FreedMemory.giveBack()
                pending = try await store.itemsWithoutStory(limit: chunkSize)
            }
        } catch {
            summary.errors.append(error.description)
        }
        return summary
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
