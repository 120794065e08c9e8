/// The Snowball Russian stemmer, written from the published description of the algorithm, so
/// that "удары", "ударов" and "ударами" meet as "удар" when Russian reports are compared.
///
/// Letters are handled as small codes (а = 0 … я = 31, ё folded to е) in a stack buffer; endings
/// are compared as packed integers, one byte per letter with the last letter lowest, so each
/// ending test is a mask and a compare rather than a string operation.
public enum RussianStemmer {
    /// Longest word stemmed; longer ones are only lower-cased.
    static let maximumLength = 48

    /// The stem of `word`, lower-cased with ё as е. Words with letters outside the Russian
    /// alphabet (Latin, Ukrainian і ї є ґ, digits) are returned lower-cased and otherwise
    /// unchanged; in a hyphenated word only the part after the last hyphen is stemmed.
    public static func stem(_ word: String) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { buffer in
            let codes = buffer.baseAddress!
            var count = 0
            var start = 0
            for scalar in word.unicodeScalars {
                guard count < maximumLength else { return word.lowercased() }
                if let code = RussianLetters.code(of: scalar) {
                    codes[count] = code
                } else if scalar == "-" {
                    codes[count] = RussianLetters.hyphen
                    start = count + 1
                } else {
                    return word.lowercased()
                }
                count += 1
            }
            var stemmer = SnowballRussianWord(codes: codes + start, count: count - start)
            stemmer.run()
            return RussianLetters.string(from: codes, count: start + stemmer.count)
        }
    }

    /// Stems `count` letter codes at `codes` in place and returns the stem's length.
    static func stemInPlace(_ codes: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var stemmer = SnowballRussianWord(codes: codes, count: count)
        stemmer.run()
        return stemmer.count
    }
}

/// The Russian alphabet as codes 0...31 (а...я), and back.
enum RussianLetters {
    static let hyphen: UInt8 = 255
    static let a: UInt8 = 0
    static let ie: UInt8 = 5
    static let i: UInt8 = 8
    static let en: UInt8 = 13
    static let softSign: UInt8 = 28
    static let ya: UInt8 = 31

    /// а е и о у ы э ю я as bits of their codes.
    static let vowelBits: UInt32 = 1 << 0 | 1 << 5 | 1 << 8 | 1 << 14 | 1 << 19 | 1 << 27 | 1 << 29 | 1 << 30 | 1 << 31

    @inline(__always) static func isVowel(_ code: UInt8) -> Bool {
        code < 32 && (vowelBits >> UInt32(code)) & 1 == 1
    }

    /// The code of a Russian letter in either case (ё and Ё as е), or nil.
    @inline(__always) static func code(of scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value &- 0x430 < 32 { return UInt8(value - 0x430) }
        if value &- 0x410 < 32 { return UInt8(value - 0x410) }
        if value == 0x451 || value == 0x401 { return ie }
        return nil
    }

    /// The scalar value of a code (a hyphen for `hyphen`).
    @inline(__always) static func scalarValue(of code: UInt8) -> UInt32 {
        code == hyphen ? 0x2D : 0x430 + UInt32(code)
    }

    /// UTF-8 text of the codes: а...п are D0 B0...BF, р...я are D1 80...8F.
    static func string(from codes: UnsafePointer<UInt8>, count: Int) -> String {
        String(unsafeUninitializedCapacity: count * 2) { bytes in
            var length = 0
            for index in 0..<count {
                let code = codes[index]
                if code == hyphen {
                    bytes[length] = 0x2D
                    length += 1
                } else if code < 16 {
                    bytes[length] = 0xD0
                    bytes[length + 1] = 0xB0 + code
                    length += 2
                } else {
                    bytes[length] = 0xD1
                    bytes[length + 1] = 0x80 + code - 16
                    length += 2
                }
            }
            return length
        }
    }

    /// The codes of a Cyrillic literal used in the ending tables.
    static func codes(of text: Substring) -> [UInt8] {
        text.unicodeScalars.map { code(of: $0)! }
    }
}

/// A Russian ending: its letters packed (last letter in the lowest byte), a mask the width of
/// its length, and whether it only counts after а or я ("group 1" endings).
struct RussianEnding: Sendable {
    var packed: UInt64
    var mask: UInt64
    var length: Int
    var afterAOrYa: Bool

    /// The endings of `group1` (after а/я) and `group2` (anywhere), space-separated, longest first.
    static func table(_ group1: String, _ group2: String = "") -> [RussianEnding] {
        var endings: [RussianEnding] = []
        for (text, afterAOrYa) in [(group1, true), (group2, false)] {
            for literal in text.split(separator: " ") {
                let codes = RussianLetters.codes(of: literal)
                var packed: UInt64 = 0
                for code in codes { packed = packed << 8 | UInt64(code) }
                let mask: UInt64 = codes.count >= 8 ? ~0 : (1 << UInt64(8 * codes.count)) - 1
                endings.append(RussianEnding(packed: packed, mask: mask, length: codes.count, afterAOrYa: afterAOrYa))
            }
        }
        return endings.sorted { $0.length > $1.length }
    }
}

/// The ending groups of the algorithm.
enum RussianEndings {
    static let perfectiveGerund = RussianEnding.table("в вши вшись", "ив ивши ившись ыв ывши ывшись")
    static let adjective = RussianEnding.table(
        "", "ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею")
    static let participle = RussianEnding.table("ем нн вш ющ щ", "ивш ывш ующ")
    static let reflexive = RussianEnding.table("", "ся сь")
    static let verb = RussianEnding.table(
        "ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно",
        "ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю")
    static let noun = RussianEnding.table(
        "",
        "а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я")
    static let derivational = RussianEnding.table("", "ост ость")
    static let superlative = RussianEnding.table("", "ейш ейше")
}

/// One word being stemmed: letter codes, current length, and where RV and R2 start.
private struct SnowballRussianWord {
    let codes: UnsafeMutablePointer<UInt8>
    var count: Int
    var regionV = 0
    var region2 = 0

    init(codes: UnsafeMutablePointer<UInt8>, count: Int) {
        self.codes = codes
        self.count = count
    }

    mutating func run() {
        markRegions()
        guard regionV < count else { return }
        step1()
        // Step 2: a final и.
        if count > regionV && codes[count - 1] == RussianLetters.i { count -= 1 }
        // Step 3: a derivational ending, wholly in R2.
        if let ending = longest(RussianEndings.derivational), count - ending.length >= region2 {
            count -= ending.length
        }
        step4()
    }

    /// RV starts after the first vowel; R2 is the region after the first non-vowel following a
    /// vowel, taken twice.
    mutating func markRegions() {
        var index = 0
        while index < count && !RussianLetters.isVowel(codes[index]) { index += 1 }
        regionV = min(index + 1, count)
        region2 = count
        // R1: past a vowel, then past a non-vowel.
        while index < count && RussianLetters.isVowel(codes[index]) { index += 1 }
        guard index < count else { return }
        index += 1
        // R2: the same again from R1.
        while index < count && !RussianLetters.isVowel(codes[index]) { index += 1 }
        while index < count && RussianLetters.isVowel(codes[index]) { index += 1 }
        region2 = min(index + 1, count)
    }

    /// The last up-to-eight letters inside RV, packed as the endings are, and how many there are.
    @inline(__always) func tail() -> (packed: UInt64, available: Int) {
        let available = min(count - regionV, 8)
        var packed: UInt64 = 0
        var index = count - available
        while index < count {
            packed = packed << 8 | UInt64(codes[index])
            index += 1
        }
        return (packed, available)
    }

    /// The longest ending of `table` that the word ends with inside RV.
    @inline(__always) func longest(_ table: [RussianEnding]) -> RussianEnding? {
        let (packed, available) = tail()
        guard available > 0 else { return nil }
        for ending in table where ending.length <= available && packed & ending.mask == ending.packed {
            return ending
        }
        return nil
    }

    /// Removes `ending` if its condition holds: group 1 endings need а or я before them, in RV.
    @inline(__always) mutating func remove(_ ending: RussianEnding) -> Bool {
        if ending.afterAOrYa {
            let before = count - ending.length - 1
            guard before >= regionV, codes[before] == RussianLetters.a || codes[before] == RussianLetters.ya else {
                return false
            }
        }
        count -= ending.length
        return true
    }

    /// A perfective gerund; else a reflexive ending, then an adjectival, verb or noun ending.
    mutating func step1() {
        if let gerund = longest(RussianEndings.perfectiveGerund), remove(gerund) { return }
        if let reflexive = longest(RussianEndings.reflexive) { _ = remove(reflexive) }
        if let adjective = longest(RussianEndings.adjective) {
            _ = remove(adjective)
            // Adjectival: an adjective ending, optionally after a participle one.
            if let participle = longest(RussianEndings.participle) { _ = remove(participle) }
            return
        }
        if let verb = longest(RussianEndings.verb), remove(verb) { return }
        if let noun = longest(RussianEndings.noun) { _ = remove(noun) }
    }

    /// A superlative ending (then нн → н), else нн → н, else a final soft sign.
    mutating func step4() {
        guard count > regionV else { return }
        if let superlative = longest(RussianEndings.superlative) {
            count -= superlative.length
            undoubleEn()
        } else if codes[count - 1] == RussianLetters.softSign {
            count -= 1
        } else {
            undoubleEn()
        }
    }

    mutating func undoubleEn() {
        if count - 2 >= regionV && codes[count - 1] == RussianLetters.en && codes[count - 2] == RussianLetters.en {
            count -= 1
        }
    }
}
