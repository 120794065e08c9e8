import Foundation

/// Reads the times a news sentence names ("early on Sept. 16", "on Saturday", "03:30 local
/// time", "yesterday", "in 2014", "16 сентября") as `TimeMention`s: UTC intervals, so that two
/// reports of one event can be checked for being about the same moment.
///
/// The conventions it applies, since news text rarely says which zone it means:
///
/// - A calendar day is the UTC day: "16 September 2017" is 2017-09-16T00:00Z ..< 09-17T00:00Z.
/// - A clock time with a zone ("0030 GMT", "12:30 a.m. UTC", "03:30 Moscow time", "GMT+3") is
///   that minute (or hour, for "3 pm GMT"). Without a known zone ("03:30 local time", "3:30
///   am") the granularity still says minute, but the interval is only the day it falls on.
///   A clock time with no date in the sentence is placed on the publication day, or the day
///   before when that would put it more than an hour after publication.
/// - Parts of a day are hour bands of that UTC day: "early" 00-12, "late" 12-24, "morning"
///   05-12, "afternoon" 12-18, "evening" 17-24, "night" 18-06 (into the next day),
///   "overnight"/"в ночь на" 18-06 ending on the day named, "dawn" 04-08, "midday" 11-14.
/// - A year-less date takes the year that puts it on or before publication, allowing up to a
///   week after it ("Jan. 2" in an article of 30 December is next year); a year-less month
///   must have begun by publication ("in November" read in September is last November). With
///   a future cue in the sentence ("will", "scheduled", "будет") either takes the first one
///   that had not ended a week before publication.
/// - A weekday is the most recent such day on or before the publication day ("last Saturday":
///   strictly before; "next Saturday", or a future cue: the next one on or after).
/// - "Last week"/"this week" are ISO weeks (Monday to Monday); "weekend" is Saturday and
///   Sunday, with `.week` granularity.
/// - "Recently", "earlier", "lately", "недавно", "ранее", "in recent days": no interval, `.vague`.
///
/// Dates are computed with plain civil-calendar arithmetic on day numbers, which is exact for
/// the proleptic Gregorian calendar in UTC and far cheaper than `Calendar` per mention.
public enum TimeExtractor {
    /// The times a sentence names, resolved against `published` (the article's publication time)
    /// where relative.
    public static func times(in sentence: String, tokens: [Token], published: Date?) -> [TimeMention] {
        guard !tokens.isEmpty else { return [] }
        let scanner = TimeScanner(sentence: sentence, tokens: tokens, keys: WordKey.keys(of: tokens))
        let atoms = scanner.atoms()
        guard !atoms.isEmpty else { return [] }
        return scanner.resolve(scanner.merge(atoms), published: published)
    }
}

// MARK: - Calendar words

/// Month and weekday names, shared with the quantity scanner (which skips day numbers).
enum CalendarWords {
    static let months: WordKeyTable<Int> = {
        var pairs: [(String, Int)] = []
        let english: [[String]] = [
            ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
            ["july", "jul"], ["august", "aug"], ["september", "sept", "sep"], ["october", "oct"],
            ["november", "nov"], ["december", "dec"],
        ]
        // Russian: genitive ("16 сентября"), prepositional ("в сентябре"), nominative.
        let russian: [[String]] = [
            ["января", "январе", "январь"], ["февраля", "феврале", "февраль"], ["марта", "марте", "март"],
            ["апреля", "апреле", "апрель"], ["мая", "мае", "май"], ["июня", "июне", "июнь"],
            ["июля", "июле", "июль"], ["августа", "августе", "август"], ["сентября", "сентябре", "сентябрь"],
            ["октября", "октябре", "октябрь"], ["ноября", "ноябре", "ноябрь"], ["декабря", "декабре", "декабрь"],
        ]
        for (index, names) in english.enumerated() { for name in names { pairs.append((name, index + 1)) } }
        for (index, names) in russian.enumerated() { for name in names { pairs.append((name, index + 1)) } }
        return WordKey.table(pairs)
    }()

    /// Month names that are also common words ("may", "march"): months only when capitalized
    /// and beside a number or after "in", "of", "since"...
    static let ambiguousMonths: WordKeySet = WordKey.set(["may", "march", "mar", "jan", "sept", "sep"])

    static let weekdays: WordKeyTable<Int> = {
        var pairs: [(String, Int)] = []
        let english = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for (index, name) in english.enumerated() {
            pairs.append((name, index + 1))
            pairs.append((name + "'s", index + 1))
        }
        let russian: [[String]] = [
            ["понедельник", "понедельника"], ["вторник", "вторника"], ["среда", "среду", "среды"],
            ["четверг", "четверга"], ["пятница", "пятницу", "пятницы"], ["суббота", "субботу", "субботы"],
            ["воскресенье", "воскресенья"],
        ]
        for (index, names) in russian.enumerated() { for name in names { pairs.append((name, index + 1)) } }
        return WordKey.table(pairs)
    }()

    static func month(_ key: UInt64) -> Int? { months[key] }
    static func weekday(_ key: UInt64) -> Int? { weekdays[key] }
}

// MARK: - Civil calendar

/// Day numbers since 1970-01-01 (UTC), after Howard Hinnant's civil-calendar algorithms.
enum CivilDate {
    static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday).
    static func weekday(days: Int) -> Int { ((days % 7) + 7 + 3) % 7 + 1 }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func monthStart(year: Int, month: Int) -> Int { days(year: year, month: month, day: 1) }

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}

// MARK: - Time words

private enum PartOfDay {
    case early, late, morning, afternoon, evening, night, overnight, dawn, midday

    /// Hours from the start of the day named, end exclusive.
    var hours: (Int, Int) {
        switch self {
        case .early: return (0, 12)
        case .late: return (12, 24)
        case .morning: return (5, 12)
        case .afternoon: return (12, 18)
        case .evening: return (17, 24)
        case .night: return (18, 30)
        case .overnight: return (-6, 6)
        case .dawn: return (4, 8)
        case .midday: return (11, 14)
        }
    }
}

private enum SpanUnit {
    case hour, day, week, weekend, month, year
}

private enum TimeWord {
    case month(Int)
    case weekday(Int)
    case relativeDay(Int)
    case tonight
    case part(PartOfDay)
    /// "last" -1, "this" 0, "next" +1.
    case relation(Int)
    case vague
    case recent
    /// A count before "days ago": "a", "two".
    case count(Int)
    /// Russian "ночь", read with the "на" after it.
    case russianNight
    case russianDays
    /// "over the weekend", "at the weekend": the latest one.
    case weekend
}

private enum TimeWords {
    static let lexicon: WordKeyTable<TimeWord> = {
        var table: [UInt64: TimeWord] = [:]
        for key in CalendarWords.months.keys { table[key] = .month(CalendarWords.months[key]!) }
        for key in CalendarWords.weekdays.keys { table[key] = .weekday(CalendarWords.weekdays[key]!) }
        let words: [(String, TimeWord)] = [
            ("yesterday", .relativeDay(-1)), ("yesterday's", .relativeDay(-1)), ("today", .relativeDay(0)),
            ("today's", .relativeDay(0)), ("tomorrow", .relativeDay(1)), ("tomorrow's", .relativeDay(1)),
            ("вчера", .relativeDay(-1)), ("сегодня", .relativeDay(0)), ("завтра", .relativeDay(1)),
            ("накануне", .relativeDay(-1)), ("позавчера", .relativeDay(-2)), ("tonight", .tonight),
            ("early", .part(.early)), ("late", .part(.late)), ("morning", .part(.morning)),
            ("afternoon", .part(.afternoon)), ("evening", .part(.evening)), ("night", .part(.night)),
            ("overnight", .part(.overnight)), ("dawn", .part(.dawn)), ("daybreak", .part(.dawn)),
            ("midday", .part(.midday)), ("noon", .part(.midday)), ("утром", .part(.morning)),
            ("днем", .part(.afternoon)), ("вечером", .part(.evening)), ("ночью", .part(.night)),
            ("рано", .part(.early)), ("поздно", .part(.late)), ("last", .relation(-1)), ("past", .relation(-1)),
            ("previous", .relation(-1)), ("this", .relation(0)), ("next", .relation(1)), ("coming", .relation(1)),
            ("прошлой", .relation(-1)), ("прошлом", .relation(-1)), ("прошлую", .relation(-1)),
            ("прошлый", .relation(-1)), ("этой", .relation(0)), ("этом", .relation(0)), ("эту", .relation(0)),
            ("текущей", .relation(0)), ("текущем", .relation(0)), ("следующей", .relation(1)),
            ("следующем", .relation(1)), ("следующую", .relation(1)), ("будущей", .relation(1)),
            ("recently", .vague), ("lately", .vague), ("earlier", .vague), ("недавно", .vague), ("ранее", .vague),
            ("recent", .recent), ("a", .count(1)), ("an", .count(1)), ("one", .count(1)), ("two", .count(2)),
            ("three", .count(3)), ("four", .count(4)), ("five", .count(5)), ("six", .count(6)),
            ("seven", .count(7)), ("eight", .count(8)), ("nine", .count(9)), ("ten", .count(10)),
            ("ночь", .russianNight), ("днях", .russianDays), ("weekend", .weekend), ("выходные", .weekend),
            ("выходных", .weekend),
        ]
        for (word, meaning) in words { table[WordKey.of(word)] = meaning }
        return WordKeyTable(table)
    }()

    static let units: WordKeyTable<SpanUnit> = WordKey.table([
        ("hour", .hour), ("hours", .hour), ("day", .day), ("days", .day), ("week", .week), ("weeks", .week),
        ("weekend", .weekend), ("month", .month), ("months", .month), ("year", .year), ("years", .year),
        ("час", .hour), ("часа", .hour), ("часов", .hour), ("день", .day), ("дня", .day), ("дней", .day),
        ("неделю", .week), ("недели", .week), ("недель", .week), ("неделе", .week), ("месяц", .month),
        ("месяца", .month), ("месяцев", .month), ("месяце", .month), ("год", .year), ("года", .year),
        ("лет", .year), ("году", .year),
    ])

    /// Zones written after a clock time, as seconds east of UTC.
    static let zones: WordKeyTable<Int> = WordKey.table([
        ("gmt", 0), ("utc", 0), ("z", 0), ("bst", 3600), ("cet", 3600), ("cest", 7200), ("eet", 7200),
        ("eest", 10800), ("msk", 10800), ("мск", 10800), ("est", -18000), ("edt", -14400), ("cdt", -18000),
        ("pst", -28800), ("pdt", -25200),
    ])

    static let before: WordKeyTable<Bool> = WordKey.table([
        ("am", false), ("a.m.", false), ("a.m", false), ("pm", true), ("p.m.", true), ("p.m", true),
    ])

    static let yearPrepositions: WordKeySet = WordKey.set([
        "in", "since", "by", "until", "till", "during", "of", "from", "before", "after", "throughout", "early", "late",
        "mid", "end", "spring", "summer", "autumn", "fall", "winter", "в", "с", "до", "к", "по", "начале", "конце",
        "середине",
    ])
    static let yearWords: WordKeySet = WordKey.set(["год", "года", "году", "г", "гг"])
    static let monthPrepositions: WordKeySet = WordKey.set([
        "in", "of", "since", "until", "till", "by", "early", "late", "mid", "last", "next", "this", "during", "from",
        "before", "after", "throughout", "on",
    ])
    /// Tokens that may stand between two parts of one time ("early on Sept. 16", "at 3:30 on Saturday").
    static let connectors: WordKeySet = WordKey.set([
        "on", "at", "of", "in", "the", ",", "around", "about", "approximately", "(", ")", "в", "во", "на", "около",
        "к", "by", "hours", "-",
    ])
    static let futureCues: WordKeySet = WordKey.set([
        "will", "'ll", "scheduled", "planned", "plans", "upcoming", "due", "будет", "будут", "состоится",
        "пройдет", "планируется", "запланирована", "запланировано", "запланированы", "намечена", "намечено",
    ])
    static let agoWords: WordKeySet = WordKey.set(["ago", "назад"])

    static let ordinalSuffixes: WordKeySet = WordKey.set(["th", "st", "nd", "rd", "го"])
    static let local = WordKey.of("local")
    static let time = WordKey.of("time")
    static let moscow = WordKey.of("moscow")
    static let along = WordKey.of("по")
    static let localRussian = WordKey.of("местному")
    static let moscowRussian = WordKey.of("московскому")
    static let timeRussian = WordKey.of("времени")
    static let greenwich = WordKey.of("гринвичу")
    static let on = WordKey.of("на")
    static let with = WordKey.of("с")
    static let hours = WordKey.of("hours")
    static let inWord = WordKey.of("in")
    static let dash = WordKey.of("-")
    static let plus = WordKey.of("+")
    static let minus = WordKey.of("-")
    static let comma = WordKey.of(",")
    static let period = WordKey.of(".")
    static let of = WordKey.of("of")
    static let night = WordKey.of("night")
    static let ending = WordKey.of("ending")
}

// MARK: - Scanner

private struct ClockTime {
    var hour: Int
    var minute: Int
    var hasMinutes: Bool
    /// Seconds east of UTC, when the text names a zone.
    var zone: Int?
}

/// One piece of a time expression; adjacent pieces merge ("early" + "on" + "Sept. 16").
private struct TimeAtom {
    var start: Int
    var end: Int
    var day: Int?
    var month: Int?
    var year: Int?
    var weekday: Int?
    var weekdayRelation = 0
    var relativeDay: Int?
    var span: SpanUnit?
    var spanOffset = 0
    var part: PartOfDay?
    var clock: ClockTime?
    var agoUnit: SpanUnit?
    var agoCount = 0
    var vague = false

    init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    var hasDay: Bool { day != nil || weekday != nil || relativeDay != nil || agoUnit == .day }
    var hasPeriod: Bool { month != nil || span != nil || agoUnit != nil || year != nil }

    /// Whether `other` fills only slots this one leaves empty, so both describe one time.
    func accepts(_ other: TimeAtom) -> Bool {
        if other.vague || vague { return true }
        if (day != nil || month != nil) && (other.day != nil || other.month != nil) { return false }
        if year != nil && other.year != nil { return false }
        if (weekday != nil && other.weekday != nil) || (relativeDay != nil && other.relativeDay != nil) {
            return false
        }
        if (relativeDay != nil && other.weekday != nil) || (weekday != nil && other.relativeDay != nil) {
            return false
        }
        if (part != nil && other.part != nil) || (clock != nil && other.clock != nil) { return false }
        if span != nil || other.span != nil || agoUnit != nil || other.agoUnit != nil {
            // "earlier this week" merges through `vague`; a span takes nothing else.
            return false
        }
        return true
    }

    mutating func absorb(_ other: TimeAtom) {
        let keepVague = vague && other.vague
        end = other.end
        day = day ?? other.day
        month = month ?? other.month
        year = year ?? other.year
        if weekday == nil {
            weekday = other.weekday
            weekdayRelation = other.weekdayRelation
        }
        relativeDay = relativeDay ?? other.relativeDay
        if span == nil {
            span = other.span
            spanOffset = other.spanOffset
        }
        part = part ?? other.part
        clock = clock ?? other.clock
        if agoUnit == nil {
            agoUnit = other.agoUnit
            agoCount = other.agoCount
        }
        vague = keepVague
    }
}

private struct TimeScanner {
    let sentence: String
    let tokens: [Token]
    let keys: [UInt64]

    func key(_ index: Int) -> UInt64 { index >= 0 && index < keys.count ? keys[index] : 0 }

    func isNumber(_ index: Int) -> Bool { index >= 0 && index < tokens.count && tokens[index].kind == .number }

    func adjacent(_ left: Int, _ right: Int) -> Bool {
        left >= 0 && right < tokens.count && tokens[left].range.upperBound == tokens[right].range.lowerBound
    }

    /// A plain run of digits (no separators): its value and length.
    func plainNumber(_ index: Int) -> (value: Int, digits: Int)? {
        guard isNumber(index) else { return nil }
        var value = 0
        var digits = 0
        for byte in tokens[index].text.utf8 {
            guard byte >= 0x30 && byte <= 0x39, digits < 9 else { return nil }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
        }
        return (value, digits)
    }

    func year(at index: Int) -> Int? {
        guard let (value, digits) = plainNumber(index), digits == 4, (1900...2100).contains(value) else { return nil }
        return value
    }

    /// A month name at `index`, with the checks English needs: capitalized, and "May"/"March"
    /// only beside a number or after "in", "of", "since"...
    func month(at index: Int) -> Int? {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word,
            let month = CalendarWords.month(keys[index])
        else { return nil }
        let token = tokens[index]
        if let first = token.text.utf8.first, first < 0x80 {
            guard token.isCapitalized else { return nil }
            if CalendarWords.ambiguousMonths.contains(keys[index]) {
                let nextIndex = key(index + 1) == TimeWords.period ? index + 2 : index + 1
                guard
                    isNumber(nextIndex) || isNumber(index - 1)
                        || TimeWords.monthPrepositions.contains(key(index - 1))
                else { return nil }
            }
        }
        return month
    }

    func isFutureSentence() -> Bool { keys.contains { TimeWords.futureCues.contains($0) } }

    // MARK: Atoms

    func atoms() -> [TimeAtom] {
        var atoms: [TimeAtom] = []
        var index = 0
        while index < tokens.count {
            var atom: TimeAtom?
            switch tokens[index].kind {
            case .number: atom = numberAtom(index)
            case .word:
                if let word = TimeWords.lexicon[keys[index]] {
                    atom = wordAtom(index, word)
                } else if let first = tokens[index].text.utf8.first, first >= 0x30 && first <= 0x39 {
                    atom = digitWordAtom(index)
                }
            default: break
            }
            if let atom {
                atoms.append(atom)
                index = max(atom.end, index + 1)
            } else {
                index += 1
            }
        }
        return atoms
    }

    func numberAtom(_ index: Int) -> TimeAtom? {
        let text = tokens[index].text
        var colons = 0
        var dots = 0
        var slashes = 0
        var commas = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ":"): colons += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "/"): slashes += 1
            case UInt8(ascii: ","): commas += 1
            default: break
            }
        }
        if colons > 0 { return colonClock(index) }
        if dots == 2 || slashes == 2 { return numericDate(index, separator: dots == 2 ? "." : "/") }
        if dots == 1, commas == 0, slashes == 0 {
            // "3.30 pm"
            let parts = text.split(separator: ".")
            guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), parts[1].count == 2,
                hour <= 12, minute < 60, TimeWords.before[key(index + 1)] != nil
            else { return nil }
            return clockAtom(index, hour: hour, minute: minute, hasMinutes: true, from: index + 1)
        }
        guard let (value, digits) = plainNumber(index) else { return nil }
        // "2017-09-16"
        if digits == 4, key(index + 1) == TimeWords.dash, adjacent(index, index + 1), adjacent(index + 1, index + 2),
            let (month, _) = plainNumber(index + 2), key(index + 3) == TimeWords.dash, adjacent(index + 2, index + 3),
            adjacent(index + 3, index + 4), let (day, _) = plainNumber(index + 4)
        {
            return dateAtom(start: index, end: index + 5, year: value, month: month, day: day)
        }
        // "16 September 2017", "16th of September", "16 сентября 2017 года"
        if digits <= 2, (1...31).contains(value) {
            var position = index + 1
            if TimeWords.ordinalSuffixes.contains(key(position)), adjacent(index, position) { position += 1 }
            if key(position) == TimeWords.of { position += 1 }
            if let month = month(at: position) {
                guard var atom = dateAtom(start: index, end: position + 1, year: nil, month: month, day: value)
                else { return nil }
                readYear(after: position + 1, into: &atom)
                return atom
            }
        }
        // "0030 GMT", "1530 local time"
        if digits == 4, value % 100 < 60, value / 100 < 24,
            TimeWords.zones[key(index + 1)] != nil || key(index + 1) == TimeWords.local
                || (digits == 4 && key(index + 1) == WordKey.of("hrs"))
        {
            return clockAtom(index, hour: value / 100, minute: value % 100, hasMinutes: true, from: index + 1)
        }
        // "3 pm"
        if digits <= 2, (1...12).contains(value), TimeWords.before[key(index + 1)] != nil {
            return clockAtom(index, hour: value, minute: 0, hasMinutes: false, from: index + 1)
        }
        // "in 2014", "в 2014 году"
        if let year = year(at: index) {
            if TimeWords.yearWords.contains(key(index + 1)) {
                var atom = TimeAtom(start: index, end: index + 2)
                atom.year = year
                return atom
            }
            if TimeWords.yearPrepositions.contains(key(index - 1)) {
                var atom = TimeAtom(start: index, end: index + 1)
                atom.year = year
                return atom
            }
            return nil
        }
        // "3 days ago"
        if let unit = TimeWords.units[key(index + 1)], TimeWords.agoWords.contains(key(index + 2)) {
            var atom = TimeAtom(start: index, end: index + 3)
            atom.agoUnit = unit
            atom.agoCount = value
            return atom
        }
        return nil
    }

    func dateAtom(start: Int, end: Int, year: Int?, month: Int, day: Int) -> TimeAtom? {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year ?? 2000, month: month)
        else { return nil }
        var atom = TimeAtom(start: start, end: end)
        atom.year = year
        atom.month = month
        atom.day = day
        return atom
    }

    /// ", 2017" or " 2017 года" after a day and month.
    func readYear(after position: Int, into atom: inout TimeAtom) {
        var position = position
        if key(position) == TimeWords.comma { position += 1 }
        guard let year = year(at: position) else { return }
        atom.year = year
        atom.end = position + 1
        if TimeWords.yearWords.contains(key(position + 1)) { atom.end = position + 2 }
    }

    /// "16.09.2017", "16/09/2017", "2017/09/16". Slashed dates with both parts up to 12 are
    /// read day first, as outside the US.
    func numericDate(_ index: Int, separator: Character) -> TimeAtom? {
        let parts = tokens[index].text.split(separator: separator)
        guard parts.count == 3, let first = Int(parts[0]), let second = Int(parts[1]), var third = Int(parts[2])
        else { return nil }
        if parts[0].count == 4 { return dateAtom(start: index, end: index + 1, year: first, month: second, day: third) }
        if parts[2].count == 2 { third += third < 70 ? 2000 : 1900 }
        guard parts[2].count == 4 || parts[2].count == 2 else { return nil }
        if separator == "/", second > 12, first <= 12 {
            return dateAtom(start: index, end: index + 1, year: third, month: first, day: second)
        }
        return dateAtom(start: index, end: index + 1, year: third, month: second, day: first)
    }

    func colonClock(_ index: Int) -> TimeAtom? {
        let parts = tokens[index].text.split(separator: ":")
        guard parts.count == 2 || parts.count == 3, parts[1].count == 2, let hour = Int(parts[0]),
            let minute = Int(parts[1]), hour <= 24, minute < 60
        else { return nil }
        return clockAtom(index, hour: hour, minute: minute, hasMinutes: true, from: index + 1)
    }

    /// "3pm", "11am"
    func digitWordAtom(_ index: Int) -> TimeAtom? {
        let text = tokens[index].text
        guard let split = text.utf8.firstIndex(where: { $0 < 0x30 || $0 > 0x39 }),
            let hour = Int(text[..<split]), (1...12).contains(hour),
            TimeWords.before[WordKey.of(String(text[split...]))] != nil
        else { return nil }
        let afternoon = TimeWords.before[WordKey.of(String(text[split...]))] == true
        return clockAtom(
            index, hour: afternoon && hour < 12 ? hour + 12 : hour % 12, minute: 0, hasMinutes: false, from: index + 1)
    }

    /// A clock time's am/pm and zone, read after the digits.
    func clockAtom(_ index: Int, hour: Int, minute: Int, hasMinutes: Bool, from position: Int) -> TimeAtom? {
        var clock = ClockTime(hour: hour, minute: minute, hasMinutes: hasMinutes)
        var position = position
        if let afternoon = TimeWords.before[key(position)] {
            guard hour >= 1, hour <= 12 else { return nil }
            if afternoon, hour < 12 { clock.hour += 12 }
            if !afternoon, hour == 12 { clock.hour = 0 }
            position += 1
        }
        if clock.hour == 24 { clock.hour = 0 }
        if let zone = TimeWords.zones[key(position)] {
            clock.zone = zone
            position += 1
            // "GMT+3"
            if key(position) == TimeWords.plus || key(position) == TimeWords.minus, adjacent(position - 1, position),
                let (offset, _) = plainNumber(position + 1), offset <= 14
            {
                clock.zone = zone + (key(position) == TimeWords.plus ? 1 : -1) * offset * 3600
                position += 2
            }
        } else if key(position) == TimeWords.local, key(position + 1) == TimeWords.time {
            position += 2
        } else if key(position) == TimeWords.moscow, key(position + 1) == TimeWords.time {
            clock.zone = 10800
            position += 2
        } else if key(position) == TimeWords.along {
            let which = key(position + 1)
            if which == TimeWords.greenwich {
                clock.zone = 0
                position += 2
            } else if which == TimeWords.localRussian || which == TimeWords.moscowRussian,
                key(position + 2) == TimeWords.timeRussian
            {
                if which == TimeWords.moscowRussian { clock.zone = 10800 }
                position += 3
            }
        }
        var atom = TimeAtom(start: index, end: position)
        atom.clock = clock
        return atom
    }

    func wordAtom(_ index: Int, _ word: TimeWord) -> TimeAtom? {
        var atom = TimeAtom(start: index, end: index + 1)
        switch word {
        case .month:
            guard let month = month(at: index) else { return nil }
            atom.month = month
            var position = index + 1
            if key(position) == TimeWords.period, adjacent(index, position) { position += 1 }
            if let (day, digits) = plainNumber(position), digits <= 2, (1...31).contains(day),
                !countedNounAfter(position, monthIndex: index)
            {
                guard let dated = dateAtom(start: index, end: position + 1, year: nil, month: month, day: day)
                else { return nil }
                atom = dated
                position += 1
                if TimeWords.ordinalSuffixes.contains(key(position)), adjacent(position - 1, position) {
                    position += 1
                    atom.end = position
                }
                readYear(after: position, into: &atom)
            } else if let year = year(at: position) {
                atom.year = year
                atom.end = position + 1
                if TimeWords.yearWords.contains(key(position + 1)) { atom.end = position + 2 }
            }
        case .weekday(let weekday):
            atom.weekday = weekday
        case .weekend:
            atom.span = .weekend
        case .relativeDay(let offset):
            atom.relativeDay = offset
        case .tonight:
            atom.relativeDay = 0
            atom.part = .night
        case .part(let part):
            if part == .early || part == .late, key(index + 1) == TimeWords.hours { atom.end = index + 2 }
            atom.part = part
        case .relation(let relation):
            let next = key(index + 1)
            if let unit = TimeWords.units[next], unit != .hour, unit != .day {
                atom.span = unit
                atom.spanOffset = relation
                atom.end = index + 2
            } else if let weekday = CalendarWords.weekday(next) {
                atom.weekday = weekday
                atom.weekdayRelation = relation
                atom.end = index + 2
            } else if case .part(let part) = TimeWords.lexicon[next], part != .early, part != .late {
                if part == .night {
                    atom.relativeDay = relation == 0 ? 0 : relation
                    atom.part = relation == 0 ? .overnight : .night
                } else {
                    guard relation == 0 else { return nil }
                    atom.relativeDay = 0
                    atom.part = part
                }
                atom.end = index + 2
            } else {
                return nil
            }
        case .vague:
            atom.vague = true
        case .recent:
            // "in recent days/weeks"
            guard TimeWords.units[key(index + 1)] != nil else { return nil }
            atom.vague = true
            atom.end = index + 2
        case .count(let count):
            guard let unit = TimeWords.units[key(index + 1)], TimeWords.agoWords.contains(key(index + 2)) else {
                return nil
            }
            atom.agoUnit = unit
            atom.agoCount = count
            atom.end = index + 3
        case .russianNight:
            // "в ночь на субботу", "в ночь с пятницы на субботу"
            if key(index + 1) == TimeWords.on {
                atom.end = index + 2
            } else if key(index + 1) == TimeWords.with, key(index + 3) == TimeWords.on {
                atom.end = index + 4
            } else {
                return nil
            }
            atom.part = .overnight
        case .russianDays:
            // "на днях": in the last few days
            guard key(index - 1) == TimeWords.on else { return nil }
            atom.start = index - 1
            atom.vague = true
        }
        return atom
    }

    /// "in September 12 people died": after "in" and a month, a number followed by a noun is
    /// a count, not a day.
    func countedNounAfter(_ position: Int, monthIndex: Int) -> Bool {
        guard key(monthIndex - 1) == TimeWords.inWord, position + 1 < tokens.count,
            tokens[position + 1].kind == .word, !tokens[position + 1].isCapitalized
        else { return false }
        let next = keys[position + 1]
        return !QuantityWords.function.contains(next) && !TimeWords.ordinalSuffixes.contains(next)
    }

    // MARK: Merging

    /// Joins atoms separated only by connectors ("early" "on" "Sept. 16") into one expression.
    func merge(_ atoms: [TimeAtom]) -> [TimeAtom] {
        var groups: [TimeAtom] = []
        for atom in atoms {
            if var last = groups.last, atom.start - last.end <= 3, last.accepts(atom),
                (last.end..<atom.start).allSatisfy({ TimeWords.connectors.contains(keys[$0]) })
            {
                if last.vague && !atom.vague {
                    // "earlier this week", "earlier on Saturday": the vague word only leads in.
                    let start = last.start
                    last = atom
                    last.start = start
                } else {
                    last.absorb(atom)
                }
                groups[groups.count - 1] = last
            } else {
                groups.append(atom)
            }
        }
        return groups
    }

    // MARK: Resolving

    func resolve(_ groups: [TimeAtom], published: Date?) -> [TimeMention] {
        let publishedSeconds = published.map { Int($0.timeIntervalSince1970.rounded(.down)) }
        let publishedDay = publishedSeconds.map { CivilDate.floorDivide($0, 86400) }
        var future: Bool?
        func isFuture() -> Bool {
            if let future { return future }
            let value = isFutureSentence()
            future = value
            return value
        }
        let anchors = groups.map { anchorDay($0, publishedDay: publishedDay, future: isFuture) }
        let sentenceAnchor = anchors.lazy.compactMap { $0 }.first
        var mentions: [TimeMention] = []
        for (group, anchor) in zip(groups, anchors) {
            guard
                let (interval, granularity) = interval(
                    of: group, anchor: anchor, sentenceAnchor: sentenceAnchor, publishedSeconds: publishedSeconds,
                    publishedDay: publishedDay, future: isFuture)
            else { continue }
            let range = TextRange(tokens[group.start].range.lowerBound, tokens[group.end - 1].range.upperBound)
            mentions.append(
                TimeMention(interval: interval, granularity: granularity, text: sentence.slice(range), range: range))
        }
        return mentions
    }

    /// The day a group names, as a day number; nil if it names none or cannot be placed.
    func anchorDay(_ group: TimeAtom, publishedDay: Int?, future: () -> Bool) -> Int? {
        if let day = group.day, let month = group.month {
            if let year = group.year { return CivilDate.days(year: year, month: month, day: day) }
            guard let publishedDay,
                let year = Self.resolveYear(
                    month: month, day: day, publishedDay: publishedDay, future: future())
            else { return nil }
            return CivilDate.days(year: year, month: month, day: day)
        }
        guard let publishedDay else { return nil }
        if let weekday = group.weekday {
            let today = CivilDate.weekday(days: publishedDay)
            let back = (today - weekday + 7) % 7
            let forward = (weekday - today + 7) % 7
            switch group.weekdayRelation {
            case -1: return publishedDay - (back == 0 ? 7 : back)
            case 1: return publishedDay + (forward == 0 ? 7 : forward)
            default: return future() ? publishedDay + forward : publishedDay - back
            }
        }
        if let offset = group.relativeDay { return publishedDay + offset }
        if group.agoUnit == .day { return publishedDay - group.agoCount }
        return nil
    }

    /// The year for a year-less date (or month, with `day` 1 and `wholeMonth`).
    static func resolveYear(month: Int, day: Int, publishedDay: Int, future: Bool, wholeMonth: Bool = false)
        -> Int?
    {
        let publishedYear = CivilDate.date(days: publishedDay).year
        var chosen: Int?
        for year in (publishedYear - 1)...(publishedYear + 1) {
            guard day <= CivilDate.daysInMonth(year: year, month: month) else { continue }
            let start = CivilDate.days(year: year, month: month, day: day)
            let end =
                wholeMonth
                ? CivilDate.monthStart(year: month == 12 ? year + 1 : year, month: month % 12 + 1) : start + 1
            if future {
                if end > publishedDay - 7 { return year }
            } else if start <= publishedDay + (wholeMonth ? 0 : 7) {
                chosen = year
            }
        }
        return chosen
    }

    func interval(
        of group: TimeAtom, anchor: Int?, sentenceAnchor: Int?, publishedSeconds: Int?, publishedDay: Int?,
        future: () -> Bool
    ) -> (DateInterval?, TimeMention.Granularity)? {
        func span(_ startSeconds: Int, _ endSeconds: Int) -> DateInterval {
            DateInterval(
                start: Date(timeIntervalSince1970: TimeInterval(startSeconds)),
                end: Date(timeIntervalSince1970: TimeInterval(endSeconds)))
        }
        func days(_ first: Int, _ end: Int) -> DateInterval { span(first * 86400, end * 86400) }

        if let clock = group.clock {
            let granularity: TimeMention.Granularity = clock.hasMinutes ? .minute : .hour
            let fromPublication = !group.hasDay && sentenceAnchor == nil
            guard let day = group.hasDay ? anchor : (sentenceAnchor ?? publishedDay) else { return (nil, granularity) }
            guard let zone = clock.zone else { return (days(day, day + 1), granularity) }
            var start = day * 86400 + clock.hour * 3600 + clock.minute * 60 - zone
            if fromPublication, let publishedSeconds, start > publishedSeconds + 3600 { start -= 86400 }
            return (span(start, start + (clock.hasMinutes ? 60 : 3600)), granularity)
        }
        if let part = group.part, group.hasDay || part == .overnight {
            let day = group.hasDay ? anchor : publishedDay
            guard let day else { return (nil, .partOfDay) }
            let (from, to) = part.hours
            return (span(day * 86400 + from * 3600, day * 86400 + to * 3600), .partOfDay)
        }
        if group.hasDay {
            guard let anchor else { return (nil, .day) }
            return (days(anchor, anchor + 1), .day)
        }
        if let month = group.month {
            var year = group.year
            if year == nil, let publishedDay {
                year = Self.resolveYear(
                    month: month, day: 1, publishedDay: publishedDay, future: future(), wholeMonth: true)
            }
            guard let year else { return (nil, .month) }
            let start = CivilDate.monthStart(year: year, month: month)
            let end = CivilDate.monthStart(year: month == 12 ? year + 1 : year, month: month % 12 + 1)
            return (days(start, end), .month)
        }
        if let unit = group.span {
            let granularity: TimeMention.Granularity = unit == .month ? .month : unit == .year ? .year : .week
            guard let publishedDay else { return (nil, granularity) }
            return (spanInterval(unit, offset: group.spanOffset, publishedDay: publishedDay), granularity)
        }
        if let unit = group.agoUnit {
            let granularity: TimeMention.Granularity =
                unit == .hour ? .hour : unit == .month ? .month : unit == .year ? .year : .week
            guard let publishedDay, let publishedSeconds else { return (nil, granularity) }
            switch unit {
            case .hour:
                let start = publishedSeconds - group.agoCount * 3600 - 1800
                return (span(start, start + 3600), .hour)
            case .week, .weekend:
                let middle = publishedDay - 7 * group.agoCount
                return (days(middle - 3, middle + 4), .week)
            default:
                return (spanInterval(unit, offset: -group.agoCount, publishedDay: publishedDay), granularity)
            }
        }
        if let year = group.year {
            return (
                days(CivilDate.monthStart(year: year, month: 1), CivilDate.monthStart(year: year + 1, month: 1)), .year
            )
        }
        if group.vague { return (nil, .vague) }
        return nil
    }

    func spanInterval(_ unit: SpanUnit, offset: Int, publishedDay: Int) -> DateInterval {
        func days(_ first: Int, _ end: Int) -> DateInterval {
            DateInterval(
                start: Date(timeIntervalSince1970: TimeInterval(first * 86400)),
                end: Date(timeIntervalSince1970: TimeInterval(end * 86400)))
        }
        let weekday = CivilDate.weekday(days: publishedDay)
        switch unit {
        case .hour, .day:
            return days(publishedDay + offset, publishedDay + offset + 1)
        case .week:
            let monday = publishedDay - (weekday - 1) + 7 * offset
            return days(monday, monday + 7)
        case .weekend:
            // The latest weekend begun by publication; "next weekend" the one after.
            var saturday = publishedDay - (weekday - 1) + 5
            if saturday > publishedDay { saturday -= 7 }
            if offset > 0 { saturday += 7 }
            return days(saturday, saturday + 2)
        case .month:
            let today = CivilDate.date(days: publishedDay)
            var monthIndex = today.year * 12 + (today.month - 1) + offset
            let start = CivilDate.monthStart(year: monthIndex / 12, month: monthIndex % 12 + 1)
            monthIndex += 1
            let end = CivilDate.monthStart(year: monthIndex / 12, month: monthIndex % 12 + 1)
            return days(start, end)
        case .year:
            let year = CivilDate.date(days: publishedDay).year + offset
            return days(CivilDate.monthStart(year: year, month: 1), CivilDate.monthStart(year: year + 1, month: 1))
        }
    }
}
