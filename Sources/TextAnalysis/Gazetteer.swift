import Foundation

/// The named things the engine knows, each with every spelling outlets use for it. One entry per
/// real-world entity, so that "ISIL", "Daesh" and "ИГИЛ" count as the same actor when claims are
/// compared across outlets and languages.
///
/// The data is a plain text table (see `GazetteerData.swift` for the format), parsed once. Lookup
/// tables are built at parse time so that recognition does no more than a dictionary probe per word.
public struct Gazetteer: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var kind: EntityMention.Kind
        public var name: String
        public var aliases: [String]
        public var affiliation: String?
        public var roles: [String]
        /// Adjectives for a place ("Russian", "U.S."): they name it too, and before a role noun
        /// they make a group ("Russian officials").
        public var demonyms: [String]
        /// Words for its people ("Russians", "Kurds"): a group, not the place.
        public var peoples: [String]
        /// How outlets describe it without naming it ("US-backed force", "Kurdish-led alliance"):
        /// never recognized alone, only read as the entity when the same article names it too.
        public var descriptions: [String]

        public init(
            id: String, kind: EntityMention.Kind, name: String, aliases: [String] = [], affiliation: String? = nil,
            roles: [String] = [], demonyms: [String] = [], peoples: [String] = [], descriptions: [String] = []
        ) {
            self.id = id
            self.kind = kind
            self.name = name
            self.aliases = aliases
            self.affiliation = affiliation
            self.roles = roles
            self.demonyms = demonyms
            self.peoples = peoples
            self.descriptions = descriptions
        }
    }

    /// A line of gazetteer data that could not be read, with its number (from 1) and text.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var text: String
        public var reason: String
        public var description: String { "gazetteer line \(line): \(reason): \(text)" }
    }

    /// The tables, built once at parse time and shared by every copy.
    let tables: GazetteerTables

    public var entries: [Entry] { tables.entries }
    /// Aliases that the data says may name several entries of one kind (normalized keys).
    public var ambiguousAliases: Set<String> { tables.ambiguousAliases }

    /// The bundled data, parsed once. The data is tested, so a failure here is a programming error.
    public static let standard: Gazetteer = {
        do {
            return try Gazetteer(data: gazetteerData)
        } catch {
            fatalError("bundled gazetteer data is invalid: \(error)")
        }
    }()

    public init(data: String) throws(ParseError) {
        var entries: [Entry] = []
        var entryLines: [(number: Int, text: String)] = []
        var ambiguous: [(line: Int, text: String, alias: String)] = []
        var lineNumber = 0
        // Split and trimmed byte-wise: the data is read at every start, and Foundation's
        // character-wise trimming took half of that.
        for rawLine in data.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(Substring(rawLine).withoutPadding)
            if line.isEmpty || line.hasPrefix("#") { continue }
            // Rebuilt from their bytes: Foundation's trimmed strings lack the "ASCII" mark that
            // lets ids compare and hash on the fast path, and ids are compared on every claim.
            let fields = line.utf8.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map {
                String(decoding: Array(Substring($0).withoutPadding.utf8), as: UTF8.self)
            }
            func fail(_ reason: String) -> ParseError { ParseError(line: lineNumber, text: line, reason: reason) }
            if fields[0] == "ambiguous" {
                guard fields.count == 2, !fields[1].isEmpty else { throw fail("expected `ambiguous | alias`") }
                ambiguous.append((lineNumber, line, fields[1]))
                continue
            }
            guard (4...8).contains(fields.count) else { throw fail("expected 4 to 8 fields, found \(fields.count)") }
            let kind: EntityMention.Kind
            switch fields[0] {
            case "person": kind = .person
            case "org", "organization": kind = .organization
            case "place": kind = .place
            case "group": kind = .group
            default: throw fail("unknown kind `\(fields[0])`")
            }
            let id = fields[1]
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                throw fail("id must be lower-case ASCII letters, digits and hyphens")
            }
            guard !fields[2].isEmpty else { throw fail("missing name") }
            func list(_ index: Int, _ separator: Character) -> [String] {
                guard index < fields.count else { return [] }
                return fields[index].split(separator: separator).map { String($0.withoutPadding) }
                    .filter { !$0.isEmpty }
            }
            let affiliation = fields.count > 4 && !fields[4].isEmpty ? fields[4] : nil
            let names = list(3, ";")
            let descriptions = names.filter { $0.hasSuffix("~") }.map { String($0.dropLast()) }
            entries.append(
                Entry(
                    id: id, kind: kind, name: fields[2], aliases: names.filter { !$0.hasSuffix("~") },
                    affiliation: affiliation, roles: list(5, ","), demonyms: list(6, ";"), peoples: list(7, ";"),
                    descriptions: descriptions))
            entryLines.append((lineNumber, line))
        }
        var indexByID: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            if indexByID[entry.id] != nil {
                throw ParseError(line: entryLines[index].number, text: entryLines[index].text, reason: "duplicate id")
            }
            indexByID[entry.id] = index
        }
        for (index, entry) in entries.enumerated() {
            if let affiliation = entry.affiliation, indexByID[affiliation] == nil {
                let line = entryLines[index]
                throw ParseError(
                    line: line.number, text: line.text, reason: "affiliation `\(affiliation)` is not an id")
            }
        }
        self.tables = GazetteerTables(
            entries: entries, indexByID: indexByID,
            ambiguousAliases: Set(ambiguous.map { NameKeys.wholeKey(NameKeys.keys(of: $0.alias)) }))
    }

    public func entry(id: String) -> Entry? { tables.indexByID[id].map { tables.entries[$0] } }

    /// The entry a name refers to: exact alias after normalization, then transliteration-tolerant
    /// matching (Kartapolov ~ Kartopolov, Konashenkov ~ Konashenkow; al-/el-/ad-/ez-/az- articles;
    /// hyphens, apostrophes and diacritics ignored), nil when unknown or ambiguous. A leading title
    /// ("Maj. Gen.") and a possessive are ignored.
    public func lookup(_ name: String) -> Entry? { tables.lookup(name) }

    /// The entries a bare role or short name may stand for: organisations one of whose names
    /// ends with the phrase ("Defence Ministry", "Navy", "the military" for "Russian military")
    /// and people with the phrase as a role ("prime minister"). Many answers are usual; callers
    /// keep those their context names.
    public func entries(endingWith phrase: String) -> [Entry] {
        let keys = NameKeys.keys(of: phrase)
        guard !keys.isEmpty, keys.count <= 3 else { return [] }
        var found = tables.tails[NameKeys.wholeKey(keys)] ?? []
        found += tables.roleHolders[phrase.lowercased()] ?? []
        var seen = Set<Int>()
        return found.filter { seen.insert($0).inserted }.map { entries[$0] }
    }

    /// Whether a lower-case word ends some organisation's name or some person's role: a cheap
    /// test before `entries(endingWith:)`.
    public func isTailWord(_ word: String) -> Bool { tables.tailWords.contains(word) }

    /// The ids of entries with descriptions: an article that names none of them needs no look.
    public var describedIDs: Set<String> { tables.describedIDs }

    /// The entries one of whose descriptions the phrase contains ("Syria's main U.S.-backed
    /// force" holds "US-backed force"), each once, in data order. Callers decide whether the
    /// context names the entity; a description alone proves nothing.
    public func entries(describedBy phrase: String) -> [Entry] {
        let keys = NameKeys.keys(of: phrase)
        guard !keys.isEmpty else { return [] }
        var found: [Entry] = []
        for (entry, description) in tables.descriptions where !found.contains(where: { $0.id == entries[entry].id }) {
            guard description.count <= keys.count else { continue }
            let matches = (0...(keys.count - description.count)).contains { start in
                description.indices.allSatisfy { keys[start + $0] == description[$0] }
            }
            if matches { found.append(entries[entry]) }
        }
        return found
    }

    /// Aliases (normalized) that name two or more entries of the same kind; the tests require
    /// each to be declared `ambiguous` in the data.
    public func sameKindCollisions() -> [String: [String]] {
        var byKey: [String: Set<Int>] = [:]
        for alias in tables.aliases { byKey[NameKeys.wholeKey(alias.keys), default: []].insert(alias.entry) }
        var result: [String: [String]] = [:]
        for (key, owners) in byKey where owners.count > 1 {
            let kinds = owners.map { entries[$0].kind }
            if Set(kinds).count < kinds.count { result[key] = owners.map { entries[$0].id }.sorted() }
        }
        return result
    }
}

/// What a word is to recognition: its cue flags, whether it is an Arabic article, the aliases
/// that start with it and the titles that start with it (ranges into `GazetteerTables` lists).
struct WordInfo: Sendable {
    static let joinedArticle: UInt8 = 1
    static let separateArticle: UInt8 = 2

    var flags: WordFlags = []
    var articles: UInt8 = 0
    var firstAliases: Range<Int32> = 0..<0
    var titles: Range<Int32> = 0..<0
}

/// Hashes a key a byte at a time, so that a word can be hashed as it is normalized: bytes are
/// gathered eight to a lane, each full lane mixed in, the rest and the length mixed at the end.
struct KeyHasher {
    private var hash: UInt64 = 0x243F_6A88_85A3_08D3
    private var lane: UInt64 = 0
    private var shift: UInt64 = 0
    private var count: UInt64 = 0

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        lane |= UInt64(byte) << shift
        shift += 8
        count += 1
        if shift == 64 {
            hash = (hash ^ lane) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            lane = 0
            shift = 0
        }
    }

    @inline(__always)
    func finish() -> UInt64 {
        var hash = (self.hash ^ lane ^ count << 56) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 32
        hash &*= 0xD6E8_FEB8_6659_FD93
        hash ^= hash >> 32
        return hash
    }
}

/// Normalized keys (`NameKeys.key`) → dense ids, probed with a hash of the key's UTF-8 bytes so
/// that recognition never builds a `String` for a word.
struct KeyTable: Sendable {
    /// Open addressing, 32 bits a slot so that the table stays in the first-level cache: the
    /// hash's top bits as a tag over id + 1 (all 32 bits for the id when there are 65,535 keys
    /// or more); 0 is an empty slot.
    private var slots: [UInt32]
    private var mask: Int
    private var idBits: UInt32
    private var bytes: [UInt8]
    private var starts: [Int]
    /// The keys, by id.
    private(set) var keys: [String]

    /// `keys` must be distinct; each gets its position as id.
    init(keys: [String]) {
        self.keys = keys
        var capacity = 16
        while capacity < keys.count * 2 { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        idBits = keys.count < 0xFFFF ? 16 : 32
        bytes = []
        starts = [0]
        for (id, key) in keys.enumerated() {
            let utf8 = Array(key.utf8)
            bytes += utf8
            starts.append(bytes.count)
            let hash = utf8.withUnsafeBufferPointer { NameKeys.hash($0) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = tag(hash) | UInt32(id + 1)
        }
    }

    @inline(__always)
    private func tag(_ hash: UInt64) -> UInt32 {
        idBits == 32 ? 0 : UInt32(truncatingIfNeeded: hash >> 48) << 16
    }

    /// The id of `key` (whose `NameKeys.hash` is `hash`), or -1.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        let tag = tag(hash)
        let idMask: UInt32 = idBits == 32 ? 0xFFFF_FFFF : 0xFFFF
        while true {
            let entry = slots[slot]
            if entry == 0 { return -1 }
            if entry & ~idMask == tag {
                let id = Int(entry & idMask) - 1
                let start = starts[id]
                if starts[id + 1] - start == key.count {
                    var same = true
                    for offset in 0..<key.count where bytes[start + offset] != key[offset] {
                        same = false
                        break
                    }
                    if same { return Int32(id) }
                }
            }
            slot = (slot + 1) & mask
        }
    }

    func find(_ key: String) -> Int32 {
        var key = key
        return key.withUTF8 { find($0, hash: NameKeys.hash($0)) }
    }
}

/// Word keys with what recognition needs to know of each.
struct WordTable: Sendable {
    var keys: KeyTable
    var info: [WordInfo]

    init(keys: [String], info: [WordInfo]) {
        self.keys = KeyTable(keys: keys)
        self.info = info
    }

    /// Only the Arabic articles: what splitting names into pieces needs before any table exists.
    static let articles: WordTable = {
        var keys: [String] = []
        var info: [WordInfo] = []
        for key in NameKeys.joinedArticles.union(NameKeys.separateArticles).sorted() {
            keys.append(key)
            var bits: UInt8 = 0
            if NameKeys.joinedArticles.contains(key) { bits |= WordInfo.joinedArticle }
            if NameKeys.separateArticles.contains(key) { bits |= WordInfo.separateArticle }
            info.append(WordInfo(articles: bits))
        }
        return WordTable(keys: keys, info: info)
    }()
}

/// Everything a gazetteer knows, built once per `Gazetteer(data:)`: the entries, the alias
/// records `lookup` uses (keys as strings), and the id-based tables recognition probes.
final class GazetteerTables: Sendable {
    /// How an alias was written in the data, kept for matching.
    struct Alias: Sendable {
        enum Form: Sendable { case name, demonym, people }
        var keys: [String]
        var fuzzyKeys: [String]?
        var entry: Int
        var form: Form
        /// For short acronyms ("IS", "AP", "MoD"): the letters as written, periods removed, which
        /// the text must repeat exactly so that "is" and "ap" never match.
        var exactText: String?
        /// Written capitalized in the data: the text must be capitalized too ("Turkey", not "turkey").
        var needsCapital: Bool
        /// Marked `?` in the data ("May", "Bali"): too common a word to trust alone; used after a
        /// title ("Mrs May"), in the possessive, or by `lookup`.
        var weak: Bool
    }

    /// An alias as recognition reads it: word ids and byte ranges into the shared lists.
    struct AliasInfo: Sendable {
        var entry: Int
        var words: Range<Int>
        /// Into `aliasFuzzy`, same length as `words`; nil for acronyms and non-Latin aliases.
        var fuzzy: Range<Int>?
        /// Into `exactLetters`.
        var exact: Range<Int>?
        var form: Alias.Form
        var needsCapital: Bool
        var weak: Bool
    }

    let entries: [Gazetteer.Entry]
    let indexByID: [String: Int]
    let ambiguousAliases: Set<String>
    let aliases: [Alias]
    /// Every entry's descriptions as normalized keys, with the entry's index.
    let descriptions: [(entry: Int, keys: [String])]
    let describedIDs: Set<String>
    /// Organisations by the last one to three words of each of their names (normalized keys).
    let tails: [String: [Int]]
    /// People by role ("prime minister", "spokesman").
    let roleHolders: [String: [Int]]
    /// The last words of `tails` and `roleHolders` keys, as written in lower case.
    let tailWords: ScriptWordSet
    let aliasesByEntry: [[Int]]
    /// Whole normalized alias → aliases, for `lookup`.
    let exactWhole: [String: [Int]]
    let fuzzyWhole: [String: [Int]]

    /// Every key recognition can use: alias words, cue words, titles, articles.
    let words: WordTable
    /// An alias in a first word's list, with what rejects most candidates without reading the alias.
    struct Candidate: Sendable {
        var alias: Int32
        var entry: Int32
        var count: Int32
        /// The second word's id, -1 for a one-word alias.
        var second: Int32
    }

    /// Aliases by first word (`WordInfo.firstAliases`), longest first.
    let firstAliases: [Candidate]
    /// Titles by first word (`WordInfo.titles`), longest first, as ranges into `titleWords`.
    let titles: [Range<Int>]
    let titleWords: [Int32]
    let aliasInfo: [AliasInfo]
    let aliasWords: [Int32]
    let aliasFuzzy: [Int32]
    let exactLetters: [UInt8]
    /// Spelling-tolerant keys of Latin alias words, and the aliases each starts (longest first).
    let fuzzyWords: KeyTable
    let fuzzyFirst: [Range<Int32>]
    let fuzzyFirstAliases: [Int32]
    /// The id of "of".
    let ofWord: Int32

    init(entries: [Gazetteer.Entry], indexByID: [String: Int], ambiguousAliases: Set<String>) {
        self.entries = entries
        self.indexByID = indexByID
        self.ambiguousAliases = ambiguousAliases

        var aliases: [Alias] = []
        var seen: [String: Int] = [:]  // whole key + entry → alias index
        for (entryIndex, entry) in entries.enumerated() {
            var forms: [(String, Alias.Form)] = [(entry.name, .name)]
            forms += entry.aliases.map { ($0, .name) }
            forms += entry.demonyms.map { ($0, .demonym) }
            forms += entry.peoples.map { ($0, .people) }
            for (written, form) in forms {
                var text = written
                let weak = text.hasSuffix("?")
                if weak { text.removeLast() }
                let keys = NameKeys.keys(of: text)
                guard !keys.isEmpty else { continue }
                let letters = NameKeys.lettersWithoutPeriods(text)
                let upper = letters.unicodeScalars.filter { $0.properties.isUppercase }.count
                let isAcronym = keys.count == 1 && upper >= 2 && letters.unicodeScalars.count <= 5
                let needsCapital = text.unicodeScalars.first?.properties.isUppercase ?? false
                let isLatin = keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
                let fuzzy = isAcronym || !isLatin ? nil : keys.map(NameKeys.fuzzyKey)
                let signature = NameKeys.wholeKey(keys) + "\u{2}\(entryIndex)"
                if let existing = seen[signature] {
                    // The same words again ("U.S." and "US"; "TASS" and "Tass"): keep the looser form.
                    if !isAcronym { aliases[existing].exactText = nil }
                    if !weak { aliases[existing].weak = false }
                    if form == .name { aliases[existing].form = .name }
                    continue
                }
                seen[signature] = aliases.count
                aliases.append(
                    Alias(
                        keys: keys, fuzzyKeys: fuzzy, entry: entryIndex, form: form,
                        exactText: isAcronym ? letters : nil, needsCapital: needsCapital, weak: weak))
            }
        }
        self.aliases = aliases
        self.descriptions = entries.indices.flatMap { index in
            entries[index].descriptions.map { (entry: index, keys: NameKeys.keys(of: $0)) }.filter { !$0.keys.isEmpty }
        }
        self.describedIDs = Set(entries.filter { !$0.descriptions.isEmpty }.map(\.id))
        var tails: [String: [Int]] = [:]
        for alias in aliases where entries[alias.entry].kind == .organization && alias.form == .name {
            for count in 1...min(3, alias.keys.count) {
                let key = NameKeys.wholeKey(Array(alias.keys.suffix(count)))
                if tails[key]?.last != alias.entry { tails[key, default: []].append(alias.entry) }
            }
        }
        self.tails = tails
        var roleHolders: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() where entry.kind == .person {
            for role in entry.roles { roleHolders[role.lowercased(), default: []].append(index) }
        }
        self.roleHolders = roleHolders
        var tailWords = Set<String>()
        for entry in entries where entry.kind == .organization {
            for name in [entry.name] + entry.aliases {
                if let last = name.split(separator: " ").last { tailWords.insert(last.lowercased()) }
            }
        }
        for role in roleHolders.keys {
            if let last = role.split(separator: " ").last { tailWords.insert(String(last)) }
        }
        self.tailWords = ScriptWordSet(tailWords)

        var aliasesByEntry: [[Int]] = Array(repeating: [], count: entries.count)
        var exactFirst: [String: [Int]] = [:]
        var exactWhole: [String: [Int]] = [:]
        for (index, alias) in aliases.enumerated() {
            aliasesByEntry[alias.entry].append(index)
            exactFirst[alias.keys[0], default: []].append(index)
            exactWhole[NameKeys.wholeKey(alias.keys), default: []].append(index)
        }
        // A fuzzy form shared by different entries settles nothing: leave it out.
        var fuzzyEntries: [String: Set<Int>] = [:]
        for alias in aliases {
            if let fuzzy = alias.fuzzyKeys, fuzzy.joined().count >= 5 {
                fuzzyEntries[NameKeys.wholeKey(fuzzy), default: []].insert(alias.entry)
            }
        }
        var fuzzyFirst: [String: [Int]] = [:]
        var fuzzyWhole: [String: [Int]] = [:]
        for (index, alias) in aliases.enumerated() {
            guard let fuzzy = alias.fuzzyKeys, fuzzyEntries[NameKeys.wholeKey(fuzzy)]?.count == 1 else { continue }
            fuzzyFirst[fuzzy[0], default: []].append(index)
            fuzzyWhole[NameKeys.wholeKey(fuzzy), default: []].append(index)
        }
        let byLength: (Int, Int) -> Bool = { aliases[$0].keys.count > aliases[$1].keys.count }
        for key in exactFirst.keys { exactFirst[key]?.sort(by: byLength) }
        for key in fuzzyFirst.keys { fuzzyFirst[key]?.sort(by: byLength) }
        self.aliasesByEntry = aliasesByEntry
        self.exactWhole = exactWhole
        self.fuzzyWhole = fuzzyWhole

        // Word ids: every key that recognition compares or looks up.
        let vocabulary = Vocabulary.shared
        var wordKeys: [String] = []
        var wordIDs: [String: Int] = [:]
        func wordID(_ key: String) -> Int {
            if let id = wordIDs[key] { return id }
            wordIDs[key] = wordKeys.count
            wordKeys.append(key)
            return wordKeys.count - 1
        }
        for alias in aliases { for key in alias.keys { _ = wordID(key) } }
        for key in vocabulary.flags.keys.sorted() { _ = wordID(key) }
        for (first, list) in vocabulary.titles.sorted(by: { $0.key < $1.key }) {
            _ = wordID(first)
            for keys in list { for key in keys { _ = wordID(key) } }
        }
        for key in NameKeys.joinedArticles.union(NameKeys.separateArticles).sorted() { _ = wordID(key) }
        var info = Array(repeating: WordInfo(), count: wordKeys.count)
        for (key, flags) in vocabulary.flags { info[wordIDs[key]!].flags = flags }
        for key in NameKeys.joinedArticles { info[wordIDs[key]!].articles |= WordInfo.joinedArticle }
        for key in NameKeys.separateArticles { info[wordIDs[key]!].articles |= WordInfo.separateArticle }
        var firstAliases: [Candidate] = []
        for (key, list) in exactFirst.sorted(by: { $0.key < $1.key }) {
            let start = Int32(firstAliases.count)
            for index in list {
                let keys = aliases[index].keys
                firstAliases.append(
                    Candidate(
                        alias: Int32(index), entry: Int32(aliases[index].entry), count: Int32(keys.count),
                        second: keys.count > 1 ? Int32(wordIDs[keys[1]]!) : -1))
            }
            info[wordIDs[key]!].firstAliases = start..<Int32(firstAliases.count)
        }
        var titles: [Range<Int>] = []
        var titleWords: [Int32] = []
        for (first, list) in vocabulary.titles.sorted(by: { $0.key < $1.key }) {
            let start = Int32(titles.count)
            for keys in list {
                let wordStart = titleWords.count
                titleWords += keys.map { Int32(wordIDs[$0]!) }
                titles.append(wordStart..<titleWords.count)
            }
            info[wordIDs[first]!].titles = start..<Int32(titles.count)
        }
        self.words = WordTable(keys: wordKeys, info: info)
        self.firstAliases = firstAliases
        self.titles = titles
        self.titleWords = titleWords
        self.ofWord = Int32(wordIDs["of"] ?? -1)

        // Fuzzy ids and the alias records recognition reads.
        let fuzzyKeys = Array(Set(aliases.compactMap(\.fuzzyKeys).joined())).sorted()
        let fuzzyWords = KeyTable(keys: fuzzyKeys)
        var aliasWords: [Int32] = []
        var aliasFuzzy: [Int32] = []
        var exactLetters: [UInt8] = []
        var aliasInfo: [AliasInfo] = []
        for alias in aliases {
            let wordStart = aliasWords.count
            aliasWords += alias.keys.map { Int32(wordIDs[$0]!) }
            var fuzzy: Range<Int>?
            if let keys = alias.fuzzyKeys {
                let start = aliasFuzzy.count
                aliasFuzzy += keys.map { fuzzyWords.find($0) }
                fuzzy = start..<aliasFuzzy.count
            }
            var exact: Range<Int>?
            if let text = alias.exactText {
                let start = exactLetters.count
                exactLetters += text.utf8
                exact = start..<exactLetters.count
            }
            aliasInfo.append(
                AliasInfo(
                    entry: alias.entry, words: wordStart..<aliasWords.count, fuzzy: fuzzy, exact: exact,
                    form: alias.form, needsCapital: alias.needsCapital, weak: alias.weak))
        }
        var fuzzyFirstRanges = Array(repeating: Int32(0)..<Int32(0), count: fuzzyKeys.count)
        var fuzzyFirstAliases: [Int32] = []
        for (key, list) in fuzzyFirst.sorted(by: { $0.key < $1.key }) {
            let start = Int32(fuzzyFirstAliases.count)
            fuzzyFirstAliases += list.map(Int32.init)
            fuzzyFirstRanges[Int(fuzzyWords.find(key))] = start..<Int32(fuzzyFirstAliases.count)
        }
        self.fuzzyWords = fuzzyWords
        self.fuzzyFirst = fuzzyFirstRanges
        self.fuzzyFirstAliases = fuzzyFirstAliases
        self.aliasWords = aliasWords
        self.aliasFuzzy = aliasFuzzy
        self.exactLetters = exactLetters
        self.aliasInfo = aliasInfo
    }

    func lookup(_ name: String) -> Gazetteer.Entry? {
        let tokens = Tokenizer.tokens(of: name)
        var utf8 = Array(name.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(buffer)
            var pieces = NameKeys.pieces(of: tokens, bytes: bytes, words: words)
            let titleEnd = titleChainEnd(pieces, from: 0)
            if titleEnd > 0, titleEnd < pieces.count { pieces.removeFirst(titleEnd) }
            guard !pieces.isEmpty else { return nil }
            let keys = pieces.map { NameKeys.key($0.raw(bytes)[...]) }
            let whole = NameKeys.wholeKey(keys)
            let first = pieces[0].raw(bytes)
            if let found = uniqueEntry(exactWhole[whole], first: first) { return found }
            if exactWhole[whole] != nil { return nil }
            let fuzzy = NameKeys.wholeKey(keys.map(NameKeys.fuzzyKey))
            return uniqueEntry(fuzzyWhole[fuzzy], first: first)
        }
    }

    /// The single entry among `candidates` that the written name satisfies, nil when none or several.
    private func uniqueEntry(_ candidates: [Int]?, first: String) -> Gazetteer.Entry? {
        guard let candidates else { return nil }
        var found: Int?
        for index in candidates {
            let alias = aliases[index]
            if let exact = alias.exactText, NameKeys.lettersWithoutPeriods(first) != exact { continue }
            if let previous = found, previous != alias.entry { return nil }
            found = alias.entry
        }
        return found.map { entries[$0] }
    }

    /// Where a chain of titles starting at `start` ends ("Russian Deputy Foreign Minister" has
    /// none at "Russian"; "Spokesman Major-General" is two); `start` when there is none.
    func titleChainEnd(_ pieces: [NamePiece], from start: Int) -> Int {
        var position = start
        chain: while position < pieces.count, position == start || !pieces[position].gapBefore {
            let word = pieces[position].word
            guard word >= 0 else { break }
            let candidates = words.info[Int(word)].titles
            for title in candidates {
                let keys = titles[Int(title)]
                guard position + keys.count <= pieces.count else { continue }
                var fits = true
                for offset in 1..<max(keys.count, 1) where offset < keys.count {
                    let piece = pieces[position + offset]
                    if piece.gapBefore || piece.word != titleWords[keys.lowerBound + offset] {
                        fits = false
                        break
                    }
                }
                if fits {
                    position += keys.count
                    if pieces[position - 1].possessive { break chain }
                    continue chain
                }
            }
            break
        }
        return position
    }
}

/// A word of a name as matching sees it: a token, or a hyphen-separated part of one, with the id
/// of its normalized key. Arabic articles joined by a hyphen ("al-", "ez-") are folded into the
/// next part, so "Deir al-Zor", "Deir ez-Zor" and "Deir Ez Zor" give the same keys.
struct NamePiece: Sendable {
    /// The key's id in the word table, -1 for a key it does not hold.
    var word: Int32
    /// The spelling-tolerant key's id, -1 for none, -2 until asked for.
    var fuzzy: Int32 = -2
    var flags: WordFlags
    /// UTF-8 length of the normalized key.
    var keyLength: Int
    /// The part as written, without a possessive ending: UTF-8 offsets into the text.
    var rawStart: Int
    var rawEnd: Int
    var range: TextRange
    var token: Int
    /// Punctuation, a quote or the sentence start lies between this piece and the previous one.
    var gapBefore: Bool
    var capitalized: Bool
    var allCaps: Bool
    var hasDigit: Bool
    var possessive: Bool
    /// The normalized key is ASCII (the only keys with spelling-tolerant forms).
    var asciiKey: Bool

    func raw(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[rawStart..<rawEnd]), as: UTF8.self)
    }
}

enum NameKeys {
    static func wholeKey(_ keys: [String]) -> String { keys.joined(separator: "\u{1}") }

    static func keys(of text: String) -> [String] {
        let tokens = Tokenizer.tokens(of: text)
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(buffer)
            return pieces(of: tokens, bytes: bytes, words: .articles).map { key($0.raw(bytes)[...]) }
        }
    }

    static func lettersWithoutPeriods(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar != "." { scalars.append(scalar) }
        return String(scalars)
    }

    /// Articles written joined to the next word ("al-Zor", "ez-Zor", "аль-Асад").
    static let joinedArticles: Set<String> = [
        "al", "el", "ad", "ed", "ar", "er", "as", "es", "ash", "az", "ez", "at", "an", "ul", "ud", "ur", "ud", "adh",
        "аль", "эль", "эз", "аз", "ад", "ар", "ас", "эс", "эр", "эд", "эш", "аш",
    ]
    /// Articles written apart ("Dayr Az Zawr", "Al Jazeera"); only the ones that are not English words.
    static let separateArticles: Set<String> = ["al", "el", "az", "ez", "ad", "ash", "ul", "аль", "эль", "эз"]

    /// A 64-bit hash of a key's bytes (`KeyHasher`).
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = KeyHasher()
        for byte in key { hasher.add(byte) }
        return hasher.finish()
    }

    /// Splits word tokens into pieces, drops articles, strips possessives, and notes where
    /// punctuation breaks the run. A hyphen or a period touching short words on both sides is
    /// not a break ("U.S.-led", "Lt.-Gen."). `bytes` is the UTF-8 of the tokenized text; each
    /// piece's key is looked up in `words` on its bytes, with no `String` made for it.
    static func pieces(of tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, words: WordTable) -> [NamePiece] {
        var pieces: [NamePiece] = []
        pieces.reserveCapacity(tokens.count)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { scratch in
            collectPieces(tokens, bytes, words, scratch, &pieces)
        }
        return pieces
    }

    private static func collectPieces(
        _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ words: WordTable,
        _ scratch: UnsafeMutableBufferPointer<UInt8>, _ pieces: inout [NamePiece]
    ) {
        var gap = true
        var pendingStart: Int?
        var previousEnd = -1
        let count = bytes.count
        for tokenIndex in tokens.indices {
            let range = tokens[tokenIndex].range
            guard range.lowerBound >= 0, range.lowerBound < range.upperBound, range.upperBound <= count else {
                gap = true
                pendingStart = nil
                continue
            }
            guard tokens[tokenIndex].kind == .word else {
                let touching = range.lowerBound == previousEnd
                let length = range.count
                let first = bytes[range.lowerBound]
                let isPeriod = length == 1 && first == 0x2E
                let isJoiner =
                    (length == 1 && (first == 0x2D || first == 0x2E))
                    || (length == 3 && first == 0xE2 && bytes[range.lowerBound + 1] == 0x80
                        && bytes[range.lowerBound + 2] == 0x91)
                if isJoiner, touching, tokenIndex + 1 < tokens.count, tokens[tokenIndex + 1].kind == .word,
                    !isPeriod || isAbbreviation(pieces.last)
                {
                    previousEnd = range.upperBound
                    continue
                }
                gap = true
                pendingStart = nil
                previousEnd = range.upperBound
                continue
            }
            previousEnd = range.upperBound
            // Possessive ending.
            var end = range.upperBound
            var possessive = false
            let length = range.count
            if length >= 3, bytes[end - 1] == 0x73 || bytes[end - 1] == 0x53 {
                let beforeLast = bytes[end - 2]
                if beforeLast == 0x27 {
                    end -= 2
                    possessive = true
                } else if beforeLast == 0x99, length >= 4, bytes[end - 4] == 0xE2, bytes[end - 3] == 0x80,
                    length >= 5 || bytes[end - 1] == 0x53
                {
                    end -= 4
                    possessive = true
                }
            }
            // Hyphen-separated parts (ASCII "-" or U+2011), found on the bytes. An ASCII part is
            // keyed and its letters counted in the same pass; any other goes through `fastKey`.
            let start = range.lowerBound
            var partStart = start
            while true {
                var index = partStart
                var keyLength = 0
                var upper = 0
                var lower = 0
                var digit = false
                var ascii = true
                var hasher = KeyHasher()
                while index < end {
                    let byte = bytes[index]
                    if byte == 0x2D { break }
                    if byte >= 0x80 {
                        if isNonBreakingHyphen(bytes, index, end) { break }
                        ascii = false
                    } else if ascii {
                        if byte >= 0x41 && byte <= 0x5A {
                            upper += 1
                            scratch[keyLength] = byte | 0x20
                            hasher.add(byte | 0x20)
                            keyLength += 1
                        } else if byte >= 0x61 && byte <= 0x7A {
                            lower += 1
                            scratch[keyLength] = byte
                            hasher.add(byte)
                            keyLength += 1
                        } else if byte != 0x2E && byte != 0x27 {
                            if byte >= 0x30 && byte <= 0x39 { digit = true }
                            scratch[keyLength] = byte
                            hasher.add(byte)
                            keyLength += 1
                        }
                    }
                    index += 1
                }
                let partEnd = index
                let last = partEnd >= end
                let nextStart = last ? end : partEnd + (bytes[partEnd] == 0x2D ? 1 : 3)
                let single = partStart == start && last
                let thisStart = partStart
                partStart = nextStart
                if partEnd > thisStart {
                    let part = UnsafeBufferPointer(rebasing: bytes[thisStart..<partEnd])
                    var word: Int32 = -1
                    var asciiKey = true
                    var capitalized = false
                    if ascii {
                        let key = UnsafeBufferPointer(rebasing: scratch[0..<keyLength])
                        word = words.keys.find(key, hash: hasher.finish())
                        capitalized = part[0] >= 0x41 && part[0] <= 0x5A
                    } else {
                        if let fast = fastKey(part, into: scratch) {
                            let key = UnsafeBufferPointer(rebasing: scratch[0..<fast])
                            keyLength = fast
                            for byte in key where byte >= 0x80 {
                                asciiKey = false
                                break
                            }
                            word = words.keys.find(key, hash: hash(key))
                        } else {
                            var key = slowKey(part)
                            keyLength = key.utf8.count
                            asciiKey = key.utf8.allSatisfy { $0 < 0x80 }
                            word = key.withUTF8 { words.keys.find($0, hash: hash($0)) }
                        }
                        (capitalized, upper, lower, digit) = letterCase(part)
                    }
                    let info = word >= 0 ? words.info[Int(word)] : WordInfo()
                    var isArticle = false
                    if info.articles != 0 {
                        let joinedArticle = !last && info.articles & WordInfo.joinedArticle != 0
                        let separateArticle =
                            info.articles & WordInfo.separateArticle != 0 && single && !possessive
                            && tokenIndex + 1 < tokens.count && tokens[tokenIndex + 1].kind == .word
                            && startsUpperCase(bytes, tokens[tokenIndex + 1].range)
                        isArticle = joinedArticle || separateArticle
                    }
                    if isArticle {
                        pendingStart = pendingStart ?? thisStart
                    } else {
                        pieces.append(
                            NamePiece(
                                word: word, flags: info.flags, keyLength: keyLength, rawStart: thisStart,
                                rawEnd: partEnd, range: TextRange(pendingStart ?? thisStart, partEnd),
                                token: tokenIndex, gapBefore: gap, capitalized: capitalized,
                                allCaps: upper >= 2 && lower == 0, hasDigit: digit, possessive: possessive && last,
                                asciiKey: asciiKey))
                        pendingStart = nil
                        gap = false
                    }
                }
                if last { break }
            }
            if possessive { gap = true }
        }
    }

    @inline(__always)
    private static func isNonBreakingHyphen(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
        bytes[index] == 0xE2 && index + 3 <= end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x91
    }

    private static func isAbbreviation(_ piece: NamePiece?) -> Bool {
        guard let piece, piece.capitalized else { return false }
        return piece.rawEnd - piece.rawStart <= 4 && !piece.allCaps
    }

    /// The scalar at `offset` of valid UTF-8 and its length in bytes.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length where offset + index < bytes.count {
            value = value << 6 | UInt32(bytes[offset + index] & 0x3F)
        }
        return (value, length)
    }

    /// Unicode's upper case, answered without a property lookup for ASCII and basic Cyrillic.
    @inline(__always)
    static func isUppercase(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value >= 0x400 && value <= 0x45F { return value <= 0x42F }
        return Unicode.Scalar(value)?.properties.isUppercase ?? false
    }

    @inline(__always)
    static func isLowercase(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        if value >= 0x400 && value <= 0x45F { return value >= 0x430 }
        return Unicode.Scalar(value)?.properties.isLowercase ?? false
    }

    private static func startsUpperCase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: TextRange) -> Bool {
        guard range.lowerBound >= 0, range.lowerBound < range.upperBound, range.upperBound <= bytes.count else {
            return false
        }
        return isUppercase(scalar(bytes, at: range.lowerBound).0)
    }

    /// Capitalized, upper- and lower-case letter counts and whether a digit occurs.
    static func letterCase(_ part: UnsafeBufferPointer<UInt8>) -> (Bool, Int, Int, Bool) {
        var upper = 0
        var lower = 0
        var digit = false
        var capitalized = false
        var offset = 0
        while offset < part.count {
            let (value, length) = scalar(part, at: offset)
            if isUppercase(value) {
                upper += 1
                if offset == 0 { capitalized = true }
            } else if isLowercase(value) {
                lower += 1
            } else if value >= 0x30 && value <= 0x39 {
                digit = true
            }
            offset += length
        }
        return (capitalized, upper, lower, digit)
    }

    /// Lower case, no periods or apostrophes, diacritics folded; Russian words lose a case ending
    /// ("Конашенкова", "Конашенкову" → "конашенков") so that declined names still match.
    static func key(_ part: Substring) -> String {
        var part = part
        return part.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { scratch in
                if let count = fastKey(bytes, into: scratch) {
                    return String(decoding: UnsafeBufferPointer(rebasing: scratch[0..<count]), as: UTF8.self)
                }
                return slowKey(bytes)
            }
        }
    }

    /// `key` for words of ASCII, basic Cyrillic (U+0400–U+045F) and "’", written into `out`
    /// (at least as long as `part`) without Unicode tables; nil for any other word.
    @inline(__always)
    static func fastKey(_ part: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var count = 0
        var cyrillic = false
        var offset = 0
        let length = part.count
        while offset < length {
            let byte = part[offset]
            if byte < 0x80 {
                if byte != 0x2E && byte != 0x27 {
                    out[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    count += 1
                }
                offset += 1
            } else if (byte == 0xD0 || byte == 0xD1) && offset + 1 < length {
                var value = (UInt32(byte & 0x1F) << 6) | UInt32(part[offset + 1] & 0x3F)
                guard value <= 0x45F else { return nil }
                if value < 0x410 {
                    value += 0x50
                } else if value < 0x430 {
                    value += 0x20
                }
                if value == 0x451 {
                    value = 0x435  // ё → е
                } else if value == 0x439 {
                    value = 0x438  // й → и
                }
                out[count] = UInt8(0xC0 | value >> 6)
                out[count + 1] = UInt8(0x80 | value & 0x3F)
                count += 2
                cyrillic = true
                offset += 2
            } else if byte == 0xE2 && offset + 2 < length && part[offset + 1] == 0x80 && part[offset + 2] == 0x99 {
                offset += 3  // ’
            } else {
                return nil
            }
        }
        return cyrillic ? stemRussian(out, count) : count
    }

    /// `key` through Unicode's case mapping and diacritic folding.
    static func slowKey(_ part: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: part, as: UTF8.self)
        var cyrillic = false
        var otherNonASCII = false
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            if (0x400...0x4FF).contains(scalar.value) { cyrillic = true } else if scalar != "’" { otherNonASCII = true }
        }
        var lowered = text.lowercased()
        if otherNonASCII {
            lowered = lowered.folding(options: .diacriticInsensitive, locale: nil)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars where scalar != "." && scalar != "'" && scalar != "’" {
            switch scalar {
            case "ё": scalars.append("е")
            case "й": scalars.append("и")
            default: scalars.append(scalar)
            }
        }
        var result = String(scalars)
        if cyrillic {
            result = result.withUTF8 { bytes in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { scratch in
                    _ = scratch.initialize(from: bytes)
                    let count = stemRussian(scratch, bytes.count)
                    return String(decoding: UnsafeBufferPointer(rebasing: scratch[0..<count]), as: UTF8.self)
                }
            }
        }
        return result
    }

    private static let russianVowels: Set<UInt32> = [
        0x430, 0x435, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F, 0x44C,  // а е и о у ы э ю я ь
    ]

    /// Strips a Russian case ending from the UTF-8 key in `key[0..<count]`, keeping at least three
    /// letters: a vowel + м/х ending, then trailing vowels and soft signs. Crude, but names and
    /// places decline regularly enough. Returns the new byte count.
    static func stemRussian(_ key: UnsafeMutableBufferPointer<UInt8>, _ count: Int) -> Int {
        var scalars = 0
        for index in 0..<count where key[index] & 0xC0 != 0x80 { scalars += 1 }
        guard scalars >= 4 else { return count }
        var count = count
        func last(_ end: Int) -> (UInt32, Int) {
            var start = end - 1
            while start > 0 && key[start] & 0xC0 == 0x80 { start -= 1 }
            return (scalar(UnsafeBufferPointer(rebasing: key[start..<end]), at: 0).0, end - start)
        }
        let (final, finalLength) = last(count)
        if final == 0x43C || final == 0x445, scalars >= 5, russianVowels.contains(last(count - finalLength).0) {
            count -= finalLength  // м, х
            scalars -= 1
        }
        while scalars > 3 {
            let (value, length) = last(count)
            guard russianVowels.contains(value) else { break }
            count -= length
            scalars -= 1
        }
        return count
    }

    /// A spelling-tolerant form of a Latin key: vowel runs become one "a", "w" after a vowel is a
    /// vowel except at the end (where it is the German-style "v" of "Konashenkow"), doubled
    /// letters collapse, "ph" is "f", and an article glued to a doubled consonant goes ("Ezzor").
    static func fuzzyKey(_ key: String) -> String {
        let bytes = Array(key.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return key }
        return bytes.withUnsafeBufferPointer { input in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(input.count, 1)) { out in
                let count = fuzzyKey(input, into: out)
                return String(decoding: UnsafeBufferPointer(rebasing: out[0..<count]), as: UTF8.self)
            }
        }
    }

    /// `fuzzyKey` of an ASCII key, written into `out` (at least as long); returns the byte count.
    static func fuzzyKey(_ key: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        @inline(__always) func isVowel(_ byte: UInt8) -> Bool {
            byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79
        }
        var index = 0
        let length = key.count
        if length >= 5, isVowel(key[0]), !isVowel(key[1]), key[1] == key[2] { index = 2 }
        let first = index
        var count = 0
        while index < length {
            var byte = key[index]
            if byte == UInt8(ascii: "p"), index + 1 < length, key[index + 1] == UInt8(ascii: "h") {
                byte = UInt8(ascii: "f")
                index += 1
            } else if byte == UInt8(ascii: "w") {
                let afterVowel = index > first && isVowel(key[index - 1])
                byte = afterVowel && index < length - 1 ? UInt8(ascii: "a") : UInt8(ascii: "v")
            } else if isVowel(byte) {
                byte = UInt8(ascii: "a")
            }
            if count == 0 || out[count - 1] != byte {
                out[count] = byte
                count += 1
            }
            index += 1
        }
        return count
    }
}

extension Substring {
    /// Without the spaces and tabs around it: the only padding the gazetteer data uses.
    fileprivate var withoutPadding: Substring {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }),
            let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D })
        else { return self[endIndex...] }
        return self[first...last]
    }
}
