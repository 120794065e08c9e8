import Testing

@testable import TextAnalysis

/// Hand-written sentences in the shapes wires use, each with the speaker and cue it must give.
@Suite struct AttributionTests {
    struct Case: Sendable, CustomStringConvertible {
        let sentence: String
        let speaker: String?
        let cue: String?
        var form: Attribution.Form? = nil
        var needsAntecedent = false
        var description: String { sentence }
    }

    static let cases: [Case] = [
        // "the coalition", "the ministry": a role that may point back to a speaker named before.
        Case(
            sentence: "The coalition said Russian munitions hit a position held by the SDF.", speaker: "The coalition",
            cue: "say", form: .indirect, needsAntecedent: true),
        Case(
            sentence: "Russian munitions hit a position held by the SDF, the coalition said in a statement.",
            speaker: "the coalition", cue: "say", form: .indirect, needsAntecedent: true),
        Case(
            sentence:
                "\"We only strike confirmed targets,\" said Maj. Gen. Igor Konashenkov, the ministry's spokesman.",
            speaker: "Maj. Gen. Igor Konashenkov", cue: "say", form: .direct),
        Case(
            sentence: "\"The line stays open around the clock,\" Lt. Gen. Paul Funk told reporters.",
            speaker: "Lt. Gen. Paul Funk", cue: "tell", form: .direct),
        Case(
            sentence: "According to the Syrian Observatory, eight fighters were wounded.",
            speaker: "the Syrian Observatory",
            cue: "according to", form: .accordingTo),
        Case(
            sentence: "Eight fighters were wounded, according to the Syrian Observatory.",
            speaker: "the Syrian Observatory",
            cue: "according to", form: .accordingTo),
        Case(
            sentence: "The SDF, an alliance of Kurdish and Arab militias, said six of its fighters were wounded.",
            speaker: "The SDF, an alliance of Kurdish and Arab militias", cue: "say"),
        Case(
            sentence: "Russia's Defence Ministry on Monday rejected reports that its jets had hit the militia.",
            speaker: "Russia's Defence Ministry", cue: "reject"),
        Case(sentence: "Several fighters were wounded, it said.", speaker: "it", cue: "say", needsAntecedent: true),
        Case(sentence: "He added that no advisers were hurt.", speaker: "He", cue: "add", needsAntecedent: true),
        Case(
            sentence: "Warplanes did not strike the fighters near the gas field — MoD", speaker: "MoD", cue: "tag",
            form: .tagged),
        Case(
            sentence: "Russia Denies Its Warplanes Hit U.S.-Backed Fighters Near Gas Field", speaker: "Russia",
            cue: "deny"),
        Case(
            sentence: "Russian general killed in Syria by shelling: ministry", speaker: "ministry", cue: "tag",
            form: .tagged),
        Case(
            sentence: "«Российские самолеты удары не наносили», — заявил генерал-майор Игорь Конашенков.",
            speaker: "генерал-майор Игорь Конашенков", cue: "заявить", form: .direct),
        Case(
            sentence: "Международная коалиция заявила, что российские силы нанесли удар.",
            speaker: "Международная коалиция", cue: "заявить"),
        Case(
            sentence: "По его словам, боестолкновений не было.", speaker: "его", cue: "по словам", needsAntecedent: true
        ),
        Case(
            sentence: "Как сообщил официальный представитель Минобороны Игорь Конашенков, удары наносились по ИГ.",
            speaker: "официальный представитель Минобороны Игорь Конашенков", cue: "сообщить"),
        Case(
            sentence: "\"It is a circus show,\" spokeswoman Maria Zakharova was quoted as saying by RIA.",
            speaker: "spokeswoman Maria Zakharova", cue: "quote"),
        Case(
            sentence: "The general said the jet could climb to 10,000 metres.", speaker: "The general", cue: "say",
            needsAntecedent: true),
        // No speaker: the outlet's own voice, and a name that is not a verb.
        Case(sentence: "Russian warplanes bombed positions near the gas plant on Monday.", speaker: nil, cue: nil),
        Case(sentence: "Russia and the United States back rival offensives in the province.", speaker: nil, cue: nil),
        Case(sentence: "Two men were reported missing after the storm.", speaker: nil, cue: nil),
        // A headline's source after its last dash outranks a speech verb in the reported words.
        Case(
            sentence: "Russian warplanes hit only confirmed IS targets, US told of operation borders — MoD",
            speaker: "MoD", cue: "tag", form: .tagged),
        // A phrase of time after the verb is not the speaker; the one before it is.
        Case(
            sentence:
                "\"The line is open,\" the coalition's commander, Lt. Gen. Paul Funk, said in a statement Saturday.",
            speaker: "the coalition's commander, Lt. Gen. Paul Funk", cue: "say", form: .direct),
        Case(
            sentence: "Удары наносятся только по ИГ, заявил в воскресенье представитель Минобороны Игорь Конашенков.",
            speaker: "представитель Минобороны Игорь Конашенков", cue: "заявить"),
        // Russian roles without a name point back, as "the general" does.
        Case(
            sentence: "Генерал подчеркнул, что боестолкновений не было.", speaker: "Генерал", cue: "подчеркнуть",
            needsAntecedent: true),
        // "weren't told" is passive: the speaker is the one named at the end.
        Case(
            sentence: "The evacuation went smoothly, although passengers weren't told what was going on, Hunt said.",
            speaker: "Hunt", cue: "say"),
        // After "accused" comes an object, not a speaker: the speaker is before it.
        Case(
            sentence: "The talks stalled, the SDF said, and accused the army of shelling.", speaker: "the SDF",
            cue: "say"),
    ]

    @Test(arguments: cases)
    func speakerAndCue(_ example: Case) {
        let tokens = Tokenizer.tokens(of: example.sentence)
        let found = AttributionFinder.attribution(in: example.sentence, tokens: tokens)
        #expect(found?.speaker == example.speaker)
        #expect(found?.cue == example.cue)
        if let form = example.form { #expect(found?.form == form) }
        if let found { #expect(found.needsAntecedent == example.needsAntecedent) }
    }

    @Test func aSubordinateClauseHasASpeakerOfItsOwn() throws {
        let sentence =
            "Russia's Defense Ministry denied that its jets struck the SDF, a day after the U.S.-led coalition "
            + "said Russian munitions hit a position near Deir al-Zor."
        let tokens = Tokenizer.tokens(of: sentence)
        let main = try #require(AttributionFinder.attribution(in: sentence, tokens: tokens))
        #expect(main.speaker == "Russia's Defense Ministry")
        let clauses = AttributionFinder.clauseAttributions(
            in: sentence, tokens: tokens, flags: ClaimWords.flags(of: tokens), after: main)
        #expect(clauses.map(\.speaker) == ["the U.S.-led coalition"])
        #expect(clauses.first.map { sentence.slice($0.content) } == "Russian munitions hit a position near Deir al-Zor")
        // A second verb of the same speaker's sentence opens no clause.
        let plain = "The ministry said its jets struck only IS and added that it had warned the coalition."
        let plainTokens = Tokenizer.tokens(of: plain)
        let plainMain = try #require(AttributionFinder.attribution(in: plain, tokens: plainTokens))
        #expect(
            AttributionFinder.clauseAttributions(
                in: plain, tokens: plainTokens, flags: ClaimWords.flags(of: plainTokens), after: plainMain
            ).isEmpty)
    }

    @Test func contentLeavesOutTheSpeaker() throws {
        let sentence = "Russian munitions hit a position held by the SDF, the coalition said in a statement."
        let found = try #require(AttributionFinder.attribution(in: sentence, tokens: Tokenizer.tokens(of: sentence)))
        #expect(sentence.slice(found.content) == "Russian munitions hit a position held by the SDF")
        // A speaker with an apposition before a final "said": the content is the quotation.
        let closing = "They did not nationalize them,\" Manouchehr Takin, an analyst in London, said."
        let closed = try #require(AttributionFinder.attribution(in: closing, tokens: Tokenizer.tokens(of: closing)))
        #expect(closed.speaker == "Manouchehr Takin, an analyst in London")
        #expect(closing.slice(closed.content) == "They did not nationalize them")
        // "said that ...": what follows "that" is the content, never a speaker after the verb.
        let reported = "Mr. Clinton's adviser, Sandy Berger, said that the White House wasn't informed."
        let found2 = try #require(AttributionFinder.attribution(in: reported, tokens: Tokenizer.tokens(of: reported)))
        #expect(found2.speaker == "Mr. Clinton's adviser, Sandy Berger")
        #expect(reported.slice(found2.content) == "the White House wasn't informed")
        // "according to X," opening the reported clause: the content follows X.
        let source = "Mr Neil said that according to the source, the report will clear them."
        let found3 = try #require(AttributionFinder.attribution(in: source, tokens: Tokenizer.tokens(of: source)))
        #expect(source.slice(found3.content) == "the report will clear them")
    }
}

@Suite struct PolarityTests {
    @Test(arguments: [
        ("Russia denied that its aircraft struck the fighters.", false, true, false),
        ("The advisers were not hurt.", true, false, false),
        ("Its pilots only strike confirmed IS targets.", false, false, true),
        ("Not only the SDF but also the advisers were there.", false, false, false),
        ("The ministry called the reports baseless.", false, true, false),
        ("Минобороны опровергло сообщения об ударе.", false, true, false),
        ("Российские самолеты удары не наносили.", true, false, false),
        ("Six fighters were wounded.", false, false, false),
        ("Konashenkov said such a strike was \"impossible\".", false, true, false),
        ("\"Why would we bomb them?\" Konashenkov asked.", false, true, false),
        ("Why would the rebels leave the city now?", false, false, false),
    ])
    func polarity(sentence: String, negated: Bool, denial: Bool, exclusive: Bool) {
        let found = PolarityFinder.polarity(of: sentence, tokens: Tokenizer.tokens(of: sentence))
        #expect(found.negated == negated)
        #expect(found.denial == denial)
        #expect(found.exclusive == exclusive)
    }

    @Test func hedges() {
        for (sentence, hedge) in [
            ("The jets reportedly came from the west.", "reportedly"), ("Rebels may have fired first.", "may have"),
            ("The general is said to have died.", "is said to"), ("Самолеты якобы нанесли удар.", "якобы"),
        ] {
            #expect(PolarityFinder.polarity(of: sentence, tokens: Tokenizer.tokens(of: sentence)).hedge == hedge)
        }
    }
}
