import Foundation

/// Reads the counts and measures of a news sentence ("six SDF fighters were wounded", "more
/// than 1,200 people", "$3 billion", "several", "between 20 and 30") as `Quantity` values, so
/// that two reports of the same event can be checked against each other number by number.
///
/// It works on tokens, one dictionary lookup per word, with no regular expressions: the claim
/// extraction it serves runs over millions of sentences. The conventions it applies:
///
/// - Approximate ("about", "around", "roughly", "approximately", "some", "an estimated",
///   "около", "примерно"): X ± t, where t is 10% of X, and at least 1 for a count, so "about 5"
///   allows 4...6. "Nearly"/"almost"/"just under"/"close to"/"почти" mean X − t ... X; "just
///   over" means X ... X + t.
/// - "More than", "over", "above", "in excess of", "более", "свыше" exclude the number: for a
///   count (a whole number without a unit) the lower bound is N + 1; for a measure it is N.
///   "Fewer than", "less than", "under", "below", "менее" likewise give N − 1 or N as the upper
///   bound. "At least", "upwards of", "не менее" include N; "at most", "up to", "no more than",
///   "as many as", "не более", "до" give 0...N.
/// - Vague words get conventional spans: "a couple" 2...3, "a few" 2...5, "a handful" 2...6,
///   "several"/"несколько" 3...9, "dozens" 24...99, "десятки" 20...99, "scores" 40...199,
///   "hundreds" 200...999, "thousands" 2,000...9,999, "tens of thousands" 20,000...99,999 and
///   so on up the orders of magnitude; "many", "numerous", "a number of" 3...unbounded,
///   "multiple" 2...unbounded. "Several hundred" multiplies: 300...900.
/// - Years, dates, clock times, ordinals, ages and other "N-word" compounds, phone numbers and
///   identifiers ("F-16", "Resolution 2254", "Flight 17") are not quantities and are skipped.
public enum QuantityExtractor {
    /// The counts and measures in one sentence, in order. `tokens` are `Tokenizer.tokens(of: sentence)`
    /// (passed in so callers tokenize once).
    public static func quantities(in sentence: String, tokens: [Token]) -> [Quantity] {
        guard !tokens.isEmpty else { return [] }
        let (keys, marked) = WordKey.keysAndMarks(of: tokens)
        let scanner = QuantityScanner(sentence: sentence, tokens: tokens, keys: keys, marked: marked)
        return scanner.run()
    }

    /// Whether a word can make a quantity with no digit token beside it: a number word ("six",
    /// "шесть"), a vague amount ("several", "dozens"), a scale ("million"), what follows "a" in
    /// "a few", "a dozen", "a couple", "a handful", "half", or a word holding a digit ("3bn").
    /// Callers that compare many sentence pairs use it to see, without extracting anything, that
    /// two sentences whose digits agree give no other figure.
    public static func isQuantityWord(_ word: String) -> Bool {
        if word.utf8.contains(where: { $0 &- 0x30 < 10 }) { return true }
        let key = WordKey.of(word)
        return QuantityWords.starts.contains(key) && key != QuantityWords.article && key != QuantityWords.articleN
            || QuantityWords.scales[key] != nil || QuantityWords.digitlessHeads.contains(key)
    }

    /// The family an event belongs to, for comparing reports that word it differently:
    /// "injured" and "hurt" count as "wounded", "arrested", "captured" and "seized" as
    /// "detained", "fired" as "launched". `Quantity.event` keeps the finer form.
    public static func eventFamily(_ event: String) -> String {
        switch event {
        case "injured", "hurt": return "wounded"
        case "arrested", "captured", "seized": return "detained"
        case "fired": return "launched"
        case "dead", "died": return "killed"
        default: return event
        }
    }
}

// MARK: - Word keys

/// A word's 64-bit hash over its UTF-8 bytes after folding ASCII and Cyrillic capitals to
/// lower case, "ё" to "е" and the typographic apostrophe to "'". The word lists of this file and
/// of `TimeExpressions.swift` are keyed by it, so a token is looked up without lower-casing it,
/// without allocating, and without the Unicode normalisation String hashing does for Cyrillic.
/// A longer stray word colliding with a listed one is a one-in-2^64 chance.
enum WordKey {
    static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { hash($0) }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        // Folded bytes are packed eight to a word and each word mixed with one multiply; a word
        // of up to eight bytes maps to its key one-to-one, so short list words never collide.
        var value: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var packed: UInt64 = 0
        var filled = 0
        @inline(__always) func push(_ byte: UInt8) {
            packed = packed << 8 | UInt64(byte)
            filled += 1
            if filled == 8 {
                value = (value ^ packed) &* 0xFF51_AFD7_ED55_8CCD
                value ^= value >> 32
                packed = 0
                filled = 0
            }
        }
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                push(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
            } else if byte == 0xD0, index + 1 < count {
                let next = bytes[index + 1]
                switch next {
                case 0x90...0x9F:
                    push(0xD0)
                    push(next + 0x20)
                case 0xA0...0xAF:
                    push(0xD1)
                    push(next - 0x20)
                case 0x81:
                    push(0xD0)
                    push(0xB5)
                default:
                    push(0xD0)
                    push(next)
                }
                index += 2
            } else if byte == 0xD1, index + 1 < count, bytes[index + 1] == 0x91 {
                push(0xD0)
                push(0xB5)
                index += 2
            } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                push(0x27)
                index += 3
            } else {
                push(byte)
                index += 1
            }
        }
        value = (value ^ packed ^ UInt64(filled) << 59) &* 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 29
        return value == 0 ? 1 : value
    }

    /// One key per token; numbers get 0 (they are read by value, never looked up).
    static func keys(of tokens: [Token]) -> [UInt64] {
        var keys = [UInt64](repeating: 0, count: tokens.count)
        tokens.withUnsafeBufferPointer { tokens in
            for index in tokens.indices where tokens[index].kind != .number {
                keys[index] = tokens[index].text.utf8.withContiguousStorageIfAvailable(hash) ?? of(tokens[index].text)
            }
        }
        return keys
    }

    /// Keys as `keys(of:)`, and which words hold a digit or a hyphen ("3bn", "twenty-three"),
    /// found in the same pass over the bytes.
    static func keysAndMarks(of tokens: [Token]) -> (keys: [UInt64], marked: [Bool]) {
        var keys = [UInt64](repeating: 0, count: tokens.count)
        var marked = [Bool](repeating: false, count: tokens.count)
        tokens.withUnsafeBufferPointer { tokens in
            for index in tokens.indices where tokens[index].kind != .number {
                let found = tokens[index].text.utf8.withContiguousStorageIfAvailable { bytes -> (UInt64, Bool) in
                    var mark = false
                    if let first = bytes.first, first >= 0x30 && first <= 0x39 {
                        mark = true
                    } else if bytes.count > 2 {
                        for byte in bytes where byte == UInt8(ascii: "-") {
                            mark = true
                            break
                        }
                    }
                    return (hash(bytes), mark)
                }
                if let (key, mark) = found {
                    keys[index] = key
                    marked[index] = mark && tokens[index].kind == .word
                } else {
                    keys[index] = of(tokens[index].text)
                    marked[index] = tokens[index].kind == .word
                }
            }
        }
        return (keys, marked)
    }

    static func table<Value>(_ pairs: [(String, Value)]) -> WordKeyTable<Value> {
        var table: [UInt64: Value] = [:]
        for (word, value) in pairs { table[of(word)] = value }
        return WordKeyTable(table)
    }

    static func set(_ words: [String]) -> WordKeySet { WordKeySet(words.map(of)) }
}

/// A read-only hash table from word keys to values, open addressing with linear probing. The
/// keys are already well-mixed hashes, so a probe is a mask and a compare: several times
/// cheaper than `Dictionary`, whose per-lookup SipHash dominated the scan when measured.
struct WordKeyTable<Value> {
    private var slots: [UInt64]
    private var values: [Value?]
    private let mask: Int
    let keys: [UInt64]

    init(_ table: [UInt64: Value]) {
        var capacity = 16
        while capacity < table.count * 3 { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        values = [Value?](repeating: nil, count: capacity)
        mask = capacity - 1
        keys = Array(table.keys)
        for (key, value) in table where key != 0 {
            var slot = Self.start(key, mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = key
            values[slot] = value
        }
    }

    @inline(__always) static func start(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
    }

    @inline(__always) subscript(key: UInt64) -> Value? {
        guard key != 0 else { return nil }
        var slot = Self.start(key, mask)
        while true {
            let found = slots[slot]
            if found == key { return values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}

extension WordKeyTable: Sendable where Value: Sendable {}

/// The set form of `WordKeyTable`.
struct WordKeySet: Sendable {
    private let table: WordKeyTable<Bool>

    init(_ keys: some Sequence<UInt64>) {
        var dictionary: [UInt64: Bool] = [:]
        for key in keys { dictionary[key] = true }
        table = WordKeyTable(dictionary)
    }

    var keys: [UInt64] { table.keys }

    @inline(__always) func contains(_ key: UInt64) -> Bool { table[key] != nil }
}

// MARK: - Digits

/// A number token's value, kept as digits and a decimal shift so that "1.2 million" comes out
/// as exactly 1,200,000.
private struct DigitValue {
    var mantissa: Double
    var fractionDigits: Int
    /// Digits only, no separators.
    var plain: Bool
    var digitCount: Int

    var value: Double { scaled(by: 1) }
    var isWhole: Bool { fractionDigits == 0 }

    func scaled(by scale: Double) -> Double {
        var divisor = 1.0
        for _ in 0..<fractionDigits { divisor *= 10 }
        return mantissa * scale / divisor
    }

    /// "1,234" and "1,234.5" group thousands with commas; "1,5" is a decimal comma (Russian); a
    /// single period is a decimal point. Colons, slashes and repeated periods (clock times,
    /// dates, versions) are not counts: nil.
    static func parse(_ text: String) -> DigitValue? {
        var commas = 0
        var dots = 0
        var digits = 0
        var groupLength = 0
        var groupsOfThree = true
        var lastSeparator: UInt8 = 0
        var firstGroup = 0
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                digits += 1
                groupLength += 1
            case UInt8(ascii: ","), UInt8(ascii: "."):
                if lastSeparator == 0 {
                    firstGroup = groupLength
                } else if lastSeparator == UInt8(ascii: ","), groupLength != 3 {
                    groupsOfThree = false
                }
                if byte == UInt8(ascii: ",") { commas += 1 } else { dots += 1 }
                lastSeparator = byte
                groupLength = 0
            default:
                return nil
            }
        }
        if lastSeparator == UInt8(ascii: ","), groupLength != 3 { groupsOfThree = false }
        // Which separator, if any, is the decimal mark.
        var decimalMark: UInt8 = 0
        if dots > 1 {
            return nil
        } else if commas > 0 {
            if groupsOfThree && firstGroup <= 3 && (dots == 0 || lastSeparator == UInt8(ascii: ".")) {
                decimalMark = dots == 1 ? UInt8(ascii: ".") : 0
            } else if commas == 1 && dots == 0 {
                decimalMark = UInt8(ascii: ",")
            } else {
                return nil
            }
        } else if dots == 1 {
            decimalMark = UInt8(ascii: ".")
        }
        var mantissa = 0.0
        var fraction = 0
        var afterMark = false
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                mantissa = mantissa * 10 + Double(byte - 0x30)
                if afterMark { fraction += 1 }
            } else if byte == decimalMark {
                afterMark = true
            }
        }
        return DigitValue(
            mantissa: mantissa, fractionDigits: fraction, plain: commas == 0 && dots == 0, digitCount: digits)
    }
}

// MARK: - Word lists

/// What the quantity scanner knows about words, by `WordKey`.
enum QuantityWords {
    static let numbers: WordKeyTable<Int> = {
        var pairs: [(String, Int)] = []
        let english = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        ]
        for (value, word) in english.enumerated() where value > 0 { pairs.append((word, value)) }
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        for (offset, word) in tens.enumerated() { pairs.append((word, (offset + 2) * 10)) }
        // Russian numerals in the cases news text puts them in after prepositions ("более
        // шести", "около двадцати") as well as the nominative.
        let russian: [(Int, [String])] = [
            (1, ["один", "одна", "одно", "одного", "одной", "одному", "одним"]),
            (2, ["два", "две", "двух", "двум", "двумя"]),
            (3, ["три", "трех", "трем", "тремя"]),
            (4, ["четыре", "четырех", "четырем", "четырьмя"]),
            (5, ["пять", "пяти", "пятью"]), (6, ["шесть", "шести", "шестью"]),
            (7, ["семь", "семи"]), (8, ["восемь", "восьми", "восемью"]),
            (9, ["девять", "девяти", "девятью"]), (10, ["десять", "десяти", "десятью"]),
            (11, ["одиннадцать", "одиннадцати"]), (12, ["двенадцать", "двенадцати"]),
            (13, ["тринадцать", "тринадцати"]), (14, ["четырнадцать", "четырнадцати"]),
            (15, ["пятнадцать", "пятнадцати"]), (16, ["шестнадцать", "шестнадцати"]),
            (17, ["семнадцать", "семнадцати"]), (18, ["восемнадцать", "восемнадцати"]),
            (19, ["девятнадцать", "девятнадцати"]), (20, ["двадцать", "двадцати"]),
            (30, ["тридцать", "тридцати"]), (40, ["сорок", "сорока"]),
            (50, ["пятьдесят", "пятидесяти"]), (60, ["шестьдесят", "шестидесяти"]),
            (70, ["семьдесят", "семидесяти"]), (80, ["восемьдесят", "восьмидесяти"]),
            (90, ["девяносто", "девяноста"]), (100, ["сто", "ста"]), (200, ["двести", "двухсот"]),
            (300, ["триста", "трехсот"]), (400, ["четыреста", "четырехсот"]), (500, ["пятьсот", "пятисот"]),
            (600, ["шестьсот", "шестисот"]), (700, ["семьсот", "семисот"]), (800, ["восемьсот", "восьмисот"]),
            (900, ["девятьсот", "девятисот"]),
            // Collective numerals, the usual way to count people: "трое военнослужащих".
            (2, ["двое", "двоих"]), (3, ["трое", "троих"]), (4, ["четверо", "четверых"]),
            (5, ["пятеро", "пятерых"]), (6, ["шестеро", "шестерых"]), (7, ["семеро", "семерых"]),
            (8, ["восьмеро", "восьмерых"]), (9, ["девятеро", "девятерых"]), (10, ["десятеро", "десятерых"]),
        ]
        for (value, words) in russian { for word in words { pairs.append((word, value)) } }
        return WordKey.table(pairs)
    }()

    /// Words that multiply what comes before them ("1.2 million", "two hundred", "two dozen").
    static let scales: WordKeyTable<Double> = WordKey.table([
        ("hundred", 100), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
        ("dozen", 12), ("mln", 1e6), ("mn", 1e6), ("bn", 1e9), ("tn", 1e12),
        ("тысяча", 1e3), ("тысячи", 1e3), ("тысяч", 1e3), ("тысячу", 1e3), ("тыс", 1e3),
        ("миллион", 1e6), ("миллиона", 1e6), ("миллионов", 1e6), ("млн", 1e6),
        ("миллиард", 1e9), ("миллиарда", 1e9), ("миллиардов", 1e9), ("млрд", 1e9),
        ("сотен", 100), ("сотни", 100), ("десятков", 10),
    ])

    /// Scales that make a vague plural larger: "hundreds of thousands", "десятки тысяч".
    static let pluralScales: WordKeyTable<Double> = WordKey.table([
        ("thousands", 1e3), ("millions", 1e6), ("тысяч", 1e3), ("миллионов", 1e6),
    ])

    struct Vague {
        var lower: Double
        var upper: Double?
        /// Can take a scale after it: "several hundred", "несколько тысяч".
        var multiplies = false
        /// Needs "of" after it to be a quantity ("scores of", "tens of thousands").
        var needsOf = false
    }

    static let vague: WordKeyTable<Vague> = WordKey.table([
        ("several", Vague(lower: 3, upper: 9, multiplies: true)),
        ("несколько", Vague(lower: 3, upper: 9, multiplies: true)),
        ("many", Vague(lower: 3, upper: nil)), ("numerous", Vague(lower: 3, upper: nil)),
        ("multiple", Vague(lower: 2, upper: nil)), ("многие", Vague(lower: 3, upper: nil)),
        ("много", Vague(lower: 3, upper: nil)), ("множество", Vague(lower: 3, upper: nil)),
        ("dozens", Vague(lower: 24, upper: 99)), ("scores", Vague(lower: 40, upper: 199, needsOf: true)),
        ("tens", Vague(lower: 20, upper: 99, needsOf: true)),
        ("hundreds", Vague(lower: 200, upper: 999)), ("thousands", Vague(lower: 2000, upper: 9999)),
        ("millions", Vague(lower: 2e6, upper: 9_999_999)),
        ("десятки", Vague(lower: 20, upper: 99)), ("десятков", Vague(lower: 20, upper: 99)),
        ("сотни", Vague(lower: 200, upper: 999)), ("сотен", Vague(lower: 200, upper: 999)),
        ("тысячи", Vague(lower: 2000, upper: 9999)), ("тысяч", Vague(lower: 2000, upper: 9999)),
        ("миллионы", Vague(lower: 2e6, upper: 9_999_999)),
    ])

    /// Words a quantity can start with, besides digits: one lookup rules most words out.
    static let starts = WordKeySet(
        numbers.keys + vague.keys + ["a", "an", "half", "тысяча", "тысячу", "миллион"].map(WordKey.of))

    static let units: WordKeyTable<String> = WordKey.table([
        ("%", "%"), ("percent", "%"), ("pct", "%"), ("процентов", "%"), ("процента", "%"), ("процент", "%"),
        ("km", "km"), ("kilometres", "km"), ("kilometers", "km"), ("kilometre", "km"), ("kilometer", "km"),
        ("км", "km"), ("miles", "miles"), ("mile", "miles"), ("metres", "m"), ("meters", "m"), ("metre", "m"),
        ("meter", "m"), ("м", "m"), ("tonnes", "tonnes"), ("tons", "tonnes"), ("tonne", "tonnes"),
        ("ton", "tonnes"), ("тонн", "tonnes"), ("тонны", "tonnes"), ("kg", "kg"), ("kilograms", "kg"),
        ("кг", "kg"), ("barrels", "barrels"), ("hectares", "ha"), ("га", "ha"),
        ("dollars", "usd"), ("dollar", "usd"), ("usd", "usd"), ("долларов", "usd"), ("доллара", "usd"),
        ("euros", "eur"), ("euro", "eur"), ("eur", "eur"), ("евро", "eur"), ("roubles", "rub"),
        ("rubles", "rub"), ("rub", "rub"), ("рублей", "rub"), ("рубля", "rub"), ("руб", "rub"),
        ("pounds", "gbp"), ("gbp", "gbp"), ("hryvnias", "uah"), ("гривен", "uah"),
    ])

    /// Currency written before the number: "$3 billion", "USD 3 million", "€40".
    static let currencies: WordKeyTable<String> = WordKey.table([
        ("$", "usd"), ("usd", "usd"), ("us$", "usd"), ("€", "eur"), ("eur", "eur"), ("£", "gbp"),
        ("gbp", "gbp"), ("₽", "rub"), ("rub", "rub"), ("₴", "uah"),
    ])

    /// Event words and the base form reported for them.
    static let events: WordKeyTable<String> = {
        let groups: [(String, [String])] = [
            (
                "killed",
                [
                    "killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying", "deaths", "death",
                    "fatalities", "slain", "perished", "toll", "погибли", "погиб", "погибла", "погибло", "погибших",
                    "погибшие", "погибшими", "гибели", "убиты", "убит", "убита", "убито", "убитых", "убили", "убив",
                ]
            ),
            ("wounded", ["wounded", "wounding", "wound", "ранены", "ранен", "ранена", "ранено", "раненых", "ранили"]),
            (
                "injured",
                [
                    "injured", "injuring", "injure", "injures", "injuries", "hurt", "пострадали", "пострадал",
                    "пострадавших", "пострадавшие",
                ]
            ),
            (
                "detained",
                [
                    "detained", "detaining", "detain", "detains", "задержаны", "задержан", "задержана", "задержали",
                    "задержанных",
                ]
            ),
            ("arrested", ["arrested", "arresting", "arrest", "арестованы", "арестован", "арестовали"]),
            ("captured", ["captured", "capturing", "capture", "захвачены", "захватили"]),
            ("seized", ["seized", "seizing", "seize"]),
            ("missing", ["missing", "пропали", "пропавших"]),
            ("evacuated", ["evacuated", "evacuating", "evacuate", "эвакуированы", "эвакуировали"]),
            ("displaced", ["displaced", "displacing"]),
            ("launched", ["launched", "launching", "launch", "выпущены", "выпустили", "запущены", "запустили"]),
            ("fired", ["fired", "firing"]),
        ]
        var pairs: [(String, String)] = []
        for (base, words) in groups { for word in words { pairs.append((word, base)) } }
        return WordKey.table(pairs)
    }()

    /// Words that end a counted noun phrase: articles, prepositions, pronouns, auxiliaries.
    static let function: WordKeySet = WordKey.set([
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "nor", "as",
        "than", "that", "which", "who", "whom", "whose", "this", "these", "those", "it", "its", "they", "them",
        "their", "he", "his", "she", "her", "we", "our", "you", "i", "do", "did", "does", "will", "would", "could",
        "should", "may", "might", "must", "can", "said", "says", "say", "told", "according", "after", "before",
        "during", "since", "while", "when", "where", "near", "into", "onto", "including", "among", "per", "each",
        "every", "not", "no", "both", "more", "most", "less", "there", "here", "out", "up", "down", "over",
        "under", "about", "around", "against", "across", "through", "between", "within", "without", "toward",
        "towards", "via", "amid", "despite", "if", "so", "such", "what", "how", "why", "then", "now", "yet", "just",
        "only", "even", "last", "next", "ago", "again", "today", "yesterday", "tomorrow", "overnight",
        "в", "во", "на", "и", "или", "из", "по", "с", "со", "у", "о", "об", "от", "до", "за", "не", "ни", "что",
        "как", "а", "но", "же", "ли", "бы", "это", "этот", "эти", "его", "ее", "их", "они", "он", "она", "при",
        "для", "к", "ко", "под", "над", "после", "перед", "около", "более", "менее", "еще", "также", "уже", "том",
        "числе", "которые", "который", "среди", "сообщил", "сообщили", "заявил", "заявили",
    ])

    /// Auxiliaries and adverbs between a noun and its participle ("were reportedly killed").
    static let auxiliaries: WordKeySet = WordKey.set([
        "were", "was", "is", "are", "be", "been", "being", "have", "has", "had", "got", "get", "getting", "remain",
        "remained", "remains", "reportedly", "allegedly", "apparently", "also", "later", "all", "still", "already",
        "feared", "confirmed", "believed", "reported", "initially", "были", "был", "была", "было",
    ])

    /// Words before a number that make it a name, not an amount ("Resolution 2254", "Flight 17").
    static let identifierHeads: WordKeySet = WordKey.set([
        "resolution", "flight", "article", "section", "chapter", "paragraph", "route", "highway", "no", "nos",
        "number", "room", "unit", "protocol", "brigade", "division", "regiment", "battalion", "corps", "platform",
        "gate", "terminal", "building", "block", "phase", "level", "class", "type", "model", "version", "series",
        "episode", "season", "round", "stage", "page", "line", "item", "decree", "bill", "law", "rule", "point",
        "category", "district", "zone", "sector", "hill", "quarter", "camp", "checkpoint", "post", "base", "#",
        "apartment", "street", "road", "channel", "boeing", "airbus", "резолюция", "резолюции", "статья", "статьи",
        "рейс", "рейса", "№",
    ])

    /// Words before a four-digit number that make it a year.
    static let yearPrepositions: WordKeySet = WordKey.set([
        "in", "since", "by", "until", "till", "during", "of", "from", "before", "after", "throughout", "early", "late",
        "mid", "the", "'s", ",", "в", "с", "до", "к", "по", "году", "года", "год", "end", "spring", "summer",
        "autumn", "fall", "winter",
    ])

    /// Words after a number that make it a clock time.
    static let clockWords: WordKeySet = WordKey.set([
        "gmt", "utc", "am", "pm", "a.m.", "p.m.", "a.m", "p.m", "hrs", "o'clock", "msk", "мск", "bst", "cet",
        "cest", "eet", "eest", "est", "edt", "pst", "pdt", "h", "ч",
    ])

    /// Words directly after a number that make it an ordinal or decade ("16th", "1990s").
    static let ordinalSuffixes: WordKeySet = WordKey.set(["th", "st", "nd", "rd", "s", "'s", "го", "й", "х"])

    /// Nouns that are plural without an "s".
    static let irregularPlurals: WordKeySet = WordKey.set([
        "people", "men", "women", "children", "police", "personnel", "servicemen", "servicewomen", "policemen",
        "gunmen", "militiamen", "firemen", "fishermen", "cattle", "sheep", "aircraft", "staff", "youths",
    ])

    /// First halves of compound nouns kept whole ("crew members", "aid workers", "security forces").
    static let compoundModifiers: WordKeySet = WordKey.set([
        "crew", "aid", "police", "security", "rescue", "health", "army", "government", "border", "coalition",
        "opposition", "family", "medical", "emergency", "peace", "service", "staff", "navy", "air",
    ])

    /// Words skipped between the number and its noun ("30 more people", "12 other civilians").
    static let preNoun: WordKeySet = WordKey.set([
        "more", "other", "additional", "further", "extra", "new", "ещё", "еще", "of", "the", "its", "their", "his",
        "her", "our", "these", "those",
    ])

    /// Words that end the search for an event: another clause starts.
    static let clauseBreaks: WordKeySet = WordKey.set([
        "and", "but", "while", "whereas", "although", "though", "because", "и", "а", "но", ",", ";", ":", "(", ")",
        "—", "–", ".", "!", "?",
    ])

    static let timeUnits: WordKeySet = WordKey.set([
        "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "дня", "дней",
        "день", "недели", "неделю", "недель", "месяц", "месяца", "месяцев", "год", "года", "лет",
    ])
    static let agoWords: WordKeySet = WordKey.set(["ago", "назад", "earlier", "later"])
    static let irregularParticiples: WordKeySet = WordKey.set([
        "taken", "held", "shot", "hit", "struck", "beaten", "stolen", "sent", "brought", "caught", "found", "left",
        "lost", "given", "driven", "thrown", "drawn", "freed", "born", "kidnapped", "abducted",
    ])

    static let and = WordKey.of("and")
    static let or = WordKey.of("or")
    static let to = WordKey.of("to")
    static let of = WordKey.of("of")
    static let per = WordKey.of("per")
    static let cent = WordKey.of("cent")
    static let dash = WordKey.of("-")
    static let enDash = WordKey.of("–")
    static let plus = WordKey.of("+")
    static let period = WordKey.of(".")
    static let comma = WordKey.of(",")
    static let openParen = WordKey.of("(")
    static let closeParen = WordKey.of(")")
    static let russianUntil = WordKey.of("до")
    static let one = WordKey.of("one")
    static let article = WordKey.of("a")
    static let articleN = WordKey.of("an")
    static let half = WordKey.of("half")
    static let few = WordKey.of("few")
    static let handful = WordKey.of("handful")
    static let couple = WordKey.of("couple")
    static let number = WordKey.of("number")
    static let many = WordKey.of("many")
    static let strong = WordKey.of("strong")
    static let local = WordKey.of("local")
    static let time = WordKey.of("time")
    static let us = WordKey.of("us")
    static let million = WordKey.of("million")
    static let metre = WordKey.of("m")
    static let thousandK = WordKey.of("k")
    static let billionB = WordKey.of("b")
    /// What makes "a" a quantity: "a few", "a dozen", "a couple", "a handful", "half".
    static let digitlessHeads: WordKeySet = WordKey.set(["few", "dozen", "couple", "handful", "half", "number"])
    static let notOne: WordKeySet = WordKey.set(["no", "any", "every", "each", "the", "this", "that", "which", "ни"])
    static let notOneAfter: WordKeySet = WordKey.set(["another", "day", "side", "way", "hand"])
    static let notMany: WordKeySet = WordKey.set(["how", "so", "too", "as"])
    static let notManyAfter: WordKeySet = WordKey.set(["as", "of", "times", "more", "other"])
}

// MARK: - Modifiers

/// How the words before a number bound it.
private enum QuantityModifier {
    case moreThan, atLeast, lessThan, atMost, about, nearly, justOver, between, from

    /// The patterns, as words in reading order.
    static let patterns: [(String, QuantityModifier)] = [
        ("more than", .moreThan), ("over", .moreThan), ("above", .moreThan), ("in excess of", .moreThan),
        ("more then", .moreThan), ("более", .moreThan), ("более чем", .moreThan), ("свыше", .moreThan),
        ("больше", .moreThan), ("at least", .atLeast), ("no fewer than", .atLeast), ("no less than", .atLeast),
        ("not less than", .atLeast), ("upwards of", .atLeast), ("a minimum of", .atLeast),
        ("не менее", .atLeast), ("не меньше", .atLeast), ("как минимум", .atLeast), ("минимум", .atLeast),
        ("по меньшей мере", .atLeast), ("по крайней мере", .atLeast), ("fewer than", .lessThan),
        ("less than", .lessThan), ("under", .lessThan), ("below", .lessThan), ("менее", .lessThan),
        ("меньше", .lessThan), ("at most", .atMost), ("up to", .atMost), ("no more than", .atMost),
        ("not more than", .atMost), ("as many as", .atMost), ("a maximum of", .atMost), ("не более", .atMost),
        ("не больше", .atMost), ("до", .atMost), ("максимум", .atMost), ("about", .about), ("around", .about),
        ("roughly", .about), ("approximately", .about), ("approx", .about), ("some", .about),
        ("an estimated", .about), ("estimated", .about), ("circa", .about), ("около", .about),
        ("примерно", .about), ("приблизительно", .about), ("порядка", .about), ("nearly", .nearly),
        ("almost", .nearly), ("just under", .nearly), ("close to", .nearly), ("почти", .nearly),
        ("just over", .justOver), ("slightly more than", .justOver), ("a little over", .justOver),
        ("чуть более", .justOver), ("чуть больше", .justOver), ("between", .between), ("from", .from),
        ("от", .from),
    ]

    /// Patterns indexed by their last word, longest first.
    static let byLastWord: WordKeyTable<[([UInt64], QuantityModifier)]> = {
        var table: [UInt64: [([UInt64], QuantityModifier)]] = [:]
        for (phrase, modifier) in patterns {
            let words = phrase.split(separator: " ").map { WordKey.of(String($0)) }
            table[words.last!, default: []].append((words, modifier))
        }
        for key in table.keys { table[key]!.sort { $0.0.count > $1.0.count } }
        return WordKeyTable(table)
    }()
}

// MARK: - Scanner

private struct Core {
    var start: Int
    var end: Int
    var lower: Double
    var upper: Double?
    var vague = false
    var unit: String?
    var scale: Double = 1
    var digits: DigitValue?
    /// Plain four digits in 1800...2100: possibly a year.
    var yearLike: Bool { digits.map { $0.plain && $0.digitCount == 4 && lower >= 1800 && lower <= 2100 } ?? false }
}

private enum Step {
    case found(Quantity, next: Int)
    case skip(next: Int)
}

private struct QuantityScanner {
    let sentence: String
    let tokens: [Token]
    let keys: [UInt64]
    /// Words holding a digit or a hyphen, which may be numbers not in the word lists.
    let marked: [Bool]

    typealias Words = QuantityWords

    func run() -> [Quantity] {
        var found: [Quantity] = []
        var index = 0
        let count = tokens.count
        let starts = Words.starts
        while index < count {
            let candidate: Bool
            switch tokens[index].kind {
            case .number: candidate = true
            case .word: candidate = marked[index] || starts.contains(keys[index])
            default: candidate = false
            }
            guard candidate else {
                index += 1
                continue
            }
            switch step(at: index) {
            case .found(let quantity, let next):
                found.append(quantity)
                index = max(next, index + 1)
            case .skip(let next):
                index = max(next, index + 1)
            case nil:
                index += 1
            }
        }
        return found
    }

    static func startsWithDigit(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first >= 0x30 && first <= 0x39
    }

    func key(_ index: Int) -> UInt64 { index >= 0 && index < keys.count ? keys[index] : 0 }

    func isNumber(_ index: Int) -> Bool { index >= 0 && index < tokens.count && tokens[index].kind == .number }

    func isWord(_ index: Int) -> Bool { index >= 0 && index < tokens.count && tokens[index].kind == .word }

    func adjacent(_ left: Int, _ right: Int) -> Bool {
        left >= 0 && right < tokens.count && tokens[left].range.upperBound == tokens[right].range.lowerBound
    }

    // MARK: Cores

    /// The number itself, without modifiers: digits, number words, or a vague amount.
    func core(at index: Int) -> Core? {
        switch tokens[index].kind {
        case .number: return digitCore(at: index)
        case .word:
            if Self.startsWithDigit(tokens[index].text) { return digitWordCore(at: index) }
            return wordCore(at: index)
        default: return nil
        }
    }

    func digitCore(at index: Int) -> Core? {
        guard var digits = DigitValue.parse(tokens[index].text) else { return nil }
        var end = index + 1
        // Thousands grouped with spaces ("1 200 человек"): a plain group of three digits right
        // after, which is not itself the start of a dashed run (a phone number).
        if digits.plain && digits.digitCount <= 3 {
            while end < tokens.count, tokens[end].kind == .number, tokens[end].text.utf8.count == 3,
                tokens[end - 1].range.upperBound + 3 >= tokens[end].range.lowerBound,
                let group = DigitValue.parse(tokens[end].text), group.plain, key(end + 1) != Words.dash
            {
                digits.mantissa = digits.mantissa * 1000 + group.mantissa
                digits.digitCount += 3
                end += 1
            }
        }
        var core = Core(start: index, end: end, lower: digits.value, upper: digits.value, digits: digits)
        // A word glued to the number: a unit ("12.5km"), or an ordinal, decade or clock ("16th").
        if end < tokens.count, tokens[end].kind == .word, adjacent(end - 1, end) {
            let suffix = keys[end]
            if let unit = Words.units[suffix] {
                core.unit = unit
                core.end = end + 1
                return core
            }
            if let scale = Words.scales[suffix] {
                applyScale(scale, to: &core)
                core.end = end + 1
                return core
            }
            return nil
        }
        if let scale = Words.scales[key(end)], scale >= 1000 || scale == 12 {
            applyScale(scale, to: &core)
            core.end = end + 1
        }
        return core
    }

    func applyScale(_ scale: Double, to core: inout Core) {
        core.scale = scale
        let value = core.digits?.scaled(by: scale) ?? core.lower * scale
        core.lower = value
        core.upper = value
    }

    /// "3bn", "5km", "10m": digits and a suffix in one word. Ordinals ("3rd"), clock times
    /// ("7pm") and anything else glued to digits are not quantities.
    func digitWordCore(at index: Int) -> Core? {
        let text = tokens[index].text
        let utf8 = text.utf8
        guard let split = utf8.firstIndex(where: { !($0 >= 0x30 && $0 <= 0x39) && $0 != 0x2E && $0 != 0x2C }),
            let digits = DigitValue.parse(String(text[..<split]))
        else { return nil }
        let suffix = WordKey.of(String(text[split...]))
        var core = Core(start: index, end: index + 1, lower: digits.value, upper: digits.value, digits: digits)
        let hasCurrency = Words.currencies[key(index - 1)] != nil
        if suffix == Words.metre && hasCurrency {
            applyScale(1e6, to: &core)
        } else if suffix == Words.billionB && hasCurrency {
            applyScale(1e9, to: &core)
        } else if suffix == Words.thousandK {
            applyScale(1e3, to: &core)
        } else if let scale = Words.scales[suffix], scale >= 1e6 {
            applyScale(scale, to: &core)
        } else if let unit = Words.units[suffix] {
            core.unit = unit
        } else {
            return nil
        }
        return core
    }

    func wordCore(at index: Int) -> Core? {
        let first = keys[index]
        if first == Words.article || first == Words.articleN { return articleCore(at: index) }
        if first == Words.half {
            // "half a dozen", "half a million"
            guard key(index + 1) == Words.article, let scale = Words.scales[key(index + 2)] else { return nil }
            let value = scale / 2
            return Core(start: index, end: index + 3, lower: value, upper: value)
        }
        if let (value, end) = numberWords(from: index) {
            // "no one", "one another", "ни одного": not counts.
            if value == 1, end == index + 1,
                Words.notOne.contains(key(index - 1)) || Words.notOneAfter.contains(key(index + 1))
            {
                return nil
            }
            return Core(start: index, end: end, lower: value, upper: value)
        }
        if let vague = Words.vague[first] { return vagueCore(vague, at: index, end: index + 1) }
        if let scale = Words.scales[first], scale >= 1000 {
            // "тысяча", "миллион" alone: one thousand, one million.
            return Core(start: index, end: index + 1, lower: scale, upper: scale)
        }
        return nil
    }

    func articleCore(at index: Int) -> Core? {
        let next = key(index + 1)
        if let scale = Words.scales[next], scale >= 12 {
            var core = Core(start: index, end: index + 2, lower: scale, upper: scale)
            core.scale = scale
            return core
        }
        if next == Words.few {
            return vagueCore(.init(lower: 2, upper: 5, multiplies: true), at: index, end: index + 2)
        }
        if next == Words.handful {
            return Core(start: index, end: index + 2, lower: 2, upper: 6, vague: true)
        }
        if next == Words.couple {
            return Core(start: index, end: index + 2, lower: 2, upper: 3, vague: true)
        }
        if next == Words.number, key(index + 2) == Words.of {
            return Core(start: index, end: index + 2, lower: 3, upper: nil, vague: true)
        }
        return nil
    }

    func vagueCore(_ vague: QuantityWords.Vague, at index: Int, end: Int) -> Core? {
        var core = Core(start: index, end: end, lower: vague.lower, upper: vague.upper, vague: true)
        let first = keys[index]
        if first == Words.many,
            Words.notMany.contains(key(index - 1)) || Words.notManyAfter.contains(key(index + 1))
        {
            return nil
        }
        if vague.multiplies, let scale = Words.scales[key(end)] {
            // "several hundred", "a few dozen", "несколько тысяч"
            core.lower *= scale
            core.upper = core.upper.map { $0 * scale }
            core.end = end + 1
            return core
        }
        if key(end) == Words.of, let scale = Words.pluralScales[key(end + 1)] {
            // "tens of thousands", "hundreds of millions": 20,000...99,999
            core.lower *= scale
            core.upper = core.upper.map { ($0 + 1) * scale - 1 }
            core.end = end + 2
            return core
        }
        if let scale = Words.pluralScales[key(end)], !vague.needsOf, keys[index] != key(end) {
            // "десятки тысяч"
            core.lower *= scale
            core.upper = core.upper.map { ($0 + 1) * scale - 1 }
            core.end = end + 1
            return core
        }
        if vague.needsOf && key(end) != Words.of { return nil }
        return core
    }

    /// English and Russian number words, compounded: "twenty-three", "two hundred and fifty",
    /// "three thousand", "двадцать три", "сто двадцать".
    func numberWords(from index: Int) -> (Double, Int)? {
        var total = 0.0
        var current = 0
        var any = false
        var end = index
        var position = index
        var lastWasScale = false
        func add(_ value: Int) -> Bool {
            let lastTwo = current % 100
            switch value {
            case 100...999: guard current % 1000 == 0 else { return false }
            case 10...99: guard lastTwo == 0 else { return false }
            default: guard lastTwo % 10 == 0, !(10...19).contains(lastTwo) else { return false }
            }
            current += value
            return true
        }
        while position < tokens.count, tokens[position].kind == .word {
            let wordKey = keys[position]
            if let value = Words.numbers[wordKey] {
                guard add(value) else { break }
            } else if let parts = hyphenatedNumber(position) {
                var fits = true
                for part in parts where !add(part) { fits = false }
                guard fits else { break }
            } else if any, let scale = Words.scales[wordKey] {
                if scale == 100 {
                    guard current > 0, current < 10 else { break }
                    current *= 100
                } else if scale == 12 {
                    total += Double(current) * 12
                    current = 0
                    end = position + 1
                    break
                } else {
                    total += Double(max(current, 1)) * scale
                    current = 0
                }
                lastWasScale = true
                position += 1
                end = position
                continue
            } else if wordKey == Words.and, any, lastWasScale, Words.numbers[key(position + 1)] != nil {
                position += 1
                continue
            } else {
                break
            }
            any = true
            lastWasScale = false
            position += 1
            end = position
        }
        guard any else { return nil }
        return (total + Double(current), end)
    }

    /// "twenty-three" as [20, 3]; nil unless every part is a number word.
    func hyphenatedNumber(_ index: Int) -> [Int]? {
        let text = tokens[index].text
        guard text.utf8.contains(UInt8(ascii: "-")) else { return nil }
        var parts: [Int] = []
        for part in text.split(separator: "-") {
            guard let value = Words.numbers[WordKey.of(String(part))] else { return nil }
            parts.append(value)
        }
        return parts.count > 1 ? parts : nil
    }

    // MARK: Whole quantities

    func step(at index: Int) -> Step? {
        guard let core = core(at: index) else { return nil }
        var start = core.start
        var end = core.end
        var unit = core.unit
        if let currency = Words.currencies[key(start - 1)] {
            unit = currency
            start -= 1
            if key(start - 1) == Words.us, adjacent(start - 1, start) { start -= 1 }
        }
        var modifier: QuantityModifier?
        if let (found, modifierStart) = modifierBefore(start) {
            modifier = found
            start = modifierStart
        }
        // "two days ago", "3 года назад": a time, not a count.
        if Words.timeUnits.contains(key(core.end)), Words.agoWords.contains(key(core.end + 1)) {
            return .skip(next: core.end + 2)
        }
        if core.digits != nil, let next = skipReason(core, unit: unit, modifier: modifier) {
            return .skip(next: next)
        }
        var lower = core.lower
        var upper = core.upper
        var kind: Quantity.Kind = core.vague ? .vague : .exact
        if unit == nil, let (found, width) = unitAt(end) {
            unit = found
            end += width
        }
        // A range: "20-30", "20 to 30", "between 20 and 30", "two or three", "от 20 до 30".
        if !core.vague, let (second, secondEnd) = rangeEnd(after: end, first: core, unit: unit, modifier: modifier) {
            var first = core.lower
            if core.scale == 1, second.scale > 1, first * second.scale <= (second.lower) {
                first = core.digits?.scaled(by: second.scale) ?? first * second.scale
            }
            lower = first
            upper = second.upper
            kind = .range
            end = secondEnd
            if unit == nil { unit = second.unit }
            if unit == nil, let (found, width) = unitAt(end) {
                unit = found
                end += width
            }
        } else if modifier == .between || modifier == .from {
            modifier = nil
            start = core.start
        }
        let isCount = unit == nil && lower == lower.rounded()
        if kind == .exact || kind == .vague, let modifier {
            let value = lower
            let tolerance = isCount ? max(value / 10, 1) : value / 10
            switch modifier {
            case .moreThan:
                lower = kind == .vague ? lower : (isCount ? value + 1 : value)
                upper = nil
                kind = .atLeast
            case .atLeast:
                upper = nil
                kind = .atLeast
            case .lessThan:
                upper = kind == .vague ? upper : (isCount ? value - 1 : value)
                lower = 0
                kind = .atMost
            case .atMost:
                lower = 0
                kind = .atMost
            case .about where kind == .exact:
                lower = max(0, value - tolerance)
                upper = value + tolerance
                kind = .approximate
            case .nearly where kind == .exact:
                lower = max(0, value - tolerance)
                upper = value
                kind = .approximate
            case .justOver where kind == .exact:
                upper = value + tolerance
                kind = .approximate
            default:
                break
            }
        }
        let range = TextRange(tokens[start].range.lowerBound, tokens[end - 1].range.upperBound)
        var quantity = Quantity(
            lower: lower, upper: upper, kind: kind, unit: unit, text: sentence.slice(range), range: range)
        describe(&quantity, start: start, end: end)
        return .found(quantity, next: end)
    }

    func modifierBefore(_ index: Int) -> (QuantityModifier, Int)? {
        guard let candidates = QuantityModifier.byLastWord[key(index - 1)] else { return nil }
        for (words, modifier) in candidates where words.count <= index {
            var matches = true
            for offset in 0..<words.count where keys[index - words.count + offset] != words[offset] {
                matches = false
                break
            }
            if matches { return (modifier, index - words.count) }
        }
        return nil
    }

    func unitAt(_ index: Int) -> (String, Int)? {
        let wordKey = key(index)
        if wordKey == Words.per, key(index + 1) == Words.cent { return ("%", 2) }
        if let unit = Words.units[wordKey] { return (unit, 1) }
        return nil
    }

    /// The second figure of a range whose first figure (`first`, of `unit` when it has one) is
    /// followed by a connector at `end`, with where it ends; nil when what follows the
    /// connector is no such figure, or one of another unit ("rose 26 percent to $817 million"
    /// is a rise and a total).
    func rangeEnd(after end: Int, first: Core, unit: String?, modifier: QuantityModifier?) -> (Core, Int)? {
        let connector = key(end)
        let allowed: Bool
        switch modifier {
        case .between: allowed = connector == Words.and
        case .from: allowed = connector == Words.to || connector == Words.dash || connector == Words.russianUntil
        default:
            allowed =
                connector == Words.dash || connector == Words.enDash || connector == Words.to
                || (connector == Words.or && first.digits == nil)
        }
        guard allowed, !first.yearLike else { return nil }
        var secondStart = end + 1
        let currency = Words.currencies[key(secondStart)]
        if currency != nil { secondStart += 1 }
        guard secondStart < tokens.count, tokens[secondStart].kind == .number || tokens[secondStart].kind == .word,
            var second = core(at: secondStart), !second.vague, !second.yearLike
        else { return nil }
        // A dashed run of three numbers is a date or phone number, not a range.
        if connector == Words.dash, key(second.end) == Words.dash, isNumber(second.end + 1) { return nil }
        guard second.lower > first.lower || (first.scale == 1 && second.scale > 1) else { return nil }
        var secondEnd = second.end
        if second.unit == nil, let (found, width) = unitAt(secondEnd) {
            second.unit = found
            secondEnd += width
        }
        if let unit, let secondUnit = currency ?? second.unit, secondUnit != unit { return nil }
        return (second, secondEnd)
    }

    /// Why a number written in digits is not an amount, as the index to resume at; nil if it is one.
    func skipReason(_ core: Core, unit: String?, modifier: QuantityModifier?) -> Int? {
        let index = core.start
        let after = core.end
        let previous = key(index - 1)
        let next = key(after)
        // Dashed runs and numbers after "+": dates ("2017-09-16") and phone numbers.
        if previous == Words.plus || (next == Words.dash && isNumber(after + 1) && key(after + 2) == Words.dash)
            || (previous == Words.dash && isNumber(index - 2) && key(index - 3) == Words.dash)
        {
            var position = after
            while position < tokens.count,
                tokens[position].kind == .number || keys[position] == Words.dash
                    || keys[position] == Words.openParen || keys[position] == Words.closeParen
            {
                position += 1
            }
            return position
        }
        // "25-year-old", "10-day": a number joined to a word is an adjective, not a count
        // ("300-strong" is the exception).
        if next == Words.dash, adjacent(after - 1, after), isWord(after + 1), adjacent(after, after + 1),
            key(after + 1) != Words.strong
        {
            return after + 2
        }
        // Dates: next to a month name.
        if CalendarWords.month(previous) != nil
            || (previous == Words.period && CalendarWords.month(key(index - 2)) != nil)
        {
            return after
        }
        if core.lower <= 31,
            CalendarWords.month(next) != nil
                || (next == Words.of && CalendarWords.month(key(after + 1)) != nil)
        {
            return after + 1
        }
        // Clock times: "0030 GMT", "3 pm", "12:30 local time".
        if Words.clockWords.contains(next) || (next == Words.local && key(after + 1) == Words.time) {
            return after + 1
        }
        guard modifier == nil, unit == nil else { return nil }
        // Names: "Resolution 2254", "Flight 17", "No. 5", "Boeing 777".
        if Words.identifierHeads.contains(previous)
            || (previous == Words.period && Words.identifierHeads.contains(key(index - 2)))
        {
            return after
        }
        if index >= 2, isWord(index - 1), tokens[index - 1].isCapitalized, CalendarWords.weekday(previous) == nil,
            core.digits?.plain == true
        {
            return after
        }
        if core.yearLike {
            // A year unless a counted noun follows and nothing before reads as a date.
            let countedNoun =
                isWord(after) && !tokens[after].isCapitalized && !Words.function.contains(next)
                && !Words.timeUnits.contains(next)
            if !countedNoun || Words.yearPrepositions.contains(previous) { return after }
        }
        return nil
    }

    // MARK: Noun and event

    func describe(_ quantity: inout Quantity, start: Int, end: Int) {
        var eventFound: String?
        var position = end
        if quantity.unit == nil {
            // "12 of the fighters", "30 more people"
            while Words.preNoun.contains(key(position)), position - end < 4 { position += 1 }
            if position > end, !isWord(position) || Words.function.contains(key(position)) { position = end }
            var run: [Int] = []
            var head: Int?
            while position < tokens.count, run.count < 4, tokens[position].kind == .word {
                let wordKey = keys[position]
                if Words.function.contains(wordKey) || Words.auxiliaries.contains(wordKey)
                    || Words.numbers[wordKey] != nil || CalendarWords.month(wordKey) != nil
                    || CalendarWords.weekday(wordKey) != nil
                {
                    break
                }
                if let event = Words.events[wordKey] {
                    // "six wounded soldiers": an event word before a noun describes it.
                    if run.isEmpty, isWord(position + 1), nounLike(position + 1) {
                        eventFound = event
                        position += 1
                        continue
                    }
                    break
                }
                run.append(position)
                position += 1
                if quantity.lower != 1 && pluralLooking(run.last!) {
                    head = run.last!
                    break
                }
                if Self.isRussianNoun(tokens[position - 1].text) {
                    head = position - 1
                    break
                }
            }
            if head == nil { head = run.last }
            if let headIndex = head {
                var noun = tokens[headIndex].lowercased
                if let at = run.firstIndex(of: headIndex), at > 0,
                    Words.compoundModifiers.contains(keys[run[at - 1]]), !tokens[run[at - 1]].isCapitalized
                {
                    noun = tokens[run[at - 1]].lowercased + " " + noun
                } else if Words.compoundModifiers.contains(keys[headIndex]), isWord(headIndex + 1),
                    pluralLooking(headIndex + 1), nounLike(headIndex + 1)
                {
                    noun += " " + tokens[headIndex + 1].lowercased
                    position = headIndex + 2
                }
                quantity.noun = noun
            }
        }
        if eventFound == nil { eventFound = eventAfter(position) ?? eventBefore(start) ?? participleAfter(position) }
        quantity.event = eventFound
    }

    /// A Cyrillic word without an adjective ending: in "шесть мирных жителей" the noun is the
    /// first such word ("жителей"), not the last of the genitive chain.
    static let adjectiveEndings = ["ых", "их", "ой", "ый", "ий", "ая", "ое", "ые", "ие", "ого", "его", "ому", "ему"]

    static func isRussianNoun(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == 0xD0 || first == 0xD1 else { return false }
        for ending in Self.adjectiveEndings where text.utf8.reversed().starts(with: ending.utf8.reversed()) {
            return false
        }
        return true
    }

    func nounLike(_ index: Int) -> Bool {
        let wordKey = key(index)
        return isWord(index) && !Words.function.contains(wordKey) && !Words.auxiliaries.contains(wordKey)
            && Words.events[wordKey] == nil
    }

    func pluralLooking(_ index: Int) -> Bool {
        let wordKey = keys[index]
        if Words.irregularPlurals.contains(wordKey) { return true }
        let bytes = tokens[index].text.utf8
        guard let last = bytes.last, last < 0x80 else { return false }
        guard last == UInt8(ascii: "s"), bytes.count > 3 else { return false }
        let beforeLast = bytes[bytes.index(bytes.endIndex, offsetBy: -2)]
        return beforeLast != UInt8(ascii: "s") && beforeLast != UInt8(ascii: "u") && beforeLast != UInt8(ascii: "i")
            && beforeLast != UInt8(ascii: "'")
    }

    /// An event word after the noun in the same clause: "were wounded", "remain missing".
    func eventAfter(_ index: Int) -> String? {
        var position = index
        while position < tokens.count, position - index < 7 {
            let wordKey = keys[position]
            if tokens[position].kind == .number || Words.clauseBreaks.contains(wordKey)
                || Words.numbers[wordKey] != nil
            {
                return nil
            }
            if let event = Words.events[wordKey] { return event }
            position += 1
        }
        return nil
    }

    /// An event verb before the number: "killing 12", "wounding six", "the death toll rose to 40".
    func eventBefore(_ index: Int) -> String? {
        var position = index - 1
        while position >= 0, index - position <= 5 {
            let wordKey = keys[position]
            if tokens[position].kind == .number || Words.clauseBreaks.contains(wordKey)
                || Words.numbers[wordKey] != nil
            {
                return nil
            }
            if let event = Words.events[wordKey] { return event }
            position -= 1
        }
        return nil
    }

    /// Any other participle after an auxiliary ("were shelled", "were taken"), as written.
    func participleAfter(_ index: Int) -> String? {
        var position = index
        var sawAuxiliary = false
        while position < tokens.count, position - index < 5, tokens[position].kind == .word {
            let wordKey = keys[position]
            if Words.auxiliaries.contains(wordKey) {
                sawAuxiliary = true
            } else if sawAuxiliary {
                let text = tokens[position].text
                if Words.irregularParticiples.contains(wordKey)
                    || (text.utf8.count > 3 && text.utf8.reversed().starts(with: "de".utf8))
                {
                    return tokens[position].lowercased
                }
                return nil
            } else {
                return nil
            }
            position += 1
        }
        return nil
    }
}
