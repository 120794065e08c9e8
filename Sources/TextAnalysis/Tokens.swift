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
        while start > utf8.startIndex, UTF8.isContinuation(utf8[start]) { start = utf8.index(before: start) }
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

    public init(kind: Kind, text: String, range: TextRange) {
        self.kind = kind
        self.text = text
        self.range = range
    }

    /// Starts with an upper-case letter (of any script).
    public var isCapitalized: Bool { text.unicodeScalars.first?.properties.isUppercase ?? false }

    /// Every letter upper case and at least two of them ("SDF", "NATO", "U.S.").
    public var isAllCaps: Bool {
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            guard scalar.properties.isUppercase else { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Lower-cased text, the form word lists and stemmers take.
    public var lowercased: String { text.lowercased() }
}

/// Splits text into tokens in one pass over its UTF-8 bytes. Words keep inner apostrophes,
/// hyphens and single periods between letters ("U.S.", "Lt.-Gen." as "Lt", ".", "-", "Gen"
/// aside); numbers keep inner commas, periods, colons and slashes between digits ("1,200",
/// "0.5", "03:30"). Everything else is a quote or a punctuation token; spaces separate.
public enum Tokenizer {
    public static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var position = 0
            func scalarLength(_ lead: UInt8) -> Int {
                lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            }
            func scalar(at offset: Int) -> Unicode.Scalar? {
                guard offset < count else { return nil }
                let lead = bytes[offset]
                if lead < 0x80 { return Unicode.Scalar(lead) }
                let length = scalarLength(lead)
                guard offset + length <= count else { return nil }
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
                return Unicode.Scalar(value)
            }
            func isLetter(_ scalar: Unicode.Scalar?) -> Bool {
                guard let scalar else { return false }
                if scalar.value < 0x80 {
                    let byte = UInt8(scalar.value) | 0x20
                    return byte >= 0x61 && byte <= 0x7A
                }
                return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
            }
            func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
                guard let scalar else { return false }
                return scalar.value >= 0x30 && scalar.value <= 0x39
            }
            func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "’" }
            func isQuote(_ scalar: Unicode.Scalar) -> Bool {
                "\"“”„«»‘’‹›".unicodeScalars.contains(scalar)
            }
            func emit(_ kind: Token.Kind, _ start: Int, _ end: Int) {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
                tokens.append(
                    Token(kind: kind, text: String(decoding: slice, as: UTF8.self), range: TextRange(start, end)))
            }
            while position < count {
                guard let current = scalar(at: position) else {
                    position += 1
                    continue
                }
                let length = scalarLength(bytes[position])
                if current.properties.isWhitespace {
                    position += length
                    continue
                }
                let start = position
                if isLetter(current) || (isDigit(current) && isLetter(scalar(at: position + 1))) {
                    // A word: letters and digits, joined by single apostrophes, hyphens or periods
                    // with a letter or digit on each side ("al-Zor", "don't", "U.S", "F-16").
                    position += length
                    while position < count, let next = scalar(at: position) {
                        let nextLength = scalarLength(bytes[position])
                        if isLetter(next) || isDigit(next) {
                            position += nextLength
                        } else if next == "-" || next == "." || isApostrophe(next) || next == "‑",
                            let after = scalar(at: position + nextLength), isLetter(after) || isDigit(after)
                        {
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
                    }
                    emit(.word, start, position)
                } else if isDigit(current) {
                    position += 1
                    while position < count, let next = scalar(at: position) {
                        if isDigit(next) {
                            position += 1
                        } else if next == "," || next == "." || next == ":" || next == "/",
                            isDigit(scalar(at: position + 1))
                        {
                            position += 1
                        } else {
                            break
                        }
                    }
                    emit(.number, start, position)
                } else if isQuote(current) || current == "'" {
                    position += length
                    emit(.quote, start, position)
                } else {
                    position += length
                    emit(.punctuation, start, position)
                }
            }
        }
        return tokens
    }
}
