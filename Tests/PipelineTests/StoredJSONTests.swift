import CorroborationModel
import Foundation
import Testing

@testable import StorageSQLite

/// The store writes its JSON columns by hand (they are written once per item on the writer's
/// thread); what it writes must be what JSONEncoder would, so that any JSON reader agrees.
@Suite struct StoredJSONTests {
    static let awkward = [
        "plain", "", "quote \" and \\ backslash", "tab\tnew\nline\r", "bell \u{07}", "Ünïcødé – 東京", "a/b",
    ]

    @Test func stringArraysMatchJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        for strings in [[], ["one"], Self.awkward] {
            let expected = String(decoding: try encoder.encode(strings), as: UTF8.self)
            #expect(jsonArray(strings) == expected)
            #expect(stringArray(jsonArray(strings)) == strings)
        }
    }

    @Test func enclosuresMatchJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let enclosures =
            [
                Report.Enclosure(url: "https://example.com/a.mp3", type: "audio/mpeg", length: 1234),
                Report.Enclosure(url: "https://example.com/b \"q\".jpg"),
                Report.Enclosure(url: "https://example.com/c.jpg", type: "image/jpeg"),
                Report.Enclosure(url: "https://example.com/d", length: 0),
            ] + Self.awkward.map { Report.Enclosure(url: $0, type: $0) }
        for list in [[], Array(enclosures.prefix(1)), enclosures] {
            let expected = String(decoding: try encoder.encode(list), as: UTF8.self)
            #expect(enclosuresJSON(list) == expected)
        }
    }
}
