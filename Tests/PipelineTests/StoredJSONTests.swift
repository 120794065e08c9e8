import CorroborationModel
import Foundation
import Testing
import TextAnalysis

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

/// The hand-written claims column must read back, through Claim's Codable, as what was written.
@Suite struct ClaimColumnTests {
    @Test func handWrittenClaimsDecodeToTheSameClaims() throws {
        let text = """
            Russia denies strike on "SDF" fighters \\ near Deir al-Zor

            MOSCOW, Sept 25 (Reuters) - Russia's Defence Ministry on Monday rejected reports that its jets had \
            hit U.S.-backed fighters, saying they only hit Islamic State targets at 03:30 GMT. More than 1,200 \
            people fled and six fighters were wounded on Saturday, the SDF said. "We will defend ourselves," \
            its spokesman Mustafa Bali reportedly said.
            """
        let claims = ClaimExtractor().claims(in: text, published: Date(timeIntervalSince1970: 1_506_340_800.5))
        #expect(claims.contains { !$0.quantities.isEmpty } && claims.contains { !$0.times.isEmpty })
        let json = ClaimJSON.encode(claims)
        let decoded = try JSONDecoder().decode([Claim].self, from: Data(json.utf8))
        #expect(decoded == claims)
        let viaEncoder = try JSONDecoder().decode([Claim].self, from: JSONEncoder().encode(claims))
        #expect(viaEncoder == decoded)
    }
}
