import Foundation
import TextAnalysis

/// The measurements the agreement models read off a pair of texts: how much of `a` the text `b`
/// covers (terms, bigrams, characters, named entities, numbers), and how `b` holds what it says
/// where it comes closest to `a` (refuting words, hedges, negation, denials, attribution,
/// questions). Pure: two prepared texts in, numbers out, the same at training and at run time.
public enum AgreementFeatures {
    /// Names in vector order, for the trainer's report and the weights file.
    public static let names = [
        "cosine", "bestSentenceCosine", "topSentencesCosine", "coverageOfA", "coverageOfB", "bigramCoverage",
        "trigramCosine", "entityCoverage", "aHasEntities", "numbersAgree", "numbersConflict", "lengthRatio",
        "bodyIsLong", "refutingNear", "refutingAll", "hedgesNear", "hedgesAll", "negatedNear", "deniedNear",
        "attributedNear", "questionNear", "aNegated", "negationMismatch", "bestCosineSquared", "refutingTimesCosine",
        "hedgesTimesCosine", "deniedTimesCosine", "wordsOfA", "wordsOfB", "bIsSentence", "aIsSentence",
    ]

    /// Words that call a report false or take it back.
    static let refuting: ScriptWordSet = [
        "fake", "fraud", "hoax", "false", "deny", "denies", "denied", "denial", "debunk", "debunks", "debunked",
        "prank", "retract", "retracts", "retracted", "retraction", "untrue", "misleading", "bogus", "doubt", "doubts",
        "nonsense", "baseless", "fabricated", "refute", "refutes", "refuted", "dismiss", "dismissed", "reject",
        "rejected", "satire", "satirical", "myth", "incorrect", "wrong", "never", "not", "no", "despite", "n't",
        "опроверг", "опровергли", "опровергло", "фейк", "ложь", "неправда", "не", "отрицает",
    ]
    /// Words that relay without asserting.
    static let hedging: ScriptWordSet = [
        "reportedly", "allegedly", "alleged", "claim", "claims", "claimed", "according", "report", "reports",
        "reported", "rumor", "rumors", "rumour", "rumours", "unconfirmed", "may", "might", "could", "apparently",
        "purportedly", "suggest", "suggests", "suggested", "appears", "appear", "believed", "possibly", "possible",
        "unclear", "unverified", "speculation", "speculate", "if", "whether", "якобы", "возможно", "сообщается",
        "предположительно",
    ]

    /// Kinds of words that tell how a text holds what it reports, for `cues` (see `cueKinds`):
    /// refuting ("hoax", "denied"), negating, hedging (`hedging`), attributing (speech verbs,
    /// "according to"), asserting ("confirmed").
    public enum Cue: Int, CaseIterable, Sendable {
        case refutes, negates, hedges, attributes, asserts
    }

    /// Words that call a story false beyond the denials claim extraction knows (`ClaimWords`'
    /// `.denialWord`: "denied", "false", "fabricated").
    static let debunking: ScriptWordSet = [
        "hoax", "hoaxes", "satire", "satirical", "debunk", "debunked", "debunks", "bogus", "prank", "pranks", "fraud",
        "myth", "misleading", "retracted", "retraction", "rumor", "rumors", "rumour", "rumours", "неправда", "слухи",
    ]
    /// Words that state a report as settled; "has" and "have" because a perfect tense states a
    /// fact as done ("has resigned").
    static let asserting: ScriptWordSet = [
        "confirmed", "confirms", "confirm", "officially", "official", "announced", "revealed", "has", "have", "indeed",
        "finally", "подтвердил", "подтвердили", "официально",
    ]

    /// The cue kinds of one word as bits (`1 << Cue.rawValue`), from claim extraction's word table
    /// (negations with their "n't" forms, denials, speech verbs, "according to") and the lists
    /// here; `hedges` is whether the word is one of `hedging`, which the caller has looked up.
    static func cueKinds(of token: Token, hedges: Bool) -> UInt8 {
        let flags = ClaimWords.flags(of: token)
        var kinds: UInt8 = 0
        if flags.contains(.denialWord) || debunking.contains(token.lowercased) { kinds |= 1 << Cue.refutes.rawValue }
        if flags.contains(.negation) { kinds |= 1 << Cue.negates.rawValue }
        if hedges { kinds |= 1 << Cue.hedges.rawValue }
        if !flags.isDisjoint(with: [.cue, .accordingTo]) { kinds |= 1 << Cue.attributes.rawValue }
        if asserting.contains(token.lowercased) { kinds |= 1 << Cue.asserts.rawValue }
        return kinds
    }

    /// Names of `cues`' measures, in order.
    public static let cueNames: [String] =
        ["first", "firstThree", "all"].flatMap { part in
            (Cue.allCases.map { "\($0)" } + ["asks"]).map { "\(part).\($0)" }
        } + (Cue.allCases.map { "\($0)" } + ["asks"]).map { "a.\($0)" }

    /// How b frames what it reports, and how a does: for b's first sentence, its first three and
    /// all of it, the share of its words of each cue kind (times 20, at most 1) and of its
    /// sentences that ask; for a, whether it has each. An article's stance toward its story is
    /// mostly in its opening and its wording overall ("a hoax", "reportedly", "confirmed"), and
    /// these kinds of words carry from one story to another where single words do not (on
    /// FNC-1's topic-disjoint folds they lifted a linear model from 83.1 to 84.7).
    public static func cues(_ a: ComparableText, _ b: ComparableText) -> [Double] {
        var sentences: [ComparableText.SentenceVector] = []
        var seen = Set<Int>()
        for (index, claim) in b.claims.enumerated() where seen.insert(claim.sentence).inserted {
            sentences.append(b.vectors[index])
        }
        var values: [Double] = []
        values.reserveCapacity(cueNames.count)
        for part in [sentences.prefix(1), sentences.prefix(3), sentences[...]] {
            let words = Double(max(1, part.reduce(0) { $0 + $1.wordCount }))
            for cue in Cue.allCases {
                values.append(min(1, 20 * Double(part.reduce(0) { $0 + $1.cueCounts[cue.rawValue] }) / words))
            }
            values.append(Double(part.filter(\.hasQuestion).count) / Double(max(1, part.count)))
        }
        for cue in Cue.allCases { values.append(a.whole.cueCounts[cue.rawValue] > 0 ? 1 : 0) }
        values.append(a.whole.hasQuestion ? 1 : 0)
        return values
    }

    public static func features(_ a: ComparableText, _ b: ComparableText) -> [Double] {
        let cosine = dot(a.whole.weights, b.whole.weights)
        let scored = nearestSentences(a, b)
        let best = scored.first?.cosine ?? 0
        let top = scored.prefix(3)
        let topCosine = top.isEmpty ? 0 : top.reduce(0) { $0 + $1.cosine } / Double(top.count)
        let bestVector = scored.first.map { b.vectors[$0.index] } ?? b.whole

        let coverageOfA = weightedCoverage(a.whole.weights, by: b.whole.weights)
        let coverageOfB = weightedCoverage(b.whole.weights, by: a.whole.weights)
        let bigramCoverage =
            a.whole.bigrams.isEmpty
            ? coverageOfA : Double(a.whole.bigrams.intersection(b.whole.bigrams).count) / Double(a.whole.bigrams.count)
        let trigramCosine = dot(a.whole.trigrams, bestVector.trigrams)
        let entityCoverage =
            a.entityIDs.isEmpty ? 0 : Double(a.entityIDs.intersection(b.entityIDs).count) / Double(a.entityIDs.count)

        // Numbers: a's counts met by a compatible count about the same thing, or by a clash.
        var agree = 0.0
        var conflict = 0.0
        for quantity in a.quantities {
            let sameThing = b.quantities.filter { sameCounted($0, quantity) }
            if sameThing.contains(where: { $0.isCompatible(with: quantity) }) {
                agree += 1
            } else if !sameThing.isEmpty {
                conflict += 1
            }
        }
        let counted = Double(max(1, a.quantities.count))

        // How b holds it where it comes closest: its three nearest sentences.
        var refutingNear = 0.0
        var hedgesNear = 0.0
        var negatedNear = 0.0
        var deniedNear = 0.0
        var attributedNear = 0.0
        var questionNear = 0.0
        for (index, _) in top {
            let claim = b.claims[index]
            refutingNear += Double(b.vectors[index].refutingWords)
            hedgesNear += Double(b.vectors[index].hedgingWords) + (claim.polarity.hedge == nil ? 0 : 1)
            if claim.polarity.negated { negatedNear += 1 }
            if claim.polarity.denial || claim.stance == .denies { deniedNear += 1 }
            if claim.stance == .attributes || claim.stance == .questions { attributedNear += 1 }
            if b.vectors[index].hasQuestion || claim.stance == .questions { questionNear += 1 }
        }
        let near = Double(max(1, top.count))
        refutingNear /= near
        hedgesNear /= near
        negatedNear /= near
        deniedNear /= near
        attributedNear /= near
        questionNear /= near
        let words = Double(max(1, b.wordCount))
        let refutingAll = min(1, 10 * Double(b.whole.refutingWords) / words)
        let hedgesAll = min(1, 10 * Double(b.whole.hedgingWords) / words)
        let aNegated = a.claims.contains { $0.polarity.negated || $0.polarity.denial } ? 1.0 : 0.0

        return [
            cosine, best, topCosine, coverageOfA, coverageOfB, bigramCoverage, trigramCosine, entityCoverage,
            a.entityIDs.isEmpty ? 0 : 1, agree / counted, conflict / counted,
            log(Double(b.wordCount + 1) / Double(a.wordCount + 1)), b.vectors.count > 2 ? 1 : 0,
            refutingNear, refutingAll, hedgesNear, hedgesAll, negatedNear, deniedNear, attributedNear, questionNear,
            aNegated, abs(aNegated - min(1, negatedNear + deniedNear)), best * best, best * refutingNear,
            best * hedgesNear, best * deniedNear,
            // What kind of texts these are: a headline against a headline reads differently
            // from a sentence against a sentence (the same overlap means more in a headline).
            log(Double(a.wordCount + 1)), log(Double(b.wordCount + 1)), endsLikeASentence(b.text),
            endsLikeASentence(a.text),
        ]
    }

    /// Names of `wording`'s measures, in order.
    public static let wordingNames = [
        "unigramMin", "unigramMax", "bigramMin", "bigramMax", "trigramMin", "trigramMax", "fourgramMin",
        "fourgramMax", "sameNumbers", "numbersDiffering", "numbersDisjoint", "commonCharacters",
    ]

    /// How closely two short texts share their wording, which tells a paraphrase from a
    /// sentence that reuses the words and adds or drops a fact: for runs of one to four words,
    /// the shares of each text's runs the other has (the smaller and the larger); whether they
    /// give the same numbers, how many differ, and whether none is shared; and the longest
    /// common subsequence of characters against the two lengths. Zeros when either text is a
    /// body (`ComparableText.wording` is nil).
    public static func wording(_ a: ComparableText, _ b: ComparableText) -> [Double] {
        guard let x = a.wording, let y = b.wording else { return [Double](repeating: 0, count: wordingNames.count) }
        var values: [Double] = []
        values.reserveCapacity(wordingNames.count)
        for length in 1...4 {
            let (first, second) = (runs(x.tokens, length), runs(y.tokens, length))
            var shared = 0
            for (run, count) in first { shared += min(count, second[run] ?? 0) }
            let ofA = Double(shared) / Double(max(1, x.tokens.count - length + 1))
            let ofB = Double(shared) / Double(max(1, y.tokens.count - length + 1))
            values += [min(ofA, ofB), max(ofA, ofB)]
        }
        let differing = x.numbers.symmetricDifference(y.numbers).count
        values.append(!x.numbers.isEmpty && differing == 0 ? 1 : 0)
        values.append(Double(differing))
        values.append(!(x.numbers.isEmpty && y.numbers.isEmpty) && x.numbers.isDisjoint(with: y.numbers) ? 1 : 0)
        let lengths = x.scalars.count + y.scalars.count
        values.append(lengths > 0 ? 2 * Double(x.commonCharacters(with: y)) / Double(lengths) : 0)
        return values
    }

    /// How often each run of `length` consecutive tokens occurs.
    static func runs(_ tokens: [UInt64], _ length: Int) -> [UInt64: Int] {
        guard tokens.count >= length else { return [:] }
        var counts: [UInt64: Int] = [:]
        for start in 0...(tokens.count - length) {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for token in tokens[start..<(start + length)] { hash = (hash ^ token) &* 0x0000_0100_0000_01B3 }
            counts[hash, default: 0] += 1
        }
        return counts
    }

    /// The words of b that a does not use (their `bag` keys): where a headline says what it
    /// makes of a claim it restates ("reportedly", "hoax", "denies").
    public static func addedWords(_ a: ComparableText, _ b: ComparableText) -> Set<UInt32> {
        Set(b.whole.bag.keys.filter { a.whole.bag[$0] == nil })
    }

    /// b's distinct sentences (as indices into its claims) ranked by how close they come to a.
    static func nearestSentences(_ a: ComparableText, _ b: ComparableText) -> [(index: Int, cosine: Double)] {
        var scored: [(index: Int, cosine: Double)] = []
        scored.reserveCapacity(b.vectors.count)
        var seenSentences = Set<Int>()
        for (index, vector) in b.vectors.enumerated() where seenSentences.insert(b.claims[index].sentence).inserted {
            scored.append((index, dot(a.whole.weights, vector.weights)))
        }
        scored.sort { $0.cosine > $1.cosine }
        return scored
    }

    /// How many word bags `bags` gives.
    public static let bagCount = 2

    /// The word bags `TermNetwork` reads, each of unit length: b's words, and the words of b's
    /// three sentences nearest to a (where a body says what it makes of a headline). a's own
    /// words are left out: they name its story, and a story's words teach that story's labels
    /// (on FNC-1 topics not seen in training they did not help).
    public static func bags(_ a: ComparableText, _ b: ComparableText) -> [[UInt32: Float]] {
        var near: [UInt32: Float] = [:]
        for (index, _) in nearestSentences(a, b).prefix(3) {
            for (hash, count) in b.vectors[index].bag { near[hash, default: 0] += count }
        }
        return [unitLength(b.whole.bag), unitLength(near)]
    }

    static func unitLength(_ bag: [UInt32: Float]) -> [UInt32: Float] {
        let norm = bag.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? bag.mapValues { $0 / norm } : bag
    }

    /// 1 when the text ends with a full stop (a sentence), 0 for a headline.
    static func endsLikeASentence(_ text: String) -> Double {
        let last = text.utf8.reversed().first { $0 != 0x20 && $0 != 0x0A && $0 != 0x22 && $0 != 0x27 }
        return last == UInt8(ascii: ".") ? 1 : 0
    }

    /// Two counts of the same thing: the same noun or event when both say one.
    static func sameCounted(_ x: Quantity, _ y: Quantity) -> Bool {
        if let unit = x.unit, let other = y.unit { return unit == other }
        if let event = x.event, let other = y.event, event == other { return true }
        if let noun = x.noun, let other = y.noun { return noun == other }
        return false
    }

    static func dot<Key: Hashable>(_ x: [Key: Double], _ y: [Key: Double]) -> Double {
        let (small, large) = x.count <= y.count ? (x, y) : (y, x)
        var sum = 0.0
        for (key, weight) in small { if let other = large[key] { sum += weight * other } }
        return sum
    }

    /// The share of `x`'s weight on terms that `y` also has.
    static func weightedCoverage(_ x: [String: Double], by y: [String: Double]) -> Double {
        var total = 0.0
        var covered = 0.0
        for (term, weight) in x {
            total += weight
            if y[term] != nil { covered += weight }
        }
        return total > 0 ? covered / total : 0
    }
}
