import Corroboration
import CorroborationModel
import Foundation
import Pipeline
import Storage
import StorageSQLite
import TestSupport
import Testing
import TextAnalysis

/// A store whose writes fail on cue, around a real one: the ingest keeps one write in flight
/// while it stages the next batch, and a failure must cost neither items nor origins.
final class FailingStore: CorroborationStore, @unchecked Sendable {
    let inner: SQLiteStore
    private let lock = NSLock()
    private var writes = 0
    /// Write numbers (from 1) that fail once.
    let failingWrites: Set<Int>
    /// Writes that hold an item whose source id contains this fail every time.
    let poison: String?

    init(inner: SQLiteStore, failingWrites: Set<Int> = [], poison: String? = nil) {
        self.inner = inner
        self.failingWrites = failingWrites
        self.poison = poison
    }

    func write(_ batch: IngestWrite) async throws(StorageError) -> IngestWriteResult {
        let number = lock.withLock {
            writes += 1
            return writes
        }
        if failingWrites.contains(number) { throw .busy(store: "flaky") }
        if let poison, batch.newItems.contains(where: { $0.report.sourceID.contains(poison) }) {
            throw .failed(store: "flaky", reason: "refused a poisoned batch")
        }
        return try await inner.write(batch)
    }

    func upsertOutlets(_ outlets: [StoredOutlet]) async throws(StorageError) { try await inner.upsertOutlets(outlets) }
    func existingItems(outletID: String, identities: [String]) async throws(StorageError) -> [String: ExistingItem] {
        try await inner.existingItems(outletID: outletID, identities: identities)
    }
    func signatures(in window: ClosedRange<Date>) async throws(StorageError) -> [StoredSignature] {
        try await inner.signatures(in: window)
    }
    func counts() async throws(StorageError) -> StoreCounts { try await inner.counts() }
    func outletsWithItems() async throws(StorageError) -> Set<String> { try await inner.outletsWithItems() }
    func items(limit: Int) async throws(StorageError) -> [StoredItem] { try await inner.items(limit: limit) }
    func pendingAnalysis(limit: Int) async throws(StorageError) -> [PendingItem] {
        try await inner.pendingAnalysis(limit: limit)
    }
    func writeClaims(_ results: [ItemClaims], extractor: Int) async throws(StorageError) {
        try await inner.writeClaims(results, extractor: extractor)
    }
    func requeueClaims(olderThan extractor: Int) async throws(StorageError) -> Int {
        try await inner.requeueClaims(olderThan: extractor)
    }
    func claims(itemID: Int64) async throws(StorageError) -> [Claim]? { try await inner.claims(itemID: itemID) }
}

@Suite struct WritePipelineTests {
    /// Sixty feeds of fifty items (three transactions), every third feed reprinting an earlier
    /// feed's items word for word, so that staged items take origins from the batch in flight.
    static func writeFeeds(in scratch: ScratchFolder) throws -> [String] {
        var random = SplitMix64(seed: 42)
        let words = [
            "minister", "said", "forces", "city", "talks", "report", "strike", "border", "officials", "week",
            "agency", "statement", "troops", "region", "council", "vote", "market", "prices", "crew", "ship",
        ]
        var bodies: [[String]] = []
        var paths: [String] = []
        for feed in 0..<60 {
            var items: [(String, String, String, String)] = []
            var feedBodies: [String] = []
            for item in 0..<50 {
                let body: String
                if feed % 3 == 2 {
                    body = bodies[feed - 2][item]
                } else {
                    body = (0..<60).map { _ in random.pick(words) }.joined(separator: " ")
                }
                feedBodies.append(body)
                items.append(("Story \(feed)-\(item)", "item-\(feed)-\(item)", body, "Sun, 17 Sep 2017 08:30:00 GMT"))
            }
            bodies.append(feedBodies)
            paths.append(
                try scratch.write(
                    String(format: "feed_%02d.xml", feed),
                    rss(title: "Outlet \(feed)", link: "https://outlet\(feed).example/", items: items)))
        }
        return paths
    }

    static func ingest(_ paths: [String], into store: any CorroborationStore) async throws -> IngestSummary {
        let (inputs, _) = FeedInputs.expand(paths, articles: true)
        let ingestor = Ingestor(
            store: store, registry: try Repository.registry(), fingerprinting: ShingleFingerprinting())
        return await ingestor.ingest(inputs)
    }

    @Test func aFailedWriteInFlightIsRedoneWithItsOrigins() async throws {
        let scratch = try ScratchFolder()
        let paths = try Self.writeFeeds(in: scratch)
        let clean = try SQLiteStore(path: scratch.path("clean.sqlite"))
        let expected = try await Self.ingest(paths, into: clean)
        #expect(expected.new == 3_000 && expected.copies == 1_000 && expected.errors.isEmpty)

        for failing in [1, 2] {
            let inner = try SQLiteStore(path: scratch.path("flaky\(failing).sqlite"))
            let summary = try await Self.ingest(paths, into: FailingStore(inner: inner, failingWrites: [failing]))
            #expect(summary.errors.isEmpty, "a write that fails once is redone")
            #expect(summary.new == 3_000 && summary.items == 3_000)
            #expect(summary.copies == expected.copies)
            let counts = try await inner.counts()
            let cleanCounts = try await clean.counts()
            #expect(
                counts.items == 3_000 && counts.copies == cleanCounts.copies && counts.origins == cleanCounts.origins)
            let again = try await Self.ingest(paths, into: inner)
            #expect(again.new == 0 && again.unchanged == 3_000)
        }
    }

    @Test func aBatchThatAlwaysFailsLosesOnlyItsDocument() async throws {
        let scratch = try ScratchFolder()
        let paths = try Self.writeFeeds(in: scratch)
        let inner = try SQLiteStore(path: scratch.path("poisoned.sqlite"))
        let summary = try await Self.ingest(paths, into: FailingStore(inner: inner, poison: "item-40-"))
        #expect(summary.failedFiles == 1)
        #expect(summary.errors.count == 1 && summary.errors.first?.contains("feed_40.xml") == true)
        #expect(try await inner.counts().items == 2_950, "every other document is stored")
        #expect(summary.new == 2_950)
    }
}
