import Foundation

/// Who a claim comes from: the party behind it, kept apart from the outlet that relays it.
public struct Speaker: Sendable, Hashable, Codable {
    /// The gazetteer's name when it knows the speaker, else the words as written, tidied.
    public var name: String
    /// The gazetteer id of the speaker ("konashenkov", "russian-defense-ministry"), when known.
    public var entityID: String?
    /// The body a person speaks for ("russian-defense-ministry" for Konashenkov), when known:
    /// what makes "Konashenkov said" and "the ministry said" the same voice.
    public var affiliation: String?
    public var kind: EntityMention.Kind?
    /// The words in this sentence ("it", "the ministry", "Maj. Gen. Igor Konashenkov").
    public var text: String
    /// Read from an earlier sentence: the sentence said "he", "it" or "the ministry".
    public var fromAntecedent: Bool

    public init(
        name: String, entityID: String? = nil, affiliation: String? = nil, kind: EntityMention.Kind? = nil,
        text: String, fromAntecedent: Bool = false
    ) {
        self.name = name
        self.entityID = entityID
        self.affiliation = affiliation
        self.kind = kind
        self.text = text
        self.fromAntecedent = fromAntecedent
    }

    /// The speaker a gazetteer entry names, as written `text`.
    public init(entry: Gazetteer.Entry, text: String) {
        self.init(name: entry.name, entityID: entry.id, affiliation: entry.affiliation, kind: entry.kind, text: text)
    }

    /// The voice to group by: the body a person speaks for, else the speaker itself.
    public var voice: String { affiliation ?? entityID ?? name.lowercased() }
}

/// How a sentence holds its content.
public enum Stance: String, Sendable, Hashable, Codable, CaseIterable {
    /// The outlet's own voice: no one is quoted.
    case asserts
    /// Relays what a named or described speaker said.
    case attributes
    /// Relays a speaker's denial of something said elsewhere.
    case denies
    /// Raises it without affirming: "could not confirm", "whether", a question.
    case questions
}

/// What part of an event a claim is about: the hints alignment uses to compare like with like.
public enum ClaimSlot: String, Sendable, Hashable, Codable, CaseIterable {
    case actor, target, place, time, count, denial, quote, casualty, cause, warning, other
}

/// One claim-bearing sentence of an article: who says what, with the numbers, places, times and
/// polarity in it. The unit every later stage aligns and scores.
public struct Claim: Sendable, Hashable, Codable {
    /// The sentence's position among the article's sentences, from 0 (the title is 0).
    public var sentence: Int
    public var text: String
    /// Where the sentence sits in the article text.
    public var range: TextRange
    /// The attributed content inside the sentence (sentence-relative), when a speaker is named.
    public var content: TextRange?
    public var speaker: Speaker?
    /// The speech verb's base form ("say", "deny", "according to").
    public var cue: String?
    public var form: Attribution.Form?
    public var stance: Stance
    public var polarity: Polarity
    public var entities: [EntityMention]
    public var quantities: [Quantity]
    public var times: [TimeMention]
    public var slots: [ClaimSlot]

    public var places: [EntityMention] { entities.filter { $0.kind == .place } }

    public init(
        sentence: Int, text: String, range: TextRange, content: TextRange?, speaker: Speaker?, cue: String?,
        form: Attribution.Form?, stance: Stance, polarity: Polarity, entities: [EntityMention],
        quantities: [Quantity], times: [TimeMention], slots: [ClaimSlot]
    ) {
        self.sentence = sentence
        self.text = text
        self.range = range
        self.content = content
        self.speaker = speaker
        self.cue = cue
        self.form = form
        self.stance = stance
        self.polarity = polarity
        self.entities = entities
        self.quantities = quantities
        self.times = times
        self.slots = slots
    }
}

/// Turns an article into claims: sentences without boilerplate, then per sentence its
/// attribution, polarity, entities, quantities and times, with "it said" and "he added"
/// resolved to the speaker named before. Pure: text and publication time in, claims out.
public struct ClaimExtractor: Sendable {
    public let recognizer: EntityRecognizer

    public init(recognizer: EntityRecognizer = EntityRecognizer()) {
        self.recognizer = recognizer
    }

    /// Roles that point back to a person named before ("the general said").
    static let personRoles: ScriptWordSet = [
        "general", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "diplomat",
        "ambassador", "envoy", "colonel", "commander", "official", "premier", "chancellor", "генерал", "дипломат",
        "министр", "представитель", "пресс-секретарь", "глава",
    ]

    static let strikeVerbs: Set<String> = [
        "struck", "strike", "strikes", "hit", "hits", "bombed", "bombing", "attacked", "attack", "attacks",
        "shelled", "targeted", "targeting", "fired", "launched", "raided", "нанесли", "нанесла", "нанес",
        "нанесло", "нанесен", "ударили", "атаковали", "обстреляли", "поразили",
    ]
    static let causeWords: Set<String> = ["because", "due", "caused", "blamed", "after", "причиной", "из-за"]
    static let casualtyEvents: ScriptWordSet = [
        "wounded", "injured", "hurt", "killed", "dead", "died", "detained", "arrested", "captured", "missing",
    ]
    static let questionCues: Set<String> = ["whether", "unclear", "unknown", "unconfirmed", "question", "questioned"]

    /// One sentence's findings before speakers are resolved: the first pass over an article,
    /// which also learns every entity the article names.
    struct SentenceFindings {
        var position: Int
        var sentence: Sentence
        var tokens: [Token]
        var flags: [ClaimWords.Flags]
        var allFlags: ClaimWords.Flags
        var attribution: Attribution?
        /// Subordinate clauses with speakers of their own (`AttributionFinder.clauseAttributions`).
        var clauses: [Attribution]
        var entities: [EntityMention]
    }

    public func claims(in text: String, published: Date?) -> [Claim] {
        let article = ArticleSentences(text: text)
        var findings: [SentenceFindings] = []
        // Everything the article names, with the bodies its people speak for: what a description
        // such as "the US-backed force" may stand for.
        var named: Set<String> = []
        for (position, sentence) in article.sentences.enumerated() {
            let tokens = Tokenizer.tokens(of: sentence.text)
            var words = 0
            for token in tokens where token.kind == .word || token.kind == .number { words += 1 }
            guard words >= 3 else { continue }
            let flags = ClaimWords.flags(of: tokens)
            let attribution = AttributionFinder.attribution(in: sentence.text, tokens: tokens, flags: flags)
            let entities = recognizer.entities(in: sentence.text, tokens: tokens)
            for entity in entities {
                guard let id = entity.entityID else { continue }
                named.insert(id)
                if let affiliation = recognizer.gazetteer.entry(id: id)?.affiliation { named.insert(affiliation) }
            }
            findings.append(
                SentenceFindings(
                    position: position, sentence: sentence, tokens: tokens, flags: flags,
                    allFlags: flags.reduce(into: ClaimWords.Flags()) { $0.formUnion($1) }, attribution: attribution,
                    clauses: attribution.map {
                        AttributionFinder.clauseAttributions(in: sentence.text, tokens: tokens, flags: flags, after: $0)
                    } ?? [], entities: entities))
        }

        var claims: [Claim] = []
        var lastSpeaker: Speaker?
        var lastPerson: Speaker?
        var lastBody: Speaker?
        // Known organisations named so far, latest last: what "the ministry" and "the Navy" mean.
        var namedBodies: [Speaker] = []
        for finding in findings {
            let (position, sentence, tokens, flags) = (
                finding.position, finding.sentence, finding.tokens, finding.flags
            )
            let (attribution, entities, allFlags) = (finding.attribution, finding.entities, finding.allFlags)
            let polarity = PolarityFinder.polarity(
                of: sentence.text, tokens: tokens, flags: flags, content: attribution?.content)
            var quantities = QuantityExtractor.quantities(in: sentence.text, tokens: tokens)
            if allFlags.contains(.negation) && allFlags.contains(.harm) {
                quantities += Self.noneHurt(sentence.text, tokens, flags)
            }
            let times = TimeExtractor.times(in: sentence.text, tokens: tokens, published: published)

            var speaker: Speaker?
            if let attribution {
                if attribution.needsAntecedent {
                    let word = attribution.speaker.lowercased()
                    let personal =
                        ["he", "she", "его", "её", "ее", "он", "она"].contains(word)
                        || Self.personRoles.contains(word.split(separator: " ").last.map(String.init) ?? "")
                    let pronoun = personal || ["it", "они", "they", "их"].contains(word)
                    // "the ministry": the latest body named so far whose name has that word.
                    let role = word.split(separator: " ").last.map(String.init) ?? word
                    let body = pronoun ? nil : namedBodies.last { $0.name.lowercased().contains(role) }
                    let antecedent =
                        personal
                        ? (lastPerson ?? lastSpeaker) : pronoun ? (lastBody ?? lastSpeaker) : (body ?? lastBody)
                    if var antecedent {
                        antecedent.text = attribution.speaker
                        antecedent.fromAntecedent = true
                        speaker = antecedent
                    } else {
                        speaker = resolve(attribution, entities: entities, named: named)
                    }
                } else {
                    speaker = resolve(attribution, entities: entities, named: named)
                }
                // An antecedent read again is the latest mention too: "The coalition said ...
                // it said" follows the coalition, not a body named before it.
                if let speaker {
                    lastSpeaker = speaker
                    if speaker.kind == .person { lastPerson = speaker } else { lastBody = speaker }
                }
            }

            for entity in entities where entity.entityID != nil && entity.kind == .organization {
                namedBodies.append(self.speaker(for: entity, text: entity.text))
            }
            if let speaker, speaker.entityID != nil, speaker.kind != .person { namedBodies.append(speaker) }

            let asks =
                sentence.text.utf8.last == UInt8(ascii: "?") || allFlags.contains(.questionCue)
                || (allFlags.contains(.negation) && tokens.contains { $0.lowercased == "confirm" })
            /// The claim of the sentence, or of one of its clauses with a speaker of its own.
            func claim(
                _ attribution: Attribution?, _ speaker: Speaker?, _ polarity: Polarity, _ entities: [EntityMention],
                _ quantities: [Quantity], _ times: [TimeMention]
            ) -> Claim {
                let isDenialCue = attribution.map { AttributionFinder.denialCues.contains($0.cue) } ?? false
                let stance: Stance =
                    attribution == nil
                    ? (asks ? .questions : .asserts)
                    : isDenialCue ? .denies : asks ? .questions : .attributes
                var slots: [ClaimSlot] = []
                if allFlags.contains(.strikeVerb) { slots += [.actor, .target] }
                if entities.contains(where: { $0.kind == .place }) { slots.append(.place) }
                if !times.isEmpty { slots.append(.time) }
                if !quantities.isEmpty { slots.append(.count) }
                if quantities.contains(where: { Self.casualtyEvents.contains($0.event ?? "") }) {
                    slots.append(.casualty)
                }
                if polarity.denial || isDenialCue { slots.append(.denial) }
                if attribution?.form == .direct { slots.append(.quote) }
                if attribution?.cue == "warn" { slots.append(.warning) }
                if allFlags.contains(.causeWord) { slots.append(.cause) }
                if slots.isEmpty { slots.append(.other) }
                return Claim(
                    sentence: position, text: sentence.text, range: sentence.range, content: attribution?.content,
                    speaker: speaker, cue: attribution?.cue, form: attribution?.form, stance: stance,
                    polarity: polarity, entities: entities, quantities: quantities, times: times, slots: slots)
            }
            claims.append(claim(attribution, speaker, polarity, entities, quantities, times))
            // "The United States and Ukraine say ...": each voice makes the claim.
            if let attribution, let speaker, !attribution.needsAntecedent {
                for partner in coSpeakers(attribution, tokens: tokens, entities: entities, besides: speaker) {
                    claims.append(claim(attribution, partner, polarity, entities, quantities, times))
                }
            }

            // "..., a day after the coalition said Russian munitions hit ...": the clause's own claim,
            // over the same sentence, with only what its content holds.
            for clause in finding.clauses {
                let content = clause.content
                // Only the clause's own words bear on its polarity: the main verb's "denied" does not.
                let inside = tokens.indices.filter { content.contains(tokens[$0].range) }
                let clausePolarity = PolarityFinder.polarity(
                    of: sentence.text, tokens: inside.map { tokens[$0] }, flags: inside.map { flags[$0] },
                    content: content)
                let clauseEntities = entities.filter {
                    content.contains($0.range) || clause.speakerRange.contains($0.range)
                }
                let clauseQuantities = quantities.filter { content.contains($0.range) }
                let clauseTimes = times.filter { content.contains($0.range) }
                let clauseSpeaker = resolve(clause, entities: entities, named: named)
                for voice in [clauseSpeaker]
                    + coSpeakers(clause, tokens: tokens, entities: entities, besides: clauseSpeaker)
                {
                    claims.append(claim(clause, voice, clausePolarity, clauseEntities, clauseQuantities, clauseTimes))
                }
            }
        }
        return claims
    }

    /// Casualty verbs a negation turns into a count of zero.
    static let harmed: [String: String] = [
        "hurt": "wounded", "wounded": "wounded", "injured": "injured", "harmed": "wounded", "killed": "killed",
        "пострадал": "wounded", "пострадали": "wounded", "пострадало": "wounded", "ранен": "wounded",
        "ранены": "wounded", "погиб": "killed", "погибли": "killed",
    ]

    /// What opens a statement's source in "в заявлении коалиции" (in the coalition's statement).
    static let statementPrepositions: ScriptWordSet = ["в", "во", "из", "по", "in", "from", "by"]
    /// Last words of a unit that speaks for its body ("General Command", "press service").
    static let unitNouns: ScriptWordSet = [
        "command", "service", "office", "headquarters", "department", "staff", "directorate", "centre", "center",
        "unit", "branch", "council",
    ]

    /// "и", compared as bytes: comparing a String with a non-ASCII literal normalizes both.
    static let cyrillicAnd = Array("и".utf8)

    /// Words for "not one of them", which negate a casualty verb a few words on.
    static let nobody: ScriptWordSet = ["none", "nobody", "neither", "никто", "ни"]

    /// "Advisers were not hurt", "no one was injured", "не пострадали": a count of zero, so that
    /// it can meet "two advisers were wounded" as a conflict.
    static func noneHurt(_ sentence: String, _ tokens: [Token], _ flags: [ClaimWords.Flags]) -> [Quantity] {
        var found: [Quantity] = []
        for index in tokens.indices where flags[index].contains(.harm) {
            guard let event = harmed[tokens[index].lowercased] else { continue }
            // The negation within the two words before: "were not hurt", "not been harmed"; or a
            // pronoun of none a little further: "none of its own advisers were hurt".
            let window = max(0, index - 3)..<index
            let wider = max(0, index - 7)..<index
            guard
                let negation = window.last(where: { flags[$0].contains(.negation) })
                    ?? wider.last(where: { Self.nobody.contains(tokens[$0].lowercased) })
            else { continue }
            let range = TextRange(tokens[negation].range.lowerBound, tokens[index].range.upperBound)
            // The counted noun: the plural word before the verb phrase, if any ("advisers were not
            // hurt"), or after "none of" ("none of its own advisers were hurt").
            let isPlural = { (token: Token) in
                token.kind == .word && token.lowercased.hasSuffix("s") && token.lowercased.count > 3
            }
            let noun =
                Self.nobody.contains(tokens[negation].lowercased)
                ? tokens[(negation + 1)..<index].last(where: isPlural)?.lowercased
                : tokens[..<negation].last(where: isPlural)?.lowercased
            found.append(
                Quantity(
                    lower: 0, upper: 0, kind: .exact, noun: noun, event: event, text: sentence.slice(range),
                    range: range))
        }
        return found
    }

    /// A body named by its country and a noun ("Ukraine's navy" is the Ukrainian Navy), when the
    /// gazetteer knows it under the country's demonym or name.
    func countrysBody(_ attribution: Attribution, _ inside: [EntityMention]) -> Speaker? {
        guard let place = inside.first(where: { $0.kind == .place && $0.entityID != nil }),
            let entry = recognizer.gazetteer.entry(id: place.entityID!),
            !inside.contains(where: { ($0.kind == .organization && $0.entityID != nil) || $0.kind == .person })
        else { return nil }
        let speakerBytes = Array(attribution.speaker.utf8)
        let cut = place.range.upperBound - attribution.speakerRange.lowerBound
        guard cut > 0, cut < speakerBytes.count else { return nil }
        let tail = String(decoding: speakerBytes[cut...], as: UTF8.self)
        let words = tail.split(whereSeparator: { $0 == " " || $0 == "'" || $0 == "’" })
            .map(String.init).filter { $0 != "s" && $0.first?.isLetter == true }
        for count in stride(from: min(words.count, 3), through: 1, by: -1) {
            let noun = words.prefix(count).joined(separator: " ")
            for prefix in entry.demonyms + [entry.name] {
                if let body = recognizer.gazetteer.lookup(prefix + " " + noun), body.kind != .place {
                    return Speaker(entry: body, text: attribution.speaker)
                }
            }
        }
        return nil
    }

    /// The speaker an attribution names: the best entity inside its words (a known person
    /// speaks for its affiliation; a known body beats an unknown name), else the words tidied.
    func resolve(_ attribution: Attribution, entities: [EntityMention], named: Set<String> = []) -> Speaker {
        let inside = entities.filter {
            attribution.speakerRange.contains($0.range) || attribution.speakerRange.overlaps($0.range)
        }
        // "Syria's main U.S.-backed force" in an article that names the SDF: the SDF. Only when
        // no known person or body is named in the words, and only one named entity fits.
        if !named.isDisjoint(with: recognizer.gazetteer.describedIDs),
            !inside.contains(where: { $0.entityID != nil && $0.kind != .place })
        {
            let described = recognizer.gazetteer.entries(describedBy: attribution.speaker).filter {
                named.contains($0.id)
            }
            if described.count == 1 { return Speaker(entry: described[0], text: attribution.speaker) }
        }
        func rank(_ mention: EntityMention) -> Int {
            var score = 0
            if mention.entityID != nil { score += 4 }
            if mention.kind == .person { score += 2 }
            if mention.kind == .organization || mention.kind == .group { score += 1 }
            if mention.kind == .place { score -= 3 }
            // "Mr. Clinton's adviser, Sandy Berger": the possessor is not the one speaking.
            if isPossessor(mention) { score -= 4 }
            return score
        }
        func isPossessor(_ mention: EntityMention) -> Bool {
            let offset = mention.range.upperBound - attribution.speakerRange.lowerBound
            let words = attribution.speaker.utf8
            guard offset >= 0, offset < words.count else { return false }
            let rest = attribution.speaker[words.index(words.startIndex, offsetBy: offset)...]
            return rest.hasPrefix("'s ") || rest.hasPrefix("’s ")
        }
        // "Ukraine's navy", "Russia's military": a country's body, looked up as "Ukrainian navy".
        if let body = countrysBody(attribution, inside) { return body }
        // The first of equally good entities: "Moscow and Minsk say" is Moscow's voice first.
        var best: EntityMention?
        for mention in inside where best == nil || rank(mention) > rank(best!) { best = mention }
        // "US-backed fighters", "the U.S. military", "Syria's main force": a place that only
        // qualifies the speaker's head noun is not the speaker.
        if let best, best.kind == .place, let last = inside.last, last.kind == .place,
            attribution.speakerRange.upperBound - last.range.upperBound > 3,
            !inside.contains(where: { $0.kind != .place })
        {
            // "Russian officials" speak for Russia; "US-backed fighters" do not speak for the US.
            let sponsored = ["-backed", "-led", "-allied", "-supported", "-funded", "-sponsored"].contains {
                attribution.speaker.lowercased().contains($0)
            }
            let country = best.entityID.flatMap { recognizer.gazetteer.entry(id: $0) }.map { $0.affiliation ?? $0.id }
            return Speaker(
                name: Self.tidy(attribution.speaker), affiliation: sponsored ? nil : country, kind: .group,
                text: attribution.speaker)
        }
        if let best, rank(best) > 0 || best.kind != .place {
            var found = speaker(for: best, text: attribution.speaker)
            // "Colonel Mohamed Sakri of Malaysia's National Security Council": a person the
            // gazetteer does not place speaks for the body or country named with them.
            if found.kind == .person || (found.kind == .group && found.entityID == nil), found.affiliation == nil,
                let body = inside.first(where: { $0.entityID != nil && $0.kind != .person && $0 != best })
            {
                found.affiliation = body.entityID
            }
            return found
        }
        // A country as speaker ("Russia denied") stands for its government, and so does its
        // capital ("Kyiv dismissed"); another city does not.
        if let place = inside.first {
            let entry = place.entityID.flatMap { recognizer.gazetteer.entry(id: $0) }
            let capitalOf = entry.flatMap { $0.roles.contains("capital") ? $0.affiliation : nil }
            return Speaker(
                name: place.canonicalName, entityID: place.entityID, affiliation: capitalOf, kind: .place,
                text: attribution.speaker)
        }
        // No name inside: the phrase itself may be one the gazetteer knows ("Defence Ministry"),
        // or end with one ("в заявлении коалиции", in the coalition's statement).
        let tidied = Self.tidy(attribution.speaker)
        if let entry = recognizer.gazetteer.lookup(tidied) { return Speaker(entry: entry, text: attribution.speaker) }
        if let space = tidied.firstIndex(of: " "), Self.statementPrepositions.contains(tidied[..<space].lowercased()) {
            let words = tidied.split(separator: " ")
            for start in 1..<words.count {
                guard let entry = recognizer.gazetteer.lookup(words[start...].joined(separator: " ")),
                    entry.kind != .place
                else { continue }
                return Speaker(entry: entry, text: attribution.speaker)
            }
        }
        if let entry = roleReference(tidied, named: named) { return Speaker(entry: entry, text: attribution.speaker) }
        return Speaker(name: tidied, text: attribution.speaker)
    }

    /// The other known voices of a joint speaker ("Washington and Kiev", "Lithuanian and
    /// Estonian officials"): named entities inside the speaker's words, joined by "and" or a
    /// comma, whose voice differs from the speaker's. A place that only qualifies another
    /// ("officials in Lithuania") joins only through "and".
    func coSpeakers(
        _ attribution: Attribution, tokens: [Token], entities: [EntityMention], besides speaker: Speaker
    ) -> [Speaker] {
        guard
            entities.count > 1,
            tokens.contains(where: {
                attribution.speakerRange.contains($0.range)
                    && ($0.lowercased == "and" || $0.lowercased.utf8.elementsEqual(Self.cyrillicAnd))
            })
        else { return [] }
        var voices: Set<String> = [speaker.voice]
        var partners: [Speaker] = []
        for mention in entities where attribution.speakerRange.contains(mention.range) {
            guard let id = mention.entityID, let entry = recognizer.gazetteer.entry(id: id) else { continue }
            var partner = Speaker(entry: entry, text: attribution.speaker)
            if entry.kind == .place {
                // A capital speaks for its country; other places only as countries.
                guard entry.affiliation == nil || entry.roles.contains("capital") else { continue }
                partner.kind = .place
            }
            guard voices.insert(partner.voice).inserted, id != speaker.entityID, id != speaker.affiliation else {
                continue
            }
            partners.append(partner)
        }
        return partners
    }

    /// The one entity the article names that a bare role stands for: "...: ministry" in a
    /// headline whose story names Russia's Defence Ministry, "the Navy's press service",
    /// "The Prime Minister told the Commons". Nil when none or several fit.
    func roleReference(_ phrase: String, named: Set<String>) -> Gazetteer.Entry? {
        guard !named.isEmpty else { return nil }
        var role = Substring(phrase)
        if let possessive = role.range(of: "'s ") ?? role.range(of: "’s ") { role = role[..<possessive.lowerBound] }
        guard role.first?.isLetter == true, role.split(separator: " ").count <= 3,
            let last = role.split(separator: " ").last, recognizer.gazetteer.isTailWord(last.lowercased())
        else { return nil }
        let fits = recognizer.gazetteer.entries(endingWith: String(role)).filter { named.contains($0.id) }
        return fits.count == 1 ? fits[0] : nil
    }

    /// The speaker an entity mention names: the gazetteer's entry when it has one (with the body
    /// a person speaks for), else the mention's own name.
    func speaker(for mention: EntityMention, text: String) -> Speaker {
        if let entry = mention.entityID.flatMap({ recognizer.gazetteer.entry(id: $0) }) {
            var speaker = Speaker(entry: entry, text: text)
            speaker.kind = mention.kind
            // A place speaks for the country it lies in only when it is that country's capital.
            if entry.kind == .place, !entry.roles.contains("capital") { speaker.affiliation = nil }
            return speaker
        }
        // "The SDF General Command", "Kremlin press office": a unit of a known body speaks for it.
        if mention.kind == .organization, let space = mention.text.lastIndex(of: " "),
            Self.unitNouns.contains(mention.text[mention.text.index(after: space)...].lowercased())
        {
            let words = Self.tidy(mention.text).split(separator: " ")
            for count in stride(from: words.count - 1, through: 1, by: -1) {
                guard let entry = recognizer.gazetteer.lookup(words.prefix(count).joined(separator: " ")),
                    entry.kind == .organization
                else { continue }
                return Speaker(
                    name: Self.tidy(mention.text), entityID: entry.id, affiliation: entry.affiliation,
                    kind: .organization, text: text)
            }
        }
        return Speaker(name: mention.canonicalName, kind: mention.kind, text: text)
    }

    /// A speaker's words without a leading article.
    static func tidy(_ phrase: String) -> String {
        var name = phrase
        for article in ["the ", "The ", "a ", "A "] where name.hasPrefix(article) { name.removeFirst(article.count) }
        return name
    }
}
