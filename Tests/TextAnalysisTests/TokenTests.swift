import Testing

@testable import TextAnalysis

@Suite struct TokenTests {
    @Test(arguments: [
        ("U.S.-led coalition", ["U.S.-led", "coalition"]),
        ("Deir al-Zor, 8 fighters", ["Deir", "al-Zor", ",", "8", "fighters"]),
        ("more than 1,200 people at 03:30.", ["more", "than", "1,200", "people", "at", "03:30", "."]),
        ("\u{201C}We did not,\u{201D} he said", ["\u{201C}", "We", "did", "not", ",", "\u{201D}", "he", "said"]),
        ("Maj. Gen. Igor Konashenkov's", ["Maj", ".", "Gen", ".", "Igor", "Konashenkov's"]),
        ("F-16 jets, 12.5% up", ["F-16", "jets", ",", "12.5", "%", "up"]),
        ("ozone at .20 parts, U.S. .5", ["ozone", "at", ".20", "parts", ",", "U.S.", ".5"]),
        ("Минобороны России «не наносило»", ["Минобороны", "России", "«", "не", "наносило", "»"]),
    ])
    func tokens(text: String, expected: [String]) {
        let tokens = Tokenizer.tokens(of: text)
        #expect(tokens.map(\.text) == expected)
        for token in tokens { #expect(text.slice(token.range) == token.text) }
    }

    @Test func kindsAndCase() {
        let tokens = Tokenizer.tokens(of: "The SDF said 6.")
        #expect(tokens.map(\.kind) == [.word, .word, .word, .number, .punctuation])
        #expect(tokens[1].isAllCaps && tokens[0].isCapitalized && !tokens[2].isCapitalized)
    }
}

@Suite struct SliceTests {
    @Test func slicesAtTheEdgesAndAcrossCharacters() {
        let text = "Дейр-эз-Зор"
        #expect(text.slice(TextRange(0, 2)) == "Д")
        #expect(text.slice(TextRange(1, 3)) == "Де", "a cut character is widened to whole")
        #expect(text.slice(TextRange(text.utf8.count, text.utf8.count)) == "")
        #expect(text.slice(TextRange(50, 60)) == "")
        #expect("".slice(TextRange(0, 0)) == "")
    }
}
