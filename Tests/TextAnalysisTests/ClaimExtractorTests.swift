import Foundation
import Testing

@testable import TextAnalysis

/// The extractor as a whole, on short articles written for the purpose.
@Suite struct ClaimExtractorTests {
    static let published = Date(timeIntervalSince1970: 1_505_606_400)  // 2017-09-17T00:00:00Z

    @Test func speakersCarryAcrossSentences() throws {
        let text = """
            Coalition says Russian strike wounded SDF fighters

            BEIRUT (Reuters) - The U.S.-led coalition said Russian munitions hit a position held by the SDF \
            on Saturday. Several SDF fighters were wounded, it said. Coalition advisers were not hurt.
            """
        let claims = ClaimExtractor().claims(in: text, published: Self.published)
        let wounded = try #require(claims.first { $0.text.hasPrefix("Several SDF fighters") })
        #expect(wounded.speaker?.fromAntecedent == true)
        #expect(wounded.speaker?.entityID == "us-led-coalition")
        #expect(wounded.quantities.first?.kind == .vague)
        let advisers = try #require(claims.first { $0.text.hasPrefix("Coalition advisers") })
        #expect(advisers.quantities.contains { $0.lower == 0 && $0.upper == 0 && $0.event == "wounded" })
        #expect(advisers.speaker == nil, "the outlet's own voice")
    }

    @Test func aDenialIsAClaimOfItsOwn() throws {
        let text = "Russia denies strike\n\nRussia's Defence Ministry denied that its jets struck the SDF."
        let claims = ClaimExtractor().claims(in: text, published: Self.published)
        let denial = try #require(claims.last)
        #expect(denial.stance == .denies)
        #expect(denial.slots.contains(.denial))
        #expect(denial.speaker?.entityID == "russian-defense-ministry")
    }

    @Test func russianCollectiveNumeralsCount() throws {
        let text = "Трое украинских военнослужащих получили ранения, сообщили в ФСБ."
        let claims = ClaimExtractor().claims(in: text, published: Self.published)
        let claim = try #require(claims.first)
        #expect(claim.quantities.contains { $0.lower == 3 && $0.upper == 3 })
        #expect(claim.speaker != nil)
    }
}
