import Foundation

/// Splits an article into sentences in one pass over its UTF-8 bytes.
///
/// News text defeats the "period, space, capital" rule at every turn: titles and ranks
/// ("Maj. Gen."), dates ("Sept. 16"), initials, "U.S." before a name, quotations that run over
/// several sentences to their attribution. Each candidate end is judged from the word before it
/// and the word after it, so the scan stays linear and allocates only the sentences it returns.
public enum SentenceSplitter {
    /// All sentences of `text` (an article: title, blank line, body paragraphs separated by blank
    /// lines), in order, each with its `range` (UTF-8 offsets into `text`) and paragraph number.
    /// Leading/trailing spaces trimmed from each.
    public static func split(_ text: String) -> [Sentence] {
        var text = text
        var sentences: [Sentence] = []
        text.withUTF8 { bytes in
            scan(bytes) { start, end, paragraph in
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
                sentences.append(
                    Sentence(
                        text: String(decoding: slice, as: UTF8.self), range: TextRange(start, end),
                        paragraph: paragraph))
            }
        }
        return sentences
    }

    /// Reports every sentence as (start, end, paragraph), trimmed and non-empty, without building
    /// strings: `ArticleSentences` classifies from the bytes and builds only what it keeps.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ sink: (Int, Int, Int) -> Void) {
        guard bytes.count > 0, let base = bytes.baseAddress else { return }
        interestingBytes.withUnsafeBufferPointer { interesting in
            var machine = Machine(bytes: bytes, interesting: interesting)
            var paragraph = 0
            var lineStart = 0
            var paragraphStart = -1
            var paragraphEnd = 0
            let count = bytes.count
            while lineStart < count {
                var lineEnd = count
                if let found = memchr(base + lineStart, 0x0A, count - lineStart) {
                    lineEnd = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                }
                if Text.isBlank(bytes, lineStart, lineEnd) {
                    if paragraphStart >= 0 {
                        machine.paragraph(paragraphStart, paragraphEnd, index: paragraph, sink)
                        paragraph += 1
                        paragraphStart = -1
                    }
                } else {
                    if paragraphStart < 0 { paragraphStart = lineStart }
                    paragraphEnd = lineEnd
                }
                lineStart = lineEnd + 1
            }
            if paragraphStart >= 0 { machine.paragraph(paragraphStart, paragraphEnd, index: paragraph, sink) }
        }
    }

    /// Bytes the scan must stop at: line feeds, terminators, quotes, and the lead bytes of the
    /// multi-byte ones (“ ” „ … « » ؟ 。). Everything else, including all letters, is skipped.
    private static let interestingBytes: [Bool] = (0...255).map { byte in
        [0x0A, 0x21, 0x22, 0x2E, 0x3F, 0xC2, 0xD8, 0xE2, 0xE3].contains(byte)
    }

    /// How a word ending in a period bears on the sentence end there.
    enum Abbreviation: UInt8 {
        /// A rank or title ("Gen.", "Dr.", "vs."): a name follows, never a sentence end.
        case title
        /// Wants a number after it ("No.", "Sept.", "etc."): ends a sentence before a capital.
        case numeric
        /// May end a sentence ("U.S.", "Inc.", "a.m."): only before a word that usually opens one.
        case judged
        /// A single capital ("E." in "Paul E. Funk"): judged like the above.
        case initial
        /// Russian "г.": a year before it makes it "год" (judged), otherwise "город" (a title).
        case russianYearOrCity
    }

    /// Abbreviations keyed by their bytes packed into an integer (all are at most 8 bytes), so
    /// the lookup at each candidate end builds no string.
    static let abbreviations: [UInt64: Abbreviation] = {
        var table: [UInt64: Abbreviation] = [:]
        let titles = [
            "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mme", "Mlle", "Dr", "Drs", "Prof", "Gen", "Gens", "Maj", "Lt", "Col",
            "Adm", "Sgt", "Capt", "Cpt", "Cmdr", "Cdr", "Brig", "Cpl", "Pvt", "Pfc", "Spc", "Sen", "Sens", "Rep",
            "Reps", "Gov", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Fr", "Amb", "Atty", "Sec", "Ft", "vs", "v",
            "cf", "viz", "approx", "ген", "проф", "акад", "ул", "пр", "им", "пос", "см",
        ]
        let numeric = [
            "No", "Nos", "Nr", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "etc", "ca", "est", "Art", "Vol", "Fig", "pp", "ext", "tel",
        ]
        let judged = [
            "St", "Mt", "Inc", "Ltd", "Corp", "Co", "Cos", "Bros", "Plc", "Jr", "Sr", "Esq", "al", "Dept", "Univ",
            "Ave", "Blvd", "Rd", "Sq", "т.е", "т.д", "т.п", "т.н", "т.к", "др", "гг", "млн", "млрд", "тыс", "руб",
            "коп", "долл", "ст", "обл", "ред", "д", "р", "с",
        ]
        for word in titles { table[key(word)] = .title }
        for word in numeric { table[key(word)] = .numeric }
        for word in judged { table[key(word)] = .judged }
        table[key("г")] = .russianYearOrCity
        return table
    }()

    static func key(_ word: String) -> UInt64 { word.utf8.reduce(0) { $0 << 8 | UInt64($1) } }

    /// Words that usually open a sentence. After an abbreviation that can end one ("U.S.",
    /// "Inc.", an initial) a capitalized word is a new sentence only when it is one of these:
    /// "in the U.S. The next day" splits, "U.S. President" does not.
    static let openers: Set<String> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "In", "On", "At", "But", "And", "Or", "So",
        "Yet", "This", "That", "These", "Those", "There", "Then", "His", "Her", "Its", "Their", "Our", "My", "After",
        "Before", "As", "When", "While", "Where", "If", "Although", "Though", "However", "Meanwhile", "Earlier",
        "Later", "Last", "Since", "Some", "Many", "Most", "Several", "Both", "All", "One", "Two", "Officials",
        "Police", "According", "For", "From", "With", "Without", "Under", "Over", "By", "During", "Despite", "Also",
        "Still", "Now", "Today", "Yesterday", "What", "Who", "Why", "How", "Such", "Other", "Another", "Each",
        "Every", "Neither", "Nor", "Not", "Instead", "Separately", "Here", "Once", "Until", "Asked", "No",
        "В", "Во", "На", "Но", "По", "С", "Со", "Это", "Он", "Она", "Они", "Оно", "Мы", "Я", "Как", "Также",
        "Однако", "Ранее", "Кроме", "После", "При", "Для", "Так", "Тогда", "Затем", "Позже", "Сейчас", "Сегодня",
        "Вчера", "Теперь", "Поэтому", "Из", "К", "У", "О", "Об", "А", "И", "Его", "Её", "Ее", "Их", "Все", "Уже",
        "Что", "Между", "Там", "Здесь",
    ]

    /// The splitting state of one paragraph: where the current sentence starts and which
    /// quotation, if any, is open.
    private struct Machine {
        let p: UnsafeBufferPointer<UInt8>
        let interesting: UnsafeBufferPointer<Bool>
        var paragraphStart = 0
        var paragraphEnd = 0
        var index = 0
        var start = 0
        /// The current sentence is a bullet item: it ends at its line's end.
        var bullet = false
        /// The open quotation: 0 none, 1 `"`, 2 `“`, 3 `„`, 4 `«` (with `depth` for nesting).
        var quote: UInt8 = 0
        var depth = 0
        /// Whether the open quotation runs on to its attribution: -1 not yet looked at.
        var continues: Int8 = -1

        init(bytes: UnsafeBufferPointer<UInt8>, interesting: UnsafeBufferPointer<Bool>) {
            p = bytes
            self.interesting = interesting
        }

        mutating func paragraph(_ from: Int, _ to: Int, index: Int, _ sink: (Int, Int, Int) -> Void) {
            paragraphStart = from
            paragraphEnd = to
            self.index = index
            quote = 0
            depth = 0
            continues = -1
            start = begin(at: from)
            var i = start
            // A dateline ("DAMASCUS, Sept. 16 /TASS/.") opens the body: its periods end nothing.
            if index <= 1, let dateline = Boilerplate.datelineMatch(p, from: start, to: to) {
                i = dateline.end
            }
            while i < to {
                let byte = p[i]
                if !interesting[Int(byte)] {
                    i += 1
                    continue
                }
                switch byte {
                case 0x0A:
                    i = newline(at: i, sink)
                case 0x22:
                    straightQuote(at: i)
                    i += 1
                case 0x2E, 0x21, 0x3F:
                    i = terminator(at: i, sink)
                case 0xC2:
                    if i + 1 < to {
                        if p[i + 1] == 0xAB {
                            openQuote(4)
                        } else if p[i + 1] == 0xBB, quote == 4 {
                            depth -= 1
                            if depth == 0 { closeQuote() }
                        }
                    }
                    i += 1
                case 0xE2:
                    guard i + 2 < to, p[i + 1] == 0x80 else {
                        i += 1
                        continue
                    }
                    switch p[i + 2] {
                    case 0x9C:  // “ opens, or closes „
                        if quote == 3 {
                            closeQuote()
                        } else if quote == 0, atWordStart(i) {
                            openQuote(2)
                        }
                        i += 3
                    case 0x9D:  // ”
                        if quote == 2 || quote == 3 { closeQuote() }
                        i += 3
                    case 0x9E:  // „
                        if quote == 0 { openQuote(3) }
                        i += 3
                    case 0xA6:  // …
                        i = terminator(at: i, sink)
                    default:
                        i += 3
                    }
                case 0xD8:
                    if i + 1 < to, p[i + 1] == 0x9F {
                        i = terminator(at: i, sink)
                    } else {
                        i += 1
                    }
                case 0xE3:
                    if i + 2 < to, p[i + 1] == 0x80, p[i + 2] == 0x82 {
                        i = terminator(at: i, sink)
                    } else {
                        i += 1
                    }
                default:
                    i += 1
                }
            }
            emit(start, to, sink)
        }

        private func emit(_ from: Int, _ to: Int, _ sink: (Int, Int, Int) -> Void) {
            let (low, high) = Text.trim(p, from, to)
            if low < high { sink(low, high, index) }
        }

        /// Where a sentence starting at `position` really starts: after spaces and, at the start
        /// of a line, after a bullet or list number.
        private mutating func begin(at position: Int) -> Int {
            var s = Text.skipSpace(p, position, paragraphEnd)
            bullet = false
            if atLineStart(s) {
                let marker = Text.bulletLength(p, s, paragraphEnd)
                if marker > 0 {
                    bullet = true
                    s = Text.skipSpace(p, s + marker, paragraphEnd)
                }
            }
            return s
        }

        private func atLineStart(_ position: Int) -> Bool {
            var j = position
            while j > paragraphStart, p[j - 1] == 0x20 || p[j - 1] == 0x09 || p[j - 1] == 0x0D { j -= 1 }
            return j == paragraphStart || p[j - 1] == 0x0A
        }

        /// A line break inside a paragraph is a space, except around bullet items.
        private mutating func newline(at i: Int, _ sink: (Int, Int, Int) -> Void) -> Int {
            var next = i + 1
            while next < paragraphEnd, p[next] == 0x20 || p[next] == 0x09 || p[next] == 0x0D { next += 1 }
            guard bullet || Text.bulletLength(p, next, paragraphEnd) > 0 || parenthesizedLine(endingAt: i) else {
                return i + 1
            }
            emit(start, i, sink)
            start = begin(at: next)
            return start
        }

        /// A whole line in parentheses ("(Reporting by …)") stands alone, like a bullet item.
        private func parenthesizedLine(endingAt i: Int) -> Bool {
            var last = i
            while last > paragraphStart, p[last - 1] == 0x20 || p[last - 1] == 0x0D || p[last - 1] == 0x09 { last -= 1 }
            guard last > paragraphStart, p[last - 1] == 0x29 else { return false }
            var first = last - 1
            while first > paragraphStart, p[first - 1] != 0x0A { first -= 1 }
            first = Text.skipSpace(p, first, last)
            return p[first] == 0x28
        }

        private func atWordStart(_ i: Int) -> Bool {
            guard i > paragraphStart else { return true }
            let before = p[i - 1]
            return before == 0x20 || before == 0x09 || before == 0x0A || before == 0x28 || before == 0x5B
                || Text.whitespaceBefore(p, i, paragraphStart) > 0 || Text.dashBefore(p, i, paragraphStart)
        }

        private mutating func openQuote(_ kind: UInt8) {
            if quote == 0 {
                quote = kind
                depth = 1
                continues = -1
            } else if quote == 4, kind == 4 {
                depth += 1
            }
        }

        private mutating func closeQuote() {
            quote = 0
            depth = 0
            continues = -1
        }

        private mutating func straightQuote(at i: Int) {
            if quote == 1 {
                closeQuote()
            } else if quote == 0, atWordStart(i) {
                openQuote(1)
            }
        }

        /// Judges the terminator run at `i` ("." "?!" "..." "…" "؟" "。") with the closing quotes and
        /// brackets after it; returns where to go on scanning.
        private mutating func terminator(at i: Int, _ sink: (Int, Int, Int) -> Void) -> Int {
            let end = paragraphEnd
            var r = i
            var periods = 0
            var strong = false
            var ellipsis = false
            while r < end {
                let byte = p[r]
                if byte == 0x2E {
                    periods += 1
                    r += 1
                } else if byte == 0x21 || byte == 0x3F {
                    strong = true
                    r += 1
                } else if byte == 0xE2, r + 2 < end, p[r + 1] == 0x80, p[r + 2] == 0xA6 {
                    ellipsis = true
                    r += 3
                } else if byte == 0xD8, r + 1 < end, p[r + 1] == 0x9F {
                    strong = true
                    r += 2
                } else if byte == 0xE3, r + 2 < end, p[r + 1] == 0x80, p[r + 2] == 0x82 {
                    strong = true
                    r += 3
                } else {
                    break
                }
            }
            if periods >= 2 { ellipsis = true }
            // Closing quotes and brackets belong to the sentence they end; the quotation state
            // they leave is committed only if the sentence does end here.
            var k = r
            var openKind = quote
            var openDepth = depth
            closers: while k < end {
                switch p[k] {
                case 0x22:
                    if openKind == 1 { openKind = 0 }
                    k += 1
                case 0x27, 0x29, 0x5D:
                    k += 1
                case 0xE2 where k + 2 < end && p[k + 1] == 0x80:
                    switch p[k + 2] {
                    case 0x9D:
                        if openKind == 2 || openKind == 3 { openKind = 0 }
                    case 0x9C:
                        if openKind == 3 { openKind = 0 }
                    case 0x99:
                        break
                    default:
                        break closers
                    }
                    k += 3
                case 0xC2 where k + 1 < end && p[k + 1] == 0xBB:
                    if openKind == 4 {
                        openDepth -= 1
                        if openDepth == 0 { openKind = 0 }
                    }
                    k += 2
                default:
                    break closers
                }
            }
            guard k < end else { return r }
            var next = k
            if Text.whitespace(p, k, end) == 0 {
                // "killed six.Officials said": a lost space after a plain word.
                guard periods == 1, !strong, !ellipsis, k == r, gluedEnd(at: i) else { return r }
            } else {
                next = Text.skipSpace(p, k, end)
                guard next < end, ends(at: i, period: periods == 1 && !strong && !ellipsis, next: next) else {
                    return r
                }
            }
            if openKind != 0 {
                if continues < 0 { continues = quotationContinues(from: k, kind: openKind, depth: openDepth) ? 1 : 0 }
                if continues == 1 { return r }
            }
            emit(start, k, sink)
            if openKind != quote || openDepth != depth {
                quote = openKind
                depth = openDepth
                continues = -1
            }
            start = begin(at: next)
            return start
        }

        /// Whether the terminator at `i`, followed by spaces and then the text at `next`, ends a sentence.
        private func ends(at i: Int, period: Bool, next: Int) -> Bool {
            let end = paragraphEnd
            let (following, _) = Text.scalar(p, next, end)
            if Text.isLower(following) { return false }
            // `?» — спросил он`, `." - the minister added`: the attribution goes on after a dash.
            let dash = Text.dashLength(p, next, end)
            if dash > 0 {
                let after = Text.skipSpace(p, next + dash, end)
                if after < end, Text.isLower(Text.scalar(p, after, end).0) { return false }
            }
            guard period else { return true }
            guard let abbreviation = abbreviation(endingAt: i) else { return true }
            let nextIsDigit = Text.isDigit(following)
            let nextIsUpper = Text.isUpper(following)
            switch abbreviation {
            case .title:
                return false
            case .numeric:
                return !nextIsDigit
            case .judged, .initial, .russianYearOrCity:
                if nextIsUpper { return opensSentence(at: next) }
                if following == "(" { return false }
                return !(nextIsDigit && abbreviation != .initial)
            }
        }

        /// The abbreviation class of the word just before the period at `i`, or nil for a plain word.
        private func abbreviation(endingAt i: Int) -> Abbreviation? {
            var wordStart = i
            var letters = 0
            var segment = 0
            var longestSegment = 0
            var dotted = false
            var firstUpper = false
            while wordStart > paragraphStart, i - wordStart <= 16 {
                let j = Text.scalarStart(before: wordStart, p, paragraphStart)
                let (scalar, _) = Text.scalar(p, j, i)
                if Text.isLetter(scalar) {
                    letters += 1
                    segment += 1
                    longestSegment = max(longestSegment, segment)
                    firstUpper = Text.isUpper(scalar)
                } else if scalar == ".", wordStart < i {
                    dotted = true
                    segment = 0
                } else if Text.isDigit(scalar) {
                    return nil
                } else {
                    break
                }
                wordStart = j
            }
            guard letters > 0, i - wordStart <= 16 else { return nil }
            if i - wordStart <= 8 {
                var key: UInt64 = 0
                for k in wordStart..<i { key = key << 8 | UInt64(p[k]) }
                if let found = SentenceSplitter.abbreviations[key] {
                    guard found == .russianYearOrCity else { return found }
                    // "в 2017 г." (year) against "в г. Москве" (city).
                    var before = wordStart
                    while before > paragraphStart, Text.whitespaceBefore(p, before, paragraphStart) > 0 {
                        before -= Text.whitespaceBefore(p, before, paragraphStart)
                    }
                    let isYear = before > paragraphStart && p[before - 1] >= 0x30 && p[before - 1] <= 0x39
                    return isYear ? .judged : .title
                }
            }
            if letters == 1, !dotted, firstUpper { return .initial }
            if dotted, longestSegment <= 2, p[wordStart] != 0x2E { return .judged }
            return nil
        }

        /// Whether the capitalized word at `position` is one that usually opens a sentence (and
        /// is not itself an initial, "В. В. Иванов").
        private func opensSentence(at position: Int) -> Bool {
            let end = paragraphEnd
            var j = position
            var letters = 0
            while j < end, j - position <= 24 {
                let (scalar, length) = Text.scalar(p, j, end)
                guard Text.isLetter(scalar) else { break }
                letters += 1
                j += length
            }
            if letters == 1, j < end, p[j] == 0x2E { return false }
            guard j - position <= 24 else { return false }
            let word = String(decoding: UnsafeBufferPointer(rebasing: p[position..<j]), as: UTF8.self)
            return SentenceSplitter.openers.contains(word)
        }

        /// "six.Officials": lower-case letter, period, capital, lower-case letter, in a word that
        /// is not a link, an address or an abbreviation.
        private func gluedEnd(at i: Int) -> Bool {
            let end = paragraphEnd
            guard i > paragraphStart, i + 2 < end else { return false }
            func lower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
            guard lower(p[i - 1]), p[i + 1] >= 0x41, p[i + 1] <= 0x5A, lower(p[i + 2]) else { return false }
            var j = i
            while j > paragraphStart, j > i - 64 {
                let byte = p[j - 1]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 { break }
                if byte == 0x2F || byte == 0x40 || byte == 0x3A || byte == 0x2E || byte == 0x5F { return false }
                j -= 1
            }
            guard i - j >= 2 else { return false }
            var key: UInt64 = 0
            if i - j <= 8 {
                for k in j..<i { key = key << 8 | UInt64(p[k]) }
                if SentenceSplitter.abbreviations[key] != nil { return false }
            }
            var after = i + 1
            while after < end, after < i + 64 {
                let byte = p[after]
                if byte == 0x20 || byte == 0x0A || byte == 0x2C { break }
                if byte == 0x2F || byte == 0x40 || byte == 0x2E { return false }
                after += 1
            }
            return true
        }

        /// Whether the quotation open at `from` runs on to its attribution (`…terrorists,"
        /// Konashenkov said`, `…?» — спросил он`): then no sentence ends inside it.
        private func quotationContinues(from: Int, kind: UInt8, depth: Int) -> Bool {
            let end = paragraphEnd
            var j = from
            var level = depth
            var closer = -1
            var closerLength = 0
            while j < end, closer < 0 {
                let byte = p[j]
                if byte == 0x22, kind == 1 {
                    closer = j
                    closerLength = 1
                } else if byte == 0xE2, j + 2 < end, p[j + 1] == 0x80,
                    (p[j + 2] == 0x9D && (kind == 2 || kind == 3)) || (p[j + 2] == 0x9C && kind == 3)
                {
                    closer = j
                    closerLength = 3
                } else if byte == 0xC2, kind == 4, j + 1 < end {
                    if p[j + 1] == 0xAB {
                        level += 1
                    } else if p[j + 1] == 0xBB {
                        level -= 1
                        if level == 0 {
                            closer = j
                            closerLength = 2
                        }
                    }
                }
                j += 1
            }
            guard closer >= 0 else { return false }
            let after = Text.skipSpace(p, closer + closerLength, end)
            if after < end {
                let (next, _) = Text.scalar(p, after, end)
                if Text.isLower(next) || next == "," || Text.dashLength(p, after, end) > 0 { return true }
            }
            var before = closer
            while before > paragraphStart, Text.whitespaceBefore(p, before, paragraphStart) > 0 {
                before -= Text.whitespaceBefore(p, before, paragraphStart)
            }
            guard before > paragraphStart else { return false }
            let last = p[before - 1]
            return last == 0x2C || last == 0x3B || Text.dashBefore(p, before, paragraphStart)
        }
    }
}

extension SentenceSplitter {
    /// Reading UTF-8 bytes without building characters: what the splitter, the boilerplate
    /// classifier and the dateline reader share.
    enum Text {
        @inline(__always)
        static func scalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Unicode.Scalar, Int) {
            let lead = p[i]
            if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            guard length > 1, i + length <= end else { return ("\u{FFFD}", 1) }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(p[i + k] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }

        /// The start of the scalar that ends just before `i`.
        @inline(__always)
        static func scalarStart(before i: Int, _ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
            var j = i - 1
            while j > start, p[j] & 0xC0 == 0x80, i - j < 4 { j -= 1 }
            return j
        }

        static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            if v < 0x80 { return v >= 0x41 && v <= 0x5A }
            if v >= 0x400, v <= 0x42F { return true }
            if v >= 0x430, v <= 0x45F { return false }
            return scalar.properties.isUppercase
        }

        static func isLower(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            if v < 0x80 { return v >= 0x61 && v <= 0x7A }
            if v >= 0x430, v <= 0x45F { return true }
            if v >= 0x400, v <= 0x42F { return false }
            return scalar.properties.isLowercase
        }

        static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
            if v >= 0x400, v <= 0x4FF { return true }
            return scalar.properties.isAlphabetic
        }

        static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

        /// The byte length of the space at `i` (ASCII spaces, no-break and typographic spaces,
        /// zero-width ones and a byte-order mark), or 0.
        @inline(__always)
        static func whitespace(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
            let byte = p[i]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                return 1
            case 0xC2:
                return i + 1 < end && p[i + 1] == 0xA0 ? 2 : 0
            case 0xE2:
                guard i + 2 < end else { return 0 }
                let second = p[i + 1]
                let third = p[i + 2]
                if second == 0x80, third <= 0x8B || third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
                if second == 0x81, third == 0x9F || third == 0xA0 { return 3 }
                return 0
            case 0xE3:
                return i + 2 < end && p[i + 1] == 0x80 && p[i + 2] == 0x80 ? 3 : 0
            case 0xEF:
                return i + 2 < end && p[i + 1] == 0xBB && p[i + 2] == 0xBF ? 3 : 0
            default:
                return 0
            }
        }

        /// The byte length of the space ending just before `i`, or 0.
        static func whitespaceBefore(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ start: Int) -> Int {
            guard i > start else { return 0 }
            let byte = p[i - 1]
            if byte < 0x80 { return whitespace(p, i - 1, i) }
            if i - 2 >= start, whitespace(p, i - 2, i) == 2 { return 2 }
            if i - 3 >= start, whitespace(p, i - 3, i) == 3 { return 3 }
            return 0
        }

        static func skipSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
            var j = i
            while j < end {
                let length = whitespace(p, j, end)
                if length == 0 { break }
                j += length
            }
            return j
        }

        static func trim(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> (Int, Int) {
            let low = skipSpace(p, from, to)
            var high = to
            while high > low {
                let length = whitespaceBefore(p, high, low)
                if length == 0 { break }
                high -= length
            }
            return (low, high)
        }

        static func isBlank(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
            skipSpace(p, from, to) >= to
        }

        /// The byte length of a dash at `i` ("-", "--", "–", "—", "−") standing as a word, or 0.
        static func dashLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
            var length = 0
            if p[i] == 0x2D {
                length = i + 1 < end && p[i + 1] == 0x2D ? 2 : 1
            } else if p[i] == 0xE2, i + 2 < end,
                (p[i + 1] == 0x80 && (p[i + 2] == 0x93 || p[i + 2] == 0x94 || p[i + 2] == 0x95))
                    || (p[i + 1] == 0x88 && p[i + 2] == 0x92)
            {
                length = 3
            }
            guard length > 0 else { return 0 }
            return i + length >= end || whitespace(p, i + length, end) > 0 ? length : 0
        }

        static func dashBefore(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ start: Int) -> Bool {
            guard i > start else { return false }
            if p[i - 1] == 0x2D { return true }
            guard i - 3 >= start, p[i - 3] == 0xE2 else { return false }
            return (p[i - 2] == 0x80 && (p[i - 1] == 0x93 || p[i - 1] == 0x94))
                || (p[i - 2] == 0x88 && p[i - 1] == 0x92)
        }

        /// The byte length of a bullet or list number at `i` ("- ", "• ", "* ", "1. ", "2) "), or 0.
        static func bulletLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
            guard i < end else { return 0 }
            func spaced(_ length: Int) -> Int {
                i + length < end && (p[i + length] == 0x20 || p[i + length] == 0x09) ? length : 0
            }
            let byte = p[i]
            switch byte {
            case 0x2D, 0x2A, 0x2B:
                return spaced(1)
            case 0x30...0x39:
                var j = i
                while j < end, j - i < 3, p[j] >= 0x30, p[j] <= 0x39 { j += 1 }
                guard j < end, p[j] == 0x2E || p[j] == 0x29 else { return 0 }
                return spaced(j + 1 - i)
            case 0xC2:
                return i + 1 < end && p[i + 1] == 0xB7 ? 2 : 0
            case 0xE2:
                guard i + 2 < end else { return 0 }
                switch (p[i + 1], p[i + 2]) {
                case (0x80, 0xA2), (0x80, 0xA3), (0x81, 0x83), (0x96, 0xAA), (0x96, 0xBA), (0x97, 0x8F):
                    return 3
                case (0x80, 0x93):
                    return spaced(3)
                default:
                    return 0
                }
            default:
                return 0
            }
        }
    }
}
