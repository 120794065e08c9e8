import Foundation
import TestSupport
import Testing

@testable import FeedParsing

/// The fast path must give exactly what libxml2 gives wherever it accepts a fragment. These tests run
/// both on the sanitizer tables and on a generated corpus of clean CMS-like fragments and near misses.
struct HTMLSanitizerFastPathTests {
    /// Every table input: where the fast path accepts one, its HTML and text equal libxml2's.
    @Test func agreesWithLibxml2OnTheTables() {
        var checker = FastPathChecker()
        for (input, base) in sanitizerTableInputs {
            checker.check(input, base: base, family: "tables")
        }
        checker.report()
        #expect(checker.mismatches.isEmpty, "\(checker.mismatches.prefix(5))")
    }

    /// A deterministic corpus of clean fragments, near misses and tag soup.
    @Test func agreesWithLibxml2OnGeneratedFragments() {
        var checker = FastPathChecker()
        var grammar = FragmentGrammar(seed: 0xFA57_9A7B)
        let bases = [
            nil, URL(string: "https://news.example.com/world/2024/story.html"), URL(string: "https://example.com"),
        ]
        for round in 0..<24_000 {
            let base = bases[round % bases.count]
            switch round % 8 {
            case 0, 1, 2:
                checker.check(grammar.cleanFragment(), base: base, family: "clean")
            case 3, 4, 5, 6:
                checker.check(grammar.nearMiss(of: grammar.cleanFragment()), base: base, family: "near miss")
            default:
                checker.check(grammar.soup(), base: base, family: "soup")
            }
        }
        checker.report()
        #expect(checker.mismatches.isEmpty, "\(checker.mismatches.prefix(5))")
        // The grammar's clean output is what feeds carry: nearly all of it must take the fast path,
        // or the speed is silently gone.
        let clean = checker.counts["clean", default: (0, 0)]
        #expect(clean.total == 9_000)
        #expect(clean.accepted * 100 >= clean.total * 95, "fast path accepted \(clean.accepted) of \(clean.total)")
    }

    /// What the fast path takes and what it leaves to libxml2.
    @Test(arguments: [
        (
            #"<figure><img src="https://cdn.example.com/a.jpg" alt="A" width="1200" height="800"/>"#
                + "<figcaption>Photo</figcaption></figure>\n<p>Text&nbsp;&mdash; more &#8217;q&#8217;</p>", true
        ),
        (#"<p>See <a href="/world/1" title='T &amp; U'>this</a>.</p> <p>Two</p>"#, true),
        ("Top-level text <b>bold</b>\n\n<P>Upper</p>", true),
        ("<p>Unclosed <b>bold", true),
        ("<ul><li>a</li><li>b <em>c</em></li></ul><br><hr/>", true),
        ("<p>a<p>b", false),
        ("<p>a<div>b</div></p>", false),
        ("<li>a<li>b", false),
        ("<p>a</b></p>", false),
        ("<p>AT&T</p>", true),
        ("<p>&#12</p>", false),
        ("<a href=/x>u</a>", false),
        (#"<a href="x" href="y">d</a>"#, false),
        (#"<a href="x"title="y">d</a>"#, false),
        ("<!-- c --><p>x</p>", false),
        ("<script>x()</script><p>y</p>", false),
        ("<font>f</font>", false),
        ("<p>a < b</p>", false),
        ("<p>nul\u{1}</p>", false),
        ("<body><p>x</p></body>", false),
        ("<p title=\"a\r\nb\tc\">x\r\ny</p>\r\n<pre>\r\nz</pre>", true),
    ])
    func acceptsOnlyTheStrictSubset(_ input: String, _ accepted: Bool) {
        var sanitizer = HTMLSanitizer()
        #expect((sanitizer.fastPathResult(input, baseURL: nil, wantHTML: true) != nil) == accepted)
        var checker = FastPathChecker()
        checker.check(input, base: nil, family: "cases")
        #expect(checker.mismatches.isEmpty)
    }
}

/// The text loops read sixteen bytes at a time; both paths share them, so they are held against a plain
/// byte-by-byte model here rather than against each other.
struct HTMLSanitizerTextLoopTests {
    private static let pieces = [
        "word", "Gr\u{FC}\u{DF}e", "\u{6771}\u{4EAC}", "\u{1F600}", "a", "1", " ", " ", " ", "  ", "\t", "\n", "\r\n",
        "\u{A0}", "\u{80}", "\"", "'", ">", "=", "x\u{2014}y", ".", "longerwordthatfillsablock",
    ]
    private static let controls = ["\u{1}", "\u{C}", "\u{7F}", "\u{1F}"]

    /// Text without tags or references goes straight to the loops, control characters included.
    @Test func taglessTextMatchesModel() {
        var random = SplitMix64(seed: 0x7E47)
        var sanitizer = HTMLSanitizer()
        for _ in 0..<5_000 {
            let input = (0..<random.below(40)).map { _ in
                random.chance(5) ? random.pick(Self.controls) : random.pick(Self.pieces)
            }.joined()
            let result = sanitizer.clean(input, baseURL: nil)
            #expect(result.html == Self.escaped(input), "\(input.debugDescription)")
            #expect(result.text == Self.words(input).joined(separator: " "), "\(input.debugDescription)")
            #expect(sanitizer.text(input) == result.text, "\(input.debugDescription)")
        }
    }

    /// Inside elements: block boundaries and <pre> line breaks as separators, read by either path.
    @Test(arguments: [true, false])
    func elementTextMatchesModel(fastPath: Bool) {
        var random = SplitMix64(seed: 0x7E48)
        var sanitizer = HTMLSanitizer(fastPath: fastPath)
        for _ in 0..<3_000 {
            let first = (0..<random.below(30)).map { _ in random.pick(Self.pieces) }.joined()
            let second = (0..<random.below(30)).map { _ in random.pick(Self.pieces) }.joined()
            let paragraphs = sanitizer.clean("<p>\(first)</p>\(second)", baseURL: nil)
            #expect(paragraphs.html == "<p>\(Self.escaped(first))</p>\(Self.escaped(second))")
            let lines = [Self.words(first).joined(separator: " "), Self.words(second).joined(separator: " ")]
            #expect(paragraphs.text == lines.filter { !$0.isEmpty }.joined(separator: "\n"))
            let preformatted = sanitizer.clean("<pre>\(first)</pre>", baseURL: nil)
            #expect(preformatted.html == "<pre>\(Self.escaped(first))</pre>")
            #expect(preformatted.text == Self.preformattedText(first), "\(first.debugDescription)")
        }
    }

    private static func escaped(_ input: String) -> String {
        var out = ""
        for scalar in input.unicodeScalars {
            switch scalar {
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}": break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        [" ", "\t", "\n", "\r", "\u{C}", "\u{A0}"].contains(scalar)
    }

    /// Words as the plain text keeps them; other control characters join their neighbours.
    private static func words(_ input: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in input.unicodeScalars {
            if isSeparator(scalar) {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if scalar.value >= 0x20 && scalar.value != 0x7F {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// In <pre>, a run of white space that holds a line break separates by a line break.
    private static func preformattedText(_ input: String) -> String {
        var out = ""
        var pending: String?
        for scalar in input.unicodeScalars {
            if isSeparator(scalar) {
                pending = scalar == "\n" || pending == "\n" ? "\n" : " "
                continue
            }
            if let separator = pending, !out.isEmpty { out += separator }
            pending = nil
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}

/// Runs one input through the fast path alone, libxml2 alone and the normal combination.
private struct FastPathChecker: ~Copyable {
    private var fast = HTMLSanitizer()
    private var libxml2 = HTMLSanitizer(fastPath: false)
    /// One instance for everything, so that a fast-path attempt given up on cannot leak into the next.
    private var combined = HTMLSanitizer()
    var counts: [String: (total: Int, accepted: Int)] = [:]
    var mismatches: [String] = []

    mutating func check(_ input: String, base: URL?, family: String) {
        let expected = libxml2.clean(input, baseURL: base)
        let expectedText = libxml2.text(input)
        let accepted = fast.fastPathResult(input, baseURL: base, wantHTML: true)
        if let accepted, accepted != expected {
            mismatches.append("\(input.debugDescription): \(accepted) != \(expected)")
        }
        if let title = fast.fastPathResult(input, baseURL: nil, wantHTML: false), title.text != expectedText {
            mismatches.append("text of \(input.debugDescription): \(title.text) != \(expectedText)")
        }
        if combined.clean(input, baseURL: base) != expected || combined.text(input) != expectedText {
            mismatches.append("combined \(input.debugDescription)")
        }
        counts[family, default: (0, 0)].total += 1
        if accepted != nil { counts[family, default: (0, 0)].accepted += 1 }
    }

    func report() {
        for (family, count) in counts.sorted(by: { $0.key < $1.key }) {
            let rate = Double(count.accepted) / Double(max(count.total, 1)) * 100
            print(
                "fast path, \(family): accepted \(count.accepted) of \(count.total) (\(String(format: "%.1f", rate))%)")
        }
    }
}

/// Fragments shaped like CMS output, and the ways real feeds get them slightly wrong.
private struct FragmentGrammar {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private static let words = [
        "Officials", "said", "on", "Thursday", "the", "grid", "pledged", "megawatts", "of", "about", "150",
        "million", "$5.9", "28.2%", "\"quoted\"", "it's", "a > b", "2010\u{2013}2024", "e-mail", "Gr\u{FC}\u{DF}e",
        "\u{6771}\u{4EAC}", "\u{41C}\u{43E}\u{441}\u{43A}\u{432}\u{430}", "caf\u{E9}", "\u{1F600}", "x\u{A0}y",
        "tab\there", "WANTDREXPOLIS,", "(The Herald)", "\u{2014}", "'single'", "[1]", "#tag", "a=b", "50/50",
    ]
    private static let references = [
        "&nbsp;", "&mdash;", "&ndash;", "&ldquo;", "&rdquo;", "&lsquo;", "&rsquo;", "&hellip;", "&amp;", "&lt;",
        "&gt;", "&quot;", "&apos;", "&laquo;", "&raquo;", "&copy;", "&eacute;", "&#8217;", "&#x2019;", "&#233;",
        "&#x1F600;", "&#38;", "&#60;", "&#9;", "&#10;", "&#13;", "&#160;", "&euro;", "&trade;", "&sup2;",
        "&frac12;", "&#X2019;", "&#0000065;", "&Eacute;", "&amp;amp;", " & ", "AT&T", "&bogus;", "&amp x",
    ]
    private static let urls = [
        "https://cdn.example.com/img/982340795.jpg", "/world/123", "story.html", "#comments", "?page=2&amp;x=1",
        "//cdn.example.net/a.png", "mailto:desk@example.org", "javascript:steal()", "  https://x.example/ \n",
        "java&#x09;script:x", "../up.html", "a b.html", "https://example.com/q?a=1&b=2", "HTTPS://EXAMPLE.ORG/",
        "", "data:text/html,<script>x</script>", "/wiki/Talk:Main", "&#x6A;avascript&#x3A;x",
    ]
    private static let inlineElements = [
        "strong", "b", "em", "i", "u", "s", "span", "code", "small", "sub", "sup", "mark", "cite", "abbr", "time",
        "q", "del", "ins",
    ]
    /// Written as <div>; the first ones libxml2 does not know, so any block may go inside.
    private static let divElements = ["div", "section", "article", "header", "footer", "aside", "nav", "main"]
    /// Also written as <div>, but libxml2 closes these on some blocks (<menu> on <dl>): inline content only.
    private static let oldDivElements = [
        "center", "address", "details", "summary", "hgroup", "fieldset", "legend", "menu", "dir",
    ]
    private static let separators = ["", "\n", "\n\n", " ", "\r\n", "\t\n", "\n  "]

    /// Clean markup: every element closed in order, attribute values quoted, references complete.
    mutating func cleanFragment() -> String {
        var out = ""
        for index in 0..<(1 + random.below(5)) {
            if index > 0 || random.chance(10) { out += random.pick(Self.separators) }
            block(into: &out, depth: 0)
        }
        if random.chance(10) { out += random.pick(Self.separators) }
        return out
    }

    /// A clean fragment with one to three small defects.
    mutating func nearMiss(of clean: String) -> String {
        var scalars = Array(clean.unicodeScalars)
        for _ in 0..<(1 + random.below(3)) {
            let position = random.below(scalars.count + 1)
            switch random.below(6) {
            case 0:
                scalars.removeSubrange(position...)
            case 1:
                if position < scalars.count { scalars.remove(at: position) }
            case 2:
                // Remove an end tag, leaving an element to be closed by libxml2's rules.
                let text = String(String.UnicodeScalarView(scalars))
                let ends = text.ranges(of: "</")
                if let range = ends.isEmpty ? nil : random.pick(ends),
                    let close = text[range.upperBound...].firstIndex(of: ">")
                {
                    scalars = Array((text[..<range.lowerBound] + text[text.index(after: close)...]).unicodeScalars)
                }
            case 3:
                // Uppercase the name of one tag, and maybe more.
                let text = String(String.UnicodeScalarView(scalars))
                let starts = text.ranges(of: "<")
                if let range = starts.isEmpty ? nil : random.pick(starts) {
                    let tail = text[range.upperBound...].prefix(8)
                    scalars = Array(
                        (text[..<range.upperBound] + tail.uppercased() + text[tail.endIndex...]).unicodeScalars)
                }
            default:
                scalars.insert(contentsOf: random.pick(Self.defects).unicodeScalars, at: position)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Random pieces of markup, like the sanitizer's soup test, for the odd accepted one.
    mutating func soup() -> String {
        var out = ""
        for _ in 0..<(1 + random.below(12)) {
            out += random.chance(50) ? random.pick(Self.soupPieces) : random.pick(Self.defects)
        }
        return out
    }

    private static let defects = [
        "<p>", "</p>", "<div>", "</div>", "<li>", "</li>", "<td>", "<tr>", "<!-- c -->", "<!DOCTYPE html>",
        "<?php x ?>", "<script>x()</script>", "<style>p{}</style>", "<font color=red>", "</font>", "<o:p>",
        "</o:p>", "<x-widget>", "<", ">", "&", "\"", "'", "=", "/", "\u{0}", "\u{1}", "\u{C}", "\u{7F}", "\u{FFFE}",
        "\u{FEFF}", "<br>", "</br>", "<a>", "</a>", "<table>", "<b>", "</b>", "<i>", "</i>", "<p/>", "<html>",
        "<body>", "</body>", "<head>", "<title>t</title>", "<![CDATA[x]]>", "<iframe src=x></iframe>", "<embed>",
        "<wbr>", "<input>", "<img src=x>", "< p>", "</ p>", "<p >", "</p >", "<a href=x>", "<a href='x'title='y'>",
        "<a href=\"x\" href=\"y\">", "<a HREF=\"x\" href=\"y\">", "&#", "&#12", "&#x;", "&#0;", "&#xD800;",
        "&#x110000;", "&bogus;", "&NBSP;", "&nbsp", "&#65", "AT&T", "a < b", "<3", "</>", "<//p>", "\r", "\r\n",
        "<section>", "<li><li>", "<dd>", "<dt>", "<caption>", "<thead>", "<tbody>", "<center>", "<option>",
        "<select>", "<noscript>", "<svg>", "<math>", "<textarea>", "<h1>", "<ul>", "<hr/>", "<pre>", "</pre>",
        "<blink>", "<q>", "<p class=\"a\" / >", "<img src=\"x\" alt>", "<a title=\"a&#0;b\">", "<br/ >",
        "<span\ntitle=\"n\">", "<p\t>", "&#x2019", "&mdash", "<a href=\"/x\"", "<p title=\"open", "<dl>", "<ol>",
    ]

    private static let soupPieces = [
        "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<em>", "</em>", "<a href=\"/ok\">", "</a>", "<br>", "<hr>",
        "<ul>", "</ul>", "<li>", "</li>", "<div>", "</div>", "<table>", "</table>", "<tr>", "</tr>", "<td>",
        "</td>", "<span>", "</span>", "<section>", "</section>", "<pre>", "</pre>", "<h2>", "</h2>", "<figure>",
        "</figure>", "<figcaption>", "</figcaption>", "<blockquote>", "</blockquote>", "<strong>", "</strong>",
        "word", " ", "\n", "&amp;", "&nbsp;", "&#8217;", "&lt;", "\u{E9}", "\u{6771}", "<img src=\"/i.png\">",
        "<p title=\"t\">", "<td colspan=\"2\">", "<dl>", "<dt>", "<dd>", "</dl>", "<ol>", "</ol>", "<caption>",
        "<thead>", "<tbody>", "<th>", "<sub>", "<code>", "<q cite=\"/c\">", "<center>", "<address>", "<dir>",
        "<menu>", "<fieldset>", "<legend>", "<h1>", "<h6>", "<small>", "<mark>", "<abbr>", "<time>", "<del>",
    ]

    private mutating func block(into out: inout String, depth: Int) {
        switch random.below(depth > 2 ? 6 : 11) {
        case 0, 1:
            element("p", into: &out) { $0.inline(into: &$1, depth: 0) }
        case 2:
            element("h\(1 + random.below(6))", into: &out) { $0.inline(into: &$1, depth: 0) }
        case 3 where random.chance(20):
            element(random.pick(Self.oldDivElements), into: &out) { $0.inline(into: &$1, depth: 0) }
        case 3:
            inline(into: &out, depth: 0)
        case 4:
            out += random.pick(["<hr>", "<hr/>", "<br>", "<br />", "<HR>"])
        case 5:
            figure(into: &out)
        case 6:
            let name = random.pick(Self.divElements + ["blockquote", "div", "div"])
            element(name, into: &out) { grammar, out in
                for index in 0..<(1 + grammar.random.below(3)) {
                    if index > 0 { out += grammar.random.pick(Self.separators) }
                    grammar.block(into: &out, depth: depth + 1)
                }
            }
        case 7:
            list(into: &out, depth: depth)
        case 8:
            table(into: &out)
        case 9:
            element("pre", into: &out) { grammar, out in
                out += grammar.random.pick(["", "\n", "\r\n"]) + "line 1\n  line 2 &amp; <b>bold</b>\n"
            }
        default:
            element("dl", into: &out) { grammar, out in
                for _ in 0..<(1 + grammar.random.below(3)) {
                    grammar.element("dt", into: &out) { $0.inline(into: &$1, depth: 1) }
                    grammar.element("dd", into: &out) { $0.inline(into: &$1, depth: 1) }
                }
            }
        }
    }

    private mutating func inline(into out: inout String, depth: Int) {
        for _ in 0..<(1 + random.below(6)) {
            switch random.below(depth > 1 ? 3 : 9) {
            case 0:
                out += (0..<(1 + random.below(8))).map { _ in random.pick(Self.words) }
                    .joined(separator: random.pick([" ", " ", "\n", "  "]))
            case 1:
                out += random.pick(Self.references)
            case 2:
                out += random.pick([" ", "\n", ", ", ". "])
            case 3, 4:
                element(random.pick(Self.inlineElements), into: &out) { $0.inline(into: &$1, depth: depth + 1) }
            case 5 where depth == 0:
                element("a", attributes: [("href", random.pick(Self.urls))], into: &out) {
                    $0.inline(into: &$1, depth: 2)
                }
            case 6:
                out += random.pick(["<br>", "<br/>", "<br />", "<BR>"])
            case 7:
                image(into: &out)
            default:
                out += random.pick(Self.words)
            }
        }
    }

    private mutating func figure(into out: inout String) {
        element("figure", into: &out) { grammar, out in
            grammar.image(into: &out)
            if grammar.random.chance(80) {
                grammar.element("figcaption", into: &out) { $0.inline(into: &$1, depth: 1) }
            }
        }
    }

    private mutating func image(into out: inout String) {
        var attributes = [("src", random.pick(Self.urls))]
        if random.chance(70) {
            attributes.append(("alt", random.pick(["Pledges Renewable", "A &amp; B", "", "\"q\""])))
        }
        if random.chance(50) { attributes += [("width", "1200"), ("height", random.pick(["800", "80%", " 64 "]))] }
        out += "<img" + self.attributes(attributes) + random.pick([">", "/>", " />"])
    }

    private mutating func list(into out: inout String, depth: Int) {
        element(random.pick(["ul", "ol"]), into: &out) { grammar, out in
            for _ in 0..<(1 + grammar.random.below(4)) {
                out += grammar.random.pick(["", "\n"])
                grammar.element("li", into: &out) { grammar, out in
                    grammar.inline(into: &out, depth: 1)
                    if depth < 2 && grammar.random.chance(15) { grammar.list(into: &out, depth: depth + 1) }
                }
            }
        }
    }

    private mutating func table(into out: inout String) {
        element("table", into: &out) { grammar, out in
            if grammar.random.chance(30) {
                grammar.element("caption", into: &out) { $0.inline(into: &$1, depth: 1) }
            }
            let rows: (inout FragmentGrammar, inout String, String) -> Void = { grammar, out, cell in
                for _ in 0..<(1 + grammar.random.below(3)) {
                    grammar.element("tr", into: &out) { grammar, out in
                        for _ in 0..<(1 + grammar.random.below(3)) {
                            let span = grammar.random.chance(20) ? [("colspan", "2")] : []
                            grammar.element(cell, attributes: span, into: &out) { $0.inline(into: &$1, depth: 1) }
                        }
                    }
                }
            }
            switch grammar.random.below(3) {
            case 0:
                rows(&grammar, &out, "td")
            case 1:
                grammar.element("tbody", into: &out) { rows(&$0, &$1, "td") }
            default:
                grammar.element("thead", into: &out) { rows(&$0, &$1, "th") }
                grammar.element("tbody", into: &out) { rows(&$0, &$1, "td") }
                if grammar.random.chance(30) { grammar.element("tfoot", into: &out) { rows(&$0, &$1, "td") } }
            }
        }
    }

    /// `<name ...>content</name>`, with some extra attributes and some uppercase names.
    private mutating func element(
        _ name: String, attributes: [(String, String)] = [], into out: inout String,
        content: (inout FragmentGrammar, inout String) -> Void
    ) {
        var attributes = attributes
        if random.chance(25) {
            attributes.insert(
                random.pick([
                    ("class", "story-body"), ("id", "p1"), ("title", "She said \"no\" &amp; left"),
                    ("data-x", "1"), ("lang", "en-GB"), ("dir", "RTL"), ("onclick", "steal()"),
                    ("style", "color:red"), ("rel", "nofollow"), ("TITLE", "Up"), ("datetime", "2024-03-08"),
                    ("cite", "/source"), ("title", "caf&eacute; &#8217; &nbsp;x"), ("title", "line\nbreak"),
                ]), at: random.below(attributes.count + 1))
        }
        let upper = random.chance(5)
        out += "<" + (upper ? name.uppercased() : name) + self.attributes(attributes) + ">"
        content(&self, &out)
        out += "</" + (upper && random.chance(50) ? name.uppercased() : name) + random.pick([">", ">", " >"])
    }

    /// Attributes in the spellings CMSs use: double or single quotes, odd spacing, bare names.
    private mutating func attributes(_ list: [(String, String)]) -> String {
        var out = ""
        for (name, value) in list {
            out += random.pick([" ", " ", "\n", "  "]) + name
            let escaped = value.replacingOccurrences(of: "\"", with: "&quot;")
            switch random.below(12) {
            case 0:
                out += " = \"" + escaped + "\""
            case 1 where !value.contains("'"):
                out += "='" + value + "'"
            case 2 where value.isEmpty:
                break
            default:
                out += "=\"" + escaped + "\""
            }
        }
        if random.chance(5) { out += random.pick([" hidden", " async", " "]) }
        return out
    }
}
