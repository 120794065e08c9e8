/// Tells the language of a news text from its first kilobyte: the script first (Latin, Cyrillic,
/// Arabic), then, within a script, function words and a few telling letters and word endings.
///
/// Each candidate language collects evidence: a function word counts 1, shared among the
/// languages whose lists hold it ("de" is French, Spanish and Dutch); letters such as ы, і, ñ,
/// ß and endings such as "-ción" or "-ung" add fractions. Italian, Portuguese, Dutch, Bulgarian,
/// Persian and "other Latin/Cyrillic" (Turkish, Polish, Serbian letters…) are decoys: they
/// compete like the others, and a text they win is `.other` rather than a wrong guess.
public enum LanguageIdentifier {
    /// How much of a text is read; a paragraph decides, and articles run to 100,000s.
    static let sampleBytes = 1000

    /// The language of `text` and a confidence in 0...1. For `.other` the confidence is that the
    /// text is in none of the known languages: high for Chinese or Italian, low when there was
    /// too little text to tell.
    public static func identify(_ text: String) -> (language: Language, confidence: Double) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: Profile.allCases.count) { scores in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: LanguageSample.wordCapacity) { word in
                var sample = LanguageSample(scores: scores.baseAddress!, wordBytes: word.baseAddress!)
                sample.read(text)
                return sample.decide()
            }
        }
    }

    /// Function-word lists of the decoy languages; the real ones come from `StopWords`.
    static let decoyWords: [(Profile, String)] = [
        (
            .italian,
            """
            il gli di che è per della del delle dei degli nel nella nei alla alle allo sono anche più questo questa
            quello quella hanno stato stata essere dopo tra fra ma sua suo loro erano ci non ed una uno dal dalla
            sul sulla
            """
        ),
        (
            .portuguese,
            """
            não do da em um uma ao dos das pelo pela pelos pelas mais foi são também seu sua ele ela eles elas isso
            isto nos nas na aos já está estão foram tem têm com que os para é no
            """
        ),
        (
            .dutch,
            """
            de het een van en is dat niet op zijn met voor wordt ook er naar bij aan om te als uit door maar nog
            werd worden heeft hebben deze dit die wat hij zij ze wij over tot onder tegen geen kan zal meer al dan of
            """
        ),
        (
            .bulgarian,
            """
            че ще от са се да по за на като това които която който което няма след към със във още вече бил беше
            бяха тя той те ние им го му ги си преди между както защото когато ако обаче също
            """
        ),
        (.persian, "است این که را از با های می برای بود شد آن یک تا بر هم نیز اما شده کرد خود وی ها"),
        (
            .otherLatin,
            """
            yang dan di ini itu dengan untuk dari tidak akan pada dalam adalah oleh ke juga ve bir bu için ile
            olarak olan daha çok gibi
            """
        ),
    ]

    /// Every profile's words, hashed, as bits of `Profile`.
    static let profileTable: StopWordTable = {
        var entries: [(String, UInt16)] = []
        let real: [(Language, Profile)] = [
            (.english, .english), (.russian, .russian), (.ukrainian, .ukrainian), (.french, .french),
            (.german, .german), (.spanish, .spanish), (.arabic, .arabic),
        ]
        for (language, profile) in real {
            for word in StopWords.list(for: language) { entries.append((word, profile.bit)) }
        }
        for (profile, text) in decoyWords {
            for word in StopWords.split(text) { entries.append((word, profile.bit)) }
        }
        return StopWordTable(entries)
    }()
}

/// The hypotheses the identifier weighs; the first seven are `Language`s, the rest decoys.
enum Profile: Int, CaseIterable {
    case english, russian, ukrainian, french, german, spanish, arabic
    case italian, portuguese, dutch, bulgarian, persian, otherLatin

    var bit: UInt16 { 1 << UInt16(rawValue) }

    var language: Language {
        switch self {
        case .english: .english
        case .russian: .russian
        case .ukrainian: .ukrainian
        case .french: .french
        case .german: .german
        case .spanish: .spanish
        case .arabic: .arabic
        default: .other
        }
    }
}

/// What the identifier counts over the first kilobyte of a text. Scores and the current word's
/// bytes live in stack buffers owned by `identify`, so a call allocates nothing.
private struct LanguageSample {
    enum Script { case latin, cyrillic, arabic, other }

    static let wordCapacity = 32

    var latin = 0
    var cyrillic = 0
    var arabic = 0
    var otherScript = 0
    let scores: UnsafeMutablePointer<Double>

    // The current word: its hash, and its first bytes (lower-cased UTF-8) for ending tests.
    var hasher = WordHasher()
    var wordLength = 0
    let wordBytes: UnsafeMutablePointer<UInt8>
    var wordByteCount = 0
    var wordScript = Script.other
    var words = 0

    init(scores: UnsafeMutablePointer<Double>, wordBytes: UnsafeMutablePointer<UInt8>) {
        self.scores = scores
        self.wordBytes = wordBytes
        scores.initialize(repeating: 0, count: Profile.allCases.count)
    }

    @inline(__always) func add(_ profile: Profile, _ weight: Double) { scores[profile.rawValue] += weight }

    mutating func read(_ text: String) {
        var bytes = 0
        scan: for scalar in text.unicodeScalars {
            let value = scalar.value
            bytes += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
            if value < 0x80 {
                if value &- 65 < 26 || value &- 97 < 26 {
                    latin += 1
                    letter(value, .latin)
                } else if value == 0x27 {
                    if wordLength > 0 { letter(value, wordScript) }
                } else {
                    endWord()
                    if bytes >= LanguageIdentifier.sampleBytes || (words & 15 == 0 && isDecided) { break scan }
                }
                continue
            }
            switch value {
            case 0xC0...0x24F where value != 0xD7 && value != 0xF7, 0x1E00...0x1EFF:
                latin += 1
                latinLetterClue(value)
                letter(value, .latin)
            case 0xA1, 0xBF:  // ¡ ¿
                add(.spanish, 0.5)
                endWord()
            case 0x2019:
                if wordLength > 0 { letter(0x27, wordScript) }
            case 0x400...0x52F:
                cyrillic += 1
                cyrillicLetterClue(value)
                letter(value, .cyrillic)
            case 0x640, 0x64B...0x65F, 0x670:
                continue  // tatweel and vowel marks: inside a word, not letters of it
            case 0x621...0x64A, 0x66E...0x6D3, 0x6D5, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                arabic += 1
                arabicLetterClue(value)
                letter(value, .arabic)
            default:
                // Common punctuation (dashes, quotes, CJK marks) without a property lookup.
                let isMark = value < 0xC0 || (value >= 0x2000 && value < 0x2070) || (value >= 0x3000 && value < 0x3040)
                if !isMark && scalar.properties.isAlphabetic {
                    otherScript += 1
                    letter(value, .other)
                } else {
                    endWord()
                    if bytes >= LanguageIdentifier.sampleBytes || (words & 15 == 0 && isDecided) { break scan }
                }
            }
        }
        endWord()
    }

    /// Adds a letter to the current word.
    @inline(__always) mutating func letter(_ value: UInt32, _ script: Script) {
        if wordLength == 0 { wordScript = script }
        hasher.add(value)
        wordLength += 1
        guard wordByteCount + 3 <= Self.wordCapacity else {
            wordByteCount = Self.wordCapacity + 1  // too long for ending tests
            return
        }
        let folded = WordHasher.fold(value)
        if folded < 0x80 {
            wordBytes[wordByteCount] = UInt8(folded)
            wordByteCount += 1
        } else if folded < 0x800 {
            wordBytes[wordByteCount] = UInt8(0xC0 | folded >> 6)
            wordBytes[wordByteCount + 1] = UInt8(0x80 | folded & 0x3F)
            wordByteCount += 2
        } else {
            wordBytes[wordByteCount] = UInt8(0xE0 | folded >> 12)
            wordBytes[wordByteCount + 1] = UInt8(0x80 | (folded >> 6) & 0x3F)
            wordBytes[wordByteCount + 2] = UInt8(0x80 | folded & 0x3F)
            wordByteCount += 3
        }
    }

    /// Whether the evidence so far already settles it: one profile far ahead of all others.
    /// Most news paragraphs settle within a few hundred bytes.
    var isDecided: Bool {
        var top = 0.0
        var second = 0.0
        for index in 0..<Profile.allCases.count {
            let score = scores[index]
            if score > top {
                second = top
                top = score
            } else if score > second {
                second = score
            }
        }
        return top >= 10 && top >= 4 * second
    }

    mutating func endWord() {
        guard wordLength > 0 else { return }
        words += 1
        var mask = LanguageIdentifier.profileTable.mask(of: hasher.value)
        if mask != 0 {
            let share = 1 / Double(mask.nonzeroBitCount)
            while mask != 0 {
                scores[mask.trailingZeroBitCount] += share
                mask &= mask - 1
            }
        } else if wordScript == .latin && wordByteCount <= Self.wordCapacity && wordLength >= 2 {
            latinWordClues()
        }
        hasher = WordHasher()
        wordLength = 0
        wordByteCount = 0
    }

    // MARK: Clues

    @inline(__always) func wordHasSuffix(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard length <= wordByteCount else { return false }
        let bytes = suffix.utf8Start
        for index in 0..<length where wordBytes[wordByteCount - length + index] != bytes[index] { return false }
        return true
    }

    /// Two ASCII letters as one value, for switching on letter pairs.
    static func pair(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt16 {
        UInt16(first.value) << 8 | UInt16(second.value)
    }

    /// French elides le, de, je, ce, me, ne, se, te before a vowel: "l'armée", "d'un".
    static func isElidingLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "l"), UInt8(ascii: "d"), UInt8(ascii: "j"), UInt8(ascii: "c"), UInt8(ascii: "m"),
            UInt8(ascii: "n"), UInt8(ascii: "s"), UInt8(ascii: "t"):
            return true
        default: return false
        }
    }

    /// Spellings and endings that lean one way, for words no list knows. One pass over the
    /// word's letter pairs, then tests chosen by its last byte.
    mutating func latinWordClues() {
        let count = wordByteCount
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        var english = 0.0
        var german = 0.0
        var dutch = 0.0
        var italian = 0.0
        var portuguese = 0.0
        for index in 0..<count {
            let byte = wordBytes[index]
            switch UInt16(previous) << 8 | UInt16(byte) {
            case Self.pair("t", "h"):
                english = max(english, 0.3)
            case Self.pair("s", "h"):
                english = max(english, 0.2)
            case Self.pair("c", "h"):
                if beforePrevious == UInt8(ascii: "s") {
                    german = max(german, 0.3)
                    dutch = max(dutch, 0.2)
                } else if beforePrevious == UInt8(ascii: "c") {
                    italian = max(italian, 0.2)
                }
            case Self.pair("h", "t"):
                if beforePrevious == UInt8(ascii: "g") { english = max(english, 0.3) }
            case Self.pair("e", "e"), Self.pair("o", "o"):
                english = max(english, 0.1)
                dutch = max(dutch, 0.1)
            case Self.pair("t", "z"):
                german = max(german, 0.3)
            case Self.pair("i", "j"):
                dutch = max(dutch, 0.4)
            case Self.pair("n", "h"), Self.pair("l", "h"):
                portuguese = max(portuguese, 0.2)
            case Self.pair("z", "z"):
                italian = max(italian, 0.2)
            case Self.pair("l", "i"):
                if beforePrevious == UInt8(ascii: "g") { italian = max(italian, 0.2) }
            default:
                if byte == UInt8(ascii: "w") {
                    english = max(english, 0.1)
                    german = max(german, 0.1)
                    dutch = max(dutch, 0.1)
                }
            }
            beforePrevious = previous
            previous = byte
        }
        let first = wordBytes[0]
        let second = wordBytes[1]
        if first == UInt8(ascii: "w") && second == UInt8(ascii: "h") { english = max(english, 0.3) }
        if first == UInt8(ascii: "l") && second == UInt8(ascii: "l") { add(.spanish, 0.2) }
        if second == 0x27 && count >= 3 && Self.isElidingLetter(first) {
            add(.french, 0.4)
            italian += 0.1
        } else if first == UInt8(ascii: "q") && count >= 4 && wordBytes[2] == 0x27 && second == UInt8(ascii: "u") {
            add(.french, 0.4)
        }
        switch wordBytes[count - 1] {
        case UInt8(ascii: "g"):
            if wordLength >= 5 && wordHasSuffix("ing") { english += 0.3 }
            if wordHasSuffix("ung") { german += 0.4 }
        case UInt8(ascii: "d"):
            if wordLength >= 4 && wordHasSuffix("ed") { english += 0.2 }
            if wordLength >= 5 && wordHasSuffix("dad") { add(.spanish, 0.2) }
        case UInt8(ascii: "y"):
            if wordLength >= 4 && wordHasSuffix("ly") { english += 0.2 }
        case UInt8(ascii: "n"):
            if wordHasSuffix("ción") { add(.spanish, 0.5) }
            if wordHasSuffix("ungen") { german += 0.4 }
        case UInt8(ascii: "s"):
            if wordHasSuffix("'s") { english += 0.4 }
            if wordLength >= 4 && wordHasSuffix("ies") { english += 0.2 }
            if wordHasSuffix("ciones") {
                add(.spanish, 0.5)
            } else if wordHasSuffix("ções") {
                portuguese += 0.5
            } else if wordHasSuffix("ées") {
                add(.french, 0.4)
            } else if wordHasSuffix("dades") {
                add(.spanish, 0.2)
            } else if wordLength >= 5 && (wordHasSuffix("ados") || wordHasSuffix("adas") || wordHasSuffix("idos")) {
                add(.spanish, 0.2)
                portuguese += 0.1
            }
        case UInt8(ascii: "x"):
            if wordHasSuffix("eux") || wordHasSuffix("eaux") { add(.french, 0.4) }
        case UInt8(ascii: "u"):
            if wordHasSuffix("eau") { add(.french, 0.4) }
        case UInt8(ascii: "t"):
            if wordHasSuffix("ait") || wordHasSuffix("aient") {
                add(.french, 0.3)
            } else if wordHasSuffix("heit") || wordHasSuffix("keit") {
                german += 0.4
            } else if wordHasSuffix("n't") {
                english += 0.4
            }
        case UInt8(ascii: "h"):
            if wordHasSuffix("lich") || wordHasSuffix("isch") { german += 0.3 }
        case UInt8(ascii: "e"):
            if wordHasSuffix("mente") {
                add(.spanish, 0.2)
                italian += 0.2
            } else if wordHasSuffix("zione") {
                italian += 0.5
            }
        case UInt8(ascii: "i"):
            if wordHasSuffix("zioni") { italian += 0.5 }
        case UInt8(ascii: "o"):
            if wordHasSuffix("ção") {
                portuguese += 0.5
            } else if wordLength >= 4 && (wordHasSuffix("ado") || wordHasSuffix("ido")) {
                add(.spanish, 0.2)
                portuguese += 0.1
            }
        case UInt8(ascii: "a"):
            if wordLength >= 4 && wordHasSuffix("ada") {
                add(.spanish, 0.2)
                portuguese += 0.1
            }
        case 0xA0:
            if wordHasSuffix("ità") { italian += 0.5 }
        default: break
        }
        add(.english, english)
        add(.german, german)
        add(.dutch, dutch)
        add(.italian, italian)
        add(.portuguese, portuguese)
    }

    mutating func latinLetterClue(_ value: UInt32) {
        switch WordHasher.fold(value) {
        case 0xE9:  // é
            add(.french, 0.3)
            add(.spanish, 0.1)
            add(.portuguese, 0.1)
        case 0xE8, 0xF9:  // è ù
            add(.french, 0.3)
            add(.italian, 0.2)
        case 0xEA, 0xE2, 0xF4:  // ê â ô
            add(.french, 0.3)
            add(.portuguese, 0.2)
        case 0xEB, 0xEE, 0xEF, 0xFB, 0x153:  // ë î ï û œ
            add(.french, 0.5)
        case 0xE0:  // à
            add(.french, 0.2)
            add(.italian, 0.2)
            add(.portuguese, 0.1)
        case 0xE7:  // ç
            add(.french, 0.3)
            add(.portuguese, 0.3)
        case 0xE4, 0xDF:  // ä ß
            add(.german, 0.5)
        case 0xF6, 0xFC:  // ö ü
            add(.german, 0.4)
            add(.otherLatin, 0.1)
        case 0xF1:  // ñ
            add(.spanish, 0.5)
        case 0xE1, 0xED, 0xF3, 0xFA:  // á í ó ú
            add(.spanish, 0.3)
            add(.portuguese, 0.25)
            add(.otherLatin, 0.05)
        case 0xE3, 0xF5:  // ã õ
            add(.portuguese, 0.5)
        case 0xF2, 0xEC:  // ò ì
            add(.italian, 0.5)
        case 0xC0...0xFF:
            add(.otherLatin, 0.2)
        default:  // Latin Extended, Vietnamese: ł ş ğ ı č ő ơ …
            add(.otherLatin, 0.5)
        }
    }

    mutating func cyrillicLetterClue(_ value: UInt32) {
        if value == 0x451 || value == 0x401 {  // ё
            add(.russian, 0.5)
            return
        }
        switch WordHasher.fold(value) {
        case 0x44B, 0x44D:  // ы э
            add(.russian, 0.5)
        case 0x44A:  // ъ: common in Bulgarian, rare in Russian
            add(.bulgarian, 0.5)
            add(.russian, 0.1)
        case 0x456, 0x457, 0x454, 0x491, 0x406, 0x407, 0x404, 0x490:  // і ї є ґ
            add(.ukrainian, 0.5)
        case 0x430...0x44F:
            break
        default:  // ў ђ ј љ њ ћ џ ѓ ќ ѕ, Kazakh and other Cyrillic letters
            add(.otherLatin, 1)
        }
    }

    mutating func arabicLetterClue(_ value: UInt32) {
        switch value {
        case 0x629, 0x649, 0x64A, 0x643:  // ة ى ي ك
            add(.arabic, 0.1)
        case 0x6CC, 0x6A9, 0x67E, 0x686, 0x698, 0x6AF, 0x6D2, 0x6BA, 0x6C1, 0x679, 0x688, 0x691:
            add(.persian, 0.3)  // Persian and Urdu letters
        default: break
        }
    }

    // MARK: Decision

    func decide() -> (language: Language, confidence: Double) {
        let letters = latin + cyrillic + arabic + otherScript
        guard letters >= 10 else { return (.other, 0) }
        let dominant = max(latin, cyrillic, arabic, otherScript)
        let fraction = Double(dominant) / Double(letters)
        guard fraction >= 0.6 else { return (.other, 0.5) }
        let candidates: [Profile]
        let scores = self.scores
        switch dominant {
        case latin:
            candidates = [
                .english, .french, .german, .spanish, .italian, .portuguese, .dutch, .otherLatin,
            ]
            scores[Profile.english.rawValue] += 0.2
        case cyrillic:
            candidates = [.russian, .ukrainian, .bulgarian, .otherLatin]
            scores[Profile.russian.rawValue] += 0.5
        case arabic:
            candidates = [.arabic, .persian]
            scores[Profile.arabic.rawValue] += 0.5
        default:
            return (.other, fraction)
        }
        var best = candidates[0]
        for profile in candidates where scores[profile.rawValue] > scores[best.rawValue] { best = profile }
        var second = 0.0
        for profile in candidates where profile != best { second = max(second, scores[profile.rawValue]) }
        let top = scores[best.rawValue]
        let margin = top > 0 ? (top - second) / top : 0
        let strength = top / (top + 2)
        let confidence = fraction * (0.3 + 0.7 * strength) * (0.5 + 0.5 * margin)
        guard top >= 1, margin >= 0.2 else { return (.other, 1 - confidence) }
        return (best.language, confidence)
    }
}
