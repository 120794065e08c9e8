import Foundation

// Compact JSON for what claims store: a claim per sentence of every item adds up, so ranges are
// `[lower, upper]`, and false flags, empty lists and absent values are left out. Reading accepts
// exactly what writing produces, with the left-out values back at their defaults.

extension TextRange {
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let lower = try container.decode(Int.self)
        let upper = try container.decode(Int.self)
        self.init(lower, upper)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(lowerBound)
        try container.encode(upperBound)
    }
}

extension Polarity {
    enum CodingKeys: String, CodingKey { case negated, denial, exclusive, hedge, cues }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            negated: try container.decodeIfPresent(Bool.self, forKey: .negated) ?? false,
            denial: try container.decodeIfPresent(Bool.self, forKey: .denial) ?? false,
            exclusive: try container.decodeIfPresent(Bool.self, forKey: .exclusive) ?? false,
            hedge: try container.decodeIfPresent(String.self, forKey: .hedge),
            cues: try container.decodeIfPresent([String].self, forKey: .cues) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if negated { try container.encode(true, forKey: .negated) }
        if denial { try container.encode(true, forKey: .denial) }
        if exclusive { try container.encode(true, forKey: .exclusive) }
        try container.encodeIfPresent(hedge, forKey: .hedge)
        if !cues.isEmpty { try container.encode(cues, forKey: .cues) }
    }

    /// Nothing negated, denied, limited or hedged.
    var isPlain: Bool { !negated && !denial && !exclusive && hedge == nil }
}

extension Claim {
    enum CodingKeys: String, CodingKey {
        case sentence, text, range, content, speaker, cue, form, stance, polarity, entities, quantities, times, slots
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sentence = try container.decode(Int.self, forKey: .sentence)
        text = try container.decodeIfPresent(String.self, forKey: .text) ?? ""
        range = try container.decode(TextRange.self, forKey: .range)
        content = try container.decodeIfPresent(TextRange.self, forKey: .content)
        speaker = try container.decodeIfPresent(Speaker.self, forKey: .speaker)
        cue = try container.decodeIfPresent(String.self, forKey: .cue)
        form = try container.decodeIfPresent(Attribution.Form.self, forKey: .form)
        stance = try container.decodeIfPresent(Stance.self, forKey: .stance) ?? .asserts
        polarity = try container.decodeIfPresent(Polarity.self, forKey: .polarity) ?? Polarity()
        entities = try container.decodeIfPresent([EntityMention].self, forKey: .entities) ?? []
        quantities = try container.decodeIfPresent([Quantity].self, forKey: .quantities) ?? []
        times = try container.decodeIfPresent([TimeMention].self, forKey: .times) ?? []
        slots = try container.decodeIfPresent([ClaimSlot].self, forKey: .slots) ?? [.other]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sentence, forKey: .sentence)
        if !text.isEmpty { try container.encode(text, forKey: .text) }
        try container.encode(range, forKey: .range)
        try container.encodeIfPresent(content, forKey: .content)
        try container.encodeIfPresent(speaker, forKey: .speaker)
        try container.encodeIfPresent(cue, forKey: .cue)
        try container.encodeIfPresent(form, forKey: .form)
        if stance != .asserts { try container.encode(stance, forKey: .stance) }
        if !polarity.isPlain || !polarity.cues.isEmpty { try container.encode(polarity, forKey: .polarity) }
        if !entities.isEmpty { try container.encode(entities, forKey: .entities) }
        if !quantities.isEmpty { try container.encode(quantities, forKey: .quantities) }
        if !times.isEmpty { try container.encode(times, forKey: .times) }
        if slots != [.other] { try container.encode(slots, forKey: .slots) }
    }
}

extension Speaker {
    enum CodingKeys: String, CodingKey { case name, entityID, affiliation, kind, text, fromAntecedent }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        self.init(
            name: name, entityID: try container.decodeIfPresent(String.self, forKey: .entityID),
            affiliation: try container.decodeIfPresent(String.self, forKey: .affiliation),
            kind: try container.decodeIfPresent(EntityMention.Kind.self, forKey: .kind),
            text: try container.decodeIfPresent(String.self, forKey: .text) ?? name,
            fromAntecedent: try container.decodeIfPresent(Bool.self, forKey: .fromAntecedent) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(entityID, forKey: .entityID)
        try container.encodeIfPresent(affiliation, forKey: .affiliation)
        try container.encodeIfPresent(kind, forKey: .kind)
        if text != name { try container.encode(text, forKey: .text) }
        if fromAntecedent { try container.encode(true, forKey: .fromAntecedent) }
    }
}
