import Foundation
import TestSupport
import Testing
import TextAnalysis

@testable import Corroboration

/// Story clustering on small hand-written reports. IDF is learned as articles arrive, so each
/// test first feeds a little unrelated news (`Background`), as a running engine would have seen.
struct StoryClustererTests {
    /// 17 September 2017, 08:00 UTC, plus `hours`.
    static func date(hours: Double) -> Date {
        Date(timeIntervalSince1970: 1_505_635_200 + hours * 3600)
    }

    static let strikeAP = StoryArticle(
        id: "ap-1", published: date(hours: 0),
        title: "Coalition says Russian strike hit SDF fighters near Deir al-Zor",
        body: """
            DEIR AL-ZOR, Syria (AP) — The US-led coalition said on Saturday that Russian munitions struck \
            a position east of the Euphrates near Deir al-Zor where SDF fighters and coalition advisers were \
            stationed.
            Six SDF fighters were wounded in the strike, the coalition said. The advisers were not hurt.
            Russia's Defense Ministry spokesman Igor Konashenkov denied the account and said Russian aircraft \
            only hit Islamic State positions, adding that Moscow had told Washington the borders of its operation.
            """, outlet: "ap")

    static let strikeReuters = StoryArticle(
        id: "reuters-1", published: date(hours: 3),
        title: "Russian jets bombed U.S.-backed SDF near Deir al-Zor, coalition says",
        body: """
            BEIRUT, Sept 17 (Reuters) - Russian aircraft bombed U.S.-backed SDF fighters near Deir al-Zor on \
            Saturday, wounding several of them, the coalition said, in an attack east of the Euphrates where \
            coalition advisers were present.
            The SDF said six of its fighters were wounded; other reports said eight.
            Igor Konashenkov, the Russian Defense Ministry spokesman, said the strikes hit only Islamic State \
            targets and that Moscow had informed the Americans of the borders of its operation in advance.
            """, outlet: "reuters")

    /// Same actors and place, another day, other facts: a second strike, not the same event.
    static let secondStrike = StoryArticle(
        id: "afp-2", published: date(hours: 50),
        title: "SDF says new Russian strike near Deir al-Zor killed three fighters",
        body: """
            DEIR AL-ZOR, Syria (AFP) — The SDF said on Monday that a new Russian air strike near Deir al-Zor \
            killed three of its fighters and destroyed two vehicles at a checkpoint on the Euphrates.
            The coalition said it was looking into the report of the attack, which came at dawn.
            Russia's Defense Ministry and Igor Konashenkov did not comment on the raid, the SDF said, adding \
            that 40 civilians had fled the village.
            """)

    /// The coalition's accusation as Interfax carried it in Russian: no word in common with the
    /// English reports, only the names (Дейр-эз-Зор, СДС, Евфрат, Конашенков).
    static let strikeInterfax = StoryArticle(
        id: "interfax-1", published: date(hours: 2),
        title: "Коалиция обвинила российскую авиацию в ударе по СДС под Дейр-эз-Зором",
        body: """
            Москва. 16 сентября. INTERFAX.RU - Коалиция во главе с США заявила, что российские боеприпасы \
            в субботу поразили позиции «Сирийских демократических сил» (СДС) восточнее Евфрата под Дейр-эз-Зором.
            По данным коалиции, ранены несколько бойцов СДС. Официальный представитель Минобороны РФ Игорь \
            Конашенков заявил, что российская авиация бьет только по объектам ИГ.
            """, outlet: "interfax")

    /// Moscow's denial, filed the next day; its last paragraph goes back to Saturday's strike.
    static let denialReuters = StoryArticle(
        id: "reuters-2", published: date(hours: 26),
        title: "Russia denies its jets bombed U.S.-backed SDF fighters near Deir al-Zor",
        body: """
            MOSCOW, Sept 17 (Reuters) - Russia's Defense Ministry on Sunday denied that its aircraft had bombed \
            U.S.-backed SDF fighters near Deir al-Zor, saying Russian jets hit only Islamic State targets.
            Igor Konashenkov, the ministry spokesman, said Moscow had informed Washington of the borders of \
            its operation in advance.
            The coalition said on Saturday that Russian munitions struck a position east of the Euphrates \
            where SDF fighters and coalition advisers were stationed. The SDF said six of its fighters were wounded.
            """, outlet: "reuters")

    /// The denial as Interfax carried it, with no word of Saturday.
    static let denialInterfax = StoryArticle(
        id: "interfax-2", published: date(hours: 25),
        title: "Минобороны России отвергло сообщения об ударе по СДС под Дейр-эз-Зором",
        body: """
            Москва. 17 сентября. INTERFAX.RU - Министерство обороны России в воскресенье отвергло заявления \
            коалиции о том, что российская авиация нанесла удар по позициям «Сирийских демократических сил» (СДС) \
            восточнее Евфрата под Дейр-эз-Зором.
            Как заявил официальный представитель Минобороны генерал-майор Игорь Конашенков, американская сторона \
            была заранее проинформирована о границах операции.
            """, outlet: "interfax")

    /// Another event of the same place, day and ministry, from the AP desk that wrote `strikeAP`.
    static let generalKilledAP = StoryArticle(
        id: "ap-2", published: date(hours: 5),
        title: "Russian general killed by shelling near Deir al-Zor, ministry says",
        body: """
            DEIR AL-ZOR, Syria (AP) — Russia's Defense Ministry said on Saturday that a Russian general advising \
            Syrian troops was killed by Islamic State shelling near Deir al-Zor, east of the Euphrates.
            Defense Ministry spokesman Igor Konashenkov said the general was at a command post when the shells hit. \
            The coalition said it was not involved.
            """, outlet: "ap")

    static let quake = StoryArticle(
        id: "quake-1", published: date(hours: 1),
        title: "Earthquake of magnitude 6.1 shakes Chiapas",
        body: """
            MEXICO CITY (Reuters) - An earthquake of magnitude 6.1 struck the southern state of Chiapas on \
            Saturday, the seismological service said, damaging houses in Tonala.
            Governor Manuel Velasco said no deaths had been reported and schools would stay closed.
            """)

    static let quakeAgain = StoryArticle(
        id: "quake-2", published: date(hours: 2),
        title: "Chiapas quake damages homes in Tonala, no deaths reported",
        body: """
            TONALA, Mexico (AP) — A magnitude 6.1 earthquake damaged homes in Tonala in Chiapas on Saturday, \
            the seismological service said.
            Chiapas governor Manuel Velasco said schools would remain closed and no deaths were reported.
            """)

    /// Unrelated short news on other topics, published before the tests' articles.
    static let background: [StoryArticle] = {
        let topics = [
            ("Central bank holds rates", "The central bank kept its benchmark rate unchanged at 4.5 percent."),
            ("Storm cuts power in Florida", "Hurricane winds left thousands of homes without electricity."),
            ("Parliament passes budget", "Lawmakers approved the spending plan after a long debate."),
            ("Football club signs striker", "The club agreed a transfer fee with the player's agent."),
            ("Oil prices climb", "Brent crude rose as inventories fell and traders watched supply."),
            ("Election campaign opens", "Candidates toured the provinces promising jobs and roads."),
            ("Wildfire spreads in California", "Firefighters battled flames as residents were evacuated."),
            ("Tech firm reports profit", "Quarterly revenue beat forecasts on strong phone sales."),
            ("Court jails former mayor", "The judge sentenced him to five years for bribery."),
            ("Flooding hits Bangladesh", "Monsoon rains submerged villages and displaced families."),
            ("Museum returns artefacts", "The statues were handed back at a ceremony in the capital."),
            ("Airline strike grounds flights", "Pilots walked out over pay, stranding travellers."),
            ("Vaccine trial begins", "Volunteers received the first doses at three hospitals."),
            ("Trade talks stall", "Negotiators failed to agree on tariffs for steel and grain."),
            ("Drought threatens harvest", "Farmers warned that wheat yields could halve this year."),
            ("Protesters rally in Caracas", "Thousands marched against food shortages and inflation."),
        ]
        var articles = topics.enumerated().map { number, topic in
            StoryArticle(
                id: "background-\(number)", published: date(hours: -30 + Double(number)), title: topic.0,
                body: topic.1)
        }
        // And a day of everyday wire copy, so that "said", "Saturday", "state" or "struck" are
        // known to be common, as they are to an engine that has been running a while.
        let everyday = """
            said says told officials official ministry minister government president state states city region \
            country police army forces military people killed wounded injured attack attacks struck strike hit \
            monday tuesday wednesday thursday friday saturday sunday week year month day morning night \
            reported report reports reuters ap afp agency news statement spokesman spokeswoman service \
            national international southern northern eastern western capital local foreign defense security \
            two three four five six seven eight ten hundred thousand million percent about more than after \
            earlier later last next new first second since while before during near east west north south \
            houses homes schools closed open opened deaths dead death no not any all other others several
            """.split(whereSeparator: \.isWhitespace).map(String.init)
        var random = SplitMix64(seed: 6)
        for number in 0..<400 {
            let words = (0..<40).map { _ in random.pick(everyday) } + ["topic\(number)a", "topic\(number)b"]
            articles.append(
                StoryArticle(
                    id: "everyday-\(number)", published: date(hours: -14 + Double(number) / 40),
                    title: words.prefix(6).joined(separator: " "), body: words.joined(separator: " ") + "."))
        }
        return articles
    }()

    static func clusterer(_ configuration: StoryClusteringConfiguration = .init()) -> StoryClusterer {
        var clusterer = StoryClusterer(configuration: configuration)
        for article in background { _ = clusterer.add(article) }
        return clusterer
    }

    @Test func sameEventInOtherWordsJoins() {
        var clusterer = Self.clusterer()
        let first = clusterer.add(Self.strikeAP)
        let quake = clusterer.add(Self.quake)
        let second = clusterer.add(Self.strikeReuters)
        #expect(first.isNewStory)
        #expect(!second.isNewStory)
        #expect(second.story == first.story, "similarity \(second.similarity)")
        #expect(quake.story != first.story)
        let stories = clusterer.currentStories.filter { $0.articleIDs.contains("ap-1") }
        #expect(stories.map(\.articleIDs) == [["ap-1", "reuters-1"]])
        #expect(stories.first?.firstSeen == Self.strikeAP.published)
        #expect(stories.first?.lastSeen == Self.strikeReuters.published)
    }

    @Test func lookAlikeOnAnotherDayWithOtherNumbersStaysApart() {
        var clusterer = Self.clusterer()
        let first = clusterer.add(Self.strikeAP)
        _ = clusterer.add(Self.strikeReuters)
        let later = clusterer.add(Self.secondStrike)
        #expect(later.isNewStory)
        #expect(later.story != first.story)
        // Close enough to be worth linking as a follow-up.
        #expect(later.related == first.story)

        // What keeps it apart is the date its lead gives: words alone would merge it.
        var undated = StoryClusteringConfiguration()
        undated.readsLeadDates = false
        var wordsOnly = Self.clusterer(undated)
        let firstAgain = wordsOnly.add(Self.strikeAP)
        _ = wordsOnly.add(Self.strikeReuters)
        #expect(wordsOnly.add(Self.secondStrike).story == firstAgain.story)
    }

    @Test func leadDatesAreTheEventsNotTheDatelines() {
        // Saturday 16 September 2017 is day 17425 since 1970; the Reuters dateline says Sept 17.
        #expect(StoryClusterer.leadDays(Self.strikeReuters) == [17425])
        #expect(StoryClusterer.leadDays(Self.strikeAP) == [17425])
        #expect(StoryClusterer.leadDays(Self.secondStrike) == [17427])
        #expect(StoryClusterer.datesConflict([17425], [17427]))
        #expect(!StoryClusterer.datesConflict([17425], [17425, 17427]))
        #expect(!StoryClusterer.datesConflict([], [17427]))
    }

    @Test func theWindowEvictsButKeepsAssignments() {
        var configuration = StoryClusteringConfiguration()
        configuration.window = 24 * 3600
        var clusterer = Self.clusterer(configuration)
        let first = clusterer.add(Self.strikeAP)
        var repeated = Self.strikeAP
        repeated.id = "ap-1-again"
        repeated.published = Self.date(hours: 30)
        let again = clusterer.add(repeated)
        // The same text a window later is not compared with the first: a new story.
        #expect(again.isNewStory)
        #expect(again.story != first.story)
        // The background and the first report have left; only the repeat is live.
        #expect(clusterer.liveArticleCount == 1)
        // Stories are closed every 256 articles and at the end; their members are kept.
        let closed = clusterer.finish()
        #expect(closed.contains { $0.id == first.story && $0.articleIDs == ["ap-1"] })
        #expect(closed.contains { $0.id == again.story && $0.articleIDs == ["ap-1-again"] })
        #expect(clusterer.openStoryCount == 0)
    }

    /// A poller's clusterer keeps a window more in memory (`lateAllowance`): a report that comes
    /// in after newer ones still meets its event's reports, and still meets nothing more than a
    /// window older than itself.
    @Test func aLateReportMeetsItsWindowWhenTheClustererAllowsForIt() {
        var configuration = StoryClusteringConfiguration()
        configuration.window = 24 * 3600
        configuration.lateAllowance = 24 * 3600
        var late = Self.strikeReuters
        late.published = Self.date(hours: 20)
        var newer = Self.quake
        newer.published = Self.date(hours: 40)

        var allowing = Self.clusterer(configuration)
        let first = allowing.add(Self.strikeAP)
        _ = allowing.add(newer)
        #expect(allowing.add(late).story == first.story, "20 hours after, within its own window")

        var repeated = Self.strikeAP
        repeated.id = "ap-1-again"
        repeated.published = Self.date(hours: 30)
        var bounded = Self.clusterer(configuration)
        _ = bounded.add(Self.strikeAP)
        _ = bounded.add(newer)
        #expect(bounded.add(repeated).isNewStory, "held in memory, but more than a window before it")

        configuration.lateAllowance = 0
        var batch = Self.clusterer(configuration)
        _ = batch.add(Self.strikeAP)
        _ = batch.add(newer)
        #expect(batch.add(late).isNewStory, "without the allowance the first report has left")
    }

    /// Reports that arrive in the same minute may arrive in any order: the grouping must not
    /// depend on it.
    @Test(arguments: [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]])
    func orderOfSimultaneousReportsDoesNotMatter(_ order: [Int]) {
        var articles = [Self.strikeAP, Self.quake, Self.strikeReuters, Self.quakeAgain]
        for index in articles.indices { articles[index].published = Self.date(hours: 4) }
        var clusterer = Self.clusterer()
        var storyOf: [String: Int] = [:]
        for index in order { storyOf[articles[index].id] = clusterer.add(articles[index]).story }
        #expect(storyOf["ap-1"] == storyOf["reuters-1"])
        #expect(storyOf["quake-1"] == storyOf["quake-2"])
        #expect(storyOf["ap-1"] != storyOf["quake-1"])
        let tested = Set(articles.map(\.id))
        let stories = clusterer.finish().filter { !tested.isDisjoint(with: $0.articleIDs) }
        // Two stories of exactly the four reports: no background article joined either.
        #expect(stories.count == 2)
        #expect(stories.allSatisfy { $0.articleIDs.count == 2 })
    }

    @Test func reportInAnotherScriptJoinsByTheNamesItShares() {
        var clusterer = Self.clusterer()
        let first = clusterer.add(Self.strikeAP)
        let quake = clusterer.add(Self.quake)
        let russian = clusterer.add(Self.strikeInterfax)
        #expect(!russian.isNewStory)
        #expect(russian.story == first.story)
        #expect(russian.story != quake.story)
        // Without the gazetteer's ids the Russian report meets nothing.
        var unnamed = StoryClusteringConfiguration()
        unnamed.recognizesEntities = false
        var wordsOnly = Self.clusterer(unnamed)
        _ = wordsOnly.add(Self.strikeAP)
        #expect(wordsOnly.add(Self.strikeInterfax).isNewStory)
    }

    @Test func denialOfTheDayBeforeJoinsTheStoryWhenItSaysSo() {
        var clusterer = Self.clusterer()
        let first = clusterer.add(Self.strikeAP)
        _ = clusterer.add(Self.strikeReuters)
        let denial = clusterer.add(Self.denialReuters)
        #expect(denial.story == first.story, "similarity \(denial.similarity)")
        // The same report without its paragraph on Saturday is dated Sunday and nothing ties it to
        // Saturday's strike: another event, as far as the dates tell.
        var undated = Self.denialReuters
        undated.body = undated.body.split(separator: "\n").prefix(2).joined(separator: "\n")
        var again = Self.clusterer()
        let strike = again.add(Self.strikeAP)
        _ = again.add(Self.strikeReuters)
        let alone = again.add(undated)
        #expect(alone.isNewStory)
        #expect(alone.related == strike.story)
    }

    @Test func reportThatTiesTwoStoriesMergesThem() {
        var clusterer = Self.clusterer()
        let strike = clusterer.add(Self.strikeAP)
        // Interfax's denial is dated Sunday and does not go back to Saturday: a story of its own.
        let russian = clusterer.add(Self.denialInterfax)
        #expect(russian.isNewStory)
        // Reuters' denial belongs to both: one story again, under the first one's number.
        let denial = clusterer.add(Self.denialReuters)
        #expect(denial.story == strike.story)
        #expect(clusterer.story(of: russian.story) == strike.story)
        let stories = clusterer.finish().filter { $0.articleIDs.contains("ap-1") }
        #expect(stories.map { Set($0.articleIDs) } == [["ap-1", "interfax-2", "reuters-2"]])
        #expect(stories.first?.firstSeen == Self.strikeAP.published)
        #expect(stories.first?.lastSeen == Self.denialReuters.published)
    }

    /// Two killings of one kind in two towns, three reports each, then a report that reads like
    /// one member of each: a single outlying member does not tie two stories of several members.
    static let twoTownKillings: [StoryArticle] = [
        (
            "redmill-1", "Hit-and-run driver kills woman outside Redmill supermarket",
            "A hit-and-run driver killed a woman outside the Harlow supermarket in Redmill, police in Redmill said."
        ),
        (
            "eastport-1", "Drunk driver kills cyclist on Eastport quay",
            "A drunk driver killed a cyclist on the Eastport quay and was arrested at the ferry terminal, Eastport police said."
        ),
        (
            "redmill-2", "Redmill police seek driver after supermarket death",
            "Redmill police are looking for the driver who hit the woman at the Harlow supermarket crossing and drove off."
        ),
        (
            "eastport-2", "Eastport cyclist killed, driver held",
            "Police in Eastport held the driver of a van that hit a cyclist near the ferry terminal on the quay."
        ),
        (
            "redmill-3", "Woman killed at Harlow supermarket named",
            "The woman killed by a driver outside the Harlow supermarket in Redmill was a retired nurse from Redmill."
        ),
        (
            "eastport-3", "Van driver charged over Eastport quay death",
            "The van driver who killed a cyclist on the Eastport quay was charged at the ferry terminal police station."
        ),
    ].enumerated().map { position, report in
        StoryArticle(id: report.0, published: date(hours: 1 + Double(position) / 4), title: report.1, body: report.2)
    }
    static let killingsOutlier = StoryArticle(
        id: "outlier", published: date(hours: 3), title: "Drunk driver kills woman outside Harlow supermarket",
        body:
            "A drunk driver killed a woman outside the Harlow supermarket and was arrested at the ferry terminal, police said."
    )

    @Test func oneOutlyingMemberDoesNotTieTwoStoriesOfSeveralMembers() {
        func place(ties: Int) -> (stories: Set<Int>, outlier: StoryAssignment, clusterer: StoryClusterer) {
            var configuration = StoryClusteringConfiguration()
            configuration.consolidates = false
            configuration.bridgeTies = ties
            var clusterer = Self.clusterer(configuration)
            var stories = Set<Int>()
            for article in Self.twoTownKillings { stories.insert(clusterer.add(article).story) }
            let outlier = clusterer.add(Self.killingsOutlier)
            return (stories, outlier, clusterer)
        }
        let (stories, outlier, clusterer) = place(ties: StoryClusteringConfiguration().bridgeTies)
        #expect(stories.count == 2, "each town's three reports are one story")
        #expect(!outlier.isNewStory, "similarity \(outlier.similarity)")
        #expect(Set(stories.map { clusterer.story(of: $0) }).count == 2, "the two towns stay apart")
        // Through any one member, as before this rule, the outlier chains them together.
        let (chained, _, old) = place(ties: 1)
        #expect(Set(chained.map { old.story(of: $0) }).count == 1)
    }

    /// Headline-length reports of one arrest, each in other words, and a look-alike arrest on
    /// another day: the kind of short items ECB+ is made of.
    static let shortArrests: [StoryArticle] = [
        StoryArticle(
            id: "arrest-1", published: date(hours: 1), title: "Chargers receiver Vincent Jackson arrested",
            body:
                "Police arrested San Diego Chargers receiver Vincent Jackson on Saturday on suspicion of drunk driving."
        ),
        StoryArticle(
            id: "arrest-2", published: date(hours: 2), title: "Vincent Jackson held after traffic stop",
            body:
                "The California Highway Patrol booked Vincent Jackson of the Chargers early Saturday after a traffic stop."
        ),
        StoryArticle(
            id: "arrest-3", published: date(hours: 3), title: "Jackson faces DUI charge",
            body:
                "Vincent Jackson, the Chargers wide receiver, was arrested on Saturday for driving under the influence."
        ),
        StoryArticle(
            id: "arrest-other", published: date(hours: 4), title: "Chargers tackle Jamal Williams arrested",
            body: "Police arrested San Diego Chargers tackle Jamal Williams on Tuesday on suspicion of drunk driving."),
    ]

    @Test func shortReportsOfOneEventBecomeOneStoryAsAGroup() {
        // A join bar no pair of these short reports clears one at a time.
        var strict = StoryClusteringConfiguration()
        strict.threshold = 0.8
        var clusterer = Self.clusterer(strict)
        let placed = Self.shortArrests.map { clusterer.add($0) }
        #expect(Set(placed.map(\.story)).count == 4)
        #expect(clusterer.consolidate() >= 1)
        let story = clusterer.story(of: placed[0].story)
        #expect(placed[0...2].map { clusterer.story(of: $0.story) } == [story, story, story])
        // The arrest of another player on another day stays apart, though it reads alike.
        #expect(clusterer.story(of: placed[3].story) != story)
        // Nothing was touched since: a second call merges nothing.
        #expect(clusterer.consolidate() == 0)

        var off = strict
        off.consolidates = false
        var unconsolidated = Self.clusterer(off)
        let apart = Self.shortArrests.map { unconsolidated.add($0) }
        #expect(unconsolidated.consolidate() == 0)
        #expect(Set(apart.map { unconsolidated.story(of: $0.story) }).count == 4)
    }

    @Test func theConsolidationBarRisesWithTheReportsLength() {
        let clusterer = StoryClusterer()
        let configuration = clusterer.configuration
        #expect(clusterer.consolidationBar(length: 10) == Float(configuration.consolidationThreshold))
        #expect(clusterer.consolidationBar(length: 32) == Float(configuration.consolidationThreshold))
        #expect(clusterer.consolidationBar(length: 500) == Float(configuration.longConsolidationThreshold))
        let middle = clusterer.consolidationBar(length: 50)
        #expect(middle > Float(configuration.consolidationThreshold))
        #expect(middle < Float(configuration.longConsolidationThreshold))
    }

    @Test func anOutletsOwnEarlierReportNeedsMoreThanHouseStyle() {
        var clusterer = Self.clusterer()
        let strike = clusterer.add(Self.strikeAP)
        // Three outlets seen: a run of many outlets, where house style is no sign of one event.
        var quake = Self.quake
        quake.outlet = "reuters"
        var quakeAgain = Self.quakeAgain
        quakeAgain.outlet = "afp"
        _ = clusterer.add(quake)
        _ = clusterer.add(quakeAgain)
        let general = clusterer.add(Self.generalKilledAP)
        #expect(general.isNewStory)
        #expect(general.related == strike.story)
    }

    @Test func agencyDatelinesAndEndDatesAreNotTheEventsDays() {
        // Interfax's "Москва. 16 сентября. INTERFAX.RU - " is set aside like any other dateline.
        #expect(StoryClusterer.strippingDateline(Self.strikeInterfax.body).hasPrefix("Коалиция во главе с США"))
        #expect(StoryClusterer.leadDays(Self.strikeInterfax) == [17425])
        #expect(Boilerplate.agencyDatelineEnd(in: "NATO - the alliance said on Friday.") == nil)
        // "until September 20" says when the drills end, not when the news happened.
        let drills = StoryArticle(
            id: "tass-1", published: Date(timeIntervalSince1970: 1_505_390_400), title: "Zapad-2017 kicks off",
            body:
                "MOSCOW, September 14. /TASS/. The Zapad-2017 exercise began on Thursday and will run until September 20."
        )
        #expect(StoryClusterer.leadDays(drills) == [17423])
        for (text, bound) in [("drills run through Sunday", true), ("drills began on Sunday", false)] {
            #expect(StoryClusterer.isBound(before: text.utf8.count - 6, in: text) == bound, "\(text)")
        }
    }

    @Test func canonicalTitleIsTheMostCentralMember() {
        var clusterer = Self.clusterer()
        _ = clusterer.add(Self.strikeAP)
        _ = clusterer.add(Self.strikeReuters)
        var third = Self.strikeReuters
        third.id = "reuters-copy"
        third.title = "UPDATE 1-Russian jets bombed U.S.-backed SDF near Deir al-Zor, coalition says"
        third.body +=
            "\nIn other news, the ministry said on Sunday that the harvest festival in Latakia drew record crowds."
        third.published = Self.date(hours: 4)
        _ = clusterer.add(third)
        let story = clusterer.currentStories.first { $0.articleIDs.contains("ap-1") }
        #expect(story?.articleIDs.count == 3)
        // The Reuters report is close to both the AP report and its own copy; the copy carries an
        // unrelated paragraph that takes it further from the AP report.
        #expect(story?.title == Self.strikeReuters.title)
    }

    /// A clusterer seeded with another's features (as the story stage seeds each run with the
    /// reports earlier runs placed) places later reports as that one does, with the same
    /// similarities: it holds the same counts, postings and vectors, only numbered otherwise.
    @Test func aSeededClustererPlacesLaterReportsAsTheOneItWasSeededFrom() throws {
        var original = StoryClusterer()
        var seeded = StoryClusterer()
        var storyNumbers: [Int: Int] = [:]
        for article in Self.background + [Self.strikeAP, Self.quake] {
            let assignment = original.add(article)
            let features = try #require(StoryFeatures(bytes: assignment.features.bytes))
            #expect(features == assignment.features)
            let story = seeded.seed(
                features, id: article.id, title: article.title, published: article.published,
                outlet: article.outlet, story: storyNumbers[assignment.story])
            storyNumbers[assignment.story] = story
        }
        #expect(seeded.liveArticleCount == original.liveArticleCount)
        for article in [
            Self.strikeReuters, Self.strikeInterfax, Self.quakeAgain, Self.denialReuters, Self.secondStrike,
        ] {
            let expected = original.add(article)
            let placed = seeded.add(article)
            #expect(placed.isNewStory == expected.isNewStory, "\(article.id)")
            #expect(abs(placed.similarity - expected.similarity) < 1e-5, "\(article.id)")
            #expect(placed.features == expected.features, "\(article.id)")
            if expected.isNewStory {
                storyNumbers[expected.story] = placed.story
            } else {
                #expect(storyNumbers[expected.story] == placed.story, "\(article.id)")
            }
        }
    }

    /// The storage form reads back only when whole and of this version.
    @Test func storyFeaturesReadBackOnlyWhenWhole() throws {
        let features = StoryFeatures(
            terms: [7, 3_000_000_000], scripts: [0, 1], counts: [1, 300], days: [17_426], entities: [42])
        #expect(StoryFeatures(bytes: features.bytes) == features)
        #expect(StoryFeatures(bytes: Array(features.bytes.dropLast())) == nil)
        #expect(StoryFeatures(bytes: features.bytes + [0]) == nil)
        #expect(StoryFeatures(bytes: [2] + features.bytes.dropFirst()) == nil)
        #expect(StoryFeatures(bytes: []) == nil)
    }
}
