import Testing

@testable import TextAnalysis

/// One expected quantity: the sentence, which of its quantities (by order), and what it should read.
struct QuantityCase: Sendable, CustomTestStringConvertible {
    var sentence: String
    var index = 0
    var text: String
    var lower: Double
    var upper: Double?
    var kind: Quantity.Kind
    var noun: String?
    var event: String?
    var unit: String?

    var testDescription: String { sentence }
}

private func quantities(_ sentence: String) -> [Quantity] {
    QuantityExtractor.quantities(in: sentence, tokens: Tokenizer.tokens(of: sentence))
}

private func check(_ expected: QuantityCase) {
    let found = quantities(expected.sentence)
    guard expected.index < found.count else {
        Issue.record("only \(found.count) quantities in \"\(expected.sentence)\": \(found.map(\.text))")
        return
    }
    let quantity = found[expected.index]
    #expect(quantity.text == expected.text)
    #expect(quantity.lower == expected.lower)
    #expect(quantity.upper == expected.upper)
    #expect(quantity.kind == expected.kind)
    #expect(quantity.noun == expected.noun)
    #expect(quantity.event == expected.event)
    #expect(quantity.unit == expected.unit)
    #expect(expected.sentence.slice(quantity.range) == quantity.text)
}

@Suite struct QuantityTests {
    @Test(arguments: [
        QuantityCase(
            sentence: "The shelling left 8 injured.", text: "8", lower: 8, upper: 8, kind: .exact, event: "injured"),
        QuantityCase(
            sentence: "Officials counted 1,234 ballots by noon.", text: "1,234", lower: 1234, upper: 1234, kind: .exact,
            noun: "ballots"),
        QuantityCase(
            sentence: "The convoy carried 12.5 tonnes of flour.", text: "12.5 tonnes", lower: 12.5, upper: 12.5,
            kind: .exact, unit: "tonnes"),
        QuantityCase(
            sentence: "Some 1.2 million residents fled the region.", text: "Some 1.2 million", lower: 1_080_000,
            upper: 1_320_000, kind: .approximate, noun: "residents"),
        QuantityCase(
            sentence: "The fund pledged $3 billion for reconstruction.", text: "$3 billion", lower: 3e9, upper: 3e9,
            kind: .exact, unit: "usd"),
        QuantityCase(
            sentence: "Turnout fell 12.4% from the previous vote.", text: "12.4%", lower: 12.4, upper: 12.4,
            kind: .exact, unit: "%"),
        QuantityCase(
            sentence: "Inflation reached 7 per cent in March.", text: "7 per cent", lower: 7, upper: 7, kind: .exact,
            unit: "%"),
        QuantityCase(
            sentence: "The column stretched 40 km along the road.", text: "40 km", lower: 40, upper: 40, kind: .exact,
            unit: "km"),
        QuantityCase(
            sentence: "Tanks moved 25km south of the town.", text: "25km", lower: 25, upper: 25, kind: .exact,
            unit: "km"),
        QuantityCase(
            sentence: "The deal is worth €40 million.", text: "€40 million", lower: 4e7, upper: 4e7, kind: .exact,
            unit: "eur"),
        QuantityCase(
            sentence: "The ministry paid 500 roubles each.", text: "500 roubles", lower: 500, upper: 500,
            kind: .exact, unit: "rub"),
        QuantityCase(
            sentence: "Exports reached $4bn last year.", text: "$4bn", lower: 4e9, upper: 4e9, kind: .exact,
            unit: "usd"),
    ])
    func digits(_ expected: QuantityCase) { check(expected) }

    @Test(arguments: [
        QuantityCase(
            sentence: "Six SDF fighters were wounded in the clash.", text: "Six", lower: 6, upper: 6, kind: .exact,
            noun: "fighters", event: "wounded"),
        QuantityCase(
            sentence: "Police said twenty-three protesters were arrested.", text: "twenty-three", lower: 23,
            upper: 23, kind: .exact, noun: "protesters", event: "arrested"),
        QuantityCase(
            sentence: "Rescuers pulled two hundred people from the rubble.", text: "two hundred", lower: 200,
            upper: 200, kind: .exact, noun: "people"),
        QuantityCase(
            sentence: "The drones struck three thousand five hundred targets.",
            text: "three thousand five hundred", lower: 3500, upper: 3500, kind: .exact, noun: "targets"),
        QuantityCase(
            sentence: "Observers reported ninety violations.", text: "ninety", lower: 90, upper: 90, kind: .exact,
            noun: "violations"),
        QuantityCase(
            sentence: "A dozen villages lost power.", text: "A dozen", lower: 12, upper: 12, kind: .exact,
            noun: "villages"),
        QuantityCase(
            sentence: "Half a dozen ambulances arrived.", text: "Half a dozen", lower: 6, upper: 6, kind: .exact,
            noun: "ambulances"),
        QuantityCase(
            sentence: "Guards detained two dozen smugglers.", text: "two dozen", lower: 24, upper: 24, kind: .exact,
            noun: "smugglers", event: "detained"),
        QuantityCase(
            sentence: "The strike killed one hundred and twenty soldiers.", text: "one hundred and twenty",
            lower: 120, upper: 120, kind: .exact, noun: "soldiers", event: "killed"),
        QuantityCase(
            sentence: "Nineteen sailors remain missing.", text: "Nineteen", lower: 19, upper: 19, kind: .exact,
            noun: "sailors", event: "missing"),
    ])
    func englishWords(_ expected: QuantityCase) { check(expected) }

    @Test(arguments: [
        QuantityCase(
            sentence: "В результате обстрела погибли шесть человек.", text: "шесть", lower: 6, upper: 6,
            kind: .exact, noun: "человек", event: "killed"),
        QuantityCase(
            sentence: "Восемь военнослужащих были ранены.", text: "Восемь", lower: 8, upper: 8, kind: .exact,
            noun: "военнослужащих", event: "wounded"),
        QuantityCase(
            sentence: "Задержаны двадцать три члена экипажа.", text: "двадцать три", lower: 23, upper: 23,
            kind: .exact, noun: "члена", event: "detained"),
        QuantityCase(
            sentence: "Эвакуированы 1 200 жителей села.", text: "1 200", lower: 1200, upper: 1200, kind: .exact,
            noun: "жителей", event: "evacuated"),
        QuantityCase(
            sentence: "Погибли более 40 мирных жителей.", text: "более 40", lower: 41, upper: nil, kind: .atLeast,
            noun: "жителей", event: "killed"),
        QuantityCase(
            sentence: "Пострадали не менее пяти человек.", text: "не менее пяти", lower: 5, upper: nil,
            kind: .atLeast, noun: "человек", event: "injured"),
        QuantityCase(
            sentence: "В колонне было около 30 грузовиков.", text: "около 30", lower: 27, upper: 33,
            kind: .approximate, noun: "грузовиков"),
        QuantityCase(
            sentence: "Лагерь примет до 500 беженцев.", text: "до 500", lower: 0, upper: 500, kind: .atMost,
            noun: "беженцев"),
        QuantityCase(
            sentence: "Ущерб оценили в 1,5 млн рублей.", text: "1,5 млн рублей", lower: 1_500_000, upper: 1_500_000,
            kind: .exact, unit: "rub"),
        QuantityCase(
            sentence: "Ранены несколько десятков человек.", text: "несколько десятков", lower: 30, upper: 90,
            kind: .vague, noun: "человек", event: "wounded"),
    ])
    func russian(_ expected: QuantityCase) { check(expected) }

    @Test(arguments: [
        QuantityCase(
            sentence: "About 50 families returned.", text: "About 50", lower: 45, upper: 55, kind: .approximate,
            noun: "families"),
        QuantityCase(
            sentence: "Around 1,000 troops massed nearby.", text: "Around 1,000", lower: 900, upper: 1100,
            kind: .approximate, noun: "troops"),
        QuantityCase(
            sentence: "Roughly 5 shells hit the market.", text: "Roughly 5", lower: 4, upper: 6, kind: .approximate,
            noun: "shells"),
        QuantityCase(
            sentence: "Nearly 200 homes were destroyed.", text: "Nearly 200", lower: 180, upper: 200,
            kind: .approximate, noun: "homes", event: "destroyed"),
        QuantityCase(
            sentence: "Almost 10 hours passed.", text: "Almost 10", lower: 9, upper: 10, kind: .approximate,
            noun: "hours"),
        QuantityCase(
            sentence: "An estimated 3,000 people fled.", text: "An estimated 3,000", lower: 2700, upper: 3300,
            kind: .approximate, noun: "people"),
        QuantityCase(
            sentence: "Approximately 20 buses left the city.", text: "Approximately 20", lower: 18, upper: 22,
            kind: .approximate, noun: "buses"),
    ])
    func approximate(_ expected: QuantityCase) { check(expected) }

    @Test(arguments: [
        QuantityCase(
            sentence: "At least 3 soldiers were killed.", text: "At least 3", lower: 3, upper: nil, kind: .atLeast,
            noun: "soldiers", event: "killed"),
        QuantityCase(
            sentence: "More than 1,200 people were evacuated.", text: "More than 1,200", lower: 1201, upper: nil,
            kind: .atLeast, noun: "people", event: "evacuated"),
        QuantityCase(
            sentence: "Over 100 rockets were fired at the base.", text: "Over 100", lower: 101, upper: nil,
            kind: .atLeast, noun: "rockets", event: "fired"),
        QuantityCase(
            sentence: "Upwards of 40 vehicles crossed.", text: "Upwards of 40", lower: 40, upper: nil,
            kind: .atLeast, noun: "vehicles"),
        QuantityCase(
            sentence: "Prices rose more than 4.5% in a month.", text: "more than 4.5%", lower: 4.5, upper: nil,
            kind: .atLeast, unit: "%"),
        QuantityCase(
            sentence: "At most 5 guards were on duty.", text: "At most 5", lower: 0, upper: 5, kind: .atMost,
            noun: "guards"),
        QuantityCase(
            sentence: "The shelter holds up to 300 people.", text: "up to 300", lower: 0, upper: 300, kind: .atMost,
            noun: "people"),
        QuantityCase(
            sentence: "Fewer than 10 doctors remain.", text: "Fewer than 10", lower: 0, upper: 9, kind: .atMost,
            noun: "doctors"),
        QuantityCase(
            sentence: "Less than 2 km separated the lines.", text: "Less than 2 km", lower: 0, upper: 2,
            kind: .atMost, unit: "km"),
        QuantityCase(
            sentence: "No more than 15 journalists were allowed in.", text: "No more than 15", lower: 0, upper: 15,
            kind: .atMost, noun: "journalists", event: "allowed"),
        QuantityCase(
            sentence: "Between 20 and 30 gunmen attacked the post.", text: "Between 20 and 30", lower: 20,
            upper: 30, kind: .range, noun: "gunmen"),
        QuantityCase(
            sentence: "Witnesses saw 20-30 armoured vehicles.", text: "20-30", lower: 20, upper: 30, kind: .range,
            noun: "vehicles"),
        QuantityCase(
            sentence: "Officials expect 20 to 30 arrivals a day.", text: "20 to 30", lower: 20, upper: 30,
            kind: .range, noun: "arrivals"),
        QuantityCase(
            sentence: "Damage is put at $2-3 billion.", text: "$2-3 billion", lower: 2e9, upper: 3e9, kind: .range,
            unit: "usd"),
        QuantityCase(
            sentence: "Revenue rose 26 percent to $817 million.", text: "26 percent", lower: 26, upper: 26,
            kind: .exact, unit: "%"),
        QuantityCase(
            sentence: "Revenue rose 26 percent to $817 million.", index: 1, text: "$817 million", lower: 817e6,
            upper: 817e6, kind: .exact, unit: "usd"),
        QuantityCase(
            sentence: "Two or three mortar rounds landed.", text: "Two or three", lower: 2, upper: 3, kind: .range,
            noun: "rounds"),
        QuantityCase(
            sentence: "Их было от 20 до 30 человек.", text: "от 20 до 30", lower: 20, upper: 30, kind: .range,
            noun: "человек"),
        QuantityCase(
            sentence: "More than a dozen houses burned.", text: "More than a dozen", lower: 13, upper: nil,
            kind: .atLeast, noun: "houses"),
    ])
    func bounded(_ expected: QuantityCase) { check(expected) }

    @Test(arguments: [
        QuantityCase(
            sentence: "Several civilians were hurt.", text: "Several", lower: 3, upper: 9, kind: .vague,
            noun: "civilians", event: "injured"),
        QuantityCase(
            sentence: "A few shops reopened.", text: "A few", lower: 2, upper: 5, kind: .vague, noun: "shops"),
        QuantityCase(
            sentence: "A number of officers were detained.", text: "A number", lower: 3, upper: nil, kind: .vague,
            noun: "officers", event: "detained"),
        QuantityCase(
            sentence: "Dozens of protesters were detained.", text: "Dozens", lower: 24, upper: 99, kind: .vague,
            noun: "protesters", event: "detained"),
        QuantityCase(
            sentence: "Scores of prisoners escaped.", text: "Scores", lower: 40, upper: 199, kind: .vague,
            noun: "prisoners"),
        QuantityCase(
            sentence: "Hundreds of families are displaced.", text: "Hundreds", lower: 200, upper: 999, kind: .vague,
            noun: "families", event: "displaced"),
        QuantityCase(
            sentence: "Thousands of people marched.", text: "Thousands", lower: 2000, upper: 9999, kind: .vague,
            noun: "people"),
        QuantityCase(
            sentence: "Tens of thousands of residents left.", text: "Tens of thousands", lower: 20000, upper: 99999,
            kind: .vague, noun: "residents"),
        QuantityCase(
            sentence: "Several hundred migrants camped there.", text: "Several hundred", lower: 300, upper: 900,
            kind: .vague, noun: "migrants"),
        QuantityCase(
            sentence: "Many homes were shelled.", text: "Many", lower: 3, upper: nil, kind: .vague, noun: "homes",
            event: "shelled"),
        QuantityCase(
            sentence: "A handful of monitors stayed.", text: "A handful", lower: 2, upper: 6, kind: .vague,
            noun: "monitors"),
        QuantityCase(
            sentence: "At least dozens were arrested.", text: "At least dozens", lower: 24, upper: nil,
            kind: .atLeast, event: "arrested"),
    ])
    func vague(_ expected: QuantityCase) { check(expected) }

    @Test(arguments: [
        QuantityCase(
            sentence: "Twenty-three crew members were detained.", text: "Twenty-three", lower: 23, upper: 23,
            kind: .exact, noun: "crew members", event: "detained"),
        QuantityCase(
            sentence: "The navy said 23 crew members detained earlier were freed.", text: "23", lower: 23, upper: 23,
            kind: .exact, noun: "crew members", event: "detained"),
        QuantityCase(
            sentence: "The raid ended, killing 12 civilians.", text: "12", lower: 12, upper: 12, kind: .exact,
            noun: "civilians", event: "killed"),
        QuantityCase(
            sentence: "The death toll rose to 40.", text: "40", lower: 40, upper: 40, kind: .exact, event: "killed"),
        QuantityCase(
            sentence: "A mine exploded, wounding six.", text: "six", lower: 6, upper: 6, kind: .exact,
            event: "wounded"),
        QuantityCase(
            sentence: "The blast killed 4 and injured 9.", index: 1, text: "9", lower: 9, upper: 9, kind: .exact,
            event: "injured"),
        QuantityCase(
            sentence: "Troops captured 14 fighters near the dam.", text: "14", lower: 14, upper: 14, kind: .exact,
            noun: "fighters", event: "captured"),
        QuantityCase(
            sentence: "The navy launched 26 cruise missiles.", text: "26", lower: 26, upper: 26, kind: .exact,
            noun: "missiles", event: "launched"),
        QuantityCase(
            sentence: "Five aid workers were kidnapped.", text: "Five", lower: 5, upper: 5, kind: .exact,
            noun: "aid workers", event: "kidnapped"),
        QuantityCase(
            sentence: "Seven wounded soldiers were evacuated.", text: "Seven", lower: 7, upper: 7, kind: .exact,
            noun: "soldiers", event: "wounded"),
        QuantityCase(
            sentence: "The group said one of its fighters was killed.", text: "one", lower: 1, upper: 1,
            kind: .exact, noun: "fighters", event: "killed"),
        QuantityCase(
            sentence: "12 police officers died.", text: "12", lower: 12, upper: 12, kind: .exact,
            noun: "police officers", event: "killed"),
    ])
    func nounsAndEvents(_ expected: QuantityCase) { check(expected) }

    /// Sentences whose numbers are names, dates, times or ordinals: no quantities at all.
    @Test(arguments: [
        "The war began in 2017.",
        "The attack came on Sept. 16.",
        "It happened on September 16, 2017, near Raqqa.",
        "Shelling started at 03:30 local time.",
        "Sirens sounded at 0030 GMT.",
        "The convoy left at 3 pm.",
        "He finished 16th in the vote.",
        "A 25-year-old man was arrested.",
        "The F-16 jets and an Su-24 flew over.",
        "Flight MH17 was shot down.",
        "The council passed Resolution 2254 unanimously.",
        "An S-400 battery was deployed.",
        "Call +7 495 123-45-67 for details.",
        "Результаты объявят 16 сентября.",
        "The ceasefire was agreed on 2017-09-16.",
        "The talks were held in Geneva 2 last spring.",
        "The 1990s were calmer.",
        "Two days ago the bridge reopened.",
    ])
    func notQuantities(_ sentence: String) {
        let found = quantities(sentence)
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test func counts() {
        #expect(quantities("Six were killed and 8 injured in the strike on 16 September.").map(\.text) == ["Six", "8"])
        #expect(quantities("There were 2000 people in the square in 2017.").map(\.text) == ["2000"])
        #expect(quantities("No one was hurt.").isEmpty)
        #expect(quantities("Не было зафиксировано ни одного столкновения.").isEmpty)
    }

    @Test func compatibility() {
        let several = quantities("Several soldiers died.")[0]
        let six = quantities("6 soldiers died.")[0]
        let eight = quantities("8 soldiers died.")[0]
        let moreThan = quantities("More than 1,200 people fled.")[0]
        let exact = quantities("Exactly 1,234 people fled.")[0]
        let dozens = quantities("Dozens of people fled.")[0]
        let about = quantities("About 50 people fled.")[0]
        #expect(several.isCompatible(with: six) && several.isCompatible(with: eight))
        #expect(!six.isCompatible(with: eight))
        #expect(moreThan.isCompatible(with: exact))
        #expect(!dozens.isCompatible(with: exact))
        #expect(about.isCompatible(with: quantities("52 people fled.")[0]))
        #expect(!about.isCompatible(with: quantities("60 people fled.")[0]))
        #expect(!quantities("12% of voters").first!.isCompatible(with: quantities("12 km").first!))
    }

    @Test func eventFamilies() {
        #expect(QuantityExtractor.eventFamily("injured") == "wounded")
        #expect(QuantityExtractor.eventFamily("arrested") == "detained")
        #expect(QuantityExtractor.eventFamily("killed") == "killed")
    }
}
