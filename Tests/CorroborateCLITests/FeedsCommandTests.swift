import Foundation
import TestSupport
import Testing

/// `feeds` and `poll` from the command line: the watched list, OPML round trips, and a dead
/// server reported on one line while the rest goes on.
@Suite struct FeedsCommandTests {
    static let registry = RepositoryFolders.feeds.path

    @Test func feedsAreAddedListedExportedImportedAndRemoved() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("feeds.sqlite")
        let added = try CLI.run(
            [
                "feeds", "add", "https://tass.com/rss/v2.xml", "--db", db, "--registry", Self.registry, "--category",
                "Wires",
            ])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("[tass]"), "the outlet comes from the registry by host: \(added.stdout)")
        let twice = try CLI.run([
            "--db", db, "feeds", "add", "https://tass.com/rss/v2.xml", "--registry", Self.registry,
        ])
        #expect(twice.stdout.contains("already watched"))
        _ = try CLI.run(["feeds", "add", "https://www.rferl.org/api/zrqiteuuir", "--outlet", "rferl", "--db", db])
        let bad = try CLI.run(["feeds", "add", "file:///etc/passwd", "--db", db])
        #expect(bad.status == 2, "only http and https")

        let listed = try CLI.run(["feeds", "list", "--format", "json", "--db", db])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        let feeds = try #require(document["feeds"] as? [[String: Any]])
        #expect(feeds.count == 2)
        #expect(feeds.allSatisfy { $0["errorCount"] as? Int == 0 && $0["retired"] is NSNull })

        let exported = folder.path("out.opml")
        #expect(try CLI.run(["feeds", "export", "--out", exported, "--db", db]).status == 0)
        let other = folder.path("other.sqlite")
        let imported = try CLI.run(["feeds", "import", exported, "--db", other, "--registry", Self.registry])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 new"), "\(imported.stdout)")
        let relisted = try CLI.run(["feeds", "--db", other])
        #expect(relisted.stdout.contains("https://tass.com/rss/v2.xml  [tass]"), "\(relisted.stdout)")
        #expect(relisted.stdout.contains("[rferl]"), "the outlet travels in the OPML")

        #expect(try CLI.run(["feeds", "remove", "https://tass.com/rss/v2.xml", "--db", db]).status == 0)
        let missing = try CLI.run(["feeds", "remove", "https://tass.com/rss/v2.xml", "--db", db])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("not a watched feed"))
        let garbage = folder.path("garbage.opml")
        try Data("<html>not opml</html>".utf8).write(to: URL(fileURLWithPath: garbage))
        let refused = try CLI.run(["feeds", "import", garbage, "--db", db])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("corroborate: \(garbage):"), "\(refused.stderr)")
    }

    /// Nothing listens on the port: the feed fails on one line naming it, is backed off, and
    /// stays watched.
    @Test func aDeadServerIsOneLineAndTheFeedStays() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("dead.sqlite")
        _ = try CLI.run(["feeds", "add", "http://127.0.0.1:9/feed.xml", "--outlet", "ap", "--db", db])
        let polled = try CLI.run(["poll", "--once", "--no-registry-feeds", "--db", db, "--registry", Self.registry])
        #expect(polled.status == 1)
        let lines = polled.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(polled.stderr)")
        #expect(lines.first?.hasPrefix("corroborate: http://127.0.0.1:9/feed.xml:") == true)
        #expect(polled.stdout.contains("1 failed"))
        let listed = try CLI.run(["feeds", "list", "--db", db])
        #expect(listed.stdout.contains("1 error in a row"), "\(listed.stdout)")
        let again = try CLI.run(["poll", "--once", "--no-registry-feeds", "--db", db, "--registry", Self.registry])
        #expect(again.stdout.hasPrefix("0 feeds polled"), "backed off: not due yet")
        #expect(again.status == 0)
    }
}
