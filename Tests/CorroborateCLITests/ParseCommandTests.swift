import Foundation
import TestSupport
import Testing

/// `corroborate parse` as outside scripts use it: exit statuses, one-line errors, and the exact
/// JSON keys of the contract in DESIGN.md.
struct ParseCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FeedParsingTests/Fixtures")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    @Test func jsonHasExactlyTheContractKeys() throws {
        let run = try CLI.run(["parse", "--json", Self.fixture("rss20-basic.xml")])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["format", "encoding", "wellFormed", "warnings", "feed", "entries"])
        let feed = try #require(document["feed"] as? [String: Any])
        #expect(Set(feed.keys) == ["title", "link", "subtitle", "language", "rights", "updated", "authors"])
        let entries = try #require(document["entries"] as? [[String: Any]])
        #expect(entries.count == 2)
        let contractEntryKeys: Set<String> = [
            "id", "title", "link", "summary", "content", "published", "updated", "authors", "categories", "source",
            "enclosures",
        ]
        #expect(contractEntryKeys.isSubset(of: Set(entries[0].keys)))
        #expect(entries[0]["content"] is NSNull, "absent values are null, never invented")
        #expect(entries[0]["published"] as? String == "2017-09-16T19:45:00Z")
    }

    @Test func severalFilesGiveJSONLines() throws {
        let run = try CLI.run([
            "parse", "--json", Self.fixture("rss20-basic.xml"), Self.fixture("atom10-basic.xml"),
        ])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any])
        }
    }

    @Test func statsPrintsOneLineOfTotals() throws {
        let run = try CLI.run(["parse", "--stats", Self.fixtures.path])
        #expect(run.status == 1, "the hostile fixtures in the folder are refused")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect((stats["files"] as? Int ?? 0) >= 40)
        #expect((stats["items"] as? Int ?? 0) >= 60)
        #expect((stats["bytes"] as? Int ?? 0) > 10_000)
        #expect(stats["seconds"] is Double)
        #expect((stats["failed"] as? Int ?? 0) >= 4)
    }

    @Test func aBadFileGetsOneLineAndTheOthersAreStillParsed() throws {
        let run = try CLI.run([
            "parse", "--json", "/nonexistent/feed.xml", Self.fixture("rss20-basic.xml"),
        ])
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("/nonexistent/feed.xml"))
        #expect(run.stdout.split(separator: "\n").count == 1, "the healthy file is still parsed")
        #expect(run.stdout.contains("Levant Wire"))
    }

    @Test func aHostileFileIsRefusedWithTheAttackNamed() throws {
        let run = try CLI.run([
            "parse", Self.fixture("hostile-xxe-local-file.xml"), Self.fixture("rss20-basic.xml"),
        ])
        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("hostile-xxe-local-file.xml: external entity refused") == true)
        #expect(run.stdout.contains("Levant Wire"), "the healthy file is still parsed")
        #expect(!run.stdout.contains("root:"), "no local file is ever read")
    }

    @Test func aWrongFlagIsAUsageErrorWithStatusTwo() throws {
        let run = try CLI.run(["parse", "--jsn", Self.fixture("rss20-basic.xml")])
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("--jsn"))
    }

    @Test func standardInputIsRead() throws {
        let bytes = try Data(contentsOf: Self.fixtures.appendingPathComponent("atom10-basic.xml"))
        let run = try CLI.run(["parse", "--json", "-"], stdin: bytes)
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"format\":\"atom1.0\""))
    }

    @Test func theGivenCharsetOverridesTheDeclaration() throws {
        let feed =
            Array(#"<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>"#.utf8)
            + [0xD2, 0xC0, 0xD1, 0xD1] + Array("</title></channel></rss>".utf8)
        let run = try CLI.run(["parse", "--json", "--charset", "windows-1251", "-"], stdin: Data(feed))
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"title\":\"ТАСС\""))
        #expect(run.stdout.contains("\"encoding\":\"windows-1251\""))
    }

    @Test func theSummaryNamesFormatEncodingAndEntries() throws {
        let run = try CLI.run(["parse", Self.fixture("enc-windows-1251-declared.xml")])
        #expect(run.status == 0)
        #expect(run.stdout.contains("rss2.0, windows-1251"))
        #expect(run.stdout.contains("1. "))
    }
}

/// Runs the `corroborate` binary that `swift build` put next to the test bundle.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL { BuiltBinaries.corroborate }

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// A running command, for tests that kill it or run two at once. Its standard error goes to
    /// a file, read with `errors` once it has ended.
    struct Running {
        let process: Process
        let errorFile: URL

        var errors: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }
    }

    static func start(_ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        return Running(process: process, errorFile: errorFile)
    }
}
