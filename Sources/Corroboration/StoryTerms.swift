import Foundation
import NearDuplicates
import TextAnalysis

/// The terms of the articles seen so far and how many articles hold each: the incremental IDF of
/// story clustering.
///
/// Why incremental: a streaming engine never sees the corpus whole, so document frequencies are
/// learned as articles arrive and every similarity is computed with the counts of that moment.
/// Why a table keyed by word hash: an article has hundreds of words and most were seen before, so
/// a word costs one hash and one probe; only a word never seen is normalized (stop word, stem) by
/// `TermNormalizer`, and its stem shares a term number with the other words that stem alike.
struct StoryTerms: Sendable {
    /// Open addressing over 32-bit word hashes (key 0: empty slot); a slot holds the word's term,
    /// or -1 for a stop word, next to its key: eight bytes, so the table of a few hundred
    /// thousand words stays small enough for the cache. Two words whose hashes agree share a
    /// term; among the words of a news stream that happens about never.
    private var slots: [WordSlot]
    private var wordCount = 0
    /// Term numbers by stem key (the stems of words, caller-given names prefixed by `\u{1}`,
    /// entity ids by `\u{2}`), in a table of the same kind: a stored article names its terms by
    /// these keys (`StoryFeatures`), so a later run maps them back without the stems' strings.
    private var stemSlots: [WordSlot]
    private var stemCount = 0
    /// Each term's stem key.
    private(set) var termKeys: [UInt32] = []
    /// Articles holding each term.
    private(set) var documentFrequency: [Int32] = []
    /// The script of each term's word (`Script`): its frequency is read against the articles
    /// written in that script, so the common words of the Russian minority of a wire mix do not
    /// pass for rare ones just because most articles are English.
    private var termScript: [UInt8] = []
    /// Articles counted, by the script most of their terms are written in.
    private(set) var documents: [Int] = Array(repeating: 0, count: Script.allCases.count)
    /// `log(1 + k)` for k up to the largest frequency asked for, so an IDF costs no logarithm.
    private var logTable: [Float] = [0]
    /// Per term: whether a gazetteer name is spelt with it ("kerch", "skripal", "дейр"). A lead
    /// with few such words names too few known entities to be worth the recognizer.
    private(set) var isNameWord: [Bool] = []

    init() {
        slots = Array(repeating: WordSlot(), count: 1 << 16)
        stemSlots = Array(repeating: WordSlot(), count: 1 << 15)
    }

    /// Marks the words of the gazetteer's names and aliases (not its demonyms: "Russian" says
    /// little about which event), adding them to the table.
    mutating func markNameWords() {
        for (word, stem, script) in Self.gazetteerNameWords {
            let found = word.withUnsafeBufferPointer { term(ofWord: $0) { _ in (stem, script) } }
            if let found { isNameWord[Int(found)] = true }
        }
    }

    /// The lowercased words of the standard gazetteer's names and aliases with their stems,
    /// worked out once: every clusterer marks them.
    private static let gazetteerNameWords: [(word: [UInt8], stem: String?, script: Script)] = {
        var words = Set<[UInt8]>()
        let tokenizer = WordTokenizer()
        for entry in Gazetteer.standard.entries {
            for name in [entry.name] + entry.aliases {
                for word in tokenizer.tokens(in: name) { words.insert(Array(word.utf8)) }
            }
        }
        return words.sorted { $0.lexicographicallyPrecedes($1) }.map { word in
            let (stem, script) = word.withUnsafeBufferPointer { normalized($0) }
            return (word, stem, script)
        }
    }()

    var count: Int { documentFrequency.count }

    /// The term of a lowercased word (UTF-8), or nil for a stop word or a one-character word.
    mutating func term(ofWord word: UnsafeBufferPointer<UInt8>) -> Int32? {
        term(ofWord: word) { Self.normalized($0) }
    }

    /// The term of `word`, or nil; `normalize` gives the stem and script of a word not seen yet.
    private mutating func term(
        ofWord word: UnsafeBufferPointer<UInt8>, normalize: (UnsafeBufferPointer<UInt8>) -> (String?, Script)
    ) -> Int32? {
        guard word.count >= 2 else { return nil }
        let key = Self.key(word)
        let (found, slot) = Self.find(key, in: slots)
        if let found { return found < 0 ? nil : found }
        let (stem, script) = normalize(word)
        let term: Int32 = stem.map { stemTerm($0, script) } ?? -1
        slots[slot] = WordSlot(key: key, term: term)
        wordCount += 1
        if wordCount * 2 > slots.count { Self.grow(&slots) }
        return term < 0 ? nil : term
    }

    /// The term a key names in `slots`, or nil and the empty slot where it would go.
    @inline(__always)
    private static func find(_ key: UInt32, in slots: [WordSlot]) -> (term: Int32?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let stored = slots[slot]
                if stored.key == key { return (stored.term, slot) }
                if stored.key == 0 { return (nil, slot) }
                slot = (slot + 1) & mask
            }
        }
    }

    /// A new word's stem (nil for a stop word) and script.
    private static func normalized(_ word: UnsafeBufferPointer<UInt8>) -> (String?, Script) {
        let script: Script = word[0] < 0x80 ? .latin : word[0] == 0xD0 || word[0] == 0xD1 ? .cyrillic : .other
        return (TermNormalizer.term(word: String(decoding: word, as: UTF8.self), language: .other), script)
    }

    @inline(__always)
    static func key(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        key(hash: StableHash.hash(UnsafeRawBufferPointer(word)))
    }

    /// A stem's key: 32 bits of its hash, like a word's (two stems that share one share a term).
    static func key(stem: String) -> UInt32 { key(hash: StableHash.hash(stem)) }

    @inline(__always)
    private static func key(hash: UInt64) -> UInt32 {
        let key = UInt32(truncatingIfNeeded: hash >> 32)
        return key == 0 ? 1 : key
    }

    /// Calls `body` with a read-only lookup of known words, for the scan of a whole text; the
    /// words it does not know are added afterwards with `term(ofWord:)`.
    func withLookup<Result>(_ body: (WordLookup) -> Result) -> Result {
        slots.withUnsafeBufferPointer { slots in
            isNameWord.withUnsafeBufferPointer { names in body(WordLookup(slots: slots, names: names)) }
        }
    }

    /// The term of a name the caller extracted (an entity, a place): its own namespace, so
    /// "Paris" the entity and "paris" the word are different evidence.
    mutating func term(ofName name: String) -> Int32 {
        let script: Script =
            name.utf8.first.map { $0 < 0x80 ? .latin : $0 == 0xD0 || $0 == 0xD1 ? .cyrillic : .other } ?? .other
        return stemTerm("\u{1}" + name.lowercased(), script)
    }

    /// The term of a gazetteer entity id: a namespace of its own again, since the id is the same
    /// whatever the script or spelling of the name, which a caller's name is not.
    mutating func term(ofEntity id: String) -> Int32 {
        stemTerm("\u{2}" + id, .latin)
    }

    /// Counts one more article naming `entities` (each once), outside the article's own terms so
    /// that the ids neither lengthen its word vector nor sway the script it is counted under.
    mutating func count(entities: [Int32]) {
        for term in entities { documentFrequency[Int(term)] += 1 }
    }

    private mutating func stemTerm(_ stem: String, _ script: Script) -> Int32 {
        term(ofKey: Self.key(stem: stem), script: script)
    }

    /// The term of a stem key read back from stored features, made when new.
    mutating func term(ofKey key: UInt32, script: Script) -> Int32 {
        let (found, slot) = Self.find(key, in: stemSlots)
        if let found { return found }
        let term = Int32(documentFrequency.count)
        stemSlots[slot] = WordSlot(key: key, term: term)
        stemCount += 1
        if stemCount * 2 > stemSlots.count { Self.grow(&stemSlots) }
        termKeys.append(key)
        documentFrequency.append(0)
        termScript.append(script.rawValue)
        isNameWord.append(false)
        return term
    }

    /// The script of a term, as counted in `documents`.
    func script(of term: Int32) -> Int { Int(termScript[Int(term)]) }

    private static func grow(_ slots: inout [WordSlot]) {
        let old = slots
        slots = Array(repeating: WordSlot(), count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry.key != 0 {
            var slot = Int(truncatingIfNeeded: entry.key) & mask
            while slots[slot].key != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// Counts one more article holding `terms` (each once); returns the script it is counted under.
    @discardableResult
    mutating func count(article terms: [Int32]) -> Int {
        var byScript = [0, 0, 0]
        for term in terms {
            documentFrequency[Int(term)] += 1
            byScript[Int(termScript[Int(term)])] += 1
        }
        let script = byScript.indices.max { byScript[$0] < byScript[$1] } ?? 0
        documents[script] += 1
        let most = documents.reduce(0, +)
        while logTable.count <= most + 1 { logTable.append(Float(log(Double(logTable.count + 1)))) }
        return script
    }

    /// The smoothed IDF table of this moment, `log((N + 1) / (df + 1)) + 1`, with 0 for terms
    /// held by fewer than `minimumFrequency` articles (they cannot link two articles, and would
    /// only lengthen vectors) or by more than `maximumFraction` of them once there are enough
    /// articles to say so.
    func weights(minimumFrequency: Int, maximumFraction: Double, fractionFrom: Int) -> IDFWeights {
        var weights = IDFWeights(minimum: Int32(minimumFrequency))
        for script in Script.allCases {
            let count = documents[Int(script.rawValue)]
            // A script with fewer articles than that reads against all of them.
            let base = count >= fractionFrom ? count : documents.reduce(0, +)
            weights.logDocuments[Int(script.rawValue)] = logTable[base]
            weights.maximum[Int(script.rawValue)] =
                base >= fractionFrom ? Int32(min(Double(Int32.max), maximumFraction * Double(base))) : Int32.max
        }
        return weights
    }

    /// `idf` under `weights` for term `term`.
    @inline(__always)
    func idf(_ term: Int32, _ weights: IDFWeights) -> Float {
        let df = documentFrequency[Int(term)]
        let script = Int(termScript[Int(term)])
        guard df >= weights.minimum, df <= weights.maximum[script] else { return 0 }
        return weights.logDocuments[script] - logTable[Int(df)] + 1
    }

    /// The IDF a term would have if one more article held it: how rare it is, for choosing the
    /// terms an article is indexed under (a term only this article holds is the rarest of all).
    @inline(__always)
    func rarity(_ term: Int32, _ weights: IDFWeights) -> Float {
        weights.logDocuments[Int(termScript[Int(term)])] - logTable[Int(documentFrequency[Int(term)])] + 1
    }
}

struct WordSlot: Sendable {
    var key: UInt32 = 0
    var term: Int32 = -1
}

/// A read-only view of the word table.
struct WordLookup {
    /// What a word is to the table.
    enum Answer {
        case term(Int32)
        case stopWord
        case unknown
    }

    let slots: UnsafeBufferPointer<WordSlot>
    let names: UnsafeBufferPointer<Bool>

    @inline(__always)
    func isNameWord(_ term: Int32) -> Bool { names[Int(term)] }

    @inline(__always)
    func find(_ word: UnsafeBufferPointer<UInt8>) -> Answer {
        let key = StoryTerms.key(word)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = slots[slot]
            if stored.key == key { return stored.term < 0 ? .stopWord : .term(stored.term) }
            if stored.key == 0 { return .unknown }
            slot = (slot + 1) & mask
        }
    }
}

/// The writing systems whose articles are counted apart.
enum Script: UInt8, CaseIterable, Sendable {
    case latin, cyrillic, other
}

/// The constants of one moment's IDF, by script.
struct IDFWeights: Sendable {
    var logDocuments = SIMD4<Float>.zero
    var minimum: Int32
    var maximum = SIMD4<Int32>(repeating: .max)

    init(minimum: Int32) {
        self.minimum = minimum
    }
}
