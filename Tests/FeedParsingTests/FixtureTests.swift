import FeedParsing
import Foundation
import Testing

/// Every `Fixtures/NAME.xml` is parsed and checked against `NAME.expect.json`, which lists only
/// the keys it asserts (see Fixtures/README.md for the format and what each fixture tests).
struct FixtureTests {
    static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".expect.json") }.map { String($0.dropLast(".expect.json".count)) }.sorted()
    }()

    @Test func fixturesArePresent() {
        #expect(Self.names.count >= 40)
    }

    @Test(arguments: names)
    func fixtureMatchesExpectation(_ name: String) throws {
        let expectation = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.folder.appendingPathComponent(name + ".expect.json"))) as? [String: Any])
        let document = try feedFile(named: name)
        let bytes = Array(try Data(contentsOf: document))
        let parser = FeedParser()

        if let expectedError = expectation["error"] as? String {
            #expect(throws: FeedParseError.self) { try parser.parse(bytes) }
            do {
                _ = try parser.parse(bytes)
            } catch {
                #expect(error.description.localizedCaseInsensitiveContains(expectedError), "\(error)")
            }
            return
        }

        let parsed = try parser.parse(bytes)
        let json = FeedJSON.document(parsed.info, entries: parsed.entries)
        let actual = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])

        for key in ["format", "encoding", "wellFormed"] where expectation[key] != nil {
            #expect(same(expectation[key], actual[key]), "\(key): expected \(expectation[key]!), got \(actual[key]!)")
        }
        if let phrases = expectation["warningsContain"] as? [String] {
            for phrase in phrases {
                #expect(
                    parsed.warnings.contains { $0.contains(phrase) },
                    "no warning mentions \(phrase): \(parsed.warnings)")
            }
        }
        if let feed = expectation["feed"] as? [String: Any] {
            for mismatch in PartialMatch.mismatches(expected: feed, actual: actual["feed"], path: "feed") {
                Issue.record(Comment(rawValue: mismatch))
            }
        }
        if let count = expectation["entryCount"] as? Int {
            #expect(parsed.entries.count == count)
        }
        guard let entries = expectation["entries"] as? [[String: Any]] else { return }
        let actualEntries = actual["entries"] as? [[String: Any]] ?? []
        #expect(actualEntries.count >= entries.count, "expected at least \(entries.count) entries")
        for (index, expected) in entries.enumerated() where index < actualEntries.count {
            let entry = actualEntries[index]
            for mismatch in PartialMatch.mismatches(expected: expected, actual: entry, path: "entries[\(index)]") {
                Issue.record(Comment(rawValue: mismatch))
            }
            if expected["idStable"] as? Bool == true {
                let again = try parser.parse(bytes)
                #expect(!(parsed.entries[index].id.isEmpty))
                #expect(again.entries[index].id == parsed.entries[index].id)
            }
        }
    }

    private func feedFile(named name: String) throws -> URL {
        for ext in ["xml", "rss", "atom", "rdf"] {
            let url = Self.folder.appendingPathComponent(name + "." + ext)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        throw CocoaError(.fileNoSuchFile)
    }
}

/// Compares an expectation that lists only some keys with the full JSON the parser produced.
/// `fieldContains` / `fieldExcludes` list substrings that `field` must or must not contain.
enum PartialMatch {
    static func mismatches(expected: [String: Any], actual: Any?, path: String) -> [String] {
        guard let actual = actual as? [String: Any] else {
            return ["\(path): expected an object, got \(String(describing: actual))"]
        }
        var problems: [String] = []
        for (key, value) in expected {
            if key == "idStable" { continue }
            if key.hasSuffix("Contains") || key.hasSuffix("Excludes") {
                let field = String(key.dropLast(8))
                let text = actual[field] as? String ?? ""
                for phrase in value as? [String] ?? [] {
                    let found = text.containsScalars(phrase)
                    if key.hasSuffix("Contains") && !found {
                        problems.append("\(path).\(field) lacks \"\(phrase)\": \(text)")
                    }
                    if key.hasSuffix("Excludes") && found {
                        problems.append("\(path).\(field) has \"\(phrase)\": \(text)")
                    }
                }
                continue
            }
            problems += compare(value, actual[key], path: "\(path).\(key)")
        }
        return problems
    }

    private static func compare(_ expected: Any, _ actual: Any?, path: String) -> [String] {
        switch expected {
        case is NSNull:
            return actual == nil || actual is NSNull ? [] : ["\(path): expected null, got \(actual!)"]
        case let object as [String: Any]:
            return mismatches(expected: object, actual: actual, path: path)
        case let array as [Any]:
            guard let actualArray = actual as? [Any], actualArray.count == array.count else {
                return ["\(path): expected \(array), got \(String(describing: actual))"]
            }
            return zip(array, actualArray).enumerated().flatMap { compare($1.0, $1.1, path: "\(path)[\($0)]") }
        default:
            return same(expected, actual) ? [] : ["\(path): expected \(expected), got \(String(describing: actual))"]
        }
    }
}

func same(_ a: Any?, _ b: Any?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let x as NSNumber, let y as NSNumber): return x == y
    case (let x as String, let y as String): return x == y
    case (is NSNull, is NSNull), (is NSNull, nil), (nil, is NSNull): return true
    default: return false
    }
}

extension String {
    /// Substring search on Unicode scalars: `contains` on Characters misses "advance." when a
    /// zero-width joiner follows the period, because the two form one grapheme cluster.
    func containsScalars(_ needle: String) -> Bool {
        let haystack = Array(unicodeScalars)
        let needle = Array(needle.unicodeScalars)
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }
}
