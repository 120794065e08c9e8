import Foundation
import TextAnalysis

/// A term's number in a `TermStatistics` vocabulary.
public typealias TermID = Int32

/// What a term stands for: a word stem, or an anchor that two wordings of one claim share
/// however they are phrased.
public enum TermKind: UInt8, Sendable, Hashable, CaseIterable {
    /// A stemmed, stop-word-free word (`TermNormalizer`).
    case word
    /// A gazetteer entity: "IS", "ISIL", "Daesh" and "Islamic State" are one term.
    case entity
    /// A number as written, thousands separators dropped ("1,200" and "1200" are one term).
    case number
    /// Who makes the claim (`Speaker.voice`), kept apart from the outlet relaying it.
    case voice
    /// What part of an event the claim is about (`ClaimSlot`).
    case slot
}

/// The vocabulary and the document frequencies that weight it: terms are interned once into
/// dense ids, so that every later comparison works on integers, and each document (a sentence or
/// claim) observed raises the frequency of the terms it holds.
///
/// Frequencies can be learned incrementally (`observe`, as articles arrive) or passed in
/// (`init(documentFrequencies:kinds:documents:)`); with nothing learned every term weighs the
/// same, which is what a lone pair of sentences (`compare`) gets.
///
/// It also remembers, per spelling, what a word turned out to be (its term, whether it may start a
/// gazetteer name, whether it can make a quantity), so that a word is stemmed and looked up once
/// however often it recurs. Those answers depend on the gazetteer of the `ClaimSimilarity` that
/// asked first: use one statistics value with one gazetteer.
public struct TermStatistics: Sendable {
    private var ids: [String: TermID] = [:]
    private var frequencies: [Int32] = []
    private var termKinds: [TermKind] = []
    /// Spellings seen so far, by a hash of their bytes.
    fileprivate var spellings = SpellingTable()
    /// How many documents were observed.
    public private(set) var documentCount = 0

    public init() {}

    /// Statistics learned elsewhere: `documentFrequencies` maps a term (as `key(_:kind:)` writes
    /// it, the kind taken from `kinds`, else `.word`) to the number of the `documents` holding it.
    public init(documentFrequencies: [String: Int], kinds: [String: TermKind] = [:], documents: Int) {
        for (term, frequency) in documentFrequencies {
            let id = intern(term, kind: kinds[term] ?? .word)
            frequencies[Int(id)] = Int32(clamping: frequency)
        }
        documentCount = documents
    }

    /// Number of distinct terms.
    public var count: Int { frequencies.count }

    /// The key a term is interned under: anchors are prefixed by a control character no word
    /// holds, so that the number "17" never meets a word, nor an entity id a stem.
    public static func key(_ text: String, kind: TermKind) -> String {
        switch kind {
        case .word: text
        case .entity: "\u{1}e" + text
        case .number: "\u{1}n" + text
        case .voice: "\u{1}v" + text
        case .slot: "\u{1}s" + text
        }
    }

    /// The id of `text` as a term of `kind`, interning it if new.
    public mutating func intern(_ text: String, kind: TermKind) -> TermID {
        let key = Self.key(text, kind: kind)
        if let id = ids[key] { return id }
        let id = TermID(frequencies.count)
        ids[key] = id
        frequencies.append(0)
        termKinds.append(kind)
        return id
    }

    /// The id of `text` as a term of `kind`, if it was ever interned.
    public func id(of text: String, kind: TermKind) -> TermID? { ids[Self.key(text, kind: kind)] }

    public func kind(of id: TermID) -> TermKind { termKinds[Int(id)] }

    public func documentFrequency(of id: TermID) -> Int { Int(frequencies[Int(id)]) }

    /// Counts one document: each of its distinct terms once.
    public mutating func observe(_ terms: ClaimTerms) {
        for id in terms.ids { frequencies[Int(id)] += 1 }
        documentCount += 1
    }

    /// Counts every claim of an article as a document.
    public mutating func observe(_ terms: ArticleTerms) {
        for id in terms.ids { frequencies[Int(id)] += 1 }
        documentCount += terms.count
    }

    /// Smoothed inverse document frequency, `ln((N + 1) / (df + 1)) + 1`: 1 for every term when
    /// nothing was observed, never zero, highest for the rare names and figures that tell one
    /// claim from another.
    public func inverseDocumentFrequency(of id: TermID) -> Float {
        let frequency = Int(id) < frequencies.count ? frequencies[Int(id)] : 0
        return logf(Float(documentCount + 1) / Float(frequency + 1)) + 1
    }
}

/// What a spelling turned out to be, remembered by `TermStatistics`.
struct Spelling {
    /// Its term, -1 for a stop word or a mark.
    var term: TermID
    /// Its part in gazetteer names (`ClaimSimilarity.nameGate`): -1 none, `Spelling.namesAlone`
    /// when it may be a name by itself, else the id of a word that names only with another.
    var gate: Int32
    /// It can make a quantity with no digit token beside it (`QuantityExtractor.isQuantityWord`).
    var quantityWord: Bool

    static let namesAlone: Int32 = -2
}

/// Spellings by a 64-bit hash of their bytes as written: open addressing over one array of
/// 16-byte slots (a probe touches one cache line), no `String` made or hashed for a word seen
/// before. Two spellings sharing a hash is a one-in-2^64 chance per pair.
struct SpellingTable: Sendable {
    private struct Slot {
        var key: UInt64 = 0
        var term: TermID = -1
        /// Gate in the low 31 bits + 2 (0: none, 1: alone), quantity word in the top bit.
        var bits: UInt32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 1 << 12)
    private var used = 0

    /// FNV-style hash of `bytes`, salted by the token kind so that a number never meets a word.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, salt: UInt64) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ salt
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash ^= hash >> 31
        hash &*= 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
        return hash == 0 ? 1 : hash
    }

    @inline(__always)
    func find(_ key: UInt64) -> Spelling? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var index = Int(truncatingIfNeeded: key) & mask
            while true {
                let slot = slots[index]
                if slot.key == key {
                    return Spelling(
                        term: slot.term, gate: Int32(bitPattern: slot.bits & 0x7FFF_FFFF) - 2,
                        quantityWord: slot.bits & 0x8000_0000 != 0)
                }
                if slot.key == 0 { return nil }
                index = (index + 1) & mask
            }
        }
    }

    mutating func insert(_ key: UInt64, _ spelling: Spelling) {
        if (used + 1) * 2 > slots.count { grow() }
        let bits = UInt32(bitPattern: spelling.gate + 2) | (spelling.quantityWord ? 0x8000_0000 : 0)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key) & mask
        while slots[index].key != 0 && slots[index].key != key { index = (index + 1) & mask }
        if slots[index].key == 0 { used += 1 }
        slots[index] = Slot(key: key, term: spelling.term, bits: bits)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.key != 0 {
            var index = Int(truncatingIfNeeded: slot.key) & mask
            while slots[index].key != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}

/// The terms of one sentence or claim, before weighting: sorted, distinct term ids with their
/// counts.
public struct ClaimTerms: Sendable, Hashable {
    public var ids: [TermID]
    public var counts: [UInt16]
    /// What figures it gives, for skipping pairs that cannot conflict.
    public var figures: FigureSummary

    public init(ids: [TermID] = [], counts: [UInt16] = [], figures: FigureSummary = FigureSummary()) {
        self.ids = ids
        self.counts = counts
        self.figures = figures
    }

    public var isEmpty: Bool { ids.isEmpty }
}

/// The figures a sentence writes, summed up without extracting quantities: the multiset of its
/// number tokens (as a hash) and whether any word could make a quantity without digits.
/// `NumberConflictDetector.mayConflict(_:_:)` reads it.
public struct FigureSummary: Sendable, Hashable {
    /// Sum of a hash of each number token's term: equal for the same numbers in any order.
    public var numbers: UInt64 = 0
    public var numberCount = 0
    /// A number word, vague amount, scale or digit-bearing word ("six", "several", "million", "3bn").
    public var spelledQuantity = false

    public init() {}

    /// Some quantity may be in the sentence.
    public var mayHoldQuantity: Bool { numberCount > 0 || spelledQuantity }
}

/// The claims of one article as term lists in a single flat layout: claim `i` owns
/// `ids[starts[i]..<starts[i + 1]]` and the counts beside them. Made once per article as its
/// sentences are read, observed into the statistics, weighted once (`AlignableClaims`).
public struct ArticleTerms: Sendable, Hashable {
    public private(set) var ids: [TermID] = []
    public private(set) var counts: [UInt16] = []
    public private(set) var starts: [Int32] = [0]
    public private(set) var figures: [FigureSummary] = []

    public init() {}

    public var count: Int { starts.count - 1 }

    /// Room for `claims` claims holding `terms` terms in all.
    public mutating func reserveCapacity(claims: Int, terms: Int) {
        ids.reserveCapacity(terms)
        counts.reserveCapacity(terms)
        starts.reserveCapacity(claims + 1)
        figures.reserveCapacity(claims)
    }

    public mutating func append(_ terms: ClaimTerms) {
        ids.append(contentsOf: terms.ids)
        counts.append(contentsOf: terms.counts)
        starts.append(Int32(ids.count))
        figures.append(terms.figures)
    }

    /// Appends sorted, distinct terms from a list with repeats (sorted in place).
    mutating func append(unsorted: inout [TermID], figures: FigureSummary) {
        unsorted.sort()
        for id in unsorted {
            if ids.count > Int(starts[starts.count - 1]) && ids[ids.count - 1] == id {
                counts[counts.count - 1] &+= 1
            } else {
                ids.append(id)
                counts.append(1)
            }
        }
        starts.append(Int32(ids.count))
        self.figures.append(figures)
    }

    public subscript(index: Int) -> ClaimTerms {
        let range = Int(starts[index])..<Int(starts[index + 1])
        return ClaimTerms(ids: Array(ids[range]), counts: Array(counts[range]), figures: figures[index])
    }
}

/// A weighted, unit-length term vector: the cosine of two is their dot product.
public struct ClaimVector: Sendable, Hashable {
    public var ids: [TermID]
    public var weights: [Float]

    public init(ids: [TermID] = [], weights: [Float] = []) {
        self.ids = ids
        self.weights = weights
    }

    /// Cosine similarity in [0, 1] (weights are never negative): a merge of the sorted ids.
    public func cosine(_ other: ClaimVector) -> Double {
        var i = 0
        var j = 0
        var sum: Float = 0
        while i < ids.count && j < other.ids.count {
            let a = ids[i]
            let b = other.ids[j]
            if a == b {
                sum += weights[i] * other.weights[j]
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(min(max(sum, 0), 1))
    }
}

/// Each term's weight factor, IDF times its kind's boost, read off the statistics once: weighting
/// a sentence is then one table read per term.
public struct TermWeights: Sendable {
    private var factors: [Float]

    public init(statistics: TermStatistics, boosts: ClaimSimilarity.Boosts) {
        factors = (0..<statistics.count).map { index in
            let id = TermID(index)
            return statistics.inverseDocumentFrequency(of: id) * boosts.boost(statistics.kind(of: id))
        }
        unseen = logf(Float(statistics.documentCount + 1)) + 1
    }

    /// Weight factor for a term interned after the table was made: as rare as can be.
    private var unseen: Float

    @inline(__always)
    public func factor(_ id: TermID) -> Float { Int(id) < factors.count ? factors[Int(id)] : unseen }

    /// Sublinear term frequency: a word said twice counts more than once, not twice as much.
    @inline(__always)
    static func termFrequency(_ count: UInt16) -> Float { count <= 1 ? 1 : 1 + logf(Float(count)) }

    /// Scales weights to unit length (all zero stays zero).
    static func normalize(_ weights: inout ArraySlice<Float>) {
        var norm: Float = 0
        for weight in weights { norm += weight * weight }
        guard norm > 0 else { return }
        let scale = 1 / norm.squareRoot()
        for index in weights.indices { weights[index] *= scale }
    }
}

/// How alike two claims are, in [0, 1]: the cosine of TF-IDF vectors over word stems plus anchors,
/// the things two wordings of one claim share however they are phrased: the entities they name
/// (by gazetteer id, so aliases and transliterations meet), the numbers they give, and for
/// `Claim` values the speaker's voice and the claim's slots.
///
/// Anchors are terms like any other, weighted by their rarity times a boost, so one cosine
/// serves every comparison and stays in [0, 1]. A changed figure ("6" against "8 wounded") costs
/// only its own term, so a contradicting report still lines up with the claim it contradicts.
///
/// Terms are read in one pass over a sentence's bytes (`Tokenizer.forEachToken`), each spelling
/// looked up by hash; only a sentence holding a word that may be part of a gazetteer name goes through
/// the `EntityRecognizer`, whose known entities then replace their words by their anchor.
public struct ClaimSimilarity: Sendable {
    /// Boosts per term kind, multiplied into the TF-IDF weight.
    public struct Boosts: Sendable, Hashable {
        public var word: Float
        public var entity: Float
        public var number: Float
        public var voice: Float
        public var slot: Float

        public init(word: Float = 1, entity: Float = 1.5, number: Float = 1, voice: Float = 1, slot: Float = 0.3) {
            self.word = word
            self.entity = entity
            self.number = number
            self.voice = voice
            self.slot = slot
        }

        @inline(__always)
        func boost(_ kind: TermKind) -> Float {
            switch kind {
            case .word: word
            case .entity: entity
            case .number: number
            case .voice: voice
            case .slot: slot
            }
        }
    }

    public let recognizer: EntityRecognizer
    public var boosts: Boosts
    /// Which sentences the entity recognizer must read, decided from their words alone.
    private let nameGate: NameGate

    public init(recognizer: EntityRecognizer = EntityRecognizer(), boosts: Boosts = Boosts()) {
        self.recognizer = recognizer
        self.boosts = boosts
        nameGate = NameGate(recognizer.gazetteer)
    }

    /// A necessary condition for a sentence to name a gazetteer entity, checked on the words the
    /// term pass meets anyway. A name is found only with all its words, so a one-word name gates
    /// alone and a longer one by its two least common words (fewest gazetteer names holding them,
    /// capitalized ones first: "Syrian", not "government"; "Defense" and "Ministry" together, not
    /// "Ministry" alone). Forms follow the recognizer's keys: lower-cased, periods dropped, past a
    /// leading or hyphen-joined article; acronyms ("IS", "SDF") only match an all-capitals word.
    /// What it cannot see: a multi-word name whose gate word is spelled in a way the gazetteer does
    /// not list (a one-word one is still caught through `Gazetteer.lookup`'s tolerant spelling).
    struct NameGate: Sendable {
        /// Word form -> gate id, by how the text must write it.
        var capitalized: [String: Int32] = [:]
        var anyCase: [String: Int32] = [:]
        var acronyms: [String: Int32] = [:]
        /// Gate words that name alone.
        var alone = Set<Int32>()
        /// Pairs of gate ids (smaller first, packed) whose co-occurrence may make a name.
        var pairs = Set<UInt64>()
        let gazetteer: Gazetteer

        init(_ gazetteer: Gazetteer) {
            self.gazetteer = gazetteer
            var names: [[Token]] = []
            var uses: [String: Int] = [:]
            var aloneWords = Set<String>()
            for entry in gazetteer.entries {
                for written in [entry.name] + entry.aliases + entry.demonyms + entry.peoples {
                    var words = Tokenizer.tokens(of: written).filter {
                        $0.kind == .word && !Self.leadingArticles.contains($0.lowercased)
                    }
                    guard !words.isEmpty else { continue }
                    if words.count == 1 { aloneWords.insert(words[0].lowercased) }
                    if words.contains(where: \.isCapitalized) { words.removeAll { !$0.isCapitalized } }
                    for word in Set(words.map(\.lowercased)) { uses[word, default: 0] += 1 }
                    names.append(words)
                }
            }
            var ids: [String: Int32] = [:]
            func id(_ token: Token) -> Int32 {
                if let known = ids[token.lowercased] { return known }
                let new = Int32(ids.count)
                ids[token.lowercased] = new
                let acronym = token.isAllCaps && token.text.unicodeScalars.count <= 6
                for form in Self.forms(of: token.lowercased) {
                    if acronym {
                        acronyms[form] = acronyms[form] ?? new
                    } else if token.isCapitalized {
                        capitalized[form] = capitalized[form] ?? new
                    } else {
                        anyCase[form] = anyCase[form] ?? new
                    }
                }
                return new
            }
            for words in names {
                var distinct: [Token] = []
                for word in words where !distinct.contains(where: { $0.lowercased == word.lowercased }) {
                    distinct.append(word)
                }
                func cost(_ token: Token) -> (Int, Int) {
                    (
                        aloneWords.contains(token.lowercased) ? 0 : uses[token.lowercased] ?? 0,
                        -token.lowercased.utf8.count
                    )
                }
                distinct.sort { cost($0) < cost($1) }
                let first = id(distinct[0])
                if distinct.count == 1 || aloneWords.contains(distinct[0].lowercased) {
                    alone.insert(first)
                } else {
                    let second = id(distinct[1])
                    pairs.insert(Self.pair(first, second))
                }
            }
        }

        @inline(__always)
        static func pair(_ a: Int32, _ b: Int32) -> UInt64 {
            UInt64(UInt32(bitPattern: min(a, b))) << 32 | UInt64(UInt32(bitPattern: max(a, b)))
        }

        /// Articles that recognition reads past, before a name ("the Ukraine", "Al Qaeda") or
        /// joined to its word by a hyphen ("al-Zor", "ez-Zor").
        static let leadingArticles: Set<String> = [
            "the", "al", "el", "ad", "ed", "ar", "er", "as", "es", "ash", "az", "ez", "at", "an", "ul", "ud", "ur",
            "adh",
        ]

        /// A lower-cased word as names are keyed: whole, without periods ("u.s." is "us"), and
        /// past a joined article ("al-zor" is also "zor").
        static func forms(of word: String) -> [String] {
            guard word.utf8.contains(where: { $0 == 0x2E || $0 == 0x27 || $0 == 0x2D || $0 == 0xE2 }) else {
                return [word]
            }
            var forms = [word]
            let bare = String(word.unicodeScalars.filter { $0 != "." && $0 != "'" && $0 != "’" }.map(Character.init))
            if bare != word { forms.append(bare) }
            if let hyphen = word.firstIndex(of: "-"), leadingArticles.contains(String(word[..<hyphen])) {
                forms.append(String(word[word.index(after: hyphen)...]))
            }
            return forms
        }

        /// The gate value of a word as written (`Spelling.gate`).
        func gate(_ word: String, lowercased: String) -> Int32 {
            let capital = word.unicodeScalars.first?.properties.isUppercase ?? false
            let allCaps =
                capital && word.unicodeScalars.count >= 2
                && word.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
            var found: Int32 = -1
            for form in Self.forms(of: lowercased) {
                let id = anyCase[form] ?? (capital ? capitalized[form] : nil) ?? (allCaps ? acronyms[form] : nil)
                if let id {
                    if alone.contains(id) { return Spelling.namesAlone }
                    found = id
                }
            }
            // A one-word name under another spelling ("Konashenkov", "Konaschenkow"); acronyms
            // and short words are only ever matched as written.
            if capital && !allCaps && word.unicodeScalars.count >= 4 && gazetteer.lookup(word) != nil {
                return Spelling.namesAlone
            }
            return found
        }

        /// Whether gate words met in one sentence may make a name.
        func opens(_ gates: UnsafeBufferPointer<Int32>) -> Bool {
            for i in gates.indices {
                for j in gates.index(after: i)..<gates.endIndex where pairs.contains(Self.pair(gates[i], gates[j])) {
                    return true
                }
            }
            return false
        }
    }

    // MARK: Terms

    /// The terms of a plain sentence: its words, with the words of each known entity replaced by
    /// the entity's anchor, and its numbers as number anchors.
    public func terms(of sentence: String, statistics: inout TermStatistics) -> ClaimTerms {
        var article = ArticleTerms()
        var scratch: [TermID] = []
        append(sentence, to: &article, statistics: &statistics, scratch: &scratch)
        return article[0]
    }

    /// The terms of a claim: its sentence's words and anchors (entities as the extractor found
    /// them), its speaker's voice and its slots.
    public func terms(of claim: Claim, statistics: inout TermStatistics) -> ClaimTerms {
        var article = ArticleTerms()
        var scratch: [TermID] = []
        append(claim, to: &article, statistics: &statistics, scratch: &scratch)
        return article[0]
    }

    /// Appends the terms of `sentence` to an article's, with `scratch` reused between calls.
    public func append(
        _ sentence: String, to article: inout ArticleTerms, statistics: inout TermStatistics,
        scratch: inout [TermID]
    ) {
        var text = sentence
        text.withUTF8 { append(utf8: $0, to: &article, statistics: &statistics, scratch: &scratch) }
    }

    /// Appends the terms of a sentence given as UTF-8 bytes: no `String` is made unless the
    /// sentence may name a gazetteer entity.
    public func append(
        utf8 bytes: UnsafeBufferPointer<UInt8>, to article: inout ArticleTerms, statistics: inout TermStatistics,
        scratch: inout [TermID]
    ) {
        scratch.removeAll(keepingCapacity: true)
        var figures = FigureSummary()
        if collectFast(bytes, statistics: &statistics, into: &scratch, figures: &figures) {
            let sentence = String(decoding: bytes, as: UTF8.self)
            let tokens = Tokenizer.tokens(of: sentence)
            let entities = recognizer.entities(in: sentence, tokens: tokens)
            if entities.contains(where: { $0.entityID != nil }) {
                scratch.removeAll(keepingCapacity: true)
                figures = FigureSummary()
                collect(bytes, tokens, entities, statistics: &statistics, into: &scratch, figures: &figures)
            }
        }
        article.append(unsorted: &scratch, figures: figures)
    }

    /// Appends the terms of `claim` (its words and anchors, voice and slots) to an article's.
    public func append(
        _ claim: Claim, to article: inout ArticleTerms, statistics: inout TermStatistics, scratch: inout [TermID]
    ) {
        var text = claim.text
        text.withUTF8 { bytes in
            scratch.removeAll(keepingCapacity: true)
            var figures = FigureSummary()
            let tokens = Tokenizer.tokens(of: claim.text)
            collect(bytes, tokens, claim.entities, statistics: &statistics, into: &scratch, figures: &figures)
            if let speaker = claim.speaker { scratch.append(statistics.intern(speaker.voice, kind: .voice)) }
            for slot in claim.slots where slot != .other {
                scratch.append(statistics.intern(slot.rawValue, kind: .slot))
            }
            article.append(unsorted: &scratch, figures: figures)
        }
    }

    /// The terms of every token, no entities; true when the words may make a gazetteer name.
    private func collectFast(
        _ bytes: UnsafeBufferPointer<UInt8>, statistics: inout TermStatistics, into ids: inout [TermID],
        figures: inout FigureSummary
    ) -> Bool {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 16) { gates in
            var alone = false
            var gateCount = 0
            Tokenizer.forEachToken(inUTF8: bytes) { kind, start, end in
                guard kind == .word || kind == .number else { return }
                let spelling = self.spelling(bytes, start, end, number: kind == .number, statistics: &statistics)
                if spelling.term >= 0 { ids.append(spelling.term) }
                if spelling.gate != -1 {
                    if spelling.gate == Spelling.namesAlone || gateCount == gates.count {
                        alone = true
                    } else if !gates[..<gateCount].contains(spelling.gate) {
                        gates[gateCount] = spelling.gate
                        gateCount += 1
                    }
                }
                note(spelling, number: kind == .number, in: &figures)
            }
            return alone || (gateCount > 1 && nameGate.opens(UnsafeBufferPointer(rebasing: gates[..<gateCount])))
        }
    }

    /// The terms of `tokens`, with each known entity's words replaced by its anchor.
    private func collect(
        _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ entities: [EntityMention],
        statistics: inout TermStatistics, into ids: inout [TermID], figures: inout FigureSummary
    ) {
        var anchors: [(range: TextRange, id: TermID)] = []
        for entity in entities {
            guard let entityID = entity.entityID else { continue }
            anchors.append((entity.range, statistics.intern(entityID, kind: .entity)))
            ids.append(anchors[anchors.count - 1].id)
        }
        anchors.sort { $0.range < $1.range }
        var next = 0
        for token in tokens where token.kind == .word || token.kind == .number {
            let range = token.range
            guard range.lowerBound >= 0, range.upperBound <= bytes.count else { continue }
            while next < anchors.count && anchors[next].range.upperBound <= range.lowerBound { next += 1 }
            let number = token.kind == .number
            let spelling = self.spelling(
                bytes, range.lowerBound, range.upperBound, number: number, statistics: &statistics)
            note(spelling, number: number, in: &figures)
            if next < anchors.count && anchors[next].range.overlaps(range) { continue }
            if spelling.term >= 0 { ids.append(spelling.term) }
        }
    }

    @inline(__always)
    private func note(_ spelling: Spelling, number: Bool, in figures: inout FigureSummary) {
        if number {
            var mixed = UInt64(UInt32(bitPattern: spelling.term)) &* 0x9E37_79B9_7F4A_7C15
            mixed ^= mixed >> 32
            figures.numbers &+= mixed
            figures.numberCount += 1
        } else if spelling.quantityWord {
            figures.spelledQuantity = true
        }
    }

    /// What `bytes[start..<end]` is, from the statistics' memory or worked out once.
    @inline(__always)
    private func spelling(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, number: Bool,
        statistics: inout TermStatistics
    ) -> Spelling {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let key = SpellingTable.hash(slice, salt: number ? 0x6E75_6D62 : 0)
        if let known = statistics.spellings.find(key) { return known }
        let text = String(decoding: slice, as: UTF8.self)
        let spelling: Spelling
        if number {
            spelling = Spelling(
                term: statistics.intern(Self.numberKey(text), kind: .number), gate: -1, quantityWord: false)
        } else {
            let lowercased = text.lowercased()
            // `.other`: each script sheds its usual language's stop words, so one vocabulary
            // serves a mixed-language corpus.
            let term = TermNormalizer.term(word: lowercased, language: .other).map {
                statistics.intern($0, kind: .word)
            }
            spelling = Spelling(
                term: term ?? -1, gate: nameGate.gate(text, lowercased: lowercased),
                quantityWord: QuantityExtractor.isQuantityWord(lowercased))
        }
        statistics.spellings.insert(key, spelling)
        return spelling
    }

    /// "1,200" and "1200" are one number; a comma before anything but three digits is a decimal
    /// comma ("0,4" is "0.4").
    static func numberKey(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: ",")) else { return text }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        if parts.dropFirst().allSatisfy({ $0.utf8.count == 3 }) { return parts.joined() }
        return String(text.map { $0 == "," ? "." : $0 })
    }

    // MARK: Vectors

    /// Weights terms by sublinear TF times IDF times the kind's boost, to unit length.
    public func vector(_ terms: ClaimTerms, statistics: TermStatistics) -> ClaimVector {
        var weights = [Float](repeating: 0, count: terms.ids.count)
        for index in terms.ids.indices {
            let id = terms.ids[index]
            weights[index] =
                TermWeights.termFrequency(terms.counts[index]) * statistics.inverseDocumentFrequency(of: id)
                * boosts.boost(statistics.kind(of: id))
        }
        TermWeights.normalize(&weights[...])
        return ClaimVector(ids: terms.ids, weights: weights)
    }

    // MARK: Similarity

    /// The similarity of two plain sentences under `statistics` (which learns their new terms
    /// only in a local copy; unseen terms weigh as rare ones).
    public func similarity(_ a: String, _ b: String, statistics: TermStatistics = TermStatistics()) -> Double {
        var local = statistics
        let termsA = terms(of: a, statistics: &local)
        let termsB = terms(of: b, statistics: &local)
        return vector(termsA, statistics: local).cosine(vector(termsB, statistics: local))
    }

    /// The similarity of two claims under `statistics`: words, entities, numbers, voice and slots.
    public func similarity(_ a: Claim, _ b: Claim, statistics: TermStatistics = TermStatistics()) -> Double {
        var local = statistics
        let termsA = terms(of: a, statistics: &local)
        let termsB = terms(of: b, statistics: &local)
        return vector(termsA, statistics: local).cosine(vector(termsB, statistics: local))
    }
}
