/// The words claim extraction looks for, in one table: each token is looked up once, and the
/// attribution, polarity and slot checks test bits instead of hashing the word again in a
/// dozen sets. At two and a half million sentences a run, that is most of the difference.
/// Public so that agreement's measures read negations, denials and speech verbs from the same
/// table instead of keeping lists of their own.
public struct ClaimWords {
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let cue = Flags(rawValue: 1 << 0)
        public static let negation = Flags(rawValue: 1 << 1)
        public static let denialWord = Flags(rawValue: 1 << 2)
        public static let exclusive = Flags(rawValue: 1 << 3)
        public static let hedge = Flags(rawValue: 1 << 4)
        public static let strikeVerb = Flags(rawValue: 1 << 5)
        public static let causeWord = Flags(rawValue: 1 << 6)
        public static let questionCue = Flags(rawValue: 1 << 7)
        public static let passiveAuxiliary = Flags(rawValue: 1 << 8)
        public static let modal = Flags(rawValue: 1 << 9)
        public static let belief = Flags(rawValue: 1 << 10)
        /// "according" (to) and "по" (словам, данным).
        public static let accordingTo = Flags(rawValue: 1 << 11)
        /// "hurt", "wounded", "пострадали": what a negation turns into a count of zero.
        public static let harm = Flags(rawValue: 1 << 12)
    }

    static let table: [String: Flags] = {
        var table: [String: Flags] = [:]
        func add(_ words: some Sequence<String>, _ flag: Flags) {
            for word in words { table[word, default: []].insert(flag) }
        }
        add(AttributionFinder.cues.keys, .cue)
        add(PolarityFinder.negations, .negation)
        add(PolarityFinder.denialWords, .denialWord)
        add(PolarityFinder.exclusives, .exclusive)
        add(PolarityFinder.hedges, .hedge)
        add(ClaimExtractor.strikeVerbs, .strikeVerb)
        add(ClaimExtractor.causeWords, .causeWord)
        add(ClaimExtractor.questionCues, .questionCue)
        add(
            ["was", "were", "is", "are", "been", "be", "being", "wasn't", "weren't", "isn't", "aren't"],
            .passiveAuxiliary)
        add(["may", "might", "could"], .modal)
        add(["said", "believed", "thought"], .belief)
        add(["according", "по"], .accordingTo)
        add(ClaimExtractor.harmed.keys, .harm)
        return table
    }()

    /// "n't" or "n’t" at the end, read from the last bytes.
    static func endsInNot(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard utf8.count >= 3, utf8.last == UInt8(ascii: "t") else { return false }
        let bytes = Array(utf8.suffix(5))
        let count = bytes.count
        if bytes[count - 2] == UInt8(ascii: "'") { return bytes[count - 3] == UInt8(ascii: "n") }
        return count >= 5 && bytes[count - 4] == 0xE2 && bytes[count - 3] == 0x80 && bytes[count - 2] == 0x99
            && bytes[count - 5] == UInt8(ascii: "n")
    }

    /// The flags of each token; "n't" endings count as negations.
    static func flags(of tokens: [Token]) -> [Flags] { tokens.map(flags(of:)) }

    /// One token's flags: none for a number or a mark.
    public static func flags(of token: Token) -> Flags {
        guard token.kind == .word else { return [] }
        var flags = table[token.lowercased] ?? []
        if endsInNot(token.lowercased) { flags.insert(.negation) }
        return flags
    }
}
