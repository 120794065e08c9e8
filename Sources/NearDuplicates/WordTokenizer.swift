/// Splits text into lowercased words exactly as Python's `re.findall(r'\w+', text.lower())` does.
///
/// Why that definition: the peer benchmark and the reference implementations Corroborate is
/// compared with use it, and two word splitters that disagree on one character class produce
/// different shingles, so different signatures for the same text. Its semantics, spelled out:
///
/// - The text is lowercased first with the full Unicode mapping (`"İ"` becomes `"i̇"`, two scalars),
///   and capital sigma becomes final sigma `ς` at the end of a word (the contextual rule of
///   Python's `str.lower`, which looks past case-ignorable characters such as apostrophes).
/// - A word character is then a letter (categories Lu, Ll, Lt, Lm, Lo), a character with a
///   numeric type (decimal, digit or numeric: `5`, `٣`, `½`, `Ⅻ`), or `_`. Combining marks (Mn, Mc)
///   are *not* word characters, so they split words, as they do in Python: `"i̇"` gives `"i"`.
/// - A word is a maximal run of word characters.
///
/// The work is done on UTF-8 bytes, without making a `String`: ASCII eight bytes at a time (each
/// word's run is classified, lowercased and copied with a few word-wide operations), the scalars
/// U+0080...U+07FF (Latin supplements, Greek, Cyrillic, Armenian, Hebrew, Arabic) and
/// U+2000...U+21FF (quotation marks, dashes, number forms) through tables holding the UTF-8 bytes
/// of their lowercase form, so Russian text costs about what English does; other scalars ask the
/// standard library's Unicode properties. Invalid UTF-8 (only possible in byte input) separates
/// words, like a punctuation mark.
///
/// Checked against Python 3.11 (`corroborate-bench tokenize`): identical output on the 10k
/// benchmark corpus and on 120,000 random texts drawn from every character Unicode 14 assigns,
/// heavy in the corner cases above. Differences can only come from the Unicode version (Python
/// 3.11 has Unicode 14, the Swift runtime a newer one): characters assigned since, and the few
/// whose properties changed (U+0295 `ʕ` is no longer cased, which moves a final-sigma decision).
public struct WordTokenizer: Sendable {
    public init() {}

    /// The lowercased words of `text`, in order.
    public func tokens(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { tokens(inUTF8: $0) }
    }

    /// The lowercased words of UTF-8 `text`, in order.
    public func tokens(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [String] {
        var words: [String] = []
        var scratch = [UInt8](repeating: 0, count: WordScanner.scratchCapacity(forBytes: text.count))
        scratch.withUnsafeMutableBufferPointer { scratch in
            let base = scratch.baseAddress!
            WordScanner.scan(text, scratch: base) { length in
                words.append(String(decoding: UnsafeBufferPointer(start: base, count: length), as: UTF8.self))
            }
        }
        return words
    }
}

/// The byte-level scanner behind `WordTokenizer` and the shingler.
enum WordScanner {
    /// Lowercase of each ASCII byte that is a word character; 0 for the others.
    static let ascii: [UInt8] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt8(byte) | 0x20
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return UInt8(byte)
        default: return 0
        }
    }

    /// For each scalar U+0080...U+07FF: 0 when its lowercase form is not a word character;
    /// `complex` when it needs the slow path (several scalars, or the context-dependent capital
    /// sigma); otherwise the UTF-8 bytes of its lowercase form in the low 24 bits (first byte
    /// lowest) and their count in bits 24-25.
    static let twoByte: [UInt32] = (0x80..<0x800).map(entry)

    /// The same for U+2000...U+21FF: general punctuation (the quotation marks, dashes and
    /// ellipses of news copy), super- and subscripts, currency, letterlike symbols, number forms.
    static let punctuation: [UInt32] = (punctuationRange).map(entry)
    static let punctuationRange = 0x2000..<0x2200

    private static func entry(_ value: Int) -> UInt32 {
        let scalar = Unicode.Scalar(UInt32(value))!
        let lower = Array(scalar.properties.lowercaseMapping.unicodeScalars)
        guard value != capitalSigma, lower.count == 1 else { return complex }
        guard isWord(lower[0]) else { return 0 }
        var packed: UInt32 = 0
        var count: UInt32 = 0
        for byte in String(lower[0]).utf8 {
            packed |= UInt32(byte) << (8 * count)
            count += 1
        }
        return packed | count << 24
    }

    static let complex: UInt32 = 1 << 31
    static let capitalSigma = 0x3A3

    /// Scratch bytes `scan` needs for `count` input bytes: a lowercase form is at most 1.5 times
    /// as long as its scalar (U+0130, two bytes, becomes three), plus slack for word-wide reads.
    static func scratchCapacity(forBytes count: Int) -> Int { 2 * count + 16 }

    /// A word character by Python's definition (applied to an already lowercased scalar).
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return ascii[Int(scalar.value)] != 0 }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return scalar.properties.numericType != nil
        }
    }

    /// Calls `word(length)` for each word of `text`, its lowercased UTF-8 bytes in
    /// `scratch[0..<length]`. `scratch` holds `scratchCapacity(forBytes: text.count)` initialized
    /// bytes, so the bytes after a word can be read as slack.
    @inline(__always)
    static func scan(
        _ text: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutablePointer<UInt8>, _ word: (Int) -> Void
    ) {
        guard let bytes = text.baseAddress else { return }
        ascii.withUnsafeBufferPointer { asciiTable in
            twoByte.withUnsafeBufferPointer { twoByteTable in
                punctuation.withUnsafeBufferPointer { punctuationTable in
                    let asciiTable = asciiTable.baseAddress!
                    let twoByteTable = twoByteTable.baseAddress!
                    let punctuationTable = punctuationTable.baseAddress!
                    let count = text.count
                    var length = 0
                    var index = 0
                    while index < count {
                        // Eight bytes at a time while eight remain: a word's ASCII run is copied
                        // lowercased in one store, and separators are skipped in one step, so the
                        // branches follow words, not bytes.
                        if count &- index >= 8 {
                            let chunk = UInt64(
                                littleEndian: UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
                            let (wordBytes, lowered) = classify(chunk)
                            let nonASCII = chunk & highBits
                            if length == 0 {
                                let skip = (wordBytes | nonASCII).trailingZeroBitCount &>> 3
                                index &+= skip
                                if skip > 0 { continue }
                            }
                            let run = (~wordBytes & highBits).trailingZeroBitCount &>> 3
                            if run > 0 {
                                UnsafeMutableRawPointer(scratch + length).storeBytes(
                                    of: lowered.littleEndian, as: UInt64.self)
                                length &+= run
                                index &+= run
                                if run == 8 { continue }
                            }
                            // The byte at `index` ends the ASCII run: a separator ends the word.
                            if (nonASCII &>> UInt64(run &* 8)) & 0x80 == 0 {
                                if length > 0 {
                                    word(length)
                                    length = 0
                                }
                                index &+= 1
                                continue
                            }
                        }
                        let byte = bytes[index]
                        if byte < 0x80 {
                            let lower = asciiTable[Int(byte)]
                            if lower != 0 {
                                scratch[length] = lower
                                length &+= 1
                            } else if length > 0 {
                                word(length)
                                length = 0
                            }
                            index &+= 1
                            continue
                        }
                        let (value, width) = decode(bytes, index, count, lead: byte)
                        let table: UnsafePointer<UInt32>?
                        if value < 0x800 {
                            table = twoByteTable + (Int(value) &- 0x80)
                        } else if punctuationRange.contains(Int(value)) {
                            table = punctuationTable + (Int(value) &- punctuationRange.lowerBound)
                        } else {
                            table = nil
                        }
                        if let table {
                            let entry = table.pointee
                            if entry != 0 && entry != complex {
                                UnsafeMutableRawPointer(scratch + length).storeBytes(
                                    of: entry.littleEndian, as: UInt32.self)
                                length &+= Int(entry >> 24)
                                index &+= width
                                continue
                            }
                            if entry == 0 {
                                if length > 0 {
                                    word(length)
                                    length = 0
                                }
                                index &+= width
                                continue
                            }
                        }
                        // Slow path: a scalar beyond U+07FF, a complex one, or invalid UTF-8. Most
                        // of these (CJK, quotation marks, dashes) have no lowercase form to look up.
                        if let scalar = Unicode.Scalar(value), value != capitalSigma,
                            !scalar.properties.changesWhenLowercased
                        {
                            if isWord(scalar) {
                                UnsafeMutableRawPointer(scratch + length).copyMemory(
                                    from: bytes + index, byteCount: width)
                                length &+= width
                            } else if length > 0 {
                                word(length)
                                length = 0
                            }
                            index &+= width
                            continue
                        }
                        for scalar in lowercase(value, width: width, in: text, at: index) {
                            if let scalar, isWord(scalar) {
                                for unit in String(scalar).utf8 {
                                    scratch[length] = unit
                                    length &+= 1
                                }
                            } else if length > 0 {
                                word(length)
                                length = 0
                            }
                        }
                        index &+= width
                    }
                    if length > 0 { word(length) }
                }
            }
        }
    }

    static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Classifies eight bytes at once (SWAR): 0x80 in `wordBytes` at each ASCII word byte
    /// (letter, digit, underscore), and the bytes with ASCII capitals lowercased. Bytes of 0x80
    /// and above are never word bytes here; `scan` sends them to the scalar path.
    @inline(__always)
    static func classify(_ chunk: UInt64) -> (wordBytes: UInt64, lowered: UInt64) {
        let low7 = chunk & ~highBits
        // Adding 0x80 − bound sets a byte's high bit exactly when the byte is >= bound; seven-bit
        // bytes never carry into their neighbour.
        @inline(__always) func atLeast(_ value: UInt64, _ bound: UInt64) -> UInt64 {
            (value &+ (0x80 &- bound) &* ones) & highBits
        }
        let folded = low7 | 0x20 &* ones
        let letters = atLeast(folded, 0x61) & ~atLeast(folded, 0x7B)
        let digits = atLeast(low7, 0x30) & ~atLeast(low7, 0x3A)
        let difference = low7 ^ 0x5F &* ones
        let underscores = ~((difference &+ 0x7F &* ones) | difference) & highBits
        let wordBytes = (letters | digits | underscores) & ~(chunk & highBits)
        return (wordBytes, chunk | (letters & wordBytes) &>> 2)
    }

    /// The scalar at `index` (whose first byte is `lead`, at least 0x80) and its width in bytes;
    /// value `UInt32.max` and width 1 for a byte that does not start valid UTF-8.
    @inline(__always)
    static func decode(
        _ bytes: UnsafePointer<UInt8>, _ index: Int, _ count: Int, lead: UInt8
    ) -> (UInt32, Int) {
        let invalid: (UInt32, Int) = (UInt32.max, 1)
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < count else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        switch lead {
        case 0xC2...0xDF:
            guard let c1 = continuation(1) else { return invalid }
            return (UInt32(lead & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            guard let c1 = continuation(1), let c2 = continuation(2) else { return invalid }
            let value = UInt32(lead & 0x0F) << 12 | c1 << 6 | c2
            guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return invalid }
            return (value, 3)
        case 0xF0...0xF4:
            guard let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3) else {
                return invalid
            }
            let value = UInt32(lead & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            guard value >= 0x10000, value <= 0x10FFFF else { return invalid }
            return (value, 4)
        default:
            return invalid
        }
    }

    /// The lowercase form of the scalar `value` at `index` of `text`, as Python's `str.lower`
    /// gives it; `[nil]` for invalid UTF-8.
    static func lowercase(
        _ value: UInt32, width: Int, in text: UnsafeBufferPointer<UInt8>, at index: Int
    ) -> [Unicode.Scalar?] {
        guard let scalar = Unicode.Scalar(value) else { return [nil] }
        if value == capitalSigma {
            return [isFinalSigma(in: text, at: index, width: width) ? "\u{3C2}" : "\u{3C3}"]
        }
        guard scalar.properties.changesWhenLowercased else { return [scalar] }
        return scalar.properties.lowercaseMapping.unicodeScalars.map { $0 }
    }

    /// Python's final-sigma rule: a capital sigma lowercases to `ς` when a cased letter precedes
    /// it and none follows it, skipping case-ignorable characters (apostrophes, marks) both ways.
    static func isFinalSigma(in text: UnsafeBufferPointer<UInt8>, at index: Int, width: Int) -> Bool {
        guard let bytes = text.baseAddress else { return false }
        var before = index
        var casedBefore = false
        while before > 0 {
            var start = before - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let scalar = scalar(bytes, start, before)
            before = start
            if let scalar, scalar.properties.isCaseIgnorable { continue }
            casedBefore = scalar?.properties.isCased ?? false
            break
        }
        guard casedBefore else { return false }
        var after = index + width
        while after < text.count {
            let lead = bytes[after]
            let (value, size) = lead < 0x80 ? (UInt32(lead), 1) : decode(bytes, after, text.count, lead: lead)
            after += size
            let scalar = Unicode.Scalar(value)
            if let scalar, scalar.properties.isCaseIgnorable { continue }
            return !(scalar?.properties.isCased ?? false)
        }
        return true
    }

    /// The scalar whose UTF-8 bytes are exactly `bytes[start..<end]`, if they are valid.
    private static func scalar(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Unicode.Scalar? {
        let lead = bytes[start]
        if lead < 0x80 { return end == start + 1 ? Unicode.Scalar(lead) : nil }
        let (value, width) = decode(bytes, start, end, lead: lead)
        return width == end - start ? Unicode.Scalar(value) : nil
    }
}
