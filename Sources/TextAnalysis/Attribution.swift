/// Who a sentence says is speaking, and how: the difference between "the coalition said Russian
/// munitions hit the SDF" (the coalition's claim, relayed) and "Russian munitions hit the SDF"
/// (the outlet's own voice). Ten outlets relaying the Russian Defense Ministry corroborate that
/// the ministry said it, not that it is true, so every claim must know its speaker.
public struct Attribution: Sendable, Hashable {
    public enum Form: String, Sendable, Hashable, Codable {
        /// A quotation with its speaker: `"...," Konashenkov said.`
        case direct
        /// Reported speech: "The coalition said Russian munitions hit ...".
        case indirect
        /// "According to the SDF, ..." and "..., according to the SDF."
        case accordingTo
        /// A headline or lead that names its source after a colon or dash: "... — MoD", "SDF: ...".
        case tagged
    }

    /// The speaker as written: "the coalition", "Maj. Gen. Igor Konashenkov", "it".
    public var speaker: String
    public var speakerRange: TextRange
    /// The cue's base form: "say", "tell", "deny", "according to", "claim", "заявить" ...
    public var cue: String
    public var cueRange: TextRange
    public var form: Form
    /// The attributed content: the sentence without the speaker and the cue.
    public var content: TextRange
    /// The speaker is a pronoun or a bare role ("it", "he", "the ministry") to be resolved from
    /// the article's earlier speakers.
    public var needsAntecedent: Bool

    public init(
        speaker: String, speakerRange: TextRange, cue: String, cueRange: TextRange, form: Form, content: TextRange,
        needsAntecedent: Bool
    ) {
        self.speaker = speaker
        self.speakerRange = speakerRange
        self.cue = cue
        self.cueRange = cueRange
        self.form = form
        self.content = content
        self.needsAntecedent = needsAntecedent
    }
}

/// Finds the attribution of a sentence from its tokens: speech verbs ("said", "told", "denied",
/// "заявил"), "according to", "по словам", and a source tagged onto a headline; the speaker is
/// the noun phrase on the verb's other side of the clause. Pure and allocation-light: it runs
/// on every sentence of every article.
public enum AttributionFinder {
    /// Speech and stance verbs by form, with their base form.
    static let cues: [String: String] = {
        var table: [String: String] = [:]
        let english: [(String, [String])] = [
            ("say", ["said", "says", "say", "saying"]),
            ("tell", ["told", "tells", "tell", "telling"]),
            ("add", ["added", "adds"]),
            ("state", ["stated", "states"]),
            ("announce", ["announced", "announces"]),
            ("claim", ["claimed", "claims", "claim", "claiming"]),
            ("allege", ["alleged", "alleges", "alleging"]),
            ("report", ["reported", "reports", "reporting"]),
            ("confirm", ["confirmed", "confirms", "confirming"]),
            ("deny", ["denied", "denies", "deny", "denying"]),
            ("reject", ["rejected", "rejects", "rejecting", "reject"]),
            ("dismiss", ["dismissed", "dismisses", "dismissing", "dismiss"]),
            ("refute", ["refuted", "refutes"]),
            ("dispute", ["disputed", "disputes"]),
            ("insist", ["insisted", "insists", "insisting", "insist"]),
            ("warn", ["warned", "warns", "warning"]),
            ("note", ["noted", "notes"]),
            ("write", ["wrote", "writes"]),
            ("explain", ["explained", "explains"]),
            ("stress", ["stressed", "stresses"]),
            ("accuse", ["accused", "accuses", "accusing"]),
            ("assert", ["asserted", "asserts"]),
            ("acknowledge", ["acknowledged", "acknowledges"]),
            ("admit", ["admitted", "admits"]),
            ("maintain", ["maintained", "maintains"]),
            ("estimate", ["estimated", "estimates"]),
            ("quote", ["quoted", "quotes"]),
            ("blame", ["blamed", "blames"]),
            ("accuse", ["accuse"]),
            ("affirm", ["affirmed", "affirms"]),
            ("recall", ["recalled", "recalls"]),
            ("point out", ["pointed"]),
            ("call", ["called", "calls"]),
            ("put", ["put", "puts"]),
            ("demand", ["demanded", "demands"]),
            ("urge", ["urged", "urges"]),
            ("declare", ["declared", "declares"]),
            ("emphasize", ["emphasized", "emphasised", "emphasizes", "emphasises"]),
            ("reveal", ["revealed", "reveals"]),
            ("condemn", ["condemned", "condemns"]),
            ("vow", ["vowed", "vows"]),
            ("threaten", ["threatened", "threatens"]),
            ("promise", ["promised", "promises"]),
            ("believe", ["believes"]),
            ("link", ["links", "linked"]),
            ("ask", ["asked", "asks"]),
            ("argue", ["argued", "argues"]),
            ("describe", ["described", "describes"]),
        ]
        for (base, forms) in english { for form in forms { table[form] = base } }
        let russian: [(String, [String])] = [
            ("заявить", ["заявил", "заявила", "заявили", "заявило", "заявляет", "заявляют", "заявив"]),
            ("сообщить", ["сообщил", "сообщила", "сообщили", "сообщило", "сообщает", "сообщают", "сообщив"]),
            ("сказать", ["сказал", "сказала", "сказали", "сказало"]),
            ("отметить", ["отметил", "отметила", "отметили", "отметило"]),
            ("подчеркнуть", ["подчеркнул", "подчеркнула", "подчеркнули", "подчеркнуло"]),
            ("добавить", ["добавил", "добавила", "добавили", "добавило"]),
            ("уточнить", ["уточнил", "уточнила", "уточнили", "уточнило"]),
            ("рассказать", ["рассказал", "рассказала", "рассказали"]),
            ("опровергнуть", ["опроверг", "опровергла", "опровергли", "опровергло", "опровергает"]),
            ("отвергнуть", ["отверг", "отвергла", "отвергли", "отвергло"]),
            ("обвинить", ["обвинил", "обвинила", "обвинили", "обвинило"]),
            ("подтвердить", ["подтвердил", "подтвердила", "подтвердили", "подтвердило"]),
            ("утверждать", ["утверждает", "утверждают", "утверждал", "утверждала", "утверждали"]),
            ("сообщать", ["сообщали", "сообщал", "сообщала", "сообщается"]),
            ("говорить", ["говорится", "говорит", "говорят", "говорил", "говорила"]),
            ("расценить", ["расценили", "расценил", "расценило", "расценила"]),
            ("назвать", ["назвал", "назвала", "назвали", "назвало"]),
            ("указать", ["указал", "указала", "указали", "указало"]),
            ("пояснить", ["пояснил", "пояснила", "пояснили", "пояснило"]),
        ]
        for (base, forms) in russian { for form in forms { table[form] = base } }
        return table
    }()

    /// Cues that put their speaker after them: "..., said the ministry", "..., added Funk".
    static let invertingCues: ScriptWordSet = [
        "say", "add", "write", "explain", "note", "state", "ask", "insist", "declare", "stress", "recall",
        "confirm", "report", "заявить", "сообщить", "сказать", "отметить", "подчеркнуть", "добавить",
        "уточнить", "рассказать", "пояснить", "указать", "говорить", "сообщать",
    ]

    /// Cues whose clause is a denial of what follows.
    public static let denialCues: Set<String> = [
        "deny", "reject", "dismiss", "refute", "dispute", "опровергнуть", "отвергнуть",
    ]

    /// Words that can head a speaker without a capital: roles, bodies and pronouns.
    static let speakerNouns: ScriptWordSet = [
        "official", "officials", "spokesman", "spokeswoman", "spokesperson", "ministry", "military", "police",
        "source", "sources", "witness", "witnesses", "activist", "activists", "resident", "residents", "monitor",
        "army", "forces", "force", "coalition", "government", "agency", "media", "reports", "report", "authorities",
        "observers", "analysts", "experts", "diplomats", "diplomat", "group", "alliance", "commander", "command",
        "statement", "militia", "rebels", "insurgents", "observatory", "council", "president", "minister",
        "secretary", "ambassador", "envoy", "investigators", "prosecutors", "officers", "doctors", "medics",
        "journalists", "correspondent", "commission", "committee", "department", "office", "service", "navy",
        "guard", "pentagon", "kremlin", "embassy", "he", "she", "it", "they", "we", "i",
        // Russian roles and bodies in the cases speakers take after "по данным", "как сообщил".
        "коалиции", "коалиция", "ведомства", "ведомство", "министерства", "министерство", "минобороны",
        "представитель", "представителя", "военные", "военных", "источник", "источника", "источники",
        "источников", "полиции", "полиция", "генерал", "дипломат", "он", "она", "они",
    ]

    static let pronouns: ScriptWordSet = ["he", "she", "it", "they", "we", "i", "он", "она", "оно", "они"]
    static let subordinators: ScriptWordSet = [
        "and", "but", "or", "while", "as", "after", "before", "when", "because", "so", "yet", "where", "which",
        "who", "that", "since", "although", "though", "if", "whereas", "и", "а", "но", "как", "что", "который",
        "которая", "которые",
    ]
    /// Words that open reported content after a speech verb ("said that ...").
    static let complementizers: ScriptWordSet = ["that", "whether", "if", "что", "чтобы", "ли"]
    static let leadingAdverbials: ScriptWordSet = [
        "on", "in", "at", "after", "before", "during", "since", "late", "early", "last", "earlier", "later", "в",
        "во", "на", "после",
    ]
    /// Words that may follow a closing speaker's verb without being its object.
    static let trailers: ScriptWordSet = [
        "citing", "adding", "according", "without", "via", "through", "late", "earlier", "later", "separately",
        "also", "again", "yesterday", "today", "tonight",
    ]
    /// Cue words that are also nouns, and the words that make them nouns ("other reports").
    static let reportNouns: ScriptWordSet = ["reports", "claims", "statements", "warnings", "denials"]
    static let reportDeterminers: ScriptWordSet = [
        "other", "some", "media", "news", "earlier", "unconfirmed", "the", "these", "those", "several", "local",
        "press", "initial", "conflicting", "such", "many", "its", "their",
    ]
    /// Days as a time phrase names them, in the cases Russian puts them in after "в".
    static let weekdays: ScriptWordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "понедельник", "вторник",
        "среду", "четверг", "пятницу", "субботу", "воскресенье",
    ]
    /// Bare roles that point back to a speaker named earlier ("the ministry said").
    static let anaphoricRoles: ScriptWordSet = [
        "general", "diplomat", "minister", "president", "ambassador", "envoy", "colonel", "navy",
        "ministry", "spokesman", "spokeswoman", "spokesperson", "military", "coalition", "group", "alliance",
        "statement", "official", "agency", "force", "army", "monitor", "observatory", "commander", "command",
    ]
    /// Russian roles and bodies that, alone, point back to a speaker named earlier.
    static let russianRoles: ScriptWordSet = [
        "генерал", "представитель", "официальный", "министр", "дипломат", "глава", "военный", "военные",
        "ведомство", "ведомства", "министерство", "министерства", "пресс-секретарь",
    ]
    /// Words that sit between a speaker and its verb without being part of the speaker.
    static let betweenSpeakerAndVerb: ScriptWordSet = [
        "has", "had", "have", "also", "later", "earlier", "then", "previously", "had", "again", "first",
        "separately", "meanwhile", "now", "further", "already", "repeatedly", "officially", "publicly", "flatly",
        "on", "in", "late", "early", "last", "this", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "yesterday", "today", "tonight", "has", "would", "will", "did", "does", "also",
        "quickly", "strongly", "categorically", "также", "ранее", "позднее", "в", "во", "not", "never",
    ]

    public static func attribution(in sentence: String, tokens: [Token]) -> Attribution? {
        attribution(in: sentence, tokens: tokens, flags: ClaimWords.flags(of: tokens))
    }

    static func attribution(in sentence: String, tokens: [Token], flags: [ClaimWords.Flags]) -> Attribution? {
        guard !tokens.isEmpty else { return nil }
        // Most sentences have no speech verb, "according to", dash or colon: nothing to find.
        let cueing: ClaimWords.Flags = [.cue, .accordingTo]
        guard
            flags.contains(where: { !$0.isDisjoint(with: cueing) })
                || tokens.contains(where: { $0.kind == .punctuation && ($0.text == ":" || isDash($0)) })
        else { return nil }
        let lower = tokens.map(\.lowercased)
        let end = sentence.utf8.count
        // "according to X" and "по словам X" / "по данным X".
        for index in tokens.indices.dropLast() where flags[index].contains(.accordingTo) {
            let isAccordingTo = lower[index] == "according" && lower[index + 1] == "to"
            let isRussian = lower[index] == "по" && (lower[index + 1] == "словам" || lower[index + 1] == "данным")
            if lower[index] == "по", index + 2 < tokens.count, lower[index + 2] == "словам",
                ["его", "её", "ее", "их"].contains(lower[index + 1])
            {
                // "По его словам, ...": the speaker is the one named before.
                let speakerRange = tokens[index + 1].range
                let after = index + 3 < tokens.count ? tokens[index + 3].range.upperBound : end
                return Attribution(
                    speaker: tokens[index + 1].text, speakerRange: speakerRange, cue: "по словам",
                    cueRange: TextRange(tokens[index].range.lowerBound, tokens[index + 2].range.upperBound),
                    form: .accordingTo, content: trimmed(TextRange(min(after, end), end), in: tokens),
                    needsAntecedent: true)
            }
            guard isAccordingTo || isRussian else { continue }
            let start = index + 2
            var stop = start
            while stop < tokens.count, stop - start < 14, !isClauseBreak(tokens[stop]) { stop += 1 }
            while stop > start, tokens[stop - 1].kind == .punctuation { stop -= 1 }
            guard stop > start, isSpeakerPhrase(tokens, lower, start..<stop) else { continue }
            let speakerRange = TextRange(tokens[start].range.lowerBound, tokens[stop - 1].range.upperBound)
            let content: TextRange
            // "According to X, ..." opens the sentence, or a clause after "that" or a comma
            // ("he said that according to the source, ..."): the content follows X.
            let opensClause =
                index > 0 && (lower[index - 1] == "that" || isClauseMark(tokens[index - 1]))
                && stop < tokens.count && lower[stop] == "," && stop + 1 < tokens.count
            if index == 0 || (index <= 2 && tokens[0..<index].allSatisfy { $0.kind != .word }) || opensClause {
                let after = stop < tokens.count ? tokens[stop].range.upperBound : end
                content = TextRange(min(after, end), end)
            } else {
                content = TextRange(0, tokens[index].range.lowerBound)
            }
            return Attribution(
                speaker: sentence.slice(speakerRange), speakerRange: speakerRange,
                cue: isRussian ? "по словам" : "according to",
                cueRange: TextRange(tokens[index].range.lowerBound, tokens[index + 1].range.upperBound),
                form: .accordingTo, content: trimmed(content, in: tokens),
                needsAntecedent: needsAntecedent(lower, start..<stop))
        }
        // "Как сообщил официальный представитель Минобороны Игорь Конашенков, ...": the speaker
        // follows the verb, the content follows the comma.
        if tokens.count > 3, lower[0] == "как", flags[1].contains(.cue) {
            var stop = 2
            while stop < tokens.count, stop - 2 < 14, !isClauseBreak(tokens[stop]) { stop += 1 }
            if stop < tokens.count, stop > 2, isSpeakerPhrase(tokens, lower, 2..<stop) {
                let speakerRange = TextRange(tokens[2].range.lowerBound, tokens[stop - 1].range.upperBound)
                let content = TextRange(tokens[stop].range.upperBound, end)
                return Attribution(
                    speaker: sentence.slice(speakerRange), speakerRange: speakerRange, cue: cues[lower[1]]!,
                    cueRange: tokens[1].range, form: .indirect, content: trimmed(content, in: tokens),
                    needsAntecedent: needsAntecedent(lower, 2..<stop))
            }
        }
        // A headline's source after its last dash ("..., US told of operation borders — MoD")
        // outranks any speech verb before it, which belongs to the reported words.
        if tokens.suffix(6).contains(where: isDash),
            let tagged = taggedSource(sentence: sentence, tokens: tokens, lower: lower),
            let dash = tokens.firstIndex(where: { $0.range == tagged.cueRange }), isDash(tokens[dash]),
            !flags[(dash + 1)...].contains(where: { $0.contains(.cue) })
        {
            return tagged
        }
        // Speech verbs: the last one whose clause has a speaker.
        var candidates: [Int] = []
        let titleCase = isTitleCase(tokens)
        let insideQuote = quotedMask(tokens)
        for index in tokens.indices where flags[index].contains(.cue) {
            // "the United States": a capitalized cue is a name, but in a Title Case headline.
            if tokens[index].isCapitalized && index > 0 && !titleCase { continue }
            if insideQuote[index] { continue }
            // "Other reports put the number at eight": a noun, not the verb "reports".
            if index > 0, reportNouns.contains(lower[index]), reportDeterminers.contains(lower[index - 1]) { continue }
            // "was reported", "is said to", "weren't told", "were not told": passive, no speaker
            // in the clause; but "X was quoted as saying" names X.
            if index > 1, lower[index - 1] == "not", flags[index - 2].contains(.passiveAuxiliary) { continue }
            if index > 0, flags[index - 1].contains(.passiveAuxiliary) {
                guard lower[index] == "quoted", index + 1 < tokens.count, lower[index + 1] == "as", index >= 2 else {
                    continue
                }
                if let found = speakerBeforeVerb(
                    verb: index - 1, cueAt: index, sentence: sentence, tokens: tokens, lower: lower)
                {
                    return found
                }
                continue
            }
            candidates.append(index)
        }
        for index in candidates {
            if let found = speakerAfterClause(verb: index, sentence: sentence, tokens: tokens, lower: lower) {
                return found
            }
            if let found = speakerBeforeVerb(verb: index, sentence: sentence, tokens: tokens, lower: lower) {
                return found
            }
        }
        return taggedSource(sentence: sentence, tokens: tokens, lower: lower)
    }

    /// Which tokens stand inside a quotation: a speech verb there ("we only strike confirmed
    /// targets") is the speaker's words, not the sentence's cue. Only balanced marks are trusted.
    static func quotedMask(_ tokens: [Token]) -> [Bool] {
        var insideQuote = [Bool](repeating: false, count: tokens.count)
        let quoteCount = tokens.filter { $0.kind == .quote && !isApostrophe($0) }.count
        guard quoteCount >= 2 && quoteCount % 2 == 0 else { return insideQuote }
        var open = false
        for index in tokens.indices {
            if tokens[index].kind == .quote && !isApostrophe(tokens[index]) {
                open.toggle()
            } else {
                insideQuote[index] = open
            }
        }
        return insideQuote
    }

    /// Speakers of subordinate clauses after the sentence's own cue: in "Russia denied it, a day
    /// after the coalition said Russian munitions hit the SDF", the coalition's claim is a claim
    /// of its own. Each found attribution's content runs to the sentence's end.
    static func clauseAttributions(
        in sentence: String, tokens: [Token], flags: [ClaimWords.Flags], after main: Attribution
    ) -> [Attribution] {
        guard main.form != .tagged,
            tokens.indices.contains(where: {
                flags[$0].contains(.cue) && tokens[$0].range.lowerBound > main.cueRange.upperBound
            })
        else { return [] }
        let lower = tokens.map(\.lowercased)
        let insideQuote = quotedMask(tokens)
        let opening: Set<String> = ["after", "where", "while", "whereas", "as", "when", "since"]
        var found: [Attribution] = []
        var searchFrom = main.cueRange.upperBound
        for index in tokens.indices where flags[index].contains(.cue) && !insideQuote[index] {
            guard tokens[index].range.lowerBound > searchFrom, index > 0, !flags[index - 1].contains(.passiveAuxiliary)
            else { continue }
            // A subordinator between the last cue and this one opens the clause.
            // A subordinator or a semicolon ("Moscow claims ...; Kyiv says ...") opens the clause.
            guard
                let opener = (0..<index).last(where: {
                    tokens[$0].range.lowerBound >= searchFrom && (opening.contains(lower[$0]) || lower[$0] == ";")
                }), index - opener <= 10
            else { continue }
            guard let clause = speakerBeforeVerb(verb: index, sentence: sentence, tokens: tokens, lower: lower),
                clause.speakerRange.lowerBound > tokens[opener].range.lowerBound, !clause.needsAntecedent
            else { continue }
            found.append(clause)
            searchFrom = clause.cueRange.upperBound
        }
        return found
    }

    /// `..., the coalition said in a statement.` / `"...," said Lt. Gen. Paul Funk.` — the speaker
    /// stands in the sentence's last clause, and the content is everything before it.
    private static func speakerAfterClause(verb: Int, sentence: String, tokens: [Token], lower: [String])
        -> Attribution?
    {
        // The clause start: the last comma, quote or dash before the verb.
        var clauseStart = verb
        while clauseStart > 0, !isClauseBreak(tokens[clauseStart - 1]) { clauseStart -= 1 }
        guard clauseStart > 0 else { return nil }
        // The clause must reach the sentence's end without another clause of content.
        var remaining = verb + 1
        while remaining < tokens.count, !isClauseBreak(tokens[remaining]) { remaining += 1 }
        // What follows the verb is short ("in a statement", "on Monday") or another speaker
        // clause (", the spokesman"), not content of its own.
        let wordsAfter = tokens[(verb + 1)...].filter { $0.kind == .word || $0.kind == .number }.count
        let closesSentence =
            remaining == tokens.count
            || tokens[remaining...].allSatisfy { $0.kind != .word && $0.kind != .number }
            || (lower[remaining] == "," && wordsAfter <= 12)
        guard closesSentence else { return nil }
        let contentEnd = tokens[clauseStart - 1].range.lowerBound
        let quoted = tokens[..<clauseStart].contains { $0.kind == .quote }
        let form: Attribution.Form = quoted ? .direct : .indirect
        let base = cues[lower[verb]]!
        if clauseStart < verb {
            // Speaker before the verb: ", the coalition said ..." The words after the verb, if
            // any, are a short trailer ("in a statement", "on Monday", "told reporters"), not an
            // object of their own ("..., while officials put the figure at 100,000").
            if wordsAfter > 0, tokens[verb + 1].kind == .word, base != "tell",
                !leadingAdverbials.contains(lower[verb + 1]),
                !weekdays.contains(lower[verb + 1]), !trailers.contains(lower[verb + 1])
            {
                return nil
            }
            // ", while Lithuanian officials said": the subordinator is not the speaker's.
            while clauseStart < verb, subordinators.contains(lower[clauseStart]) { clauseStart += 1 }
            var speakerEnd = verb
            while speakerEnd > clauseStart, betweenSpeakerAndVerb.contains(lower[speakerEnd - 1]) { speakerEnd -= 1 }
            guard speakerEnd > clauseStart, isSpeakerPhrase(tokens, lower, clauseStart..<speakerEnd) else { return nil }
            let speakerRange = TextRange(tokens[clauseStart].range.lowerBound, tokens[speakerEnd - 1].range.upperBound)
            return Attribution(
                speaker: sentence.slice(speakerRange), speakerRange: speakerRange, cue: base,
                cueRange: tokens[verb].range, form: form, content: trimmed(TextRange(0, contentEnd), in: tokens),
                needsAntecedent: needsAntecedent(lower, clauseStart..<speakerEnd))
        }
        // Speaker after the verb: ', said Lt. Gen. Paul Funk, the commander.' Only speech verbs
        // invert so; after "threatens" or "accused" comes an object, not a speaker.
        guard invertingCues.contains(base) else { return nil }
        var start = verb + 1
        var stop = start
        while stop < tokens.count, stop - start < 12, !isClauseBreak(tokens[stop]) { stop += 1 }
        while stop > start, tokens[stop - 1].kind == .punctuation { stop -= 1 }
        // "заявил в воскресенье представитель ...": a day between the verb and the speaker.
        while start + 2 < stop, leadingAdverbials.contains(lower[start]), weekdays.contains(lower[start + 1]) {
            start += 2
        }
        // "..., said in a statement Saturday": a phrase of time or place, not the speaker; ", said
        // that the White House was not told": the content, not the speaker.
        guard stop > start, !leadingAdverbials.contains(lower[start]), !complementizers.contains(lower[start]),
            isSpeakerPhrase(tokens, lower, start..<stop)
        else { return nil }
        let speakerRange = TextRange(tokens[start].range.lowerBound, tokens[stop - 1].range.upperBound)
        return Attribution(
            speaker: sentence.slice(speakerRange), speakerRange: speakerRange, cue: base, cueRange: tokens[verb].range,
            form: form, content: trimmed(TextRange(0, contentEnd), in: tokens),
            needsAntecedent: needsAntecedent(lower, start..<stop))
    }

    /// `The coalition said (that) ...` / `Russia's Defence Ministry on Monday rejected ...` — the
    /// speaker opens the clause, the content follows the verb.
    private static func speakerBeforeVerb(
        verb: Int, cueAt cueIndex: Int? = nil, sentence: String, tokens: [Token], lower: [String]
    ) -> Attribution? {
        let cue = cueIndex ?? verb
        var clauseStart = verb
        while clauseStart > 0, !isClauseBreak(tokens[clauseStart - 1]) { clauseStart -= 1 }
        // "The SDF, an alliance of Kurdish and Arab militias, said" and "Ahmed Abu Khawla, head of
        // the council, told ...": a speaker with its apposition, across up to two commas. The
        // earliest segment that opens like a name or a noun phrase heads it.
        var extended = clauseStart
        var head: Int?
        for _ in 0..<2 {
            guard extended > 1, lower[extended - 1] == "," else { break }
            var previous = extended - 1
            while previous > 0, !isClauseBreak(tokens[previous - 1]) { previous -= 1 }
            let segment = previous..<(extended - 1)
            guard !segment.isEmpty, segment.count <= 14, !hasVerb(lower, segment),
                !leadingAdverbials.contains(lower[previous])
            else { break }
            extended = previous
            if tokens[previous].isCapitalized || tokens[previous].isAllCaps
                || ["the", "a", "an"].contains(lower[previous])
            {
                head = previous
            }
        }
        var headEnd = verb
        while headEnd > extended, betweenSpeakerAndVerb.contains(lower[headEnd - 1]) || lower[headEnd - 1] == "," {
            headEnd -= 1
        }
        if let head, isSpeakerPhrase(tokens, lower, head..<headEnd, limit: 32) { clauseStart = head }
        // "and Russian media reported", "a day after Rex Tillerson blamed": the speaker starts after
        // the last conjunction or subordinator.
        // ("Moscow and Minsk say": "and" between two names joins them instead.)
        let joinsNames = { (index: Int) -> Bool in
            index > 0 && index + 1 < tokens.count && tokens[index - 1].isCapitalized && tokens[index + 1].isCapitalized
        }
        if head == nil,
            let cut = (clauseStart..<verb).last(where: { subordinators.contains(lower[$0]) && !joinsNames($0) }),
            !((cut + 1)..<verb).contains(where: { lower[$0] == "," })
        {
            clauseStart = cut + 1
        }
        // "on Sept. 16 it said": a pronoun right before the verb is the speaker.
        if verb - 1 > clauseStart, pronouns.contains(lower[verb - 1]) { clauseStart = verb - 1 }
        var speakerEnd = verb
        while speakerEnd > clauseStart,
            betweenSpeakerAndVerb.contains(lower[speakerEnd - 1]) || tokens[speakerEnd - 1].kind == .punctuation
        {
            speakerEnd -= 1
        }
        // A leading time or place phrase ("On Saturday, the coalition said") is its own clause.
        guard speakerEnd > clauseStart, isSpeakerPhrase(tokens, lower, clauseStart..<speakerEnd, limit: 32)
        else { return nil }
        let speakerRange = TextRange(tokens[clauseStart].range.lowerBound, tokens[speakerEnd - 1].range.upperBound)
        var contentStart = cue + 1
        let base = cues[lower[cue]]!
        // "told AFP", "told reporters": the listener is not content.
        if base == "tell" {
            while contentStart < tokens.count, contentStart - cue <= 3, tokens[contentStart].kind == .word,
                lower[contentStart] != "that"
            {
                contentStart += 1
                if contentStart < tokens.count, tokens[contentStart].isCapitalized == false,
                    !["reporters", "journalists", "the", "a"].contains(lower[contentStart - 1])
                {
                    break
                }
            }
        }
        while contentStart < tokens.count,
            lower[contentStart] == "that" || lower[contentStart] == "что" || isClauseMark(tokens[contentStart])
                || isDash(tokens[contentStart])
        {
            contentStart += 1
        }
        // '"They did not," Takin, an analyst, said.': nothing but the full stop after the verb.
        if !tokens[contentStart...].contains(where: { $0.kind == .word || $0.kind == .number }) {
            contentStart = tokens.count
        }
        if cueIndex != nil {
            // "X was quoted as saying": the words follow "as saying", or stand before X.
            contentStart = min(tokens.count, cue + 3)
            if clauseStart > 0 {
                contentStart = tokens.count
            }
        }
        // "..., the commander said in a statement Saturday.": a short phrase of time or place
        // after the verb; the content is the clause before the speaker.
        if contentStart < tokens.count, clauseStart > 0, leadingAdverbials.contains(lower[contentStart]),
            tokens[contentStart...].filter({ $0.kind == .word || $0.kind == .number }).count <= 6,
            !hasVerb(lower, contentStart..<tokens.count)
        {
            contentStart = tokens.count
        }
        let content: TextRange
        let quoted: Bool
        if contentStart < tokens.count {
            content = TextRange(tokens[contentStart].range.lowerBound, sentence.utf8.count)
            quoted = tokens[contentStart].kind == .quote
        } else if clauseStart > 0 {
            // '"The line is open," the commander, Lt. Gen. Paul Funk, said in a statement.'
            content = TextRange(0, tokens[clauseStart - 1].range.lowerBound)
            quoted = tokens[0].kind == .quote
        } else {
            return nil
        }
        return Attribution(
            speaker: sentence.slice(speakerRange), speakerRange: speakerRange, cue: base, cueRange: tokens[cue].range,
            form: quoted ? .direct : .indirect,
            content: trimmed(content, in: tokens), needsAntecedent: needsAntecedent(lower, clauseStart..<speakerEnd))
    }

    /// A headline's source after a final dash or colon ("... — MoD", "...: RIA"), or before a
    /// colon at the start ("SDF: Russian jets hit our positions").
    private static func taggedSource(sentence: String, tokens: [Token], lower: [String]) -> Attribution? {
        if let last = tokens.lastIndex(where: { isDash($0) || $0.text == ":" }), last > 2, last < tokens.count - 1,
            tokens.count - last - 1 <= 4, isSpeakerPhrase(tokens, lower, (last + 1)..<tokens.count),
            tokens[(last + 1)...].allSatisfy({ $0.kind != .word || $0.isCapitalized || $0.isAllCaps })
                // "...: ministry", "– Russian military": a role in lower case names a source too.
                || ((last + 1)..<tokens.count).contains(where: { speakerNouns.contains(lower[$0]) })
        {
            let speakerRange = TextRange(tokens[last + 1].range.lowerBound, tokens[tokens.count - 1].range.upperBound)
            return Attribution(
                speaker: sentence.slice(speakerRange), speakerRange: speakerRange, cue: "tag",
                cueRange: tokens[last].range,
                form: .tagged, content: trimmed(TextRange(0, tokens[last].range.lowerBound), in: tokens),
                needsAntecedent: false)
        }
        // A topic before a colon ("Brexit: ...", a place) is far commoner than a speaker, so only
        // an acronym ("SDF: ...") or a role ("Kremlin spokesman: ...") counts.
        if let colon = tokens.firstIndex(where: { $0.text == ":" }), colon > 0, colon <= 4,
            colon < tokens.count - 1, isSpeakerPhrase(tokens, lower, 0..<colon),
            (colon == 1 && tokens[0].isAllCaps) || (0..<colon).contains(where: { speakerNouns.contains(lower[$0]) })
        {
            let speakerRange = TextRange(tokens[0].range.lowerBound, tokens[colon - 1].range.upperBound)
            return Attribution(
                speaker: sentence.slice(speakerRange), speakerRange: speakerRange, cue: "tag",
                cueRange: tokens[colon].range,
                form: .tagged,
                content: trimmed(TextRange(tokens[colon].range.upperBound, sentence.utf8.count), in: tokens),
                needsAntecedent: false)
        }
        return nil
    }

    /// Most longer words capitalized: a headline in Title Case, where verbs have capitals too.
    static func isTitleCase(_ tokens: [Token]) -> Bool {
        var words = 0
        var capitalized = 0
        for token in tokens where token.kind == .word && token.text.utf8.count > 3 {
            words += 1
            if token.isCapitalized { capitalized += 1 }
        }
        return words >= 3 && capitalized * 10 >= words * 7
    }

    static func isClauseBreak(_ token: Token) -> Bool {
        switch token.kind {
        case .quote: return true
        case .word, .number: return false
        case .punctuation: return isClauseMark(token) || isDash(token)
        }
    }

    /// `,` `;` `:`, compared as bytes (String comparison with a non-ASCII literal normalizes).
    static func isClauseMark(_ token: Token) -> Bool {
        let utf8 = token.text.utf8
        guard utf8.count == 1, let byte = utf8.first else { return false }
        return byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":")
    }

    /// A hyphen standing alone, an en dash or an em dash.
    static func isDash(_ token: Token) -> Bool {
        let utf8 = token.text.utf8
        if utf8.count == 1 { return utf8.first == UInt8(ascii: "-") }
        guard utf8.count == 3 else { return false }
        var bytes = utf8.makeIterator()
        return bytes.next() == 0xE2 && bytes.next() == 0x80 && [0x93, 0x94].contains(bytes.next())
    }

    /// An apostrophe-like quote (`'` or `’`), which opens no quotation.
    static func isApostrophe(_ token: Token) -> Bool {
        let utf8 = token.text.utf8
        if utf8.count == 1 { return utf8.first == UInt8(ascii: "'") }
        guard utf8.count == 3 else { return false }
        var bytes = utf8.makeIterator()
        return bytes.next() == 0xE2 && bytes.next() == 0x80 && bytes.next() == 0x99
    }

    /// A plausible speaker: short, and named (a capital), an acronym, a pronoun or a role noun.
    static func isSpeakerPhrase(_ tokens: [Token], _ lower: [String], _ range: Range<Int>, limit: Int = 14) -> Bool {
        guard !range.isEmpty, range.count <= limit else { return false }
        var named = false
        for index in range {
            let token = tokens[index]
            if token.kind == .word && (token.isCapitalized || token.isAllCaps) { named = true }
            if speakerNouns.contains(lower[index]) { named = true }
        }
        // A clause with its own verb is content, not a speaker ("the strike killed six").
        if range.count > 1 && hasVerb(lower, range) { return false }
        return named
    }

    static let clauseVerbs: ScriptWordSet = [
        "killed", "wounded", "hit", "struck", "was", "were", "is", "are", "had", "took", "began", "made", "gave",
    ]

    static func hasVerb(_ lower: [String], _ range: Range<Int>) -> Bool {
        range.contains { index in
            // "The ships ignored the lawful demands": a past tense with its object.
            clauseVerbs.contains(lower[index])
                || (index > range.lowerBound && index + 1 < range.upperBound && lower[index].hasSuffix("ed")
                    && objectOpeners.contains(lower[index + 1]))
        }
    }

    static let objectOpeners: ScriptWordSet = ["the", "a", "an", "its", "their", "his", "her", "our"]

    static func needsAntecedent(_ lower: [String], _ range: Range<Int>) -> Bool {
        // Russian has no article: "генерал подчеркнул", "представитель ведомства отметил".
        if range.count <= 3, range.allSatisfy({ russianRoles.contains(lower[$0]) }) { return true }
        if range.count == 1 { return pronouns.contains(lower[range.lowerBound]) }
        if range.count == 2, lower[range.lowerBound] == "the" {
            return anaphoricRoles.contains(lower[range.upperBound - 1])
        }
        return false
    }

    /// The range without the quotes, commas and spaces at its edges.
    static func trimmed(_ range: TextRange, in tokens: [Token]) -> TextRange {
        let inside = tokens.filter { range.contains($0.range) && ($0.kind == .word || $0.kind == .number) }
        guard let first = inside.first, let last = inside.last else { return range }
        return TextRange(first.range.lowerBound, last.range.upperBound)
    }
}
