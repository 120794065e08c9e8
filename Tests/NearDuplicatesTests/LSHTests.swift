import Testing

@testable import NearDuplicates

struct LSHTests {
    /// The same choice datasketch 2.0's `MinHashLSH(threshold, num_perm)` makes (its `b`, `r`),
    /// and for syndication's lead signatures (0.6, 64) the one a `pow` per banding and point gave.
    @Test(
        arguments: [
            (0.5, 128, 25, 5),
            (0.8, 128, 9, 13),
            (0.9, 128, 5, 25),
            (0.6, 64, 10, 6),
            (0.5, 64, 14, 4),
            (0.7, 256, 25, 10),
        ] as [(Double, Int, Int, Int)])
    func optimalBandingMatchesDatasketch(threshold: Double, permutations: Int, bands: Int, rows: Int) {
        #expect(
            LSHBands.optimal(threshold: threshold, numberOfPermutations: permutations)
                == LSHBands(bands: bands, rows: rows))
    }

    @Test func candidateProbabilityIsAnSCurve() {
        let bands = LSHBands(bands: 25, rows: 5)
        #expect(bands.candidateProbability(similarity: 0) == 0)
        #expect(bands.candidateProbability(similarity: 1) == 1)
        #expect(bands.candidateProbability(similarity: 0.1) < 0.001)
        #expect(bands.candidateProbability(similarity: 0.8) > 0.9999)
        var previous = 0.0
        for step in 1...100 {
            let probability = bands.candidateProbability(similarity: Double(step) / 100)
            #expect(probability >= previous)
            previous = probability
        }
    }

    /// Pairs well above the threshold are found; pairs far below it rarely are.
    @Test func findsSimilarPairsAndRarelyDissimilarOnes() {
        let configuration = NearDuplicateConfiguration.standard
        var text = SyntheticText(seed: 11)
        var foundAbove = 0
        var above = 0
        var foundBelow = 0
        var below = 0
        for percent in [1, 3, 5, 25, 40, 60] {
            for _ in 0..<60 {
                let original = text.words(250)
                let copy = text.edit(original, percent: percent)
                let (a, b) = (original.joined(separator: " "), copy.joined(separator: " "))
                let exact = exactJaccard(
                    ShingleSet(configuration.shingler.hashes(of: a)), ShingleSet(configuration.shingler.hashes(of: b)))
                var index = LSHIndex(bands: configuration.bands)
                index.insert(id: 0, signature: configuration.signature(of: a))
                let isCandidate = index.candidates(for: configuration.signature(of: b)) == [0]
                if exact >= 0.7 {
                    above += 1
                    if isCandidate { foundAbove += 1 }
                } else if exact <= 0.2 {
                    below += 1
                    if isCandidate { foundBelow += 1 }
                }
            }
        }
        #expect(above >= 100 && below >= 100)
        #expect(Double(foundAbove) / Double(above) >= 0.99)
        #expect(Double(foundBelow) / Double(below) <= 0.02)
    }

    @Test func bandKeysAreDistinctPerBandAndDeterministic() {
        let configuration = NearDuplicateConfiguration.standard
        // A signature whose values are all equal still gets a different key in every band.
        let flat = MinHashSignature(values: [UInt32](repeating: 7, count: 128))
        let keys = configuration.bandKeys(of: flat)
        #expect(keys.count == 25)
        #expect(Set(keys).count == 25)
        #expect(configuration.bandKeys(of: flat) == keys)
    }

    /// The index keeps working across table growth, and repeated ids are reported once.
    @Test func indexGrowsAndDeduplicates() {
        let bands = LSHBands(bands: 4, rows: 2)
        var index = LSHIndex(bands: bands)
        var random = SeededRandom(seed: 12)
        var signatures: [MinHashSignature] = []
        for id in 0..<2_000 {
            let values = (0..<8).map { _ in UInt32(truncatingIfNeeded: random.next()) }
            signatures.append(MinHashSignature(values: values))
            index.insert(id: id, signature: signatures[id])
        }
        #expect(index.count == 2_000)
        for id in stride(from: 0, to: 2_000, by: 97) {
            #expect(index.candidates(for: signatures[id]) == [id])
        }
        index.insert(id: 5_000, signature: signatures[3])
        #expect(index.candidates(for: signatures[3]) == [3, 5_000])
        #expect(index.candidates(forBandKeys: bands.keys(of: signatures[3])) == [3, 5_000])
    }
}

struct DetectorTests {
    /// Families of copies (each member an edit of one wire story) among unrelated stories: the
    /// incremental detector and the batch grouping both recover the families exactly.
    @Test func recoversSyndicatedFamilies() {
        var text = SyntheticText(seed: 21)
        var documents: [String] = []
        var family: [Int] = []
        for story in 0..<60 {
            let wire = text.words(200)
            let copies = story % 3 == 0 ? 0 : 1 + story % 5
            documents.append(wire.joined(separator: " "))
            family.append(story)
            for copy in 0..<copies {
                // Retitled, credit line added, a word or two changed: how syndicated copies look.
                let edited = text.edit(wire, percent: copy % 2)
                documents.append("UPDATE \(copy + 1) - " + edited.joined(separator: " ") + " (Reporting by Atlas Wire)")
                family.append(story)
            }
        }

        var detector = NearDuplicateDetector()
        var signatures: [MinHashSignature] = []
        for (id, document) in documents.enumerated() {
            let matches = detector.add(document)
            let expected = (0..<id).filter { family[$0] == family[id] }
            #expect(matches.map(\.id).sorted() == expected, "document \(id)")
            #expect(matches.allSatisfy { $0.similarity >= 0.5 })
            signatures.append(detector.signature(ofDocument: id))
        }
        #expect(detector.count == documents.count)

        let groups = NearDuplicateGroups(signatures: signatures, configuration: .standard)
        for id in documents.indices {
            let first = family.firstIndex(of: family[id])!
            #expect(groups.labels[id] == first)
        }
        #expect(groups.groupCount == 60)
        #expect(groups.verifiedPairs == groups.candidatePairs)
        #expect(groups.duplicateGroups.count == 40)
    }

    @Test func matchesDoesNotAddAndEmptyTextsMatchNothing() {
        var detector = NearDuplicateDetector()
        let story = "Russia's Defense Ministry said its strikes only hit areas held by the Islamic State group"
        #expect(detector.add(story).isEmpty)
        #expect(detector.add("").isEmpty)
        #expect(detector.add("").isEmpty)
        let again = detector.configuration.signature(of: story)
        #expect(detector.matches(for: again) == [NearDuplicateMatch(id: 0, similarity: 1)])
        #expect(detector.count == 3)
        #expect(detector.signature(ofDocument: 1).isEmpty)
        #expect(detector.add(again).map(\.id) == [0])
    }

    /// Connected components are transitive, like the peer's.
    @Test func groupsAreConnectedComponents() {
        let a = MinHashSignature(values: [1, 2, 3, 4])
        let b = MinHashSignature(values: [1, 2, 9, 9])
        let c = MinHashSignature(values: [8, 8, 9, 9])
        let d = MinHashSignature(values: [5, 6, 7, 0])
        let groups = NearDuplicateGroups(
            signatures: [a, b, c, d], candidatePairs: [CandidatePair(1, 0), CandidatePair(1, 2), CandidatePair(0, 3)],
            threshold: 0.5)
        #expect(groups.labels == [0, 0, 0, 3])
        #expect(groups.verifiedPairs == 2)
        #expect(groups.candidatePairs == 3)
        #expect(groups.duplicateGroups == [[0, 1, 2]])
        let known = NearDuplicateGroups(count: 4, duplicatePairs: [CandidatePair(2, 1), CandidatePair(0, 1)])
        #expect(known.labels == groups.labels)
    }
}
