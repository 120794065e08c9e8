import Corroboration
import Foundation
import Reports
import Storage
import TestSupport
import Testing
import TextAnalysis

/// Every renderer on a story whose every feed-derived string is hostile: outlet names, titles,
/// sentences, speakers and links. Nothing may run, nothing may become markup.
@Suite struct RendererSafetyTests {
    static let attacks = [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(2)>",
        "javascript:alert(3)", "[click](javascript:alert(4))", "# Heading", "| cell | break |",
        "\u{202E}fdp.exe", "\u{1B}]0;owned\u{07}", "<a href=\"javascript:alert(5)\">x</a>", "*bold* _it_ `code`",
        "<!-- comment --><style>body{display:none}</style>", "&lt;already&gt; &amp;",
    ]

    /// Two outlets of one story, each sentence carrying every attack around a claim with a
    /// conflicting count, so that conflicts, the matrix and the timeline are all drawn.
    static func hostileReport() -> CorroborationReport {
        let extractor = ClaimExtractor()
        let attack = attacks.joined(separator: " ")
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let first = "The army said 12 soldiers were wounded near Kharkiv. \(attack)"
        let second = "The army said 15 soldiers were wounded near Kharkiv. \(attack)"
        let reports = [
            StoryReport(
                id: "1", outlet: "evil<b>", origin: "1", published: date, link: "javascript:alert(6)",
                claims: extractor.claims(in: first, published: date)),
            StoryReport(
                id: "2", outlet: "wire\"x", origin: "2", published: date.addingTimeInterval(60),
                link: "https://example.com/a\"onmouseover=\"alert(7)",
                claims: extractor.claims(in: second, published: date)),
        ]
        let score = StoryScorer().score(reports)
        let story = StoredStory(
            id: 7, title: attack, firstSeen: date, lastSeen: date.addingTimeInterval(60),
            items: [
                .init(
                    itemID: 1, sourceID: "<script>1", outletID: "evil<b>", title: attack, published: date,
                    link: "javascript:alert(8)", copyOf: nil, originID: 1),
                .init(
                    itemID: 2, sourceID: "2", outletID: "wire\"x", title: attack, published: date,
                    link: "data:text/html,x",
                    copyOf: nil, originID: 2, creditedOutlets: ["<i>credit</i>"]),
            ])
        return CorroborationReport(
            story: story, score: score,
            outletNames: ["evil<b>": "Evil <script>alert(9)</script> News", "wire\"x": attack])
    }

    @Test func htmlHoldsNoActiveContentFromFeeds() {
        let html = ReportHTMLRenderer().render(Self.hostileReport())
        #expect(HTMLInspection.problems(in: html).isEmpty, "\(HTMLInspection.problems(in: html))")
        #expect(!html.contains("<script"), "no raw script tag at all")
        #expect(!html.contains("<img"), "no raw img tag")
        #expect(!html.contains("<svg onload"), "no raw svg tag from a feed")
        #expect(!html.contains("\u{202E}"), "no bidi override")
        #expect(!html.contains("\u{1B}"), "no control character")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the attack is shown as text")
        #expect(html.contains("Content-Security-Policy"), "a policy forbids scripts even if one slipped in")
        // Only our own stylesheet: one <style>, in the head.
        #expect(html.components(separatedBy: "<style>").count == 2)
        #expect(HTMLInspection.texts(of: "title", in: html).first?.contains("<script>alert(1)</script>") == true)
    }

    @Test func markdownKeepsFeedTextAsText() {
        let markdown = ReportMarkdownRenderer(full: true).render(Self.hostileReport())
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<a href"))
        #expect(!MarkdownInspection.hasLiveLink(to: "javascript:", in: markdown))
        #expect(!markdown.contains("\u{202E}"))
        for line in markdown.split(separator: "\n") where line.hasPrefix("#") {
            #expect(line.hasPrefix("# Story 7") || line.hasPrefix("## ") || line.hasPrefix("### "), "\(line)")
        }
        // A table row keeps its cell count: no unescaped pipe from a feed.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| 1 |") {
            #expect(line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 6, "\(line)")
        }
    }

    @Test func terminalTextHoldsNoControlSequences() {
        let style = TerminalStyle(color: true, width: 80)
        let text = ReportTextRenderer(style: style, claimLimit: nil, evidenceLimit: nil).render(
            Self.hostileReport())
        #expect(!text.contains("\u{1B}]"), "no OSC sequence")
        #expect(!text.contains("\u{07}"))
        #expect(!text.contains("\u{202E}"))
        let plain = ReportTextRenderer(style: TerminalStyle(color: false, width: 80)).render(Self.hostileReport())
        #expect(!plain.contains("\u{1B}"))
        for line in plain.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    @Test func jsonParsesAndKeepsTheStringsIntact() throws {
        let json = ReportJSON.render(Self.hostileReport())
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let story = try #require(document["story"] as? [String: Any])
        #expect((story["title"] as? String)?.contains("<script>alert(1)</script>") == true, "JSON carries data as is")
        let conflicts = try #require(document["conflicts"] as? [[String: Any]])
        #expect(conflicts.contains { ($0["detail"] as? String ?? "").contains("12 vs 15") }, "\(conflicts)")
    }

    @Test func linksAreOnlyHTTP() {
        #expect(Escape.safeLink("https://apnews.com/abc?x=1") == "https://apnews.com/abc?x=1")
        #expect(Escape.safeLink("http://example.com") == "http://example.com")
        for bad in [
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x", "vbscript:x",
            "file:///etc/passwd", "//evil.example/x", "https://a.example/\"onmouseover=x", "https://",
            "ftp://x.example",
            "https://a.example/<script>",
        ] {
            #expect(Escape.safeLink(bad) == nil, "\(bad)")
        }
    }

    @Test func escapingCoversEveryMarkupCharacter() {
        #expect(
            Escape.html("<a href=\"x\" title='y'>&</a>")
                == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(Escape.html("a\u{0}b\u{202E}c\u{1B}d") == "abcd")
        #expect(Escape.markdown("# [x](y) *z*\n| w") == "\\# \\[x\\](y) \\*z\\* \\| w")
        #expect(Escape.markdown("<b>") == "&lt;b&gt;")
        #expect(Escape.terminal("a\u{1B}[2Jb\nc") == "a[2Jb c")
    }

    @Test func wordDiffMarksWhatChanged() {
        let segments = WordDiff.diff("Six fighters were wounded.", "Eight fighters were wounded, it said.")
        #expect(segments.map(\.operation) == [.added, .removed, .same, .added])
        #expect(segments.first { $0.operation == .removed }?.text == "Six")
        #expect(WordDiff.diff("", "").isEmpty)
    }

    @Test func wrappingRespectsTheWidth() {
        let style = TerminalStyle(color: false, width: 40)
        let long = String(repeating: "word ", count: 40) + String(repeating: "x", count: 100)
        for line in style.wrap(long, leadWidth: 4, indent: 4) { #expect(line.count <= 40) }
    }
}
