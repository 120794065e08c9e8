/// Finds the people, organisations, places and groups a sentence names. Known names come from
/// the gazetteer (longest alias wins, so "Syrian Democratic Forces" beats "Syrian"); unknown ones
/// from capitalization, typed by the words around them (a title makes a person, "Ministry" an
/// organisation, "near" a place). Groups ("Russian officials", "witnesses") are the speakers that
/// news attributes claims to when no one is named, so they are mentions too.
///
/// Built for volume: the tables live in the gazetteer, built once. A sentence costs one pass over
/// its UTF-8 bytes, each word normalized in place and hashed into an integer-keyed table; words
/// are compared by id from then on, and no `String` is made for a word that names nothing.
public struct EntityRecognizer: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .standard) {
        self.gazetteer = gazetteer
    }

    struct Match {
        var alias: Int
        var end: Int
        var ambiguous: Bool
    }

    /// A name as written, with its inner possessive ("’s " and "'s " become a space) and doubled
    /// spaces gone. Works on the bytes; the text comes back as it was when there is nothing to do.
    static func tidy(_ text: String) -> String {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            var needed = false
            for index in bytes.indices where bytes[index] == 0x20 && index > 0 {
                let before = bytes[index - 1]
                if before == 0x20
                    || (before == 0x73 && index >= 2 && (bytes[index - 2] == 0x27 || bytes[index - 2] == 0x99))
                {
                    needed = true
                    break
                }
            }
            guard needed else { return text }
            var out = [UInt8](bytes)
            // "’s " first, then "'s ", each left to right as `replacingOccurrences` would.
            func replace(_ pattern: [UInt8]) {
                guard out.count >= pattern.count else { return }
                var result: [UInt8] = []
                result.reserveCapacity(out.count)
                var index = 0
                while index < out.count {
                    if index + pattern.count <= out.count, out[index..<index + pattern.count].elementsEqual(pattern) {
                        result.append(0x20)
                        index += pattern.count
                    } else {
                        result.append(out[index])
                        index += 1
                    }
                }
                out = result
            }
            replace([0xE2, 0x80, 0x99, 0x73, 0x20])
            replace([0x27, 0x73, 0x20])
            var collapsed: [UInt8] = []
            collapsed.reserveCapacity(out.count)
            for byte in out where byte != 0x20 || collapsed.last != 0x20 { collapsed.append(byte) }
            return String(decoding: collapsed, as: UTF8.self)
        }
    }

    /// The entities named in a sentence. `tokens` are `Tokenizer.tokens(of: sentence)`.
    public func entities(in sentence: String, tokens: [Token]) -> [EntityMention] {
        let tables = gazetteer.tables
        func run(_ bytes: UnsafeBufferPointer<UInt8>) -> [EntityMention] {
            let pieces = NameKeys.pieces(of: tokens, bytes: bytes, words: tables.words)
            guard !pieces.isEmpty else { return [] }
            var scan = Scan(tables: tables, bytes: bytes, pieces: pieces)
            scan.run()
            return scan.mentions
        }
        if let found = sentence.utf8.withContiguousStorageIfAvailable(run) { return found }
        return Array(sentence.utf8).withUnsafeBufferPointer(run)
    }
}

/// One sentence's pass: the pieces, the mentions so far, and spelling-tolerant keys computed
/// only for the capitalized words that need them.
private struct Scan {
    let tables: GazetteerTables
    /// The sentence's UTF-8, valid for the pass.
    let bytes: UnsafeBufferPointer<UInt8>
    var pieces: [NamePiece]
    var mentions: [EntityMention] = []
    /// Pieces of the last mention, for resolving "Defense Ministry spokesman Igor Konashenkov".
    var lastSpan: Range<Int> = 0..<0
    /// A headline in title case ("Russian Warplanes Hit Syrian Fighters"): capitals say nothing there.
    let titleCase: Bool

    init(tables: GazetteerTables, bytes: UnsafeBufferPointer<UInt8>, pieces: [NamePiece]) {
        self.tables = tables
        self.bytes = bytes
        self.pieces = pieces
        mentions.reserveCapacity(4)
        var capitalized = 0
        for piece in pieces where piece.capitalized { capitalized += 1 }
        self.titleCase = pieces.count >= 4 && capitalized * 10 >= pieces.count * 7
    }

    @inline(__always) func flags(_ index: Int) -> WordFlags { pieces[index].flags }

    @inline(__always) func joined(_ index: Int) -> Bool { index < pieces.count && !pieces[index].gapBefore }

    func raw(_ index: Int) -> String { pieces[index].raw(bytes) }

    /// The id of the spelling-tolerant key of piece `index`, -1 when no alias word has it.
    mutating func fuzzyWord(_ index: Int) -> Int32 {
        let cached = pieces[index].fuzzy
        if cached != -2 { return cached }
        var found: Int32 = -1
        let piece = pieces[index]
        if piece.asciiKey {
            let part = UnsafeBufferPointer(rebasing: bytes[piece.rawStart..<piece.rawEnd])
            let fuzzyWords = tables.fuzzyWords
            func lookUp(_ key: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>) -> Int32 {
                let fuzzy = UnsafeBufferPointer(rebasing: out[0..<NameKeys.fuzzyKey(key, into: out)])
                return fuzzyWords.find(fuzzy, hash: NameKeys.hash(fuzzy))
            }
            let capacity = max(part.count, 1)
            found = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity * 2) { scratch in
                let keyBuffer = UnsafeMutableBufferPointer(rebasing: scratch[0..<capacity])
                let fuzzyBuffer = UnsafeMutableBufferPointer(rebasing: scratch[capacity...])
                if let count = NameKeys.fastKey(part, into: keyBuffer) {
                    return lookUp(UnsafeBufferPointer(rebasing: keyBuffer[0..<count]), fuzzyBuffer)
                }
                // Folding can lengthen a word: the rare slow key gets buffers of its own.
                let key = Array(NameKeys.slowKey(part).utf8)
                var out = [UInt8](repeating: 0, count: max(key.count, 1))
                return key.withUnsafeBufferPointer { key in out.withUnsafeMutableBufferPointer { lookUp(key, $0) } }
            }
        }
        pieces[index].fuzzy = found
        return found
    }

    mutating func run() {
        var index = 0
        while index < pieces.count {
            // A lower-case word that no table holds starts nothing.
            if pieces[index].word < 0 && !pieces[index].capitalized {
                index += 1
                continue
            }
            if let match = match(at: index, allowWeak: false) {
                index = handle(match, from: index)
            } else if let next = titled(at: index) {
                index = next
            } else if let next = group(at: index) {
                index = next
            } else if let next = unknownName(at: index) {
                index = next
            } else {
                index += 1
            }
        }
    }

    // MARK: Gazetteer matches

    /// The longest alias starting at `index`, exact first, then spelling-tolerant.
    mutating func match(at index: Int, allowWeak: Bool) -> EntityRecognizer.Match? {
        let piece = pieces[index]
        if piece.word >= 0 {
            let candidates = tables.words.info[Int(piece.word)].firstAliases
            let next = index + 1 < pieces.count && !pieces[index + 1].gapBefore ? pieces[index + 1].word : -1
            let available = pieces.count - index
            var position = Int(candidates.lowerBound)
            let upper = Int(candidates.upperBound)
            while position < upper {
                let candidate = tables.firstAliases[position]
                position += 1
                // Most candidates fail on length or on their second word: no need to read the alias.
                guard Int(candidate.count) <= available, candidate.count == 1 || candidate.second == next,
                    let end = fits(Int(candidate.alias), at: index, allowWeak: allowWeak, fuzzy: false)
                else { continue }
                var ambiguous = false
                for other in tables.firstAliases[position..<upper]
                where other.count == candidate.count && other.entry != candidate.entry
                    && (other.count == 1 || other.second == next)
                {
                    if fits(Int(other.alias), at: index, allowWeak: allowWeak, fuzzy: false) != nil { ambiguous = true }
                }
                return .init(alias: Int(candidate.alias), end: end, ambiguous: ambiguous)
            }
        }
        guard !titleCase, piece.capitalized, !piece.hasDigit, piece.keyLength >= 5, !tables.fuzzyFirstAliases.isEmpty,
            !piece.flags.contains(.stopCapital)
        else { return nil }
        let fuzzy = fuzzyWord(index)
        guard fuzzy >= 0 else { return nil }
        let candidates = tables.fuzzyFirst[Int(fuzzy)]
        for candidate in tables.fuzzyFirstAliases[Int(candidates.lowerBound)..<Int(candidates.upperBound)] {
            if let end = fits(Int(candidate), at: index, allowWeak: allowWeak, fuzzy: true) {
                return .init(alias: Int(candidate), end: end, ambiguous: false)
            }
        }
        return nil
    }

    mutating func fits(_ candidate: Int, at index: Int, allowWeak: Bool, fuzzy: Bool) -> Int? {
        let alias = tables.aliasInfo[candidate]
        let count = alias.words.count
        guard index + count <= pieces.count else { return nil }
        if fuzzy, alias.form != .name { return nil }
        for offset in 1..<max(count, 1) where offset < count {
            let piece = pieces[index + offset]
            if piece.gapBefore { return nil }
            if fuzzy {
                guard let keys = alias.fuzzy, fuzzyWord(index + offset) == tables.aliasFuzzy[keys.lowerBound + offset]
                else { return nil }
            } else if piece.word != tables.aliasWords[alias.words.lowerBound + offset] {
                return nil
            }
        }
        let first = pieces[index]
        if let exact = alias.exact {
            guard sameLetters(first, exact) else { return nil }
        } else if alias.needsCapital || fuzzy {
            guard first.capitalized else { return nil }
        }
        if alias.weak, !allowWeak, !pieces[index + count - 1].possessive,
            !(joined(index + count) && flags(index + count).contains(.speechVerb))
        {
            return nil
        }
        return index + count
    }

    /// Whether the piece as written, periods left out, is the alias's letters ("U.S." and "US").
    func sameLetters(_ piece: NamePiece, _ letters: Range<Int>) -> Bool {
        var expected = letters.lowerBound
        for offset in piece.rawStart..<piece.rawEnd where bytes[offset] != 0x2E {
            guard expected < letters.upperBound, tables.exactLetters[expected] == bytes[offset] else { return false }
            expected += 1
        }
        return expected == letters.upperBound
    }

    /// The sentence's text in `range`, which lies on character boundaries (piece and token edges).
    func string(_ range: TextRange) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<range.upperBound]), as: UTF8.self)
    }

    func text(_ start: Int, _ end: Int) -> (String, TextRange) {
        let range = TextRange(pieces[start].range.lowerBound, pieces[end - 1].range.upperBound)
        return (string(range), range)
    }

    mutating func emit(
        _ kind: EntityMention.Kind, _ id: String?, _ name: String?, _ start: Int, _ end: Int, title: String? = nil
    ) {
        let (written, range) = text(start, end)
        mentions.append(
            EntityMention(
                kind: kind, entityID: id, canonicalName: name ?? EntityRecognizer.tidy(written), title: title,
                text: written,
                range: range))
        lastSpan = start..<end
    }

    /// Emits a gazetteer match, widened when the words after it make it a group ("Russian
    /// officials"), an organisation ("Russia's Defense Ministry"), or a longer place name
    /// ("Deir al-Zor province").
    mutating func handle(_ match: EntityRecognizer.Match, from start: Int) -> Int {
        let alias = tables.aliasInfo[match.alias]
        let entry = alias.entry
        let kind = tables.entries[entry].kind
        var end = match.end
        if match.ambiguous {
            emit(kind, nil, nil, start, end)
            return end
        }
        if alias.form == .people {
            emit(.group, tables.entries[entry].id, tables.entries[entry].peoples.first, start, end)
            return end
        }
        if kind == .place || kind == .organization {
            if let groupEnd = roleNounEnd(after: end, withEntity: true) {
                let label =
                    kind == .place || alias.form == .demonym
                    ? tables.entries[entry].demonyms.first ?? text(start, end).0 : text(start, end).0
                let words = (end..<groupEnd).map { raw($0).lowercased() }.joined(separator: " ")
                emit(.group, tables.entries[entry].id, "\(label) \(words)", start, groupEnd)
                return groupEnd
            }
            let follows =
                joined(end)
                || (end < pieces.count && pieces[end - 1].possessive && pieces[end].token == pieces[end - 1].token + 1)
            if follows, pieces[end].capitalized, let run = capitalizedRun(from: end), run.orgCue {
                // "Russia's Defense Ministry", "Deir al-Zor Military Council".
                let runText = text(end, run.end).0
                let demonyms = tables.entries[entry].demonyms
                let name = tables.entries[entry].name
                var found: Gazetteer.Entry?
                for form in demonyms + [name] {
                    if let known = tables.lookup("\(form) \(runText)"), known.kind == .organization {
                        found = known
                        break
                    }
                }
                if let found {
                    emit(.organization, found.id, found.name, start, run.end)
                } else {
                    emit(
                        .organization, nil, EntityRecognizer.tidy("\(demonyms.first ?? name) \(runText)"), start,
                        run.end)
                }
                return run.end
            }
            if kind == .place, !pieces[end - 1].possessive {
                while joined(end), flags(end).contains(.placeCue), !pieces[end].allCaps {
                    end += 1
                    if pieces[end - 1].possessive { break }
                }
            }
        }
        emit(kind, tables.entries[entry].id, tables.entries[entry].name, start, end)
        return end
    }

    // MARK: Titles and groups

    /// A title chain ("Maj. Gen.", "Defense Ministry spokesman") followed by a name: the name is
    /// a person and keeps the title.
    mutating func titled(at index: Int) -> Int? {
        guard pieces[index].word >= 0, !tables.words.info[Int(pieces[index].word)].titles.isEmpty else { return nil }
        let titleEnd = tables.titleChainEnd(pieces, from: index)
        guard titleEnd > index, titleEnd < pieces.count, joined(titleEnd), pieces[titleEnd].capitalized else {
            return nil
        }
        var titleRange = TextRange(pieces[index].range.lowerBound, pieces[titleEnd - 1].range.upperBound)
        if titleRange.upperBound < bytes.count, bytes[titleRange.upperBound] == 0x2E {
            titleRange.upperBound += 1
        }
        let title = string(titleRange)
        let previous = lastSpan
        let previousMention = mentions.count - 1
        if let match = match(at: titleEnd, allowWeak: true) {
            let entry = tables.aliasInfo[match.alias].entry
            guard tables.entries[entry].kind == .person, !match.ambiguous else { return nil }
            emit(.person, tables.entries[entry].id, tables.entries[entry].name, titleEnd, match.end, title: title)
            resolveOrganization(
                previousMention, span: previous, titleStart: index, affiliation: tables.entries[entry].affiliation)
            return match.end
        }
        guard let run = capitalizedRun(from: titleEnd), !run.orgCue else { return nil }
        emit(.person, nil, nil, titleEnd, run.end, title: title)
        return run.end
    }

    /// "Defense Ministry spokesman Igor Konashenkov": an organisation the gazetteer could not
    /// name alone is the person's own when its words end one of that organisation's aliases.
    mutating func resolveOrganization(_ mentionIndex: Int, span: Range<Int>, titleStart: Int, affiliation: String?) {
        guard mentionIndex >= 0, span.upperBound == titleStart, joined(titleStart),
            mentions[mentionIndex].kind == .organization, mentions[mentionIndex].entityID == nil,
            let affiliation, let owner = tables.indexByID[affiliation]
        else { return }
        for aliasIndex in tables.aliasesByEntry[owner] {
            let words = tables.aliasInfo[aliasIndex].words
            guard words.count >= span.count else { continue }
            var same = true
            for (offset, piece) in span.enumerated()
            where tables.aliasWords[words.upperBound - span.count + offset] != pieces[piece].word {
                same = false
                break
            }
            guard same else { continue }
            mentions[mentionIndex].entityID = affiliation
            mentions[mentionIndex].canonicalName = tables.entries[owner].name
            return
        }
    }

    /// Where a role noun after `index` ends, skipping modifiers ("military officials"); with no
    /// entity before it, only nouns for people who speak count ("witnesses", "the rebels").
    func roleNounEnd(after index: Int, withEntity: Bool) -> Int? {
        var position = index
        while position < pieces.count, position == index ? joined(position) || !withEntity : joined(position) {
            let wordFlags = flags(position)
            if wordFlags.contains(.speakerNoun) || (withEntity && wordFlags.contains(.actorNoun)) {
                return position + 1
            }
            guard wordFlags.contains(.modifier), !pieces[position].possessive else { return nil }
            position += 1
        }
        return nil
    }

    mutating func group(at index: Int) -> Int? {
        guard !pieces[index].capitalized || index == 0, let end = roleNounEnd(after: index, withEntity: false) else {
            return nil
        }
        let words = (index..<end).map { raw($0).lowercased() }.joined(separator: " ")
        emit(.group, nil, words, index, end)
        return end
    }

    // MARK: Unknown names

    struct Run {
        var end: Int
        var orgCue = false
        var placeCue = false
    }

    /// Capitalized words from `start`, joined by name particles ("bin", "van") and, once a cue
    /// word is in, by "of"/"for" ("Ministry of Health"). Stops at a known name, a title, a
    /// number-like word, punctuation and after a possessive.
    mutating func capitalizedRun(from start: Int) -> Run? {
        let first = pieces[start]
        guard first.capitalized, !first.hasDigit, !flags(start).contains(.stopCapital) else { return nil }
        var run = Run(end: start)
        var position = start
        while position < pieces.count {
            let piece = pieces[position]
            if position > start {
                guard !piece.gapBefore else { break }
                if !piece.capitalized {
                    let wordFlags = flags(position)
                    let joins =
                        wordFlags.contains(.nameParticle)
                        || (wordFlags.contains(.cueConnector) && (run.orgCue || run.placeCue))
                    guard joins, joined(position + 1), pieces[position + 1].capitalized,
                        !pieces[position + 1].hasDigit
                    else { break }
                    position += 1
                    continue
                }
                if piece.hasDigit || flags(position).contains(.stopCapital) { break }
                if piece.word >= 0 {
                    let info = tables.words.info[Int(piece.word)]
                    if !info.titles.isEmpty, tables.titleChainEnd(pieces, from: position) > position { break }
                    if !info.firstAliases.isEmpty, match(at: position, allowWeak: false) != nil { break }
                }
            }
            let wordFlags = flags(position)
            if wordFlags.contains(.orgCue) { run.orgCue = true }
            if wordFlags.contains(.placeCue) { run.placeCue = true }
            position += 1
            run.end = position
            if piece.possessive { break }
        }
        return run.end > start ? run : nil
    }

    /// An unknown name typed by its cues, or nil when there is too little to go on.
    mutating func unknownName(at index: Int) -> Int? {
        guard let run = capitalizedRun(from: index) else { return nil }
        let count = run.end - index
        if titleCase || (count == 1 && tables.titleChainEnd(pieces, from: index) > index) { return run.end }
        // Part of a designation such as "SA-11" or "Su-25", not a name.
        if run.end < pieces.count, pieces[run.end].token == pieces[run.end - 1].token { return run.end }
        var allCaps = true
        for position in index..<run.end where !pieces[position].allCaps {
            allCaps = false
            break
        }
        let speech = joined(run.end) && flags(run.end).contains(.speechVerb)
        let placeBefore: Bool = {
            guard index > 0, joined(index) else { return false }
            if flags(index - 1).contains(.placePreposition) { return true }
            return pieces[index - 1].word == tables.ofWord && index > 1 && joined(index - 1)
                && flags(index - 2).contains(.direction)
        }()
        let kind: EntityMention.Kind?
        if count >= 2 && allCaps {
            kind = nil  // a headline in capitals
        } else if run.orgCue && (count >= 2 || allCaps || speech) {
            kind = .organization
        } else if run.placeCue && count >= 2 {
            kind = .place
        } else if placeBefore && !speech {
            kind = .place
        } else if speech {
            kind = allCaps ? .organization : .person
        } else if index == 0 {
            kind = nil
        } else if allCaps {
            var scalars = 0
            for offset in pieces[index].rawStart..<pieces[index].rawEnd where bytes[offset] & 0xC0 != 0x80 {
                scalars += 1
            }
            kind = scalars <= 6 ? .organization : nil
        } else if count >= 2 && count <= 3 {
            kind = .person
        } else if count >= 4 {
            kind = .organization
        } else {
            kind = nil
        }
        guard let kind else { return run.end }
        emit(kind, nil, nil, index, run.end)
        return run.end
    }
}

/// What a word is to recognition, beyond being part of a name.
struct WordFlags: OptionSet, Sendable {
    let rawValue: UInt16
    /// Capitalized but never a name on its own: sentence openers, days, months.
    static let stopCapital = WordFlags(rawValue: 1 << 0)
    static let orgCue = WordFlags(rawValue: 1 << 1)
    static let placeCue = WordFlags(rawValue: 1 << 2)
    static let speechVerb = WordFlags(rawValue: 1 << 3)
    /// People who speak: "officials", "witnesses", "sources".
    static let speakerNoun = WordFlags(rawValue: 1 << 4)
    /// People who act, a group only with a nation or body before them: "Russian troops".
    static let actorNoun = WordFlags(rawValue: 1 << 5)
    static let modifier = WordFlags(rawValue: 1 << 6)
    /// "bin", "van", "de": inside a personal name.
    static let nameParticle = WordFlags(rawValue: 1 << 7)
    /// "of", "for": inside an organisation or place name.
    static let cueConnector = WordFlags(rawValue: 1 << 8)
    static let placePreposition = WordFlags(rawValue: 1 << 9)
    static let direction = WordFlags(rawValue: 1 << 10)
}

/// The closed word lists recognition needs, keyed as names are (`NameKeys.key`), so that a
/// Russian verb or a capitalized opener is found with the same probe as a name.
struct Vocabulary: Sendable {
    static let shared = Vocabulary()

    let flags: [String: WordFlags]
    /// First key of a title → titles as key sequences, longest first.
    let titles: [String: [[String]]]

    private init() {
        var flags: [String: WordFlags] = [:]
        func add(_ flag: WordFlags, _ words: String) {
            for word in words.split(separator: " ") {
                for key in NameKeys.keys(of: String(word)) { flags[key, default: []].insert(flag) }
            }
        }
        add(
            .stopCapital,
            """
            the a an in on at of for to from by with as but and or if when while after before since until \
            this that these those there here his her their its our my your he she it they we i you who what \
            which where why how some many several most more all both each every no not any other another \
            according asked earlier later meanwhile however also then thus yet still only just even so such \
            monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun \
            january february march april may june july august september october november december \
            jan feb mar apr jun jul aug sep sept oct nov dec gmt utc bst edt est cet msk am pm \
            one two three four five six seven eight nine ten first second third last next new \
            mr mrs ms dr update updated breaking exclusive analysis factbox timeline photos video live \
            в на по как ранее во он она они это также однако при после до из за для что его ее их
            """)
        add(
            .orgCue,
            """
            ministry ministries forces force council agency army navy committee party front brigade brigades \
            observatory commission service office department command coalition guard guards corps police \
            directorate staff bureau authority institute university union federation organisation organization \
            association group movement company corporation bank court parliament assembly administration \
            government cabinet secretariat mission embassy division regiment battalion unit militia network \
            news agency radio television tv times post journal herald press foundation center centre \
            convention treaty \
            министерство минобороны министерства служба служб комитет совет штаб армия флот силы
            """)
        add(
            .placeCue,
            """
            province governorate river strait sea region oblast city district county valley bay gulf island \
            islands mountains mountain lake peninsula desert airport airbase base square street field fields \
            village town border crossing port harbour harbor канал пролив река область район город
            """)
        add(
            .speechVerb,
            """
            said says say told tells added adds stated claimed claims denied denies reported reports \
            announced announces confirmed confirms insisted insists warned warns noted notes wrote writes \
            tweeted accused accuses alleged alleges argued explained stressed emphasised emphasized declared \
            acknowledged admitted suggested replied responded rejected dismissed charged asserted \
            заявил заявила заявили сообщил сообщила сообщили сказал сказала отметил отметила подчеркнул \
            подчеркнула добавил добавила пояснил пояснила
            """)
        add(
            .speakerNoun,
            """
            official officials source sources witness witnesses activist activists resident residents rebels \
            rebel militants separatists insurgents diplomat diplomats analysts experts monitors observers \
            investigators medics doctors police authorities lawmakers legislators commanders officers \
            spokespeople representatives media
            """)
        add(
            .actorNoun,
            """
            troops forces soldiers fighters servicemen sailors personnel militia militias units guards
            """)
        add(
            .modifier,
            """
            senior top high ranking military defense defence security intelligence government diplomatic \
            medical local opposition foreign unnamed anonymous independent regional federal state army border \
            naval coast ministry administration embassy health emergency rescue pro allied former other \
            informed knowledgeable western special air ground elite
            """)
        add(.nameParticle, "bin ibn bint abu de van von der den da dos du la le")
        add(.cueConnector, "of for on")
        add(
            .placePreposition,
            "in near from outside into across toward towards around inside at via в под около близ возле из")
        add(.direction, "east west north south northeast northwest southeast southwest")
        self.flags = flags

        var titles: [String: [[String]]] = [:]
        let titleList = """
            Maj. Gen.|Major General|Major-General|Lt. Gen.|Lt Gen|Lt.-Gen.|Lieutenant General|Lieutenant-General|\
            Brig. Gen.|Brigadier General|Brigadier-General|Gen.|General|Col.|Colonel|Lt. Col.|Lieutenant Colonel|\
            Lieutenant-Colonel|Lt.|Lieutenant|Capt.|Captain|Maj.|Major|Adm.|Admiral|Rear Admiral|Vice Admiral|\
            Sgt.|Sergeant|Cmdr.|Commander|Army|Marine|\
            President|Vice President|Prime Minister|PM|Premier|Chancellor|Foreign Minister|Defense Minister|\
            Defence Minister|Interior Minister|Minister|Deputy|First Deputy|Acting|Former|former|\
            Foreign Secretary|Home Secretary|Defence Secretary|Defense Secretary|Secretary of State|Secretary|\
            Secretary-General|Secretary General|Ambassador|Envoy|envoy|Senator|Sen.|Rep.|Gov.|Governor|Mayor|\
            King|Queen|Prince|Sheikh|Pope|Chief|chief|Director|director|Head|head|Chairman|chairman|\
            spokesman|spokeswoman|spokesperson|Spokesman|Spokeswoman|press secretary|Press Secretary|\
            Mr.|Mrs.|Ms.|Mr|Mrs|Ms|Dr.|Dr|Prof.|Professor|Constable|Chief Constable|Commissioner|\
            генерал-майор|генерал-лейтенант|генерал-полковник|генерал|полковник|президент|министр|\
            официальный представитель|глава|пресс-секретарь|премьер-министр|замминистра
            """
        for title in titleList.split(separator: "|") {
            let keys = NameKeys.keys(of: String(title))
            guard let first = keys.first else { continue }
            if !(titles[first]?.contains(keys) ?? false) { titles[first, default: []].append(keys) }
        }
        for key in titles.keys { titles[key]?.sort { $0.count > $1.count } }
        self.titles = titles
    }
}
