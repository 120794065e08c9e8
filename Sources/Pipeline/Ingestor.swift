import Corroboration
import CorroborationModel
import FeedParsing
import Foundation
import OutletRegistry
import Storage
import TextAnalysis

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

/// A report with what can be computed from it alone: its identity and content hash, its
/// credits, its near-duplicate signature and LSH keys. Computed off the writing path, for the
/// next documents while this one is staged and written (staging and writing run one at a time;
/// preparing runs on every core).
struct AnalyzedReport: Sendable {
    var report: Report
    var identity: String
    var contentHash: String
    var credits: [Credit]
    var signature: [UInt8]
    var bandKeys: [UInt64]
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
        let outlet = resolver.outlet(
            forFeedAt: path, header: result.info.header, override: outletOverride ?? input.outlet)
        let key = input.feedKey
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
        let signature = fingerprinting.signature(of: report.text)
        return AnalyzedReport(
            report: report, identity: report.identity, contentHash: report.contentHash,
            credits: detector.headAndTailCredits(
                text: report.text, bylines: report.authors, excluding: report.outletID),
            signature: signature, bandKeys: fingerprinting.bandKeys(of: signature))
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
    /// The syndication index, made when first needed (after a reset or a release, when next
    /// needed): an empty one costs a few milliseconds to make (an LSH table per band).
    private var index: SyndicationIndex {
        if let made = madeIndex { return made }
        let made = SyndicationIndex(fingerprinting: fingerprinting, wireOutlets: wires)
        madeIndex = made
        return made
    }
    private var madeIndex: SyndicationIndex?
    private let wires: Set<String>
    private var loadedDays = Set<Int>()
    private var knownOutlets = Set<String>()
    /// Outlets met but not written yet: they go with the next batch.
    private var pendingOutlets: [StoredOutlet] = []
    /// Outlets with stored items, read once per run and kept up to date as batches are written.
    private var outletsWithItems: Set<String>?
    private let outletOverride: String?
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
        preparation = FeedPreparation(
            resolver: resolver, detector: detector, fingerprinting: fingerprinting, outletOverride: outletOverride,
            parserOptions: parserOptions)
        self.outletOverride = outletOverride
        self.windowDays = windowDays
        self.now = now
    }

    /// Ingests every input; a failure is recorded in the summary and the rest goes on.
    /// - Parameter keepingIndex: keep the syndication index for another call on this ingestor
    ///   (a poller hands over one batch of documents at a time); by default it is freed at the end.
    public func ingest(
        _ inputs: [FeedInput], keepingIndex: Bool = false, progress: (IngestProgress) -> Void = { _ in }
    ) async -> IngestSummary {
        var summary = IngestSummary()
        // Later feed documents are parsed and analysed while the current one is written.
        let preparation = self.preparation
        func start(_ index: Int) -> Task<PreparedFeed, any Error>? {
            guard index < inputs.count, inputs[index].kind == .feed else { return nil }
            let input = inputs[index]
            return Task.detached { try preparation.prepare(input) }
        }
        // A few documents ahead, so the writer never waits for the next one to be ready. Started
        // before the registry's outlets are written, which they do not need.
        let ahead = 64
        var prepared: [Int: Task<PreparedFeed, any Error>] = [:]
        for index in 0..<min(ahead, inputs.count) { prepared[index] = start(index) }
        let outlets = resolver.registry.outlets.map(StoredOutlet.init)
        do {
            try await store.upsertOutlets(outlets)
            knownOutlets.formUnion(outlets.map(\.id))
        } catch {
            for task in prepared.values { task.cancel() }
            summary.errors.append(error.description)
            summary.failedFiles = inputs.count
            return summary
        }
        for (number, input) in inputs.enumerated() {
            let current = prepared.removeValue(forKey: number)
            if number + ahead < inputs.count { prepared[number + ahead] = start(number + ahead) }
            summary.files += 1
            do {
                switch input.kind {
                case .feed:
                    let prepared = try await current!.value
                    ensure(prepared.outlet, summary: &summary)
                    try await ingest(
                        prepared.reports, feed: prepared.feed, name: input.displayName, summary: &summary)
                case .articles:
                    try await ingestArticles(input, summary: &summary)
                }
            } catch {
                // Nothing of this document was staged; what earlier documents staged stays.
                summary.failedFiles += 1
                summary.errors.append(Self.describe(error, input: input))
            }
            progress(IngestProgress(filesDone: number + 1, filesTotal: inputs.count, summary: summary))
        }
        await submit(summary: &summary)
        if !keepingIndex { releaseIndex() }
        await settle(summary: &summary)
        return summary
    }

    /// Loads into the syndication index the stored items that reports dated within `dates`
    /// are compared with, before any report asks for them: a poller keeping this ingestor
    /// between cycles pays for the window once, when it starts, not in its cycles.
    public func loadWindows(for dates: ClosedRange<Date>) async throws(StorageError) {
        var summary = IngestSummary()
        let days = stride(from: dates.lowerBound, through: dates.upperBound, by: 86_400).map { Optional($0) }
        try await loadWindows(for: days + [dates.upperBound], fetchedAt: dates.upperBound, summary: &summary)
    }

    /// Lets go of the syndication index kept by `ingest(_:keepingIndex:)` (a poller's last
    /// batch is in), so that the claim and story stages after it do not run beside it: it holds
    /// a signature and the band keys of every item of the run and of the days around it.
    public func releaseKeptIndex() {
        madeIndex = nil
        loadedDays.removeAll()
    }

    /// Lets go of the index once every document is staged (it is reloaded from the store should
    /// this ingestor ingest again), and frees it on another thread while the last batch is
    /// written: its entries (one per item of the run and of the days around) took 40 ms to free
    /// at the end of the 1,000-feed ingest, after everything else.
    private func releaseIndex() {
        final class Released: @unchecked Sendable {
            /// The only reference left: the task below drops it.
            var index: SyndicationIndex?
            init(_ index: SyndicationIndex?) { self.index = index }
        }
        let released = Released(madeIndex)
        madeIndex = nil
        loadedDays.removeAll()
        Task.detached { released.index = nil }
    }

    /// A failed write leaves the in-memory index ahead of the store: start it afresh, to be
    /// reloaded from the store as batches need it.
    private func resetIndex() {
        madeIndex = nil
        loadedDays.removeAll()
        outletsWithItems = nil
        staged = IngestWrite()
        stagedCounts = StagedCounts()
        stagedDocuments = []
        stagedOutlets = []
    }

    private static func describe(_ error: any Error, input: FeedInput) -> String {
        describe(error, name: input.displayName)
    }

    private static func describe(_ error: any Error, name: String) -> String {
        switch error {
        case let error as StorageError: return error.description
        case let error as FeedInputError: return error.description
        case let error as FeedParseError: return "\(name): \(error.description)"
        default: return "\(name): \(error)"
        }
    }

    // MARK: Feeds

    /// The report a feed entry becomes: its fields, and the title and body as one plain text.
    public static func report(from entry: FeedEntry, outletID: String) -> Report {
        let text = [entry.title, Self.body(summary: string(entry.summaryText), content: string(entry.contentText))]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        var report = Report(
            outletID: outletID, sourceID: entry.id, link: entry.link, title: entry.title,
            summaryHTML: string(entry.summary), contentHTML: string(entry.content), text: text,
            published: entry.published, updated: entry.updated,
            authors: entry.authors.compactMap { $0.name ?? $0.email }, categories: entry.categories,
            sourceTitle: entry.source?.title, sourceURL: entry.source?.url,
            language: entry.language ?? Self.identifiedLanguage(of: text))
        report.enclosures = entry.enclosures.map { Report.Enclosure(url: $0.url, type: $0.type, length: $0.length) }
        report.thumbnail = entry.thumbnail
        return report
    }

    /// A feed text as a String, its bytes not checked again: a `FeedText` holds valid UTF-8
    /// whichever way it was made. `String(decoding:)` checks them, and did so for most of the time
    /// it takes to turn an entry into a report (0.07 s of CPU in the 1,000-feed ingest).
    static func string(_ text: FeedText?) -> String? {
        guard let text else { return nil }
        if #available(macOS 26, *) {
            return String(copying: UTF8Span(unchecked: text.utf8.span))
        }
        return text.string
    }

    /// The language of a text that does not declare one (a feed without `<language>`, an
    /// article line without "language"), when the script and common words make it clear.
    static func identifiedLanguage(of text: String) -> String? {
        let (language, confidence) = LanguageIdentifier.identify(text)
        return language == .other || confidence < 0.5 ? nil : language.rawValue
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
                    published: article.published, language: article.language ?? Self.identifiedLanguage(of: text))
                byOutlet[outlet.id, default: (outlet, [])].1.append(preparation.analyze(report))
            }
            for (_, (outlet, reports)) in byOutlet.sorted(by: { $0.key < $1.key }) {
                ensure(outlet, summary: &localSummary)
                try await ingest(reports, feed: nil, name: path, summary: &localSummary)
            }
        }
        summary = localSummary
        summary.errors += problems.map(\.description)
        if !problems.isEmpty { summary.failedFiles += 1 }
    }

    // MARK: Batches

    /// Notes an outlet the store may not know yet; it is written with the next batch, in the
    /// same transaction (a thousand new outlets are not a thousand extra commits).
    private func ensure(_ outlet: StoredOutlet, summary: inout IngestSummary) {
        guard !knownOutlets.contains(outlet.id) else { return }
        pendingOutlets.append(outlet)
        knownOutlets.insert(outlet.id)
        if !outlet.registered { summary.unregisteredOutlets.insert(outlet.id) }
    }

    /// Stages the reports of one outlet for the next transaction (a later occurrence of an
    /// identity in the same document is a version of the earlier one, staged after a flush).
    private func ingest(
        _ reports: [AnalyzedReport], feed: FeedRecord?, name: String, summary: inout IngestSummary
    ) async throws {
        summary.items += reports.count
        let identities = reports.map(\.identity)
        var rounds: [[AnalyzedReport]] = [reports]
        if Set(identities).count < identities.count {
            // An item seen twice in one document: oldest first, each later occurrence a version.
            rounds = []
            var seen: [String: Int] = [:]
            let order = reports.indices.sorted {
                (reports[$0].report.date ?? .distantPast) < (reports[$1].report.date ?? .distantPast)
            }
            for position in order {
                let round = seen[identities[position], default: 0]
                seen[identities[position]] = round + 1
                if round == rounds.count { rounds.append([]) }
                rounds[round].append(reports[position])
            }
        }
        for (number, round) in rounds.enumerated() {
            // A version needs the id its earlier occurrence got: flush between rounds.
            if number > 0 { await flush(summary: &summary) }
            try await stage(round, feed: feed, name: name, summary: &summary)
        }
    }

    /// What the staged transaction will add to the summary once it commits.
    private struct StagedCounts {
        var new = 0
        var updated = 0
        var unchanged = 0
        var copies = 0
        var derived = 0
    }

    /// Documents whose items went into one transaction: to report what a failed commit lost
    /// and to redo it after a conflict.
    private typealias StagedDocument = (reports: [AnalyzedReport], feed: FeedRecord?, name: String)

    /// A transaction handed to the store and not yet known to have committed. Staging the next
    /// batch goes on meanwhile: the writer and the analysis overlap.
    private struct InFlightWrite {
        var task: Task<IngestWriteResult, any Error>
        /// The sequence number of the batch's first new item (its key is `.new(firstKey)`).
        var firstKey: Int
        var newItemCount: Int
        var counts: StagedCounts
        var documents: [StagedDocument]
        var outlets: Set<String>
        var newOutlets: [StoredOutlet]
    }

    /// Items of several documents go into one transaction, up to this many: one commit per
    /// document made SQLite write the same index pages a thousand times.
    private let transactionSize = 2_000
    private var staged = IngestWrite()
    private var stagedCounts = StagedCounts()
    private var stagedDocuments: [StagedDocument] = []
    private var stagedOutlets = Set<String>()
    /// New items are keyed `.new(n)` with `n` counted across the run, so that the keys of the
    /// batch being written and of the batch being staged never meet.
    private var stagedFirstKey = 0
    private var inFlight: InFlightWrite?
    /// The ids the last committed batch gave its new items, for staged items that refer to them.
    private var lastCommitted: (firstKey: Int, ids: [Int64]) = (0, [])

    private func stage(
        _ analyzed: [AnalyzedReport], feed: FeedRecord?, name: String, summary: inout IngestSummary
    ) async throws {
        guard let outletID = analyzed.first?.report.outletID else { return }
        // What is staged or being written for this outlet is not in the store yet: commit it
        // before looking up.
        if stagedOutlets.contains(outletID) { await flush(summary: &summary) }
        if inFlight?.outlets.contains(outletID) == true { await settle(summary: &summary) }
        let fetchedAt = now()
        if outletsWithItems == nil {
            await settle(summary: &summary)
            outletsWithItems = try await store.outletsWithItems()
        }
        // An outlet with nothing stored yet has no existing items to look up.
        let existing =
            outletsWithItems!.contains(outletID)
            ? try await store.existingItems(outletID: outletID, identities: analyzed.map(\.identity)) : [:]
        // By index, here and below: a report is read in place, not copied (a copy retains each
        // of its twenty-odd fields, and a lazy filter over the reports copied every one).
        var dates: [Date?] = []
        var bandKeys: [[UInt64]] = []
        for index in analyzed.indices where existing.isEmpty || existing[analyzed[index].identity] == nil {
            dates.append(analyzed[index].report.date)
            bandKeys.append(analyzed[index].bandKeys)
        }
        try await loadWindows(for: dates, fetchedAt: fetchedAt, summary: &summary)
        index.admit(matching: bandKeys)
        if let feed { staged.feeds.append(feed) }
        staged.outlets += pendingOutlets
        pendingOutlets.removeAll()
        for index in analyzed.indices {
            let report = analyzed[index].report
            if !existing.isEmpty, let stored = existing[analyzed[index].identity] {
                let item = analyzed[index]
                if stored.contentHash == item.contentHash || stored.earlierHashes.contains(item.contentHash) {
                    // Unchanged, or an earlier version seen again (a feed that still lists it).
                    stagedCounts.unchanged += 1
                } else {
                    staged.changedItems.append(
                        ChangedItem(
                            id: stored.id, report: report, fetchedAt: fetchedAt, signature: item.signature,
                            changes: Self.changes(from: stored.report, to: report), credits: item.credits))
                    stagedCounts.updated += 1
                }
                continue
            }
            let key = ItemRef.new(stagedFirstKey + staged.newItems.count)
            let decision = self.index.decide(
                key: key, outletID: outletID, date: report.date ?? fetchedAt, signature: analyzed[index].signature,
                bandKeys: analyzed[index].bandKeys, credits: analyzed[index].credits)
            staged.newItems.append(
                NewItem(
                    report: report, identity: analyzed[index].identity, contentHash: analyzed[index].contentHash,
                    feedKey: feed?.key, fetchedAt: fetchedAt, signature: analyzed[index].signature,
                    origin: decision.origin, relation: decision.relation, similarity: decision.similarity,
                    credits: analyzed[index].credits))
            staged.originChanges += decision.originChanges
            stagedCounts.new += 1
            if decision.relation == .copy { stagedCounts.copies += 1 }
            if decision.relation == .derived { stagedCounts.derived += 1 }
        }
        stagedDocuments.append((analyzed, feed, name))
        stagedOutlets.insert(outletID)
        if staged.newItems.count + staged.changedItems.count >= transactionSize { await submit(summary: &summary) }
    }

    /// Hands what is staged to the store and returns while it is written (after the previous
    /// write has settled: one transaction at a time).
    private func submit(summary: inout IngestSummary) async {
        await settle(summary: &summary)
        guard !stagedDocuments.isEmpty else { return }
        var batch = staged
        // Emptied now, so that the batch's arrays are its own and the changes below do not copy them.
        staged = IngestWrite()
        // Keys counted across the run become the store's batch positions; keys of the batch
        // committed just before become its ids.
        let firstKey = stagedFirstKey
        let previous = lastCommitted
        func resolve(_ ref: ItemRef) -> ItemRef {
            guard case .new(let key) = ref else { return ref }
            if key >= firstKey { return .new(key - firstKey) }
            let position = key - previous.firstKey
            guard previous.ids.indices.contains(position) else { return ref }
            return .stored(previous.ids[position])
        }
        for position in batch.newItems.indices {
            batch.newItems[position].origin = resolve(batch.newItems[position].origin)
        }
        batch.originChanges = batch.originChanges.map { (resolve($0.from), resolve($0.to)) }
        let hasWork = !batch.newItems.isEmpty || !batch.changedItems.isEmpty || !batch.outlets.isEmpty
        let task = Task<IngestWriteResult, any Error>.detached { [store, batch] in
            hasWork ? try await store.write(batch) : IngestWriteResult(newIDs: [])
        }
        inFlight = InFlightWrite(
            task: task, firstKey: firstKey, newItemCount: batch.newItems.count, counts: stagedCounts,
            documents: stagedDocuments, outlets: stagedOutlets, newOutlets: batch.outlets)
        stagedFirstKey += batch.newItems.count
        stagedCounts = StagedCounts()
        stagedDocuments = []
        stagedOutlets = []
    }

    /// Commits what is staged and waits for it.
    func flush(summary: inout IngestSummary, retrying: Int = 0) async {
        await submit(summary: &summary)
        await settle(summary: &summary, retrying: retrying)
    }

    /// Waits for the write in flight, if any. A failure loses only its documents, and says
    /// which; a conflict with another writer (it stored some of the same items first) is redone
    /// one document at a time after reading the store again.
    private func settle(summary: inout IngestSummary, retrying: Int = 0) async {
        guard let write = inFlight else { return }
        inFlight = nil
        do {
            let result = try await write.task.value
            for (position, id) in result.newIDs.enumerated() {
                madeIndex?.rename(.new(write.firstKey + position), to: .stored(id))
            }
            lastCommitted = (write.firstKey, result.newIDs)
            for outlet in write.outlets { outletsWithItems?.insert(outlet) }
            summary.new += write.counts.new
            summary.updated += write.counts.updated
            summary.unchanged += write.counts.unchanged
            summary.copies += write.counts.copies
            summary.derived += write.counts.derived
        } catch {
            // What is staged may build on the lost batch (its origins): start both afresh.
            let restage = stagedDocuments
            pendingOutlets += write.newOutlets + staged.outlets
            resetIndex()
            var conflict = false
            if case .conflict = error as? StorageError { conflict = true }
            if write.documents.count > 1 || (conflict && retrying < 3) {
                // Redo one document at a time: the ones that can be stored are, and a failure
                // names exactly the document it lost. A conflict (another writer stored some of
                // the same items first) resolves itself once the store is read again.
                for document in write.documents {
                    summary.items -= document.reports.count
                    do {
                        try await ingest(document.reports, feed: document.feed, name: document.name, summary: &summary)
                        await flush(summary: &summary, retrying: retrying + 1)
                    } catch {
                        summary.failedFiles += 1
                        summary.errors.append(Self.describe(error, name: document.name))
                    }
                }
            } else {
                summary.failedFiles += 1
                let name = write.documents.first?.name ?? ""
                summary.errors.append("\(Self.describe(error, name: name)); not stored: \(name)")
            }
            for document in restage {
                summary.items -= document.reports.count
                do {
                    try await ingest(document.reports, feed: document.feed, name: document.name, summary: &summary)
                } catch {
                    summary.failedFiles += 1
                    summary.errors.append(Self.describe(error, name: document.name))
                }
            }
        }
    }

    /// Loads the stored items within the window of each new report's day into the index.
    private func loadWindows(
        for dates: some Sequence<Date?>, fetchedAt: Date, summary: inout IngestSummary
    ) async throws(StorageError) {
        let days = Set(dates.map { Self.day(of: $0 ?? fetchedAt) })
        func missingDays() -> Set<Int> {
            var missing = Set<Int>()
            for day in days {
                for nearby in (day - windowDays)...(day + windowDays) where !loadedDays.contains(nearby) {
                    missing.insert(nearby)
                }
            }
            return missing
        }
        var missing = missingDays()
        guard !missing.isEmpty else { return }
        if inFlight != nil {
            // The store may hold the batch in flight by now, under ids the index does not know yet.
            await settle(summary: &summary)
            missing = missingDays()
        }
        guard let low = missing.min(), let high = missing.max() else { return }
        let window =
            Date(timeIntervalSince1970: Double(low) * 86_400)...Date(timeIntervalSince1970: Double(high + 1) * 86_400)
        let signatures = try await store.signatures(in: window)
        index.hold(
            signatures.map { stored in
                SyndicationEntry(
                    key: .stored(stored.itemID), outletID: stored.outletID, date: stored.date,
                    signature: stored.signature, origin: .stored(stored.originID),
                    creditedOutlets: stored.creditedOutlets)
            })
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
