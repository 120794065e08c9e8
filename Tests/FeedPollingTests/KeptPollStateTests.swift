import BundledCorpora
import FeedPolling
import Foundation
import OutletRegistry
import Pipeline
import Storage
import StorageSQLite
import Synchronization
import TestSupport
import Testing

/// A `poll --every` daemon keeps its syndication window and story clusterer between cycles
/// instead of loading them from the store each time. What it stores must be what a poller that
/// loads them afresh stores, and it must load them again once another process has written.
@Suite struct KeptPollStateTests {
    /// Two look-alike events: a strike on the SDF near Deir al-Zor (15 to 18 Sept 2017) and
    /// another at the Conoco gas field nine days later.
    static let events = ["deir-ez-zor-2017", "conoco-strike-2017"]

    /// What the first cycle serves; the second serves every file.
    enum FirstCycle {
        /// The first event's files: the second cycle's reports are all newer, and the kept
        /// clusterer goes on with them.
        case firstEvent
        /// Every other file of both: the second cycle brings reports days older than the newest
        /// placed one, which a clusterer seeded afresh from their date places.
        case alternateFiles
    }

    /// Which cycle the server answers for: in the first, half the feeds have no items yet.
    final class Cycle: Sendable {
        let number = Mutex(1)
    }

    struct ServedFile {
        let path: String
        let event: String
        let outlet: String
        let body: [UInt8]
        let servedFirst: Bool
        /// The source ids of its items.
        let items: [String]
    }

    static func servedFiles(_ firstCycle: FirstCycle) throws -> [ServedFile] {
        var files: [ServedFile] = []
        for name in events {
            let folder = RepositoryFolders.corpora.appendingPathComponent(name)
            let event = try CorpusEvent.load(folder: folder)
            for file in event.feeds.keys.sorted() {
                let outlet = try #require(event.items.first { $0.file == file }?.outlet, "\(name)/\(file)")
                let body = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
                files.append(
                    ServedFile(
                        path: "/\(name)/\(file)", event: name, outlet: outlet, body: body,
                        servedFirst: firstCycle == .firstEvent ? name == events[0] : files.count % 2 == 0,
                        items: event.items.filter { $0.file == file }.map(\.entry.id)))
            }
        }
        return files
    }

    /// What a run stored: each item's origin, and its story, by (outlet, source id).
    struct Outcome {
        var origins: [String: String] = [:]
        var stories: [String: Int64] = [:]
        var newItems = 0
        var keptStateLoads = 0
    }

    /// Two cycles and a third with nothing new. `startingBetween`: the first cycle is a
    /// `poll --once`, and the daemon starts after it, loading its state from the store.
    static func poll(
        keepingState: Bool, files: [ServedFile], startingBetween: Bool = false, foreignWrite: Bool = false
    ) async throws -> Outcome {
        let cycle = Cycle()
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        let server = try await FaultServer { request in
            guard let file = byPath[request.path] else { return .respond(status: 404, headers: [], body: []) }
            if cycle.number.withLock({ $0 }) == 1, !file.servedFirst {
                let empty =
                    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Not yet</title></channel></rss>"
                return .respond(status: 200, headers: [], body: Array(empty.utf8))
            }
            return .respond(status: 200, headers: [], body: file.body)
        }
        let folder = try TemporaryFolder()
        let path = folder.path("kept.sqlite")
        let store = try SQLiteStore(path: path)
        _ = try await store.addFeeds(files.map { FeedSubscription(url: server.url($0.path), outletID: $0.outlet) })
        var configuration = FetchConfiguration()
        configuration.perHostSpacing = 0
        configuration.perHostConcurrency = 8
        let fetcher = FeedFetcher(configuration: configuration)
        let registry = try OutletRegistry.load(folder: RepositoryFolders.feeds)
        var poller = Poller(
            store: store, registry: registry, fetcher: fetcher, concurrency: 8,
            keepsState: keepingState && !startingBetween)
        var outcome = Outcome()
        try await poller.loadKeptState()
        let first = await poller.pollOnce(all: true)
        #expect(first.errors.isEmpty, "\(first.errors)")
        if startingBetween {
            poller = Poller(store: store, registry: registry, fetcher: fetcher, concurrency: 8, keepsState: true)
            #expect(try await poller.loadKeptState() > 0, "the placed reports of the first cycle")
        }
        cycle.number.withLock { $0 = 2 }
        let second = await poller.pollOnce(all: true)
        #expect(second.errors.isEmpty, "\(second.errors)")
        #expect(second.stories?.errors.isEmpty ?? false)
        outcome.newItems = first.ingest.new + second.ingest.new
        if foreignWrite {
            // Another process (here another connection) writes: the kept state is loaded again.
            let other = try SQLiteStore(path: path)
            _ = try await other.addFeeds([FeedSubscription(url: server.url("/not-served"), outletID: "afp")])
        }
        _ = await poller.pollOnce(all: true)
        outcome.keptStateLoads = poller.keptStateLoads
        await fetcher.shutdown()
        await server.close()

        let items = try await store.items(limit: 10_000)
        let keys = Dictionary(
            uniqueKeysWithValues: items.map { ($0.id, $0.report.outletID + "/" + $0.report.sourceID) })
        for item in items { outcome.origins[keys[item.id]!] = keys[item.originID] }
        for story in try await store.stories(since: nil, outlet: nil, limit: 10_000) {
            for item in story.items { outcome.stories[item.outletID + "/" + item.sourceID] = story.id }
        }
        return outcome
    }

    /// B-cubed precision of the stories against the events the items came from: below 1 when
    /// a story mixes the two strikes.
    static func eventPrecision(_ outcome: Outcome, files: [ServedFile]) -> Double {
        var event: [String: String] = [:]
        for file in files { for id in file.items { event[file.outlet + "/" + id] = file.event } }
        let keys = outcome.stories.keys.filter { event[$0] != nil }
        var members: [Int64: [String]] = [:]
        for key in keys { members[outcome.stories[key]!, default: []].append(key) }
        var precision = 0.0
        for key in keys {
            let same = members[outcome.stories[key]!]!
            precision += Double(same.filter { event[$0] == event[key] }.count) / Double(same.count)
        }
        return precision / Double(max(1, keys.count))
    }

    @Test(arguments: [(FirstCycle.firstEvent, false), (.firstEvent, true), (.alternateFiles, false)])
    func aDaemonKeepingItsStateStoresWhatAFreshPollerStores(firstCycle: FirstCycle, startingBetween: Bool)
        async throws
    {
        let files = try Self.servedFiles(firstCycle)
        let fresh = try await Self.poll(keepingState: false, files: files)
        let kept = try await Self.poll(keepingState: true, files: files, startingBetween: startingBetween)
        #expect(fresh.newItems > 60)
        #expect(kept.newItems == fresh.newItems)
        #expect(kept.origins == fresh.origins, "the kept window finds the copies the loaded one finds")
        #expect(kept.stories.count == fresh.stories.count, "every item placed")
        let (keptPrecision, freshPrecision) = (
            Self.eventPrecision(kept, files: files), Self.eventPrecision(fresh, files: files)
        )
        print(
            String(
                format: "kept poll state, %@%@: event precision kept %.3f, loaded afresh %.3f", "\(firstCycle)",
                startingBetween ? ", daemon started after it" : "", keptPrecision, freshPrecision))
        #expect(keptPrecision >= 0.95 && keptPrecision >= freshPrecision - 0.01)
        #expect(kept.keptStateLoads == 1, "loaded once at start, trusted since")
        #expect(fresh.keptStateLoads == 0)
    }

    @Test func anotherWriterMakesTheDaemonLoadItsStateAgain() async throws {
        let files = try Self.servedFiles(.firstEvent)
        let kept = try await Self.poll(keepingState: true, files: files, foreignWrite: true)
        #expect(kept.keptStateLoads == 2)
    }

    /// The mark moves for another connection's commit only, not for this store's own writes.
    @Test func theForeignWriteMarkMovesOnlyForOtherWriters() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("mark.sqlite")
        let store = try SQLiteStore(path: path)
        let before = try #require(try await store.foreignWriteMark())
        _ = try await store.addFeeds([FeedSubscription(url: "https://one.example/feed", outletID: "afp")])
        #expect(try await store.foreignWriteMark() == before)
        let other = try SQLiteStore(path: path)
        _ = try await other.addFeeds([FeedSubscription(url: "https://two.example/feed", outletID: "afp")])
        #expect(try await store.foreignWriteMark() != before)
    }
}
