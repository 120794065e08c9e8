import Foundation
import TestSupport
import Testing

@testable import FeedParsing

#if canImport(Glibc)
    import Glibc
#endif

/// The parser must give the same answer however the bytes arrive, and must refuse hostile
/// documents with an error that names the attack.
struct RobustnessTests {
    /// A feed that crosses every construct the repair stage rewrites, in UTF-8 with Cyrillic.
    static func trickyFeed(items: Int) -> String {
        var body = """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE rss [<!ENTITY org "Syrian Democratic Forces">]>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Wire &amp; Desk &mdash; test</title><link>https://wire.example.org/</link>

            """
        for n in 0..<items {
            body += """
                <item><guid isPermaLink="false">id-\(n)</guid>
                <title>Сообщение \(n): &org; &nbsp;say &laquo;strike&raquo; AT&T \u{01}</title>
                <link>https://wire.example.org/a?id=\(n)&amp;lang=ru&x=1</link>
                <description>&lt;p&gt;Минобороны России заявило, что удары \(n) &hellip;&lt;/p&gt;</description>
                <content:encoded><![CDATA[<p>Body \(n) with <b>bold</b> &nbsp; text]]></content:encoded>
                <pubDate>Sun, 17 Sep 2017 08:\(String(format: "%02d", n % 60)):00 +0300</pubDate></item>

                """
        }
        return body + "</channel></rss>\n"
    }

    static func parseWhole(_ bytes: [UInt8], options: FeedParserOptions = .init()) throws -> String {
        let parsed = try FeedParser(options: options).parse(bytes)
        return FeedJSON.document(parsed.info, entries: parsed.entries)
    }

    static func parseInChunks(_ bytes: [UInt8], chunk: Int, sample: Int) throws -> String {
        var entries: [FeedEntry] = []
        let stream = FeedStreamParser(options: .init(), holdBack: sample, sampleSize: 512) { entries.append($0) }
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunk)
            try bytes[offset..<end].withUnsafeBufferPointer { try stream.feed($0) }
            offset = end
        }
        let info = try stream.finish()
        return FeedJSON.document(info, entries: entries)
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1000, 65_536])
    func chunkBoundariesDoNotChangeTheResult(chunk: Int) throws {
        let bytes = Array(Self.trickyFeed(items: 40).utf8)
        let whole = try Self.parseWhole(bytes)
        #expect(try Self.parseInChunks(bytes, chunk: chunk, sample: 32) == whole)
    }

    /// A whole clean document is parsed without the repair stage, and a document that turns out
    /// to need it is parsed again from scratch; fed in small pieces, every document takes the repair
    /// stage. Both must give the same JSON, and a dropped attempt must not leak entries.
    @Test func everyFixtureGivesTheSameResultWholeOrInPieces() throws {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }
        #expect(files.count >= 40)
        for file in files {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
            let whole = Result { try Self.parseWhole(bytes) }
            let pieces = Result { try Self.parseInChunks(bytes, chunk: 7, sample: 16) }
            switch (whole, pieces) {
            case (.success(let a), .success(let b)):
                #expect(a == b, "\(file): whole and in pieces differ")
            case (.failure(let a), .failure(let b)):
                #expect("\(a)" == "\(b)", "\(file)")
            default:
                Issue.record("\(file): one way parsed, the other failed: \(whole) / \(pieces)")
            }
        }
    }

    @Test func aDroppedFastAttemptLeaksNoEntries() throws {
        // Clean until the last item, which carries an undeclared entity: the fast attempt sees all
        // three items before libxml2 reports the error, then the repair path reads them again.
        let doc =
            "<rss version=\"2.0\"><channel><title>T</title><item><title>one</title></item>"
            + "<item><title>two</title></item><item><title>three&nbsp;</title></item></channel></rss>"
        var seen: [String] = []
        let stream = FeedStreamParser { seen.append($0.title ?? "") }
        try Array(doc.utf8).withUnsafeBufferPointer { try stream.feed($0) }
        let info = try stream.finish()
        #expect(seen == ["one", "two", "three"])
        #expect(info.entryCount == 3)
        #expect(!info.wellFormed)
    }

    @Test(arguments: ["windows-1251", "koi8-r", "utf-16le"])
    func chunkBoundariesInOtherEncodings(encoding: String) throws {
        let text = Self.trickyFeed(items: 20).replacingOccurrences(
            of: "encoding=\"utf-8\"", with: "encoding=\"\(encoding)\"")
        let cleaned = encoding == "utf-16le" ? text : text.replacingOccurrences(of: "\u{01}", with: "")
        let bytes = (encoding == "utf-16le" ? [0xFF, 0xFE] : []) + iconvEncode(cleaned, to: encoding.uppercased())
        let whole = try FeedParser().parse(bytes)
        #expect(whole.encoding == encoding)
        #expect(whole.entries.count == 20)
        #expect(whole.entries[3].title?.hasPrefix("Сообщение 3: Syrian Democratic Forces") == true)
        for chunk in [1, 5, 333] {
            #expect(try Self.parseInChunks(bytes, chunk: chunk, sample: 64) == Self.parseWhole(bytes))
        }
    }

    @Test func repairsAreReportedAndEntriesSurvive() throws {
        let parsed = try FeedParser().parse(Array(Self.trickyFeed(items: 3).utf8))
        #expect(parsed.wellFormed == false)
        #expect(parsed.entries.count == 3)
        #expect(parsed.header.title == "Wire & Desk — test")
        let title = try #require(parsed.entries[1].title)
        #expect(title == "Сообщение 1: Syrian Democratic Forces say «strike» AT&T")
        #expect(parsed.entries[1].link == "https://wire.example.org/a?id=1&lang=ru&x=1")
        #expect(parsed.warnings.contains { $0.contains("undeclared entity &nbsp; replaced") })
        #expect(parsed.warnings.contains { $0.contains("bare & escaped") })
        #expect(parsed.warnings.contains { $0.contains("control character U+0001 removed") })
        #expect(FeedDateParser.rfc3339(try #require(parsed.entries[1].published)) == "2017-09-17T05:01:00Z")
    }

    // MARK: Hostile documents

    @Test func externalEntityNamingALocalFileIsRefusedAndNeverRead() throws {
        let secret = "corroborate-secret-\(UInt64.random(in: 0...UInt64.max))"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xxe-\(secret).txt").path
        try secret.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for declaration in [
            "<!ENTITY xxe SYSTEM \"file://\(path)\">", "<!ENTITY xxe PUBLIC \"-//x//y\" \"file://\(path)\">",
            "<!ENTITY % xxe SYSTEM \"file://\(path)\"> %xxe;",
        ] {
            let doc =
                "<?xml version=\"1.0\"?><!DOCTYPE rss [\(declaration)]><rss version=\"2.0\"><channel>"
                + "<title>&xxe;</title><item><title>&xxe;</title></item></channel></rss>"
            do {
                let parsed = try FeedParser().parse(Array(doc.utf8))
                Issue.record("accepted a document declaring an external entity: \(parsed)")
            } catch {
                #expect(error.description.contains("external entity refused"))
                #expect(!error.description.contains(secret + "\n"))
            }
        }
    }

    @Test func billionLaughsIsRefused() {
        var doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol0 \"lol\">"
        for level in 1...10 {
            doc += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        doc += "]><rss version=\"2.0\"><channel><title>&lol10;</title></channel></rss>"
        #expect {
            try FeedParser().parse(Array(doc.utf8))
        } throws: { error in
            (error as? FeedParseError)?.description.contains("entity expansion refused") == true
        }
    }

    @Test func quadraticBlowUpIsRefused() {
        let big = String(repeating: "a", count: 50_000)
        let doc =
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"\(big)\">]><rss version=\"2.0\"><channel><title>"
            + String(repeating: "&a;", count: 50_000) + "</title></channel></rss>"
        #expect {
            try FeedParser().parse(Array(doc.utf8))
        } throws: { error in
            (error as? FeedParseError)?.description.contains("entity expansion refused") == true
        }
    }

    @Test func tenThousandDeepNestingIsRefused() {
        let doc =
            "<rss version=\"2.0\"><channel>" + String(repeating: "<x>", count: 10_000)
            + String(repeating: "</x>", count: 10_000) + "</channel></rss>"
        #expect(throws: FeedParseError.nestingTooDeep(limit: 128)) {
            try FeedParser().parse(Array(doc.utf8))
        }
    }

    @Test func fortyMegabyteDocumentIsRefusedByDefaultAndReadWhenAllowed() throws {
        let item =
            "<item><title>Filler item</title><description>" + String(repeating: "x", count: 4000)
            + "</description></item>\n"
        let count = 40_000_000 / item.utf8.count + 1
        var doc = "<rss version=\"2.0\"><channel><title>Big</title>\n"
        doc.reserveCapacity(41_000_000)
        for _ in 0..<count { doc += item }
        doc += "</channel></rss>"
        let bytes = Array(doc.utf8)
        #expect(bytes.count > 40_000_000)
        #expect(throws: FeedParseError.documentTooLarge(bytes: bytes.count, limit: 32 << 20)) {
            try FeedParser().parse(bytes)
        }
        var options = FeedParserOptions()
        options.maxDocumentBytes = 64 << 20
        var entries = 0
        let stream = FeedStreamParser(options: options) { _ in entries += 1 }
        try bytes.withUnsafeBufferPointer { try stream.feed($0) }
        let info = try stream.finish()
        #expect(info.entryCount == count)
        #expect(entries == count)
    }

    @Test func harmlessInternalEntitiesAreExpanded() throws {
        let doc =
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY sdf \"Syrian Democratic Forces\">]>"
            + "<rss version=\"2.0\"><channel><title>About the &sdf;</title></channel></rss>"
        let parsed = try FeedParser().parse(Array(doc.utf8))
        #expect(parsed.header.title == "About the Syrian Democratic Forces")
    }

    @Test func netscapeDoctypeDeclaresHTMLEntitiesButTheirUseElsewhereIsARepair() throws {
        let body = "<rss version=\"0.91\"><channel><title>Caf&eacute;&nbsp;news</title></channel></rss>"
        let netscape =
            "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
            + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
        let declared = try FeedParser().parse(Array((netscape + body).utf8))
        #expect(declared.wellFormed)
        #expect(declared.warnings.isEmpty)
        #expect(declared.header.title == "Café news")
        let undeclared = try FeedParser().parse(Array(body.utf8))
        #expect(!undeclared.wellFormed)
        #expect(undeclared.warnings.contains { $0.contains("undeclared entity &eacute; replaced") })
        #expect(undeclared.header.title == "Café news")
    }

    // MARK: Never crash

    @Test func everyTruncationEitherParsesOrFailsCleanly() throws {
        let bytes = Array(Self.trickyFeed(items: 3).utf8)
        var parsedCount = 0
        for cut in stride(from: 0, through: bytes.count, by: 3) {
            if let parsed = try? FeedParser().parse(Array(bytes[..<cut])) {
                parsedCount += 1
                #expect(parsed.entries.count <= 3)
            }
        }
        #expect(parsedCount > bytes.count / 3 / 2)
    }

    @Test func randomMutationsNeverCrash() {
        var generator = SplitMix64(seed: 2017)
        let original = Array(Self.trickyFeed(items: 4).utf8)
        let alphabet = Array("<>&;/![]\"'=#x0 \u{1}?-".utf8) + [0xC3, 0xD0, 0xFF, 0x00]
        for _ in 0..<1500 {
            var bytes = original
            for _ in 0..<Int(generator.next() % 8 + 1) {
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[at] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: at)
                default: bytes.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: at)
                }
            }
            _ = try? FeedParser().parse(bytes)
        }
    }
}

/// Encodes UTF-8 text into another charset with the C library's iconv, to make test documents.
func iconvEncode(_ text: String, to charset: String) -> [UInt8] {
    let cd = iconv_open(charset, "UTF-8")
    precondition(cd != iconv_t(bitPattern: -1), "iconv cannot encode \(charset)")
    defer { iconv_close(cd) }
    var input = Array(text.utf8).map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: input.count * 4 + 16)
    let written: Int = input.withUnsafeMutableBufferPointer { inBuf in
        output.withUnsafeMutableBufferPointer { outBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
            var inLeft = inBuf.count
            var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
            var outLeft = outBuf.count
            _ = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            precondition(inLeft == 0, "text not representable in \(charset)")
            return outBuf.count - outLeft
        }
    }
    return output[..<written].map { UInt8(bitPattern: $0) }
}
