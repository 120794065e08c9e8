import Testing

@testable import TextAnalysis

@Suite struct BoilerplateTests {
    @Test(arguments: [
        ("(Reporting by Nadia Haddad; Editing by Peter Lowe)", Boilerplate.Kind.reportingBy),
        ("Reporting by Nadia Haddad in Beirut; Writing by Ivan Sorokin; Editing by Peter Lowe.", .reportingBy),
        ("With reporting by Reuters, TASS and Interfax", .reportingBy),
        ("Additional reporting by Olga Brandt in Moscow.", .reportingBy),
        ("AP writer Carla Mendes contributed to this report.", .reportingBy),
        ("Associated Press writers Ben Tal and Rosa Ng contributed.", .reportingBy),
        ("By Tom Avery and Lina Sayegh", .reportingBy),
        ("This story was provided by Harbor Wire.", .creditLine),
        ("The post Shelling resumes near the river appeared first on Example Daily.", .creditLine),
        ("Source: Harbor Wire", .creditLine),
        ("По материалам агентства «Северный вестник».", .creditLine),
        ("Photo: Smoke rises over the refinery.", .photoCaption),
        ("FILE PHOTO: Trucks wait at the border crossing.", .photoCaption),
        ("(Photo by Sami Karam/AFP via Getty Images)", .photoCaption),
        ("A fighter stands guard near the bridge / AFP", .photoCaption),
        ("A woman walks past a damaged shop in the old city, May 3, 2017. REUTERS/Karim Nasser", .photoCaption),
        ("Rescuers search the rubble. (AP Photo/Hani Saleh)", .photoCaption),
        ("Фото: Иван Петров/ТАСС", .photoCaption),
        ("Read more: Ceasefire talks stall again", .readMore),
        ("READ MORE", .readMore),
        ("Read more coverage of this story on our website.", .readMore),
        ("Click here for the full timeline.", .readMore),
        ("Читайте также: Переговоры сорваны", .readMore),
        ("Related:", .related),
        ("Related coverage", .related),
        ("Смотрите также", .related),
        ("© 2017 Harbor Wire", .copyright),
        ("Copyright 2017 The Example Press. All rights reserved.", .copyright),
        ("All rights reserved.", .copyright),
        ("(c) Harbor Wire", .copyright),
        ("Republished with permission.", .copyright),
        ("Editor's note: An earlier version misstated the date.", .editorNote),
        ("Editor’s note: This article was revised.", .editorNote),
        ("This story has been corrected to show the strike was on Sunday.", .editorNote),
        ("(Updates with ministry statement)", .editorNote),
        ("Harbor Wire has contacted the ministry for further comment.", .editorNote),
        ("Материал дополняется.", .editorNote),
        ("Sign up for our morning briefing.", .subscribe),
        ("Subscribe to the newsletter for daily updates.", .subscribe),
        ("Follow Harbor Wire on social media for the latest updates.", .subscribe),
        ("Have a news tip?", .subscribe),
        ("Email Harbor Wire.", .subscribe),
        ("Подписывайтесь на наш канал в Telegram.", .subscribe),
        ("Следите за развитием событий на нашем сайте.", .subscribe),
    ])
    func kinds(sentence: String, kind: Boilerplate.Kind) {
        #expect(Boilerplate.kind(of: sentence) == kind)
    }

    /// News prose that starts or ends like boilerplate.
    @Test(arguments: [
        "By Monday, the rebels had left the town.",
        "Follow-up talks are planned for Tuesday.",
        "Subscribers to the channel grew by 40 percent.",
        "A Reuters/Ipsos poll showed 40 percent support.",
        "The post office was shelled overnight.",
        "Related talks stalled in Geneva.",
        "Photographers were detained at the checkpoint.",
        "Email records show the minister knew.",
        "Copyright disputes rose sharply last year.",
        "Sources said the convoy left at dawn.",
        "The strike was reported by AFP/Reuters.",
        "The ministry did not respond to a request for comment.",
        "Reportedly, six fighters were wounded.",
        "Минобороны России не наносило ударов.",
    ])
    func prose(sentence: String) {
        #expect(Boilerplate.kind(of: sentence) == nil)
    }

    @Test(
        arguments: [
            ("MOSCOW, Sept 17 (Reuters) - Russia denied it.", "MOSCOW", "Sept 17", "Reuters", "Russia denied it."),
            ("BEIRUT (AP) — Airstrikes hit the city.", "BEIRUT", nil, "AP", "Airstrikes hit the city."),
            ("DAMASCUS, Sept. 16 /TASS/. Russian jets struck.", "DAMASCUS", "Sept. 16", "TASS", "Russian jets struck."),
            ("WASHINGTON — The Pentagon said nothing.", "WASHINGTON", nil, nil, "The Pentagon said nothing."),
            ("WASHINGTON —", "WASHINGTON", nil, nil, ""),
            (
                "МОСКВА, 17 сентября. /ТАСС/. Минобороны опровергло.", "МОСКВА", "17 сентября", "ТАСС",
                "Минобороны опровергло."
            ),
            (
                "Moscow, 17 September (Interfax) - The ministry denied it.", "Moscow", "17 September", "Interfax",
                "The ministry denied it."
            ),
            ("KYIV, Ukraine (AP) — Drones hit the port.", "KYIV, Ukraine", nil, "AP", "Drones hit the port."),
            (
                "DEIR EZ-ZOR, Syria, Sept. 17 (Reuters) - Fighting went on.", "DEIR EZ-ZOR, Syria", "Sept. 17",
                "Reuters", "Fighting went on."
            ),
            ("Deir ez-Zor (AFP) - Fighting went on.", "Deir ez-Zor", nil, "AFP", "Fighting went on."),
            ("ST. PETERSBURG, March 2 (Reuters) - Snow fell.", "ST. PETERSBURG", "March 2", "Reuters", "Snow fell."),
            (
                "МОСКВА, 17 сентября — РИА Новости. Минобороны опровергло.", "МОСКВА", "17 сентября", "РИА Новости",
                "Минобороны опровергло."
            ),
            (
                "МОСКВА, 17 сентября — Минобороны опровергло удары.", "МОСКВА", "17 сентября", nil,
                "Минобороны опровергло удары."
            ),
            (
                "КАЗАНЬ, 2 марта — Уральские новости. Дожди прошли.", "КАЗАНЬ", "2 марта", "Уральские новости",
                "Дожди прошли."
            ),
        ] as [(String, String, String?, String?, String)])
    func datelines(sentence: String, place: String, date: String?, outlet: String?, rest: String) throws {
        let dateline = try #require(Boilerplate.dateline(in: sentence))
        #expect(dateline.place == place)
        #expect(dateline.dateText == date)
        #expect(dateline.outlet == outlet)
        #expect(dateline.range.lowerBound == 0)
        let after = String(decoding: sentence.utf8.dropFirst(dateline.range.upperBound), as: UTF8.self)
        #expect(after.trimmingPrefix(while: \.isWhitespace) == rest[...])
    }

    @Test(arguments: [
        "Officials — who spoke anonymously — said the convoy left.",
        "The ministry said on Friday that six were hurt.",
        "NATO said it was monitoring the situation.",
        "Moscow says it struck only militants.",
        "U.S. - Russia talks resumed on Friday.",
        "Moscow — the capital — was quiet.",
        "«Мы не стреляли», — заявил он.",
    ])
    func noDateline(sentence: String) {
        #expect(Boilerplate.dateline(in: sentence) == nil)
    }

    @Test func articleSetsAsideBoilerplateAndCutsTheDateline() throws {
        let text = """
            Russia denies strikes on SDF positions

            DEIR EZ-ZOR, Syria, Sept. 17 (Reuters) - Russia denied striking SDF fighters. Six were wounded, the SDF said.

            FILE PHOTO: Smoke rises over the city. REUTERS/Karim Nasser

            "We did not strike them. We struck only terrorists," Maj. Gen. Igor Konashenkov said.

            Read more: Ceasefire talks stall again

            (Reporting by Nadia Haddad; Editing by Peter Lowe)
            © 2017 Harbor Wire
            """
        let article = ArticleSentences(text: text)
        #expect(
            article.sentences.map(\.text) == [
                "Russia denies strikes on SDF positions", "Russia denied striking SDF fighters.",
                "Six were wounded, the SDF said.",
                #""We did not strike them. We struck only terrorists," Maj. Gen. Igor Konashenkov said."#,
            ])
        #expect(article.sentences.map(\.paragraph) == [0, 1, 1, 3])
        #expect(
            article.boilerplate.map(\.1) == [.photoCaption, .photoCaption, .readMore, .reportingBy, .copyright])
        let dateline = try #require(article.dateline)
        #expect(dateline.place == "DEIR EZ-ZOR, Syria")
        #expect(dateline.outlet == "Reuters")
        #expect(text.slice(dateline.range) == "DEIR EZ-ZOR, Syria, Sept. 17 (Reuters) -")
        for sentence in article.sentences + article.boilerplate.map(\.0) {
            #expect(text.slice(sentence.range) == sentence.text)
        }
    }

    @Test func russianArticle() throws {
        let text = """
            Минобороны опровергло удары

            МОСКВА, 17 сентября. /ТАСС/. «Минобороны России не наносило ударов», — заявил генерал-майор Игорь Конашенков. Он добавил детали.

            Фото: Иван Петров/ТАСС

            Подписывайтесь на наш канал.
            """
        let article = ArticleSentences(text: text)
        #expect(
            article.sentences.map(\.text) == [
                "Минобороны опровергло удары",
                "«Минобороны России не наносило ударов», — заявил генерал-майор Игорь Конашенков.",
                "Он добавил детали.",
            ])
        #expect(article.boilerplate.map(\.1) == [.photoCaption, .subscribe])
        #expect(try #require(article.dateline).outlet == "ТАСС")
    }

    /// Interfax files the place and the day as sentences of their own before its mark; SANA and
    /// Interfax's English service close theirs on the agency and a dash.
    @Test(
        arguments: [
            (
                "Минобороны отвергло обвинения\n\nМосква. 17 сентября. INTERFAX.RU - Министерство обороны России отвергло обвинения. Оно добавило детали.",
                "INTERFAX.RU", "Министерство обороны России отвергло обвинения."
            ),
            (
                "Army crosses the river\n\nDeir Ezzor, SANA – Army units crossed the Euphrates on Monday.",
                "SANA", "Army units crossed the Euphrates on Monday."
            ),
            (
                "NATO watches drills\n\nBRUSSELS. Sept 14 (Interfax) - NATO will send observers to the drills.",
                "Interfax", "NATO will send observers to the drills."
            ),
        ] as [(String, String, String)])
    func agencyDatelinesAcrossSentences(text: String, agency: String, firstSentence: String) throws {
        let article = ArticleSentences(text: text)
        let dateline = try #require(article.dateline)
        #expect(dateline.outlet == agency)
        #expect(article.sentences.dropFirst().first?.text == firstSentence)
        #expect(article.sentences.allSatisfy { !$0.text.contains(agency) || $0.paragraph == 0 })
        for sentence in article.sentences { #expect(text.slice(sentence.range) == sentence.text) }
    }

    /// Capitals before a dash inside a sentence are prose, not a dateline.
    @Test func anAcronymBeforeADashIsNotADateline() {
        let text = "Strike reported\n\nFighters of the SDF - the US-backed alliance - were wounded. Six were hurt."
        let article = ArticleSentences(text: text)
        #expect(article.dateline == nil)
        #expect(article.sentences.map(\.text).contains("Fighters of the SDF - the US-backed alliance - were wounded."))
    }

    @Test func aTitleIsNotADateline() {
        let article = ArticleSentences(text: "FACTBOX - What we know\n\nThe strike hit a depot. Six were hurt.")
        #expect(article.dateline == nil)
        #expect(article.sentences.count == 3)
    }
}
