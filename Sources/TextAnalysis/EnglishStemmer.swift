/// The Porter2 ("Snowball English") stemmer, written from the published description of the
/// algorithm. Matching words across articles needs "strikes", "struck"-free "striking" and
/// "strike" to meet; Porter2 is the widely known reference for that, so its outputs are
/// predictable to anyone reading a finding ("denied" → "deni" is expected, not a bug).
///
/// It works in place on a small stack buffer of ASCII bytes: no `String` slicing and no heap
/// allocation for the word itself, because it runs on every word of every article.
public enum EnglishStemmer {
    /// Longest word stemmed; longer ones (URLs run together, glued compounds) are only lower-cased.
    static let maximumLength = 60

    /// The Porter2 stem of `word`, lower-cased. Words with letters outside ASCII, digits or
    /// periods are returned lower-cased but otherwise unchanged; in a hyphenated word only the
    /// part after the last hyphen is stemmed ("pro-government" → "pro-govern").
    public static func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { source in
            guard source.count <= maximumLength else { return String(decoding: source, as: UTF8.self).lowercased() }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength + 4) { buffer in
                guard let count = lowercasedASCII(source, into: buffer.baseAddress!) else {
                    return String(decoding: source, as: UTF8.self).lowercased()
                }
                return stemLowercased(buffer.baseAddress!, count: count)
            }
        }
    }

    /// Copies `source` lower-cased into `base`, with ’ written as ' ("Russia’s" stems as
    /// "Russia's"), and returns the byte count; nil for any other non-ASCII character, which
    /// the caller lower-cases the Unicode way instead. `base` has room for `source.count` bytes.
    static func lowercasedASCII(_ source: UnsafeBufferPointer<UInt8>, into base: UnsafeMutablePointer<UInt8>) -> Int? {
        var count = 0
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte < 0x80 {
                base[count] = byte &- 65 < 26 ? byte | 0x20 : byte
                index += 1
            } else if byte == 0xE2, index + 2 < source.count, source[index + 1] == 0x80, source[index + 2] == 0x99 {
                base[count] = UInt8(ascii: "'")
                index += 3
            } else {
                return nil
            }
            count += 1
        }
        return count
    }

    /// Stems `count` lower-case ASCII bytes at `base` (which must have room for `count` bytes;
    /// the stem is never longer) and returns the result as a string.
    static func stemLowercased(_ base: UnsafeMutablePointer<UInt8>, count: Int) -> String {
        var start = 0
        for index in 0..<count {
            let byte = base[index]
            if byte == UInt8(ascii: "-") {
                start = index + 1
            } else if byte &- 97 >= 26 && byte != UInt8(ascii: "'") {
                // Digits, periods, other marks: an abbreviation or code, not a word to stem.
                return String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
            }
        }
        let length = stemInPlace(base + start, count: count - start)
        return String(decoding: UnsafeBufferPointer(start: base, count: start + length), as: UTF8.self)
    }

    /// Stems the lower-case letters at `word` in place and returns the stem's length.
    static func stemInPlace(_ word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var stemmer = Porter2Word(letters: word, count: count)
        stemmer.run()
        return stemmer.count
    }
}

/// One word being stemmed: its bytes, current length and the R1/R2 region starts.
private struct Porter2Word {
    let letters: UnsafeMutablePointer<UInt8>
    var count: Int
    var region1 = 0
    var region2 = 0

    init(letters: UnsafeMutablePointer<UInt8>, count: Int) {
        self.letters = letters
        self.count = count
    }

    // MARK: Letters

    /// a e i o u y, as bits from "a". An upper-case `Y` (a consonant y, marked by the prelude)
    /// falls outside the range and so is never a vowel.
    static let vowelBits: UInt32 = 1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24

    @inline(__always) static func isVowel(_ byte: UInt8) -> Bool {
        let offset = byte &- 97
        return offset < 26 && (vowelBits >> UInt32(offset)) & 1 == 1
    }

    @inline(__always) func vowel(at index: Int) -> Bool { Self.isVowel(letters[index]) }

    @inline(__always) func letter(_ index: Int) -> UInt8 { letters[index] }

    /// Whether the word ends with `suffix` (ASCII).
    @inline(__always) func ends(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard length <= count else { return false }
        let bytes = suffix.utf8Start
        let offset = count - length
        for index in 0..<length where letters[offset + index] != bytes[index] { return false }
        return true
    }

    /// Whether the whole word is `other`.
    @inline(__always) func equals(_ other: StaticString) -> Bool {
        other.utf8CodeUnitCount == count && ends(other)
    }

    @inline(__always) mutating func append(_ suffix: StaticString) {
        let bytes = suffix.utf8Start
        for index in 0..<suffix.utf8CodeUnitCount { letters[count + index] = bytes[index] }
        count += suffix.utf8CodeUnitCount
    }

    @inline(__always) mutating func set(_ replacement: StaticString) {
        count = 0
        append(replacement)
    }

    /// Replaces the last `length` letters with `replacement` when they lie in R1.
    @inline(__always) mutating func replaceInRegion1(_ length: Int, _ replacement: StaticString) {
        guard count - length >= region1 else { return }
        count -= length
        append(replacement)
    }

    /// Removes the last `length` letters when they lie in R2.
    @inline(__always) mutating func deleteInRegion2(_ length: Int) {
        if count - length >= region2 { count -= length }
    }

    /// Whether a short syllable ends at `end` (exclusive): a non-vowel, a vowel, then a non-vowel
    /// other than w, x or Y; or, at the word's start, a vowel then a non-vowel.
    func shortSyllable(endingAt end: Int) -> Bool {
        if end == 2 { return vowel(at: 0) && !vowel(at: 1) }
        guard end >= 3 else { return false }
        let last = letter(end - 1)
        return !vowel(at: end - 3) && vowel(at: end - 2) && !Self.isVowel(last) && last != UInt8(ascii: "w")
            && last != UInt8(ascii: "x") && last != UInt8(ascii: "Y")
    }

    /// A short word ends in a short syllable and has an empty R1 ("hop", "bed", not "hope").
    var isShort: Bool { region1 >= count && shortSyllable(endingAt: count) }

    /// Whether any vowel comes before `end`.
    func hasVowel(before end: Int) -> Bool {
        var index = 0
        while index < end {
            if vowel(at: index) { return true }
            index += 1
        }
        return false
    }

    // MARK: The algorithm

    mutating func run() {
        if exception1() || count < 3 { return }
        prelude()
        markRegions()
        step0()
        step1a()
        if !exception2() {
            step1b()
            step1c()
            step2()
            step3()
            step4()
            step5()
        }
        for index in 0..<count where letters[index] == UInt8(ascii: "Y") { letters[index] = UInt8(ascii: "y") }
    }

    /// Irregular words the rules would get wrong, stemmed by fiat.
    mutating func exception1() -> Bool {
        guard count <= 6 else { return false }
        switch count {
        case 3: return equals("sky")
        case 4:
            if equals("skis") {
                set("ski")
            } else if equals("idly") {
                set("idl")
            } else if equals("ugly") {
                set("ugli")
            } else if equals("only") {
                set("onli")
            } else {
                return equals("news") || equals("howe") || equals("bias")
            }
            return true
        case 5:
            if equals("skies") {
                set("sky")
            } else if equals("dying") {
                set("die")
            } else if equals("lying") {
                set("lie")
            } else if equals("tying") {
                set("tie")
            } else if equals("early") {
                set("earli")
            } else {
                return equals("atlas") || equals("andes")
            }
            return true
        case 6:
            if equals("gently") {
                set("gentl")
            } else if equals("singly") {
                set("singl")
            } else {
                return equals("cosmos")
            }
            return true
        default: return false
        }
    }

    /// Words that step 1a leaves looking like "-ing"/"-eed" forms but are not.
    func exception2() -> Bool {
        switch count {
        case 6: return equals("inning") || equals("outing") || equals("exceed")
        case 7:
            return equals("canning") || equals("herring") || equals("earring") || equals("proceed")
                || equals("succeed") || equals("evening")
        default: return false
        }
    }

    /// Drops a leading apostrophe and marks consonant y (initial, or after a vowel) as `Y`.
    mutating func prelude() {
        if letters[0] == UInt8(ascii: "'") {
            count -= 1
            for index in 0..<count { letters[index] = letters[index + 1] }
        }
        guard count > 0 else { return }
        if letters[0] == UInt8(ascii: "y") { letters[0] = UInt8(ascii: "Y") }
        var index = 1
        while index < count {
            if letters[index] == UInt8(ascii: "y") && vowel(at: index - 1) { letters[index] = UInt8(ascii: "Y") }
            index += 1
        }
    }

    /// The start of the region after the first non-vowel that follows a vowel, from `start`.
    func regionStart(from start: Int) -> Int {
        var index = start
        while index < count && !vowel(at: index) { index += 1 }
        while index < count && vowel(at: index) { index += 1 }
        return index < count ? index + 1 : count
    }

    mutating func markRegions() {
        // After these prefixes R1 would start too early and conflate unrelated words: "general"
        // with "gener-", and, from the later revisions of the algorithm, "international" with
        // "intern", "organization" with "organ", "university" with "universe".
        if count >= 5
            && (startsWith("gener") || startsWith("arsen") || startsWith("later") || startsWith("emerg")
                || startsWith("organ") || startsWith("inter"))
        {
            region1 = 5
        } else if count >= 6 && startsWith("commun") {
            region1 = 6
        } else if count >= 7 && startsWith("univers") {
            region1 = 7
        } else {
            region1 = regionStart(from: 0)
        }
        region2 = regionStart(from: region1)
    }

    func startsWith(_ prefix: StaticString) -> Bool {
        let bytes = prefix.utf8Start
        for index in 0..<prefix.utf8CodeUnitCount where letters[index] != bytes[index] { return false }
        return true
    }

    /// Possessive apostrophes: 's' 's '.
    mutating func step0() {
        if ends("'s'") {
            count -= 3
        } else if ends("'s") {
            count -= 2
        } else if ends("'") {
            count -= 1
        }
    }

    /// Plurals: sses, ied/ies, s.
    mutating func step1a() {
        guard count > 0, letter(count - 1) == UInt8(ascii: "s") || letter(count - 1) == UInt8(ascii: "d") else {
            return
        }
        if ends("sses") {
            count -= 2
        } else if ends("ied") || ends("ies") {
            // "ties" → "tie" but "cries" → "cri".
            count -= count > 4 ? 2 : 1
        } else if ends("us") || ends("ss") {
            return
        } else if ends("s") {
            if hasVowel(before: count - 2) { count -= 1 }
        }
    }

    /// Past tenses and gerunds: eed(ly), ed(ly), ing(ly).
    mutating func step1b() {
        let suffix: Int
        if ends("eedly") {
            if count - 5 >= region1 {
                count -= 3
            }
            return
        } else if ends("eed") {
            if count - 3 >= region1 {
                count -= 1
            }
            return
        } else if ends("ingly") {
            suffix = 5
        } else if ends("edly") {
            suffix = 4
        } else if ends("ing") {
            suffix = 3
        } else if ends("ed") {
            suffix = 2
        } else {
            return
        }
        guard hasVowel(before: count - suffix) else { return }
        count -= suffix
        if ends("at") || ends("bl") || ends("iz") {
            append("e")
        } else if count >= 2 && letter(count - 1) == letter(count - 2) && Self.isDoublable(letter(count - 1)) {
            // "hopp" → "hop", but "add", "egg", "err", "off" keep their double (a later revision).
            let first = letter(0)
            if count != 3 || (first != UInt8(ascii: "a") && first != UInt8(ascii: "e") && first != UInt8(ascii: "o")) {
                count -= 1
            }
        } else if suffix == 3 && count == 2 && !vowel(at: 0) && letter(1) == UInt8(ascii: "y") {
            // "vying" → "vie", "hying" → "hie": the rule behind the dying/lying/tying exceptions.
            letters[1] = UInt8(ascii: "i")
            append("e")
        } else if isShort {
            append("e")
        }
    }

    /// The doubles that step 1b undoes: bb dd ff gg mm nn pp rr tt.
    static func isDoublable(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
            UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default: return false
        }
    }

    /// Final y after a consonant becomes i ("cry" → "cri"; "say", "by" stay).
    mutating func step1c() {
        guard count >= 3 else { return }
        let last = letter(count - 1)
        guard last == UInt8(ascii: "y") || last == UInt8(ascii: "Y") else { return }
        if !vowel(at: count - 2) { letters[count - 1] = UInt8(ascii: "i") }
    }

    /// Letters that may precede a deletable "li": c d e g h k m n r t.
    static func isValidLiEnding(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
            UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default: return false
        }
    }

    /// Derivational suffixes in R1 mapped to simpler ones ("-ization" → "-ize").
    mutating func step2() {
        guard count >= 3 else { return }
        switch letter(count - 1) {
        case UInt8(ascii: "l"):
            if ends("ational") {
                replaceInRegion1(7, "ate")
            } else if ends("tional") {
                replaceInRegion1(6, "tion")
            }
        case UInt8(ascii: "i"):
            step2EndingInI()
        case UInt8(ascii: "r"):
            if ends("izer") {
                replaceInRegion1(4, "ize")
            } else if ends("ator") {
                replaceInRegion1(4, "ate")
            }
        case UInt8(ascii: "n"):
            if ends("ization") {
                replaceInRegion1(7, "ize")
            } else if ends("ation") {
                replaceInRegion1(5, "ate")
            }
        case UInt8(ascii: "m"):
            if ends("alism") { replaceInRegion1(5, "al") }
        case UInt8(ascii: "s"):
            if ends("fulness") {
                replaceInRegion1(7, "ful")
            } else if ends("ousness") {
                replaceInRegion1(7, "ous")
            } else if ends("iveness") {
                replaceInRegion1(7, "ive")
            }
        default: break
        }
    }

    mutating func step2EndingInI() {
        if ends("lessli") {
            replaceInRegion1(6, "less")
        } else if ends("biliti") {
            replaceInRegion1(6, "ble")
        } else if ends("fulli") {
            replaceInRegion1(5, "ful")
        } else if ends("ousli") {
            replaceInRegion1(5, "ous")
        } else if ends("entli") {
            replaceInRegion1(5, "ent")
        } else if ends("aliti") {
            replaceInRegion1(5, "al")
        } else if ends("iviti") {
            replaceInRegion1(5, "ive")
        } else if ends("abli") {
            replaceInRegion1(4, "able")
        } else if ends("alli") {
            replaceInRegion1(4, "al")
        } else if ends("enci") {
            replaceInRegion1(4, "ence")
        } else if ends("anci") {
            replaceInRegion1(4, "ance")
        } else if ends("bli") {
            replaceInRegion1(3, "ble")
        } else if ends("ogi") {
            if count - 3 >= region1 && count >= 4 && letter(count - 4) == UInt8(ascii: "l") { count -= 1 }
        } else if ends("li") {
            if count - 2 >= region1 && Self.isValidLiEnding(letter(count - 3)) { count -= 2 }
        }
    }

    /// More derivational suffixes in R1 ("-ical" → "-ic", "-ness" dropped).
    mutating func step3() {
        guard count >= 3 else { return }
        switch letter(count - 1) {
        case UInt8(ascii: "l"):
            if ends("ational") {
                replaceInRegion1(7, "ate")
            } else if ends("tional") {
                replaceInRegion1(6, "tion")
            } else if ends("ical") {
                replaceInRegion1(4, "ic")
            } else if ends("ful") {
                replaceInRegion1(3, "")
            }
        case UInt8(ascii: "e"):
            if ends("alize") {
                replaceInRegion1(5, "al")
            } else if ends("icate") {
                replaceInRegion1(5, "ic")
            } else if ends("ative") {
                deleteInRegion2(5)
            }
        case UInt8(ascii: "i"):
            if ends("iciti") { replaceInRegion1(5, "ic") }
        case UInt8(ascii: "s"):
            if ends("ness") { replaceInRegion1(4, "") }
        default: break
        }
    }

    /// Suffixes in R2 dropped outright ("-ment", "-ism", "-ion" after s or t).
    mutating func step4() {
        guard count >= 3 else { return }
        switch letter(count - 1) {
        case UInt8(ascii: "l"):
            if ends("al") { deleteInRegion2(2) }
        case UInt8(ascii: "e"):
            if ends("ance") || ends("ence") || ends("able") || ends("ible") {
                deleteInRegion2(4)
            } else if ends("ate") || ends("ive") || ends("ize") {
                deleteInRegion2(3)
            }
        case UInt8(ascii: "r"):
            if ends("er") { deleteInRegion2(2) }
        case UInt8(ascii: "c"):
            if ends("ic") { deleteInRegion2(2) }
        case UInt8(ascii: "t"):
            if ends("ement") {
                deleteInRegion2(5)
            } else if ends("ment") {
                deleteInRegion2(4)
            } else if ends("ent") || ends("ant") {
                deleteInRegion2(3)
            }
        case UInt8(ascii: "m"):
            if ends("ism") { deleteInRegion2(3) }
        case UInt8(ascii: "i"):
            if ends("iti") { deleteInRegion2(3) }
        case UInt8(ascii: "s"):
            if ends("ous") { deleteInRegion2(3) }
        case UInt8(ascii: "n"):
            if ends("ion") && count >= 4
                && (letter(count - 4) == UInt8(ascii: "s") || letter(count - 4) == UInt8(ascii: "t"))
            {
                deleteInRegion2(3)
            }
        default: break
        }
    }

    /// A final e (in R2, or in R1 after a long syllable) and the second l of a final ll in R2.
    mutating func step5() {
        guard count >= 2 else { return }
        let last = letter(count - 1)
        if last == UInt8(ascii: "e") {
            if count - 1 >= region2 || (count - 1 >= region1 && !shortSyllable(endingAt: count - 1)) { count -= 1 }
        } else if last == UInt8(ascii: "l") {
            if count - 1 >= region2 && letter(count - 2) == UInt8(ascii: "l") { count -= 1 }
        }
    }
}
