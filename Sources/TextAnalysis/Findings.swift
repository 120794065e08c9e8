import Foundation

/// What the analyses find in news text, as values. Each finding keeps the words it was read
/// from and where they sit (`TextRange`, UTF-8 offsets into the sentence or article it came
/// from), so that every verdict later built on it can show its evidence.

/// A sentence of an article, after boilerplate is set aside.
public struct Sentence: Sendable, Hashable {
    public var text: String
    /// Where it sits in the article text it was split from.
    public var range: TextRange
    /// Which paragraph (blank-line separated block) it is in, from 0.
    public var paragraph: Int

    public init(text: String, range: TextRange, paragraph: Int) {
        self.text = text
        self.range = range
        self.paragraph = paragraph
    }
}

/// The languages the analyses tell apart; others are `.other`.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case english = "en"
    case russian = "ru"
    case ukrainian = "uk"
    case french = "fr"
    case german = "de"
    case spanish = "es"
    case arabic = "ar"
    case other = "und"
}

/// How much of something a text says there was: "six", "at least 3", "more than 1,200",
/// "several", "dozens", "between 20 and 30".
public struct Quantity: Sendable, Hashable, Codable {
    /// The values the wording allows, as a closed interval; `upper` is nil when unbounded
    /// ("more than 1,200": 1201...nil). Exact values have `lower == upper`.
    public var lower: Double
    public var upper: Double?
    /// How the text put it.
    public var kind: Kind
    /// What is counted, as a lower-cased head noun ("fighters", "crew", "people"), when found.
    public var noun: String?
    /// What happened to them, lower-cased and reduced to a base form ("wounded", "killed",
    /// "detained", "injured"), when found.
    public var event: String?
    /// Unit for measures ("km", "%", "tonnes", "usd"); nil for plain counts.
    public var unit: String?
    /// The words it was read from and where they sit.
    public var text: String
    public var range: TextRange

    public enum Kind: String, Sendable, Hashable, Codable {
        /// "six", "8", "1,234".
        case exact
        /// "about 50", "around 1,000", "nearly 200", "some 30": within a tolerance of the value.
        case approximate
        /// "at least 3", "more than 1,200", "over 100".
        case atLeast
        /// "at most 5", "fewer than 10", "up to 20", "less than 100".
        case atMost
        /// "between 20 and 30", "20-30".
        case range
        /// "several", "a few", "dozens", "hundreds", "many": a vague amount with a conventional span.
        case vague
    }

    public init(
        lower: Double, upper: Double?, kind: Kind, noun: String? = nil, event: String? = nil, unit: String? = nil,
        text: String, range: TextRange
    ) {
        self.lower = lower
        self.upper = upper
        self.kind = kind
        self.noun = noun
        self.event = event
        self.unit = unit
        self.text = text
        self.range = range
    }

    /// Whether both wordings can be true of the same count: "several" and 6 can, 6 and 8
    /// cannot, "more than 1,200" and 1,234 can. Units must agree when both have one.
    public func isCompatible(with other: Quantity) -> Bool {
        if let unit, let otherUnit = other.unit, unit != otherUnit { return false }
        let upperA = upper ?? .infinity
        let upperB = other.upper ?? .infinity
        return lower <= upperB && other.lower <= upperA
    }
}

/// A time a sentence names, resolved against the article's publication time where it is
/// relative ("on Saturday", "yesterday", "early on Sept. 16", "03:30 local time").
public struct TimeMention: Sendable, Hashable, Codable {
    /// The span of time meant, in UTC; nil when the wording cannot be placed (no publication
    /// time for a relative expression, or a vague one such as "recently").
    public var interval: DateInterval?
    public var granularity: Granularity
    public var text: String
    public var range: TextRange

    public enum Granularity: String, Sendable, Hashable, Codable {
        case minute, hour, partOfDay, day, week, month, year, vague
    }

    public init(interval: DateInterval?, granularity: Granularity, text: String, range: TextRange) {
        self.interval = interval
        self.granularity = granularity
        self.text = text
        self.range = range
    }
}

/// A named person, organisation or place mentioned in a sentence, with the canonical entity it
/// refers to when the gazetteer knows it ("ISIL", "Daesh" and "Islamic State" are one).
public struct EntityMention: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case person, organization, place
        /// A group of people by role or nationality that speaks or acts ("Russian officials",
        /// "the rebels", "witnesses").
        case group
    }

    public var kind: Kind
    /// The gazetteer's id ("islamic-state", "russian-defense-ministry", "deir-ez-zor"), or nil
    /// for a name it does not know.
    public var entityID: String?
    /// The gazetteer's name for it, else the name as written, tidied (title and possessive removed).
    public var canonicalName: String
    /// A title or role written with a person ("Maj. Gen.", "spokesman", "Foreign Minister").
    public var title: String?
    public var text: String
    public var range: TextRange

    public init(
        kind: Kind, entityID: String?, canonicalName: String, title: String? = nil, text: String, range: TextRange
    ) {
        self.kind = kind
        self.entityID = entityID
        self.canonicalName = canonicalName
        self.title = title
        self.text = text
        self.range = range
    }
}
