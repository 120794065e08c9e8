import ArgumentParser
import Corroboration
import FeedParsing
import Foundation
import Pipeline
import Storage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `corroborate ingest`: feed documents and article JSONL into the store, idempotently.
struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store feed documents and article JSONL, collapsing syndicated copies.",
        discussion: """
            Reads RSS, RDF and Atom files (.xml .rss .atom .rdf), article JSONL (.jsonl: one \
            {"id", "outlet", "url", "published", "title", "body", "language"} object a line), and \
            folders of them, recursively. The same input twice adds nothing; an item whose text \
            changed becomes a new version of itself. Each item gets its origin: itself, or the \
            item it copies, and the outlets it credits. Then new and changed items are analysed: \
            their claims (who says what, with numbers, places, times and denials) are extracted \
            and stored; --no-analysis leaves that to the next run.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Feed files, article JSONL files, or folders of them.")
    var paths: [String]

    @Option(help: "The outlet every input belongs to, when the files do not say (a registry id).")
    var outlet: String?

    @Flag(help: "Print the closing summary as one JSON object.")
    var json = false

    @Flag(help: "No progress bar, even on a terminal.")
    var quiet = false

    @Flag(name: .customLong("no-analysis"), help: "Store and collapse copies only; extract claims on a later run.")
    var noAnalysis = false

    func run() async throws {
        if !noAnalysis { Analysis.prepareTables() }
        let registry = try store.loadRegistry()
        let database = try store.openStore()
        let (inputs, problems) = FeedInputs.expand(paths, articles: true)
        let ingestor = Ingestor(
            store: database, registry: registry, fingerprinting: ShingleFingerprinting(), outletOverride: outlet)
        let bar = ProgressBar(enabled: !quiet && isatty(2) != 0)
        let before = try? await database.counts()
        var summary = await ingestor.ingest(inputs) { bar.update($0) }
        bar.finish()
        let totals = try? await database.counts()
        if let before, let totals {
            // A group's origin can change as later items arrive (a wire's own item after its
            // reprints), so copies are counted from the store, not from first decisions.
            summary.copies = max(0, totals.copies - before.copies)
            summary.derived = max(0, totals.derived - before.derived)
        }
        summary.errors = problems.map(\.description) + summary.errors
        summary.failedFiles += problems.count
        var analysis: AnalysisSummary?
        var stories: StorySummary?
        if !noAnalysis {
            let analysing = ProgressBar(enabled: !quiet && isatty(2) != 0)
            analysis = await Analysis(store: database).run { analysing.update(analysed: $0) }
            analysing.finish()
            summary.errors += analysis?.errors ?? []
            stories = await StoryStage(store: database).run()
            summary.errors += stories?.errors ?? []
        }
        for error in summary.errors { printError(error) }
        let output = StandardOutput()
        let rendered =
            json
            ? Self.json(summary, totals: totals, analysis: analysis, stories: stories)
            : Self.text(summary, totals: totals, analysis: analysis, stories: stories)
        output.write(rendered + "\n")
        output.flush()
        if summary.failedFiles > 0 || !summary.errors.isEmpty {
            throw ExitCode(1)
        }
    }

    static func text(
        _ s: IngestSummary, totals: StoreCounts?, analysis: AnalysisSummary? = nil, stories: StorySummary? = nil
    ) -> String {
        var line =
            "\(s.files) files: \(s.items) items, \(s.new) new, \(s.updated) updated, \(s.unchanged) unchanged; "
            + "\(s.copies) copies, \(s.derived) derived; \(s.errors.count) errors"
        if let t = totals {
            line +=
                "\nthe store holds \(t.items) items from \(t.outlets) outlets: \(t.origins) independent origins, "
                + "\(t.copies) copies, \(t.derived) derived; \(t.versions) earlier text versions kept"
        }
        if !s.unregisteredOutlets.isEmpty {
            line += "\n\(s.unregisteredOutlets.count) outlets not in the registry were stored under their feeds' names"
        }
        if let a = analysis {
            line += "\nanalysed \(a.items) items: \(a.claims) claims, \(a.attributed) of them with a named speaker"
        }
        if let t = stories {
            line += "\nplaced \(t.items) items in stories: \(t.newStories) new stories, \(t.joined) joined earlier ones"
        }
        return line
    }

    static func json(
        _ s: IngestSummary, totals: StoreCounts?, analysis: AnalysisSummary? = nil, stories: StorySummary? = nil
    ) -> String {
        let w = JSONWriter()
        w.object {
            w.key("files", s.files)
            w.key("failedFiles", s.failedFiles)
            w.key("items", s.items)
            w.key("new", s.new)
            w.key("updated", s.updated)
            w.key("unchanged", s.unchanged)
            w.key("copies", s.copies)
            w.key("derived", s.derived)
            w.key("errors") { w.array(s.errors) { w.value($0) } }
            w.key("unregisteredOutlets") { w.array(s.unregisteredOutlets.sorted()) { w.value($0) } }
            if let t = totals {
                w.key("store") {
                    w.object {
                        w.key("items", t.items)
                        w.key("outlets", t.outlets)
                        w.key("origins", t.origins)
                        w.key("copies", t.copies)
                        w.key("derived", t.derived)
                        w.key("versions", t.versions)
                    }
                }
            }
            if let a = analysis {
                w.key("analysis") {
                    w.object {
                        w.key("items", a.items)
                        w.key("claims", a.claims)
                        w.key("attributed", a.attributed)
                    }
                }
            }
            if let t = stories {
                w.key("stories") {
                    w.object {
                        w.key("items", t.items)
                        w.key("new", t.newStories)
                        w.key("joined", t.joined)
                    }
                }
            }
        }
        return w.output
    }
}

/// A one-line progress bar on standard error, redrawn at most ten times a second.
final class ProgressBar {
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: IngestProgress) {
        guard enabled, progress.filesTotal > 1 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || progress.filesDone == progress.filesTotal else { return }
        lastDraw = now
        let width = 30
        let filled = progress.filesTotal == 0 ? width : width * progress.filesDone / progress.filesTotal
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let line =
            "\r[\(bar)] \(progress.filesDone)/\(progress.filesTotal) files, \(progress.summary.new) new, "
            + "\(progress.summary.copies) copies"
        var bytes = Array(line.utf8)
        _ = write(2, &bytes, bytes.count)
        drawn = true
    }

    func update(analysed summary: AnalysisSummary) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        var bytes = Array("\ranalysing: \(summary.items) items, \(summary.claims) claims".utf8)
        _ = write(2, &bytes, bytes.count)
        drawn = true
    }

    func finish() {
        guard drawn else { return }
        var bytes = Array("\r\u{1B}[K".utf8)
        _ = write(2, &bytes, bytes.count)
    }
}
