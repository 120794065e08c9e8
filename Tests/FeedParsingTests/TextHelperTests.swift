import Testing

@testable import FeedParsing

/// The small text helpers the builder applies to every field.
struct TextHelperTests {
    @Test(arguments: [
        ("", ""), ("plain", "plain"), ("two words", "two words"), ("  lead", "lead"), ("trail  ", "trail"),
        ("a  b", "a b"), ("a\tb", "a b"), ("a\n\n b", "a b"), (" \t\n ", ""), ("a\u{A0}b", "a b"),
        ("a\u{2003}\u{2003}b", "a b"), ("a\u{3000}b", "a b"), ("en—dash’s", "en—dash’s"),
        ("Минобороны  России", "Минобороны России"), ("«кавычки» \u{2009}", "«кавычки»"), ("a\u{85}b", "a b"),
    ])
    func collapsesWhitespace(input: String, expected: String) {
        #expect(collapseWhitespace(input) == expected)
    }

    @Test(
        arguments: [
            ("", nil), ("   ", nil), ("\u{A0}", nil), ("word", "word"), (" word", "word"), ("word\n", "word"),
            ("\u{A0}слово", "слово"), ("слово\u{3000}", "слово"), ("тест", "тест"), ("a\u{2028}", "a"),
            ("\u{85}x", "x"), ("x\u{1680}", "x"), ("x\u{205F}", "x"), ("€", "€"), ("ё", "ё"), ("a b", "a b"),
        ] as [(String, String?)])
    func trimsToNonEmpty(input: String, expected: String?) {
        #expect(nonEmpty(input) == expected)
    }

    @Test(arguments: [
        ("http://a.example/", true), ("HTTPS://a.example/x", true), ("https:/bad", false), ("ftp://x", false),
        ("urn:uuid:1", false), ("http", false), ("tag:example.com,2017:1", false),
    ])
    func recognizesWebURLs(input: String, expected: Bool) {
        #expect(hasWebScheme(input) == expected)
    }

    @Test(
        arguments: [
            ("desk@wire.example (Wire Desk)", "Wire Desk", "desk@wire.example"),
            ("Wire Desk (desk@wire.example)", "Wire Desk", "desk@wire.example"),
            ("Jane Doe <jane@example.org>", "Jane Doe", "jane@example.org"),
            ("jane@example.org", nil, "jane@example.org"),
            ("Jane Doe", "Jane Doe", nil),
            ("  Omar   Haddad ", "Omar Haddad", nil),
        ] as [(String, String?, String?)])
    func readsAuthorLines(line: String, name: String?, email: String?) throws {
        let person = try #require(FeedPerson(authorLine: line))
        #expect(person.name == name)
        #expect(person.email == email)
    }

    @Test func stableIDsDependOnTitleAndDateOnly() {
        let a = StableID.make(title: "Strike near Deir al-Zor", date: nil, text: "one")
        #expect(a == StableID.make(title: "Strike near Deir al-Zor", date: nil, text: "two"))
        #expect(a != StableID.make(title: "Strike near the Conoco field", date: nil, text: "one"))
        #expect(a.hasPrefix("urn:corroborate:hash:"))
    }
}
