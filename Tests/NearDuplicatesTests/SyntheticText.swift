import TestSupport

/// Every run draws the same texts, and a failure replays.
typealias SeededRandom = SplitMix64

/// News-like synthetic text: words from a generated vocabulary with a Zipf-ish head, and
/// variants with a given share of words replaced (what an edited syndicated copy looks like).
struct SyntheticText {
    private var random: SeededRandom
    private let vocabulary: [String]

    init(seed: UInt64, vocabularySize: Int = 20_000) {
        random = SeededRandom(seed: seed)
        let syllables = ["ka", "lo", "mi", "re", "su", "ta", "ne", "vo", "dri", "sel", "pra", "gun", "ost", "ber"]
        var words = Set<String>()
        var generator = SeededRandom(seed: seed ^ 0xABCD)
        while words.count < vocabularySize {
            var word = ""
            for _ in 0..<(2 + generator.below(3)) { word += syllables[generator.below(syllables.count)] }
            words.insert(word)
        }
        vocabulary = words.sorted()
    }

    /// A word; low ranks are drawn more often (the square of a uniform draw skews to the head).
    mutating func word() -> String {
        let uniform = Double(random.below(1 << 20)) / Double(1 << 20)
        return vocabulary[Int(uniform * uniform * Double(vocabulary.count))]
    }

    mutating func words(_ count: Int) -> [String] { (0..<count).map { _ in word() } }

    /// `words` with `percent`% of the positions replaced by other words.
    mutating func edit(_ words: [String], percent: Int) -> [String] {
        var edited = words
        for index in edited.indices where random.below(100) < percent { edited[index] = word() }
        return edited
    }
}
