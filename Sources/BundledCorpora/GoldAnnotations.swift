/// What a perfect engine would find in one event folder of `corpora/`, written by hand from the
/// public reporting of the event (`corpora/GOLD.md` is the reference). Later stages are measured
/// against it: story clustering against `stories`, claim alignment against `claims`, scoring
/// against `conflicts`, syndication against `copies` and `credits`.
public struct GoldAnnotations: Sendable, Hashable, Codable {
    public var event: String
    public var title: String
    public var dates: DateRange
    public var sources: [String]
    /// Feed file name to outlet id.
    public var feeds: [String: String]
    /// Speaker id to who that is ("coalition": "US-led coalition (Operation Inherent Resolve)").
    public var speakers: [String: String]
    public var stories: [GoldStory]
    public var claims: [GoldClaim]
    public var conflicts: [GoldConflict]
    public var copies: [GoldCopy]
    public var credits: [GoldCredit]

    public struct DateRange: Sendable, Hashable, Codable {
        public var from: String
        public var to: String
    }
}

/// A set of items that report one event.
public struct GoldStory: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// Unrelated news of the same days, there for clustering to keep apart.
    public var background: Bool
    public var items: [ItemReference]

    enum CodingKeys: String, CodingKey { case id, title, background, items }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        background = try container.decodeIfPresent(Bool.self, forKey: .background) ?? false
        items = try container.decode([ItemReference].self, forKey: .items)
    }
}

/// One proposition and every sentence that carries it.
public struct GoldClaim: Sendable, Hashable, Codable {
    public var id: String
    public var story: String
    public var slot: Slot
    /// The party the proposition comes from; nil when outlets state it in their own voice.
    public var speaker: String?
    public var proposition: String
    /// The claim's values where it has them: `count` (a number or a word such as "several"),
    /// `unit`, `date`, `time`, `place`, `actor`, `atLeast` ...
    public var values: [String: GoldValue]?
    public var mentions: [GoldMention]

    public enum Slot: String, Sendable, Hashable, Codable, CaseIterable {
        case actor, target, place, time, count, denial, quote, casualty, cause, warning, other
    }
}

/// One sentence of one item that carries a claim, and how the outlet carries it.
/// A value in the gold: a number, a word or phrase, a flag, or a list of them.
public indirect enum GoldValue: Sendable, Hashable, Codable {
    case number(Double)
    case text(String)
    case flag(Bool)
    case list([GoldValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let list = try? container.decode([GoldValue].self) {
            self = .list(list)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        case .flag(let value): try container.encode(value)
        case .list(let values): try container.encode(values)
        }
    }
}

public struct GoldMention: Sendable, Hashable, Codable {
    public var item: ItemReference
    /// Verbatim, as it reads in the item's title, summary or content once tags are removed and
    /// white space collapsed.
    public var sentence: String
    public var stance: Stance
    /// Set when the sentence credits someone other than the claim's speaker.
    public var speaker: String?

    public enum Stance: String, Sendable, Hashable, Codable, CaseIterable {
        /// The outlet states the proposition in its own voice.
        case asserts
        /// The outlet reports that the speaker said it.
        case attributes
        /// The sentence contradicts the proposition.
        case denies
        /// The sentence casts doubt on it without contradicting it.
        case questions
    }
}

/// Claims that cannot both hold.
public struct GoldConflict: Sendable, Hashable, Codable {
    public var id: String
    public var kind: Kind
    public var claims: [String]
    /// The line a report should print ("6 vs 8 wounded").
    public var detail: String

    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case numeric, polarity, attribution
    }
}

/// An item that reprints another.
public struct GoldCopy: Sendable, Hashable, Codable {
    public var item: ItemReference
    public var copyOf: ItemReference
    public var kind: Kind
    /// The credit as it reads in the copy, or nil when the copy carries none.
    public var credit: String?

    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case verbatim, credited, partial
    }
}

/// An item that names in its text the outlets it draws on, without being a copy.
public struct GoldCredit: Sendable, Hashable, Codable {
    public var item: ItemReference
    public var outlets: [String]
    public var text: String?
}

/// `FILE#ID`, or `FILE#ID@N` for the N-th (1-based) of several entries sharing one id.
public struct ItemReference: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var id: String
    public var occurrence: Int?

    public init(file: String, id: String, occurrence: Int? = nil) {
        self.file = file
        self.id = id
        self.occurrence = occurrence
    }

    /// Reads `FILE#ID[@N]`; nil without a `#`. An id may itself contain `@` and digits, so the
    /// occurrence is only split off by `CorpusEvent.resolve` when the whole id does not match.
    public init?(_ text: String) {
        guard let hash = text.firstIndex(of: "#") else { return nil }
        file = String(text[..<hash])
        id = String(text[text.index(after: hash)...])
        occurrence = nil
    }

    public var description: String {
        "\(file)#\(id)" + (occurrence.map { "@\($0)" } ?? "")
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let reference = ItemReference(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not FILE#ID"))
        }
        self = reference
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
