/// Function words per language: articles, pronouns, prepositions, conjunctions, auxiliaries,
/// particles. They carry no news of their own, so matching words across reports skips them, and
/// they are what tells one Latin-script language from another.
///
/// Number words and reporting verbs ("said", "заявил") are deliberately absent: quantities and
/// attributions are findings in their own right. Negations ("not", "не") are present; the
/// negation analysis reads them from the tokens, not from normalized terms.
public enum StopWords {
    /// Whether `lowercasedWord` is a function word of `language` (’ and ' are the same; so are ё
    /// and е). Always false for `.other`.
    public static func isStopWord(_ lowercasedWord: String, language: Language) -> Bool {
        guard let bit = StopWordTable.bit(of: language) else { return false }
        var hasher = WordHasher()
        for scalar in lowercasedWord.unicodeScalars { hasher.add(scalar.value) }
        return table.mask(of: hasher.value) & bit != 0
    }

    /// The stop words of `language`, as written in the lists (with both ё and е spellings for
    /// Russian); empty for `.other`.
    public static func words(for language: Language) -> Set<String> {
        switch language {
        case .english: englishSet
        case .russian: russianSet
        case .ukrainian: ukrainianSet
        case .french: frenchSet
        case .german: germanSet
        case .spanish: spanishSet
        case .arabic: arabicSet
        case .other: []
        }
    }

    /// Every language's words, hashed, with a bit per language (`StopWordTable.bit(of:)`).
    static let table: StopWordTable = {
        var entries: [(String, UInt16)] = []
        for language in Language.allCases {
            guard let bit = StopWordTable.bit(of: language) else { continue }
            for word in list(for: language) { entries.append((word, bit)) }
        }
        return StopWordTable(entries)
    }()

    static func list(for language: Language) -> [String] {
        switch language {
        case .english: english
        case .russian: withYoVariants(russian)
        case .ukrainian: ukrainian
        case .french: french
        case .german: german
        case .spanish: spanish
        case .arabic: arabic
        case .other: []
        }
    }

    private static let englishSet = Set(list(for: .english))
    private static let russianSet = Set(list(for: .russian))
    private static let ukrainianSet = Set(list(for: .ukrainian))
    private static let frenchSet = Set(list(for: .french))
    private static let germanSet = Set(list(for: .german))
    private static let spanishSet = Set(list(for: .spanish))
    private static let arabicSet = Set(list(for: .arabic))

    /// Russian is written both with and without ё ("её", "ее"); the lists carry both.
    private static func withYoVariants(_ words: [String]) -> [String] {
        var result = words
        for word in words where word.contains("ё") { result.append(word.replacingYo()) }
        return result
    }

    static let english = split(
        """
        a an the this that these those some any each every either neither no such both all another other own same
        i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself
        she her hers herself it its itself they them their theirs themselves who whom whose which what
        whatever whoever whichever
        am is are was were be been being have has had having do does did doing will would shall should
        can could may might must ought
        i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd she'd we'd they'd
        i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't hasn't haven't hadn't doesn't
        don't didn't won't wouldn't shan't shouldn't can't cannot couldn't mustn't let's that's who's what's
        here's there's where's
        of in on at by for with about against between into through during before after above below to from
        up down out off over under across along among amid around behind beside besides beyond despite near
        onto toward towards upon within without via per than like unlike
        and but or nor if then else because as until till while whilst although though unless whether since
        so yet however thus therefore hence whereas
        here there when where why how very too also just only not never ever always often already still even
        again further once now soon more most less least much many few quite rather almost
        """)

    static let russian = split(
        """
        и а но да или либо ни не нет же ли бы б ведь вот вон уж уже ещё лишь только даже тоже также
        то что чтобы чтоб как так если когда пока хотя потому поэтому тогда там тут здесь где куда откуда
        почему зачем чем кто кого кому кем ком чего чему чём ибо зато причём притом однако
        я меня мне мной мною ты тебя тебе тобой он его него ему нему им ним нём она её неё ей ней ею нею
        оно мы нас нам нами вы вас вам вами они их них ими ними себя себе собой собою
        мой моя моё мои моего моей моих твой твоя твоё твои свой своя своё свои своего своей своих своим
        своими свою наш наша наше наши нашего нашей наших ваш ваша ваше ваши
        этот эта это эти этого этой этом этому этим этих эту тот та те того той том тому тем тех ту
        такой такая такое такие таких такого всё весь вся все всех всем всего всей всеми всю
        сам сама само сами самого самой самим
        который которая которое которые которого которой котором которому которым которых которую
        которыми
        в во на с со к ко о об обо от ото по за из изо у до для без под подо над надо про при через перед
        передо после между около ради среди вокруг против вместо кроме из-за из-под вроде сквозь
        быть был была было были будет будут буду будем будете будешь есть
        ну разве неужели нибудь ж очень более менее сейчас теперь потом затем тоже можно нужно надо
        может могут мог могла могли
        """)

    static let ukrainian = split(
        """
        і й та а але або чи ні не ж же б би бо адже вже ще лише тільки навіть також теж то що щоб як так
        якщо коли поки хоча тому тоді там тут де куди звідки чому навіщо хто кого кому ким чого чим
        я мене мені мною ти тебе тобі тобою він його нього йому ньому ним ньому вона її неї їй ній нею
        воно ми нас нам нами ви вас вам вами вони їх них їм ними себе собі собою
        мій моя моє мої свій своя своє свої свого своєї своїх наш наша наше наші ваш ваша ваше ваші
        цей ця це ці цього цієї цих цьому цим цю той те ті того тієї тих тому тим ту
        такий така таке такі весь вся все всі всіх всім всього сам сама саме самі
        який яка яке які якого якої яких якому яким яку
        в у на з із зі к до від по за про для без під над при через перед після між біля серед проти
        замість крім
        бути був була було були буде будуть є
        дуже більш більше менше зараз тепер потім можна треба може можуть
        """)

    static let french = split(
        """
        le la les un une des du de au aux et ou mais donc or ni car que qui quoi dont où ce cet cette ces
        il ils elle elles on je tu nous vous me te se lui leur leurs eux moi toi soi son sa ses mon ma mes ton
        ta tes notre nos votre vos en y dans sur sous par pour avec sans chez vers entre contre depuis
        pendant avant après selon ne pas plus moins très aussi comme si est sont était étaient été être a ont
        avait avaient avoir sera seront cela ça ceci celui celle ceux celles tout tous toute toutes même
        autre autres aucun aucune déjà encore alors ainsi lors puis quand comment pourquoi
        """)

    static let german = split(
        """
        der die das den dem des ein eine einer eines einem einen und oder aber doch sondern denn dass daß ob
        wenn als wie weil da so auch noch schon nur sehr nicht kein keine keinen keiner keinem nichts
        ich du er sie es wir ihr mich mir dich dir ihn ihm ihnen uns euch sich mein meine dein sein seine
        seinen seiner seinem seines ihre ihren ihrer ihrem unser unsere euer
        in im ins an am ans auf aus bei beim mit nach seit von vom zu zum zur für gegen ohne um durch über
        unter vor hinter neben zwischen während wegen bis
        ist sind war waren bin bist sei wird werden wurde wurden worden hat haben hatte hatten habe kann
        können konnte muss soll will
        dies diese dieser dieses diesem diesen jener welche welcher welches was wer wo man hier dort dann
        jetzt mehr alle allem allen aller alles
        """)

    static let spanish = split(
        """
        el la los las lo un una unos unas y e o u pero sino ni que qué quien quienes cual cuales cuyo cuya
        de del a al en con por para sin sobre entre hasta desde hacia contra durante según tras ante bajo
        se su sus le les me te nos os mi mis tu tus yo tú él ella ellos ellas usted ustedes nosotros
        vosotros este esta esto estos estas ese esa eso esos esas aquel aquella
        es son era eran fue fueron ser sido está están estaba estar ha han había haber he hemos
        no sí más menos muy también ya como cuando donde dónde porque si aunque pues todo toda todos todas
        otro otra otros otras mismo misma cada así solo sólo
        """)

    static let arabic = split(
        """
        في من إلى الى على عن مع أن إن ان أو او و ثم لا لم لن ما هذا هذه ذلك تلك هؤلاء الذي التي التى
        الذين هو هي هم هن أنا نحن أنت أنتم كان كانت كانوا يكون تكون قد لقد كل بعض غير بين حتى عند منذ
        بعد قبل خلال حول ضد دون لدى لكن بل إذا اذا إذ كما أيضا أيضاً ايضا فقط هناك هنا أي به بها له لها
        لهم عليه عليها فيه فيها منه منها إنه انه أنه إنها أنها مثل وفي ومن وعلى وقد وهو وهي
        """)

    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }
}

extension String {
    /// ё as е, the way Russian is mostly printed.
    func replacingYo() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "ё" ? "е" : $0 == "Ё" ? "Е" : $0 }))
    }
}

/// FNV-1a over a word's scalars, after the folds every word list lookup shares: simple
/// upper → lower case (ASCII, Latin-1, Cyrillic), ’ → ', ё → е. One hash serves the stop-word
/// test and the language profiles without building a lower-cased `String` per word.
struct WordHasher {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always) mutating func add(_ scalar: UInt32) {
        value = (value ^ UInt64(Self.fold(scalar))) &* 0x0000_0100_0000_01B3
    }

    /// The lower-case, folded form of one scalar value.
    @inline(__always) static func fold(_ scalar: UInt32) -> UInt32 {
        if scalar < 0x80 { return scalar &- 65 < 26 ? scalar | 0x20 : scalar }
        switch scalar {
        case 0xC0...0xDE where scalar != 0xD7: return scalar + 0x20
        case 0x2019: return 0x27
        case 0x410...0x42F: return scalar + 0x20
        case 0x401, 0x451: return 0x435
        case 0x400...0x40F: return scalar + 0x50
        default: return scalar
        }
    }
}

/// An open-addressing table from word hashes to a bit mask of languages: a lookup is a
/// multiply and usually one compare, cheaper than hashing a `String` into a `Set`.
struct StopWordTable: Sendable {
    private var keys: [UInt64]
    private var masks: [UInt16]
    private let shift: UInt64

    /// The bit of a language with stop words (`Language.allCases` order), nil for `.other`.
    static func bit(of language: Language) -> UInt16? {
        switch language {
        case .english: 1 << 0
        case .russian: 1 << 1
        case .ukrainian: 1 << 2
        case .french: 1 << 3
        case .german: 1 << 4
        case .spanish: 1 << 5
        case .arabic: 1 << 6
        case .other: nil
        }
    }

    init(_ entries: [(String, UInt16)]) {
        var capacityBits: UInt64 = 4
        while (1 << capacityBits) < entries.count * 3 { capacityBits += 1 }
        keys = Array(repeating: 0, count: 1 << capacityBits)
        masks = Array(repeating: 0, count: 1 << capacityBits)
        shift = 64 - capacityBits
        for (word, bits) in entries {
            var hasher = WordHasher()
            for scalar in word.unicodeScalars { hasher.add(scalar.value) }
            insert(hasher.value, bits)
        }
    }

    private mutating func insert(_ hash: UInt64, _ bits: UInt16) {
        let key = hash == 0 ? 1 : hash
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
        keys[slot] = key
        masks[slot] |= bits
    }

    /// The languages whose lists hold the word with this hash (0 for none).
    @inline(__always) func mask(of hash: UInt64) -> UInt16 {
        let key = hash == 0 ? 1 : hash
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let stored = keys[slot]
            if stored == key { return masks[slot] }
            if stored == 0 { return 0 }
            slot = (slot + 1) & (keys.count - 1)
        }
    }
}

/// The normalized form used for matching words across texts: lower-cased, stemmed by the language's
/// stemmer (English for Latin script by default, Russian for Cyrillic), nil for stop words and punctuation.
///
/// The script of the word picks the stemmer, so a Latin name inside a Russian report and the same
/// name in an English one meet. Ukrainian words are lower-cased but not stemmed (no Ukrainian
/// stemmer; the Russian one would cut them wrongly), and so are Arabic and other scripts. A word is
/// a stop word when it is one in `language` or in its script's usual language (English for Latin,
/// Russian for Cyrillic), so that `.other` text still sheds "the" and "и".
public enum TermNormalizer {
    public static func term(_ token: Token, language: Language) -> String? {
        switch token.kind {
        case .punctuation, .quote: return nil
        case .number: return token.text
        case .word: return term(word: token.text, language: language)
        }
    }

    /// The term of one word as written, or nil for a stop word.
    public static func term(word: String, language: Language) -> String? {
        guard let first = word.utf8.first else { return nil }
        let languageBit = StopWordTable.bit(of: language) ?? 0
        if first < 0x80 {
            return latinTerm(word, stopBits: languageBit | StopWordTable.bit(of: .english)!)
        } else if first == 0xD0 || first == 0xD1 {
            return cyrillicTerm(word, stopBits: languageBit | StopWordTable.bit(of: .russian)!, language: language)
        }
        let script: Language = first >= 0xD8 && first <= 0xDB ? .arabic : .english
        return plainTerm(word, stopBits: languageBit | StopWordTable.bit(of: script)!)
    }

    /// ASCII words: lower-cased into a stack buffer and hashed in the same pass, then stemmed
    /// there, so the only allocation is the returned stem (none for stems of 15 bytes or fewer).
    private static func latinTerm(_ word: String, stopBits: UInt16) -> String? {
        var word = word
        return word.withUTF8 { source -> String? in
            guard source.count <= EnglishStemmer.maximumLength else {
                return plainTerm(String(decoding: source, as: UTF8.self), stopBits: stopBits)
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: EnglishStemmer.maximumLength + 4) {
                buffer -> String? in
                let base = buffer.baseAddress!
                guard let count = EnglishStemmer.lowercasedASCII(source, into: base) else {
                    return plainTerm(String(decoding: source, as: UTF8.self), stopBits: stopBits)
                }
                var hasher = WordHasher()
                for index in 0..<count { hasher.add(UInt32(base[index])) }
                if StopWords.table.mask(of: hasher.value) & stopBits != 0 { return nil }
                return EnglishStemmer.stemLowercased(base, count: count)
            }
        }
    }

    private static func cyrillicTerm(_ word: String, stopBits: UInt16, language: Language) -> String? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: RussianStemmer.maximumLength) { buffer -> String? in
            let codes = buffer.baseAddress!
            var hasher = WordHasher()
            var count = 0
            var start = 0
            for scalar in word.unicodeScalars {
                guard count < RussianStemmer.maximumLength else { return plainTerm(word, stopBits: stopBits) }
                if let code = RussianLetters.code(of: scalar) {
                    codes[count] = code
                } else if scalar == "-" {
                    codes[count] = RussianLetters.hyphen
                    start = count + 1
                } else {
                    return plainTerm(word, stopBits: stopBits)
                }
                hasher.add(RussianLetters.scalarValue(of: codes[count]))
                count += 1
            }
            if StopWords.table.mask(of: hasher.value) & stopBits != 0 { return nil }
            guard language != .ukrainian else { return RussianLetters.string(from: codes, count: count) }
            let length = RussianStemmer.stemInPlace(codes + start, count: count - start)
            return RussianLetters.string(from: codes, count: start + length)
        }
    }

    /// Any other word: lower-cased (’ as '), not stemmed.
    private static func plainTerm(_ word: String, stopBits: UInt16) -> String? {
        var lowered = word.lowercased()
        if lowered.unicodeScalars.contains("’") {
            lowered = String(String.UnicodeScalarView(lowered.unicodeScalars.map { $0 == "’" ? "'" : $0 }))
        }
        var hasher = WordHasher()
        for scalar in lowered.unicodeScalars { hasher.add(scalar.value) }
        return StopWords.table.mask(of: hasher.value) & stopBits != 0 ? nil : lowered
    }
}
