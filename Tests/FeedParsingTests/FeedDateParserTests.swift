import FeedParsing
import Foundation
import Testing

/// Every vector names the exact UTC instant, compared as RFC 3339 text so failures read like dates.
struct FeedDateParserTests {
    // MARK: - Accepted forms

    static let rfc822: [(String, String)] = [
        ("Sun, 17 Sep 2017 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Sun, 17 Sep 2017 08:30:00 +0300", "2017-09-17T05:30:00Z"),
        ("17 Sep 2017 08:30 +0300", "2017-09-17T05:30:00Z"),
        ("Wed, 4 Jul 2012 16:05:09 -0700", "2012-07-04T23:05:09Z"),
        ("Sun, 17 Sep 17 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Thu, 01 Jan 49 00:00:00 GMT", "2049-01-01T00:00:00Z"),
        ("Sun, 01 Jan 50 00:00:00 GMT", "1950-01-01T00:00:00Z"),
        ("Fri, 31 Dec 99 23:59:59 GMT", "1999-12-31T23:59:59Z"),
        ("Sun, 17 Sep 117 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Sun, 17 September 2017 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Sun, 17 Sept 2017 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("SUN, 17 SEP 2017 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("sun, 17 sep 2017 08:30:00 gmt", "2017-09-17T08:30:00Z"),
        ("Sunday, 17 Sep 2017 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Tues, 19 Sep 2017 08:30:00 GMT", "2017-09-19T08:30:00Z"),
        ("Mon, 17 Sep 2017 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Sun, 17 Sep 2017 08:30:00 -05:00", "2017-09-17T13:30:00Z"),
        ("Sun, 17 Sep 2017 08:30:00 +03", "2017-09-17T05:30:00Z"),
        ("Sun, 17 Sep 2017 08:30:00 +0530", "2017-09-17T03:00:00Z"),
        ("Sun, 17 Sep 2017 08:30:00 -0000", "2017-09-17T08:30:00Z"),
        ("Sun, 17 Sep 2017 08:30:00", "2017-09-17T08:30:00Z"),
        ("Sun, 17 Sep 2017", "2017-09-17T00:00:00Z"),
        ("Sun 17 Sep 2017 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Sun,, 17 Sep 2017 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Sun,17 Sep 2017 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Sun,   17  Sep   2017    08:30:00   GMT", "2017-09-17T08:30:00Z"),
        ("Sun, 17 Sep 2017 08.30.00 GMT", "2017-09-17T08:30:00Z"),
        ("Sun, 17 Sep 2017 8:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Sun, 7 Sep 2017 08:30:00 GMT", "2017-09-07T08:30:00Z"),
        ("Sun, 17-Sep-2017 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Sunday, 17-Sep-17 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Sun, 17 Sep 2017 08:30:00 +0000 (UTC)", "2017-09-17T08:30:00Z"),
        ("Sun, 17 Sep 2017 08:30:00 -0400 (Eastern Daylight Time)", "2017-09-17T12:30:00Z"),
        ("Sun, 17 Sep 2017 08:30:00 GMT+03:00", "2017-09-17T05:30:00Z"),
        ("Sun, 17 Sep 2017 08:30:00 GMT-0230", "2017-09-17T11:00:00Z"),
        ("Sun, 17 Sept. 2017 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Sun, 17th Sep 2017 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Fri, 1st Sep 2017 08:30:00 GMT", "2017-09-01T08:30:00Z"),
        ("  \tSun, 17 Sep 2017 08:30:00 GMT \r\n", "2017-09-17T08:30:00Z"),
        ("Sun, 17 Sep 2017 08:30:00.750 GMT", "2017-09-17T08:30:00Z"),
        ("Sun, 17 Sep 2017 08:30:00Z", "2017-09-17T08:30:00Z"),
        ("Sun, 17 Sep 2017 08:30:00+0300", "2017-09-17T05:30:00Z"),
    ]

    /// Zones applied to "Sun, 17 Sep 2017 08:30:00"; east of Greenwich the instant moves back.
    static let zones: [(String, String)] = [
        ("UT", "2017-09-17T08:30:00Z"), ("UTC", "2017-09-17T08:30:00Z"), ("GMT", "2017-09-17T08:30:00Z"),
        ("Z", "2017-09-17T08:30:00Z"), ("z", "2017-09-17T08:30:00Z"),
        ("EST", "2017-09-17T13:30:00Z"), ("EDT", "2017-09-17T12:30:00Z"),
        ("CST", "2017-09-17T14:30:00Z"), ("CDT", "2017-09-17T13:30:00Z"),
        ("MST", "2017-09-17T15:30:00Z"), ("MDT", "2017-09-17T14:30:00Z"),
        ("PST", "2017-09-17T16:30:00Z"), ("PDT", "2017-09-17T15:30:00Z"),
        ("MSK", "2017-09-17T05:30:00Z"), ("BST", "2017-09-17T07:30:00Z"),
        ("CET", "2017-09-17T07:30:00Z"), ("CEST", "2017-09-17T06:30:00Z"),
        ("EET", "2017-09-17T06:30:00Z"), ("EEST", "2017-09-17T05:30:00Z"),
        ("JST", "2017-09-16T23:30:00Z"),
        ("A", "2017-09-17T07:30:00Z"), ("I", "2017-09-16T23:30:00Z"), ("K", "2017-09-16T22:30:00Z"),
        ("M", "2017-09-16T20:30:00Z"), ("N", "2017-09-17T09:30:00Z"), ("Y", "2017-09-17T20:30:00Z"),
    ]

    static let iso8601: [(String, String)] = [
        ("2017-09-17T08:30:00Z", "2017-09-17T08:30:00Z"),
        ("2017-09-17T08:30:00.123+03:00", "2017-09-17T05:30:00Z"),
        ("2017-09-17T08:30:00-05:00", "2017-09-17T13:30:00Z"),
        ("2017-09-17 08:30:00", "2017-09-17T08:30:00Z"),
        ("2017-09-17T08:30:00", "2017-09-17T08:30:00Z"),
        ("2017-09-17T08:30:00+0300", "2017-09-17T05:30:00Z"),
        ("2017-09-17T08:30:00+03", "2017-09-17T05:30:00Z"),
        ("2017-09-17t08:30:00z", "2017-09-17T08:30:00Z"),
        ("20170917T083000Z", "2017-09-17T08:30:00Z"),
        ("20170917T0830+0100", "2017-09-17T07:30:00Z"),
        ("20170917", "2017-09-17T00:00:00Z"),
        ("2017-09-17T08:30:00,5Z", "2017-09-17T08:30:00Z"),
        ("2017-09-17T08:30:59.999999999Z", "2017-09-17T08:30:59Z"),
        ("2017-09-17 08:30:00 +0300", "2017-09-17T05:30:00Z"),
        ("2017-09-17 08:30:00 UTC", "2017-09-17T08:30:00Z"),
        ("2017-09-17T00:30:00+01:00", "2017-09-16T23:30:00Z"),
        ("2017-12-31T23:30:00-01:00", "2018-01-01T00:30:00Z"),
        ("2017-09-17T24:00:00Z", "2017-09-18T00:00:00Z"),
        ("2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z"),
        ("1969-07-20T20:17:40Z", "1969-07-20T20:17:40Z"),
        ("1900-01-01T00:00:00Z", "1900-01-01T00:00:00Z"),
        ("2000-02-29T12:00:00Z", "2000-02-29T12:00:00Z"),
        ("2024-02-29", "2024-02-29T00:00:00Z"),
    ]

    static let w3cPartial: [(String, String)] = [
        ("2017", "2017-01-01T00:00:00Z"),
        ("2017-09", "2017-09-01T00:00:00Z"),
        ("2017-09-17", "2017-09-17T00:00:00Z"),
        ("2017-09-17T08:30Z", "2017-09-17T08:30:00Z"),
        ("2017-09-17T08:30+02:00", "2017-09-17T06:30:00Z"),
        ("2017-9-7", "2017-09-07T00:00:00Z"),
    ]

    static let otherForms: [(String, String)] = [
        ("2017/09/17 08:30:00", "2017-09-17T08:30:00Z"),
        ("2017/09/17", "2017-09-17T00:00:00Z"),
        ("2017.09.17 08:30", "2017-09-17T08:30:00Z"),
        ("Sep 17, 2017 08:30:00 GMT", "2017-09-17T08:30:00Z"),
        ("Sep 17 2017 08:30:00 -0700", "2017-09-17T15:30:00Z"),
        ("September 17, 2017", "2017-09-17T00:00:00Z"),
        ("Sunday, September 17, 2017", "2017-09-17T00:00:00Z"),
        ("Sept. 17th, 2017", "2017-09-17T00:00:00Z"),
        ("September 17, 2017 at 8:30 pm", "2017-09-17T20:30:00Z"),
        ("Sep 17, 2017 12:05 AM", "2017-09-17T00:05:00Z"),
        ("Sep 17, 2017 12:05 PM", "2017-09-17T12:05:00Z"),
        ("17 September 2017", "2017-09-17T00:00:00Z"),
        ("17 September 2017, 08:30", "2017-09-17T08:30:00Z"),
        ("Sun Sep 17 08:30:00 2017", "2017-09-17T08:30:00Z"),
        ("Sun Sep  7 08:30:00 2017", "2017-09-07T08:30:00Z"),
        ("Sun Sep 17 08:30:00 +0200 2017", "2017-09-17T06:30:00Z"),
        ("Sun Sep 17 08:30:00 UTC 2017", "2017-09-17T08:30:00Z"),
        ("Sun Sep 17 2017 08:30:00 GMT+0300 (Moscow Standard Time)", "2017-09-17T05:30:00Z"),
        ("17 сентября 2017 08:30", "2017-09-17T08:30:00Z"),
        ("17 СЕНТЯБРЯ 2017", "2017-09-17T00:00:00Z"),
        ("17 сентября 2017 08:30 MSK", "2017-09-17T05:30:00Z"),
        ("1 мая 2017 г. 10:00", "2017-05-01T10:00:00Z"),
        ("8 марта 2017 года в 18:45", "2017-03-08T18:45:00Z"),
        ("вс, 17 сен 2017 08:30:00 +0300", "2017-09-17T05:30:00Z"),
        ("29 февраля 2016", "2016-02-29T00:00:00Z"),
    ]

    @Test("RFC 822 / 1123 / 2822 and their broken variants", arguments: rfc822)
    func parsesRFC822(input: String, expected: String) {
        #expect(Self.parsed(input) == expected)
    }

    @Test("Named and military zones", arguments: zones)
    func parsesZones(zone: String, expected: String) {
        #expect(Self.parsed("Sun, 17 Sep 2017 08:30:00 \(zone)") == expected)
    }

    @Test("RFC 3339 and ISO 8601", arguments: iso8601)
    func parsesISO8601(input: String, expected: String) {
        #expect(Self.parsed(input) == expected)
    }

    @Test("W3C-DTF partial dates read as the first instant of the period", arguments: w3cPartial)
    func parsesPartialDates(input: String, expected: String) {
        #expect(Self.parsed(input) == expected)
    }

    @Test("Other forms seen in feeds", arguments: otherForms)
    func parsesOtherForms(input: String, expected: String) {
        #expect(Self.parsed(input) == expected)
    }

    @Test("Fractional seconds survive parsing; only formatting drops them")
    func keepsFraction() throws {
        let date = try #require(FeedDateParser.parse("2017-09-17T08:30:00.250Z"))
        #expect(date.timeIntervalSince1970 == 1_505_637_000.25)
    }

    // MARK: - Rejected input

    static let rejected: [String] = [
        "", "   ", "yesterday", "N/A", "null", "0", "12345", "1.5", "0000", "0000-00-00", "2017-13-45",
        "2017-00-10", "2017-02-29", "2017-09-31", "1900-02-29", "2017-09-17T", "2017-09-17T08",
        "2017-09-17T25:00:00Z", "2017-09-17T08:60:00Z", "2017-09-17T08:30:61Z", "2017-09-17T24:00:01Z",
        "2017-09-17T08:30:00Zjunk", "2017-09-17T08:30:00+25:00", "2017-09-17T08:30:00+03:0",
        "2017-09-17 08:30:00 foo", "201709171", "2017/09", "2017-09/17",
        "09/10/2017", "17/09/2017", "17.09.2017", "9-10-2017",
        "Sun, 32 Sep 2017 08:30:00 GMT", "Sun, 0 Sep 2017 08:30:00 GMT", "Sun, 17 Foo 2017 08:30:00 GMT",
        "Sun, 17 Sep 2017 08:30:00 J", "Sun, 17 Sep 2017 08:30:00 IST", "Sun, 17 Sep 2017 08:30:00 XYZ",
        "Sun, 17 Sep 2017 08:30:00 GMT extra", "Sun, 17 Sep 2017 08:30:00 +0000 (UTC",
        "Sun, 17 Sep 2017 08:30:00 +0000 +0000", "Sun, 17 Sep 2017 08:30:00 GMTX",
        "Sun, 17 Sep 7 08:30:00 GMT", "Sun, 17 Sep 20170 08:30:00 GMT", "Sun, 17 Sep 2017 0830 GMT",
        "Someday, 17 Sep 2017", "17 Ma 2017", "17Sep2017", "Sep 17", "17 Sep", "Sep 17, 17",
        "Sep 17, 2017 13:00 PM", "Sep 17, 2017 0:30 am", "Sun Sep 17 08:30:00", "Sun Sep 17 08:30:00 17",
        "Sun, 17 Sep 2017 at", "17 сентябрь-х 2017", "T08:30:00Z", "08:30:00",
    ]

    @Test("Garbage and ambiguous dates give nil", arguments: rejected)
    func rejects(input: String) {
        #expect(FeedDateParser.parse(input) == nil)
    }

    // MARK: - Formatting

    static let formatted: [(TimeInterval, String)] = [
        (0, "1970-01-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (-0.5, "1969-12-31T23:59:59Z"),
        (0.999, "1970-01-01T00:00:00Z"),
        (-14_182_940, "1969-07-20T20:17:40Z"),
        (-2_208_988_800, "1900-01-01T00:00:00Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (1_505_637_000, "2017-09-17T08:30:00Z"),
        (1_709_208_000, "2024-02-29T12:00:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
        (253_402_300_800, "+10000-01-01T00:00:00Z"),
        (-62_167_219_201, "-0001-12-31T23:59:59Z"),
    ]

    @Test("rfc3339 writes UTC with whole seconds", arguments: formatted)
    func formats(interval: TimeInterval, expected: String) {
        #expect(FeedDateParser.rfc3339(Date(timeIntervalSince1970: interval)) == expected)
    }

    @Test("rfc3339 survives absurd dates")
    func formatsExtremes() {
        #expect(!FeedDateParser.rfc3339(.distantPast).isEmpty)
        #expect(FeedDateParser.rfc3339(.distantFuture) == "4001-01-01T00:00:00Z")
        #expect(!FeedDateParser.rfc3339(Date(timeIntervalSinceReferenceDate: .infinity)).isEmpty)
        #expect(!FeedDateParser.rfc3339(Date(timeIntervalSinceReferenceDate: -.infinity)).isEmpty)
        #expect(FeedDateParser.rfc3339(Date(timeIntervalSinceReferenceDate: .nan)) == "2001-01-01T00:00:00Z")
    }

    @Test("parse(rfc3339(d)) == d for every leap day and year boundary from 1600 to 2400")
    func roundTripsLeapDaysAndBoundaries() throws {
        for year in 1600...2400 {
            var days = [(1, 1), (2, 28), (12, 31)]
            if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) { days.append((2, 29)) }
            for (month, day) in days {
                let text = "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day))T23:59:59Z"
                let date = try #require(FeedDateParser.parse(text), "\(text)")
                #expect(FeedDateParser.rfc3339(date) == text)
            }
        }
    }

    @Test("Civil arithmetic agrees with Foundation's Gregorian calendar")
    func agreesWithCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        // A stride that is not a whole number of days visits every time of day and every month.
        let start = -11_676_096_000  // 1600-01-01, after the Julian-Gregorian switch Calendar applies.
        for interval in stride(from: start, to: 13_569_465_600, by: 7_777_777) {
            let date = Date(timeIntervalSince1970: TimeInterval(interval))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected =
                "\(Self.pad(parts.year!, 4))-\(Self.pad(parts.month!))-\(Self.pad(parts.day!))"
                + "T\(Self.pad(parts.hour!)):\(Self.pad(parts.minute!)):\(Self.pad(parts.second!))Z"
            #expect(FeedDateParser.rfc3339(date) == expected)
            #expect(FeedDateParser.parse(expected) == date)
        }
    }

    // MARK: - Helpers

    static func parsed(_ input: String) -> String? {
        FeedDateParser.parse(input).map(FeedDateParser.rfc3339)
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
