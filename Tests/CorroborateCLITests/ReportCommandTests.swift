import Foundation
import TestSupport
import Testing

/// `report`, `diff` and `demo` as a user runs them: golden output of every format on the worked
/// example, the contract's JSON, errors, and hostile feeds that must stay text.
@Suite struct ReportCommandTests {
    static let registry = RepositoryFolders.feeds.path
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    /// Plain, 100 columns, no color: what a pipe gets.
    static let plain = ["COLUMNS": "100", "NO_COLOR": "1"]

    /// The demo's report in each format against the committed golden file. After a deliberate
    /// change in extraction or scoring, `CORROBORATE_UPDATE_GOLDEN=1 swift test --filter
    /// ReportCommandTests` rewrites them; review the diff before committing it.
    @Test(arguments: ["text", "md", "html", "json"])
    func theDemoReportMatchesItsGoldenFile(format: String) throws {
        let run = try CLI.run(["demo", "--format", format, "--color", "never"], environment: Self.plain)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("the worked example is story"))
        try Self.compare(run.stdout, golden: "demo.\(format == "text" ? "txt" : format)")
    }

    /// `diff` on the demo's store, in both formats, against golden files: TASS against Reuters on
    /// the worked example's story.
    @Test func theWorkedExamplesDiffMatchesItsGoldenFiles() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("demo.sqlite")
        let demo = try CLI.run(["demo", "--keep-store", db, "--format", "json"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(demo.stdout.utf8)) as? [String: Any])
        let story = try #require((document["story"] as? [String: Any])?["id"] as? Int)
        for format in ["text", "json"] {
            let run = try CLI.run(
                [
                    "diff", "tass", "reuters,afp", "--story", String(story), "--db", db, "--format", format, "--color",
                    "never",
                ],
                environment: Self.plain)
            #expect(run.status == 0, "\(run.stderr)")
            try Self.compare(run.stdout, golden: "diff-tass-reuters-afp.\(format == "text" ? "txt" : format)")
        }
    }

    /// `output` against the golden file `name`, reporting the first line that differs. With
    /// CORROBORATE_UPDATE_GOLDEN=1 the file is rewritten first.
    static func compare(_ output: String, golden name: String) throws {
        let file = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CORROBORATE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try Data(output.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        guard output != expected else { return }
        let got = output.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
        let gotLine = line < got.count ? String(got[line].prefix(200)) : "(end)"
        let wantLine = line < want.count ? String(want[line].prefix(200)) : "(end)"
        Issue.record("\(name) changed at line \(line + 1):\n  now: \(gotLine)\n  was: \(wantLine)")
    }

    /// What the worked example must show: the 6-vs-8 conflict, the Defense Ministry's denial as a
    /// polarity conflict, claims with each status, and the report's JSON shape.
    @Test func theDemoShowsTheWorkedExamplesConflicts() throws {
        let run = try CLI.run(["demo", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["story", "claims", "conflicts", "matrix", "timeline"])
        let claims = try #require(document["claims"] as? [[String: Any]])
        let statuses = Set(claims.compactMap { $0["status"] as? String })
        #expect(statuses.isSuperset(of: ["contested", "attributed"]), "\(statuses)")
        for claim in claims {
            for key in ["id", "text", "slot", "speaker", "status", "reason", "supporting", "conflicting"] {
                #expect(claim.keys.contains(key), "claim without \(key)")
            }
            for report in claim["supporting"] as? [[String: Any]] ?? [] {
                for key in ["outlet", "item", "sentence", "speaker", "published", "link"] {
                    #expect(report.keys.contains(key), "evidence without \(key)")
                }
            }
        }
        let conflicts = try #require(document["conflicts"] as? [[String: Any]])
        #expect(
            conflicts.contains {
                $0["kind"] as? String == "numeric" && ($0["detail"] as? String ?? "").contains("6 vs 8")
            })
        let denials = conflicts.filter { $0["kind"] as? String == "polarity" }
        #expect(
            denials.contains { conflict in
                (conflict["b"] as? [[String: Any]] ?? []).contains {
                    ($0["speaker"] as? String ?? "").contains("Defense Ministry")
                }
            }, "the Defense Ministry's denial contests the strike")
    }

    @Test func reportAndDiffRefuseWhatTheyCannotDo() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("empty.sqlite")
        let none = try CLI.run(["report", "--latest", "--db", db])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no stories"), "\(none.stderr)")
        let usage = try CLI.run(["report", "--db", db])
        #expect(usage.status == 2)
        let both = try CLI.run(["diff", "tass", "reuters", "--story", "1", "--since", "48h", "--db", db])
        #expect(both.status == 2)
        let unknown = try CLI.run(["diff", "tass", "nosuchwire", "--db", db])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown outlet"), "\(unknown.stderr)")
    }

    /// Two outlets' hostile reports of one event: script tags, event handlers, `javascript:`
    /// links, Markdown injection, bidi overrides. Every format must keep them as text.
    @Test func hostileFeedsStayTextInEveryFormat() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("hostile.sqlite")
        for (outlet, count) in [("reuters", "12"), ("tass", "15")] {
            let feed = Self.hostileFeed(outlet: outlet, wounded: count)
            let path = folder.path("\(outlet).xml")
            try Data(feed.utf8).write(to: URL(fileURLWithPath: path))
            let ingested = try CLI.run(["ingest", "--db", db, "--registry", Self.registry, "--outlet", outlet, path])
            #expect(ingested.status == 0, "\(ingested.stderr)")
        }
        let html = try CLI.run(["report", "--latest", "--db", db, "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("&lt;script&gt;"), "the hostile title is shown, escaped")
        let problems = HTMLInspection.problems(in: html.stdout)
        #expect(problems.isEmpty, "\(problems)")

        let markdown = try CLI.run(["report", "--latest", "--db", db, "--format", "md"])
        #expect(markdown.status == 0)
        #expect(!markdown.stdout.contains("<script"), "no raw HTML from a feed")
        #expect(!markdown.stdout.contains("<img"), "no raw HTML from a feed")
        #expect(!MarkdownInspection.hasLiveLink(to: "javascript:", in: markdown.stdout), "no javascript: link")
        #expect(!markdown.stdout.contains("\u{202E}"), "no bidi override")
        for line in markdown.stdout.split(separator: "\n") where line.hasPrefix("#") {
            #expect(line.hasPrefix("# Story") || line.hasPrefix("## ") || line.hasPrefix("### "), "\(line)")
        }

        let text = try CLI.run(["report", "--latest", "--db", db, "--color", "always"])
        #expect(text.status == 0)
        #expect(!text.stdout.contains("\u{1B}]"), "no terminal control sequence from a feed")
        #expect(text.stdout.contains("\u{1B}["), "--color always colors")
        let plain = try CLI.run(["report", "--latest", "--db", db, "--color", "never"])
        #expect(!plain.stdout.contains("\u{1B}"), "--color never does not")

        let diff = try CLI.run(["diff", "reuters", "tass", "--db", db, "--format", "json"])
        #expect(diff.status == 0, "\(diff.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        for key in ["onlyA", "onlyB", "both", "conflicts"] { #expect(document[key] is [Any], "diff JSON has \(key)") }
    }

    /// Entities are encoded twice, as hostile feeds do, so that the parsed title and text hold
    /// the literal markup (`<script>`), not tags the parser would strip.
    static func hostileFeed(outlet: String, wounded: String) -> String {
        let title =
            "&amp;lt;script&amp;gt;alert('\(outlet)')&amp;lt;/script&amp;gt; Army says \(wounded) soldiers wounded "
            + "near Kharkiv [click](javascript:alert(1))"
        let body = """
            &amp;lt;img src=x onerror=alert(1)&amp;gt; The army said \(wounded) soldiers were wounded when shells \
            hit a base near Kharkiv on Monday. [click here](javascript:alert(1)) The governor said the \
            base had been evacuated. \u{202E}gnp.exe\u{202C} # Heading injection | table | break \
            &amp;quot;&amp;gt;&amp;lt;svg onload=alert(2)&amp;gt; A military spokesman said repairs would \
            take a week. The army said the attack was repelled.
            """
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>\(outlet) wire</title><link>https://\(outlet).example/</link>
            <item><title>\(title)</title><link>javascript:alert(document.cookie)</link>
            <guid isPermaLink="false">\(outlet)-hostile-1</guid><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate>
            <description>\(body)</description></item>
            </channel></rss>
            """
    }
}
