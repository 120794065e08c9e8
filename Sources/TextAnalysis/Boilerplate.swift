/// Where and from whom a story was filed, as its first words give it: "MOSCOW, Sept 17
/// (Reuters) - ", "BEIRUT (AP) — ", "DAMASCUS, Sept. 16 /TASS/. ", "WASHINGTON —".
public struct Dateline: Sendable, Hashable {
    /// The place as written, with a region after it ("KYIV, Ukraine").
    public var place: String
    /// The date as written ("Sept 17", "17 сентября"), when there is one.
    public var dateText: String?
    /// The outlet named in it ("Reuters", "AP", "TASS"), when there is one: a wire credit.
    public var outlet: String?
    /// The dateline through its closing mark (dash, slash or period), in the offsets of the text
    /// it was read from.
    public var range: TextRange

    public init(place: String, dateText: String?, outlet: String?, range: TextRange) {
        self.place = place
        self.dateText = dateText
        self.outlet = outlet
        self.range = range
    }
}

/// The parts of an article that are not news: credit lines, captions, links, notices. Claim
/// extraction must not read them as reports, and syndication wants the credits among them.
///
/// Checks look only at a sentence's first and last bytes (a prefix table bucketed by first
/// byte, a few suffixes, a photo credit's slash), so classifying every sentence of a corpus
/// costs about as much as splitting it.
public enum Boilerplate {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Whose copy it is: "This story was provided by …", "The post … appeared first on …",
        /// "По материалам …", "Source: …".
        case creditLine
        /// Who reported, wrote and edited it: "(Reporting by …; Editing by …)", "Additional
        /// reporting by …", "AP writer … contributed to this report.", "With reporting by …".
        case reportingBy
        /// "Photo: …", "FILE PHOTO: …", "(Photo by …/AFP via Getty Images)", "… REUTERS/Name", "Фото: …".
        case photoCaption
        /// "Read more: …", "READ MORE", "Click here …", "Читайте также".
        case readMore
        /// "© 2017 Reuters", "Copyright 2017 The Associated Press.", "All rights reserved."
        case copyright
        /// "Editor's note: …", "This story has been corrected …", "(Updates with …)", "Материал дополняется."
        case editorNote
        /// "Sign up for …", "Subscribe …", "Follow us on …", "Have a news tip?", "Подписывайтесь …".
        case subscribe
        /// "Related:", "Related coverage", "See also", "Смотрите также".
        case related
    }

    /// What kind of boilerplate a sentence (or a whole short paragraph) is, or nil for news prose.
    public static func kind(of sentence: String) -> Kind? {
        var sentence = sentence
        return sentence.withUTF8 { match($0, 0, $0.count)?.kind }
    }

    /// A dateline at the start of a sentence ("MOSCOW, Sept 17 (Reuters) - ", "BEIRUT (AP) — ",
    /// "DAMASCUS, Sept. 16 /TASS/. ", "WASHINGTON —", "МОСКВА, 17 сентября. /ТАСС/.",
    /// "Moscow, 17 September (Interfax) -"), or nil.
    public static func dateline(in sentence: String) -> Dateline? {
        var sentence = sentence
        return sentence.withUTF8 { bytes in
            let start = SentenceSplitter.Text.skipSpace(bytes, 0, bytes.count)
            return datelineMatch(bytes, from: start, to: bytes.count)?.dateline(bytes)
        }
    }

    /// Where a dateline closing on the agency's name and a dash ends, in UTF-8 bytes from the
    /// start of `text` ("Москва. 17 сентября. INTERFAX.RU - ", "Deir Ezzor, SANA – "); nil when
    /// the text does not open with one. See `agencyDatelineMatch`.
    public static func agencyDatelineEnd(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { agencyDatelineMatch($0, from: 0, to: $0.count)?.end }
    }

    // MARK: - Classification

    /// A classification, and whether it speaks for the rest of its (short) paragraph: a label
    /// ("Editor's note:", "FILE PHOTO:") or a photo credit makes the whole paragraph its kind.
    struct Match {
        var kind: Kind
        var coversParagraph: Bool
    }

    private enum Rule {
        case always
        /// Only the label itself, with nothing but punctuation after it ("Related", "READ MORE").
        case alone
        /// Only in a sentence of at most this many bytes ("Source: Reuters").
        case short(Int)
        /// Followed by names only: capitalized words, emails and "and" ("By Tom Perry",
        /// "Email Atlas Wire."), at least `words` of them, in at most `bytes` bytes.
        case names(words: Int, bytes: Int)
        /// Followed by a year, "©" or a capitalized holder ("Copyright 2017 …", not "Copyright disputes").
        case holder
        /// Only if the sentence also contains one of these (lower-cased).
        case containsAny([[UInt8]])
    }

    private struct Affix {
        let bytes: [UInt8]
        let kind: Kind
        let rule: Rule
        let covers: Bool

        init(_ text: String, _ kind: Kind, _ rule: Rule = .always, covers: Bool = false) {
            bytes = Array(text.utf8)
            self.kind = kind
            self.rule = rule
            self.covers = covers
        }
    }

    private static let social: [[UInt8]] = [
        "twitter", "facebook", "instagram", "telegram", "social media", "youtube", "tiktok", "whatsapp", "linkedin",
        "updates", " on x", "bluesky", "threads",
    ].map { Array($0.utf8) }

    /// Sentence openings, lower-cased (ASCII and Cyrillic), with the typographic apostrophe spelled out.
    private static let prefixes: [Affix] = [
        // Credit lines.
        Affix("this story was provided by", .creditLine), Affix("this article was provided by", .creditLine),
        Affix("this story was originally published", .creditLine),
        Affix("this article was originally published", .creditLine),
        Affix("this article originally appeared", .creditLine), Affix("this story originally appeared", .creditLine),
        Affix("this article first appeared", .creditLine), Affix("this story first appeared", .creditLine),
        Affix("originally published", .creditLine, .short(160)), Affix("provided by", .creditLine, .short(80)),
        Affix("distributed by", .creditLine, .short(80)), Affix("material from", .creditLine),
        Affix("with files from", .creditLine), Affix("(with files from", .creditLine),
        Affix("the post ", .creditLine, .containsAny([Array("appeared first on".utf8)])),
        Affix("source:", .creditLine, .short(100)), Affix("по материалам", .creditLine),
        Affix("источник:", .creditLine, .short(100)),
        // Reporting credits.
        Affix("reporting by", .reportingBy), Affix("(reporting by", .reportingBy),
        Affix("additional reporting", .reportingBy), Affix("(additional reporting", .reportingBy),
        Affix("with reporting by", .reportingBy), Affix("(with reporting by", .reportingBy),
        Affix("with additional reporting", .reportingBy), Affix("(with additional reporting", .reportingBy),
        Affix("reporting and writing by", .reportingBy), Affix("(reporting and writing by", .reportingBy),
        Affix("writing by", .reportingBy), Affix("(writing by", .reportingBy), Affix("editing by", .reportingBy),
        Affix("(editing by", .reportingBy), Affix("compiled by", .reportingBy), Affix("(compiled by", .reportingBy),
        Affix("written by", .reportingBy, .short(80)), Affix("by ", .reportingBy, .names(words: 2, bytes: 80)),
        // Photo captions: a label speaks for its paragraph.
        Affix("photo:", .photoCaption, covers: true), Affix("photos:", .photoCaption, covers: true),
        Affix("file photo", .photoCaption, covers: true), Affix("(file photo", .photoCaption, covers: true),
        Affix("(photo", .photoCaption, covers: true), Affix("photo by", .photoCaption, covers: true),
        Affix("photo credit", .photoCaption, covers: true), Affix("photograph:", .photoCaption, covers: true),
        Affix("photograph by", .photoCaption, covers: true), Affix("picture:", .photoCaption, covers: true),
        Affix("pictured:", .photoCaption, covers: true), Affix("image:", .photoCaption, covers: true),
        Affix("caption:", .photoCaption, covers: true), Affix("file -", .photoCaption, covers: true),
        Affix("file –", .photoCaption, covers: true), Affix("file —", .photoCaption, covers: true),
        Affix("file:", .photoCaption, covers: true), Affix("фото:", .photoCaption, covers: true),
        Affix("фото -", .photoCaption, covers: true), Affix("фото —", .photoCaption, covers: true),
        // Links out.
        Affix("read more", .readMore), Affix("read also", .readMore), Affix("also read", .readMore),
        Affix("read:", .readMore, covers: true), Affix("click here", .readMore), Affix("see more", .readMore),
        Affix("читайте также", .readMore), Affix("читайте:", .readMore, covers: true),
        Affix("подробнее:", .readMore, covers: true), Affix("подробнее читайте", .readMore),
        Affix("related:", .related, covers: true), Affix("related coverage", .related),
        Affix("related stories", .related), Affix("related articles", .related), Affix("related news", .related),
        Affix("related content", .related), Affix("related video", .related), Affix("related links", .related),
        Affix("related reading", .related), Affix("related", .related, .alone), Affix("see also", .related),
        Affix("recommended:", .related, covers: true), Affix("you may also like", .related),
        Affix("you might also like", .related), Affix("смотрите также", .related),
        Affix("по теме:", .related, covers: true), Affix("по теме", .related, .alone),
        Affix("также по теме", .related),
        // Copyright.
        Affix("©", .copyright), Affix("(c)", .copyright, .holder), Affix("copyright", .copyright, .holder),
        Affix("all rights reserved", .copyright), Affix("republished with permission", .copyright),
        Affix("reprinted with permission", .copyright), Affix("used with permission", .copyright),
        Affix("published with permission", .copyright), Affix("все права защищены", .copyright),
        Affix("при перепечатке", .copyright), Affix("при использовании материалов", .copyright),
        Affix("перепечатка", .copyright),
        // Notes about the story itself.
        Affix("editor's note", .editorNote, covers: true), Affix("editor’s note", .editorNote, covers: true),
        Affix("editors' note", .editorNote, covers: true), Affix("editors’ note", .editorNote, covers: true),
        Affix("editors note", .editorNote, covers: true), Affix("editor note", .editorNote, covers: true),
        Affix("note to editors", .editorNote, covers: true), Affix("note to readers", .editorNote, covers: true),
        Affix("this story has been", .editorNote), Affix("this article has been", .editorNote),
        Affix("this story was updated", .editorNote), Affix("this story was corrected", .editorNote),
        Affix("this article was updated", .editorNote), Affix("this article was corrected", .editorNote),
        Affix("this version of", .editorNote), Affix("this version corrects", .editorNote),
        Affix("this is a developing story", .editorNote), Affix("this story is developing", .editorNote),
        Affix("correction:", .editorNote, covers: true), Affix("clarification:", .editorNote, covers: true),
        Affix("(updates", .editorNote), Affix("(adds", .editorNote), Affix("(recasts", .editorNote),
        Affix("(corrects", .editorNote), Affix("(refiles", .editorNote), Affix("(this story", .editorNote),
        Affix("(this article", .editorNote), Affix("материал дополняется", .editorNote),
        Affix("материал обновляется", .editorNote), Affix("новость дополняется", .editorNote),
        Affix("новость обновляется", .editorNote),
        Affix("редакция ", .editorNote, .containsAny([Array("запрос".utf8)])),
        // Calls to action.
        Affix("sign up", .subscribe), Affix("subscribe", .subscribe), Affix("follow us", .subscribe),
        Affix("follow ", .subscribe, .containsAny(social)), Affix("get the latest", .subscribe),
        Affix("download the", .subscribe), Affix("download our", .subscribe), Affix("join our", .subscribe),
        Affix("join us on", .subscribe), Affix("like us on", .subscribe), Affix("have a news tip", .subscribe),
        Affix("have a tip", .subscribe), Affix("got a news tip", .subscribe), Affix("got a tip", .subscribe),
        Affix("send us", .subscribe), Affix("contact us", .subscribe), Affix("share this", .subscribe),
        Affix("support our journalism", .subscribe), Affix("email ", .subscribe, .names(words: 1, bytes: 64)),
        Affix("e-mail ", .subscribe, .names(words: 1, bytes: 64)), Affix("подписывайтесь", .subscribe),
        Affix("подпишитесь", .subscribe), Affix("следите за", .subscribe), Affix("присоединяйтесь", .subscribe),
    ]

    /// Sentence endings, lower-cased, matched before the final punctuation.
    private static let suffixes: [Affix] = [
        Affix("contributed to this report", .reportingBy), Affix("contributed to this story", .reportingBy),
        Affix("contributed to this article", .reportingBy), Affix("contributed reporting", .reportingBy),
        Affix(
            "contributed", .reportingBy,
            .containsAny(["writer", "reporter", "correspondent", "staff"].map { Array($0.utf8) })),
        Affix("all rights reserved", .copyright), Affix("все права защищены", .copyright),
        Affix("republished with permission", .copyright), Affix("via getty images", .photoCaption, covers: true),
        Affix("for further comment", .editorNote),
        Affix(
            "for comment", .editorNote,
            .containsAny(
                ["has contacted", "have contacted", "has reached out", "have reached out"].map { Array($0.utf8) })),
    ]

    /// Indices into `prefixes` by their first byte: a sentence is compared only with the few
    /// prefixes that start like it.
    private static let prefixBuckets: [[Int]] = {
        var buckets = [[Int]](repeating: [], count: 256)
        for (index, affix) in prefixes.enumerated() { buckets[Int(affix.bytes[0])].append(index) }
        return buckets
    }()

    /// Names that sign a photo on either side of its slash ("REUTERS/Omar Sanadiki", "Name/AFP").
    private static let photoAgencies: [[UInt8]] = [
        "getty images", "file photo", "ap photo", "anadolu agency", "ria novosti", "reuters", "afp", "ap", "epa",
        "tass", "sputnik", "xinhua", "anadolu", "pool", "handout", "sana", "anha", "efe", "dpa", "upi", "ansa",
        "file", "photo", "getty", "тасс", "риа новости", "риа",
    ].map { Array($0.utf8) }

    static func match(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Match? {
        let (start, end) = SentenceSplitter.Text.trim(p, from, to)
        guard start < end else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer -> Match? in
            let count = fold(p, start, min(end, start + 64), into: buffer)
            for index in prefixBuckets[Int(buffer[0])] {
                let affix = prefixes[index]
                let length = affix.bytes.count
                guard length <= count, affix.bytes.withUnsafeBufferPointer({ equal($0, buffer, at: 0) }) else {
                    continue
                }
                let rest = start + length
                if let last = affix.bytes.last, isWordByte(last), rest < end, isWordByte(p[rest]) { continue }
                guard satisfies(affix.rule, p, start, rest, end) else { continue }
                return Match(kind: affix.kind, coversParagraph: affix.covers || isLabelEnd(p, rest, end))
            }
            if let found = suffixMatch(p, start, end, buffer) { return found }
            if photoCredit(p, start, end) { return Match(kind: .photoCaption, coversParagraph: true) }
            return nil
        }
    }

    /// Copies `p[from..<to]` lower-cased (ASCII and Cyrillic, which keep their byte lengths).
    private static func fold(
        _ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var i = from
        var n = 0
        while i < to, n < buffer.count {
            let byte = p[i]
            if byte >= 0x41, byte <= 0x5A {
                buffer[n] = byte | 0x20
            } else if byte == 0xD0, i + 1 < to, n + 1 < buffer.count {
                let second = p[i + 1]
                if second >= 0x90, second <= 0x9F {
                    buffer[n] = 0xD0
                    buffer[n + 1] = second + 0x20
                } else if second >= 0xA0, second <= 0xAF {
                    buffer[n] = 0xD1
                    buffer[n + 1] = second - 0x20
                } else if second == 0x81 {
                    buffer[n] = 0xD1
                    buffer[n + 1] = 0x91
                } else {
                    buffer[n] = 0xD0
                    buffer[n + 1] = second
                }
                i += 2
                n += 2
                continue
            } else {
                buffer[n] = byte
            }
            i += 1
            n += 1
        }
        return n
    }

    private static func equal(
        _ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeMutableBufferPointer<UInt8>, at offset: Int
    ) -> Bool {
        for k in 0..<pattern.count where text[offset + k] != pattern[k] { return false }
        return true
    }

    /// A letter or digit byte, ASCII or part of a Cyrillic letter: a prefix ending in one must not
    /// run into another ("Related" is not "Relatedly").
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte == 0xD0
            || byte == 0xD1
    }

    /// Nothing after the label but a colon, punctuation or spaces.
    private static func isLabelEnd(_ p: UnsafeBufferPointer<UInt8>, _ rest: Int, _ end: Int) -> Bool {
        let next = SentenceSplitter.Text.skipSpace(p, rest, end)
        guard next < end else { return true }
        if p[next] == 0x3A { return true }
        for k in next..<end where p[k] != 0x2E && p[k] != 0x21 && p[k] != 0x20 { return false }
        return true
    }

    private static func satisfies(
        _ rule: Rule, _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ rest: Int, _ end: Int
    ) -> Bool {
        typealias Text = SentenceSplitter.Text
        switch rule {
        case .always:
            return true
        case .alone:
            let next = Text.skipSpace(p, rest, end)
            for k in next..<end where p[k] != 0x2E && p[k] != 0x3A && p[k] != 0x21 { return false }
            return true
        case .short(let limit):
            return end - start <= limit
        case .names(let minimum, let limit):
            guard end - start <= limit else { return false }
            var names = 0
            var i = Text.skipSpace(p, rest, end)
            while i < end {
                var wordEnd = i
                while wordEnd < end, p[wordEnd] != 0x20, p[wordEnd] != 0x2C { wordEnd += 1 }
                var word = wordEnd
                while word > i, p[word - 1] == 0x2E { word -= 1 }
                if word > i {
                    let (first, _) = Text.scalar(p, i, word)
                    let text = String(decoding: UnsafeBufferPointer(rebasing: p[i..<word]), as: UTF8.self)
                    if Text.isUpper(first) || Text.isDigit(first) || text.contains("@") {
                        names += 1
                    } else if !["and", "&", "in", "of", "и", "de", "al", "van", "von"].contains(text) {
                        return false
                    }
                }
                i = wordEnd
                while i < end, p[i] == 0x20 || p[i] == 0x2C { i += 1 }
            }
            return names >= minimum
        case .holder:
            let next = Text.skipSpace(p, rest, end)
            guard next < end else { return true }
            let (first, _) = Text.scalar(p, next, end)
            return Text.isDigit(first) || Text.isUpper(first) || first == "©" || first == "("
        case .containsAny(let needles):
            let length = end - start
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { folded in
                let count = fold(p, start, end, into: folded)
                for needle in needles where needle.count <= count {
                    let found = needle.withUnsafeBufferPointer { pattern in
                        (0...(count - pattern.count)).contains { equal(pattern, folded, at: $0) }
                    }
                    if found { return true }
                }
                return false
            }
        }
    }

    private static func suffixMatch(
        _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Match? {
        var last = end
        while last > start {
            let byte = p[last - 1]
            if byte == 0x2E || byte == 0x29 || byte == 0x22 || byte == 0x21 || byte == 0x20 {
                last -= 1
            } else if byte == 0x9D, last - 3 >= start, p[last - 3] == 0xE2, p[last - 2] == 0x80 {
                last -= 3
            } else if byte == 0xBB, last - 2 >= start, p[last - 2] == 0xC2 {
                last -= 2
            } else {
                break
            }
        }
        var windowStart = max(start, last - 64)
        while windowStart < last, p[windowStart] & 0xC0 == 0x80 { windowStart += 1 }
        let count = fold(p, windowStart, last, into: buffer)
        for affix in suffixes where affix.bytes.count <= count {
            let offset = count - affix.bytes.count
            guard affix.bytes.withUnsafeBufferPointer({ equal($0, buffer, at: offset) }) else { continue }
            if offset > 0, isWordByte(buffer[offset - 1]) { continue }
            if offset == 0, windowStart > start, isWordByte(p[windowStart - 1]) { continue }
            guard satisfies(affix.rule, p, start, last, end) else { continue }
            return Match(kind: affix.kind, coversParagraph: affix.covers)
        }
        return nil
    }

    /// A photo credit closing the text: an agency on one side of a slash near the end and names
    /// on the other ("… 2017. REUTERS/Omar Sanadiki", "… in Raqqa / AFP", "(AP Photo/Hussein Malla)").
    private static func photoCredit(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        typealias Text = SentenceSplitter.Text
        var last = end
        while last > start, p[last - 1] == 0x29 || p[last - 1] == 0x2E || p[last - 1] == 0x20 { last -= 1 }
        var slash = last - 1
        var tried = 0
        while slash > start, slash >= last - 80, tried < 3 {
            defer { slash -= 1 }
            guard p[slash] == 0x2F else { continue }
            tried += 1
            // The word before the slash.
            var leftEnd = slash
            while leftEnd > start, p[leftEnd - 1] == 0x20 { leftEnd -= 1 }
            var leftStart = leftEnd
            while leftStart > start {
                let j = Text.scalarStart(before: leftStart, p, start)
                guard Text.isLetter(Text.scalar(p, j, leftEnd).0) else { break }
                leftStart = j
            }
            let rightStart = Text.skipSpace(p, slash + 1, last)
            let leftAgency = agencyLength(p, leftStart, leftEnd) == leftEnd - leftStart && leftEnd > leftStart
            let leftIsPhoto = leftEnd - leftStart == 5 && foldedEquals(p, leftStart, "photo")
            let rightAgency = agencyLength(p, rightStart, last)
            if rightAgency > 0, !leftAgency || leftIsPhoto {
                let rest = Text.skipSpace(p, rightStart + rightAgency, last)
                if rest >= last { return true }
                if last - rest <= 24, !(rest..<last).contains(where: { p[$0] == 0x2E }) { return true }
            }
            if leftAgency, rightAgency == 0, isAllCaps(p, leftStart, leftEnd) || leftIsPhoto,
                capitalizedWords(p, rightStart, last)
            {
                return true
            }
        }
        return false
    }

    private static func foldedEquals(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ word: String) -> Bool {
        var i = from
        for byte in word.utf8 {
            guard i < p.count, p[i] | 0x20 == byte else { return false }
            i += 1
        }
        return true
    }

    /// The byte length of the photo agency named at `from` (folded comparison), or 0.
    private static func agencyLength(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        guard from < to else { return 0 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            let count = fold(p, from, min(to, from + 32), into: buffer)
            for agency in photoAgencies where agency.count <= count {
                guard agency.withUnsafeBufferPointer({ equal($0, buffer, at: 0) }) else { continue }
                if from + agency.count < to, isWordByte(p[from + agency.count]) { continue }
                return agency.count
            }
            return 0
        }
    }

    private static func isAllCaps(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var i = from
        var letters = 0
        while i < to {
            let (scalar, length) = SentenceSplitter.Text.scalar(p, i, to)
            if SentenceSplitter.Text.isLower(scalar) { return false }
            letters += 1
            i += length
        }
        return letters >= 2
    }

    /// One to four capitalized words (slashes allowed between them), at most 48 bytes.
    private static func capitalizedWords(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        guard from < to, to - from <= 48 else { return false }
        var words = 0
        var atWord = true
        var i = from
        while i < to {
            let (scalar, length) = SentenceSplitter.Text.scalar(p, i, to)
            if scalar == " " || scalar == "/" {
                atWord = true
            } else if atWord {
                guard SentenceSplitter.Text.isUpper(scalar) else { return false }
                words += 1
                atWord = false
            } else if scalar == "." || scalar == "," {
                // "REUTERS/Omar Sanadiki. A man…" is a caption and a sentence, not a credit alone.
                if i + 1 < to { return false }
            }
            i += length
        }
        return words >= 1 && words <= 4
    }

    // MARK: - Datelines

    /// A dateline found in bytes: offsets of its parts and of its end (after the closing mark).
    struct DatelineMatch {
        var place: Range<Int>
        var date: Range<Int>?
        var outlet: Range<Int>?
        var start: Int
        var end: Int

        func dateline(_ p: UnsafeBufferPointer<UInt8>, shift: Int = 0) -> Dateline {
            func text(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self)
            }
            return Dateline(
                place: text(place), dateText: date.map(text), outlet: outlet.map(text),
                range: TextRange(start + shift, end + shift))
        }
    }

    /// Reads a dateline at `from`: a place (capitalized words, a region after a comma), a date
    /// after a comma, then the outlet in parentheses or slashes, or a dash. A bare dash counts
    /// only after an all-caps place ("WASHINGTON —"), so prose like "Officials — who …" is not one.
    static func datelineMatch(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> DatelineMatch? {
        typealias Text = SentenceSplitter.Text
        let limit = min(to, from + 160)
        var i = from
        var words = 0
        var letters = 0
        var hasLower = false
        var placeEnd = from
        while i < limit {
            let (first, _) = Text.scalar(p, i, limit)
            let particle = words > 0 && Text.isLower(first)
            guard Text.isUpper(first) || particle else { break }
            var j = i
            var wordLetters = 0
            var leading = 0
            var marked = false
            var wordLower = false
            while j < limit {
                let (scalar, length) = Text.scalar(p, j, limit)
                if Text.isLetter(scalar) {
                    if Text.isLower(scalar) { wordLower = true }
                    wordLetters += 1
                    if !marked { leading += 1 }
                } else if scalar == "." || scalar == "-" || scalar == "'" || scalar == "’" {
                    marked = true
                } else {
                    break
                }
                j += length
            }
            // "ez-Zor", "de", "al" may sit inside a place; "says" ends it.
            if particle, leading > 3 { break }
            words += 1
            letters += wordLetters
            hasLower = hasLower || wordLower
            placeEnd = j
            guard words <= 5, placeEnd - from <= 48 else { return nil }
            guard j + 1 < limit, p[j] == 0x20 || p[j] == 0x2F else { break }
            let (next, _) = Text.scalar(p, j + 1, limit)
            guard Text.isUpper(next) || (p[j] == 0x20 && Text.isLower(next)) else { break }
            i = j + 1
        }
        guard words > 0, letters >= 2 else { return nil }
        i = placeEnd
        var regionEnd = placeEnd
        var date: Range<Int>?
        var segments = 0
        while segments < 2, i + 1 < limit, p[i] == 0x2C, Text.whitespace(p, i + 1, limit) > 0 {
            let segmentStart = Text.skipSpace(p, i + 1, limit)
            var j = segmentStart
            var digits = false
            var capitalized = true
            var atWord = true
            while j < limit {
                let (scalar, length) = Text.scalar(p, j, limit)
                if scalar == "," || scalar == "(" || scalar == "/" || Text.dashLength(p, j, limit) > 0 { break }
                if Text.isDigit(scalar) {
                    digits = true
                } else if Text.isLetter(scalar) {
                    if atWord, !Text.isUpper(scalar) { capitalized = false }
                } else if scalar != " " && scalar != "." {
                    return nil
                }
                atWord = scalar == " "
                j += length
                if j - segmentStart > 32 { return nil }
            }
            var segmentEnd = j
            while segmentEnd > segmentStart, p[segmentEnd - 1] == 0x20 || p[segmentEnd - 1] == 0x2E { segmentEnd -= 1 }
            guard segmentEnd > segmentStart else { return nil }
            if digits {
                date = segmentStart..<segmentEnd
            } else if capitalized, date == nil {
                regionEnd = segmentEnd
            } else {
                return nil
            }
            i = j
            segments += 1
        }
        i = Text.skipSpace(p, i, limit)
        guard i < limit else { return nil }
        var outlet: Range<Int>?
        var end: Int
        if p[i] == 0x28 || p[i] == 0x2F {
            // "(Reuters) -" or "/TASS/."
            let closing: UInt8 = p[i] == 0x28 ? 0x29 : 0x2F
            var close = i + 1
            while close < limit, close - i <= 40, p[close] != closing { close += 1 }
            guard close < limit, p[close] == closing else { return nil }
            let (low, high) = Text.trim(p, i + 1, close)
            guard low < high, Text.isUpper(Text.scalar(p, low, high).0) else { return nil }
            outlet = low..<high
            end = close + 1
            if closing == 0x2F, end < to, p[end] == 0x2E { end += 1 }
            let afterMark = Text.skipSpace(p, end, to)
            let dash = afterMark < to ? Text.dashLength(p, afterMark, to) : 0
            if dash > 0 {
                end = afterMark + dash
            } else if closing == 0x29 {
                return nil
            }
        } else {
            let dash = Text.dashLength(p, i, limit)
            guard dash > 0 else { return nil }
            end = i + dash
            // "МОСКВА, 17 сентября — РИА Новости." names the outlet after the dash.
            if date != nil, let named = outletAfterDash(p, from: Text.skipSpace(p, end, to), to: to) {
                outlet = named.range
                end = named.end
            }
            guard (!hasLower && letters >= 3) || outlet != nil else { return nil }
        }
        return DatelineMatch(place: from..<regionEnd, date: date, outlet: outlet, start: from, end: end)
    }

    /// A dateline that closes on the agency's name and a spaced dash, the whole opening being
    /// two to six words ("Москва. 17 сентября. INTERFAX.RU - ", "BRUSSELS. Sept 14 (Interfax) - ",
    /// "Deir Ezzor, SANA – "): the place and the day may be sentences of their own, which
    /// `datelineMatch` does not read across. The agency is in capitals (three letters or more)
    /// after a comma or period, or in brackets. Nil when the bytes do not open so.
    static func agencyDatelineMatch(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> DatelineMatch? {
        typealias Text = SentenceSplitter.Text
        guard from < to, Text.isUpper(Text.scalar(p, from, to).0) else { return nil }
        let limit = min(to, from + 100)
        var dash: (start: Int, end: Int)?
        var index = from + 1
        while dash == nil, index + 1 < limit {
            if p[index - 1] == 0x20, Text.dashLength(p, index, limit) > 0 {
                let after = index + Text.dashLength(p, index, limit)
                if after < to, p[after] == 0x20 { dash = (index - 1, after + 1) }
            }
            index += 1
        }
        guard let dash else { return nil }
        let words = p[from..<dash.start].split(separator: 0x20)
        guard let last = words.last, words.count >= 2, words.count <= 6 else { return nil }
        let agency = String(decoding: UnsafeBufferPointer(rebasing: last), as: UTF8.self)
        let letters = agency.filter(\.isLetter)
        let capitals = letters.count >= 3 && letters.allSatisfy(\.isUppercase)
        let bracketed = agency.hasPrefix("(") && agency.hasSuffix(")") && letters.first?.isUppercase == true
        // Capitals after the place's or the day's closing mark, so that "Fighters of the SDF - the
        // alliance ..." is prose.
        let afterMark = words.count >= 2 && [0x2C, 0x2E].contains(words[words.count - 2].last)
        guard (capitals && afterMark) || bracketed else { return nil }
        var outlet = last.startIndex..<last.endIndex
        if bracketed { outlet = outlet.lowerBound + 1..<outlet.upperBound - 1 }
        var placeEnd = words[0].endIndex
        while placeEnd > from, p[placeEnd - 1] == 0x2C || p[placeEnd - 1] == 0x2E { placeEnd -= 1 }
        return DatelineMatch(place: from..<placeEnd, date: nil, outlet: outlet, start: from, end: dash.end)
    }

    /// Lower-case words that belong to outlet names ("Уральские новости", "Российская газета").
    private static let outletNouns: [[UInt8]] = [
        "новости", "газета", "вестник", "ведомости", "известия", "правда", "радио", "медиа", "онлайн", "инфо",
    ].map { Array($0.utf8) }

    private static func startsWith(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ word: [UInt8]) -> Bool {
        guard to - from >= word.count else { return false }
        for k in 0..<word.count where p[from + k] != word[k] { return false }
        return from + word.count >= to || !isWordByte(p[from + word.count])
    }

    /// Up to five capitalized words closed by a period ("РИА Новости.", "Atlas Wire."); outlet
    /// nouns may be lower-case after the first word.
    private static func outletAfterDash(
        _ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int
    ) -> (range: Range<Int>, end: Int)? {
        typealias Text = SentenceSplitter.Text
        var k = from
        var words = 0
        var atWord = true
        while k < to, k - from <= 48 {
            let (scalar, length) = Text.scalar(p, k, to)
            if atWord {
                guard
                    Text.isUpper(scalar) || Text.isDigit(scalar) || scalar == "«" || scalar == "\""
                        || (words > 0 && outletNouns.contains { startsWith(p, k, to, $0) })
                else { return nil }
                words += 1
                guard words <= 5 else { return nil }
                atWord = false
            }
            if scalar == ".", k + 1 >= to || Text.whitespace(p, k + 1, to) > 0 {
                return k > from ? (from..<k, k + 1) : nil
            }
            if scalar == " " {
                atWord = true
            } else if scalar == "," || scalar == ":" || scalar == ";" || scalar == "(" {
                return nil
            }
            k += length
        }
        return nil
    }
}

/// The article's sentences ready for claim extraction: boilerplate sentences dropped (but returned
/// separately, because syndication reads credit lines), a leading dateline cut from its sentence
/// (the sentence's text and range then start after it).
public struct ArticleSentences: Sendable {
    public var sentences: [Sentence]
    public var boilerplate: [(Sentence, Boilerplate.Kind)]
    /// The dateline, with its range in the article's offsets.
    public var dateline: Dateline?

    public init(text: String) {
        var text = text
        var kept: [Sentence] = []
        var setAside: [(Sentence, Boilerplate.Kind)] = []
        var found: Dateline?
        text.withUTF8 { p in
            var spans: [(start: Int, end: Int, paragraph: Int)] = []
            SentenceSplitter.scan(p) { spans.append(($0, $1, $2)) }
            var matches = spans.map { Boilerplate.match(p, $0.start, $0.end) }
            Self.spreadOverParagraphs(spans, &matches)

            // The dateline opens the body: the first paragraph after the title, or the title's
            // paragraph when it names an outlet or is the only one. Its first sentence that is
            // not set aside: Interfax opens with the place and the day as sentences of their own
            // ("Москва. 17 сентября. INTERFAX.RU - ..."), and the agency's mark then opens the next.
            func first(of paragraph: Int) -> Int? {
                spans.indices.first { spans[$0].paragraph == paragraph && matches[$0] == nil }
            }
            func datelineAt(_ index: Int?) -> Boilerplate.DatelineMatch? {
                guard let index else { return nil }
                return Boilerplate.datelineMatch(p, from: spans[index].start, to: spans[index].end)
            }
            var cut: (index: Int, match: Boilerplate.DatelineMatch)?
            if let index = first(of: 0), let match = datelineAt(index), match.outlet != nil {
                cut = (index, match)
            } else if let index = first(of: 1), let match = datelineAt(index) {
                cut = (index, match)
            } else if spans.last?.paragraph == 0, let index = first(of: 0), let match = datelineAt(index) {
                cut = (index, match)
            } else if let index = spans.firstIndex(where: { $0.paragraph == 1 }) ?? first(of: 0),
                let match = Boilerplate.agencyDatelineMatch(p, from: spans[index].start, to: p.count)
            {
                // Read across sentences: the span where it ends is the one cut, those before it dropped.
                cut = (spans[index...].firstIndex { match.end <= $0.end } ?? index, match)
            }

            for (index, span) in spans.enumerated() {
                var start = span.start
                if let cut, index < cut.index, span.start >= cut.match.start { continue }
                if let cut, cut.index == index {
                    found = cut.match.dateline(p)
                    start = SentenceSplitter.Text.skipSpace(p, max(span.start, cut.match.end), span.end)
                    if start >= span.end { continue }
                }
                let sentence = Sentence(
                    text: String(decoding: UnsafeBufferPointer(rebasing: p[start..<span.end]), as: UTF8.self),
                    range: TextRange(start, span.end), paragraph: span.paragraph)
                if let match = matches[index] {
                    setAside.append((sentence, match.kind))
                } else {
                    kept.append(sentence)
                }
            }
        }
        sentences = kept
        boilerplate = setAside
        dateline = found
    }

    /// A short paragraph led by a label ("FILE PHOTO:", "Editor's note:") or closed by a photo
    /// credit is boilerplate throughout, though its other sentences read like news.
    private static func spreadOverParagraphs(
        _ spans: [(start: Int, end: Int, paragraph: Int)], _ matches: inout [Boilerplate.Match?]
    ) {
        var first = 0
        while first < spans.count {
            var last = first
            while last + 1 < spans.count, spans[last + 1].paragraph == spans[first].paragraph { last += 1 }
            if last > first, last - first < 4, spans[last].end - spans[first].start <= 600 {
                var kind: Boilerplate.Kind?
                if let lead = matches[first], lead.coversParagraph {
                    kind = lead.kind
                } else if let tail = matches[last], tail.kind == .photoCaption, tail.coversParagraph {
                    kind = .photoCaption
                }
                if let kind {
                    for index in first...last where matches[index] == nil {
                        matches[index] = Boilerplate.Match(kind: kind, coversParagraph: false)
                    }
                }
            }
            first = last + 1
        }
    }
}
