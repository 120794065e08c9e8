import Foundation
import TextAnalysis

/// One report of a story as scoring sees it: where it comes from and what it claims.
public struct StoryReport: Sendable, Hashable {
    /// The item's key (its id as ingested).
    public var id: String
    public var outlet: String
    /// The key of the item whose reporting this one carries: itself for an original, the
    /// original for a copy or a derived report (syndication). Origins, not outlets, count.
    public var origin: String
    public var published: Date?
    public var link: String?
    public var claims: [Claim]

    public init(id: String, outlet: String, origin: String, published: Date?, link: String?, claims: [Claim]) {
        self.id = id
        self.outlet = outlet
        self.origin = origin
        self.published = published
        self.link = link
        self.claims = claims
    }
}

/// Where a claim group stands.
public enum ClaimStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Asserted by two or more independent origins, or by two or more independent speakers.
    case corroborated
    /// Carried by one origin only.
    case singleSource = "single-source"
    /// Reports disagree: a count that cannot be the same, a denial, one statement credited to
    /// different people.
    case contested
    /// Every report only relays one party's word: ten outlets quoting the Russian MoD
    /// corroborate that the MoD said it, not that it is true.
    case attributed
}

/// The kinds of disagreement inside a claim group.
public enum ConflictKind: String, Sendable, Hashable, Codable, CaseIterable {
    case numeric, polarity, attribution
}

/// One proposition of a story, as every report that carries it words it.
public struct ClaimGroup: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var report: String
        public var outlet: String
        public var origin: String
        public var published: Date?
        public var link: String?
        public var claim: Claim
        /// What this member does with the group's canonical claim.
        public var relation: Relation
        public var detail: String?
    }

    public struct Conflict: Sendable, Hashable {
        public var kind: ConflictKind
        /// Indices into `members`.
        public var first: Int
        public var second: Int
        public var detail: String
    }

    /// The member whose wording stands for the group: the earliest original that asserts it.
    public var canonical: Int
    public var members: [Member]
    public var status: ClaimStatus
    /// Distinct origins among the members that support the claim.
    public var independentOrigins: Int
    /// The voices (speakers) behind the supporting members, kept apart from the outlets.
    public var speakers: [String]
    public var conflicts: [Conflict]
    public var confidence: Double
    /// One line saying why: "3 independent origins, no conflict", "6 vs 8 wounded".
    public var reason: String

    public var canonicalClaim: Claim { members[canonical].claim }
}

/// The scored story: its claim groups, most supported first, and the outlet-by-outlet matrix.
public struct StoryScore: Sendable, Hashable {
    public var groups: [ClaimGroup]
    /// Outlets in matrix order.
    public var outlets: [String]
    /// `agreements[i][j]`: claim groups that outlets i and j both support.
    public var agreements: [[Int]]
    /// `conflicts[i][j]`: claim groups where one of outlets i and j contradicts the other.
    public var conflicts: [[Int]]
}

/// Groups a story's claims by proposition and scores each group. Pure: reports in, score out.
///
/// Claims of different origins join a group when their content is close enough (TF-IDF cosine
/// over the attributed content, so "the coalition said Russian munitions hit X" meets "Russian
/// munitions hit X"); a denial then joins the group of what it denies, found by its content and
/// the entities it names. Inside a group each member's relation to the canonical claim comes
/// from `Comparer.relation(of:to:)`: a count that cannot be the same, a denial, a relay.
public struct StoryScorer: Sendable {
    public var terms: BackgroundTerms
    /// Cosine at which two claims are taken for one proposition.
    public var joinAt: Double
    /// Cosine at which a denial is taken to deny a group's proposition.
    public var denialJoinsAt: Double

    public init(terms: BackgroundTerms = .shared, joinAt: Double = 0.55, denialJoinsAt: Double = 0.2) {
        self.terms = terms
        self.joinAt = joinAt
        self.denialJoinsAt = denialJoinsAt
    }

    struct Entry {
        var report: Int
        var claim: Claim
        var vector: [String: Double]
        var entities: Set<String>
        var denies: Bool
    }

    public func score(_ reports: [StoryReport]) -> StoryScore {
        // Every claim with content, as a vector of its attributed words.
        var entries: [Entry] = []
        for (index, report) in reports.enumerated() {
            var seenContent = Set<String>()
            for claim in report.claims {
                let words = claim.content.map { claim.text.slice($0) } ?? claim.text
                let key = (claim.speaker?.voice ?? "") + "\u{1}" + words
                guard seenContent.insert(key).inserted else { continue }
                let language = LanguageIdentifier.identify(words).language
                var vector = ComparableText.vector(of: words, language: language, terms: terms).weights
                // The numbers themselves are left out: "six wounded" and "eight wounded" are one
                // proposition whose values conflict, not two propositions.
                for quantity in claim.quantities {
                    for token in Tokenizer.tokens(of: quantity.text) {
                        if let term = TermNormalizer.term(token, language: language) { vector[term] = nil }
                    }
                }
                let norm = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard vector.count >= 2, norm > 0 else { continue }
                for key in vector.keys { vector[key]! /= norm }
                let denies = claim.stance == .denies || claim.polarity.denial
                entries.append(
                    Entry(
                        report: index, claim: claim, vector: vector,
                        entities: Set(claim.entities.compactMap(\.entityID)), denies: denies))
            }
        }
        // Claims in time order, grouped by centroid (`CentroidGrouping`).
        let byTime: (Int, Int) -> Bool = {
            (reports[entries[$0].report].published ?? .distantPast, $0)
                < (reports[entries[$1].report].published ?? .distantPast, $1)
        }
        var grouping = CentroidGrouping(joinAt: joinAt)
        for index in entries.indices.filter({ !entries[$0].denies }).sorted(by: byTime) {
            grouping.place(index, entries[index].vector)
        }
        // A denial joins the group of what it denies: the closest by content and shared names,
        // among what another party said (the Defense Ministry denying the coalition, not itself;
        // not an outlet's background paragraph). Denials that deny nothing here group together.
        var unplaced: [Int] = []
        for (index, entry) in entries.enumerated() where entry.denies {
            let party = Self.party(of: entry.claim.speaker)
            var best: (group: Int, score: Double)?
            for (groupIndex, group) in grouping.groups.enumerated() {
                var score = 0.0
                for member in group {
                    let other = entries[member]
                    guard let otherParty = Self.party(of: other.claim.speaker), otherParty != party else { continue }
                    let shared = Double(entry.entities.intersection(other.entities).count)
                    score = max(score, AgreementFeatures.dot(entry.vector, other.vector) + 0.1 * min(3, shared))
                }
                if score >= denialJoinsAt, score > (best?.score ?? 0) { best = (groupIndex, score) }
            }
            if let best { grouping.groups[best.group].append(index) } else { unplaced.append(index) }
        }
        var denials = CentroidGrouping(joinAt: joinAt)
        for index in unplaced.sorted(by: byTime) { denials.place(index, entries[index].vector) }
        let groups = grouping.groups + denials.groups

        var scored = groups.map { scoreGroup($0, entries: entries, reports: reports) }
        scored.sort {
            ($0.independentOrigins, $0.members.count, $1.members.first?.published ?? .distantFuture)
                > ($1.independentOrigins, $1.members.count, $0.members.first?.published ?? .distantFuture)
        }
        return StoryScore(groups: scored, outlets: [], agreements: [], conflicts: []).withMatrix()
    }

    /// The party a speaker speaks for: the top of its affiliation chain in the gazetteer
    /// (Konashenkov, the Defense Ministry and Russia are one party), else its voice.
    public static func party(of speaker: Speaker?) -> String? {
        guard let speaker else { return nil }
        var id = speaker.affiliation ?? speaker.entityID ?? speaker.voice
        var seen: Set<String> = [id]
        while let next = Gazetteer.standard.entry(id: id)?.affiliation, seen.insert(next).inserted { id = next }
        return id
    }

    /// Cosine of a unit vector with an unnormalized centroid.
    static func cosine(_ vector: [String: Double], _ centroid: [String: Double]) -> Double {
        let norm = centroid.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? AgreementFeatures.dot(vector, centroid) / norm : 0
    }

    func scoreGroup(_ indices: [Int], entries: [Entry], reports: [StoryReport]) -> ClaimGroup {
        // The canonical claim: the earliest original asserting it, else the earliest.
        let ordered = indices.sorted {
            let a = reports[entries[$0].report]
            let b = reports[entries[$1].report]
            let aOriginal = a.origin == a.id
            let bOriginal = b.origin == b.id
            if aOriginal != bOriginal { return aOriginal }
            if entries[$0].denies != entries[$1].denies { return !entries[$0].denies }
            return (a.published ?? .distantFuture) < (b.published ?? .distantFuture)
        }
        let canonicalEntry = entries[ordered[0]]
        var members: [ClaimGroup.Member] = []
        let canonicalParty = Self.party(of: canonicalEntry.claim.speaker)
        for index in ordered {
            let entry = entries[index]
            let report = reports[entry.report]
            var (relation, detail) =
                index == ordered[0]
                ? (Relation.supports, nil)
                : Comparer.relation(
                    of: entry.claim, to: canonicalEntry.claim, relayIsDiscussion: false,
                    close: AgreementFeatures.dot(entry.vector, canonicalEntry.vector) >= 0.5 || entry.denies)
            // One party does not deny itself: "six were wounded but none of its advisers were hurt"
            // from the coalition carries the coalition's claim. Counts are kept apart: a party may
            // revise its own figure, and that is worth showing.
            if relation == .contradicts, detail?.contains(" vs ") != true, let canonicalParty,
                Self.party(of: entry.claim.speaker) == canonicalParty
            {
                (relation, detail) = (.supports, nil)
            }
            // A sentence that affirms the same count ("several SDF fighters were wounded, while
            // the advisers were not hurt") carries the claim; its negation is about something else.
            if relation == .contradicts, !entry.denies, detail?.contains(" vs ") != true,
                NumberConflictDetector().agree(entry.claim.quantities, canonicalEntry.claim.quantities)
            {
                (relation, detail) = (.supports, nil)
            }
            members.append(
                ClaimGroup.Member(
                    report: report.id, outlet: report.outlet, origin: report.origin, published: report.published,
                    link: report.link, claim: entry.claim, relation: relation, detail: detail))
        }
        // Conflicts: each contradicting member against the canonical one; one statement credited
        // to different people.
        var conflicts: [ClaimGroup.Conflict] = []
        for (index, member) in members.enumerated() where member.relation == .contradicts {
            let kind: ConflictKind = member.detail?.contains(" vs ") == true ? .numeric : .polarity
            conflicts.append(
                ClaimGroup.Conflict(kind: kind, first: 0, second: index, detail: member.detail ?? kind.rawValue))
        }
        let people = members.enumerated().filter {
            $0.element.claim.speaker?.kind == .person && $0.element.claim.speaker?.entityID != nil
        }
        if let first = people.first,
            let other = people.first(where: {
                $0.element.claim.speaker?.entityID != first.element.claim.speaker?.entityID
                    && $0.element.claim.speaker?.voice == first.element.claim.speaker?.voice
                    && $0.element.claim.form == .direct && first.element.claim.form == .direct
            })
        {
            conflicts.append(
                ClaimGroup.Conflict(
                    kind: .attribution, first: first.offset, second: other.offset,
                    detail: "\(first.element.claim.speaker!.name) vs \(other.element.claim.speaker!.name)"))
        }

        let supporting = members.filter { $0.relation == .supports }
        let origins = Set(supporting.map(\.origin)).count
        let voices = Set(supporting.compactMap { $0.claim.speaker?.voice })
        let ownVoice = supporting.contains { $0.claim.speaker == nil && $0.claim.stance == .asserts }
        let speakers = voices.sorted()
        let status: ClaimStatus
        let confidence: Double
        let reason: String
        if let conflict = conflicts.first {
            status = .contested
            confidence = 0.3
            let against = Set(members.filter { $0.relation == .contradicts }.map(\.origin)).count
            reason = "\(conflict.detail): \(origins) origin\(origins == 1 ? "" : "s") for, \(against) against"
        } else if !ownVoice, voices.count == 1, let voice = speakers.first {
            status = .attributed
            confidence = 0.5
            let name = supporting.first { $0.claim.speaker?.voice == voice }?.claim.speaker?.name ?? voice
            reason = "only \(name) says so, relayed by \(origins) origin\(origins == 1 ? "" : "s")"
        } else if origins >= 2 || voices.count >= 2 {
            status = .corroborated
            confidence = min(0.95, 0.5 + 0.1 * Double(origins + voices.count))
            reason = "\(origins) independent origins" + (voices.count >= 2 ? ", \(voices.count) speakers" : "")
        } else {
            status = .singleSource
            confidence = 0.4
            reason = "one origin (\(members[0].outlet))"
        }
        return ClaimGroup(
            canonical: 0, members: members, status: status, independentOrigins: origins, speakers: speakers,
            conflicts: conflicts, confidence: confidence, reason: reason)
    }
}

/// Claims placed one by one, each joining the group whose centroid it comes closest to, or
/// starting one: a centroid keeps "six fighters were wounded" and "advisers were not hurt" from
/// chaining through a sentence that says both. Claims of one origin may share a group; origins
/// are counted once later.
struct CentroidGrouping {
    let joinAt: Double
    var groups: [[Int]] = []
    var centroids: [[String: Double]] = []
    var postings: [String: [Int]] = [:]

    init(joinAt: Double) {
        self.joinAt = joinAt
    }

    mutating func place(_ index: Int, _ vector: [String: Double]) {
        var candidates = Set<Int>()
        for term in vector.keys { for group in postings[term] ?? [] { candidates.insert(group) } }
        var best: (group: Int, cosine: Double)?
        for group in candidates.sorted() {
            let cosine = StoryScorer.cosine(vector, centroids[group])
            if cosine >= joinAt, cosine > (best?.cosine ?? 0) { best = (group, cosine) }
        }
        if let best {
            groups[best.group].append(index)
            for (term, weight) in vector {
                if centroids[best.group][term] == nil { postings[term, default: []].append(best.group) }
                centroids[best.group][term, default: 0] += weight
            }
        } else {
            groups.append([index])
            centroids.append(vector)
            for term in vector.keys { postings[term, default: []].append(groups.count - 1) }
        }
    }
}

extension StoryScore {
    /// Fills the outlet-by-outlet matrix from the groups.
    func withMatrix() -> StoryScore {
        let outlets = Array(Set(groups.flatMap { $0.members.map(\.outlet) })).sorted()
        let position = Dictionary(uniqueKeysWithValues: outlets.enumerated().map { ($1, $0) })
        var agreements = [[Int]](repeating: [Int](repeating: 0, count: outlets.count), count: outlets.count)
        var conflicts = agreements
        for group in groups {
            let supporting = Set(group.members.filter { $0.relation == .supports }.map(\.outlet))
            let contradicting = Set(group.members.filter { $0.relation == .contradicts }.map(\.outlet))
            for a in supporting {
                for b in supporting { agreements[position[a]!][position[b]!] += 1 }
                for b in contradicting {
                    conflicts[position[a]!][position[b]!] += 1
                    conflicts[position[b]!][position[a]!] += 1
                }
            }
        }
        return StoryScore(groups: groups, outlets: outlets, agreements: agreements, conflicts: conflicts)
    }
}
