import Corroboration
import TextAnalysis

/// `corroborate-bench align`: claim alignment and number conflicts under the protocol of the
/// peer `bench/align_peer.py`, on one thread.
///
/// Article pairs are those of one gold event that are not copies of each other (different
/// `copy_group`), the earlier id first; sentences are the truth file's oracle spans (code point
/// offsets). Every sentence of the earlier article is matched to its best sentence in the later
/// one and kept if the similarity reaches `--tau`; a kept pair is correct when both carry the
/// same claim id. Number conflicts are scored as the peer scores them: on the correct pairs
/// whose sentences both hold a digit, against "either sentence carries an altered number".
///
/// The similarity's IDF is learned from every sentence read (all the paired articles) before
/// aligning: the offline fit the peers' TF-IDF also gets.
extension CorroborateBench {
    static func align(_ options: Options) throws {
        let corpus = try options.required("--corpus")
        let truthPath = try options.required("--truth")
        let tau = try options.double("--tau", default: ClaimAligner.defaultThreshold)
        let grid = try (options.values["--grid"] ?? "").split(separator: ",").map { value -> Double in
            guard let number = Double(value) else { throw UsageError(message: "--grid '\(value)' is not a number") }
            return number
        }
        let started = Clock.now
        var mark = started

        // Truth: events, copy groups, oracle spans.
        var truth = TruthTable()
        var reader = try LineReader(path: truthPath)
        var line = TruthLine()
        while try reader.next({ bytes, number throws(CorpusError) in
            guard !isBlank(bytes) else { return }
            try line.read(bytes, line: number, of: truthPath)
            truth.add(line)
        }) {}
        let pairs = truth.pairs()
        var needed = [Bool](repeating: false, count: truth.ids.count)
        for (a, b) in pairs {
            needed[a] = true
            needed[b] = true
        }
        let truthSeconds = Clock.now - mark

        // Corpus: the terms of every oracle sentence of the paired articles.
        mark = Clock.now
        let similarity = ClaimSimilarity()
        var statistics = TermStatistics()
        var articles = [ArticleTerms?](repeating: nil, count: truth.ids.count)
        var texts = [[String?]](repeating: [], count: truth.ids.count)
        var fields = ArticleFields()
        var corpusReader = try LineReader(path: corpus)
        var readSeconds = 0.0
        var termSeconds = 0.0
        var sentences = 0
        var scratch: [TermID] = []
        var position = 0
        var tick = Clock.now
        while try corpusReader.next({ bytes, number throws(CorpusError) in
            guard !isBlank(bytes) else { return }
            try fields.read(bytes, line: number, of: corpus)
            let row = fields.id.withUnsafeBufferPointer { truth.row(of: $0, position: position) }
            position += 1
            guard let article = row, needed[article] else { return }
            let now = Clock.now
            readSeconds += now - tick
            let spans = truth.spans[article]
            let byteSpans = fields.body.withUnsafeBufferPointer { Self.byteOffsets(of: spans, in: $0) }
            var terms = ArticleTerms()
            terms.reserveCapacity(claims: spans.count, terms: fields.body.count / 10)
            var digitTexts: [String?] = []
            digitTexts.reserveCapacity(spans.count)
            fields.body.withUnsafeBufferPointer { body in
                for (start, end) in byteSpans {
                    let sentence = UnsafeBufferPointer(rebasing: body[start..<end])
                    similarity.append(utf8: sentence, to: &terms, statistics: &statistics, scratch: &scratch)
                    // Text kept only where conflicts may be: sentences with a figure.
                    digitTexts.append(
                        terms.figures[terms.count - 1].mayHoldQuantity ? String(decoding: sentence, as: UTF8.self) : nil
                    )
                }
            }
            statistics.observe(terms)
            sentences += spans.count
            articles[article] = terms
            texts[article] = digitTexts
            tick = Clock.now
            termSeconds += tick - now
        }) {}
        readSeconds += Clock.now - tick

        // Vectors, once per article, now that the frequencies are known.
        mark = Clock.now
        let weights = TermWeights(statistics: statistics, boosts: similarity.boosts)
        var alignable = [AlignableClaims](repeating: AlignableClaims(), count: truth.ids.count)
        var figureSummaries = [[FigureSummary]](repeating: [], count: truth.ids.count)
        for index in articles.indices {
            guard let article = articles[index] else { continue }
            alignable[index] = AlignableClaims(article, weights: weights)
            // Only the figure summaries are read from here on.
            figureSummaries[index] = article.figures
            articles[index] = nil
        }
        let vectorSeconds = Clock.now - mark

        // Alignment: the best sentence of B for every sentence of A.
        mark = Clock.now
        let aligner = ClaimAligner(threshold: tau)
        var workspace = ClaimAligner.Workspace()
        var best: [BestMatch] = []
        best.reserveCapacity(pairs.count * 16)
        var cells = 0
        var goldAlignable = 0
        for (pairIndex, (a, b)) in pairs.enumerated() {
            cells += alignable[a].count * alignable[b].count
            aligner.bestMatches(alignable[a], alignable[b], workspace: &workspace) { sentenceA, sentenceB, score in
                best.append(
                    BestMatch(
                        score: score, pair: Int32(pairIndex), a: Int32(sentenceA), b: Int32(sentenceB)))
            }
        }
        let alignSeconds = Clock.now - mark

        // Scoring, as the peer scores.
        mark = Clock.now
        for (a, b) in pairs {
            let claimsB = Set(truth.claims[b].filter { $0 != 0 })
            goldAlignable += truth.claims[a].reduce(0) { $0 + ($1 != 0 && claimsB.contains($1) ? 1 : 0) }
        }
        func correct(_ match: BestMatch) -> Bool {
            let (a, b) = pairs[Int(match.pair)]
            let claimA = truth.claims[a][Int(match.a)]
            return claimA != 0 && claimA == truth.claims[b][Int(match.b)]
        }
        func quality(_ tau: Double) -> (Int, Double, Double, Double) {
            var predicted = 0
            var right = 0
            for match in best where Double(match.score) >= tau && match.score > 0 {
                predicted += 1
                if correct(match) { right += 1 }
            }
            let precision = predicted > 0 ? Double(right) / Double(predicted) : 1
            let recall = goldAlignable > 0 ? Double(right) / Double(goldAlignable) : 1
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            return (predicted, precision, recall, f1)
        }
        let scoreSeconds = Clock.now - mark

        // Number conflicts on the correct pairs with digits on both sides.
        mark = Clock.now
        let detector = NumberConflictDetector()
        var figures: [[NumberConflictDetector.Figures?]] = texts.map {
            [NumberConflictDetector.Figures?](repeating: nil, count: $0.count)
        }
        func figuresOf(_ article: Int, _ sentence: Int) -> NumberConflictDetector.Figures {
            if let known = figures[article][sentence] { return known }
            let text = texts[article][sentence]!
            let found = NumberConflictDetector.Figures(
                QuantityExtractor.quantities(in: text, tokens: Tokenizer.tokens(of: text)))
            figures[article][sentence] = found
            return found
        }
        func hasDigit(_ text: String?) -> Bool { text?.utf8.contains { $0 &- 0x30 < 10 } ?? false }
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var checkedPairs = 0
        var extractedPairs = 0
        for match in best where Double(match.score) >= tau && match.score > 0 && correct(match) {
            let (a, b) = pairs[Int(match.pair)]
            let sentenceA = Int(match.a)
            let sentenceB = Int(match.b)
            // The peer's filter: a digit on both sides.
            guard hasDigit(texts[a][sentenceA]), hasDigit(texts[b][sentenceB]) else { continue }
            checkedPairs += 1
            var predicted = false
            if NumberConflictDetector.mayConflict(figureSummaries[a][sentenceA], figureSummaries[b][sentenceB]) {
                extractedPairs += 1
                predicted = !detector.conflicts(figuresOf(a, sentenceA), figuresOf(b, sentenceB)).isEmpty
            }
            let gold = truth.conflicts[a][sentenceA] || truth.conflicts[b][sentenceB]
            if predicted && gold { truePositives += 1 }
            if predicted && !gold { falsePositives += 1 }
            if !predicted && gold { falseNegatives += 1 }
        }
        let conflictSeconds = Clock.now - mark
        let conflictPrecision =
            truePositives + falsePositives > 0 ? Double(truePositives) / Double(truePositives + falsePositives) : 1
        let conflictRecall =
            truePositives + falseNegatives > 0 ? Double(truePositives) / Double(truePositives + falseNegatives) : 1

        let total = Clock.now - started
        for threshold in grid.isEmpty ? [tau] : grid {
            let (predicted, precision, recall, f1) = quality(threshold)
            var fieldsJSON: [(String, String)] = [
                ("method", "\"corroborate\""),
                ("tau", "\(threshold)"),
                ("article_pairs", "\(pairs.count)"),
                ("sentences", "\(sentences)"),
                ("sentence_cells", "\(cells)"),
                ("gold_alignable", "\(goldAlignable)"),
                ("predicted", "\(predicted)"),
                ("align_p", rounded(precision)),
                ("align_r", rounded(recall)),
                ("align_f1", rounded(f1)),
            ]
            if threshold == tau {
                fieldsJSON += [
                    ("conflict_checked", "\(checkedPairs)"),
                    ("conflict_extracted", "\(extractedPairs)"),
                    ("conflict_p", rounded(conflictPrecision)),
                    ("conflict_r", rounded(conflictRecall)),
                    (
                        "conflict_f1",
                        rounded(
                            conflictPrecision + conflictRecall > 0
                                ? 2 * conflictPrecision * conflictRecall / (conflictPrecision + conflictRecall) : 0)
                    ),
                    ("conflict_tp", "\(truePositives)"),
                    ("conflict_fp", "\(falsePositives)"),
                    ("conflict_fn", "\(falseNegatives)"),
                ]
            }
            fieldsJSON += [
                ("cells_per_s", "\(Int(Double(cells) / max(alignSeconds, 1e-9)))"),
                ("sentence_pairs_per_s", "\(Int(Double(cells) / max(total, 1e-9)))"),
                ("vocabulary", "\(statistics.count)"),
                ("total_s", rounded(total)),
                ("truth", rounded(truthSeconds)),
                ("read", rounded(readSeconds)),
                ("terms", rounded(termSeconds)),
                ("vectors", rounded(vectorSeconds)),
                ("align", rounded(alignSeconds)),
                ("score", rounded(scoreSeconds)),
                ("conflicts", rounded(conflictSeconds)),
            ]
            print("{" + fieldsJSON.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        }
    }

    /// UTF-8 byte ranges of code point spans (as Python counts them), in one pass when the spans
    /// run forward, as oracle sentences do.
    static func byteOffsets(of spans: [(Int, Int)], in bytes: UnsafeBufferPointer<UInt8>) -> [(Int, Int)] {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return spans.map { (min($0.0, bytes.count), min(max($0.0, $0.1), bytes.count)) } }
        var result: [(Int, Int)] = []
        result.reserveCapacity(spans.count)
        var scalar = 0
        var offset = 0
        func advance(to target: Int) -> Int {
            if target < scalar {
                scalar = 0
                offset = 0
            }
            while scalar < target && offset < bytes.count {
                offset += 1
                while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                scalar += 1
            }
            return offset
        }
        for (start, end) in spans {
            let low = advance(to: start)
            result.append((low, max(low, advance(to: end))))
        }
        return result
    }
}

/// The best sentence of B for one sentence of A.
struct BestMatch {
    var score: Float
    var pair: Int32
    var a: Int32
    var b: Int32
}

/// The truth file's articles: ids, events, copy groups, oracle spans, claim ids, conflict flags.
/// Events, copy groups and claim ids are kept as 64-bit hashes of their text (a collision between
/// two of the corpus's 1.2 million claim ids is a one-in-10^7 chance), so that reading the file
/// makes no string per claim.
struct TruthTable {
    var ids: [String] = []
    var index: [String: Int] = [:]
    var events: [UInt64] = []
    var copyGroups: [UInt64] = []
    var spans: [[(Int, Int)]] = []
    /// Claim id hash per sentence, 0 for none.
    var claims: [[UInt64]] = []
    var conflicts: [[Bool]] = []

    mutating func add(_ line: TruthLine) {
        let id = String(decoding: line.id, as: UTF8.self)
        index[id] = ids.count
        ids.append(id)
        events.append(line.event.withUnsafeBufferPointer { SpellingHash.of($0) })
        copyGroups.append(line.copyGroup.withUnsafeBufferPointer { SpellingHash.of($0) })
        spans.append(line.spans)
        claims.append(line.claims)
        conflicts.append(line.conflicts)
    }

    /// The row of an article id, trying the corpus line's own position first (the truth file
    /// lists the corpus's articles in its order).
    func row(of id: UnsafeBufferPointer<UInt8>, position: Int) -> Int? {
        if position < ids.count, ids[position].utf8.elementsEqual(id) { return position }
        return index[String(decoding: id, as: UTF8.self)]
    }

    /// Pairs of one event that are not copies of each other, ids in order (as the peer sorts them).
    func pairs() -> [(Int, Int)] {
        var byEvent: [UInt64: [Int]] = [:]
        for (article, event) in events.enumerated() { byEvent[event, default: []].append(article) }
        var result: [(Int, Int)] = []
        // Events in order of first appearance, as the peer's dict iterates them.
        var seen = Set<UInt64>()
        for event in events where seen.insert(event).inserted {
            let members = byEvent[event]!.sorted { ids[$0] < ids[$1] }
            for x in members.indices {
                for y in members.index(after: x)..<members.endIndex
                where copyGroups[members[x]] != copyGroups[members[y]] {
                    result.append((members[x], members[y]))
                }
            }
        }
        return result
    }
}

/// A 64-bit FNV-1a hash of bytes, never 0 (0 marks "no claim").
enum SpellingHash {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash ^= hash >> 29
        return hash == 0 ? 1 : hash
    }
}

/// One truth line: `{"id", "event", "copy_group", "claims": [[start, end, claim|null, conflict], ...]}`.
struct TruthLine: JSONLineRecord {
    var id: [UInt8] = []
    var event: [UInt8] = []
    var copyGroup: [UInt8] = []
    var spans: [(Int, Int)] = []
    private var claim: [UInt8] = []
    /// Claim id hashes, 0 for none.
    var claims: [UInt64] = []
    var conflicts: [Bool] = []

    mutating func read(_ line: UnsafeBufferPointer<UInt8>) throws(CorpusError) {
        id.removeAll(keepingCapacity: true)
        event.removeAll(keepingCapacity: true)
        copyGroup.removeAll(keepingCapacity: true)
        spans = []
        claims = []
        conflicts = []
        var cursor = JSONCursor(line)
        cursor.skipSpace()
        try cursor.expect(UInt8(ascii: "{"))
        var key: [UInt8] = []
        while true {
            cursor.skipSpace()
            if cursor.peek == UInt8(ascii: "}") { return }
            key.removeAll(keepingCapacity: true)
            try cursor.expect(UInt8(ascii: "\""))
            try cursor.string(into: &key)
            cursor.skipSpace()
            try cursor.expect(UInt8(ascii: ":"))
            cursor.skipSpace()
            switch String(decoding: key, as: UTF8.self) {
            case "id": try Self.scalar(&cursor, into: &id)
            case "event": try Self.scalar(&cursor, into: &event)
            case "copy_group": try Self.scalar(&cursor, into: &copyGroup)
            case "claims": try readClaims(&cursor)
            default: try cursor.skipValue()
            }
            cursor.skipSpace()
            if cursor.peek == UInt8(ascii: ",") {
                cursor.advance()
                continue
            }
            try cursor.expect(UInt8(ascii: "}"))
            return
        }
    }

    /// A string's bytes, or a number or literal as written.
    static func scalar(_ cursor: inout JSONCursor, into output: inout [UInt8]) throws(CorpusError) {
        if cursor.peek == UInt8(ascii: "\"") {
            cursor.advance()
            try cursor.string(into: &output)
        } else {
            let from = cursor.position
            try cursor.skipValue()
            output.append(contentsOf: cursor.bytes(from: from))
        }
    }

    static func integer(_ cursor: inout JSONCursor) throws(CorpusError) -> Int {
        cursor.skipSpace()
        var value = 0
        var digits = 0
        while cursor.peek &- 0x30 < 10 {
            value = value * 10 + Int(cursor.peek - 0x30)
            digits += 1
            cursor.advance()
        }
        guard digits > 0 else { throw CorpusError(description: "expected an integer at column \(cursor.position + 1)") }
        cursor.skipSpace()
        return value
    }

    mutating func readClaims(_ cursor: inout JSONCursor) throws(CorpusError) {
        try cursor.expect(UInt8(ascii: "["))
        cursor.skipSpace()
        if cursor.peek == UInt8(ascii: "]") {
            cursor.advance()
            return
        }
        while true {
            cursor.skipSpace()
            try cursor.expect(UInt8(ascii: "["))
            let start = try Self.integer(&cursor)
            try cursor.expect(UInt8(ascii: ","))
            let end = try Self.integer(&cursor)
            try cursor.expect(UInt8(ascii: ","))
            cursor.skipSpace()
            if cursor.peek == UInt8(ascii: "\"") {
                cursor.advance()
                claim.removeAll(keepingCapacity: true)
                try cursor.string(into: &claim)
                claims.append(claim.withUnsafeBufferPointer { SpellingHash.of($0) })
            } else {
                try cursor.skipValue()
                claims.append(0)
            }
            cursor.skipSpace()
            try cursor.expect(UInt8(ascii: ","))
            let flag = try Self.integer(&cursor)
            try cursor.expect(UInt8(ascii: "]"))
            spans.append((start, end))
            conflicts.append(flag != 0)
            cursor.skipSpace()
            if cursor.peek == UInt8(ascii: ",") {
                cursor.advance()
                continue
            }
            try cursor.expect(UInt8(ascii: "]"))
            return
        }
    }
}
