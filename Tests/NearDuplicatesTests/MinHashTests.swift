import Testing

@testable import NearDuplicates

struct MinHashTests {
    let configuration = NearDuplicateConfiguration.standard

    @Test func identicalTextsHaveSimilarityOne() {
        var text = SyntheticText(seed: 1)
        let words = text.words(300).joined(separator: " ")
        let a = configuration.signature(of: words)
        let b = configuration.signature(of: words.uppercased() + "!")
        #expect(estimatedJaccard(a, b) == 1)
        let shingler = configuration.shingler
        #expect(exactJaccard(ShingleSet(shingler.hashes(of: words)), ShingleSet(shingler.hashes(of: words))) == 1)
    }

    @Test func disjointTextsHaveSimilarityNearZero() {
        var text = SyntheticText(seed: 2)
        for _ in 0..<20 {
            let a = text.words(300).joined(separator: " ")
            let b = text.words(300).joined(separator: " ")
            let exact = exactJaccard(
                ShingleSet(configuration.shingler.hashes(of: a)), ShingleSet(configuration.shingler.hashes(of: b)))
            #expect(exact < 0.01)
            #expect(estimatedJaccard(configuration.signature(of: a), configuration.signature(of: b)) < 0.06)
        }
    }

    /// Near-duplicates with 0-60% of words replaced: the estimate follows the exact similarity
    /// within the binomial noise of 128 values (standard error ≤ 0.044).
    @Test func estimateTracksExactJaccard() {
        var text = SyntheticText(seed: 3)
        var errors: [Double] = []
        for percent in [0, 1, 2, 3, 5, 8, 10, 15, 20, 30, 40, 60] {
            for round in 0..<12 {
                let original = text.words(150 + 25 * (round % 6))
                let copy = text.edit(original, percent: percent)
                let (a, b) = (original.joined(separator: " "), copy.joined(separator: " "))
                let exact = exactJaccard(
                    ShingleSet(configuration.shingler.hashes(of: a)), ShingleSet(configuration.shingler.hashes(of: b)))
                let estimate = estimatedJaccard(configuration.signature(of: a), configuration.signature(of: b))
                #expect(abs(estimate - exact) <= 0.15, "\(percent)%: exact \(exact), estimate \(estimate)")
                errors.append(estimate - exact)
            }
        }
        let bias = errors.reduce(0, +) / Double(errors.count)
        let meanAbsolute = errors.map(abs).reduce(0, +) / Double(errors.count)
        #expect(abs(bias) < 0.01)
        #expect(meanAbsolute < 0.035)
    }

    /// Small sets leave most bins empty; densification must keep the estimate honest there too.
    @Test func estimateHoldsForSetsSmallerThanTheSignature() {
        var text = SyntheticText(seed: 4)
        var errors: [Double] = []
        for _ in 0..<200 {
            let original = text.words(40)
            let copy = text.edit(original, percent: 5)
            let (a, b) = (original.joined(separator: " "), copy.joined(separator: " "))
            let exact = exactJaccard(
                ShingleSet(configuration.shingler.hashes(of: a)), ShingleSet(configuration.shingler.hashes(of: b)))
            errors.append(estimatedJaccard(configuration.signature(of: a), configuration.signature(of: b)) - exact)
        }
        #expect(abs(errors.reduce(0, +) / Double(errors.count)) < 0.02)
        #expect(errors.map(abs).max()! < 0.25)
    }

    /// The one-pass builder gives what the two steps it fuses give.
    @Test func builderEqualsShinglesThenMinHash() {
        var text = SyntheticText(seed: 5)
        var builder = SignatureBuilder(configuration: configuration)
        for length in [0, 1, 4, 5, 6, 50, 400] {
            let words = text.words(length).joined(separator: " ") + " Минобороны России İstanbul ΣΑΣ"
            let fused = builder.signature(of: words)
            let stepwise = configuration.minHasher.signature(of: configuration.shingler.hashes(of: words))
            #expect(fused == stepwise)
        }
    }

    @Test func emptyTextHasEmptySignatureSimilarToNothing() {
        let empty = configuration.signature(of: " ... ")
        #expect(empty.isEmpty)
        #expect(estimatedJaccard(empty, empty) == 0)
        #expect(estimatedJaccard(empty, configuration.signature(of: "one word")) == 0)
        #expect(configuration.bandKeys(of: empty).isEmpty)
        #expect(exactJaccard(ShingleSet([]), ShingleSet([])) == 0)
    }

    @Test func signatureBytesRoundTrip() throws {
        let signature = configuration.signature(of: "Syndicated copy of a wire story, reprinted word for word")
        #expect(signature.bytes.count == 512)
        #expect(try MinHashSignature(bytes: signature.bytes) == signature)
        #expect(throws: NearDuplicateError.malformedSignature(byteCount: 5)) {
            try MinHashSignature(bytes: [1, 2, 3, 4, 5])
        }
    }

    @Test(
        arguments: [
            (1.5, 5, 128, nil, NearDuplicateError.thresholdOutOfRange(1.5)),
            (0.5, 0, 128, nil, .shingleSizeOutOfRange(0)),
            (0.5, 5, 0, nil, .permutationCountOutOfRange(0)),
            (0.5, 5, 64, LSHBands(bands: 20, rows: 5), .bandingTooWide(bands: 20, rows: 5, permutations: 64)),
        ] as [(Double, Int, Int, LSHBands?, NearDuplicateError)])
    func invalidSettingsAreRefused(
        threshold: Double, shingleSize: Int, permutations: Int, bands: LSHBands?, error: NearDuplicateError
    ) {
        #expect(throws: error) {
            try NearDuplicateConfiguration(
                threshold: threshold, shingleSize: shingleSize, numberOfPermutations: permutations, bands: bands)
        }
        #expect(!error.description.isEmpty)
    }

    @Test func seedsGiveIndependentFamilies() throws {
        let other = try NearDuplicateConfiguration(seed: 42)
        let text = "The coalition said Russian munitions hit a place the Russians knew held SDF fighters"
        let a = configuration.signature(of: text)
        let b = other.signature(of: text)
        #expect(estimatedJaccard(a, b) < 0.1)
    }
}
