import Foundation
import TextAnalysis

/// What a text `b` does with what a text `a` asserts (the `compare` contract in DESIGN.md).
public enum Relation: String, Sendable, Hashable, Codable, CaseIterable {
    /// b asserts what a asserts.
    case supports
    /// b denies it, or gives an incompatible value for the same slot (a count, a date, a place).
    case contradicts
    /// b is about the same claim without taking it as its own: relays, attributes, questions it.
    case discusses
    /// Another matter.
    case unrelated
}

/// A model over standardized features: one row of weights per output (the last weight of a
/// row is its bias), read either from the features themselves or, when `hidden` has rows, from
/// a hidden layer of tanh units over them (which lets a headline's overlap count differently
/// from a sentence's). One output is a regression; several are the logits of a softmax.
public struct LinearModel: Sendable, Hashable {
    public var means: [Double]
    public var scales: [Double]
    /// One row per hidden unit (features, then bias); empty for a linear model.
    public var hidden: [[Double]]
    public var weights: [[Double]]
    /// Words (`ComparableText.SentenceVector.bag` keys) read after the features, one input
    /// each, 1 when the word is there: see `inputs(_:words:)`.
    public let wordColumns: [UInt32]
    private let wordIndex: [UInt32: Int]

    public init(
        means: [Double], scales: [Double], hidden: [[Double]] = [], weights: [[Double]], wordColumns: [UInt32] = []
    ) {
        self.means = means
        self.scales = scales
        self.hidden = hidden
        self.weights = weights
        self.wordColumns = wordColumns
        wordIndex = Dictionary(wordColumns.enumerated().map { ($0.element, $0.offset) }) { first, _ in first }
    }

    /// `features` followed by one input per word column: 1 when `words` holds it, else 0.
    public func inputs(_ features: [Double], words: Set<UInt32>) -> [Double] {
        guard !wordColumns.isEmpty else { return features }
        var inputs = features + [Double](repeating: 0, count: wordColumns.count)
        for word in words { if let column = wordIndex[word] { inputs[features.count + column] = 1 } }
        return inputs
    }

    /// The raw outputs for a feature vector.
    public func outputs(_ features: [Double]) -> [Double] {
        var inputs = features.indices.map { (features[$0] - means[$0]) / scales[$0] }
        if !hidden.isEmpty { inputs = hidden.map { tanh(Self.affine($0, inputs)) } }
        return weights.map { Self.affine($0, inputs) }
    }

    /// A row's weights times the inputs, plus the row's last weight.
    static func affine(_ row: [Double], _ inputs: [Double]) -> Double {
        var sum = row[row.count - 1]
        for index in inputs.indices where index < row.count - 1 { sum += row[index] * inputs[index] }
        return sum
    }

    /// Softmax of the outputs.
    public func probabilities(_ features: [Double]) -> [Double] {
        let logits = outputs(features)
        let top = logits.max() ?? 0
        let exps = logits.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }
}

/// The trained agreement models and their thresholds (`AgreementWeights.swift`, written by
/// `corroborate-train`; `Tools/CorroborateTrain` says how they were fitted).
public struct AgreementModels: Sendable {
    /// Graded similarity in [0, 1] (fitted to STS-B scores / 5).
    public var similarity: LinearModel
    /// Outputs in `bodyClasses` order: a headline or claim against a whole article (FNC-1).
    public var bodyStance: LinearModel
    /// Outputs in `sentenceClasses` order: a claim against a sentence that ends like one.
    public var sentenceStance: LinearModel
    /// Outputs in `sentenceClasses` order: a claim against a headline (no closing full stop):
    /// the same overlap means more in a headline than in a sentence, so headlines get their own.
    public var headlineStance: LinearModel
    /// Outputs (related, unrelated): whether two short texts are about one matter at all, read
    /// before the stance models; learned from the short sets' pairs against pairs of a text of
    /// one and a text of another (the inputs of `Comparer.shortRelation`, no word columns).
    public var shortRelatedness: LinearModel
    /// When present, what reads a text against a whole article instead of `bodyStance`: the same
    /// features and `AgreementFeatures.cues`, plus bags of the words (`AgreementFeatures.bags`),
    /// in `bodyClasses` order.
    public var bodyTerms: TermNetwork?

    public static let bodyClasses: [Relation] = [.unrelated, .supports, .contradicts, .discusses]
    public static let sentenceClasses: [Relation] = [.supports, .contradicts, .discusses]

    public init(
        similarity: LinearModel, bodyStance: LinearModel, sentenceStance: LinearModel, headlineStance: LinearModel,
        shortRelatedness: LinearModel, bodyTerms: TermNetwork? = nil
    ) {
        self.similarity = similarity
        self.bodyStance = bodyStance
        self.sentenceStance = sentenceStance
        self.headlineStance = headlineStance
        self.shortRelatedness = shortRelatedness
        self.bodyTerms = bodyTerms
    }
}

/// Two texts compared: the relation of b to a, their similarity, and the claims of a matched to
/// the sentences of b with each pair's own relation.
public struct Comparison: Sendable, Hashable {
    public struct Alignment: Sendable, Hashable {
        public var a: String
        public var b: String
        public var relation: Relation
        /// What makes it a conflict or a relay: "6 vs 8 wounded", "denial", "attributed to ...".
        public var detail: String?
        public var similarity: Double
    }

    public var relation: Relation
    public var similarity: Double
    public var alignments: [Alignment]
}

/// Compares texts: prepare each once (`prepare`), then compare pairs. Pure and `Sendable`, so a
/// stream of pairs can be compared on several threads.
public struct Comparer: Sendable {
    public let extractor: ClaimExtractor
    public let models: AgreementModels
    public let terms: BackgroundTerms

    public init(
        extractor: ClaimExtractor = ClaimExtractor(), models: AgreementModels = .bundled,
        terms: BackgroundTerms = .shared
    ) {
        self.extractor = extractor
        self.models = models
        self.terms = terms
    }

    public func prepare(_ text: String) -> ComparableText { ComparableText(text, extractor: extractor, terms: terms) }

    /// A body is an article (several sentences); anything shorter is compared as a sentence.
    static func isBody(_ text: ComparableText) -> Bool { isBody(claims: text.claims, wordCount: text.wordCount) }

    static func isBody(claims: [Claim], wordCount: Int) -> Bool {
        Set(claims.map(\.sentence)).count > 2 || wordCount > 80
    }

    /// A short text that does not end like a sentence: a headline.
    public static func isHeadline(_ text: ComparableText) -> Bool {
        AgreementFeatures.endsLikeASentence(text.text) == 0
    }

    public func compare(_ a: ComparableText, _ b: ComparableText) -> Comparison {
        let features = AgreementFeatures.features(a, b)
        let similarity = min(1, max(0, models.similarity.outputs(features)[0]))
        let relation: Relation
        if Self.isBody(b) {
            let probabilities =
                models.bodyTerms?.probabilities(
                    features: features + AgreementFeatures.cues(a, b), bags: AgreementFeatures.bags(a, b))
                ?? models.bodyStance.probabilities(features)
            relation = AgreementModels.bodyClasses[probabilities.indices.max { probabilities[$0] < probabilities[$1] }!]
        } else {
            relation = shortRelation(a, b, features: features)
        }
        let aligned = alignments(a, b)
        // Two sentences about the same count that cannot both hold contradict, and so does a
        // denial of nearly the same words, whatever the stance models learned from pairs that
        // rarely differ in numbers or deny outright.
        if !Self.isBody(b), relation != .unrelated,
            aligned.contains(where: {
                $0.relation == .contradicts
                    && ($0.detail?.contains(" vs ") == true || ($0.detail == "denial" && $0.similarity >= 0.5))
            })
        {
            return Comparison(relation: .contradicts, similarity: similarity, alignments: aligned)
        }
        return Comparison(relation: relation, similarity: similarity, alignments: aligned)
    }

    public func compare(_ a: String, _ b: String) -> Comparison { compare(prepare(a), prepare(b)) }

    /// What the short-pair models make of b against a, before the rules on aligned claims:
    /// unrelated when the relatedness model says so, else the stance model's class. Both read
    /// the shared measures and the wording measures; the stance model of a headline also reads
    /// the words the headline adds to a.
    public func shortRelation(_ a: ComparableText, _ b: ComparableText, features: [Double]) -> Relation {
        let measured = features + AgreementFeatures.wording(a, b)
        if models.shortRelatedness.probabilities(measured)[1] > 0.5 { return .unrelated }
        let model = Self.isHeadline(b) ? models.headlineStance : models.sentenceStance
        let inputs =
            model.wordColumns.isEmpty ? measured : model.inputs(measured, words: AgreementFeatures.addedWords(a, b))
        let probabilities = model.probabilities(inputs)
        return AgreementModels.sentenceClasses[probabilities.indices.max { probabilities[$0] < probabilities[$1] }!]
    }

    /// Each claim of a with its nearest sentence of b, when they share enough to be about the
    /// same thing, and what b does with it there.
    func alignments(_ a: ComparableText, _ b: ComparableText) -> [Comparison.Alignment] {
        var found: [Comparison.Alignment] = []
        var seen = Set<Int>()
        for (index, claim) in a.claims.enumerated() where seen.insert(claim.sentence).inserted {
            let vector = a.vectors[index]
            var best: (index: Int, cosine: Double)?
            for (other, candidate) in b.vectors.enumerated() {
                let cosine = AgreementFeatures.dot(vector.weights, candidate.weights)
                if cosine > (best?.cosine ?? 0.25) { best = (other, cosine) }
            }
            guard let best else { continue }
            let counterpart = b.claims[best.index]
            let (relation, detail) = Self.relation(of: counterpart, to: claim)
            found.append(
                Comparison.Alignment(
                    a: claim.text, b: counterpart.text, relation: relation, detail: detail, similarity: best.cosine))
        }
        return found
    }

    /// The relation of one aligned claim to another, by rule: a count about the same thing that
    /// cannot be the same is a numeric conflict ("several" and 6 can both hold); a denial or a
    /// negation against an assertion is a polarity conflict; a relayed or hedged claim discusses.
    ///
    /// - Parameters:
    ///   - relayIsDiscussion: whether relaying another speaker's word is "discusses" (comparing two
    ///     texts) or still carrying the proposition (scoring a story, where speakers are counted
    ///     apart).
    ///   - close: whether the two say nearly the same thing, so that a negation in one is about the
    ///     other's proposition and not about a neighbour's ("advisers were not hurt").
    public static func relation(of b: Claim, to a: Claim, relayIsDiscussion: Bool = true, close: Bool = true)
        -> (Relation, String?)
    {
        if let conflict = NumberConflictDetector().conflicts(a, b).first { return (.contradicts, conflict.detail) }
        if close, let denier = polarityConflict(a, b) {
            return (.contradicts, denier ? "denial" : "asserts what a denies")
        }
        if b.stance == .questions || b.polarity.hedge != nil { return (.discusses, "hedged") }
        if relayIsDiscussion, b.stance == .attributes, let speaker = b.speaker, speaker.voice != a.speaker?.voice {
            return (.discusses, "attributed to \(speaker.name)")
        }
        return (.supports, nil)
    }

    /// Whether one claim denies or negates what the other asserts: true when b is the one
    /// denying, false when a is, nil for no conflict. A plain negation counts only when it bears
    /// on a word the other claim uses ("did not *strike*" against "struck"; not "..., but gave no
    /// details"), and not against a claim that says "not" in other words ("failing to address"
    /// and "not addressing", "declined to comment" and "had no comment").
    static func polarityConflict(_ a: Claim, _ b: Claim) -> Bool? {
        let aDenies = a.polarity.denial || a.stance == .denies
        let bDenies = b.polarity.denial || b.stance == .denies
        guard aDenies || bDenies || a.polarity.negated || b.polarity.negated else { return nil }
        func negates(_ claim: Claim, against other: Claim) -> Bool {
            guard claim.polarity.negated else { return false }
            let otherTerms = Set(
                Tokenizer.tokens(of: other.text).compactMap {
                    TermNormalizer.term(word: IrregularVerbs.base(of: $0.lowercased), language: .other)
                })
            return PolarityFinder.negationBears(in: claim.text, content: claim.content, on: otherTerms)
        }
        let aSide = aDenies || negates(a, against: b)
        let bSide = bDenies || negates(b, against: a)
        guard aSide != bSide else { return nil }
        let asserting = aSide ? b : a
        if asserting.polarity.negated || PolarityFinder.saysNotInOtherWords(asserting.text, content: asserting.content)
        {
            return nil
        }
        return bSide
    }
}
