/// Whether a sentence asserts, negates or denies, and how firmly. A denial is a claim of its own
/// ("Russia denied striking the SDF"), not a match for what it denies; an exclusive claim ("only
/// hit IS targets") contradicts any other target; a hedge ("reportedly") weakens what it carries.
public struct Polarity: Sendable, Hashable, Codable {
    /// The content is negated: "did not strike", "were not hurt", "не наносило".
    public var negated: Bool
    /// The sentence denies or rejects something said elsewhere: "denied", "dismissed the reports",
    /// "called the claims baseless", "опроверг".
    public var denial: Bool
    /// The content limits itself to one thing: "only hit IS targets", "exclusively".
    public var exclusive: Bool
    /// The word that weakens it, if any: "reportedly", "allegedly", "may have", "якобы".
    public var hedge: String?
    /// The words the verdict was read from ("denied", "not", "only"), for the evidence.
    public var cues: [String]

    public init(
        negated: Bool = false, denial: Bool = false, exclusive: Bool = false, hedge: String? = nil, cues: [String] = []
    ) {
        self.negated = negated
        self.denial = denial
        self.exclusive = exclusive
        self.hedge = hedge
        self.cues = cues
    }
}

/// Reads polarity from tokens: negation words, denial verbs and nouns, exclusive adverbs and
/// hedges, in English and Russian. `content` limits the negation and exclusivity search to the
/// attributed part, so "he did not say" is not read as the claim's own negation.
public enum PolarityFinder {
    static let negations: Set<String> = [
        "not", "n't", "never", "no", "none", "neither", "nor", "nobody", "nothing", "nowhere", "without", "cannot",
        "не", "ни", "нет", "никогда", "никаких", "ничего", "ні", "не було",
    ]
    static let denialWords: Set<String> = [
        "denied", "denies", "deny", "denying", "denial", "denials", "rejected", "rejects", "rejecting", "dismissed",
        "dismisses", "refuted", "refutes", "disputed", "disputes", "baseless", "groundless", "false", "fake",
        "untrue", "lies", "fabricated", "fabrication", "nonsense", "unfounded", "опроверг", "опровергла",
        "опровергли", "опровергло", "опровергает", "отверг", "отвергла", "отвергли", "отвергло", "отрицает",
        "отрицают", "опровержение", "фейк", "ложь", "провокация", "провокацией", "беспочвенные",
        "impossible", "absurd", "ridiculous", "невозможно", "абсурд", "абсурдными",
    ]
    /// Words of failure, refusal or absence that say "not" without a negation: "failed to
    /// address", "declined to comment", "lacked the authority", "escaped unharmed".
    static let negativeWords: Set<String> = [
        "fail", "fails", "failed", "failing", "failure", "declined", "declines", "declining", "refused", "refuses",
        "refusing", "lack", "lacked", "lacks", "lacking", "unable", "unharmed", "unhurt", "yet", "absence", "rather",
        "instead",
    ]
    static let exclusives: Set<String> = ["only", "solely", "exclusively", "только", "исключительно", "лишь"]
    static let hedges: Set<String> = [
        "allegedly", "reportedly", "purportedly", "apparently", "supposedly", "possibly", "presumably",
        "unconfirmed", "suspected", "alleged", "якобы", "предположительно", "по-видимому", "возможно",
        "предварительно", "предварительным",
    ]

    /// Whether a negation of the sentence's content bears on one of `terms` (another claim's
    /// words, irregular past forms as their base): the first content word after an English
    /// negation in its clause ("did not *strike* the SDF", "gave no *details*"), adverbs in -ly
    /// passed over. A negation whose word the other claim never uses is about something else
    /// ("..., but gave no details"). A Russian negation always bears: its verb's object often
    /// stands before it ("удары не наносили").
    public static func negationBears(in sentence: String, content: TextRange?, on terms: Set<String>) -> Bool {
        let tokens = Tokenizer.tokens(of: sentence)
        let flags = ClaimWords.flags(of: tokens)
        for (index, token) in tokens.enumerated() where flags[index].contains(.negation) {
            guard content.map({ $0.contains(token.range) }) ?? true else { continue }
            if token.text.utf8.first.map({ $0 >= 0x80 }) == true { return true }
            var next = index + 1
            while next < tokens.count, tokens[next].kind == .word {
                let lower = tokens[next].lowercased
                if !lower.hasSuffix("ly"), !flags[next].contains(.negation),
                    let term = TermNormalizer.term(word: IrregularVerbs.base(of: lower), language: .other)
                {
                    if terms.contains(term) { return true }
                    break
                }
                next += 1
            }
        }
        return false
    }

    /// Whether the content says "not" in other words: "failed to", "declined", "lacked".
    public static func saysNotInOtherWords(_ sentence: String, content: TextRange?) -> Bool {
        Tokenizer.tokens(of: sentence).contains { token in
            (content.map { $0.contains(token.range) } ?? true) && negativeWords.contains(token.lowercased)
        }
    }

    public static func polarity(of sentence: String, tokens: [Token], content: TextRange? = nil) -> Polarity {
        polarity(of: sentence, tokens: tokens, flags: ClaimWords.flags(of: tokens), content: content)
    }

    static func polarity(of sentence: String, tokens: [Token], flags: [ClaimWords.Flags], content: TextRange?)
        -> Polarity
    {
        var polarity = Polarity()
        let interesting: ClaimWords.Flags = [.negation, .denialWord, .exclusive, .hedge, .modal, .belief]
        for (index, token) in tokens.enumerated() where !flags[index].isDisjoint(with: interesting) {
            let lower = token.lowercased
            let previous = index > 0 ? tokens[index - 1].lowercased : ""
            if flags[index].contains(.denialWord) {
                polarity.denial = true
                polarity.cues.append(token.text)
            }
            if polarity.hedge == nil {
                if flags[index].contains(.hedge) {
                    polarity.hedge = token.text
                } else if ["may", "might", "could"].contains(lower), index + 1 < tokens.count,
                    tokens[index + 1].lowercased == "have"
                {
                    polarity.hedge = lower + " have"
                } else if ["said", "believed", "thought"].contains(lower), index + 1 < tokens.count,
                    tokens[index + 1].lowercased == "to", ["is", "are", "was", "were"].contains(previous)
                {
                    polarity.hedge = previous + " " + lower + " to"
                }
            }
            let inContent = content.map { $0.contains(token.range) } ?? true
            guard inContent else { continue }
            if flags[index].contains(.negation) {
                // "not only", "no longer", "whether or not" do not negate the claim.
                let next = index + 1 < tokens.count ? tokens[index + 1].lowercased : ""
                if (lower == "not" && next == "only") || (lower == "no" && next == "longer")
                    || (lower == "not" && previous == "or")
                {
                    continue
                }
                polarity.negated = true
                polarity.cues.append(token.text)
            }
            if flags[index].contains(.exclusive) {
                // "not only" is not exclusive; "the only" before a noun usually is ("the only target").
                if previous == "not" { continue }
                polarity.exclusive = true
                polarity.cues.append(token.text)
            }
        }
        // "Why would we bomb them?": a speaker's rhetorical question about its own deed denies it.
        for index in tokens.indices.dropLast(2) where tokens[index].lowercased == "why" {
            let modal = tokens[index + 1].lowercased
            let subject = tokens[index + 2].lowercased
            if ["would", "should"].contains(modal), ["we", "i", "they"].contains(subject) {
                polarity.denial = true
                polarity.cues.append(
                    sentence.slice(TextRange(tokens[index].range.lowerBound, tokens[index + 2].range.upperBound)))
                break
            }
        }
        return polarity
    }
}
