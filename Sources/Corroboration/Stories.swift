import Foundation
import NearDuplicates
import TextAnalysis

/// One article as story clustering sees it.
public struct StoryArticle: Sendable, Hashable {
    public var id: String
    public var published: Date
    public var title: String
    public var body: String
    /// Names the caller already extracted (entities, places, claim actors), if any: each is one
    /// more term, in a namespace of its own, so a recognized name weighs as the rare word it is.
    public var entities: [String]

    public init(id: String, published: Date, title: String, body: String, entities: [String] = []) {
        self.id = id
        self.published = published
        self.title = title
        self.body = body
        self.entities = entities
    }
}

/// A story: the reports of one event.
public struct Story: Sendable, Hashable, Identifiable {
    public var id: Int
    /// The title of the most central member (the one most similar to the others): the report
    /// that best stands for the whole, rather than the first, which is often a terse flash.
    public var title: String
    public var firstSeen: Date
    public var lastSeen: Date
    /// Member article ids in arrival order.
    public var articleIDs: [String]
    /// Stories this one resembles without being the same event (a follow-up, an earlier episode).
    public var related: [Int]
}

/// Where `StoryClusterer.add(_:)` put an article.
public struct StoryAssignment: Sendable, Hashable {
    public var story: Int
    public var isNewStory: Bool
    /// Cosine similarity to the closest member of the story joined; 0 for a new story.
    public var similarity: Double
    /// The most similar other story, when it came close without being the same event.
    public var related: Int?
}

/// The knobs of story clustering. Defaults were tuned on the peer benchmark's dev corpus only.
public struct StoryClusteringConfiguration: Sendable, Hashable {
    /// Cosine similarity (TF-IDF, sublinear term frequency) an article needs with a member of a
    /// story to join it.
    public var threshold: Double = 0.35
    /// Articles and stories older than this (against the newest publication time seen) are
    /// neither compared nor kept: wires report an event within a day or two.
    public var window: TimeInterval = 72 * 3600
    /// How many of an article's rarest weighty terms it is indexed under, and how many of a new
    /// article's terms look for candidates: two reports of one event share names and numbers.
    public var indexTerms: Int = 24
    public var queryTerms: Int = 16
    /// Of a new article's query terms, how many a stored article must be indexed under to be
    /// compared at all: one shared name is a coincidence, three are a lead.
    public var minimumSharedTerms: Int = 3
    /// At most this many candidates (those sharing the most terms) are compared, so a burst of
    /// look-alike reports costs a bounded amount per article.
    public var maximumComparisons: Int = 16
    /// A term indexing more live articles than this is too common to point at one event, and is
    /// not followed (reading its list would cost more than it tells).
    public var maximumPostingLength: Int = 100
    /// IDF cut-offs, as a batch TF-IDF would set them: a term held by one article cannot link
    /// two, and one held by most articles says nothing.
    public var minimumDocumentFrequency: Int = 1
    public var maximumDocumentFraction: Double = 0.5
    /// The fraction cut applies from this many articles on (with three articles, "most" means
    /// two, which would drop exactly the words two reports of one event share).
    public var fractionCutFrom: Int = 20
    /// Similarity above which another story is recorded as related.
    public var relatedThreshold: Double = 0.2
    /// Similarity needed instead of `threshold` when both articles' leads date the event and no
    /// date agrees: a strike on the 25th beside one on the 16th, same actors and place, is
    /// another event, and only near-identical text should overrule its date.
    public var dateConflictThreshold: Double = 0.9
    /// While IDF has seen few articles every word looks rare and unrelated articles look alike:
    /// the threshold starts this much higher and falls back to `threshold` linearly over the
    /// first `warmUpArticles`.
    public var warmUpBoost: Double = 0.0
    public var warmUpArticles: Int = 1000
    /// Whether to read the lead's dates at all (`TimeExtractor` on the first sentence after the
    /// dateline). Off for text without publication times, where "on Saturday" cannot be placed.
    public var readsLeadDates: Bool = true

    public init() {}
}

/// Groups articles that report one event into stories, one article at a time, in publication
/// order.
///
/// Why this shape: a new article must meet only its candidates, never every stored item. Each
/// article is indexed under its rarest weighty terms (names, places, figures: what another report
/// of the same event repeats); a new article follows the lists of its own weightiest terms and
/// compares itself (cosine of sublinear TF-IDF vectors, IDF learned so far) only with the live
/// articles that share several of them. It joins the story of the most similar one when that is
/// close enough, else starts a story. Articles and stories older than the window leave memory;
/// finished stories are handed out by `takeClosedStories()` with their members.
///
/// Precision comes first: a false merge invents corroboration. The follow-up of an event shares
/// its people, place and half its words, so words are not enough: when both leads date what
/// happened and no date agrees, only near-identical text may join (`dateConflictThreshold`).
/// While IDF is young the threshold is raised (`warmUpBoost`). Figures count as words, so other
/// numbers weigh against a merge as other names do.
public struct StoryClusterer: Sendable {
    public let configuration: StoryClusteringConfiguration
    private var terms = StoryTerms()
    private let tokenizer = WordTokenizer()

    /// Live articles, oldest first; `live[i]` has sequence number `liveOffset + i`.
    private var live: [LiveArticle] = []
    private var liveOffset = 0
    /// Sequence number of the oldest article still inside the window.
    private var oldestLive = 0
    /// Per term, the sequence numbers of the live articles indexed under it (ascending).
    private var postings: [PostingList] = []
    private var openStories: [Int: OpenStory] = [:]
    private var closed: [Story] = []
    private var nextStory = 0
    private var newest = -Double.infinity
    private var added = 0

    // Scratch, kept between calls to spare allocations.
    private var termCounts: [UInt32] = []
    private var stamp: UInt32 = 0
    /// Per live article (same positions as `live`): the query that last met it, and how many of
    /// that query's terms it shares.
    private var stamps: [UInt32] = []
    private var hits: [Int32] = []

    public init(configuration: StoryClusteringConfiguration = StoryClusteringConfiguration()) {
        self.configuration = configuration
    }

    /// Number of articles currently held for comparison.
    public var liveArticleCount: Int { live.count - (oldestLive - liveOffset) }
    /// Number of stories still open (inside the window).
    public var openStoryCount: Int { openStories.count }
    /// Work done so far: posting entries read and similarities computed (for benchmarks).
    public private(set) var postingsRead = 0
    public private(set) var comparisons = 0

    /// Assigns `article` to a story, creating one when nothing fits.
    public mutating func add(_ article: StoryArticle) -> StoryAssignment {
        let time = article.published.timeIntervalSinceReferenceDate
        newest = max(newest, time)
        evict(before: newest - configuration.window)

        // The dateline names the filing place and the outlet ("INTERFAX.RU -", "MOSCOW, Sept 17
        // /TASS/."): words every report of that outlet shares whatever the event, and a date that
        // is the filing day, not the event's. Neither the terms nor the lead dates read it.
        var article = article
        article.body = Self.strippingDateline(article.body)
        let (articleTerms, frequencies) = bagOfTerms(article)
        let days = configuration.readsLeadDates ? Self.leadDays(ofBody: article.body, published: article.published) : []
        let script = terms.count(article: articleTerms)
        let weights = terms.weights(
            minimumFrequency: configuration.minimumDocumentFrequency,
            maximumFraction: configuration.maximumDocumentFraction,
            fractionFrom: configuration.fractionCutFrom)
        if postings.count < terms.count {
            postings.append(contentsOf: repeatElement(PostingList(), count: terms.count - postings.count))
        }

        // The query vector (aligned with the sorted terms), and the terms that find candidates
        // and index the article.
        var norm: Float = 0
        var queryScores: [ScoredTerm] = []
        var indexScores: [ScoredTerm] = []
        queryScores.reserveCapacity(articleTerms.count)
        indexScores.reserveCapacity(articleTerms.count)
        var query = Query()
        query.weights.reserveCapacity(articleTerms.count)
        query.idf.reserveCapacity(articleTerms.count)
        for (term, tf) in zip(articleTerms, frequencies) {
            let idf = terms.idf(term, weights)
            let weight = tf * idf
            query.weights.append(weight)
            query.idf.append(idf)
            norm += weight * weight
            if weight > 0 { queryScores.append(ScoredTerm(score: weight, term: term)) }
            indexScores.append(ScoredTerm(score: tf * terms.rarity(term, weights), term: term))
        }
        norm = norm.squareRoot()
        query.terms = articleTerms
        query.norm = norm

        // Candidates: live articles sharing one of this article's top terms.
        stamp &+= 1
        var candidates: [Int] = []
        if norm > 0 {
            for entry in ScoredTerm.best(configuration.queryTerms, of: &queryScores) {
                collect(term: entry.term, into: &candidates)
            }
        }

        // Similarity with each candidate, under the IDF of this moment; best per story.
        // Young IDF is read per script: the few Russian reports of a mostly English run have a
        // young IDF of their own long after the English one has settled.
        let seen = terms.documents[script]
        let warmUp = max(0, 1 - Double(seen) / Double(max(1, configuration.warmUpArticles)))
        let threshold = configuration.threshold + configuration.warmUpBoost * warmUp
        var bestStory = -1
        var bestSimilarity: Float = 0
        var secondStory = -1
        var secondSimilarity: Float = 0
        var similarities: [(index: Int, similarity: Float)] = []
        similarities.reserveCapacity(candidates.count)
        for index in strongest(candidates) {
            let similarity = similarity(query, days, with: index, weights)
            similarities.append((index, similarity))
            let story = live[index].story
            if similarity > bestSimilarity {
                if story != bestStory {
                    secondStory = bestStory
                    secondSimilarity = bestSimilarity
                }
                bestStory = story
                bestSimilarity = similarity
            } else if story != bestStory && similarity > secondSimilarity {
                secondStory = story
                secondSimilarity = similarity
            }
        }

        // Join or start.
        let joins = bestStory >= 0 && Double(bestSimilarity) >= threshold
        let storyID: Int
        var related: Int?
        if joins {
            storyID = bestStory
            if secondStory >= 0 && Double(secondSimilarity) >= configuration.relatedThreshold {
                related = secondStory
            }
        } else {
            storyID = nextStory
            nextStory += 1
            openStories[storyID] = OpenStory(first: time)
            if bestStory >= 0 && Double(bestSimilarity) >= configuration.relatedThreshold { related = bestStory }
        }
        var centrality: Float = 0
        for (index, similarity) in similarities where live[index].story == storyID {
            centrality += similarity
            openStories[storyID]!.centrality[Int(live[index].member)] += similarity
        }
        let member = openStories[storyID]!.add(id: article.id, title: article.title, time: time, centrality: centrality)
        if let related {
            openStories[storyID]!.related.insert(related)
            openStories[related]?.related.insert(storyID)
        }

        // Index the article under its rarest weighty terms.
        let sequence = liveOffset + live.count
        for entry in ScoredTerm.best(configuration.indexTerms, of: &indexScores) {
            postings[Int(entry.term)].sequences.append(Int32(sequence))
        }
        stamps.append(0)
        hits.append(0)
        var stored = LiveArticle(
            time: time, story: storyID, member: Int32(member), terms: articleTerms, frequencies: frequencies, days: days
        )
        stored.refreshNorm(terms, weights, at: added)
        live.append(stored)
        added += 1
        return StoryAssignment(
            story: storyID, isNewStory: !joins, similarity: joins ? Double(bestSimilarity) : 0, related: related)
    }

    /// Stories that left the window since the last call, with their members.
    public mutating func takeClosedStories() -> [Story] {
        defer { closed.removeAll() }
        return closed
    }

    /// The stories still open, most recent last.
    public var currentStories: [Story] {
        openStories.sorted { $0.key < $1.key }.map { $0.value.story(id: $0.key) }
    }

    /// Closes every open story and returns all stories not yet taken.
    public mutating func finish() -> [Story] {
        for (id, story) in openStories.sorted(by: { $0.key < $1.key }) { closed.append(story.story(id: id)) }
        openStories.removeAll()
        liveOffset += live.count
        live.removeAll()
        stamps.removeAll()
        hits.removeAll()
        oldestLive = liveOffset
        return takeClosedStories()
    }

    // MARK: - Internals

    /// Term numbers (each once) and sublinear term frequencies `1 + ln tf` of title, body and
    /// the caller's names.
    private mutating func bagOfTerms(_ article: StoryArticle) -> ([Int32], [Float]) {
        if termCounts.count < terms.count {
            termCounts.append(contentsOf: repeatElement(0, count: terms.count - termCounts.count))
        }
        var unique: [Int32] = []
        unique.reserveCapacity(256)
        // Known words are counted during the scan; new ones wait in `misses` until the table may
        // change (a new word can grow it).
        var misses: [UInt8] = []
        var missEnds: [Int] = []
        var title = article.title
        var body = article.body
        title.withUTF8 { titleBytes in
            body.withUTF8 { bodyBytes in
                terms.withLookup { lookup in
                    termCounts.withUnsafeMutableBufferPointer { counts in
                        tokenizer.forEachWord(inUTF8: [titleBytes, bodyBytes]) { word in
                            guard word.count >= 2 else { return }
                            switch lookup.find(word) {
                            case .term(let term):
                                if counts[Int(term)] == 0 { unique.append(term) }
                                counts[Int(term)] &+= 1
                            case .stopWord:
                                break
                            case .unknown:
                                misses.append(contentsOf: word)
                                missEnds.append(misses.count)
                            }
                        }
                    }
                }
            }
        }
        var found: [Int32] = []
        misses.withUnsafeBufferPointer { bytes in
            var start = 0
            for end in missEnds {
                if let term = terms.term(ofWord: UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                    found.append(term)
                }
                start = end
            }
        }
        for name in article.entities where !name.isEmpty { found.append(terms.term(ofName: name)) }
        if termCounts.count < terms.count {
            termCounts.append(contentsOf: repeatElement(0, count: terms.count - termCounts.count))
        }
        for term in found {
            if termCounts[Int(term)] == 0 { unique.append(term) }
            termCounts[Int(term)] &+= 1
        }
        // Sorted, so that two vectors meet by merging.
        unique.sort()
        var frequencies: [Float] = []
        frequencies.reserveCapacity(unique.count)
        for term in unique {
            let count = Int(termCounts[Int(term)])
            frequencies.append(count < Self.sublinear.count ? Self.sublinear[count] : 1 + Float(log(Double(count))))
            termCounts[Int(term)] = 0
        }
        return (unique, frequencies)
    }

    /// `1 + ln(tf)` for the usual small counts.
    private static let sublinear: [Float] = (0..<64).map { $0 == 0 ? 0 : 1 + Float(log(Double($0))) }

    /// The days (UTC day numbers) the lead dates things on: the title and the first paragraph
    /// after its dateline (whose date is the filing day, not the event's), read by
    /// `TimeExtractor` against the publication time. Only day-precise or finer mentions count.
    /// The first line of `body`, at most 600 bytes of it (cut on a character boundary): the lead.
    static func lead(of body: String) -> Substring {
        let utf8 = body.utf8
        var end = utf8.firstIndex(of: 0x0A) ?? utf8.endIndex
        if utf8.distance(from: utf8.startIndex, to: end) > 600 {
            end = utf8.index(utf8.startIndex, offsetBy: 600)
            while end > utf8.startIndex && UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
        }
        return body[..<end]
    }

    /// `body` without the dateline that opens its lead.
    static func strippingDateline(_ body: String) -> String {
        let lead = String(lead(of: body))
        guard let end = Boilerplate.dateline(in: lead)?.range.upperBound ?? agencyDatelineEnd(lead) else { return body }
        let utf8 = body.utf8
        return String(body[utf8.index(utf8.startIndex, offsetBy: min(end, utf8.count))...])
    }

    /// Where a dateline that closes on the agency's name and a dash ends ("Москва. 16 сентября.
    /// INTERFAX.RU - ", "BRUSSELS. Sept 14 (Interfax) - ", "Deir Ezzor, SANA – "), a form the
    /// shared dateline reader does not take: a capitalized opening of two to six words whose last
    /// is the agency, in capitals or in brackets, then a spaced dash. Nil when the lead does not
    /// open so.
    static func agencyDatelineEnd(_ lead: String) -> Int? {
        var lead = lead
        return lead.withUTF8 { bytes -> Int? in
            guard let first = bytes.first, first >= 0x41 && first <= 0x5A || first == 0xD0 else { return nil }
            // The first spaced dash: " - ", or an en or em dash (E2 80 93, E2 80 94) between spaces.
            var dash: (start: Int, end: Int)?
            var index = 1
            while dash == nil && index + 1 < min(bytes.count, 100) {
                if bytes[index - 1] == 0x20 {
                    if bytes[index] == 0x2D && bytes[index + 1] == 0x20 {
                        dash = (index - 1, index + 2)
                    } else if bytes[index] == 0xE2 && index + 3 < bytes.count && bytes[index + 1] == 0x80
                        && (bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94) && bytes[index + 3] == 0x20
                    {
                        dash = (index - 1, index + 4)
                    }
                }
                index += 1
            }
            guard let dash else { return nil }
            let words = bytes[..<dash.start].split(separator: 0x20)
            guard let last = words.last, words.count >= 2, words.count <= 6 else { return nil }
            let agency = String(decoding: UnsafeBufferPointer(rebasing: last), as: UTF8.self)
            let letters = agency.filter(\.isLetter)
            let capitals = letters.count >= 3 && letters.allSatisfy(\.isUppercase)
            let bracketed = agency.hasPrefix("(") && agency.hasSuffix(")") && letters.first?.isUppercase == true
            return capitals || bracketed ? dash.end : nil
        }
    }

    /// The event days the lead of `article` names (its dateline set aside).
    static func leadDays(_ article: StoryArticle) -> [Int32] {
        leadDays(ofBody: strippingDateline(article.body), published: article.published)
    }

    static func leadDays(ofBody body: String, published: Date) -> [Int32] {
        var text = String(lead(of: body))
        // The first sentence: where a report says what happened and when.
        let firstSentence: Int? =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                var index = 0
                while index + 1 < bytes.count {
                    if bytes[index] == UInt8(ascii: ".") && bytes[index + 1] == UInt8(ascii: " ") { return index }
                    index += 1
                }
                return nil
            } ?? nil
        if let firstSentence {
            text = String(text[..<text.utf8.index(text.startIndex, offsetBy: firstSentence)])
        }
        var days: [Int32] = []
        for mention in TimeExtractor.times(in: text, tokens: Tokenizer.tokens(of: text), published: published) {
            guard let interval = mention.interval, !Self.isBound(before: mention.range.lowerBound, in: text) else {
                continue
            }
            switch mention.granularity {
            case .minute, .hour, .partOfDay, .day:
                let day = Int32((interval.start.timeIntervalSince1970 / 86_400).rounded(.down))
                if !days.contains(day) { days.append(day) }
            case .week, .month, .year, .vague: continue
            }
        }
        return days
    }

    /// Whether the word before byte `offset` of `text` makes the date that follows a bound
    /// ("until September 20", "до 20 сентября"): when something ends, not when it happened.
    static func isBound(before offset: Int, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            var end = min(offset, utf8.count)
            while end > 0 && utf8[end - 1] == 0x20 { end -= 1 }
            var start = end
            while start > 0 && utf8[start - 1] != 0x20 && end - start <= 8 { start -= 1 }
            guard end - start >= 2 && end - start <= 7 else { return false }
            return boundWords.contains(
                String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self).lowercased())
        }
    }

    private static let boundWords: Set<String> = ["until", "till", "through", "by", "до", "по"]

    /// Both name days and none agrees.
    static func datesConflict(_ a: [Int32], _ b: [Int32]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        for day in a where b.contains(day) { return false }
        return true
    }

    /// Adds the live articles indexed under `term` to `candidates` (once each), counting hits.
    private mutating func collect(term: Int32, into candidates: inout [Int]) {
        let list = Int(term)
        let floor = Int32(oldestLive)
        var head = postings[list].head
        let count = postings[list].sequences.count
        while head < count && postings[list].sequences[head] < floor { head += 1 }
        if head > 32 && head * 2 > count {
            postings[list].sequences.removeFirst(head)
            head = 0
        }
        postings[list].head = head
        guard postings[list].sequences.count - head <= configuration.maximumPostingLength else { return }
        postingsRead += postings[list].sequences.count - head
        let offset = liveOffset
        let stamp = stamp
        postings[list].sequences.withUnsafeBufferPointer { sequences in
            stamps.withUnsafeMutableBufferPointer { stamps in
                hits.withUnsafeMutableBufferPointer { hits in
                    for position in head..<sequences.count {
                        let index = Int(sequences[position]) - offset
                        if stamps[index] != stamp {
                            stamps[index] = stamp
                            hits[index] = 0
                            candidates.append(index)
                        }
                        hits[index] &+= 1
                    }
                }
            }
        }
    }

    /// Cosine similarity, scaled down when both leads date the event and no date agrees.
    private mutating func similarity(_ query: Query, _ days: [Int32], with index: Int, _ weights: IDFWeights) -> Float {
        var similarity = cosine(query, with: index, weights)
        comparisons += 1
        if Double(similarity) < configuration.dateConflictThreshold && Self.datesConflict(days, live[index].days) {
            // Scaled so that it clears `threshold` only at `dateConflictThreshold`.
            similarity *= Float(configuration.threshold / configuration.dateConflictThreshold)
        }
        return similarity
    }

    /// The candidates worth a similarity: those sharing at least `minimumSharedTerms` of the
    /// query's terms, and of those the `maximumComparisons` sharing most (the later first on a tie).
    private func strongest(_ candidates: [Int]) -> [Int] {
        var eligible = candidates.filter { hits[$0] >= configuration.minimumSharedTerms }
        guard eligible.count > configuration.maximumComparisons else { return eligible }
        eligible.sort { hits[$0] > hits[$1] || (hits[$0] == hits[$1] && $0 > $1) }
        return Array(eligible.prefix(configuration.maximumComparisons))
    }

    /// Cosine of the query and a live article, both term lists sorted, under the IDF of this
    /// moment. The article's own norm is refreshed when it has aged (IDF drifts slowly), so a
    /// comparison reads only the two lists.
    private mutating func cosine(_ query: Query, with index: Int, _ weights: IDFWeights) -> Float {
        let normAt = live[index].normAt
        if added - normAt > max(Self.normRefresh, normAt / 16) { live[index].refreshNorm(terms, weights, at: added) }
        let article = live[index]
        var norm = article.stableNorm
        for position in article.rareTerms {
            let weight = article.frequencies[Int(position)] * terms.idf(article.terms[Int(position)], weights)
            norm += weight * weight
        }
        norm = norm.squareRoot()
        guard norm > 0, query.norm > 0 else { return 0 }
        var dot: Float = 0
        query.terms.withUnsafeBufferPointer { queryTerms in
            query.weights.withUnsafeBufferPointer { queryWeights in
                query.idf.withUnsafeBufferPointer { queryIDF in
                    article.terms.withUnsafeBufferPointer { articleTerms in
                        article.frequencies.withUnsafeBufferPointer { frequencies in
                            var left = 0
                            var right = 0
                            while left < queryTerms.count && right < articleTerms.count {
                                let a = queryTerms[left]
                                let b = articleTerms[right]
                                if a == b {
                                    dot += queryWeights[left] * queryIDF[left] * frequencies[right]
                                    left += 1
                                    right += 1
                                } else if a < b {
                                    left += 1
                                } else {
                                    right += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return dot / (norm * query.norm)
    }

    /// Articles between refreshes of a stored norm: at least this many, and at least a
    /// sixteenth of those seen (by then IDFs have moved by about 6%).
    private static let normRefresh = 32

    /// Forgets the articles published before `limit` and closes the stories last seen before it.
    private mutating func evict(before limit: Double) {
        var oldest = oldestLive - liveOffset
        while oldest < live.count && live[oldest].time < limit {
            live[oldest].terms = []
            live[oldest].frequencies = []
            oldest += 1
        }
        oldestLive = liveOffset + oldest
        if oldest > 1024 && oldest * 2 > live.count {
            live.removeFirst(oldest)
            stamps.removeFirst(oldest)
            hits.removeFirst(oldest)
            liveOffset += oldest
        }
        if added % 256 == 0 {
            let stale = openStories.filter { $0.value.last < limit }.map(\.key).sorted()
            for id in stale { closed.append(openStories.removeValue(forKey: id)!.story(id: id)) }
        }
    }
}

/// An article inside the window: its term vector (IDF applied at comparison time) and story.
private struct LiveArticle: Sendable {
    var time: Double
    var story: Int
    var member: Int32
    var terms: [Int32]
    var frequencies: [Float]
    var days: [Int32]
    /// The squared norm of the vector's terms held by enough articles, under the IDF of article
    /// number `normAt`; the rest (`rareTerms`, positions in `terms`) are added at comparison
    /// time, since a term this article alone held becomes weighty the moment a second report
    /// repeats it.
    var stableNorm: Float = 0
    var rareTerms: [Int32] = []
    var normAt = 0

    mutating func refreshNorm(_ terms: StoryTerms, _ weights: IDFWeights, at moment: Int) {
        stableNorm = 0
        rareTerms.removeAll()
        for position in self.terms.indices {
            let term = self.terms[position]
            if terms.documentFrequency[Int(term)] < weights.minimum {
                rareTerms.append(Int32(position))
            } else {
                let weight = frequencies[position] * terms.idf(term, weights)
                stableNorm += weight * weight
            }
        }
        normAt = moment
    }
}

/// A new article's vector: sorted terms, their weights and IDFs.
private struct Query {
    var terms: [Int32] = []
    var weights: [Float] = []
    var idf: [Float] = []
    var norm: Float = 0
}

/// A term and how much it counts, for choosing the few that find or index an article.
private struct ScoredTerm {
    var score: Float
    var term: Int32

    /// The `count` highest-scoring entries (in no particular order), found by selection rather
    /// than by sorting: an article has a few hundred terms and a couple of dozen are kept. Ties
    /// are broken by term number, so the choice never depends on the order of arrival.
    static func best(_ count: Int, of entries: inout [ScoredTerm]) -> ArraySlice<ScoredTerm> {
        guard count < entries.count else { return entries[...] }
        guard count > 0 else { return entries[0..<0] }
        entries.withUnsafeMutableBufferPointer { buffer in
            var low = 0
            var high = buffer.count - 1
            while low < high {
                let pivot = buffer[(low + high) / 2]
                var left = low
                var right = high
                while left <= right {
                    while buffer[left].ranksAbove(pivot) { left += 1 }
                    while pivot.ranksAbove(buffer[right]) { right -= 1 }
                    if left <= right {
                        buffer.swapAt(left, right)
                        left += 1
                        right -= 1
                    }
                }
                if count - 1 <= right {
                    high = right
                } else if count - 1 >= left {
                    low = left
                } else {
                    break
                }
            }
        }
        return entries[0..<count]
    }

    @inline(__always)
    func ranksAbove(_ other: ScoredTerm) -> Bool {
        score > other.score || (score == other.score && term < other.term)
    }
}

private struct PostingList: Sendable {
    var sequences: [Int32] = []
    var head = 0
}

/// A story inside the window.
private struct OpenStory: Sendable {
    var first: Double
    var last: Double
    var ids: [String] = []
    var titles: [String] = []
    var centrality: [Float] = []
    var related: Set<Int> = []

    init(first: Double) {
        self.first = first
        last = first
    }

    mutating func add(id: String, title: String, time: Double, centrality: Float) -> Int {
        ids.append(id)
        titles.append(title)
        self.centrality.append(centrality)
        first = min(first, time)
        last = max(last, time)
        return ids.count - 1
    }

    func story(id: Int) -> Story {
        var central = 0
        for index in centrality.indices where centrality[index] > centrality[central] { central = index }
        return Story(
            id: id, title: titles.isEmpty ? "" : titles[central],
            firstSeen: Date(timeIntervalSinceReferenceDate: first),
            lastSeen: Date(timeIntervalSinceReferenceDate: last),
            articleIDs: ids, related: related.sorted())
    }
}
