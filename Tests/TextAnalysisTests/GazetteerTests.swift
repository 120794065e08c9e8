import Foundation
import Testing

@testable import TextAnalysis

@Suite struct GazetteerTests {
    @Test func bundledDataParsesWithUniqueIDsAndKnownAffiliations() throws {
        let gazetteer = try Gazetteer(data: gazetteerData)
        #expect(gazetteer.entries.count >= 400)
        let ids = gazetteer.entries.map(\.id)
        #expect(Set(ids).count == ids.count)
        for entry in gazetteer.entries {
            if let affiliation = entry.affiliation { #expect(gazetteer.entry(id: affiliation) != nil, "\(entry.id)") }
        }
    }

    @Test func sameKindAliasesAreDeclaredAmbiguous() {
        let gazetteer = Gazetteer.standard
        for (alias, owners) in gazetteer.sameKindCollisions() {
            #expect(gazetteer.ambiguousAliases.contains(alias), "undeclared ambiguous alias \(alias): \(owners)")
        }
    }

    @Test func badLinesAreNamed() {
        #expect(throws: Gazetteer.ParseError.self) { try Gazetteer(data: "place | x | X\nplanet | y | Y | ") }
        do {
            _ = try Gazetteer(data: "# comment\nplace | x | X | |\nplanet | y | Y | |")
        } catch {
            #expect(error.line == 3)
        }
        #expect(throws: Gazetteer.ParseError.self) { try Gazetteer(data: "person | a | A | | nobody") }
        #expect(throws: Gazetteer.ParseError.self) { try Gazetteer(data: "org | a | A | |\norg | a | B | |") }
    }

    @Test(arguments: [
        ("Deir al-Zor", "deir-ez-zor"), ("Deir el-Zour", "deir-ez-zor"), ("Dayr Az Zawr", "deir-ez-zor"),
        ("Deir Ezzor", "deir-ez-zor"), ("DEIR EZ-ZOR", "deir-ez-zor"), ("Дейр-эз-Зор", "deir-ez-zor"),
        ("Дейр-эз-Зора", "deir-ez-zor"), ("ISIL", "islamic-state"), ("Daesh", "islamic-state"),
        ("ИГИЛ", "islamic-state"), ("СДС", "sdf"), ("Syrian Democratic Forces", "sdf"),
        ("Russian Ministry of Defence", "russian-defense-ministry"), ("Минобороны России", "russian-defense-ministry"),
        ("Kartopolov", "kartapolov"), ("Konashenkow", "konashenkov"), ("Конашенкова", "konashenkov"),
        ("Конашенкову", "konashenkov"), ("Maj. Gen. Igor Konashenkov", "konashenkov"), ("Russia's", "russia"),
        ("Erdoğan", "erdogan"), ("U.S.", "united-states"), ("Kiev", "kyiv"), ("Hrabove", "hrabove"),
        ("Grabovo", "hrabove"), ("May", "theresa-may"),
    ])
    func lookup(name: String, id: String) {
        #expect(Gazetteer.standard.lookup(name)?.id == id)
    }

    @Test func unknownAndCaseSensitiveNamesAreNil() {
        let gazetteer = Gazetteer.standard
        #expect(gazetteer.lookup("Zyxwv Qrstu") == nil)
        #expect(gazetteer.lookup("is") == nil)
        #expect(gazetteer.lookup("IS")?.id == "islamic-state")
    }

    @Test func affiliationsAndRoles() throws {
        let konashenkov = try #require(Gazetteer.standard.entry(id: "konashenkov"))
        #expect(konashenkov.kind == .person && konashenkov.affiliation == "russian-defense-ministry")
        #expect(konashenkov.roles.contains("spokesman"))
        #expect(Gazetteer.standard.entry(id: "russia")?.demonyms.contains("Russian") == true)
    }

    /// `NameKeys.key` as it was written before the byte-level fast path: Unicode case mapping,
    /// diacritic folding, Russian stemming on scalars.
    static func referenceKey(_ part: String) -> String {
        if part.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(
                String.UnicodeScalarView(
                    part.unicodeScalars.filter { $0 != "." && $0 != "'" }.map {
                        $0.value >= 0x41 && $0.value <= 0x5A ? Unicode.Scalar($0.value | 0x20)! : $0
                    }))
        }
        var cyrillic = false
        var otherNonASCII = false
        for scalar in part.unicodeScalars where scalar.value >= 0x80 {
            if (0x400...0x4FF).contains(scalar.value) { cyrillic = true } else if scalar != "’" { otherNonASCII = true }
        }
        var lowered = part.lowercased()
        if otherNonASCII { lowered = lowered.folding(options: .diacriticInsensitive, locale: nil) }
        var scalars: [Unicode.Scalar] = []
        for scalar in lowered.unicodeScalars where scalar != "." && scalar != "'" && scalar != "’" {
            scalars.append(scalar == "ё" ? "е" : scalar == "й" ? "и" : scalar)
        }
        if cyrillic, scalars.count >= 4 {
            let vowels: Set<Unicode.Scalar> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я", "ь"]
            if let last = scalars.last, last == "м" || last == "х", scalars.count >= 5,
                vowels.contains(scalars[scalars.count - 2])
            {
                scalars.removeLast()
            }
            while scalars.count > 3, let last = scalars.last, vowels.contains(last) { scalars.removeLast() }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    @Test func byteKeysMatchUnicodeRules() {
        var words = [
            "Konashenkov", "U.S.", "O'Brien", "O’Brien", "don’t", "ISIL", "Erdoğan", "Türkiye", "Конашенкова",
            "Конашенкову", "ЁЛКАМИ", "Йемен", "ЙЕМЕНОМ", "Ѐѐ", "Дейр", "Зором", "Ґрабове", "Їжак", "Straße", "Ελλάδα",
            "Zoë", "ИГИЛ", "СДС", "Минобороны", "F16", "Deir", "Ezzor", "ѢѣѤ", "Москвах", "Москвам", "оах",
        ]
        // Every scalar of basic Cyrillic, alone and in a word, upper and lower case.
        for value in 0x400...0x45F {
            let letter = String(Unicode.Scalar(value)!)
            words += [letter, "Дом" + letter, letter + "омах", "x" + letter]
        }
        for word in words {
            #expect(NameKeys.key(word[...]) == Self.referenceKey(word), "\(word)")
        }
    }

    @Test func letterCaseMatchesUnicodeProperties() {
        for value in Array(0x20...0x7E) + Array(0x400...0x45F) + [0xC0, 0xE9, 0x391, 0x3B1, 0x1E9E] {
            let scalar = Unicode.Scalar(value)!
            #expect(NameKeys.isUppercase(UInt32(value)) == scalar.properties.isUppercase, "\(value)")
            #expect(NameKeys.isLowercase(UInt32(value)) == scalar.properties.isLowercase, "\(value)")
        }
    }

    @Test func everyKeyIsFoundByItsBytes() {
        let tables = Gazetteer.standard.tables
        for (id, key) in tables.words.keys.keys.enumerated() {
            #expect(tables.words.keys.find(key) == Int32(id), "\(key)")
        }
        for (id, key) in tables.fuzzyWords.keys.enumerated() {
            #expect(tables.fuzzyWords.find(key) == Int32(id), "\(key)")
        }
        #expect(tables.words.keys.find("zyxwvutsrqponm") == -1)
        #expect(tables.words.keys.find("") == -1)
        let small = KeyTable(keys: ["a", "abcdefgh", "abcdefghi", "абв"])
        #expect(small.find("abcdefghi") == 2 && small.find("абв") == 3 && small.find("abcdefg") == -1)
    }

    @Test func fuzzyKeysAreSpellingTolerant() {
        #expect(NameKeys.fuzzyKey("konashenkow") == NameKeys.fuzzyKey("konashenkov"))
        #expect(NameKeys.fuzzyKey("kartopolov") == NameKeys.fuzzyKey("kartapolov"))
        #expect(NameKeys.fuzzyKey("ezzor") == "zar")
        #expect(NameKeys.fuzzyKey("philips") == "falaps")
        #expect(NameKeys.fuzzyKey("дейр") == "дейр")
    }
}
