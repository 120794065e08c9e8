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
    /// Who published it, when known: an outlet's earlier reports read alike whatever the event.
    public var outlet: String?

    public init(
        id: String, published: Date, title: String, body: String, entities: [String] = [], outlet: String? = nil
    ) {
        self.id = id
        self.published = published
        self.title = title
        self.body = body
        self.entities = entities
        self.outlet = outlet
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
    /// The story joined or started; a later report may merge it into another, which
    /// `StoryClusterer.story(of:)` then answers.
    public var story: Int
    public var isNewStory: Bool
    /// Cosine similarity to the closest member of the story joined; 0 for a new story.
    public var similarity: Double
    /// The most similar other story, when it came close without being the same event.
    public var related: Int?
    /// How the clusterer read the article: what a later clusterer is seeded with
    /// (`StoryClusterer.seed(_:id:title:published:outlet:story:)`) instead of reading it again.
    public var features: StoryFeatures
}

/// The knobs of story clustering. The word thresholds were tuned on the peer benchmark's dev
/// corpus only; the recall knobs (names, the day after, merges, same outlet) were set on the
/// bundled corpora's gold and checked on that dev corpus (which names no gazetteer entity, so it
/// tests the date and merge rules, not the name rules).
public struct StoryClusteringConfiguration: Sendable, Hashable {
    /// Cosine similarity (TF-IDF, sublinear term frequency) an article needs with a member of a
    /// story to join it.
    public var threshold: Double = 0.35
    /// Articles and stories older than this (against the newest publication time seen) are
    /// neither compared nor kept: wires report an event within a day or two.
    public var window: TimeInterval = 72 * 3600
    /// How late a report may come (dated this long before the newest one seen) and still meet
    /// every candidate of its own window. Articles stay in memory `window + lateAllowance`;
    /// comparisons stay within `window` of the report's own time. A batch run, which meets
    /// reports in publication order, needs none; a long-running poller, whose next feed may bring
    /// a day-old report, keeps a window's worth.
    public var lateAllowance: TimeInterval = 0
    /// What the clusterer keeps in memory behind its newest article.
    public var retention: TimeInterval { window + lateAllowance }
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
    /// Whether a report that could join two open stories merges them, and by how much it must
    /// clear the join threshold with the second one: a report close to two stories is at times
    /// the first of a follow-up, and two stories are one only when the tie is plainly there.
    /// Only with `readsLeadDates`: the dates are what tell a tie from a look-alike event.
    public var mergesBridgedStories: Bool = true
    public var bridgeMargin: Double = 0.03
    /// Members of each story the report must tie to at the bridge's bar when the story has more
    /// than this many (a smaller one, one member): a single outlying member is how two events of
    /// one kind chain into one story when their reports interleave (two killings in different
    /// towns, on ECB+ in shuffled order). A tie in another script is by names only, and bridges
    /// through one member, as before.
    public var bridgeTies: Int = 2
    /// Similarity needed instead of `threshold` when the leads' dates disagree but the new report
    /// is dated the day after a day the story's leads name and names that day in its text: a
    /// follow-up (a denial, a reaction) of that event rather than another event.
    public var followUpThreshold: Double = 0.5
    /// Similarity needed instead of `threshold` when both articles' leads date the event and no
    /// date agrees: a strike on the 25th beside one on the 16th, same actors and place, is
    /// another event, and only near-identical text should overrule its date.
    public var dateConflictThreshold: Double = 0.9
    /// While IDF has seen few articles every word looks rare and unrelated articles look alike:
    /// the threshold starts this much higher and falls back to `threshold` linearly over the
    /// first `warmUpArticles`.
    public var warmUpBoost: Double = 0.0
    public var warmUpArticles: Int = 1000
    /// Whether to name the entities of the title and lead with the gazetteer (`EntityRecognizer`):
    /// one id whatever the spelling or script, so that a Russian report can meet an English one.
    public var recognizesEntities: Bool = true
    /// Entity similarity (IDF-weighted cosine of the gazetteer ids of title and lead) an article
    /// needs with a member of a story written in another script to join it: words cannot meet
    /// across scripts, names can.
    public var crossScriptThreshold: Double = 0.4
    /// Word similarity that suffices, with no date or outlet against it, when the two articles'
    /// gazetteer entities agree at least `namedEntityThreshold` (IDF-weighted cosine of the
    /// entities of title and lead).
    public var namedThreshold: Double = 0.3
    public var namedEntityThreshold: Double = 0.5
    /// Similarity needed instead of `threshold` with an earlier report of the same outlet (when
    /// `StoryArticle.outlet` says): its house style makes any two of its reports look alike.
    public var sameOutletThreshold: Double = 0.55
    /// Gazetteer ids an article must share with one in another script to be compared at all; the
    /// recognizer runs only on leads that spell at least this many gazetteer name words.
    public var minimumSharedEntities: Int = 3
    /// Whether to read the lead's dates at all (`TimeExtractor` on the first sentence after the
    /// dateline). Off for text without publication times, where "on Saturday" cannot be placed.
    public var readsLeadDates: Bool = true
    /// Whether `StoryClusterer.consolidate()` merges stories at all, and the average-link
    /// similarity (the mean cosine over every pair of their members, under the IDF of that
    /// moment) two open stories need to become one. Lower than `threshold`: it is a mean over all
    /// members, not the best pair, and short reports of one event that shared too few words to
    /// meet one by one still share their story's words as a group.
    public var consolidates: Bool = true
    public var consolidationThreshold: Double = 0.14
    /// The bar rises with the length of the reports: two short items (a headline and a sentence)
    /// share only a few words even on one event, while long articles on different events of one
    /// kind share many incidental ones. Reports whose members hold `shortReportTerms` distinct
    /// terms or fewer (on average, geometric mean of the two stories) need
    /// `consolidationThreshold`; from `longReportTerms` on they need `longConsolidationThreshold`;
    /// in between the bar follows the logarithm of the length. Set on ECB+ train (about 20 terms a
    /// document) and the peer benchmark's dev corpus (about 120).
    public var longConsolidationThreshold: Double = 0.3
    public var shortReportTerms: Double = 32
    public var longReportTerms: Double = 80
    /// A touched story of short reports (fewer than `longReportTerms` terms on average) also looks
    /// for candidates as a group: of its centroid's strongest terms (`queryTerms` of them), a live
    /// article must be indexed under this many for its story to be a candidate. Short reports
    /// have few terms to meet candidates by one at a time.
    public var consolidationSharedTerms: Int = 2

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
/// numbers weigh against a merge as other names do. An outlet's own earlier report reads alike
/// whatever the event, so it counts for less (`sameOutletThreshold`).
///
/// Recall comes from what the words miss, each within the same candidate lists (nothing is
/// compared with every live article):
/// - names: the gazetteer entities of title and lead, one id in every script and spelling, let a
///   Russian report meet English ones (`crossScriptThreshold`), and let reports naming the same
///   people and places join on fewer shared words (`namedThreshold`);
/// - the day after: a denial or reaction dated the next day joins when its text goes back to
///   the story's day (`followUpThreshold`), where a new event on another day would not;
/// - order: a report that ties two open stories as plainly as it joins one merges them (the
///   first reports of one event may not have met), and `story(of:)` gives what an earlier
///   assignment's story number stands for now.
public struct StoryClusterer: Sendable {
    public let configuration: StoryClusteringConfiguration
    private var terms = StoryTerms()
    private let tokenizer = WordTokenizer()
    private let recognizer = EntityRecognizer(gazetteer: .standard)
    private var outlets = OutletNumbers()

    /// Live articles, oldest first; `live[i]` has sequence number `liveOffset + i`.
    private var live: [LiveArticle] = []
    private var liveOffset = 0
    /// Sequence number of the oldest article still inside the window.
    private var oldestLive = 0
    /// Per term, the sequence numbers of the live articles indexed under it (ascending).
    private var postings: [PostingList] = []
    private var openStories: [Int: OpenStory] = [:]
    /// Stories merged into another, by number; kept for the clusterer's life, so that any
    /// assignment it gave can be read (a few per thousand articles).
    private var mergedInto: [Int: Int] = [:]
    private var closed: [Story] = []
    private var nextStory = 0
    private var newest = -Double.infinity
    private var added = 0
    /// Stories that gained a member since the last `consolidate()` (numbers as assigned then).
    private var touched: [Int] = []
    /// Pairs of stories (numbers as assigned then) two of whose members came as close as the
    /// lowest consolidation bar when a report met its candidates: average link can clear a bar
    /// only where some pair of members does.
    private var nearPairs = Set<StoryPair>()

    // Scratch, kept between calls to spare allocations.
    private var termCounts: [UInt32] = []
    private var stamp: UInt32 = 0
    /// Per live article (same positions as `live`): the query that last met it, and how many of
    /// that query's terms it shares.
    private var stamps: [UInt32] = []
    private var hits: [Int32] = []

    public init(configuration: StoryClusteringConfiguration = StoryClusteringConfiguration()) {
        self.configuration = configuration
        if configuration.recognizesEntities { terms.markNameWords() }
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
        evict(before: newest - configuration.retention)

        // The dateline names the filing place and the outlet ("INTERFAX.RU -", "MOSCOW, Sept 17
        // /TASS/."): words every report of that outlet shares whatever the event, and a date that
        // is the filing day, not the event's. Neither the terms nor the lead dates read it.
        var article = article
        article.body = Self.strippingDateline(article.body)
        let (articleTerms, counts, nameWords) = bagOfTerms(article)
        let frequencies = counts.map { Self.frequency(ofCount: $0) }
        let days = configuration.readsLeadDates ? Self.leadDays(ofBody: article.body, published: article.published) : []
        let script = terms.count(article: articleTerms)
        // The recognizer costs more than the rest of the article's reading: it runs only when the
        // lead spells enough gazetteer names to meet another report on them.
        let entities =
            configuration.recognizesEntities && nameWords >= configuration.minimumSharedEntities
            ? recognizedEntities(article) : []
        terms.count(entities: entities)
        let weights = weightsAfterCounting()

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
        let outlet = article.outlet.map { outlets.number(of: $0) } ?? -1
        var report = Report(days: days, outlet: outlet, body: article.body, published: article.published)
        var ranking = Ranking()
        var similarities: [(index: Int, similarity: Float)] = []
        similarities.reserveCapacity(candidates.count)
        // A late report meets only what lies within a window of its own time.
        let earliest = configuration.lateAllowance > 0 ? time - configuration.window : -Double.infinity
        candidates.removeAll { live[$0].time < earliest }
        for index in strongest(candidates, sharing: configuration.minimumSharedTerms) {
            let cosine = cosine(query, with: index, weights)
            var similarity = weighed(cosine, with: index, &report)
            comparisons += 1
            // Fewer shared words suffice when the two name the same people and places (their
            // gazetteer entities agree) and nothing else speaks against it: joined at the bar,
            // never close enough to tie two stories together.
            if similarity == cosine && Double(cosine) >= configuration.namedThreshold
                && Double(cosine) < threshold && !entities.isEmpty
                && Double(entityCosine(entities, live[index].entities, weights)) >= configuration.namedEntityThreshold
            {
                similarity = Float(threshold).nextUp
            }
            similarities.append((index, similarity))
            ranking.offer(story: live[index].story, similarity: similarity)
        }

        // Reports in another script share no words with this one, only names: those sharing
        // enough gazetteer entities are compared by them, scaled so that `crossScriptThreshold`
        // reads as `threshold` (and never near-identical enough to overrule a date).
        if !entities.isEmpty {
            stamp &+= 1
            var named: [Int] = []
            for term in entities { collect(term: term, into: &named) }
            named.removeAll { live[$0].script == Int8(script) || live[$0].time < earliest }
            for index in strongest(named, sharing: configuration.minimumSharedEntities) {
                let cosine = entityCosine(entities, live[index].entities, weights)
                let scaled = cosine * Float(configuration.threshold / configuration.crossScriptThreshold)
                let similarity = weighed(scaled, with: index, &report)
                comparisons += 1
                similarities.append((index, similarity))
                ranking.offer(story: live[index].story, similarity: similarity)
            }
        }

        // Join or start.
        let joins = ranking.best >= 0 && Double(ranking.bestSimilarity) >= threshold
        let storyID: Int
        var related: Int?
        if joins {
            storyID = ranking.best
            // A report whose lead gives no date is dated by the story it joins, so that it
            // cannot tie that story to one of other days.
            if days.isEmpty, let storyDays = openStories[storyID]?.days, !storyDays.isEmpty {
                report.days = storyDays
                for position in similarities.indices where live[similarities[position].index].story != storyID {
                    let (index, similarity) = similarities[position]
                    similarities[position].similarity = weighed(similarity, with: index, &report, datesOnly: true)
                }
            }
            // Every other story this report ties to as plainly is the same event, split because
            // its first reports did not meet (they came in another script, or the day after,
            // before the reports that link them): one story again.
            var bridged: [Int] = []
            let bridge = threshold + configuration.bridgeMargin
            // Rare: most reports clear the bridge's bar with no other story.
            if configuration.mergesBridgedStories && configuration.readsLeadDates
                && similarities.contains(where: { Double($0.similarity) >= bridge && live[$0.index].story != storyID })
            {
                // Members met at the bar, by story: one of several members ties no story
                // (`bridgeTies`).
                var ties: [Int: Int] = [:]
                for (index, similarity) in similarities where Double(similarity) >= bridge {
                    ties[live[index].story, default: 0] += 1
                }
                func isPlainlyTied(_ story: Int) -> Bool {
                    let members = openStories[story]?.ids.count ?? 1
                    return ties[story, default: 0]
                        >= (members > configuration.bridgeTies ? configuration.bridgeTies : 1)
                }
                let joinedIsTied = isPlainlyTied(storyID)
                for (index, similarity) in similarities
                where Double(similarity) >= bridge && live[index].story != storyID
                    && !bridged.contains(live[index].story)
                    && (live[index].script != Int8(script)
                        || (joinedIsTied && isPlainlyTied(live[index].story)))
                {
                    bridged.append(live[index].story)
                }
            }
            for other in bridged.sorted() { merge(other, into: storyID) }
            if ranking.second >= 0 && !bridged.contains(ranking.second)
                && Double(ranking.secondSimilarity) >= configuration.relatedThreshold
            {
                related = ranking.second
            }
        } else {
            storyID = nextStory
            nextStory += 1
            openStories[storyID] = OpenStory(first: time)
            if ranking.best >= 0 && Double(ranking.bestSimilarity) >= configuration.relatedThreshold {
                related = ranking.best
            }
        }
        var centrality: Float = 0
        for (index, similarity) in similarities where live[index].story == storyID {
            centrality += similarity
            openStories[storyID]!.centrality[Int(live[index].member)] += similarity
        }
        let member = openStories[storyID]!.add(
            id: article.id, title: article.title, time: time, centrality: centrality, days: days)
        if let related {
            openStories[storyID]!.related.insert(related)
            openStories[related]?.related.insert(storyID)
        }

        hold(
            LiveArticle(
                time: time, story: storyID, member: Int32(member), terms: articleTerms, frequencies: frequencies,
                days: days, script: Int8(script), entities: entities, outlet: outlet),
            indexedBy: &indexScores, weights: weights)
        touched.append(storyID)
        if configuration.consolidates {
            for (index, similarity) in similarities
            where live[index].story != storyID && Double(similarity) >= configuration.consolidationThreshold {
                nearPairs.insert(StoryPair(storyID, live[index].story))
            }
        }
        return StoryAssignment(
            story: storyID, isNewStory: !joins, similarity: joins ? Double(ranking.bestSimilarity) : 0,
            related: related,
            features: StoryFeatures(
                terms: articleTerms.map { terms.termKeys[Int($0)] },
                scripts: articleTerms.map { UInt8(terms.script(of: $0)) }, counts: counts, days: days,
                entities: entities.map { terms.termKeys[Int($0)] }))
    }

    /// Places an article read by an earlier clusterer (its `StoryAssignment.features`) in story
    /// `story`, a number this clusterer gave, or in a story of its own when nil; returns the
    /// story's number. Nothing is compared: the article is counted, indexed and held as `add`
    /// would hold it, so later articles meet it as they would have met it there.
    ///
    /// The story stage seeds a run's clusterer with the reports of the window that earlier runs
    /// placed, in publication order, then adds the new ones: the stories they join are the stored
    /// ones, and no stored text is read again.
    @discardableResult
    public mutating func seed(
        _ features: StoryFeatures, id: String, title: String, published: Date, outlet: String?, story: Int?
    ) -> Int {
        let time = published.timeIntervalSinceReferenceDate
        newest = max(newest, time)
        evict(before: newest - configuration.retention)
        // Term and count packed in one integer, sorted by this clusterer's term numbers as
        // `bagOfTerms` gives them (a plain integer sort: a run seeds thousands of reports).
        var packed = [UInt64](repeating: 0, count: features.terms.count)
        for position in features.terms.indices {
            let script = Script(rawValue: features.scripts[position]) ?? .other
            let term = terms.term(ofKey: features.terms[position], script: script)
            packed[position] = UInt64(UInt32(bitPattern: term)) << 16 | UInt64(features.counts[position])
        }
        packed.sort()
        var articleTerms = [Int32](repeating: 0, count: packed.count)
        var frequencies = [Float](repeating: 0, count: packed.count)
        for position in packed.indices {
            articleTerms[position] = Int32(truncatingIfNeeded: packed[position] >> 16)
            frequencies[position] = Self.frequency(ofCount: UInt16(truncatingIfNeeded: packed[position]))
        }
        let script = terms.count(article: articleTerms)
        let entities = features.entities.map { terms.term(ofKey: $0, script: .latin) }.sorted()
        terms.count(entities: entities)
        let weights = weightsAfterCounting()
        let storyID: Int
        if let story {
            storyID = self.story(of: story)
        } else {
            storyID = nextStory
            nextStory += 1
        }
        // A new story, or one closed since (its members left the window): open.
        if openStories[storyID] == nil { openStories[storyID] = OpenStory(first: time) }
        let member = openStories[storyID]!.add(id: id, title: title, time: time, centrality: 0, days: features.days)

        var indexScores: [ScoredTerm] = []
        indexScores.reserveCapacity(articleTerms.count)
        for (term, tf) in zip(articleTerms, frequencies) {
            indexScores.append(ScoredTerm(score: tf * terms.rarity(term, weights), term: term))
        }
        hold(
            LiveArticle(
                time: time, story: storyID, member: Int32(member), terms: articleTerms, frequencies: frequencies,
                days: features.days, script: Int8(script), entities: entities,
                outlet: outlet.map { outlets.number(of: $0) } ?? -1),
            indexedBy: &indexScores, weights: weights)
        return storyID
    }

    /// The IDF of this moment, under the configuration's cut-offs.
    private var idfWeights: IDFWeights {
        terms.weights(
            minimumFrequency: configuration.minimumDocumentFrequency,
            maximumFraction: configuration.maximumDocumentFraction,
            fractionFrom: configuration.fractionCutFrom)
    }

    /// The IDF once an article's terms are counted, with a posting list for each term that
    /// counting made.
    private mutating func weightsAfterCounting() -> IDFWeights {
        if postings.count < terms.count {
            postings.append(contentsOf: repeatElement(PostingList(), count: terms.count - postings.count))
        }
        return idfWeights
    }

    /// Holds a placed article for the articles after it to meet: indexed under its rarest weighty
    /// terms (the best `indexTerms` of `scores`, each term's weight times its rarity) and under its
    /// entities, with its norm under the IDF of this moment.
    private mutating func hold(_ article: LiveArticle, indexedBy scores: inout [ScoredTerm], weights: IDFWeights) {
        let sequence = Int32(liveOffset + live.count)
        for entry in ScoredTerm.best(configuration.indexTerms, of: &scores) {
            postings[Int(entry.term)].sequences.append(sequence)
        }
        for term in article.entities { postings[Int(term)].sequences.append(sequence) }
        stamps.append(0)
        hits.append(0)
        var stored = article
        stored.refreshNorm(terms, weights, at: added)
        live.append(stored)
        added += 1
    }

    /// Merges the stories touched since the last call with the open stories they resemble as a
    /// group, most similar pair first (average link), while the pair's mean member similarity
    /// reaches the bar for the reports' length (`consolidationThreshold` for short reports up to
    /// `longConsolidationThreshold` for long ones); returns how many merges it made.
    ///
    /// Why: one report at a time, a short report meets its event only through the one member it
    /// is most like, and with an IDF still young; a few sentences on one event may share too few
    /// words with any single earlier report and start a story of their own. As a group, the
    /// pieces of one event share its names and words. The caller runs this after a batch (the
    /// story stage after each chunk it places, the benchmark every 2,000 articles), when the IDF
    /// has seen the batch.
    ///
    /// Still index-bound, never a scan of the open stories: the candidate pairs are those whose
    /// members came close when a report met its candidates (`nearPairs`), and for a story of
    /// short reports those its centroid's strongest terms find through the postings, as a new
    /// article's terms do. A pair of members whose leads date the event on different days counts
    /// for less, as the join rule reads it, so look-alike events of other days stay apart.
    @discardableResult
    public mutating func consolidate() -> Int {
        defer {
            touched.removeAll()
            nearPairs.removeAll()
        }
        guard configuration.consolidates, !touched.isEmpty else { return 0 }
        var pending = Set<Int>()
        for story in touched where openStories[self.story(of: story)] != nil { pending.insert(self.story(of: story)) }
        guard !pending.isEmpty else { return 0 }
        let weights = idfWeights
        var members: [Int: [Int]] = [:]
        for index in (oldestLive - liveOffset)..<live.count { members[live[index].story, default: []].append(index) }
        var centroids: [Int: StoryVectors] = [:]
        func centroid(_ story: Int) -> StoryVectors {
            if let known = centroids[story] { return known }
            let made = StoryVectors(members[story] ?? [], live, terms, weights)
            centroids[story] = made
            return made
        }
        // Candidate pairs: each touched story with the stories its centroid's strongest terms find.
        var neighbours: [Int: Set<Int>] = [:]
        for pair in nearPairs {
            let (a, b) = (self.story(of: pair.low), self.story(of: pair.high))
            guard a != b, openStories[a] != nil, openStories[b] != nil else { continue }
            neighbours[a, default: []].insert(b)
            neighbours[b, default: []].insert(a)
        }
        for story in pending.sorted() {
            let own = centroid(story).whole
            guard own.size > 0, Double(own.meanTerms) <= configuration.shortReportTerms else { continue }
            var scored = zip(own.terms, own.weights).map { ScoredTerm(score: $1, term: $0) }
            stamp &+= 1
            var found: [Int] = []
            for entry in ScoredTerm.best(configuration.queryTerms, of: &scored) {
                collect(term: entry.term, into: &found)
            }
            var shared: [Int: Int32] = [:]
            for index in found
            where hits[index] >= Int32(configuration.consolidationSharedTerms) && live[index].story != story {
                shared[live[index].story] = max(shared[live[index].story] ?? 0, hits[index])
            }
            let strongest = shared.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                .prefix(configuration.maximumComparisons)
            for (other, _) in strongest where openStories[other] != nil {
                neighbours[story, default: []].insert(other)
                neighbours[other, default: []].insert(story)
            }
        }
        // Average link less the bar for the pair's length, for the pairs that clear it: merged
        // best first. (A merged story's link with a third is between its parts' links, so a pair
        // left out rarely comes back; the merged story's pairs are worked out again.)
        var margin: [StoryPair: Float] = [:]
        func link(_ a: Int, _ b: Int) {
            guard openStories[a] != nil, openStories[b] != nil else { return }
            let (first, second) = (centroid(a), centroid(b))
            let bar = consolidationBar(length: (first.whole.meanTerms * second.whole.meanTerms).squareRoot())
            // A pair of members whose leads date the event on different days counts as the join
            // rule reads it: only near-identical text (`dateConflictThreshold`) reads as the bar.
            let dateConflictWeight = configuration.readsLeadDates ? bar / Float(configuration.dateConflictThreshold) : 1
            let link = first.averageLink(with: second, dateConflictWeight: dateConflictWeight)
            let clearance = link - bar
            margin[StoryPair(a, b)] = clearance >= 0 ? clearance : nil
        }
        for (story, others) in neighbours { for other in others where story < other { link(story, other) } }
        var merges = 0
        while let best = margin.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value >= 0 {
            let (target, source) = (best.key.low, best.key.high)
            merge(source, into: target)
            merges += 1
            centroids[target] = centroid(target).adding(centroid(source))
            centroids[source] = nil
            members[target, default: []] += members.removeValue(forKey: source) ?? []
            var around = neighbours.removeValue(forKey: source) ?? []
            around.formUnion(neighbours[target] ?? [])
            around.remove(target)
            around.remove(source)
            margin[best.key] = nil
            for other in around {
                margin[StoryPair(other, source)] = nil
                margin[StoryPair(other, target)] = nil
            }
            for other in around {
                neighbours[other]?.remove(source)
                neighbours[other, default: []].insert(target)
                link(target, other)
            }
            neighbours[target] = around
        }
        return merges
    }

    /// The average link two stories need in `consolidate()`, for members of `length` distinct
    /// terms on average.
    func consolidationBar(length: Float) -> Float {
        let short = configuration.shortReportTerms
        let long = max(configuration.longReportTerms, short + 1)
        let position = (log(Double(max(length, 1))) - log(short)) / (log(long) - log(short))
        let low = configuration.consolidationThreshold
        return Float(low + (configuration.longConsolidationThreshold - low) * min(1, max(0, position)))
    }

    /// The story an assignment's story number stands for now: a story merged into another
    /// (when a report bridged them) answers the one that absorbed it.
    public func story(of assigned: Int) -> Int {
        var story = assigned
        while let into = mergedInto[story] { story = into }
        return story
    }

    /// Moves the members of open story `source` into `target`.
    private mutating func merge(_ source: Int, into target: Int) {
        guard source != target, let absorbed = openStories.removeValue(forKey: source) else { return }
        let offset = Int32(openStories[target]!.ids.count)
        openStories[target]!.absorb(absorbed)
        openStories[target]!.related.remove(source)
        openStories[target]!.related.remove(target)
        for other in absorbed.related where other != target {
            openStories[other]?.related.remove(source)
            openStories[other]?.related.insert(target)
            openStories[target]!.related.insert(other)
        }
        mergedInto[source] = target
        for index in (oldestLive - liveOffset)..<live.count where live[index].story == source {
            live[index].story = target
            live[index].member += offset
        }
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
        touched.removeAll()
        nearPairs.removeAll()
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

    /// Term numbers (each once) and their counts (`frequency(ofCount:)` weighs them) in title, body and
    /// the caller's names.
    private mutating func bagOfTerms(_ article: StoryArticle) -> (terms: [Int32], counts: [UInt16], names: Int) {
        if termCounts.count < terms.count {
            termCounts.append(contentsOf: repeatElement(0, count: terms.count - termCounts.count))
        }
        var unique: [Int32] = []
        unique.reserveCapacity(256)
        // Known words are counted during the scan; new ones wait in `misses` until the table may
        // change (a new word can grow it).
        var misses: [UInt8] = []
        var missEnds: [Int] = []
        // Gazetteer name words of the title and first paragraph, each once.
        var nameWords: [Int32] = []
        var title = article.title
        var body = article.body
        title.withUTF8 { titleBytes in
            body.withUTF8 { bodyBytes in
                let leadEnd = bodyBytes.firstIndex(of: 0x0A) ?? bodyBytes.count
                let lead = UnsafeBufferPointer(rebasing: bodyBytes[..<leadEnd])
                let rest = UnsafeBufferPointer(rebasing: bodyBytes[leadEnd...])
                terms.withLookup { lookup in
                    termCounts.withUnsafeMutableBufferPointer { counts in
                        // Title and first paragraph, then the rest: split on a line break, so the
                        // words are those of one scan.
                        tokenizer.forEachWord(inUTF8: [titleBytes, lead]) { word in
                            if let term = Self.count(word, lookup, counts, &unique, &misses, &missEnds),
                                lookup.isNameWord(term) && !nameWords.contains(term)
                            {
                                nameWords.append(term)
                            }
                        }
                        tokenizer.forEachWord(inUTF8: [rest]) { word in
                            _ = Self.count(word, lookup, counts, &unique, &misses, &missEnds)
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
        var counts: [UInt16] = []
        counts.reserveCapacity(unique.count)
        for term in unique {
            counts.append(UInt16(clamping: termCounts[Int(term)]))
            termCounts[Int(term)] = 0
        }
        // Name words most reports of a long run use ("united", "state", "council") say nothing of
        // the event; until the run is long enough to tell, every name word counts.
        let seen = terms.documents.reduce(0, +)
        let names =
            seen < Self.nameWordsCountedFrom
            ? nameWords.count : nameWords.count { Int(terms.documentFrequency[Int($0)]) * 50 < seen }
        return (unique, counts, names)
    }

    /// Outlets a run must have shown before an outlet's house style counts against its reports:
    /// in a run of one outlet (an archive, a test set) every report shares it.
    private static let outletsForHouseStyle = 3

    /// Articles after which a name word counts only when fewer than one article in fifty holds it.
    private static let nameWordsCountedFrom = 250

    /// Counts one word of a scan: a known term in `counts` (first sightings in `unique`), a new
    /// word in `misses`. Returns the term.
    @inline(__always)
    private static func count(
        _ word: UnsafeBufferPointer<UInt8>, _ lookup: WordLookup, _ counts: UnsafeMutableBufferPointer<UInt32>,
        _ unique: inout [Int32], _ misses: inout [UInt8], _ missEnds: inout [Int]
    ) -> Int32? {
        guard word.count >= 2 else { return nil }
        switch lookup.find(word) {
        case .term(let term):
            if counts[Int(term)] == 0 { unique.append(term) }
            counts[Int(term)] &+= 1
            return term
        case .stopWord:
            return nil
        case .unknown:
            misses.append(contentsOf: word)
            missEnds.append(misses.count)
            return nil
        }
    }

    /// `1 + ln(tf)` for the usual small counts.
    private static let sublinear: [Float] = (0..<64).map { $0 == 0 ? 0 : 1 + Float(log(Double($0))) }

    /// The sublinear weight `1 + ln tf` of a term occurring `count` times.
    @inline(__always)
    static func frequency(ofCount count: UInt16) -> Float {
        count < sublinear.count ? sublinear[Int(count)] : 1 + Float(log(Double(count)))
    }

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
        guard let end = Boilerplate.dateline(in: lead)?.range.upperBound ?? Boilerplate.agencyDatelineEnd(in: lead)
        else { return body }
        let utf8 = body.utf8
        return String(body[utf8.index(utf8.startIndex, offsetBy: min(end, utf8.count))...])
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

    /// Every day (UTC day number) the text names, paragraph by paragraph: the days a later report
    /// refers back to ("the coalition said on Saturday").
    static func mentionedDays(ofBody body: String, published: Date) -> [Int32] {
        var days: [Int32] = []
        for paragraph in body.split(separator: "\n", omittingEmptySubsequences: true) {
            let text = String(paragraph)
            for mention in TimeExtractor.times(in: text, tokens: Tokenizer.tokens(of: text), published: published) {
                guard let interval = mention.interval else { continue }
                switch mention.granularity {
                case .minute, .hour, .partOfDay, .day:
                    let day = Int32((interval.start.timeIntervalSince1970 / 86_400).rounded(.down))
                    if !days.contains(day) { days.append(day) }
                case .week, .month, .year, .vague: continue
                }
            }
        }
        return days
    }

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

    /// `similarity` with live article `index` as the rest of the evidence allows, scaled so that
    /// the bar it must clear reads as `threshold`:
    /// - when both leads date the event and no date agrees (or the member's lead gives no date
    ///   and the report's days all come after the day the member was filed), the report is
    ///   another event, and only near-identical text may say otherwise (`dateConflictThreshold`)
    ///   ... unless it is dated the day after a day of the story and names that day in its text:
    ///   the denial filed on Sunday of Saturday's strike belongs to the strike's story, at
    ///   `followUpThreshold`;
    /// - an earlier report of the same outlet shares its house style (stock phrases, the same
    ///   desk's wording) whatever the event, so it needs `sameOutletThreshold`.
    private func weighed(_ similarity: Float, with index: Int, _ report: inout Report, datesOnly: Bool = false)
        -> Float
    {
        var weighed = similarity
        if !datesOnly && report.outlet >= 0 && live[index].outlet == report.outlet
            && Double(similarity) < configuration.sameOutletThreshold && outlets.count >= Self.outletsForHouseStyle
        {
            weighed *= Float(configuration.threshold / configuration.sameOutletThreshold)
        }
        guard Double(similarity) < configuration.dateConflictThreshold, !report.days.isEmpty else { return weighed }
        let story = live[index].story
        if live[index].days.isEmpty {
            // A member whose lead names no day was filed on its day at the latest: a report of
            // days after that is not of its event.
            let filed = Int32(
                ((live[index].time + Date.timeIntervalBetween1970AndReferenceDate) / 86_400).rounded(.down))
            guard report.days.allSatisfy({ $0 > filed }) else { return weighed }
        } else {
            guard Self.datesConflict(report.days, live[index].days) else { return weighed }
        }
        if Double(similarity) >= configuration.followUpThreshold, let storyDays = openStories[story]?.days,
            report.mentions(anyOf: storyDays.filter { report.days.contains($0 + 1) })
        {
            return weighed * Float(configuration.threshold / configuration.followUpThreshold)
        }
        return weighed * Float(configuration.threshold / configuration.dateConflictThreshold)
    }

    /// The candidates worth a similarity: those sharing at least `minimumSharedTerms` of the
    /// query's terms, and of those the `maximumComparisons` sharing most (the later first on a tie).
    private func strongest(_ candidates: [Int], sharing minimum: Int) -> [Int] {
        var eligible = candidates.filter { hits[$0] >= minimum }
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

    /// IDF-weighted cosine of two sorted sets of entity terms.
    private func entityCosine(_ a: [Int32], _ b: [Int32], _ weights: IDFWeights) -> Float {
        var dot: Float = 0
        var normA: Float = 0
        var normB: Float = 0
        for term in a {
            let idf = terms.idf(term, weights)
            normA += idf * idf
        }
        for term in b {
            let idf = terms.idf(term, weights)
            normB += idf * idf
        }
        var left = 0
        var right = 0
        while left < a.count && right < b.count {
            if a[left] == b[right] {
                let idf = terms.idf(a[left], weights)
                dot += idf * idf
                left += 1
                right += 1
            } else if a[left] < b[right] {
                left += 1
            } else {
                right += 1
            }
        }
        guard normA > 0, normB > 0 else { return 0 }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }

    /// The gazetteer entities the title and lead name, as sorted terms: people, organisations
    /// and places the gazetteer knows (an unknown name is spelled differently in every script,
    /// so it could not link two of them anyway).
    private mutating func recognizedEntities(_ article: StoryArticle) -> [Int32] {
        var found: [Int32] = []
        for text in [article.title, String(Self.lead(of: article.body))] where !text.isEmpty {
            for mention in recognizer.entities(in: text, tokens: Tokenizer.tokens(of: text))
            where mention.kind != .group {
                guard let id = mention.entityID else { continue }
                let term = terms.term(ofEntity: id)
                if !found.contains(term) { found.append(term) }
            }
        }
        return found.sorted()
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
    /// The script the article is counted under, and its gazetteer entity terms (sorted).
    var script: Int8
    var entities: [Int32]
    var outlet: Int32
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

/// Two stories, the lower number first.
private struct StoryPair: Hashable, Comparable {
    let low: Int
    let high: Int

    init(_ a: Int, _ b: Int) {
        low = min(a, b)
        high = max(a, b)
    }

    static func < (a: StoryPair, b: StoryPair) -> Bool { (a.low, a.high) < (b.low, b.high) }
}

/// A story's members as average link reads them: the centroid of all, and the centroids of the
/// members grouped by the days their leads name, so that a pair of members whose dates disagree
/// can count for less without a comparison per pair.
private struct StoryVectors {
    var whole: Centroid
    var byDays: [(days: [Int32], centroid: Centroid)] = []

    init(_ members: [Int], _ live: [LiveArticle], _ table: StoryTerms, _ idf: IDFWeights) {
        var groups: [[Int32]: [Int]] = [:]
        for index in members { groups[live[index].days.sorted(), default: []].append(index) }
        for (days, group) in groups.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            byDays.append((days, Centroid(group, live, table, idf)))
        }
        whole = byDays.dropFirst().reduce(byDays.first?.centroid ?? Centroid([], live, table, idf)) {
            $0.adding($1.centroid)
        }
    }

    /// Mean similarity over the pairs of members of the two stories, the pairs whose lead dates
    /// conflict weighed by `dateConflictWeight`.
    func averageLink(with other: StoryVectors, dateConflictWeight: Float) -> Float {
        guard whole.size > 0, other.whole.size > 0 else { return 0 }
        guard dateConflictWeight != 1 else { return whole.averageLink(with: other.whole) }
        var sum: Float = 0
        for (days, centroid) in byDays {
            for (otherDays, otherCentroid) in other.byDays {
                let dot = centroid.dot(otherCentroid)
                sum += StoryClusterer.datesConflict(days, otherDays) ? dot * dateConflictWeight : dot
            }
        }
        return sum / Float(whole.size * other.whole.size)
    }

    /// Both stories' members.
    func adding(_ other: StoryVectors) -> StoryVectors {
        var merged = self
        merged.whole = whole.adding(other.whole)
        for (days, centroid) in other.byDays {
            if let position = merged.byDays.firstIndex(where: { $0.days == days }) {
                merged.byDays[position].centroid = merged.byDays[position].centroid.adding(centroid)
            } else {
                merged.byDays.append((days, centroid))
            }
        }
        return merged
    }
}

/// The sum of a story's member vectors, each of unit length, under the IDF of one moment: the
/// dot product of two such sums over the product of their sizes is the mean cosine of every pair
/// of their members (average link).
private struct Centroid {
    var terms: [Int32] = []
    var weights: [Float] = []
    var size = 0
    /// The members' distinct terms, summed.
    var termCount = 0

    /// Distinct terms per member.
    var meanTerms: Float { size > 0 ? Float(termCount) / Float(size) : 0 }

    init(_ members: [Int], _ live: [LiveArticle], _ table: StoryTerms, _ idf: IDFWeights) {
        var entries: [(term: Int32, weight: Float)] = []
        for index in members {
            let article = live[index]
            var norm: Float = 0
            let start = entries.count
            for (term, frequency) in zip(article.terms, article.frequencies) {
                let weight = frequency * table.idf(term, idf)
                guard weight > 0 else { continue }
                entries.append((term, weight))
                norm += weight * weight
            }
            guard norm > 0 else { continue }
            let scale = 1 / norm.squareRoot()
            for position in start..<entries.count { entries[position].weight *= scale }
            size += 1
            termCount += article.terms.count
        }
        entries.sort { $0.term < $1.term }
        for entry in entries {
            if terms.last == entry.term {
                weights[weights.count - 1] += entry.weight
            } else {
                terms.append(entry.term)
                weights.append(entry.weight)
            }
        }
    }

    private init(terms: [Int32], weights: [Float], size: Int, termCount: Int) {
        self.terms = terms
        self.weights = weights
        self.size = size
        self.termCount = termCount
    }

    /// Mean cosine over the pairs of members of the two stories.
    func averageLink(with other: Centroid) -> Float {
        guard size > 0, other.size > 0 else { return 0 }
        return dot(other) / Float(size * other.size)
    }

    /// The sum of the cosines over the pairs of members.
    func dot(_ other: Centroid) -> Float {
        var dot: Float = 0
        var left = 0
        var right = 0
        while left < terms.count && right < other.terms.count {
            if terms[left] == other.terms[right] {
                dot += weights[left] * other.weights[right]
                left += 1
                right += 1
            } else if terms[left] < other.terms[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return dot
    }

    /// The centroid of both stories' members.
    func adding(_ other: Centroid) -> Centroid {
        var merged = Centroid(terms: [], weights: [], size: size + other.size, termCount: termCount + other.termCount)
        var left = 0
        var right = 0
        while left < terms.count || right < other.terms.count {
            if right == other.terms.count || (left < terms.count && terms[left] < other.terms[right]) {
                merged.terms.append(terms[left])
                merged.weights.append(weights[left])
                left += 1
            } else if left == terms.count || other.terms[right] < terms[left] {
                merged.terms.append(other.terms[right])
                merged.weights.append(other.weights[right])
                right += 1
            } else {
                merged.terms.append(terms[left])
                merged.weights.append(weights[left] + other.weights[right])
                left += 1
                right += 1
            }
        }
        return merged
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
    /// The days its members' leads name: when the event happened, as its reports say.
    var days: [Int32] = []

    init(first: Double) {
        self.first = first
        last = first
    }

    mutating func add(id: String, title: String, time: Double, centrality: Float, days: [Int32]) -> Int {
        for day in days where !self.days.contains(day) { self.days.append(day) }
        ids.append(id)
        titles.append(title)
        self.centrality.append(centrality)
        first = min(first, time)
        last = max(last, time)
        return ids.count - 1
    }

    /// Takes in the members of another story, after its own.
    mutating func absorb(_ other: OpenStory) {
        ids += other.ids
        titles += other.titles
        centrality += other.centrality
        related.formUnion(other.related)
        for day in other.days where !days.contains(day) { days.append(day) }
        first = min(first, other.first)
        last = max(last, other.last)
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

/// What a new report says beyond its words: the days its lead names, the entities its title
/// names, and (read only when a follow-up is in question) every day its text names.
private struct Report {
    var days: [Int32]
    /// The outlet's number, -1 when unknown.
    let outlet: Int32
    let body: String
    let published: Date
    private var mentioned: [Int32]?

    init(days: [Int32], outlet: Int32, body: String, published: Date) {
        self.days = days
        self.outlet = outlet
        self.body = body
        self.published = published
    }

    /// Whether the text names one of `wanted` (none asked, no reading).
    mutating func mentions(anyOf wanted: [Int32]) -> Bool {
        guard !wanted.isEmpty else { return false }
        if mentioned == nil { mentioned = StoryClusterer.mentionedDays(ofBody: body, published: published) }
        return mentioned!.contains { wanted.contains($0) }
    }
}

/// Outlet names by number.
private struct OutletNumbers: Sendable {
    private var numbers: [String: Int32] = [:]

    var count: Int { numbers.count }

    mutating func number(of outlet: String) -> Int32 {
        if let known = numbers[outlet] { return known }
        let number = Int32(numbers.count)
        numbers[outlet] = number
        return number
    }
}

/// The most similar story and the runner-up among the comparisons of one article.
private struct Ranking {
    var best = -1
    var bestSimilarity: Float = 0
    var second = -1
    var secondSimilarity: Float = 0

    mutating func offer(story: Int, similarity: Float) {
        if similarity > bestSimilarity {
            if story != best {
                second = best
                secondSimilarity = bestSimilarity
            }
            best = story
            bestSimilarity = similarity
        } else if story != best && similarity > secondSimilarity {
            second = story
            secondSimilarity = similarity
        }
    }
}
