import Foundation
import Storage
import TextAnalysis

/// What one analysis run did, for the closing summary.
public struct AnalysisSummary: Sendable, Hashable {
    public var items = 0
    public var claims = 0
    /// Claims with a named speaker (relayed, not the outlet's own voice).
    public var attributed = 0
    public var errors: [String] = []

    public init() {}
}

/// The stages after storage, run over the store's analysis queue: new and changed items get
/// their claims. The queue lives in the store, so an analysis killed halfway is finished by the
/// next run, and items whose claims an older extractor made are queued again.
public struct Analysis: Sendable {
    /// Bump when the extractor's output changes: stored claims of older versions are redone.
    public static let extractorVersion = 2

    public let store: any CorroborationStore
    public let extractor: ClaimExtractor
    /// Items per transaction.
    public let batchSize: Int
    /// Concurrent extraction tasks (one per core by default).
    public let concurrency: Int

    public init(
        store: any CorroborationStore, extractor: ClaimExtractor = ClaimExtractor(), batchSize: Int = 512,
        concurrency: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.store = store
        self.extractor = extractor
        self.batchSize = batchSize
        self.concurrency = max(1, concurrency)
    }

    /// Builds the tables claim extraction reads (the gazetteer's name index above all, about
    /// 25 ms, and the word lists of attribution, numbers and dates) on another thread, by
    /// extracting the claims of one sentence. A run that will analyse calls this where it starts,
    /// so that its ingest hides the cost on the other core; a stage that needs a table meanwhile
    /// waits for it, once.
    public static func prepareTables() {
        Task.detached(priority: .userInitiated) {
            _ = ClaimExtractor().claims(
                in: "Officials told Reuters on Saturday that six fighters were wounded near Deir al-Zor.",
                published: nil)
        }
    }

    /// Analyses everything queued. A failed batch is reported and stays queued.
    public func run(progress: (AnalysisSummary) -> Void = { _ in }) async -> AnalysisSummary {
        var summary = AnalysisSummary()
        do {
            _ = try await store.requeueClaims(olderThan: Self.extractorVersion)
            var pending = try await store.pendingAnalysis(limit: batchSize)
            while !pending.isEmpty {
                let results = await extract(pending)
                try await store.writeClaims(results, extractor: Self.extractorVersion)
                summary.items += results.count
                for result in results {
                    summary.claims += result.claims.count
                    summary.attributed += result.claims.filter { $0.speaker != nil }.count
                }
                progress(summary)
                pending = try await store.pendingAnalysis(limit: batchSize)
            }
        } catch {
            summary.errors.append(error.description)
        }
        return summary
    }

    /// Claims of each item, the batch split across `concurrency` tasks.
    func extract(_ items: [PendingItem]) async -> [ItemClaims] {
        let extractor = self.extractor
        return await parallelMap(items, workers: concurrency) {
            ItemClaims(itemID: $0.id, claims: extractor.claims(in: $0.text, published: $0.published))
        }
    }
}

/// `map` split into `workers` contiguous chunks run as concurrent tasks, results in order: CPU
/// work over a batch on every core.
public func parallelMap<T: Sendable, U: Sendable>(
    _ items: [T], workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    _ transform: @escaping @Sendable (T) -> U
) async -> [U] {
    let workers = max(1, workers)
    guard items.count > 1, workers > 1 else { return items.map(transform) }
    let chunk = (items.count + workers - 1) / workers
    return await withTaskGroup(of: (Int, [U]).self) { group in
        for start in stride(from: 0, to: items.count, by: chunk) {
            let slice = Array(items[start..<min(items.count, start + chunk)])
            group.addTask { (start, slice.map(transform)) }
        }
        var parts: [(Int, [U])] = []
        for await part in group { parts.append(part) }
        return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
    }
}
