import Foundation

/// Parses the date forms that feeds use in the wild. Returns nil rather than a wrong date.
///
/// Hand-written over UTF-8 bytes because feeds are parsed in bulk and `DateFormatter` is both
/// slow and too strict for what publishers actually emit. Accepted forms:
/// - RFC 822/1123/2822 (`Sun, 17 Sep 2017 08:30:00 GMT`) and RFC 850 (`Sunday, 17-Sep-17 08:30:00 GMT`),
///   with the usual breakage: missing or doubled comma, dotted times, ordinals, `Sept.`, `GMT+03:00`,
///   a parenthesised comment after the zone.
/// - RFC 3339 / ISO 8601 (`2017-09-17T08:30:00.123+03:00`, `20170917T083000Z`, space instead of `T`).
/// - W3C-DTF partial dates (`2017`, `2017-09`, `2017-09-17`), read as the first instant, in UTC.
/// - `2017/09/17 08:30`, `Sep 17, 2017 8:30 PM`, `17 September 2017`, asctime, Unix `date`, JavaScript
///   `Date.toString()`, and Russian month names (`17 сентября 2017 г. 08:30`).
///
/// Numeric day-first or month-first dates (`09/10/2017`) are rejected: their order cannot be known.
/// A missing zone means UTC. Weekday names are skipped, never checked.
public enum FeedDateParser {
    /// Parses `text` (surrounding whitespace allowed). Nil when the text is not a date it can read unambiguously.
    public static func parse(_ text: String) -> Date? {
        if let result = text.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0) }) {
            return result
        }
        return Array(text.utf8).withUnsafeBufferPointer { parse(bytes: $0) }
    }

    /// Formats as RFC 3339 in UTC with whole seconds: "2017-09-17T08:30:00Z". (Fractional seconds dropped.)
    ///
    /// Years outside 0000...9999 use the ISO 8601 expanded form (`+10000-01-01T00:00:00Z`), which RFC 3339
    /// itself cannot express.
    public static func rfc3339(_ date: Date) -> String {
        // Works from the reference-date interval: converting to 1970 first could round 23:59:59.9999 up.
        let interval = date.timeIntervalSinceReferenceDate
        // Clamps to about ±3 million years so that no Date, however absurd, overflows Int arithmetic.
        let limit = 1e14
        let clamped = interval.isNaN ? 0 : min(max(interval, -limit), limit)
        let total = Int(clamped.rounded(.down)) + referenceDateOffset
        let days = floorDivide(total, secondsPerDay)
        let secondOfDay = total - days * secondsPerDay
        let civil = civilFromDays(days)
        return String(unsafeUninitializedCapacity: 32) { buffer in
            var out = OutputCursor(buffer: buffer)
            out.writeYear(civil.year)
            out.write(UInt8(ascii: "-"))
            out.writeDigits(civil.month, width: 2)
            out.write(UInt8(ascii: "-"))
            out.writeDigits(civil.day, width: 2)
            out.write(UInt8(ascii: "T"))
            out.writeDigits(secondOfDay / 3600, width: 2)
            out.write(UInt8(ascii: ":"))
            out.writeDigits(secondOfDay / 60 % 60, width: 2)
            out.write(UInt8(ascii: ":"))
            out.writeDigits(secondOfDay % 60, width: 2)
            out.write(UInt8(ascii: "Z"))
            return out.count
        }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var scanner = ByteScanner(bytes)
        scanner.trimWhitespace()
        let fields = scanner.startsWithYear ? scanner.scanNumericDate() : scanner.scanTextualDate()
        return fields?.date
    }
}

// MARK: - Calendar arithmetic

extension FeedDateParser {
    fileprivate static let secondsPerDay = 86_400
    /// Seconds from 1970-01-01 to 2001-01-01, Foundation's reference date.
    fileprivate static let referenceDateOffset = 978_307_200

    fileprivate static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    fileprivate static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    fileprivate static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
    fileprivate static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9  // March-based, so leap day ends the year
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Inverse of `daysFromCivil` (Hinnant's civil_from_days).
    fileprivate static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

// MARK: - Parsed fields

extension FeedDateParser {
    /// Time of day as written, before validation.
    fileprivate struct TimeOfDay {
        var hour: Int
        var minute: Int
        var second = 0
        var fraction = 0.0
    }

    /// Everything a form can supply; validation happens once, in `date`.
    fileprivate struct Fields {
        var year: Int
        var month: Int
        var day: Int
        var time = TimeOfDay(hour: 0, minute: 0)
        /// Seconds east of UTC.
        var offset = 0

        var date: Date? {
            guard (1...9999).contains(year), (1...12).contains(month),
                day >= 1, day <= FeedDateParser.daysInMonth(month, year: year),
                (0...24).contains(time.hour), (0...59).contains(time.minute), (0...60).contains(time.second)
            else { return nil }
            // 24:00:00 is the end of the day, allowed by ISO 8601; 24:00:01 is not a time.
            if time.hour == 24 && (time.minute != 0 || time.second != 0 || time.fraction != 0) {
                return nil
            }
            let second = min(time.second, 59)  // Date cannot hold a leap second.
            let days = FeedDateParser.daysFromCivil(year: year, month: month, day: day)
            let seconds = days * FeedDateParser.secondsPerDay + time.hour * 3600 + time.minute * 60 + second - offset
            let whole = Double(seconds - FeedDateParser.referenceDateOffset)
            // The sum may round up to the next second for .999999999; keep it inside the written second.
            let interval = min(whole + time.fraction, (whole + 1).nextDown)
            return Date(timeIntervalSinceReferenceDate: interval)
        }
    }
}

// MARK: - Name tables

extension FeedDateParser {
    /// A name as lowercase Unicode scalars. `minimumPrefix` lets `Sep`, `Sept` and `September` share one entry.
    fileprivate struct Name: Sendable {
        let scalars: [UInt32]
        let value: Int
        let minimumPrefix: Int

        init(_ text: String, _ value: Int, minimumPrefix: Int = .max) {
            self.scalars = text.unicodeScalars.map(\.value)
            self.value = value
            self.minimumPrefix = minimumPrefix
        }
    }

    fileprivate static let englishMonths: [Name] = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ].enumerated().map { Name($0.element, $0.offset + 1, minimumPrefix: 3) }

    /// Genitive forms (as in dates) with their abbreviations, plus nominative forms that are not prefixes of them.
    fileprivate static let russianMonths: [Name] =
        [
            "января", "февраля", "марта", "апреля", "мая", "июня",
            "июля", "августа", "сентября", "октября", "ноября", "декабря",
        ].enumerated().map { Name($0.element, $0.offset + 1, minimumPrefix: 3) }
        + [
            ("январь", 1), ("февраль", 2), ("апрель", 4), ("май", 5), ("июнь", 6), ("июль", 7),
            ("сентябрь", 9), ("октябрь", 10), ("ноябрь", 11), ("декабрь", 12),
        ].map { Name($0.0, $0.1) }

    fileprivate static let englishWeekdays: [Name] = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ].map { Name($0, 0, minimumPrefix: 3) }

    fileprivate static let russianWeekdays: [Name] = [
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "пн", "вт", "ср", "чт", "пт", "сб", "вс",
    ].map { Name($0, 0) }

    /// Zone abbreviations with one well-known meaning, in seconds east of UTC. Ambiguous ones (IST) are absent.
    fileprivate static let zoneNames: [Name] = [
        ("gmt", 0), ("ut", 0), ("utc", 0), ("wet", 0), ("west", 60),
        ("est", -300), ("edt", -240), ("cst", -360), ("cdt", -300),
        ("mst", -420), ("mdt", -360), ("pst", -480), ("pdt", -420),
        ("akst", -540), ("akdt", -480), ("hst", -600),
        ("bst", 60), ("cet", 60), ("cest", 120), ("eet", 120), ("eest", 180), ("msk", 180),
        ("hkt", 480), ("sgt", 480), ("jst", 540), ("kst", 540),
        ("aest", 600), ("aedt", 660), ("nzst", 720), ("nzdt", 780),
    ].map { Name($0.0, $0.1 * 60) }

    /// Names that may carry an explicit offset, as in Java's and JavaScript's `GMT+03:00`.
    fileprivate static let universalNames: [Name] = [Name("gmt", 0), Name("ut", 0), Name("utc", 0)]
    fileprivate static let ordinalSuffixes: [Name] = ["st", "nd", "rd", "th"].map { Name($0, 0) }
    fileprivate static let meridiems: [Name] = [Name("am", 0), Name("pm", 12)]
    /// Words between a date and its time: "September 17, 2017 at 8:30 pm", "17 мая 2017 в 10:00".
    fileprivate static let connectors: [Name] = [Name("at", 0), Name("в", 0)]
    /// Russian "year" after the year number: "2017 г.", "2017 года".
    fileprivate static let yearWords: [Name] = [Name("г", 0), Name("года", 0)]
}

// MARK: - ByteScanner

extension FeedDateParser {
    /// A run of letters: ASCII letters or any non-ASCII bytes (Cyrillic names).
    fileprivate struct Word {
        let start: Int
        let end: Int
    }

    fileprivate struct Number {
        let value: Int
        let digits: Int
    }

    /// A cursor over the trimmed input. Every `scan` method consumes the rest of the input or fails.
    fileprivate struct ByteScanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var end: Int

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            self.end = bytes.count
        }

        // MARK: Primitives

        var atEnd: Bool { position >= end }

        /// The byte at `index`, or 0 past the end, so that lookahead needs no bounds checks at call sites.
        func byte(at index: Int) -> UInt8 { index < end ? bytes[index] : 0 }
        var current: UInt8 { byte(at: position) }

        static func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }
        static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- UInt8(ascii: "a") < 26 || c >= 0x80 }

        var startsWithYear: Bool {
            (0..<4).allSatisfy { ByteScanner.isDigit(byte(at: position + $0)) }
        }

        mutating func trimWhitespace() {
            while position < end && ByteScanner.isSpace(bytes[position]) { position += 1 }
            while end > position && ByteScanner.isSpace(bytes[end - 1]) { end -= 1 }
        }

        @discardableResult
        mutating func skip(while predicate: (UInt8) -> Bool) -> Int {
            let start = position
            while position < end && predicate(bytes[position]) { position += 1 }
            return position - start
        }

        @discardableResult
        mutating func skipSpaces() -> Int { skip(while: ByteScanner.isSpace) }

        mutating func consume(_ c: UInt8) -> Bool {
            guard current == c else { return false }
            position += 1
            return true
        }

        /// Reads a run of digits. The value stops growing after 18 digits; `digits` still tells the length.
        mutating func number() -> Number? {
            let start = position
            var value = 0
            while ByteScanner.isDigit(current) {
                if position - start < 18 { value = value * 10 + Int(current - UInt8(ascii: "0")) }
                position += 1
            }
            return position > start ? Number(value: value, digits: position - start) : nil
        }

        mutating func word() -> Word? {
            let start = position
            skip(while: ByteScanner.isLetter)
            return position > start ? Word(start: start, end: position) : nil
        }

        // MARK: Names

        /// Decodes one scalar (ASCII or two-byte UTF-8) and lowercases Latin and Cyrillic letters.
        /// Anything else decodes to a value above U+10FFFF so that it never matches a table.
        func foldedScalar(at index: Int, limit: Int) -> (scalar: UInt32, length: Int) {
            let lead = bytes[index]
            if lead < 0x80 {
                let c = UInt32(lead)
                return (c &- 0x41 < 26 ? c + 0x20 : c, 1)
            }
            if lead & 0xE0 == 0xC0 && index + 1 < limit && bytes[index + 1] & 0xC0 == 0x80 {
                let c = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                if c &- 0x410 < 32 { return (c + 0x20, 2) }  // А-Я
                if c == 0x401 { return (0x451, 2) }  // Ё
                return (c, 2)
            }
            return (0x110000 + UInt32(lead), 1)
        }

        func matches(_ word: Word, _ name: Name) -> Bool {
            var index = word.start
            var matched = 0
            while index < word.end {
                guard matched < name.scalars.count else { return false }
                let (scalar, length) = foldedScalar(at: index, limit: word.end)
                guard scalar == name.scalars[matched] else { return false }
                index += length
                matched += 1
            }
            return matched == name.scalars.count || matched >= name.minimumPrefix
        }

        func lookup(_ word: Word, in table: [Name]) -> Int? {
            for name in table where matches(word, name) { return name.value }
            return nil
        }

        /// Looks in the English or the Russian table, chosen by the first byte.
        func lookup(_ word: Word, latin: [Name], cyrillic: [Name]) -> Int? {
            lookup(word, in: bytes[word.start] < 0x80 ? latin : cyrillic)
        }

        func month(_ word: Word) -> Int? {
            lookup(word, latin: FeedDateParser.englishMonths, cyrillic: FeedDateParser.russianMonths)
        }

        /// Consumes `word` if it is one of `table`'s names; otherwise leaves the position alone.
        mutating func consumeWord(in table: [Name]) -> Int? {
            let start = position
            if let word = word(), let value = lookup(word, in: table) { return value }
            position = start
            return nil
        }

        // MARK: Time and zone

        /// `8:30`, `08:30:00`, `08:30:00.123`, with dots (`08.30.00`) in textual dates and
        /// basic `0830` / `083000` in ISO dates.
        mutating func timeOfDay(allowDots: Bool, allowBasic: Bool) -> TimeOfDay? {
            guard let hour = number() else { return nil }
            switch hour.digits {
            case 1, 2:
                let separator = current
                guard separator == UInt8(ascii: ":") || (allowDots && separator == UInt8(ascii: ".")) else {
                    return nil
                }
                position += 1
                guard let minute = number(), minute.digits == 2 else { return nil }
                var time = TimeOfDay(hour: hour.value, minute: minute.value)
                if current == separator && ByteScanner.isDigit(byte(at: position + 1)) {
                    position += 1
                    guard let second = number(), second.digits == 2 else { return nil }
                    time.second = second.value
                    // With dots as separators a further dot cannot be a decimal point.
                    if separator == UInt8(ascii: ":") { time.fraction = fraction() }
                }
                return time
            case 4 where allowBasic:
                return TimeOfDay(hour: hour.value / 100, minute: hour.value % 100)
            case 6 where allowBasic:
                return TimeOfDay(
                    hour: hour.value / 10_000, minute: hour.value / 100 % 100,
                    second: hour.value % 100, fraction: fraction())
            default:
                return nil
            }
        }

        /// Decimal fraction of a second after `.` or `,`; digits beyond nanoseconds are read and ignored.
        mutating func fraction() -> Double {
            guard current == UInt8(ascii: ".") || current == UInt8(ascii: ","),
                ByteScanner.isDigit(byte(at: position + 1))
            else { return 0 }
            position += 1
            var value = 0
            var scale = 1
            while ByteScanner.isDigit(current) {
                if scale < 1_000_000_000 {
                    value = value * 10 + Int(current - UInt8(ascii: "0"))
                    scale *= 10
                }
                position += 1
            }
            return Double(value) / Double(scale)
        }

        /// Applies a following `am`/`pm`. Returns false for a time that cannot carry one (`13:00 pm`).
        mutating func applyMeridiem(to time: inout TimeOfDay) -> Bool {
            let start = position
            skipSpaces()
            guard let pm = consumeWord(in: FeedDateParser.meridiems) else {
                position = start
                return true
            }
            guard (1...12).contains(time.hour) else { return false }
            time.hour = time.hour % 12 + pm
            return true
        }

        /// A zone in seconds east of UTC: numeric, named, military letter, or `GMT+03:00`.
        mutating func zone() -> Int? {
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
                return numericOffset(shortHours: false)
            }
            guard let word = word() else { return nil }
            if word.end - word.start == 1 {
                return militaryOffset(bytes[word.start])
            }
            if lookup(word, in: FeedDateParser.universalNames) != nil,
                current == UInt8(ascii: "+") || current == UInt8(ascii: "-")
            {
                return numericOffset(shortHours: true)
            }
            return lookup(word, in: FeedDateParser.zoneNames)
        }

        /// `+03`, `+0300`, `+03:00` (and `+3` after `GMT`). Offsets beyond ±18:00 are not real.
        mutating func numericOffset(shortHours: Bool) -> Int? {
            let sign = current == UInt8(ascii: "-") ? -1 : 1
            position += 1
            guard let digits = number() else { return nil }
            var hours = digits.value
            var minutes = 0
            switch digits.digits {
            case 1 where shortHours, 2:
                if consume(UInt8(ascii: ":")) {
                    guard let minute = number(), minute.digits == 2 else { return nil }
                    minutes = minute.value
                }
            case 4:
                hours = digits.value / 100
                minutes = digits.value % 100
            default:
                return nil
            }
            guard hours <= 18, minutes <= 59 else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        }

        /// RFC 822 military zones: A-I are +1..+9, K-M +10..+12, N-Y -1..-12, Z is UTC; J is local time, unknown.
        func militaryOffset(_ letter: UInt8) -> Int? {
            let c = Int(letter | 0x20) - Int(UInt8(ascii: "a"))
            let hours: Int
            switch c {
            case 0...8: hours = c + 1
            case 10...12: hours = c
            case 13...24: hours = 12 - c
            case 25: hours = 0
            default: return nil
            }
            return hours * 3600
        }

        /// The optional zone and `(comment)` that close every form, then the end of input.
        mutating func finish(_ fields: Fields) -> Fields? {
            var fields = fields
            skipSpaces()
            if !atEnd && current != UInt8(ascii: "(") {
                guard let offset = zone() else { return nil }
                fields.offset = offset
            }
            return finishComment() ? fields : nil
        }

        /// Skips a trailing `(UTC)`-style comment; true when nothing else follows.
        mutating func finishComment() -> Bool {
            skipSpaces()
            if consume(UInt8(ascii: "(")) {
                skip { $0 != UInt8(ascii: ")") }
                guard consume(UInt8(ascii: ")")) else { return false }
                skipSpaces()
            }
            return atEnd
        }

        // MARK: Forms

        /// Dates that start with a four-digit year: ISO 8601 / RFC 3339, W3C-DTF partial dates,
        /// basic `20170917T083000Z`, and `2017/09/17`.
        mutating func scanNumericDate() -> Fields? {
            guard let first = number() else { return nil }
            if first.digits == 8 {
                let fields = Fields(year: first.value / 10_000, month: first.value / 100 % 100, day: first.value % 100)
                if atEnd { return fields }
                guard consume(UInt8(ascii: "T")) || consume(UInt8(ascii: "t")) else { return nil }
                return scanISOTime(fields)
            }
            guard first.digits == 4 else { return nil }
            var fields = Fields(year: first.value, month: 1, day: 1)
            if atEnd { return fields }
            let separator = current
            guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".")
            else { return nil }
            position += 1
            guard let month = number(), month.digits <= 2 else { return nil }
            fields.month = month.value
            // Year-month alone is W3C-DTF; `2017/09` or `2017.09` is too likely to be something else.
            if atEnd { return separator == UInt8(ascii: "-") ? fields : nil }
            guard consume(separator), let day = number(), day.digits <= 2 else { return nil }
            fields.day = day.value
            if atEnd { return fields }
            if !consume(UInt8(ascii: "T")) && !consume(UInt8(ascii: "t")) {
                guard skipSpaces() > 0 else { return nil }
            }
            return scanISOTime(fields)
        }

        mutating func scanISOTime(_ fields: Fields) -> Fields? {
            var fields = fields
            guard let time = timeOfDay(allowDots: false, allowBasic: true) else { return nil }
            fields.time = time
            return finish(fields)
        }

        /// Dates that start with a word or a day number: RFC 822 and its relatives, optionally after a weekday.
        mutating func scanTextualDate() -> Fields? {
            skipWeekday()
            if ByteScanner.isDigit(current) { return scanDayMonthYear() }
            guard let word = word(), let month = month(word) else { return nil }
            return scanMonthDayYear(month: month)
        }

        mutating func skipWeekday() {
            let start = position
            guard let word = word(),
                lookup(word, latin: FeedDateParser.englishWeekdays, cyrillic: FeedDateParser.russianWeekdays) != nil
            else {
                position = start
                return
            }
            skip { ByteScanner.isSpace($0) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }
        }

        /// A 1-2 digit day with an optional English ordinal suffix (`17th`).
        mutating func dayOfMonth() -> Int? {
            guard let day = number(), day.digits <= 2 else { return nil }
            _ = consumeWord(in: FeedDateParser.ordinalSuffixes)
            return day.value
        }

        /// `17 Sep 2017`, `17-Sep-17`, `17 сентября 2017 г.`, then an optional time and zone.
        mutating func scanDayMonthYear() -> Fields? {
            guard let day = dayOfMonth() else { return nil }
            let isSeparator: (UInt8) -> Bool = {
                ByteScanner.isSpace($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/")
            }
            guard skip(while: isSeparator) > 0, let word = word(), let month = month(word) else { return nil }
            skip { isSeparator($0) || $0 == UInt8(ascii: ",") }
            guard let year = number() else { return nil }
            // RFC 2822 §4.3: 00-49 are 2000s, 50-99 are 1900s, three digits are years since 1900.
            let fullYear: Int
            switch year.digits {
            case 2: fullYear = year.value < 50 ? 2000 + year.value : 1900 + year.value
            case 3: fullYear = 1900 + year.value
            case 4: fullYear = year.value
            default: return nil
            }
            let start = position
            skipSpaces()
            if consumeWord(in: FeedDateParser.yearWords) != nil {
                _ = consume(UInt8(ascii: "."))
            } else {
                position = start
            }
            return scanTimeAndZone(Fields(year: fullYear, month: month, day: day))
        }

        /// `Sep 17, 2017 ...` and JavaScript's `Sep 17 2017 ...`, or asctime's `Sep 17 08:30:00 [zone] 2017`.
        mutating func scanMonthDayYear(month: Int) -> Fields? {
            skip { ByteScanner.isSpace($0) || $0 == UInt8(ascii: ".") }
            guard let day = dayOfMonth() else { return nil }
            var hasComma = false
            while ByteScanner.isSpace(current) || current == UInt8(ascii: ",") {
                hasComma = hasComma || current == UInt8(ascii: ",")
                position += 1
            }
            let start = position
            guard let year = number() else { return nil }
            if year.digits == 4 && current != UInt8(ascii: ":") && current != UInt8(ascii: ".") {
                return scanTimeAndZone(Fields(year: year.value, month: month, day: day))
            }
            guard !hasComma else { return nil }
            position = start
            return scanAsctimeRest(Fields(year: 0, month: month, day: day))
        }

        /// asctime and Unix `date`: time, optional zone, then a four-digit year.
        mutating func scanAsctimeRest(_ fields: Fields) -> Fields? {
            var fields = fields
            guard let time = timeOfDay(allowDots: false, allowBasic: false) else { return nil }
            fields.time = time
            skipSpaces()
            if !ByteScanner.isDigit(current) {
                guard let offset = zone() else { return nil }
                fields.offset = offset
                skipSpaces()
            }
            guard let year = number(), year.digits == 4 else { return nil }
            fields.year = year.value
            return finishComment() ? fields : nil
        }

        /// What may follow a complete textual date: `, at 8:30 pm`, `08.30.00`, then the zone.
        mutating func scanTimeAndZone(_ fields: Fields) -> Fields? {
            var fields = fields
            skip { ByteScanner.isSpace($0) || $0 == UInt8(ascii: ",") }
            let start = position
            if consumeWord(in: FeedDateParser.connectors) != nil {
                guard skipSpaces() > 0, ByteScanner.isDigit(current) else {
                    position = start
                    return nil
                }
            }
            if ByteScanner.isDigit(current) {
                guard var time = timeOfDay(allowDots: true, allowBasic: false),
                    applyMeridiem(to: &time)
                else { return nil }
                fields.time = time
            }
            return finish(fields)
        }
    }
}

// MARK: - Output

extension FeedDateParser {
    /// Writes ASCII into the uninitialized buffer that `String(unsafeUninitializedCapacity:)` hands out.
    fileprivate struct OutputCursor {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        mutating func write(_ byte: UInt8) {
            buffer[count] = byte
            count += 1
        }

        /// Zero-padded decimal of a non-negative value.
        mutating func writeDigits(_ value: Int, width: Int) {
            var digits = 1
            var power = 10
            while power <= value {
                digits += 1
                power *= 10
            }
            for _ in digits..<max(width, digits) { write(UInt8(ascii: "0")) }
            var divisor = power / 10
            while divisor > 0 {
                write(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }

        mutating func writeYear(_ year: Int) {
            if year < 0 {
                write(UInt8(ascii: "-"))
            } else if year > 9999 {
                write(UInt8(ascii: "+"))
            }
            writeDigits(abs(year), width: 4)
        }
    }
}
