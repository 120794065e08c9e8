import Foundation
import Testing

@testable import TextAnalysis

/// Stored claims leave defaults out; what is read back must equal what was written.
@Suite struct ClaimCodingTests {
    @Test func claimsRoundTripThroughTheirCompactJSON() throws {
        let text = """
            Russia denies strike on SDF fighters

            MOSCOW, Sept 25 (Reuters) - Russia's Defence Ministry on Monday rejected reports that its jets had \
            hit U.S.-backed fighters, saying they only hit Islamic State targets. Six fighters were wounded on \
            Saturday, the SDF said. "We will defend ourselves," its spokesman said.
            """
        let published = Date(timeIntervalSince1970: 1_506_340_800)
        let claims = ClaimExtractor().claims(in: text, published: published)
        #expect(claims.count >= 4)
        let data = try JSONEncoder().encode(claims)
        let decoded = try JSONDecoder().decode([Claim].self, from: data)
        #expect(decoded == claims)
        let json = String(decoding: data, as: UTF8.self)
        #expect(!json.contains("\"negated\":false") && !json.contains("\"entities\":[]"), "defaults are left out")
    }
}
