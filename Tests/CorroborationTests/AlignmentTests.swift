import Corroboration
import Foundation
import Testing
import TextAnalysis

/// Claim similarity, alignment and number conflicts on hand-written sentences.
struct AlignmentTests {
    static let similarity = ClaimSimilarity()
    static let threshold = ClaimAligner.defaultThreshold

    struct Pair: CustomTestStringConvertible, Sendable {
        var why: String
        var a: String
        var b: String
        var testDescription: String { why }
    }

    /// Two wordings of one claim: the similarity reaches the alignment threshold with no statistics
    /// learned (every term weighs the same).
    static let sameClaim: [Pair] = [
        Pair(
            why: "paraphrase",
            a: "Six SDF fighters were wounded in the Russian air strike near Deir al-Zor on Saturday.",
            b: "A Russian air strike near Deir al-Zor wounded six SDF fighters on Saturday."),
        Pair(
            why: "reordered clauses",
            a: "The coalition said Russian munitions hit a position held by SDF fighters and coalition advisers.",
            b: "Russian munitions hit a position held by coalition advisers and SDF fighters, the coalition said."),
        Pair(
            why: "abbreviation",
            a: "The Syrian Democratic Forces said the strike wounded six fighters east of the Euphrates.",
            b: "The SDF said the strike wounded six fighters east of the Euphrates."),
        Pair(
            why: "alias and transliteration",
            a: "Russian jets struck Islamic State positions near Deir ez-Zor, the ministry said.",
            b: "Russian jets struck Daesh positions near Dayr az Zawr, the ministry said."),
        Pair(
            why: "acronym for a name",
            a: "Konashenkov said Russian aircraft hit only ISIL targets.",
            b: "Igor Konashenkov said Russian aircraft hit only Islamic State targets."),
        Pair(
            why: "a changed figure still lines up",
            a: "The SDF said six of its fighters were wounded in the strike.",
            b: "The SDF said eight of its fighters were wounded in the strike."),
    ]

    /// Different matters: well below the threshold (a shared place or verb is not a shared claim).
    static let unrelated: [Pair] = [
        Pair(
            why: "another event",
            a: "Six SDF fighters were wounded in the Russian air strike near Deir al-Zor on Saturday.",
            b: "The central bank raised its key interest rate by a quarter point on Thursday."),
        Pair(
            why: "same place, other claim",
            a: "Russian jets struck Islamic State positions near Deir ez-Zor, the ministry said.",
            b: "Aid agencies said food convoys reached families in Deir ez-Zor after a month of delays."),
        Pair(
            why: "no shared words",
            a: "Lawmakers approved the budget.",
            b: "Floods destroyed hundreds of homes."),
    ]

    @Test(arguments: sameClaim)
    func sameClaimAligns(_ pair: Pair) {
        let value = Self.similarity.similarity(pair.a, pair.b)
        #expect(value >= Self.threshold, "\(value)")
        #expect(value <= 1)
    }

    @Test(arguments: unrelated)
    func unrelatedDoesNot(_ pair: Pair) {
        let value = Self.similarity.similarity(pair.a, pair.b)
        #expect(value < Self.threshold * 0.6, "\(value)")
        #expect(value >= 0)
    }

    @Test func identicalSentencesScoreOne() {
        let sentence = "Russian jets struck Islamic State positions near Deir ez-Zor."
        #expect(abs(Self.similarity.similarity(sentence, sentence) - 1) < 1e-5)
        #expect(Self.similarity.similarity("", sentence) == 0)
    }

    /// "IS", "ISIL" and "Daesh" are one term; so are the spellings of Deir ez-Zor.
    @Test func aliasesShareOneAnchor() {
        var statistics = TermStatistics()
        let a = Self.similarity.terms(of: "ISIL fighters left Deir al-Zor.", statistics: &statistics)
        let b = Self.similarity.terms(of: "Daesh fighters left Deir ez-Zor.", statistics: &statistics)
        #expect(a.ids == b.ids)
        let entity = statistics.id(of: "islamic-state", kind: .entity)
        #expect(entity.map(a.ids.contains) == true)
    }

    /// Learned frequencies make shared rare words count for more than shared common ones.
    @Test func learnedFrequenciesWeighRareTermsUp() {
        var statistics = TermStatistics()
        var article = ArticleTerms()
        var scratch: [TermID] = []
        for sentence in [
            "Officials said the talks would continue.", "Officials said the vote was delayed.",
            "Officials said the report was released.", "Konashenkov denied the strike.",
        ] {
            Self.similarity.append(sentence, to: &article, statistics: &statistics, scratch: &scratch)
        }
        statistics.observe(article)
        let common = statistics.id(of: "offici", kind: .word) ?? statistics.id(of: "official", kind: .word)
        let rare = statistics.id(of: "konashenkov", kind: .entity)
        #expect(common != nil && rare != nil)
        if let common, let rare {
            #expect(statistics.inverseDocumentFrequency(of: rare) > statistics.inverseDocumentFrequency(of: common))
        }
    }

    /// Each sentence of A meets its counterpart in B, whatever B's order; a sentence with no
    /// counterpart is left out.
    @Test func alignerMatchesEachClaimToItsCounterpart() {
        let a = [
            "Six SDF fighters were wounded in the Russian air strike near Deir al-Zor on Saturday.",
            "Russian jets struck Islamic State positions near Deir ez-Zor, the ministry said.",
            "The central bank raised its key interest rate by a quarter point on Thursday.",
        ]
        let b = [
            "Russian jets struck Daesh positions near Dayr az Zawr, the ministry said.",
            "Aid agencies said food convoys reached families after a month of delays.",
            "A Russian air strike near Deir al-Zor wounded six SDF fighters on Saturday.",
        ]
        var statistics = TermStatistics()
        var termsA = ArticleTerms()
        var termsB = ArticleTerms()
        var scratch: [TermID] = []
        for sentence in a { Self.similarity.append(sentence, to: &termsA, statistics: &statistics, scratch: &scratch) }
        for sentence in b { Self.similarity.append(sentence, to: &termsB, statistics: &statistics, scratch: &scratch) }
        statistics.observe(termsA)
        statistics.observe(termsB)
        let weights = TermWeights(statistics: statistics, boosts: Self.similarity.boosts)
        let alignments = ClaimAligner().align(
            AlignableClaims(termsA, weights: weights), AlignableClaims(termsB, weights: weights))
        #expect(alignments.map { [$0.a, $0.b] } == [[0, 2], [1, 0]])
        // The inverted-index scores are the cosines of the vectors.
        for alignment in alignments {
            let vectorA = Self.similarity.vector(termsA[alignment.a], statistics: statistics)
            let vectorB = Self.similarity.vector(termsB[alignment.b], statistics: statistics)
            #expect(abs(vectorA.cosine(vectorB) - alignment.similarity) < 1e-4)
        }
    }

    @Test func claimsCompareSpeakersToo() throws {
        let extractor = ClaimExtractor()
        func claim(_ text: String) throws -> Claim {
            try #require(extractor.claims(in: text, published: nil).first)
        }
        let ministry = try claim("Konashenkov said Russian aircraft only hit Islamic State targets near Deir ez-Zor.")
        let sameVoice = try claim(
            "Maj. Gen. Igor Konashenkov said Russian aircraft only hit ISIL targets near Deir ez-Zor.")
        let otherVoice = try claim(
            "The coalition said Russian aircraft only hit Islamic State targets near Deir ez-Zor.")
        #expect(ministry.speaker?.voice == sameVoice.speaker?.voice)
        let same = Self.similarity.similarity(ministry, sameVoice)
        let other = Self.similarity.similarity(ministry, otherVoice)
        #expect(same >= Self.threshold, "\(same)")
        #expect(same > other, "\(same) vs \(other)")
    }

    // MARK: Number conflicts

    struct ConflictCase: CustomTestStringConvertible, Sendable {
        var why: String
        var a: String
        var b: String
        /// The conflict's detail, nil for none.
        var detail: String?
        var testDescription: String { why }
    }

    static let conflictCases: [ConflictCase] = [
        ConflictCase(
            why: "6 vs 8 wounded", a: "The SDF said six of its fighters were wounded.",
            b: "The SDF said eight of its fighters were wounded.", detail: "6 vs 8 wounded"),
        ConflictCase(
            why: "digits and words", a: "Six fighters were wounded in the strike.",
            b: "8 fighters were wounded in the strike.", detail: "6 vs 8 wounded"),
        ConflictCase(
            why: "several is compatible with six", a: "Several SDF fighters were wounded, the coalition said.",
            b: "Six SDF fighters were wounded, the SDF said.", detail: nil),
        ConflictCase(
            why: "more than 1,200 is compatible with 1,234",
            a: "More than 1,200 people were displaced by the fighting.",
            b: "The fighting displaced 1,234 people.", detail: nil),
        ConflictCase(
            why: "a rounded hedge is compatible", a: "More than 220 lawmakers backed the bill.",
            b: "219 lawmakers backed the bill.", detail: nil),
        ConflictCase(
            why: "a date never conflicts with a count", a: "Six fighters were wounded on September 16.",
            b: "Six fighters were wounded on September 17.", detail: nil),
        ConflictCase(
            why: "a date against a count", a: "The strike on September 16 wounded fighters.",
            b: "The strike wounded 16 fighters.", detail: nil),
        ConflictCase(
            why: "a year never conflicts with a count", a: "In 2017, 300 people were killed in the province.",
            b: "In 2015, 300 people were killed in the province.", detail: nil),
        ConflictCase(
            why: "a clock time is not a count", a: "The attack at 03:30 wounded six soldiers.",
            b: "The attack at 04:30 wounded six soldiers.", detail: nil),
        ConflictCase(
            why: "different events are different things", a: "Six soldiers were killed.",
            b: "Eight soldiers were wounded.", detail: nil),
        ConflictCase(
            why: "other verbs are only wording", a: "A budget of 172 seats was passed by the alliance.",
            b: "A budget of 231 seats was endorsed by the alliance.", detail: "172 vs 231 seats"),
        ConflictCase(
            why: "different units are different things", a: "Prices rose 4 percent.",
            b: "Prices rose 6 km.", detail: nil),
        ConflictCase(
            why: "percentages conflict", a: "Inflation rose to 4.5 percent in March.",
            b: "Inflation rose to 6.1% in March.", detail: "4.5 vs 6.1 %"),
        ConflictCase(
            why: "a figure written with fewer digits is the same figure",
            a: "The organization said it spent $114.3 million on relief.",
            b: "The Red Cross spent $114 million on relief.", detail: nil),
        ConflictCase(
            why: "fewer digits that round to another figure conflict", a: "Same-store sales rose 8.8 percent.",
            b: "Same-store sales rose 8 percent.", detail: "8.8 vs 8 %"),
        ConflictCase(
            why: "a sentence with a total and its part against one with the part",
            a: "The company lost $185 million on sales of $600 million.",
            b: "The company lost $185 million in the quarter.", detail: nil),
        ConflictCase(
            why: "the part against a sentence with the total and its part",
            a: "Nissan's investment in Tennessee will reach $2.75 billion.",
            b: "The $250 million expansion brings Nissan's investment in Tennessee to $2.75 billion.", detail: nil),
        ConflictCase(
            why: "a decimal without its leading zero",
            a: "An alert is declared when ozone reaches .20 parts per million.",
            b: "An alert is declared when ozone levels reach 0.20 parts per million.", detail: nil),
        ConflictCase(
            why: "one of two figures given differently still conflicts",
            a: "The company lost $185 million on sales of $600 million.",
            b: "The company lost $185 million on sales of $650 million.", detail: "600000000 vs 650000000 usd"),
    ]

    @Test(arguments: conflictCases)
    func numberConflicts(_ example: ConflictCase) {
        func quantities(_ text: String) -> [Quantity] {
            QuantityExtractor.quantities(in: text, tokens: Tokenizer.tokens(of: text))
        }
        let conflicts = NumberConflictDetector().conflicts(quantities(example.a), quantities(example.b))
        #expect(conflicts.first?.detail == example.detail, "\(conflicts.map(\.detail))")
    }

    /// The figure summaries let a caller skip extraction exactly where no conflict can be found.
    @Test func figureSummariesSkipOnlyAgreeingFigures() {
        var statistics = TermStatistics()
        func figures(_ text: String) -> FigureSummary {
            Self.similarity.terms(of: text, statistics: &statistics).figures
        }
        let same = NumberConflictDetector.mayConflict(
            figures("About 220 people fled on Friday."), figures("More than 220 people fled, officials said."))
        #expect(!same)
        #expect(NumberConflictDetector.mayConflict(figures("220 people fled."), figures("219 people fled.")))
        #expect(NumberConflictDetector.mayConflict(figures("Six people fled."), figures("6 people fled.")))
        #expect(!NumberConflictDetector.mayConflict(figures("People fled."), figures("6 people fled.")))
    }
}
