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

    @Test(arguments: [
        ("The central bank kept its key rate at 7.5 percent.", "The hurricane flooded hundreds of homes on the coast."),
        ("Floods cut power to 40,000 homes in Tbilisi.", "The striker scored twice in the second half."),
        ("Russian jets struck SDF positions near Deir al-Zor.", "Parliament approved the budget for next year."),
    ])
    func shortTextsAboutDifferentMattersAreUnrelated(a: String, b: String) {
        #expect(Self.comparer.compare(a, b).relation == .unrelated)
    }

    /// The longest common subsequence of characters, by the bit-parallel pass, against the
    /// textbook table, across the 64-character word boundary.
    @Test func commonCharactersMatchTheTable() throws {
        func table(_ x: [UInt32], _ y: [UInt32]) -> Int {
            var row = [Int](repeating: 0, count: y.count + 1)
            for scalar in x {
                var diagonal = 0
                for index in y.indices {
                    let above = row[index + 1]
                    row[index + 1] = scalar == y[index] ? diagonal + 1 : max(above, row[index])
                    diagonal = above
                }
            }
            return row[y.count]
        }
        let texts = [
            "", "a", "Six fighters were wounded.", "Eight fighters were wounded in the strike.",
            "Russian jets struck positions of the US-backed Syrian Democratic Forces near Deir al-Zor on Saturday.",
            "On Saturday Russian aircraft hit SDF positions close to Deir ez-Zor, wounding six fighters, the coalition said.",
            "Генерал подчеркнул, что удары наносились только по позициям ИГ.",
        ]
        for x in texts {
            for y in texts {
                let wordingX = try #require(Self.comparer.prepare(x).wording)
                let wordingY = try #require(Self.comparer.prepare(y).wording)
                let expected = table(
                    x.lowercased().unicodeScalars.map(\.value), y.lowercased().unicodeScalars.map(\.value))
                #expect(wordingX.commonCharacters(with: wordingY) == expected, "\(x) / \(y)")
            }
        }
    }

    @Test func wordingTellsARewordingFromAnAddedFact() {
        let a = Self.comparer.prepare("Revenue rose 26 percent to $817 million, the company said.")
        let reworded = Self.comparer.prepare("Revenue rose 26 percent, to $817 million, the company said.")
        let added = Self.comparer.prepare("Revenue rose 26 percent to $817 million as sales in Asia doubled.")
        let close = AgreementFeatures.wording(a, reworded)
        let further = AgreementFeatures.wording(a, added)
        #expect(close.count == AgreementFeatures.wordingNames.count)
        // Every run length shares more with the rewording, and both give the same numbers.
        for index in 0..<8 { #expect(close[index] > further[index], "\(AgreementFeatures.wordingNames[index])") }
        #expect(close[8] == 1 && close[9] == 0)
        #expect(AgreementFeatures.wording(a, Self.comparer.prepare(Self.longArticle)).allSatisfy { $0 == 0 })
    }

    static let longArticle = String(repeating: "The council met again on Tuesday to discuss the budget. ", count: 12)

    @Test func alignmentsSayWhatConflicts() throws {
        let a = "The SDF said six of its fighters were wounded."
        let b = "Other reports said eight fighters were wounded near the city."
        let comparison = Self.comparer.compare(a, b)
        let alignment = try #require(comparison.alignments.first)
        #expect(alignment.relation == .contradicts)
        #expect(alignment.detail?.contains("vs") == true)
    }

    /// A negation contradicts only what it bears on, and not a claim that says "not" in other words.
    @Test(arguments: [
        ("Russian jets struck SDF positions near Deir al-Zor.", "Russian jets did not strike SDF positions.", true),
        (
            "Bremer said he would launch a $70 million program to clean up neighborhoods.",
            "Bremer said he would launch a $70 million program to clean up neighborhoods, but gave no details.", false
        ),
        (
            "The Pentagon singled out Dallager for failing to address the scandal.",
            "The Pentagon singled out Dallager for not addressing the scandal.", false
        ),
        (
            "O'Brien's attorney, Jordan Green, declined to comment.",
            "Jordan Green, O'Brien's attorney, had no comment.", false
        ),
        ("Civilians were killed in the strike.", "No civilians were killed in the strike.", true),
        ("Российские самолеты нанесли удары по позициям СДС.", "Российские самолеты удары по СДС не наносили.", true),
    ])
    func negationsContradictWhatTheyBearOn(a: String, b: String, contradicts: Bool) throws {
        let extractor = ClaimExtractor()
        let claimA = try #require(extractor.claims(in: a, published: nil).first)
        let claimB = try #require(extractor.claims(in: b, published: nil).first)
        let (relation, detail) = Comparer.relation(of: claimB, to: claimA)
        #expect((relation == .contradicts) == contradicts, "\(relation) \(detail ?? "")")
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

    @Test func aBodyAboutAnotherMatterIsUnrelated() {
        let headline = "Russia denies its jets struck US-backed fighters in Syria"
        let body = """
            The city council voted on Tuesday to extend the opening hours of the public library. The \
            library will now stay open until nine in the evening on weekdays. Council members said the \
            change would cost little and help students preparing for exams. The new hours start next month.
            """
        #expect(Self.comparer.compare(headline, body).relation == .unrelated)
    }

    /// An article's opening tells how it holds its story, whatever the story: a debunking opens
    /// on refuting words, a relay on hedges and attribution. The cues read that, and how the
    /// headline itself is put.
    @Test func cuesReadHowAnArticleHoldsItsStory() throws {
        let headline = Self.comparer.prepare("Escaped zoo tiger seen roaming city park")
        let debunking = Self.comparer.prepare(
            """
            The photo of a tiger in the park is a hoax. It was first shared by a satirical page and then \
            spread on social media. The zoo said all of its animals were in their enclosures.
            """)
        let relaying = Self.comparer.prepare(
            """
            A tiger was reportedly seen in the park on Sunday, according to posts on social media. The zoo \
            has not commented. The sightings could not be verified.
            """)
        let names = AgreementFeatures.cueNames
        func cue(_ values: [Double], _ name: String) throws -> Double {
            values[try #require(names.firstIndex(of: name), "\(name)")]
        }
        let debunked = AgreementFeatures.cues(headline, debunking)
        let relayed = AgreementFeatures.cues(headline, relaying)
        #expect(debunked.count == names.count && relayed.count == names.count)
        #expect(try cue(debunked, "first.refutes") > 0 && cue(relayed, "first.refutes") == 0)
        #expect(try cue(relayed, "first.hedges") > 0 && cue(debunked, "first.hedges") == 0)
        #expect(try cue(relayed, "first.attributes") > 0)
        #expect(try cue(relayed, "all.negates") > 0 && cue(relayed, "first.negates") == 0)
        #expect(try cue(debunked, "a.negates") == 0)
        let denied = AgreementFeatures.cues(Self.comparer.prepare("No tiger escaped, zoo says"), relaying)
        #expect(try cue(denied, "a.negates") == 1 && cue(denied, "a.attributes") == 1)
        #expect(denied.allSatisfy { (0...1).contains($0) })
    }

    /// The committed body network has the shape the features give, and packing its word weights
    /// into 8 bits keeps each within half a step of its row's scale.
    @Test func theBodyNetworkPacksItsWordWeights() throws {
        let bundled = try #require(AgreementModels.bundled.bodyTerms)
        #expect(bundled.bags == AgreementFeatures.bagCount)
        #expect(bundled.means.count == AgreementFeatures.names.count + AgreementFeatures.cueNames.count)
        #expect(bundled.output.count == AgreementModels.bodyClasses.count)

        let weights: [Float] = [0.5, -0.25, 0.125, 0, 0, 0, -1, 0.3, 0.01, 2, -2, 0.7]
        let network = TermNetwork(
            buckets: 2, bags: 2, units: 3, means: [0], scales: [1], termWeights: weights,
            featureWeights: [0.1, 0.2, 0.3], hiddenBias: [0, 0, 0], output: [[1, 0, 0, 0], [0, 1, 0, 0]])
        let unpacked = TermNetwork.unpackTerms(network.packedTerms, rows: 4, units: 3)
        #expect(unpacked.count == weights.count)
        for row in 0..<4 {
            let values = weights[(row * 3)..<(row * 3 + 3)]
            let step = (values.map { abs($0) }.max() ?? 0) / 127
            for index in (row * 3)..<(row * 3 + 3) { #expect(abs(unpacked[index] - weights[index]) <= step / 2 + 1e-6) }
        }
        #expect(unpacked[3] == 0 && unpacked[4] == 0 && unpacked[5] == 0)
    }
}
