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

    @Test func thePossessorInASpeakersWordsIsNotTheSpeaker() throws {
        let text = "Mr. Clinton's national security adviser, Sandy Berger, said the White House was not told."
        let claim = try #require(ClaimExtractor().claims(in: text, published: Self.published).first)
        #expect(claim.speaker?.name == "Sandy Berger")
        #expect(claim.polarity.negated)
    }

    @Test func aDenialIsAClaimOfItsOwn() throws {
        let text = "Russia denies strike\n\nRussia's Defence Ministry denied that its jets struck the SDF."
        let claims = ClaimExtractor().claims(in: text, published: Self.published)
        let denial = try #require(claims.last)
        #expect(denial.stance == .denies)
        #expect(denial.slots.contains(.denial))
        #expect(denial.speaker?.entityID == "russian-defense-ministry")
    }

    @Test func aDescriptionNamesTheEntityTheArticleNames() throws {
        let text = """
            US-backed force says hit by Russian strikes in east Syria

            Six fighters from a US-backed alliance were wounded on Saturday, the alliance said. The Syrian \
            Democratic Forces (SDF) are fighting Islamic State east of the Euphrates.
            """
        let claims = ClaimExtractor().claims(in: text, published: Self.published)
        #expect(claims.first?.speaker?.entityID == "sdf", "the headline's description")
        let wounded = try #require(claims.first { $0.text.hasPrefix("Six fighters") })
        #expect(wounded.speaker?.entityID == "sdf", "the alliance: the described force, named later")
        // Where the article never names the SDF, a description stays a description.
        let unnamed = ClaimExtractor().claims(
            in: "US-backed force says hit by Russian strikes in east Syria", published: Self.published)
        #expect(unnamed.first?.speaker != nil)
        #expect(unnamed.first?.speaker?.entityID == nil)
    }

    @Test func aClauseWithItsOwnSpeakerIsAClaimOfItsOwn() throws {
        let text = """
            Russia denies striking SDF

            Russia's Defense Ministry on Sunday dismissed allegations that its warplanes hit U.S.-allied \
            fighters in eastern Syria, where a Kurdish-led force says six of its members were wounded.
            """
        let claims = ClaimExtractor().claims(in: text, published: Self.published)
        let both = claims.filter { $0.text.hasPrefix("Russia's Defense Ministry") }
        #expect(both.map { $0.speaker?.entityID } == ["russian-defense-ministry", "sdf"])
        let sdf = try #require(both.last)
        #expect(sdf.quantities.map(\.lower) == [6], "only the clause's own count")
        #expect(sdf.stance == .attributes)
    }

    @Test func aUnitOfAKnownBodySpeaksForIt() throws {
        let text = "SDF accuses parties\n\nThe SDF General Command said in a statement that some parties obstruct it."
        let claims = ClaimExtractor().claims(in: text, published: Self.published)
        #expect(claims.last?.speaker?.entityID == "sdf")
        #expect(claims.last?.speaker?.name == "SDF General Command")
    }

    @Test func russianRolesAndStatementsFindTheirSpeakers() throws {
        let text = """
            Минобороны: удары наносились только по ИГ

            Официальный представитель Минобороны РФ генерал-майор Игорь Конашенков заявил, что удары \
            наносились только по ИГ. Генерал подчеркнул, что боестолкновений не было. Как говорится в \
            заявлении коалиции, российские боеприпасы поразили позиции СДС.
            """
        let claims = ClaimExtractor().claims(in: text, published: Self.published)
        let general = try #require(claims.first { $0.text.hasPrefix("Генерал") })
        #expect(general.speaker?.entityID == "konashenkov")
        let coalition = try #require(claims.first { $0.text.hasPrefix("Как говорится") })
        #expect(coalition.speaker?.entityID == "us-led-coalition")
    }

    @Test func noneOfThemHurtIsACountOfZero() throws {
        let text = "It said several SDF fighters had been wounded but that none of its own advisers were hurt."
        let claims = ClaimExtractor().claims(in: text, published: Self.published)
        let quantities = try #require(claims.first).quantities
        #expect(quantities.contains { $0.lower == 0 && $0.upper == 0 && $0.event == "wounded" })
        #expect(quantities.contains { $0.kind == .vague })
    }

    @Test func jointSpeakersEachMakeTheClaimAndCapitalsSpeakForTheirCountries() throws {
        let claims = ClaimExtractor().claims(
            in: "Washington and Kiev accuse the rebels of downing the plane.", published: Self.published)
        #expect(claims.map { $0.speaker?.voice } == ["united-states", "ukraine"])
        // "Officials in Lithuania and Estonia": officials of the first, and the second by "and".
        let officials = ClaimExtractor().claims(
            in: "Officials in Lithuania and Estonia have estimated that up to 100,000 troops could be involved.",
            published: Self.published)
        #expect(officials.map { $0.speaker?.voice } == ["lithuania", "estonia"])
        // A city that is not a capital does not speak for its country.
        let city = ClaimExtractor().claims(
            in: "Donetsk says the shelling went on all night.", published: Self.published)
        #expect(city.first?.speaker?.affiliation == nil)
    }

    @Test func aBareRoleIsTheOneBodyTheArticleNames() throws {
        let text = """
            Russian general killed in Syria by shelling: ministry

            Lieutenant General Valery Asapov was killed by Islamic State shelling near Deir al-Zor, Russia's \
            Defence Ministry said on Sunday.
            """
        let claims = ClaimExtractor().claims(in: text, published: Self.published)
        #expect(claims.first?.speaker?.entityID == "russian-defense-ministry", "the headline's 'ministry'")
        // Two ministries named: "the ministry" alone settles nothing.
        let two = ClaimExtractor().claims(
            in: "Officials deny report: ministry\n\nRussia's Defence Ministry and Foreign Ministry spoke on Sunday.",
            published: Self.published)
        #expect(two.first?.speaker?.entityID == nil)
    }

    @Test func aVerbWithItsObjectIsNotASpeaker() throws {
        let claims = ClaimExtractor().claims(
            in: "The ships ignored the lawful demands of border guards to stop, so weapons were used, the FSB said.",
            published: Self.published)
        #expect(claims.first?.speaker?.entityID == "fsb")
        let object = ClaimExtractor().claims(
            in:
                "Moscow and Minsk insist 12,700 troops took part, while Lithuanian officials put the figure at 100,000.",
            published: Self.published)
        #expect(object.first?.speaker?.entityID == "moscow")
        #expect(object.contains { $0.speaker?.voice == "lithuania" && $0.quantities.contains { $0.lower == 100_000 } })
    }

    @Test func russianCollectiveNumeralsCount() throws {
        let text = "Трое украинских военнослужащих получили ранения, сообщили в ФСБ."
        let claims = ClaimExtractor().claims(in: text, published: Self.published)
        let claim = try #require(claims.first)
        #expect(claim.quantities.contains { $0.lower == 3 && $0.upper == 3 })
        #expect(claim.speaker != nil)
    }
}
