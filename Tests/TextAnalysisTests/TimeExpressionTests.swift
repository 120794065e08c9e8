import Foundation
import Testing

@testable import TextAnalysis

/// One expected time mention: the sentence, the words, and the UTC interval as ISO 8601
/// strings (nil for none).
struct TimeCase: Sendable, CustomTestStringConvertible {
    var sentence: String
    var text: String
    var start: String?
    var end: String?
    var granularity: TimeMention.Granularity
    /// The publication time the sentence is read against.
    var published = "2017-09-18T08:00:00Z"

    var testDescription: String { sentence }
}

private func date(_ iso: String) -> Date {
    let formatter = ISO8601DateFormatter()
    return formatter.date(from: iso)!
}

private func times(_ sentence: String, published: String? = "2017-09-18T08:00:00Z") -> [TimeMention] {
    TimeExtractor.times(in: sentence, tokens: Tokenizer.tokens(of: sentence), published: published.map(date))
}

private func check(_ expected: TimeCase) {
    let found = times(expected.sentence, published: expected.published)
    guard let mention = found.first else {
        Issue.record("no time in \"\(expected.sentence)\"")
        return
    }
    #expect(found.count == 1, "\(found.map(\.text))")
    #expect(mention.text == expected.text)
    #expect(mention.granularity == expected.granularity)
    #expect(mention.interval?.start == expected.start.map(date))
    #expect(mention.interval?.end == expected.end.map(date))
    #expect(expected.sentence.slice(mention.range) == mention.text)
}

// Publication time in these tables: Monday 18 September 2017, 08:00 UTC (the Saturday before
// is the 16th).
@Suite struct TimeExpressionTests {
    @Test(arguments: [
        TimeCase(
            sentence: "Jets struck the town on 16 September 2017.", text: "16 September 2017",
            start: "2017-09-16T00:00:00Z", end: "2017-09-17T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Jets struck the town on Sept. 16.", text: "Sept. 16", start: "2017-09-16T00:00:00Z",
            end: "2017-09-17T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "The raid took place on September 16, 2017, officials said.", text: "September 16, 2017",
            start: "2017-09-16T00:00:00Z", end: "2017-09-17T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "The decree was signed on 16.09.2017 in Damascus.", text: "16.09.2017",
            start: "2017-09-16T00:00:00Z", end: "2017-09-17T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "The memorandum was signed 2015-05-04 in Astana.", text: "2015-05-04",
            start: "2015-05-04T00:00:00Z", end: "2015-05-05T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Удар был нанесен 16 сентября.", text: "16 сентября", start: "2017-09-16T00:00:00Z",
            end: "2017-09-17T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Соглашение подписали 4 мая 2015 года в Астане.", text: "4 мая 2015 года",
            start: "2015-05-04T00:00:00Z", end: "2015-05-05T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "The convoy arrived on the 16th of September.", text: "16th of September",
            start: "2017-09-16T00:00:00Z", end: "2017-09-17T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Crowds gathered on May 9.", text: "May 9", start: "2017-05-09T00:00:00Z",
            end: "2017-05-10T00:00:00Z", granularity: .day),
    ])
    func absoluteDates(_ expected: TimeCase) { check(expected) }

    @Test(arguments: [
        TimeCase(
            sentence: "The vote on Dec. 30 was delayed.", text: "Dec. 30", start: "2017-12-30T00:00:00Z",
            end: "2017-12-31T00:00:00Z", granularity: .day, published: "2018-01-03T12:00:00Z"),
        TimeCase(
            sentence: "Offices reopen on Jan. 2 after the holiday.", text: "Jan. 2", start: "2018-01-02T00:00:00Z",
            end: "2018-01-03T00:00:00Z", granularity: .day, published: "2017-12-30T12:00:00Z"),
        TimeCase(
            sentence: "The camp was set up on December 1.", text: "December 1", start: "2016-12-01T00:00:00Z",
            end: "2016-12-02T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Consultations are scheduled for later on September 15.", text: "September 15",
            start: "2017-09-15T00:00:00Z", end: "2017-09-16T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Встреча запланирована на конец октября.", text: "октября", start: "2017-10-01T00:00:00Z",
            end: "2017-11-01T00:00:00Z", granularity: .month),
        TimeCase(
            sentence: "The summit will open on December 1.", text: "December 1", start: "2017-12-01T00:00:00Z",
            end: "2017-12-02T00:00:00Z", granularity: .day),
    ])
    func yearlessDates(_ expected: TimeCase) { check(expected) }

    @Test(arguments: [
        TimeCase(
            sentence: "The fighting started on Saturday.", text: "Saturday", start: "2017-09-16T00:00:00Z",
            end: "2017-09-17T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Saturday's strike hit a school.", text: "Saturday's", start: "2017-09-16T00:00:00Z",
            end: "2017-09-17T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Envoys met on Monday.", text: "Monday", start: "2017-09-18T00:00:00Z",
            end: "2017-09-19T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Envoys met last Monday.", text: "last Monday", start: "2017-09-11T00:00:00Z",
            end: "2017-09-12T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Talks will resume on Friday.", text: "Friday", start: "2017-09-22T00:00:00Z",
            end: "2017-09-23T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Удар нанесли в субботу.", text: "субботу", start: "2017-09-16T00:00:00Z",
            end: "2017-09-17T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Talks resumed yesterday.", text: "yesterday", start: "2017-09-17T00:00:00Z",
            end: "2017-09-18T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "The border reopened today.", text: "today", start: "2017-09-18T00:00:00Z",
            end: "2017-09-19T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Вчера колонна вошла в город.", text: "Вчера", start: "2017-09-17T00:00:00Z",
            end: "2017-09-18T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "The bridge collapsed two days ago.", text: "two days ago", start: "2017-09-16T00:00:00Z",
            end: "2017-09-17T00:00:00Z", granularity: .day),
        TimeCase(
            sentence: "Protests erupted last week.", text: "last week", start: "2017-09-11T00:00:00Z",
            end: "2017-09-18T00:00:00Z", granularity: .week),
        TimeCase(
            sentence: "Protests erupted earlier this week.", text: "earlier this week", start: "2017-09-18T00:00:00Z",
            end: "2017-09-25T00:00:00Z", granularity: .week),
        TimeCase(
            sentence: "Prices rose last month.", text: "last month", start: "2017-08-01T00:00:00Z",
            end: "2017-09-01T00:00:00Z", granularity: .month),
        TimeCase(
            sentence: "Экспорт вырос в прошлом году.", text: "прошлом году", start: "2016-01-01T00:00:00Z",
            end: "2017-01-01T00:00:00Z", granularity: .year),
        TimeCase(
            sentence: "Strikes continued over the weekend.", text: "weekend", start: "2017-09-16T00:00:00Z",
            end: "2017-09-18T00:00:00Z", granularity: .week),
    ])
    func relativeDays(_ expected: TimeCase) { check(expected) }

    @Test(arguments: [
        TimeCase(
            sentence: "The assault began early on Sept. 16.", text: "early on Sept. 16",
            start: "2017-09-16T00:00:00Z", end: "2017-09-16T12:00:00Z", granularity: .partOfDay),
        TimeCase(
            sentence: "Gunfire was heard last night.", text: "last night", start: "2017-09-17T18:00:00Z",
            end: "2017-09-18T06:00:00Z", granularity: .partOfDay),
        TimeCase(
            sentence: "The clash happened on Saturday night.", text: "Saturday night",
            start: "2017-09-16T18:00:00Z", end: "2017-09-17T06:00:00Z", granularity: .partOfDay),
        TimeCase(
            sentence: "Police arrived this morning.", text: "this morning", start: "2017-09-18T05:00:00Z",
            end: "2017-09-18T12:00:00Z", granularity: .partOfDay),
        TimeCase(
            sentence: "Shells fell in the early hours of Sunday.", text: "early hours of Sunday",
            start: "2017-09-17T00:00:00Z", end: "2017-09-17T12:00:00Z", granularity: .partOfDay),
        TimeCase(
            sentence: "Удар был нанесен в ночь на субботу.", text: "ночь на субботу",
            start: "2017-09-15T18:00:00Z", end: "2017-09-16T06:00:00Z", granularity: .partOfDay),
        TimeCase(
            sentence: "Вчера вечером прогремел взрыв.", text: "Вчера вечером", start: "2017-09-17T17:00:00Z",
            end: "2017-09-18T00:00:00Z", granularity: .partOfDay),
    ])
    func partsOfDay(_ expected: TimeCase) { check(expected) }

    @Test(arguments: [
        TimeCase(
            sentence: "Shelling started at 03:30 local time on Saturday.", text: "03:30 local time on Saturday",
            start: "2017-09-16T00:00:00Z", end: "2017-09-17T00:00:00Z", granularity: .minute),
        TimeCase(
            sentence: "The strike hit at 12:30 a.m. GMT on Sept. 16.", text: "12:30 a.m. GMT on Sept. 16",
            start: "2017-09-16T00:30:00Z", end: "2017-09-16T00:31:00Z", granularity: .minute),
        TimeCase(
            sentence: "Sirens sounded at 0030 GMT.", text: "0030 GMT", start: "2017-09-18T00:30:00Z",
            end: "2017-09-18T00:31:00Z", granularity: .minute),
        TimeCase(
            sentence: "The blast came at 21:00 UTC.", text: "21:00 UTC", start: "2017-09-17T21:00:00Z",
            end: "2017-09-17T21:01:00Z", granularity: .minute),
        TimeCase(
            sentence: "The plane landed at 3:30 am.", text: "3:30 am", start: "2017-09-18T00:00:00Z",
            end: "2017-09-19T00:00:00Z", granularity: .minute),
        TimeCase(
            sentence: "The launch came at 05:00 Moscow time on 16 September.",
            text: "05:00 Moscow time on 16 September", start: "2017-09-16T02:00:00Z", end: "2017-09-16T02:01:00Z",
            granularity: .minute),
        TimeCase(
            sentence: "The launch came at 05:00 GMT+3 on 16 September.", text: "05:00 GMT+3 on 16 September",
            start: "2017-09-16T02:00:00Z", end: "2017-09-16T02:01:00Z", granularity: .minute),
        TimeCase(
            sentence: "Talks begin at 3 pm GMT.", text: "3 pm GMT", start: "2017-09-17T15:00:00Z",
            end: "2017-09-17T16:00:00Z", granularity: .hour),
        TimeCase(
            sentence: "Взрыв прогремел в 05:30 по московскому времени.", text: "05:30 по московскому времени",
            start: "2017-09-18T02:30:00Z", end: "2017-09-18T02:31:00Z", granularity: .minute),
    ])
    func clockTimes(_ expected: TimeCase) { check(expected) }

    @Test(arguments: [
        TimeCase(
            sentence: "The offensive began in September.", text: "September", start: "2017-09-01T00:00:00Z",
            end: "2017-10-01T00:00:00Z", granularity: .month),
        TimeCase(
            sentence: "The offensive began in November.", text: "November", start: "2016-11-01T00:00:00Z",
            end: "2016-12-01T00:00:00Z", granularity: .month),
        TimeCase(
            sentence: "The city fell in December 2016.", text: "December 2016", start: "2016-12-01T00:00:00Z",
            end: "2017-01-01T00:00:00Z", granularity: .month),
        TimeCase(
            sentence: "The group seized the city in 2014.", text: "2014", start: "2014-01-01T00:00:00Z",
            end: "2015-01-01T00:00:00Z", granularity: .year),
        TimeCase(
            sentence: "Операция началась в 2015 году.", text: "2015 году", start: "2015-01-01T00:00:00Z",
            end: "2016-01-01T00:00:00Z", granularity: .year),
        TimeCase(
            sentence: "Бои шли в сентябре.", text: "сентябре", start: "2017-09-01T00:00:00Z",
            end: "2017-10-01T00:00:00Z", granularity: .month),
    ])
    func monthsAndYears(_ expected: TimeCase) { check(expected) }

    @Test(arguments: [
        TimeCase(sentence: "It was announced recently.", text: "recently", granularity: .vague),
        TimeCase(sentence: "Earlier, the army denied it.", text: "Earlier", granularity: .vague),
        TimeCase(sentence: "Ранее сообщалось о взрыве.", text: "Ранее", granularity: .vague),
        TimeCase(sentence: "Fighting intensified in recent days.", text: "recent days", granularity: .vague),
    ])
    func vague(_ expected: TimeCase) { check(expected) }

    @Test(arguments: [
        "The group fired 16 rockets.",
        "May we ask a question?",
        "Theresa May spoke to reporters.",
        "The protest march was peaceful.",
        "Resolution 2254 calls for elections.",
    ])
    func noTimes(_ sentence: String) {
        let found = times(sentence)
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test func withoutPublication() {
        let relative = times("The fighting started on Saturday.", published: nil)
        #expect(relative.count == 1 && relative[0].interval == nil && relative[0].granularity == .day)
        let absolute = times("Jets struck on 16 September 2017.", published: nil)
        #expect(absolute.first?.interval?.start == date("2017-09-16T00:00:00Z"))
    }

    @Test func clockTakesTheSentenceDate() {
        let found = times("On Sept. 16, sirens sounded at 0030 GMT.")
        #expect(found.map(\.text) == ["Sept. 16", "0030 GMT"])
        #expect(found.last?.interval?.start == date("2017-09-16T00:30:00Z"))
    }

    @Test func civilCalendar() {
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            let civil = CivilDate.date(days: day)
            #expect(CivilDate.days(year: civil.year, month: civil.month, day: civil.day) == day)
        }
        #expect(CivilDate.weekday(days: CivilDate.days(year: 2017, month: 9, day: 16)) == 6)
    }
}
