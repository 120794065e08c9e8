import Corroboration
import Foundation
import Storage

/// The claim-level difference between two outlets (or two groups of outlets) over some stories:
/// what only A carries, what only B carries, what both carry (and how their wording differs),
/// and where they conflict. Pure: built from corroboration reports.
public struct SourceDiff: Sendable {
    /// One side of the diff: the outlets it stands for, and how to call it.
    public struct Side: Sendable, Hashable {
        public var outlets: [String]
        public var label: String

        public init(outlets: [String], label: String) {
            self.outlets = outlets
            self.label = label
        }
    }

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case onlyA, onlyB, both, conflict
    }

    /// One claim as the two sides carry it.
    public struct Entry: Sendable, Hashable {
        public var kind: Kind
        public var story: Int64
        public var claim: CorroborationReport.ClaimEntry
        public var a: [CorroborationReport.Evidence]
        public var b: [CorroborationReport.Evidence]
        /// For a conflict: what kind, and its detail ("6 vs 8 wounded").
        public var conflictKind: ConflictKind?
        public var conflictDetail: String?
        /// For a claim in both: A's sentence turned into B's, word by word.
        public var wording: [WordDiff.Segment]
    }

    /// A story one side covers and the other does not report at all.
    public struct OneSidedStory: Sendable, Hashable {
        public var story: Int64
        public var title: String
        public var lastSeen: Date
        public var side: Kind
        public var reports: Int

        public init(story: Int64, title: String, lastSeen: Date, side: Kind, reports: Int) {
            self.story = story
            self.title = title
            self.lastSeen = lastSeen
            self.side = side
            self.reports = reports
        }
    }

    public struct StoryHeader: Sendable, Hashable {
        public var id: Int64
        public var title: String
        public var firstSeen: Date
        public var lastSeen: Date
    }

    public let a: Side
    public let b: Side
    /// Stories both sides report, newest first, and their entries in reading order: conflicts,
    /// only A, only B, both.
    public let stories: [(header: StoryHeader, entries: [Entry])]
    public let oneSided: [OneSidedStory]

    public var entries: [Entry] { stories.flatMap(\.entries) }

    public func entries(_ kind: Kind) -> [Entry] { entries.filter { $0.kind == kind } }

    /// `reports` are the stories both sides report; `oneSided` those only one side does.
    public init(a: Side, b: Side, reports: [CorroborationReport], oneSided: [OneSidedStory] = []) {
        self.a = a
        self.b = b
        self.oneSided = oneSided
        let aOutlets = Set(a.outlets)
        let bOutlets = Set(b.outlets)
        var stories: [(StoryHeader, [Entry])] = []
        for report in reports {
            var entries: [Entry] = []
            for claim in report.claims {
                let all = claim.supporting + claim.contradicting + claim.discussing
                let fromA = all.filter { aOutlets.contains($0.outlet) }
                let fromB = all.filter { bOutlets.contains($0.outlet) }
                if fromA.isEmpty, fromB.isEmpty { continue }
                let aAsserts = fromA.contains { $0.relation == .supports }
                let bAsserts = fromB.contains { $0.relation == .supports }
                let aDenies = fromA.contains { $0.relation == .contradicts }
                let bDenies = fromB.contains { $0.relation == .contradicts }
                let kind: Kind
                // A conflict needs one side asserting what the other alone denies; when both
                // relay the denial (or both the claim) they agree.
                if (aAsserts && bDenies && !aDenies) || (aDenies && bAsserts && !bDenies) {
                    kind = .conflict
                } else if !fromA.isEmpty, !fromB.isEmpty {
                    kind = .both
                } else {
                    kind = fromA.isEmpty ? .onlyB : .onlyA
                }
                // Each side's reports, the ones that show its position first.
                let aFirst: Relation = kind == .conflict && aDenies ? .contradicts : .supports
                let bFirst: Relation = kind == .conflict && bDenies ? .contradicts : .supports
                var entry = Entry(
                    kind: kind, story: report.story.id, claim: claim,
                    a: fromA.filter { $0.relation == aFirst } + fromA.filter { $0.relation != aFirst },
                    b: fromB.filter { $0.relation == bFirst } + fromB.filter { $0.relation != bFirst },
                    conflictKind: nil, conflictDetail: nil, wording: [])
                if kind == .conflict {
                    let denial = (aDenies ? fromA : fromB).first { $0.relation == .contradicts }
                    let conflict = report.conflicts.first {
                        $0.claim == claim.number && $0.others.contains { $0 == denial }
                    }
                    entry.conflictKind = conflict?.kind
                    entry.conflictDetail = conflict?.detail ?? denial?.detail
                }
                if kind == .both, let first = Self.representative(fromA), let second = Self.representative(fromB) {
                    entry.wording = WordDiff.diff(first.sentence, second.sentence)
                }
                entries.append(entry)
            }
            let order: [Kind: Int] = [.conflict: 0, .onlyA: 1, .onlyB: 2, .both: 3]
            entries = entries.enumerated().sorted {
                (order[$0.element.kind]!, $0.offset) < (order[$1.element.kind]!, $1.offset)
            }
            .map(\.element)
            let story = report.story
            stories.append(
                (
                    StoryHeader(id: story.id, title: story.title, firstSeen: story.firstSeen, lastSeen: story.lastSeen),
                    entries
                ))
        }
        self.stories = stories
    }

    /// The report standing for a side: one that asserts the claim, else any.
    static func representative(_ evidence: [CorroborationReport.Evidence]) -> CorroborationReport.Evidence? {
        evidence.first { $0.relation == .supports } ?? evidence.first
    }

    /// How many claims fall in each kind.
    public var counts: [Kind: Int] { entries.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 } }
}

/// Word-level difference between two sentences: what stays, what A has that B drops, what B adds.
public enum WordDiff {
    public enum Operation: String, Sendable, Hashable {
        case same, removed, added
    }

    public struct Segment: Sendable, Hashable {
        public var operation: Operation
        public var text: String
    }

    /// Longest common subsequence over words, compared without case and edge punctuation; runs of
    /// one operation merged. Sentences are short, so the quadratic table is cheap.
    public static func diff(_ a: String, _ b: String) -> [Segment] {
        let left = a.split(whereSeparator: \.isWhitespace).map(String.init)
        let right = b.split(whereSeparator: \.isWhitespace).map(String.init)
        guard left.count * right.count <= 250_000 else {
            return [Segment(operation: .removed, text: a), Segment(operation: .added, text: b)]
        }
        let keyLeft = left.map(key)
        let keyRight = right.map(key)
        let n = left.count
        let m = right.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        if n > 0, m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] =
                        keyLeft[i] == keyRight[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var segments: [Segment] = []
        func append(_ operation: Operation, _ word: String) {
            if let last = segments.last, last.operation == operation {
                segments[segments.count - 1].text += " " + word
            } else {
                segments.append(Segment(operation: operation, text: word))
            }
        }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, keyLeft[i] == keyRight[j] {
                append(.same, right[j])
                i += 1
                j += 1
            } else if j < m, i == n || table[i][j + 1] >= table[i + 1][j] {
                append(.added, right[j])
                j += 1
            } else {
                append(.removed, left[i])
                i += 1
            }
        }
        return segments
    }

    static func key(_ word: String) -> String {
        word.lowercased().trimmingCharacters(in: .punctuationCharacters)
    }
}
