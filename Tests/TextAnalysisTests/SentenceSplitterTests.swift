import Testing

@testable import TextAnalysis

@Suite struct SentenceSplitterTests {
    /// Splits `text` and checks that every sentence's range gives back its text.
    private func sentences(_ text: String) -> [String] {
        let sentences = SentenceSplitter.split(text)
        for sentence in sentences { #expect(text.slice(sentence.range) == sentence.text) }
        return sentences.map(\.text)
    }

    @Test(arguments: [
        (
            "Maj. Gen. Oleg Vorontsov said the convoy left at dawn. Lt. Gen. Rhys Barlow disagreed.",
            ["Maj. Gen. Oleg Vorontsov said the convoy left at dawn.", "Lt. Gen. Rhys Barlow disagreed."]
        ),
        (
            "Col. Dana Ruiz briefed Adm. Hal Berger and Lt. Sam Ortiz. Sgt. Amy Cole and Capt. Ian Roe listened.",
            ["Col. Dana Ruiz briefed Adm. Hal Berger and Lt. Sam Ortiz.", "Sgt. Amy Cole and Capt. Ian Roe listened."]
        ),
        (
            "Dr. Lena Fisk and Prof. Omar Haddad met Mr. Kell, Mrs. Pardo and Ms. Ueda. Nobody else came.",
            ["Dr. Lena Fisk and Prof. Omar Haddad met Mr. Kell, Mrs. Pardo and Ms. Ueda.", "Nobody else came."]
        ),
        (
            "Sen. Ava Lind, Rep. Tom Vance and Gov. Ruth Amos signed. The bill passed.",
            ["Sen. Ava Lind, Rep. Tom Vance and Gov. Ruth Amos signed.", "The bill passed."]
        ),
        (
            "The team flew from St. Petersburg to Mt. Elbrus. Snow delayed them.",
            ["The team flew from St. Petersburg to Mt. Elbrus.", "Snow delayed them."]
        ),
        (
            "Resolution No. 2254 and Nos. 3 and 4 were cited. Both were ignored.",
            ["Resolution No. 2254 and Nos. 3 and 4 were cited.", "Both were ignored."]
        ),
        (
            "Shelling began on Sept. 16, paused Oct. 2 and resumed between Jan. 5 and Feb. 9. Talks followed in Aug. 2018.",
            [
                "Shelling began on Sept. 16, paused Oct. 2 and resumed between Jan. 5 and Feb. 9.",
                "Talks followed in Aug. 2018.",
            ]
        ),
        (
            "Sirens sounded at 3 a.m. GMT and again at 5 p.m. local time. Residents fled at 6 a.m. The roads jammed.",
            [
                "Sirens sounded at 3 a.m. GMT and again at 5 p.m. local time.", "Residents fled at 6 a.m.",
                "The roads jammed.",
            ]
        ),
        (
            "Alpha Inc. and Beta Ltd. sued Gamma Corp. and Delta Co. on Monday. Shares fell 3.5 percent.",
            ["Alpha Inc. and Beta Ltd. sued Gamma Corp. and Delta Co. on Monday.", "Shares fell 3.5 percent."]
        ),
        (
            "The contract went to Alpha Inc. The company declined to comment.",
            ["The contract went to Alpha Inc.", "The company declined to comment."]
        ),
        (
            "Alpha Inc. CEO Jane Roe resigned. Kyiv vs. Moscow talks stalled at approx. 40 points.",
            ["Alpha Inc. CEO Jane Roe resigned.", "Kyiv vs. Moscow talks stalled at approx. 40 points."]
        ),
    ])
    func titlesAndAbbreviations(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    /// "U.S." and its kind end a sentence only before a word that usually opens one.
    @Test(arguments: [
        (
            "U.S. and U.N. officials met U.K. envoys. He lives in the U.S. The next day he flew home.",
            ["U.S. and U.N. officials met U.K. envoys.", "He lives in the U.S.", "The next day he flew home."]
        ),
        (
            "The U.S. President spoke to U.N. Secretary-General Antonio Guterres. They talked for an hour.",
            ["The U.S. President spoke to U.N. Secretary-General Antonio Guterres.", "They talked for an hour."]
        ),
        (
            "Delegates moved to the U.N. In Geneva, they waited. She returned to the U.K. But nobody noticed.",
            [
                "Delegates moved to the U.N.", "In Geneva, they waited.", "She returned to the U.K.",
                "But nobody noticed.",
            ]
        ),
        (
            "Some weapons, e.g. rockets, i.e. indirect fire, were used. Others were not.",
            ["Some weapons, e.g. rockets, i.e. indirect fire, were used.", "Others were not."]
        ),
        (
            "They took food, water, etc. and left. They took fuel, tents, etc. The rest stayed behind.",
            ["They took food, water, etc. and left.", "They took fuel, tents, etc.", "The rest stayed behind."]
        ),
        (
            "The talks ended at 4 p.m. (1300 GMT) on Friday. It was late.",
            ["The talks ended at 4 p.m. (1300 GMT) on Friday.", "It was late."]
        ),
    ])
    func abbreviationsThatMayEndASentence(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test(arguments: [
        (
            "Lt. Gen. Paul E. Funk led it. J. R. R. Tolkien was cited.",
            ["Lt. Gen. Paul E. Funk led it.", "J. R. R. Tolkien was cited."]
        ),
        ("The fallback was Plan B. The army rejected it.", ["The fallback was Plan B.", "The army rejected it."]),
        (
            "Growth slowed to 3.5 percent. Prices rose 0.7 percent.",
            ["Growth slowed to 3.5 percent.", "Prices rose 0.7 percent."]
        ),
        (
            "He was born in 1990. 25 people came to the party.",
            ["He was born in 1990.", "25 people came to the party."]
        ),
        (
            "He paused... then went on. Nobody answered… The room was silent.",
            ["He paused... then went on.", "Nobody answered…", "The room was silent."]
        ),
        (
            "Details are at https://www.example.org/report.v2.html and press@example.org has copies. Read it on apnews.com today.",
            [
                "Details are at https://www.example.org/report.v2.html and press@example.org has copies.",
                "Read it on apnews.com today.",
            ]
        ),
        ("The site was example.com. It went offline.", ["The site was example.com.", "It went offline."]),
        ("Six were killed.Officials denied it.", ["Six were killed.", "Officials denied it."]),
        ("Why did they fire? Nobody knows! Talks resumed.", ["Why did they fire?", "Nobody knows!", "Talks resumed."]),
        ("(The ministry did not comment.) Talks resumed.", ["(The ministry did not comment.)", "Talks resumed."]),
    ])
    func initialsNumbersAndLinks(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test(arguments: [
        (
            #""We did not strike them. We struck only terrorists," Konashenkov said. The SDF disagreed."#,
            [#""We did not strike them. We struck only terrorists," Konashenkov said."#, "The SDF disagreed."]
        ),
        (
            "“We did not strike them. We struck only terrorists,” Konashenkov said.",
            ["“We did not strike them. We struck only terrorists,” Konashenkov said."]
        ),
        (
            #""Why would we do that?" he asked. "Stop!" the officer shouted. Then he left."#,
            [#""Why would we do that?" he asked."#, #""Stop!" the officer shouted."#, "Then he left."]
        ),
        (
            "“Who fired? Nobody knows,” a resident said. He left.",
            ["“Who fired? Nobody knows,” a resident said.", "He left."]
        ),
        (
            "He said: “The strike missed.” The talks ended.",
            ["He said: “The strike missed.”", "The talks ended."]
        ),
        (
            "„Wir haben nicht angegriffen. Das war jemand anderes“, sagte der Sprecher.",
            ["„Wir haben nicht angegriffen. Das war jemand anderes“, sagte der Sprecher."]
        ),
        (
            "«Минобороны России не наносило ударов. Удары наносились по террористам», — заявил генерал-майор Игорь Конашенков. Он добавил детали.",
            [
                "«Минобороны России не наносило ударов. Удары наносились по террористам», — заявил генерал-майор Игорь Конашенков.",
                "Он добавил детали.",
            ]
        ),
        ("«Зачем нам это?» — спросил он. Потом ушёл.", ["«Зачем нам это?» — спросил он.", "Потом ушёл."]),
        (
            "«Это «ложь». Мы не стреляли», — сказал он. Всё.",
            ["«Это «ложь». Мы не стреляли», — сказал он.", "Всё."]
        ),
    ])
    func quotations(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test(arguments: [
        (
            "В 2017 г. Минобороны России заявило об ударах. Бои шли в г. Дейр-эз-Зор, т.е. на востоке страны.",
            ["В 2017 г. Минобороны России заявило об ударах.", "Бои шли в г. Дейр-эз-Зор, т.е. на востоке страны."]
        ),
        (
            "Удары, обстрелы и т.д. продолжаются. Их число растёт и т.д. Позже всё стихло.",
            ["Удары, обстрелы и т.д. продолжаются.", "Их число растёт и т.д.", "Позже всё стихло."]
        ),
        (
            "Это случилось в 2015 г. В том году погибли 12 человек.",
            ["Это случилось в 2015 г.", "В том году погибли 12 человек."]
        ),
        (
            "Глава ведомства В. В. Иванов прибыл в Москву. Его встретил ген. Сергей Орлов.",
            ["Глава ведомства В. В. Иванов прибыл в Москву.", "Его встретил ген. Сергей Орлов."]
        ),
    ])
    func russian(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test func titleParagraphsAndNumbers() {
        let text =
            "Russia denies strike on SDF\n\nMOSCOW, Sept 17 (Reuters) - Russia denied it. The SDF disagreed.\n\n"
            + "More talks are planned\n  \nwithout a date.\n"
        let split = SentenceSplitter.split(text)
        #expect(
            split.map(\.text) == [
                "Russia denies strike on SDF", "MOSCOW, Sept 17 (Reuters) - Russia denied it.", "The SDF disagreed.",
                "More talks are planned", "without a date.",
            ])
        #expect(split.map(\.paragraph) == [0, 1, 1, 2, 3])
        for sentence in split { #expect(text.slice(sentence.range) == sentence.text) }
    }

    @Test func lineBreaksInsideAParagraphAreSpaces() {
        let text = "The minister said on Friday that the\nconvoy had left. It reached\nthe border."
        #expect(
            sentences(text) == ["The minister said on Friday that the\nconvoy had left.", "It reached\nthe border."])
    }

    @Test func bulletsAndNumberedItems() {
        let text =
            "Key points:\n- Six fighters were wounded\n- The strike hit a gas plant.\n• Talks resumed\n"
            + "1. First item\n2) Second item\n* Last one\nAfter the list."
        #expect(
            sentences(text) == [
                "Key points:", "Six fighters were wounded", "The strike hit a gas plant.", "Talks resumed",
                "First item",
                "Second item", "Last one", "After the list.",
            ])
    }

    /// The dateline's own periods ("Sept.", "/TASS/.") end nothing in the body's first paragraph.
    @Test(arguments: [
        (
            "Title\n\nDAMASCUS, Sept. 16 /TASS/. Russian jets struck. More followed.",
            ["Title", "DAMASCUS, Sept. 16 /TASS/. Russian jets struck.", "More followed."]
        ),
        (
            "МОСКВА, 17 сентября. /ТАСС/. Минобороны опровергло удары. Детали позже.",
            ["МОСКВА, 17 сентября. /ТАСС/. Минобороны опровергло удары.", "Детали позже."]
        ),
    ])
    func datelinePeriods(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test func spacesAreTrimmedAndEmptyTextHasNoSentences() {
        #expect(SentenceSplitter.split("").isEmpty)
        #expect(SentenceSplitter.split(" \n\n \t\n").isEmpty)
        let text = "\u{00A0} First one.   Second one. \u{2009}\n"
        let split = SentenceSplitter.split(text)
        #expect(split.map(\.text) == ["First one.", "Second one."])
        #expect(text.slice(split[0].range) == "First one.")
    }
}
