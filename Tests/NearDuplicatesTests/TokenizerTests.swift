import Testing

@testable import NearDuplicates

/// The tokenizer must split exactly as the peer's `re.findall(r'\w+', text.lower())` does; every
/// expected list below is what Python 3.11 printed for the input.
struct TokenizerTests {
    @Test(
        arguments: [
            ("The quick brown fox", ["the", "quick", "brown", "fox"]),
            (
                "Hello, World! It's 2017-09-17; 6 vs. 8 wounded.",
                ["hello", "world", "it", "s", "2017", "09", "17", "6", "vs", "8", "wounded"]
            ),
            ("snake_case __init__ _a_ b__c", ["snake_case", "__init__", "_a_", "b__c"]),
            ("MiXeD CaSe ABC def", ["mixed", "case", "abc", "def"]),
            ("digits 123 4.5 1,200 3.5% 0x1F", ["digits", "123", "4", "5", "1", "200", "3", "5", "0x1f"]),
            (
                "Минобороны России: удары наносились только по ИГ",
                ["минобороны", "россии", "удары", "наносились", "только", "по", "иг"]
            ),
            ("Ёлка ЁЖ ёж — «Интерфакс»", ["ёлка", "ёж", "ёж", "интерфакс"]),
            (
                "U.S.-led coalition (Reuters) -- \"quoted\" [sic] {x}",
                ["u", "s", "led", "coalition", "reuters", "quoted", "sic", "x"]
            ),
            ("tab\tnew\nline\r\nend", ["tab", "new", "line", "end"]),
            ("don’t “smart” quotes…", ["don", "t", "smart", "quotes"]),
            ("", []),
            ("   ...   ", []),
        ] as [(String, [String])])
    func splitsLikePythonWordRegex(text: String, expected: [String]) {
        #expect(WordTokenizer().tokens(in: text) == expected)
    }

    /// The corners of Python's semantics: full lowercase mappings, final sigma, marks that are not
    /// word characters, numerics that are.
    @Test(
        arguments: [
            // U+0130 lowercases to "i" + U+0307, a combining mark, which is not \w: two words.
            ("\u{130}stanbul", ["i", "stanbul"]),
            // Capital sigma at the end of a word becomes final sigma; inside a word, or alone, not.
            ("ΟΔΥΣΣΕΥΣ ΣΑΣ Σ", ["οδυσσευς", "σας", "σ"]),
            // Case-ignorable apostrophes are looked past both ways when deciding.
            ("Σ'Α ΑΣ'", ["σ", "α", "ας"]),
            ("café naïve résumé", ["café", "naïve", "résumé"]),
            // A decomposed accent is a mark: it splits the word.
            ("cafe\u{301}", ["cafe"]),
            ("½ Ⅻ ٣ ² x²", ["½", "ⅻ", "٣", "²", "x²"]),
            ("東京 北京市 ソウル", ["東京", "北京市", "ソウル"]),
            ("emoji 😀 mid😀dle", ["emoji", "mid", "dle"]),
            ("ǅemal ß ẞ ﬁ", ["ǆemal", "ß", "ß", "ﬁ"]),
        ] as [(String, [String])])
    func followsPythonUnicodeCorners(text: String, expected: [String]) {
        #expect(WordTokenizer().tokens(in: text) == expected)
    }

    /// Bytes that are not UTF-8 separate words, like punctuation.
    @Test(
        arguments: [
            ([0x61, 0x62, 0xFF, 0x63], ["ab", "c"]),
            ([0x61, 0xC3], ["a"]),  // truncated two-byte sequence
            ([0x61, 0xE0, 0x80, 0x80, 0x62], ["a", "b"]),  // overlong encoding
            ([0x61, 0xED, 0xA0, 0x80, 0x62], ["a", "b"]),  // encoded surrogate
            ([0xD0, 0x9F, 0xD0, 0xB8], ["пи"]),
        ] as [([UInt8], [String])])
    func invalidUTF8SeparatesWords(bytes: [UInt8], expected: [String]) {
        let words = bytes.withUnsafeBufferPointer { WordTokenizer().tokens(inUTF8: $0) }
        #expect(words == expected)
    }

    /// Every scalar of the lookup tables agrees with the Unicode properties they are built from.
    @Test func lookupTablesAgreeWithUnicodeProperties() {
        for value in Array(UInt32(0x80)..<0x800) + Array(UInt32(0x2000)..<0x2200) {
            let scalar = Unicode.Scalar(value)!
            let text = "a" + String(scalar) + "b"
            let lower = Array(scalar.properties.lowercaseMapping.unicodeScalars)
            var expected: [String] = []
            var current = "a"
            for part in lower {
                if WordScanner.isWord(part) {
                    current.unicodeScalars.append(part)
                } else {
                    expected.append(current)
                    current = ""
                }
            }
            current += "b"
            expected.append(current)
            if value == 0x3A3 { expected = ["aσb"] }  // not final: a letter follows
            #expect(WordTokenizer().tokens(in: text) == expected, "U+\(String(value, radix: 16))")
        }
    }

    /// A shingle never spans parts without the space between them: parts read as one text.
    @Test func partsReadAsOneTextWithASpace() {
        let shingler = Shingler(size: 3)
        let joined = shingler.hashes(of: "Title words here" + " " + "and the body text")
        var title = "Title words here"
        var body = "and the body text"
        let parts = title.withUTF8 { title in body.withUTF8 { body in shingler.hashes(ofUTF8Parts: [title, body]) } }
        #expect(parts == joined)
        #expect(parts.count == 5)
    }
}
