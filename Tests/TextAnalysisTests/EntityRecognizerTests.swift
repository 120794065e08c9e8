import Foundation
import Testing

@testable import TextAnalysis

@Suite struct EntityRecognizerTests {
    let recognizer = EntityRecognizer()

    func mentions(_ sentence: String) -> [EntityMention] {
        recognizer.entities(in: sentence, tokens: Tokenizer.tokens(of: sentence))
    }

    func ids(_ sentence: String) -> [String] { mentions(sentence).compactMap(\.entityID) }

    @Test func aliasesMergeToOneEntity() {
        #expect(ids("Fighters from ISIL and Daesh held the town.") == ["islamic-state", "islamic-state"])
        #expect(ids("Officials in Deir el-Zour and Dayr Az Zawr agreed.") == ["deir-ez-zor", "deir-ez-zor"])
        #expect(ids("Later the SDF said the Syrian Democratic Forces had moved.") == ["sdf", "sdf"])
    }

    @Test func longestMatchWins() throws {
        let found = mentions("Yesterday the Russian Defense Ministry rejected the report.")
        #expect(found.count == 1)
        let ministry = try #require(found.first)
        #expect(ministry.entityID == "russian-defense-ministry" && ministry.kind == .organization)
        #expect(ministry.text == "Russian Defense Ministry")
        #expect("Yesterday the Russian Defense Ministry rejected the report.".slice(ministry.range) == ministry.text)
    }

    @Test func shortAcronymsAreCaseSensitive() {
        #expect(ids("The town is held by IS, an AP reporter saw.") == ["islamic-state", "ap"])
        #expect(ids("That is what ap means.").isEmpty)
    }

    @Test func titlesMakePeople() throws {
        let found = mentions("On Sunday, Maj. Gen. Igor Konashenkov said the strikes were precise.")
        let person = try #require(found.first { $0.kind == .person })
        #expect(person.entityID == "konashenkov" && person.title == "Maj. Gen." && person.text == "Igor Konashenkov")
        let unknown = try #require(mentions("The briefing was led by Col. Zorvan Tellik of the army.").first)
        #expect(unknown.kind == .person && unknown.entityID == nil && unknown.canonicalName == "Zorvan Tellik")
        #expect(unknown.title == "Col.")
    }

    @Test func roleWithOrganizationResolvesBoth() {
        let found = mentions("Then Defense Ministry spokesman Igor Konashenkov spoke to reporters.")
        #expect(found.map(\.entityID) == ["russian-defense-ministry", "konashenkov"])
        #expect(found.last?.title == "spokesman")
    }

    @Test func possessivesMapToTheEntity() {
        let found = mentions("Everyone read Russia's reply and Konashenkov's words closely.")
        #expect(found.map(\.entityID) == ["russia", "konashenkov"])
        #expect(found.map(\.text) == ["Russia", "Konashenkov"])
        #expect(ids("He cited Russia's Defence Ministry on Monday.") == ["russian-defense-ministry"])
    }

    @Test func groupsOfPeople() {
        let found = mentions("Russian officials denied it, but witnesses and a military source disagreed.")
        #expect(found.map(\.kind) == [.group, .group, .group])
        #expect(found.map(\.canonicalName) == ["Russian officials", "witnesses", "military source"])
        #expect(found.first?.entityID == "russia")
        #expect(mentions("U.S. officials said little.").first?.canonicalName == "American officials")
    }

    @Test func unknownNamesTypedByCues() {
        let found = mentions("Shelling hit outside Qaryat Zulm near Wadi Fersk, the Kelvane Water Council reported.")
        #expect(found.map(\.kind) == [.place, .place, .organization])
        #expect(found.last?.canonicalName == "Kelvane Water Council")
        #expect(mentions("Hurlo Banet said the bridge was closed.").first?.kind == .person)
        #expect(mentions("Yesterday was calm.").isEmpty)
    }

    @Test func weakAliasesNeedContext() {
        #expect(ids("Talks resume in May, officials said.") == [])
        #expect(ids("Prime Minister May spoke first.") == ["theresa-may"])
        #expect(ids("Critics questioned May's account.") == ["theresa-may"])
    }

    @Test func russianCaseEndings() {
        #expect(ids("Об этом заявил Игорь Конашенков.") == ["konashenkov"])
        #expect(ids("По словам Конашенкова, удары наносились по ИГИЛ.") == ["konashenkov", "islamic-state"])
        #expect(ids("Бои идут под Дейр-эз-Зором.") == ["deir-ez-zor"])
    }

    @Test func placeWordsWidenAPlace() {
        let found = mentions("Fighting spread across Syria's Deir al-Zor Province overnight.")
        #expect(found.map(\.entityID) == ["syria", "deir-ez-zor-province"])
    }

    @Test func titleCaseHeadlinesYieldOnlyKnownNames() {
        let found = mentions("Russian Warplanes Hit Kurdish Fighters Near Deir Ezzor")
        #expect(found.allSatisfy { $0.entityID != nil })
    }

    @Test(arguments: [
        "Defense Ministry", "Russia’s Defense Ministry", "Russia's  Defense   Ministry", "Bashar al-Assad",
        "Syria's 's ’s  x", "O'Brien’s Office", "’s ", "s ", "Kiev’s", "a’s b's c",
    ])
    func tidyMatchesFoundationReplacement(text: String) {
        var expected = text.replacingOccurrences(of: "’s ", with: " ").replacingOccurrences(of: "'s ", with: " ")
        while expected.contains("  ") { expected = expected.replacingOccurrences(of: "  ", with: " ") }
        #expect(EntityRecognizer.tidy(text) == expected)
    }

    @Test func recognizerSharesItsGazetteer() {
        #expect(recognizer.gazetteer.entry(id: "russia")?.name == "Russia")
        #expect(mentions("").isEmpty)
        #expect(mentions("... -- !").isEmpty)
        // Tokens that do not belong to the sentence are skipped, not read out of bounds.
        let tokens = Tokenizer.tokens(of: "A much longer sentence naming Konashenkov at its end.")
        #expect(recognizer.entities(in: "Short.", tokens: tokens).isEmpty)
    }
}
