import Corroboration
import Testing
import TextAnalysis

/// `Comparer`: relations between texts, by the trained models and by rule, on hand-written pairs.
@Suite struct AgreementTests {
    static let comparer = Comparer()

    @Test(arguments: [
        (
            "Six fighters were wounded in the strike.", "Eight fighters were wounded in the strike.",
            Relation.contradicts
        ),
        ("Several fighters were wounded in the strike.", "Six fighters were wounded in the strike.", .supports),
        (
            "Russian jets struck SDF positions near Deir al-Zor.",
            "Russia's Defense Ministry denied that its jets struck SDF positions near Deir al-Zor.", .contradicts
        ),
        (
            "Russian jets struck SDF positions near Deir al-Zor.",
            "A hurricane flooded the coast of Puerto Rico on Wednesday.", .unrelated
        ),
    ])
    func sentencePairs(a: String, b: String, expected: Relation) {
        #expect(Self.comparer.compare(a, b).relation == expected)
    }

    @Test func aParaphraseIsMoreSimilarThanAnotherMatter() {
        let claim = "A Russian air strike wounded six fighters of the US-backed SDF near Deir al-Zor."
        let paraphrase = "Six SDF fighters were wounded when Russian aircraft struck near Deir ez-Zor."
        let other = "The central bank kept its key interest rate unchanged on Friday."
        let close = Self.comparer.compare(claim, paraphrase).similarity
        let far = Self.comparer.compare(claim, other).similarity
        #expect(close > far + 0.3, "\(close) vs \(far)")
    }

    @Test func alignmentsSayWhatConflicts() throws {
        let a = "The SDF said six of its fighters were wounded."
        let b = "Other reports said eight fighters were wounded near the city."
        let comparison = Self.comparer.compare(a, b)
        let alignment = try #require(comparison.alignments.first)
        #expect(alignment.relation == .contradicts)
        #expect(alignment.detail?.contains("vs") == true)
    }

    @Test func aBodyIsReadAsAWhole() {
        let headline = "Russia denies its jets struck US-backed fighters in Syria"
        let body = """
            Russia's Defense Ministry on Sunday denied that its warplanes struck U.S.-backed fighters in \
            eastern Syria. Ministry spokesman Igor Konashenkov said Russian aircraft only hit Islamic State \
            targets near Deir al-Zor. He said Moscow had told Washington the boundaries of its operation in \
            advance. The US-led coalition had said Russian munitions wounded several SDF fighters on Saturday.
            """
        let comparison = Self.comparer.compare(headline, body)
        #expect(comparison.relation != .unrelated)
        #expect(comparison.similarity > 0.3)
    }
}
