/// A stretch of an analysed text as UTF-8 byte offsets. Every analysis reports its findings this
/// way, so that results from separate passes (a quantity, the entity beside it, the sentence
/// holding both) line up, and so that they can be stored and shown without the text's indices.
public struct TextRange: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var lowerBound: Int
    public var upperBound: Int

    public init(_ lowerBound: Int, _ upperBound: Int) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    public var count: Int { upperBound - lowerBound }
    public var isEmpty: Bool { upperBound <= lowerBound }

    public func contains(_ other: TextRange) -> Bool {
        lowerBound <= other.lowerBound && other.upperBound <= upperBound
    }

    public func overlaps(_ other: TextRange) -> Bool {
        lowerBound < other.upperBound && other.lowerBound < upperBound
    }

    /// This range moved by `offset` bytes: a sentence's findings placed in its article.
    public func shifted(by offset: Int) -> TextRange { TextRange(lowerBound + offset, upperBound + offset) }

    public static func < (a: TextRange, b: TextRange) -> Bool {
        (a.lowerBound, a.upperBound) < (b.lowerBound, b.upperBound)
    }

    public var description: String { "\(lowerBound)..<\(upperBound)" }
}

extension String {
    /// The text of `range` (UTF-8 offsets into this string); a range that cuts a character
    /// is widened to whole characters, one out of bounds is clamped.
    public func slice(_ range: TextRange) -> String {
        let utf8 = self.utf8
        let low = Swift.max(0, Swift.min(range.lowerBound, utf8.count))
        let high = Swift.max(low, Swift.min(range.upperBound, utf8.count))
        var start = utf8.index(utf8.startIndex, offsetBy: low)
        var end = utf8.index(utf8.startIndex, offsetBy: high)
        while start > utf8.startIndex, start < utf8.endIndex, UTF8.isContinuation(utf8[start]) {
            start = utf8.index(before: start)
        }
        while end < utf8.endIndex, UTF8.isContinuation(utf8[end]) { end = utf8.index(after: end) }
        return String(self[start..<end])
    }
}

/// One token of a sentence: a word, a number, or a mark.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Letters, with inner apostrophes, hyphens and periods ("U.S.", "al-Zor", "don't").
        case word
        /// Digits with inner separators ("1,200", "3.5", "03:30", "24/7"); a leading sign is
        /// not part of it.
        case number
        /// Quotation marks of any script: `"` `“` `”` `„` `«` `»` `‘` `’` and `'` at a word's edge.
        case quote
        /// Any other mark: `. , ; : ! ? ( ) -` dashes, `%`, currency signs.
        case punctuation
    }

    public var kind: Kind
    /// The token as written.
    public var text: String
    /// Where it sits, in UTF-8 bytes from the start of the tokenized text.
    public var range: TextRange

    /// Lower-cased text, the form word lists and stemmers take (made once, by the tokenizer).
    public var lowercased: String

    public init(kind: Kind, text: String, range: TextRange, lowercased: String? = nil) {
        self.kind = kind
        self.text = text
        self.range = range
        self.lowercased = lowercased ?? text.lowercased()
    }

    /// Starts with an upper-case letter (of any script).
    public var isCapitalized: Bool {
        guard let first = text.utf8.first else { return false }
        if first < 0x80 { return first &- 0x41 < 26 }
        return text.unicodeScalars.first?.properties.isUppercase ?? false
    }

    /// Every letter upper case and at least two of them ("SDF", "NATO", "U.S.").
    public var isAllCaps: Bool {
        // Lower-cased text equal to the text: no upper-case letter at all.
        if text == lowercased { return false }
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            guard scalar.properties.isUppercase else { return false }
            letters += 1
        }
        return letters >= 2
    }
}

/// Splits text into tokens in one pass over its UTF-8 bytes. Words keep inner apostrophes,
/// hyphens and single periods between letters ("U.S.", "Lt.-Gen." as "Lt", ".", "-", "Gen"
/// aside); numbers keep inner commas, periods, colons and slashes between digits ("1,200",
/// "0.5", "03:30"). Everything else is a quote or a punctuation token; spaces separate.
///
/// It runs on every sentence of every article, so ASCII bytes are classified by a table and
/// only other characters are decoded and asked for their Unicode properties.
public enum Tokenizer {
    /// ASCII byte classes.
    private static let letter: UInt8 = 1
    private static let digit: UInt8 = 2
    private static let space: UInt8 = 3
    private static let joiner: UInt8 = 4  // - . ' inside words
    private static let quote: UInt8 = 5  // "
    private static let mark: UInt8 = 6

    private static let asciiClass: [UInt8] = (0..<128).map { value -> UInt8 in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: return space
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "'"): return joiner
        case UInt8(ascii: "\""): return quote
        default: return mark
        }
    }

    public static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var text = text
        text.withUTF8 { bytes in
            tokens.reserveCapacity(bytes.count / 5)
            forEachToken(inUTF8: bytes) { kind, start, end in
                tokens.append(token(kind, bytes, start, end))
            }
        }
        return tokens
    }

    /// Calls `body(kind, start, end)` for each token of `bytes` (UTF-8), with the same
    /// boundaries as `tokens(of:)` but no `Token` and no `String` made: for passes over millions
    /// of sentences that only hash or count the words (similarity terms, for one).
    public static func forEachToken(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (_ kind: Token.Kind, _ start: Int, _ end: Int) -> Void
    ) {
        asciiClass.withUnsafeBufferPointer { table in scan(bytes, table, body) }
    }

    /// The token of `bytes[start..<end]`, lower-cased once: ASCII byte by byte, others through
    /// Unicode's rules.
    private static func token(_ kind: Token.Kind, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        -> Token
    {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let text = String(decoding: slice, as: UTF8.self)
        var ascii = true
        var hasUpper = false
        for byte in slice {
            if byte >= 0x80 { ascii = false }
            if byte &- 0x41 < 26 { hasUpper = true }
        }
        let lower: String
        if !hasUpper && ascii {
            lower = text
        } else if ascii {
            lower = String(unsafeUninitializedCapacity: slice.count) { buffer in
                for (index, byte) in slice.enumerated() { buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte }
                return slice.count
            }
        } else {
            lower = text.lowercased()
        }
        return Token(kind: kind, text: text, range: TextRange(start, end), lowercased: lower)
    }

    @inline(__always)
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Unicode.Scalar? {
        guard offset < bytes.count else { return nil }
        let lead = bytes[offset]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        let length = scalarLength(lead)
        guard length > 1, offset + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// What the character at `offset` is, in the table's classes (non-ASCII decoded).
    @inline(__always)
    private static func kind(
        _ bytes: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<UInt8>, at offset: Int
    ) -> UInt8 {
        guard offset < bytes.count else { return 0 }
        let byte = bytes[offset]
        if byte < 0x80 { return table[Int(byte)] }
        guard let scalar = scalar(bytes, at: offset) else { return mark }
        switch scalar {
        case "’": return joiner
        case "‑": return joiner
        case "“", "”", "„", "«", "»", "‘", "‹", "›": return quote
        default: break
        }
        // Cyrillic letters, most of the non-ASCII text in the corpora, without a property lookup
        // (U+0482-U+0489 are signs and marks: asked below).
        let value = scalar.value
        if (0x400...0x481).contains(value) || (0x48A...0x52F).contains(value) { return letter }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.generalCategory == .nonspacingMark { return letter }
        if properties.isWhitespace { return space }
        return mark
    }

    @inline(__always)
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<UInt8>,
        _ emit: (Token.Kind, Int, Int) -> Void
    ) {
        let count = bytes.count
        var position = 0
        while position < count {
            let byte = bytes[position]
            let current = kind(bytes, table, at: position)
            let length = scalarLength(byte)
            if current == space {
                position += length
                continue
            }
            let start = position
            if current == letter || (current == digit && kind(bytes, table, at: position + 1) == letter) {
                // A word: letters and digits, joined by single apostrophes, hyphens or periods
                // with a letter or digit on each side ("al-Zor", "don't", "U.S", "F-16").
                position += length
                while position < count {
                    let next = kind(bytes, table, at: position)
                    let nextLength = scalarLength(bytes[position])
                    if next == letter || next == digit {
                        position += nextLength
                    } else if next == joiner {
                        let after = kind(bytes, table, at: position + nextLength)
                        guard after == letter || after == digit else { break }
                        position += nextLength
                    } else {
                        break
                    }
                }
                // "U.S." keeps its final period when the word is a run of single letters
                // and periods: an abbreviation, not a sentence end.
                if position < count, bytes[position] == UInt8(ascii: "."), start + 1 < position,
                    bytes[position - 2] == UInt8(ascii: ".")
                {
                    position += 1
                    // "U.S.-led" is one word.
                    if position + 1 < count, bytes[position] == UInt8(ascii: "-"),
                        kind(bytes, table, at: position + 1) == letter
                    {
                        position += 1
                        while position < count {
                            let next = kind(bytes, table, at: position)
                            guard next == letter || bytes[position] == UInt8(ascii: "-") else { break }
                            position += scalarLength(bytes[position])
                        }
                    }
                }
                emit(.word, start, position)
            } else if current == digit
                // ".20 parts per million": a decimal written without its leading zero.
                || (byte == UInt8(ascii: ".") && position + 1 < count && bytes[position + 1] &- 0x30 < 10
                    && (position == 0 || kind(bytes, table, at: position - 1) == space))
            {
                position += 1
                while position < count {
                    let next = bytes[position]
                    if next &- 0x30 < 10 {
                        position += 1
                    } else if next == UInt8(ascii: ",") || next == UInt8(ascii: ".") || next == UInt8(ascii: ":")
                        || next == UInt8(ascii: "/"), position + 1 < count, bytes[position + 1] &- 0x30 < 10
                    {
                        position += 1
                    } else {
                        break
                    }
                }
                emit(.number, start, position)
            } else if current == quote || byte == UInt8(ascii: "'")
                || (byte >= 0x80 && scalar(bytes, at: position) == "’")
            {
                position += length
                emit(.quote, start, position)
            } else {
                position += length
                emit(.punctuation, start, position)
            }
        }
    }
}

/// A set of words for `contains` on hot paths, kept as one set per script. A Swift `Set<String>`
/// compares the probed word with every key on its probe chain, and comparing a Latin word with a
/// Cyrillic key takes String's normalizing slow path; split by script, a word only ever meets
/// keys of its own script.
public struct ScriptWordSet: Sendable, ExpressibleByArrayLiteral {
    private let latin: Set<String>
    private let other: Set<String>

    public init(_ words: some Sequence<String>) {
        var latin = Set<String>()
        var other = Set<String>()
        for word in words {
            // Rebuilt from bytes so that ASCII keys carry String's ASCII mark (fast compares).
            let key = String(decoding: Array(word.utf8), as: UTF8.self)
            if Self.isLatin(key) { latin.insert(key) } else { other.insert(key) }
        }
        self.latin = latin
        self.other = other
    }

    public init(arrayLiteral words: String...) { self.init(words) }

    @inline(__always) public static func isLatin(_ word: String) -> Bool { (word.utf8.first ?? 0) < 0x80 }

    @inline(__always) public func contains(_ word: String) -> Bool {
        Self.isLatin(word) ? latin.contains(word) : other.contains(word)
    }
}
