import Testing

@testable import TextAnalysis

struct RegexLiteralGateTests {
    @Test(
        arguments: [
            (#"/(?:ITAR-)?TASS/"#, ["TASS/"]),
            (#"\((?:Reuters|REUTERS)\)"#, ["REUTERS", "Reuters"]),
            (#"\bReporting by [^;\n]{1,120};"#, ["Reporting by "]),
            (#"\b(?:told|according to|quoted by) (?:[Tt]he )?(?:ITAR-)?TASS(?!\w)"#, ["TASS"]),
            (#"(?m)[-–—] ?(?:Reuters|REUTERS)\.?\s*$"#, ["REUTERS", "Reuters"]),
            ("وكالة تاس|タス通信|塔斯社", ["タス通信", "塔斯社", "وكالة تاس"]),
            (#"\(AP\)"#, ["(AP)"]),
            (#"^AFP$"#, ["AFP"]),
            (#"(?<=\s)Interfax"#, ["Interfax"]),
        ] as [(String, [String])])
    func findsWhatEveryMatchContains(pattern: String, literals: [String]) throws {
        let gate = try #require(RegexLiteralGate.requiredLiterals(of: pattern))
        #expect(gate.literals.sorted() == literals.sorted())
        #expect(!gate.caseInsensitive)
    }

    @Test(arguments: [
        #"\w+ said"#,  // " said" is required: a gate exists, checked below
        #"(?x) Reuters"#,  // extended mode: not read
        #"a|\d+"#,  // one alternative has no literal
        #"[A-Z]{2,}"#,
    ])
    func givesUpWhenUnsure(pattern: String) {
        let gate = RegexLiteralGate.requiredLiterals(of: pattern)
        if pattern == #"\w+ said"# {
            #expect(gate?.literals == [" said"])
        } else {
            #expect(gate == nil)
        }
    }

    @Test func everyRequiredSetIsKept() throws {
        let gate = try #require(
            RegexLiteralGate.requiredLiterals(of: #"\b(?:told|according to) (?:[Tt]he )?(?:ITAR-)?TASS(?!\w)"#))
        #expect(gate.requirements.map { $0.sorted() }.contains(["according to", "told"]))
        #expect(gate.requirements.contains(["TASS"]))
        #expect(gate.literals == ["TASS"])
    }

    @Test func caseInsensitivePatternsGateOnLowercase() throws {
        let gate = try #require(RegexLiteralGate.requiredLiterals(of: "(?i)interfax reported"))
        #expect(gate.caseInsensitive)
        #expect(gate.literals == ["interfax reported"])
    }
}

struct MultiLiteralSearchTests {
    @Test func findsEveryLiteralInOnePass() {
        let search = MultiLiteralSearch(literals: ["TASS", "/TASS/", "Reuters", "AS", "ТАСС", "told"])
        let found = search.occurrences(in: "MOSCOW, Sept. 17. /TASS/. A source told ТАСС nothing.")
        #expect(found == [true, true, false, true, true, true])
        #expect(search.occurrences(in: "") == [false, false, false, false, false, false])
    }

    @Test func overlappingAndNestedLiterals() {
        let search = MultiLiteralSearch(literals: ["he", "she", "his", "hers"])
        #expect(search.occurrences(in: "ushers") == [true, true, false, true])
    }
}

struct CaseInsensitiveSearchTests {
    @Test func asciiLettersMatchEitherCase() {
        let search = MultiLiteralSearch(literals: ["interfax reported", "тасс"], asciiCaseInsensitive: true)
        #expect(search.occurrences(in: "INTERFAX Reported on Monday") == [true, false])
        #expect(search.occurrences(in: "сообщил ТАСС") == [false, false], "non-ASCII is matched exactly")
        #expect(search.occurrences(in: "сообщил тасс") == [false, true])
    }
}
