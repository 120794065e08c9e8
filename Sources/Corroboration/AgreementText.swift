import Foundation
import NearDuplicates
import TextAnalysis

/// A text made ready for comparison once, so that comparing it with many others (a body with
/// every headline that names it, a claim with every sentence of a story) costs only the
/// comparisons: its claims (speaker, polarity, quantities), and per sentence a TF-IDF vector
/// of stemmed terms, character trigrams and term bigrams.
public struct ComparableText: Sendable {
    /// One sentence's weighted terms: TF-IDF with sublinear term frequency, unit length.
    public struct SentenceVector: Sendable {
        public var weights: [String: Double]
        /// Hashes of adjacent term pairs ("russian strike", "strike wound").
        public var bigrams: Set<UInt64>
        /// Character trigrams of the lower-cased sentence, unit length.
        public var trigrams: [UInt64: Double]
        public var hasQuestion: Bool
        /// Words that call something false ("hoax", "denied", "not") and that relay without
        /// asserting ("reportedly", "claims", "may"): `AgreementFeatures.refuting`, `.hedging`.
        public var refutingWords: Int
        public var hedgingWords: Int { cueCounts[AgreementFeatures.Cue.hedges.rawValue] }
        /// How many of its words fall in each of `AgreementFeatures.Cue`'s kinds, in case order.
        public var cueCounts: [Int]
        /// Its words and numbers.
        public var wordCount: Int
        /// How often each word occurs, keyed by the low 32 bits of its term's `StableHash`
        /// (stop words dropped, except the refuting and hedging ones): what `TermNetwork` reads.
        public var bag: [UInt32: Float]
    }

    public let text: String
    public let language: Language
    public let claims: [Claim]
    /// Parallel to `claims`: the vector of each claim's sentence.
    public let vectors: [SentenceVector]
    /// The whole text as one vector.
    public let whole: SentenceVector
    /// Gazetteer ids of everything named ("islamic-state" for IS, ISIL and Daesh alike).
    public let entityIDs: Set<String>
    public let quantities: [Quantity]
    public let wordCount: Int
    /// How a short text is worded, for `AgreementFeatures.wording`; nil for a body, where
    /// word order and spelling say little about agreement and would cost the most.
    public let wording: Wording?

    /// A short text as written: its lower-cased words and numbers in order, the numbers as
    /// written, and its lower-cased characters ready for `Wording.commonCharacters`.
    public struct Wording: Sendable {
        /// `StableHash` of each lower-cased word or number, in order.
        public let tokens: [UInt64]
        public let numbers: Set<String>
        /// Lower-cased Unicode scalars, the text's length in `commonCharacters`.
        let scalars: [UInt32]
        /// For each scalar, the bit set of where it stands in `scalars` (64 places per word).
        let places: [UInt32: [UInt64]]

        init(_ text: String) {
            var tokens: [UInt64] = []
            var numbers = Set<String>()
            for token in Tokenizer.tokens(of: text) where token.kind == .word || token.kind == .number {
                tokens.append(StableHash.hash(token.lowercased))
                if token.kind == .number { numbers.insert(token.lowercased) }
            }
            self.tokens = tokens
            self.numbers = numbers
            scalars = text.lowercased().unicodeScalars.map(\.value)
            let words = (scalars.count + 63) / 64
            var places: [UInt32: [UInt64]] = [:]
            for (index, scalar) in scalars.enumerated() {
                places[scalar, default: [UInt64](repeating: 0, count: words)][index / 64] |= 1 << UInt64(index % 64)
            }
            self.places = places
        }

        /// The length of the longest common subsequence of the two texts' characters, by the
        /// bit-parallel recurrence of Allison-Dix and Hyyrö: one pass over `other`'s characters,
        /// a few word operations each, where the textbook table would take the product of the
        /// lengths.
        public func commonCharacters(with other: Wording) -> Int {
            let words = (scalars.count + 63) / 64
            guard words > 0 else { return 0 }
            var row = [UInt64](repeating: ~0, count: words)
            for scalar in other.scalars {
                guard let mask = places[scalar] else { continue }
                var carry: UInt64 = 0
                for index in 0..<words {
                    let old = row[index]
                    let matched = old & mask[index]
                    let (partial, overflow) = old.addingReportingOverflow(matched)
                    let (sum, secondOverflow) = partial.addingReportingOverflow(carry)
                    carry = overflow || secondOverflow ? 1 : 0
                    row[index] = sum | (old & ~mask[index])
                }
            }
            var common = 0
            for index in 0..<words {
                let bits = min(64, scalars.count - index * 64)
                let valid: UInt64 = bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
                common += bits - (row[index] & valid).nonzeroBitCount
            }
            return common
        }
    }

    /// Prepares `text` (a claim, a headline, or a whole article: title, blank line, body).
    public init(_ text: String, extractor: ClaimExtractor, terms: BackgroundTerms = .shared) {
        self.text = text
        language = LanguageIdentifier.identify(text).language
        var claims = extractor.claims(in: text, published: nil)
        if claims.isEmpty, !text.isEmpty {
            // Too short for a claim of its own ("Russia denies strike"): the text as one claim.
            let tokens = Tokenizer.tokens(of: text)
            claims = [
                Claim(
                    sentence: 0, text: text, range: TextRange(0, text.utf8.count), content: nil, speaker: nil,
                    cue: nil, form: nil, stance: .asserts,
                    polarity: PolarityFinder.polarity(of: text, tokens: tokens),
                    entities: extractor.recognizer.entities(in: text, tokens: tokens),
                    quantities: QuantityExtractor.quantities(in: text, tokens: tokens), times: [], slots: [.other])
            ]
        }
        // Clause claims repeat their sentence: one vector per distinct sentence range.
        var seen: [TextRange: SentenceVector] = [:]
        var vectors: [SentenceVector] = []
        var wordCount = 0
        for claim in claims {
            if let known = seen[claim.range] {
                vectors.append(known)
                continue
            }
            let vector = Self.vector(of: claim.text, language: language, terms: terms)
            wordCount += vector.wordCount
            seen[claim.range] = vector
            vectors.append(vector)
        }
        whole = Self.vector(of: text, language: language, terms: terms)
        self.claims = claims
        self.vectors = vectors
        self.wordCount = max(wordCount, whole.wordCount)
        entityIDs = Set(claims.flatMap { $0.entities.compactMap(\.entityID) })
        quantities = claims.flatMap(\.quantities)
        wording = Comparer.isBody(claims: claims, wordCount: self.wordCount) ? nil : Wording(text)
    }

    static func vector(of text: String, language: Language, terms: BackgroundTerms) -> SentenceVector {
        let tokens = Tokenizer.tokens(of: text)
        var counts: [String: Int] = [:]
        var bigrams = Set<UInt64>()
        var previous: String?
        var refutingWords = 0
        var cueCounts = [Int](repeating: 0, count: AgreementFeatures.Cue.allCases.count)
        var bag: [UInt32: Float] = [:]
        var words = 0
        for token in tokens {
            guard token.kind == .word || token.kind == .number else {
                previous = nil
                continue
            }
            words += 1
            let refutes = AgreementFeatures.refuting.contains(token.lowercased)
            let hedges = AgreementFeatures.hedging.contains(token.lowercased)
            if refutes { refutingWords += 1 }
            let kinds = AgreementFeatures.cueKinds(of: token, hedges: hedges)
            for cue in AgreementFeatures.Cue.allCases where kinds & (1 << cue.rawValue) != 0 {
                cueCounts[cue.rawValue] += 1
            }
            let term = TermNormalizer.term(token, language: language)
            if token.kind == .word, let word = term ?? ((refutes || hedges) ? token.lowercased : nil) {
                bag[UInt32(truncatingIfNeeded: StableHash.hash(word)), default: 0] += 1
            }
            guard let term else { continue }
            counts[term, default: 0] += 1
            if let previous { bigrams.insert(StableHash.hash(term, seed: StableHash.hash(previous))) }
            previous = term
        }
        var weights: [String: Double] = [:]
        var norm = 0.0
        for (term, count) in counts {
            let weight = (1 + log(Double(count))) * terms.idf(term)
            weights[term] = weight
            norm += weight * weight
        }
        norm = norm.squareRoot()
        if norm > 0 { for key in weights.keys { weights[key]! /= norm } }
        return SentenceVector(
            weights: weights, bigrams: bigrams, trigrams: trigrams(of: text),
            hasQuestion: text.utf8.contains(UInt8(ascii: "?")), refutingWords: refutingWords, cueCounts: cueCounts,
            wordCount: words, bag: bag)
    }

    /// Character trigrams of the lower-cased text with runs of non-letters as one space: what
    /// catches "Kartapolov"/"Kartopolov" and "de-escalation"/"deescalation" that stems miss.
    static func trigrams(of text: String) -> [UInt64: Double] {
        var scalars: [UInt32] = [32]
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                scalars.append(scalar.value)
            } else if scalars.last != 32 {
                scalars.append(32)
            }
        }
        if scalars.last != 32 { scalars.append(32) }
        var counts: [UInt64: Double] = [:]
        if scalars.count >= 3 {
            for index in 0...(scalars.count - 3) {
                let key = UInt64(scalars[index]) << 42 | UInt64(scalars[index + 1]) << 21 | UInt64(scalars[index + 2])
                counts[key, default: 0] += 1
            }
        }
        let norm = counts.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { for key in counts.keys { counts[key]! /= norm } }
        return counts
    }
}

/// Document frequencies of terms in a background collection, for IDF weights that do not
/// depend on the two texts at hand. Built by `corroborate-train` from public news text (see
/// `BackgroundTermsData.swift`); a term it never saw weighs as a rare one.
public struct BackgroundTerms: Sendable {
    public let documentCount: Int
    let frequencies: [String: Int]

    public init(documentCount: Int, frequencies: [String: Int]) {
        self.documentCount = documentCount
        self.frequencies = frequencies
    }

    /// Reads "N" on the first line, then "term<TAB>df" lines.
    public init(table: String) {
        var lines = table.split(separator: "\n")
        let count = lines.isEmpty ? 0 : Int(lines.removeFirst()) ?? 0
        var frequencies: [String: Int] = [:]
        frequencies.reserveCapacity(lines.count)
        for line in lines {
            guard let tab = line.firstIndex(of: "\t"), let df = Int(line[line.index(after: tab)...]) else { continue }
            // Rebuilt from bytes: ASCII terms then hash and compare on String's fast path.
            frequencies[String(decoding: Array(line[..<tab].utf8), as: UTF8.self)] = df
        }
        self.init(documentCount: count, frequencies: frequencies)
    }

    public static let shared = BackgroundTerms(table: backgroundTermsTable)

    /// The table form `init(table:)` reads, terms sorted.
    public var table: String {
        ([String(documentCount)] + frequencies.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)" })
            .joined(separator: "\n")
    }

    /// Smoothed inverse document frequency: log((N + 1) / (df + 1)) + 1; unseen terms count as
    /// seen once.
    public func idf(_ term: String) -> Double {
        let df = frequencies[term] ?? 1
        return log(Double(documentCount + 1) / Double(df + 1)) + 1
    }
}
