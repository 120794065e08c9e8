import Testing

@testable import TextAnalysis

@Suite struct LanguageIdentifierTests {
    @Test(arguments: [
        (
            "The defense ministry said on Saturday that its aircraft had not struck any civilian targets near the "
                + "city, and that reports of casualties were false.", Language.english
        ),
        ("Russian jets strike targets near Idlib", .english),
        ("Coalition says six fighters wounded in overnight attack", .english),
        ("Agence France-Presse top stories in English", .english),
        (
            "Le ministère de la Défense a déclaré samedi que ses avions n'avaient frappé aucune cible civile près "
                + "de la ville.", .french
        ),
        ("L'armée française annonce la mort de trois soldats au Mali", .french),
        (
            "Das Verteidigungsministerium erklärte am Samstag, dass seine Flugzeuge keine zivilen Ziele in der Nähe "
                + "der Stadt getroffen hätten.", .german
        ),
        ("Bundesregierung kündigt neue Sanktionen gegen Moskau an", .german),
        (
            "El Ministerio de Defensa dijo el sábado que sus aviones no habían atacado ningún objetivo civil cerca "
                + "de la ciudad.", .spanish
        ),
        ("El gobierno anuncia nuevas sanciones contra Rusia", .spanish),
        (
            "Министерство обороны заявило в субботу, что его самолеты не наносили ударов по гражданским объектам "
                + "вблизи города.", .russian
        ),
        ("Минобороны России опровергло удары по больнице", .russian),
        (
            "Міністерство оборони заявило в суботу, що його літаки не завдавали ударів по цивільних об'єктах "
                + "поблизу міста.", .ukrainian
        ),
        ("Україна отримала нові ракети від партнерів", .ukrainian),
        ("قالت وزارة الدفاع يوم السبت إن طائراتها لم تضرب أي أهداف مدنية بالقرب من المدينة.", .arabic),
        ("الجيش السوري يعلن السيطرة على مدينة دير الزور", .arabic),
    ])
    func identifies(text: String, language: Language) {
        let result = LanguageIdentifier.identify(text)
        #expect(result.language == language, "\(text): \(result)")
        #expect(result.confidence > 0.4 && result.confidence <= 1, "\(text): \(result)")
    }

    /// Languages it does not know, other scripts, mixtures and noise are `.other`, not a guess.
    @Test(arguments: [
        "Il ministero della Difesa ha dichiarato sabato che i suoi aerei non hanno colpito alcun obiettivo civile.",
        "O Ministério da Defesa disse no sábado que os seus aviões não atingiram nenhum alvo civil perto da cidade.",
        "Het ministerie van Defensie zei zaterdag dat zijn vliegtuigen geen burgerdoelen hebben geraakt.",
        "Министерството на отбраната заяви в събота, че самолетите му не са нанесли удари по граждански обекти.",
        "وزارت دفاع روز شنبه اعلام کرد که هواپیماهای این کشور هیچ هدف غیرنظامی را در نزدیکی شهر هدف قرار نداده اند.",
        "国防部周六表示，其飞机没有袭击城市附近的任何民用目标。",
        "Savunma Bakanlığı cumartesi günü yaptığı açıklamada uçaklarının hiçbir sivil hedefi vurmadığını söyledi.",
        "Ministerstwo Obrony poinformowało w sobotę, że jego samoloty nie zaatakowały żadnych celów cywilnych.",
        "Kementerian Pertahanan mengatakan pada hari Sabtu bahwa pesawatnya tidak menyerang sasaran sipil.",
        "The army said что военные attacked здесь and ушли домой вечером",
        "asdf qwer zxcv hjkl uiop bnmv",
        "Trump",
        "",
        "12:30 — 45% (2017)",
    ])
    func other(text: String) {
        #expect(LanguageIdentifier.identify(text).language == .other, "\(text)")
    }

    @Test func readsOnlyTheStart() {
        let english = String(
            repeating: "The ministry said that the strikes had hit the positions of the militants near the town. ",
            count: 12)
        let russian = String(
            repeating: "Министерство заявило, что удары были нанесены по позициям боевиков. ", count: 40)
        #expect(english.utf8.count > 1_000)
        #expect(LanguageIdentifier.identify(english + russian).language == .english)
        #expect(LanguageIdentifier.identify(russian + english).language == .russian)
    }

    @Test func confidenceGrowsWithEvidence() {
        let headline = LanguageIdentifier.identify("Russian jets strike targets near Idlib")
        let paragraph = LanguageIdentifier.identify(
            "Russian jets struck targets near Idlib on Sunday, the monitoring group said, adding that at least "
                + "six civilians were killed and that the strikes had hit a market in the center of the town.")
        #expect(headline.language == .english && paragraph.language == .english)
        #expect(paragraph.confidence > headline.confidence)
        #expect(paragraph.confidence > 0.7)
    }
}
