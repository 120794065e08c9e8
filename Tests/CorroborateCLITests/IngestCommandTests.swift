import Foundation
import GRDB
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `corroborate ingest` as a user and a crash see it.
@Suite(.serialized) struct IngestCommandTests {
    static let corpora = RepositoryFolders.corpora.path
    static let registry = RepositoryFolders.feeds.path

    @Test func ingestingTheCorporaTwiceAddsNothingTheSecondTime() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        let first = try CLI.run(["ingest", "--db", db, "--registry", Self.registry, Self.corpora])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(" new"))
        #expect(!first.stdout.contains(" 0 new"))
        let second = try CLI.run(["ingest", "--db", db, "--registry", Self.registry, Self.corpora, "--json"])
        #expect(second.status == 0)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(summary["new"] as? Int == 0)
        #expect(summary["updated"] as? Int == 0)
    }

    @Test func theStoreComesFromTheEnvironmentWhenNoFlagNamesIt() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("from-env.sqlite")
        let run = try CLI.run(
            ["ingest", "--registry", Self.registry, Self.corpora + "/zapad-2017"], environment: ["CORROBORATE_DB": db])
        #expect(run.status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func theStoreFlagMayComeBeforeTheCommand() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("before.sqlite")
        let run = try CLI.run(["--db", db, "--registry", Self.registry, "ingest", Self.corpora + "/zapad-2017"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func aBadPathIsOneLineAndExitOne() throws {
        let folder = try TemporaryFolder()
        let run = try CLI.run([
            "ingest", "--db", folder.path("s.sqlite"), "--registry", Self.registry, "/nonexistent/feed.xml",
            Self.corpora + "/zapad-2017",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").contains { $0.contains("/nonexistent/feed.xml") })
        #expect(run.stdout.contains("new"))
    }

    /// Two writers at once: the second waits for the lock; the store ends as one run leaves it.
    @Test func twoWritersAtOnceNeverCorrupt() throws {
        let folder = try TemporaryFolder()
        let inputs = try SyntheticFeeds.write(into: folder.path("feeds"), feeds: 40, items: 40)
        let reference = folder.path("reference.sqlite")
        #expect(try CLI.run(["ingest", "--db", reference, "--registry", Self.registry, inputs, "--json"]).status == 0)
        let db = folder.path("shared.sqlite")
        let arguments = ["ingest", "--db", db, "--registry", Self.registry, inputs, "--json"]
        let first = try CLI.start(arguments)
        let second = try CLI.start(arguments)
        first.process.waitUntilExit()
        second.process.waitUntilExit()
        #expect(first.process.terminationStatus == 0, "\(first.errors)")
        #expect(second.process.terminationStatus == 0, "\(second.errors)")
        #expect(try StoreCounts.read(db) == StoreCounts.read(reference))
    }

    /// Processes that open one new store at the same moment race to migrate it; each must open
    /// it whichever of them applied each migration ("duplicate column name" once failed one).
    @Test func processesOpeningANewStoreAtOnceAllSucceed() throws {
        let folder = try TemporaryFolder()
        let feed = try folder.write(
            "wire.xml",
            """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
            <item><title>One</title><guid>one</guid><description>Six fighters were wounded, the group said.</description></item>
            </channel></rss>
            """)
        for round in 0..<4 {
            let db = folder.path("race-\(round).sqlite")
            let runs = try (0..<4).map { _ in
                try CLI.start(["ingest", "--db", db, "--registry", Self.registry, feed, "--quiet"])
            }
            for run in runs {
                run.process.waitUntilExit()
                #expect(
                    run.process.terminationStatus == 0 && run.process.terminationReason == .exit,
                    "round \(round): \(run.process.terminationReason == .exit ? "exit" : "signal") \(run.errors)")
            }
        }
    }

    /// kill -9 at random moments: the store opens, keeps what was committed, and a re-run
    /// finishes the job without duplicates.
    @Test func killedIngestsLeaveAStoreThatARerunCompletes() throws {
        let folder = try TemporaryFolder()
        let inputs = try SyntheticFeeds.write(into: folder.path("feeds"), feeds: 60, items: 30)
        let reference = folder.path("reference.sqlite")
        #expect(try CLI.run(["ingest", "--db", reference, "--registry", Self.registry, inputs]).status == 0)
        let expected = try StoreCounts.read(reference)
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<5 {
            let db = folder.path("trial-\(trial).sqlite")
            let run = try CLI.start(["ingest", "--db", db, "--registry", Self.registry, inputs, "--quiet"])
            usleep(UInt32.random(in: 100_000...600_000, using: &generator))
            kill(run.process.processIdentifier, SIGKILL)
            run.process.waitUntilExit()
            // Killed before it made the file (a slow start on a busy machine): nothing committed.
            let afterKill =
                FileManager.default.fileExists(atPath: db)
                ? try StoreCounts.read(db)
                : StoreCounts(items: 0, identities: 0, origins: 0, copies: 0, integrity: "ok")
            #expect(afterKill.integrity == "ok")
            let rerun = try CLI.run(["ingest", "--db", db, "--registry", Self.registry, inputs, "--json"])
            #expect(rerun.status == 0, "\(rerun.stderr)")
            let final = try StoreCounts.read(db)
            #expect(final == expected, "trial \(trial): killed with \(afterKill.items) items stored")
            #expect(final.items >= afterKill.items)
        }
    }
}

/// Counts read straight from a store file with GRDB, not through Corroborate's store code.
struct StoreCounts: Equatable {
    var items: Int
    var identities: Int
    var origins: Int
    var copies: Int
    var integrity: String

    static func read(_ path: String) throws -> StoreCounts {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? -1 }
            // Killed after it made the file but before its schema committed: an empty store.
            guard try db.tableExists("item") else {
                let integrity = try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "?"
                return StoreCounts(items: 0, identities: 0, origins: 0, copies: 0, integrity: integrity)
            }
            return StoreCounts(
                items: try count("SELECT COUNT(*) FROM item"),
                identities: try count("SELECT COUNT(DISTINCT outletID || ' ' || identity) FROM item"),
                origins: try count("SELECT COUNT(*) FROM item WHERE originID = id"),
                copies: try count("SELECT COUNT(*) FROM item WHERE relation = 'copy'"),
                integrity: try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "?")
        }
    }
}

/// Deterministic feeds of made-up text, enough for an ingest to take a second or so.
enum SyntheticFeeds {
    static func write(into folder: String, feeds: Int, items: Int) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var random = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
        let words = [
            "ministry", "strike", "said", "forces", "river", "officials", "wounded", "statement", "coalition", "city",
            "province", "talks", "vote", "troops", "border", "ships", "crew", "agency", "reported", "denied",
        ]
        func sentence() -> String {
            (0..<12).map { _ in random.pick(words) }.joined(separator: " ") + "."
        }
        for f in 0..<feeds {
            var xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Paper \(f)</title><link>https://paper\(f).example/</link>
                """
            for i in 0..<items {
                let body = (0..<8).map { _ in sentence() }.joined(separator: " ")
                xml += """
                    <item><title>Story \(f)-\(i)</title><guid>https://paper\(f).example/\(i)</guid>
                    <pubDate>Sun, 17 Sep 2017 \(String(format: "%02d", i % 24)):00:00 GMT</pubDate>
                    <description>\(body)</description></item>
                    """
            }
            xml += "</channel></rss>\n"
            try xml.write(toFile: "\(folder)/paper-\(f).xml", atomically: true, encoding: .utf8)
        }
        return folder
    }
}
