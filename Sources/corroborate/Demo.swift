import ArgumentParser
import BundledCorpora
import Corroboration
import Foundation
import OutletRegistry
import Pipeline
import Reports
import Storage
import StorageSQLite

/// `corroborate demo`: the whole pipeline on the bundled corpora, offline, in a fresh store, and
/// the corroboration report of the worked example (the Deir al-Zor strike of 16-17 Sept 2017).
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ingest the bundled corpora into a fresh store and report the worked example.",
        discussion: """
            Runs every stage (parsing, syndication, claims, stories, scoring) on the feed \
            snapshots in corpora/ and prints the report of the story of the Russian strike on \
            SDF positions near Deir al-Zor: each claim's status, the 6-vs-8 wounded conflict and \
            the Defense Ministry's denial. No network; the store is a temporary file, removed \
            afterwards unless --keep-store names where to keep it.
            """)

    @Option(
        help: ArgumentHelp(
            "The corpora folder (default: ./corpora, else the one beside the binary's checkout).", valueName: "folder"))
    var corpora: String?

    @Option(
        help: ArgumentHelp("Keep the demo store at this path (a new file) to explore it afterwards.", valueName: "path")
    )
    var keepStore: String?

    @Option(help: "The gold story to report (an id in corpora/*/gold.json).")
    var story: String = "deir-ez-zor-sdf-strike"

    @OptionGroup var output: ReportOptions

    func run() async throws {
        let root = try Self.corporaFolder(explicit: corpora)
        let registry = try Self.registry(near: root)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "corroborate-demo-\(UUID().uuidString)")
        let path: String
        if let keepStore {
            guard !FileManager.default.fileExists(atPath: keepStore) else {
                throw RuntimeFailure(message: "\(keepStore): already exists; --keep-store needs a new path")
            }
            path = keepStore
        } else {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw RuntimeFailure(
                    message: "\(folder.path): cannot create the demo store: \(error.localizedDescription)")
            }
            path = folder.appendingPathComponent("demo.sqlite").path
        }
        defer { if keepStore == nil { try? FileManager.default.removeItem(at: folder) } }

        let started = Date()
        let database: SQLiteStore
        do { database = try SQLiteStore(path: path) } catch { throw RuntimeFailure(message: error.description) }
        let (inputs, problems) = FeedInputs.expand([root.path], articles: true)
        let ingestor = Ingestor(store: database, registry: registry, fingerprinting: ShingleFingerprinting())
        let ingested = await ingestor.ingest(inputs) { _ in }
        let analysis = await Analysis(store: database).run { _ in }
        let stories = await StoryStage(store: database).run()
        let errors = problems.map(\.description) + ingested.errors + analysis.errors + stories.errors
        for error in errors { printError(error) }

        let storyID = try await Self.storyHolding(goldStory: story, root: root, store: database)
        let report: CorroborationReport?
        do {
            report = try await StoryScoring(store: database).report(storyID: storyID)
        } catch {
            throw RuntimeFailure(message: "\(path): \(error.description)")
        }
        guard let report else { throw RuntimeFailure(message: "the demo store holds no stories") }
        // What was done goes to stderr as a note: stdout holds the report alone.
        let note = String(
            format: "%d feed files, %d reports, %d claims, %d stories in %.2f s; the worked example is story %lld",
            ingested.files, ingested.items, analysis.claims, stories.newStories, Date().timeIntervalSince(started),
            report.story.id)
        FileHandle.standardError.write(Data(("demo: " + note + "\n\n").utf8))
        try output.emit(report)
        if let keepStore {
            printError("the demo store is kept at \(keepStore): try `corroborate --db \(keepStore) stories`")
        }
        if !errors.isEmpty { throw ExitCode(1) }
    }

    /// The stored story holding most of the gold story's items: the worked example as the
    /// engine grouped it.
    static func storyHolding(goldStory: String, root: URL, store: SQLiteStore) async throws -> Int64 {
        var wanted = Set<String>()
        do {
            for folder in try BundledCorpora.eventFolders(root: root) {
                let url = folder.appendingPathComponent("gold.json")
                guard let data = try? Data(contentsOf: url),
                    let gold = try? JSONDecoder().decode(GoldAnnotations.self, from: data),
                    let story = gold.stories.first(where: { $0.id == goldStory })
                else { continue }
                for item in story.items {
                    if let outlet = gold.feeds[item.file] { wanted.insert(outlet + "\u{1}" + item.id) }
                }
            }
        } catch {
            throw RuntimeFailure(message: "\(root.path): \(error.description)")
        }
        guard !wanted.isEmpty else {
            throw RuntimeFailure(message: "no gold story '\(goldStory)' in \(root.path)")
        }
        let stories: [StoredStory]
        do {
            stories = try await store.stories(since: nil, outlet: nil, limit: 100_000)
        } catch {
            throw RuntimeFailure(message: error.description)
        }
        let best = stories.max { a, b in
            let countA = a.items.filter { wanted.contains($0.outletID + "\u{1}" + $0.sourceID) }.count
            let countB = b.items.filter { wanted.contains($0.outletID + "\u{1}" + $0.sourceID) }.count
            return (countA, -a.id) < (countB, -b.id)
        }
        guard let best else { throw RuntimeFailure(message: "the demo store holds no stories") }
        return best.id
    }

    /// `--corpora`, else `$CORROBORATE_CORPORA`, else `./corpora`, else a `corpora/` folder in a
    /// parent of the binary's folder (so a built binary finds its checkout's corpora).
    static func corporaFolder(explicit: String?) throws -> URL {
        let manager = FileManager.default
        func isCorpora(_ url: URL) -> Bool {
            manager.fileExists(atPath: url.appendingPathComponent("GOLD.md").path)
        }
        if let given = explicit ?? ProcessInfo.processInfo.environment["CORROBORATE_CORPORA"] {
            let url = URL(fileURLWithPath: given)
            guard isCorpora(url) else { throw RuntimeFailure(message: "\(given): not a corpora folder (no GOLD.md)") }
            return url
        }
        let here = URL(fileURLWithPath: "corpora")
        if isCorpora(here) { return here }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("corpora")
            if isCorpora(candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw RuntimeFailure(
            message: "corpora: no bundled corpora found; run from the checkout or pass --corpora FOLDER")
    }

    /// The registry beside the corpora (`feeds/` in the same checkout), else `./feeds`.
    static func registry(near corpora: URL) throws -> OutletRegistry {
        let beside = corpora.deletingLastPathComponent().appendingPathComponent("feeds")
        let folder = FileManager.default.fileExists(atPath: beside.path) ? beside : URL(fileURLWithPath: "feeds")
        do {
            return try OutletRegistry.load(folder: folder)
        } catch {
            throw RuntimeFailure(message: error.description)
        }
    }
}
