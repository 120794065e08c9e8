import Corroboration
import CorroborationModel
import FeedParsing
import Foundation
import OutletRegistry
import Storage

/// What one ingest run did, for the closing summary.
public struct IngestSummary: Sendable, Hashable {
    public var files = 0
    public var failedFiles = 0
    public var items = 0
    public var new = 0
    public var updated = 0
    public var unchanged = 0
    public var copies = 0
    public var derived = 0
    /// One line per problem, each naming the file (and line) at fault.
    public var errors: [String] = []
    /// Outlets met in input but not in the registry, by id.
    public var unregisteredOutlets: Set<String> = []

    public init() {}
}

/// A report with what can be computed from it alone: its credits and its near-duplicate
/// signature. Computed off the writing path, for the next document while this one is written.
struct AnalyzedReport: Sendable {
    var report: Report
    var credits: [Credit]
    var signature: [UInt8]
}

/// A feed document parsed and analysed, ready for its transaction.
struct PreparedFeed: Sendable {
    var outlet: StoredOutlet
    var feed: FeedRecord
    var reports: [AnalyzedReport]
}

/// The pure half of ingesting a document: parse, name the outlet, build reports, find credits,
/// sign texts. Sendable parts only, so it runs concurrently with the previous document's write.
struct FeedPreparation: Sendable {
    let resolver: OutletResolver
    let detector: CreditDetector
    let fingerprinting: any TextFingerprinting
    let outletOverride: String?
    let parserOptions: FeedParserOptions

    func prepare(_ input: FeedInput) throws -> PreparedFeed {
        var buffer: [UInt8] = []
        let result = try FeedReading.parse(input, options: parserOptions, keepEntries: .max, buffer: &buffer)
        var path: String?
        if case .file(let file) = input.source { path = file }
        let outlet = resolver.outlet(forFeedAt: path, header: result.info.header, override: outletOverride)
        let key = path.map { "file:" + URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "stdin"
        let feed = FeedRecord(
            key: key, outletID: outlet.id, title: result.info.header.title, format: result.info.format.rawValue)
        let reports = result.entries.map { entry in
            var analyzed = analyze(Ingestor.report(from: entry, outletID: outlet.id))
            if let source = entry.source, let id = resolver.outlet(ofSource: source), id != outlet.id {
                analyzed.credits.append(
                    Credit(outletID: id, kind: .source, text: source.title ?? source.url ?? id))
            }
            return analyzed
        }
        return PreparedFeed(outlet: outlet, feed: feed, reports: reports)
    }

    func analyze(_ report: Report) -> AnalyzedReport {
        AnalyzedReport(
            report: report,
            credits: detector.headAndTailCredits(
                text: report.text, bylines: report.authors, excluding: report.outletID),
            signature: fingerprinting.signature(of: report.text))
    }
}

/// Where an ingest run is, for a progress bar.
public struct IngestProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var summary: IngestSummary
}

/// Reads feed documents and article JSONL into the store: one transaction per document (or per
/// 500 articles), new items with their syndication, changed items as new versions, unchanged
/// items left alone, so that running it twice adds nothing.
public final class Ingestor {
    public let store: any CorroborationStore
    private let resolver: OutletResolver
    private let detector: CreditDetector
    private let fingerprinting: any TextFingerprinting
    private var index: SyndicationIndex
    private let wires: Set<String>
    private var loadedDays = Set<Int>()
    private var knownOutlets = Set<String>()
    /// Outlets met but not written yet: they go with the next batch.
    private var pendingOutlets: [StoredOutlet] = []
    /// Outlets with stored items, read once per run and kept up to date as batches are written.
    private var outletsWithItems: Set<String>?
    private let outletOverride: String?
    private let parserOptions: FeedParserOptions
    /// Near-duplicates are looked for among items this many days either side.
    private let windowDays: Int
    private let now: () -> Date
    private let preparation: FeedPreparation

    public init(
        store: any CorroborationStore, registry: OutletRegistry, fingerprinting: any TextFingerprinting,
        outletOverride: String? = nil, parserOptions: FeedParserOptions = FeedParserOptions(), windowDays: Int = 2,
        now: @escaping () -> Date = Date.init
    ) {
        self.store = store
        resolver = OutletResolver(registry: registry)
        detector = CreditDetector(outlets: registry.outlets, kinds: CreditDetector.syndicationKinds)
        self.fingerprinting = fingerprinting
        wires = Set(registry.outlets.filter(\.wire).map(\.id))
        index = SyndicationIndex(fingerprinting: fingerprinting, wireOutlets: wires)
        preparation = FeedPreparation(
            resolver: resolver, detector: detector, fingerprinting: fingerprinting, outletOverride: outletOverride,
            parserOptions: parserOptions)
        self.outletOverride = outletOverride
        self.parserOptions = parserOptions
        self.windowDays = windowDays
        self.now = now
    }

    /// Ingests every input; a failure is recorded in the summary and the rest goes on.
    public func ingest(
        _ inputs: [FeedInput], progress: (IngestProgress) -> Void = { _ in }
    ) async -> IngestSummary {
        var summary = IngestSummary()
        if let outlets = try? await registeredOutlets() {
            do {
                try await store.upsertOutlets(outlets)
                knownOutlets.formUnion(outlets.map(\.id))
            } catch {
                summary.errors.append(error.description)
                summary.failedFiles = inputs.count
                return summary
            }
        }
        // Later feed documents are parsed and analysed while the current one is written.
        let preparation = self.preparation
        func start(_ index: Int) -> Task<PreparedFeed, any Error>? {
            guard index < inputs.count, inputs[index].kind == .feed else { return nil }
            let input = inputs[index]
            return Task.detached { try preparation.prepare(input) }
        }
        // A few documents ahead, so the writer never waits for the next one to be ready.
        let ahead = 3
        var prepared: [Int: Task<PreparedFeed, any Error>] = [:]
        for index in 0..<min(ahead, inputs.count) { prepared[index] = start(index) }
        for (number, input) in inputs.enumerated() {
            let current = prepared.removeValue(forKey: number)
            if number + ahead < inputs.count { prepared[number + ahead] = start(number + ahead) }
            summary.files += 1
            do {
                switch input.kind {
                case .feed:
                    let prepared = try await current!.value
                    try await ensure(prepared.outlet, summary: &summary)
                    try await ingest(prepared.reports, feed: prepared.feed, summary: &summary)
                case .articles:
                    try await ingestArticles(input, summary: &summary)
                }
            } catch {
                summary.failedFiles += 1
                summary.errors.append(Self.describe(error, input: input))
                resetIndex()
            }
            progress(IngestProgress(filesDone: number + 1, filesTotal: inputs.count, summary: summary))
        }
        return summary
    }

    /// A failed write leaves the in-memory index ahead of the store: start it afresh, to be
    /// reloaded from the store as batches need it.
    private func resetIndex() {
        index = SyndicationIndex(fingerprinting: fingerprinting, wireOutlets: wires)
        loadedDays.removeAll()
        outletsWithItems = nil
    }

    private func registeredOutlets() async throws -> [StoredOutlet] {
        resolver.registry.outlets.map(StoredOutlet.init)
    }

    private static func describe(_ error: any Error, input: FeedInput) -> String {
        switch error {
        case let error as StorageError: return error.description
        case let error as FeedInputError: return error.description
        case let error as FeedParseError: return "\(input.displayName): \(error.description)"
        default: return "\(input.displayName): \(error)"
        }
    }

    // MARK: Feeds

    static func report(from entry: FeedEntry, outletID: String) -> Report {
        let text = [entry.title, Self.body(summary: entry.summaryText?.string, content: entry.contentText?.string)]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        return Report(
            outletID: outletID, sourceID: entry.id, link: entry.link, title: entry.title,
            summaryHTML: entry.summary?.string, contentHTML: entry.content?.string, text: text,
            published: entry.published, updated: entry.updated,
            authors: entry.authors.compactMap { $0.name ?? $0.email }, categories: entry.categories,
            sourceTitle: entry.source?.title, sourceURL: entry.source?.url, language: entry.language)
    }

    /// The body to analyse: the content, led by the summary when the content does not repeat it
    /// (some feeds put the first paragraph in the description and the rest in the content).
    static func body(summary: String?, content: String?) -> String? {
        guard let content, !content.isEmpty else { return summary }
        guard let summary, !summary.isEmpty else { return content }
        if contains(content, prefixOf: summary) { return content }
        if contains(summary, prefixOf: content) { return summary }
        return summary + "\n\n" + content
    }

    /// Whether `text` contains the first 80 bytes of `other`, compared as UTF-8 bytes (no
    /// Unicode-aware search is needed to see one text repeat another).
    static func contains(_ text: String, prefixOf other: String) -> Bool {
        var text = text
        var other = other
        return text.withUTF8 { haystack in
            other.withUTF8 { needleAll in
                let needle = UnsafeBufferPointer(rebasing: needleAll.prefix(80))
                guard let first = needle.first, needle.count <= haystack.count else { return false }
                var start = 0
                let last = haystack.count - needle.count
                while start <= last {
                    guard let found = haystack[start...last].firstIndex(of: first) else { return false }
                    if memcmp(haystack.baseAddress! + found, needle.baseAddress!, needle.count) == 0 { return true }
                    start = found + 1
                }
                return false
            }
        }
    }

    // MARK: Articles

    private func ingestArticles(_ input: FeedInput, summary: inout IngestSummary) async throws {
        guard case .file(let path) = input.source else {
            throw FeedInputError.unreadable(path: input.displayName, reason: "article JSONL must be a file")
        }
        var problems: [ArticleLineError] = []
        var localSummary = summary
        try await ArticleLines.read(path: path, problems: &problems) { articles in
            var byOutlet: [String: (StoredOutlet, [AnalyzedReport])] = [:]
            for article in articles {
                let outlet = resolver.outlet(named: article.outlet, override: outletOverride)
                let text = [article.title, article.body].compactMap { $0 }.filter { !$0.isEmpty }.joined(
                    separator: "\n\n")
                let report = Report(
                    outletID: outlet.id, sourceID: article.id, link: article.url, title: article.title, text: text,
                    published: article.published, language: article.language)
                byOutlet[outlet.id, default: (outlet, [])].1.append(preparation.analyze(report))
            }
            for (_, (outlet, reports)) in byOutlet.sorted(by: { $0.key < $1.key }) {
                try await ensure(outlet, summary: &localSummary)
                try await ingest(reports, feed: nil, summary: &localSummary)
            }
        }
        summary = localSummary
        summary.errors += problems.map(\.description)
        if !problems.isEmpty { summary.failedFiles += 1 }
    }

    // MARK: Batches

    /// Notes an outlet the store may not know yet; it is written with the next batch, in the
    /// same transaction (a thousand new outlets are not a thousand extra commits).
    private func ensure(_ outlet: StoredOutlet, summary: inout IngestSummary) async throws {
        guard !knownOutlets.contains(outlet.id) else { return }
        pendingOutlets.append(outlet)
        knownOutlets.insert(outlet.id)
        if !outlet.registered { summary.unregisteredOutlets.insert(outlet.id) }
    }

    /// Stores the reports of one outlet in one transaction (more when the batch repeats an
    /// identity: each later occurrence is a version of the earlier, written after it).
    private func ingest(
        _ reports: [AnalyzedReport], feed: FeedRecord?, summary: inout IngestSummary
    ) async throws {
        summary.items += reports.count
        // Oldest first, so that an item seen twice in one document gets its versions in order.
        var rounds: [[AnalyzedReport]] = []
        var seen: [String: Int] = [:]
        for analyzed in reports.sorted(by: { ($0.report.date ?? .distantPast) < ($1.report.date ?? .distantPast) }) {
            let round = seen[analyzed.report.identity, default: 0]
            seen[analyzed.report.identity] = round + 1
            if round == rounds.count { rounds.append([]) }
            rounds[round].append(analyzed)
        }
        for round in rounds {
            // Another process may store some of the same items between our read and our write:
            // read again and retry, a few times, before giving up.
            var attempt = 0
            while true {
                do {
                    try await write(round, feed: feed, summary: &summary)
                    break
                } catch StorageError.conflict(let store) where attempt < 3 {
                    _ = store
                    attempt += 1
                    resetIndex()
                }
            }
        }
    }

    private func write(_ analyzed: [AnalyzedReport], feed: FeedRecord?, summary: inout IngestSummary) async throws {
        guard let outletID = analyzed.first?.report.outletID else { return }
        let reports = analyzed.map(\.report)
        let fetchedAt = now()
        if outletsWithItems == nil { outletsWithItems = try await store.outletsWithItems() }
        // An outlet with nothing stored yet has no existing items to look up.
        let existing =
            outletsWithItems!.contains(outletID)
            ? try await store.existingItems(outletID: outletID, identities: reports.map(\.identity)) : [:]
        try await loadWindows(for: reports.filter { existing[$0.identity] == nil }, fetchedAt: fetchedAt)
        var batch = IngestWrite(feed: feed)
        batch.outlets = pendingOutlets
        var copies = 0
        var derived = 0
        var unchanged = 0
        for item in analyzed {
            let report = item.report
            let credits = item.credits
            let signature = item.signature
            if let stored = existing[report.identity] {
                if stored.contentHash == report.contentHash || stored.earlierHashes.contains(report.contentHash) {
                    // Unchanged, or an earlier version seen again (a feed that still lists it).
                    unchanged += 1
                } else {
                    batch.changedItems.append(
                        ChangedItem(
                            id: stored.id, report: report, fetchedAt: fetchedAt, signature: signature,
                            changes: Self.changes(from: stored.report, to: report), credits: credits))
                }
                continue
            }
            let key = ItemRef.new(batch.newItems.count)
            let decision = index.decide(
                key: key, outletID: outletID, date: report.date ?? fetchedAt, signature: signature, credits: credits)
            batch.newItems.append(
                NewItem(
                    report: report, feedID: nil, fetchedAt: fetchedAt, signature: signature, origin: decision.origin,
                    relation: decision.relation, similarity: decision.similarity, credits: credits))
            batch.originChanges += decision.originChanges
            if decision.relation == .copy { copies += 1 }
            if decision.relation == .derived { derived += 1 }
        }
        guard !batch.newItems.isEmpty || !batch.changedItems.isEmpty else {
            summary.unchanged += unchanged
            return
        }
        let result = try await store.write(batch)
        pendingOutlets.removeAll()
        outletsWithItems?.insert(outletID)
        summary.unchanged += unchanged
        for (position, id) in result.newIDs.enumerated() {
            index.rename(.new(position), to: .stored(id))
        }
        summary.new += batch.newItems.count
        summary.updated += batch.changedItems.count
        summary.copies += copies
        summary.derived += derived
    }

    /// Loads the stored items within the window of each new report's day into the index.
    private func loadWindows(for reports: [Report], fetchedAt: Date) async throws {
        let days = Set(reports.map { Self.day(of: $0.date ?? fetchedAt) })
        var missing = Set<Int>()
        for day in days {
            for nearby in (day - windowDays)...(day + windowDays) where !loadedDays.contains(nearby) {
                missing.insert(nearby)
            }
        }
        guard let low = missing.min(), let high = missing.max() else { return }
        let window =
            Date(timeIntervalSince1970: Double(low) * 86_400)...Date(timeIntervalSince1970: Double(high + 1) * 86_400)
        for stored in try await store.signatures(in: window) where !index.contains(.stored(stored.itemID)) {
            index.insert(
                SyndicationEntry(
                    key: .stored(stored.itemID), outletID: stored.outletID, date: stored.date,
                    signature: stored.signature, origin: .stored(stored.originID), creditedOutlets: []))
        }
        loadedDays.formUnion(low...high)
    }

    private static func day(of date: Date) -> Int {
        Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    static func changes(from old: Report, to new: Report) -> [String] {
        var changed: [String] = []
        if old.title != new.title { changed.append("title") }
        if old.text != new.text { changed.append("text") }
        if old.summaryHTML != new.summaryHTML || old.contentHTML != new.contentHTML { changed.append("html") }
        if old.published != new.published { changed.append("published") }
        if old.updated != new.updated { changed.append("updated") }
        return changed.isEmpty ? ["other"] : changed
    }
}
