import Corroboration
import Foundation
import Reports
import Storage

/// A stored story scored: its items' claims (as analysis stored them) and origins (as
/// syndication found them) handed to `StoryScorer`. What `report` and `diff` read.
public struct StoryScoring: Sendable {
    public let store: any CorroborationStore & StoryStore
    public let scorer: StoryScorer

    public init(store: any CorroborationStore & StoryStore, scorer: StoryScorer = StoryScorer()) {
        self.store = store
        self.scorer = scorer
    }

    /// The story's reports with their claims; items not analysed yet have none.
    public func reports(of story: StoredStory) async throws(StorageError) -> [StoryReport] {
        var reports: [StoryReport] = []
        for item in story.items {
            let claims = try await store.claims(itemID: item.itemID) ?? []
            reports.append(
                StoryReport(
                    id: String(item.itemID), outlet: item.outletID, origin: String(item.originID),
                    published: item.published, link: item.link, claims: claims))
        }
        return reports
    }

    public func score(_ story: StoredStory) async throws(StorageError) -> StoryScore {
        scorer.score(try await reports(of: story))
    }

    /// Many stories scored at once: their claims read in turn, the scoring spread over every
    /// core. What `stories` uses to count each story's contested and corroborated claims.
    public func scores(of stories: [StoredStory]) async throws(StorageError) -> [StoryScore] {
        var inputs: [[StoryReport]] = []
        inputs.reserveCapacity(stories.count)
        for story in stories { inputs.append(try await reports(of: story)) }
        let scorer = scorer
        return await parallelMap(inputs) { scorer.score($0) }
    }

    /// The corroboration report of a stored story, ready for any renderer.
    public func report(of story: StoredStory) async throws(StorageError) -> CorroborationReport {
        let names = try await store.outletNames()
        return CorroborationReport(story: story, score: try await score(story), outletNames: names)
    }

    /// The report of the story with `id`, or of the story seen last when `id` is nil; nil when
    /// there is no such story.
    public func report(storyID id: Int64?) async throws(StorageError) -> CorroborationReport? {
        let story: StoredStory?
        if let id {
            story = try await store.story(id: id)
        } else {
            story = try await store.stories(since: nil, outlet: nil, limit: 1).first
        }
        guard let story else { return nil }
        return try await report(of: story)
    }
}

extension StoryScoring {
    /// The claim-level diff of two sides over one story (`storyID`) or over the stories seen
    /// since `since` (every story when nil). Stories both sides report are compared claim by
    /// claim; stories only one side reports are listed as such. Nil when `storyID` names no story.
    public func diff(
        a: SourceDiff.Side, b: SourceDiff.Side, storyID: Int64?, since: Date?, limit: Int = 500
    ) async throws(StorageError) -> SourceDiff? {
        let names = try await store.outletNames()
        let stories: [StoredStory]
        if let storyID {
            guard let story = try await store.story(id: storyID) else { return nil }
            stories = [story]
        } else {
            stories = try await store.stories(since: since, outlet: nil, limit: limit)
        }
        let aOutlets = Set(a.outlets)
        let bOutlets = Set(b.outlets)
        var reports: [CorroborationReport] = []
        var oneSided: [SourceDiff.OneSidedStory] = []
        for story in stories {
            let outlets = Set(story.items.map(\.outletID))
            let hasA = !outlets.isDisjoint(with: aOutlets)
            let hasB = !outlets.isDisjoint(with: bOutlets)
            if (hasA && hasB) || storyID != nil {
                reports.append(CorroborationReport(story: story, score: try await score(story), outletNames: names))
            } else if hasA || hasB {
                oneSided.append(
                    SourceDiff.OneSidedStory(
                        story: story.id, title: story.title, lastSeen: story.lastSeen, side: hasA ? .onlyA : .onlyB,
                        reports: story.items.filter { (hasA ? aOutlets : bOutlets).contains($0.outletID) }.count))
            }
        }
        return SourceDiff(a: a, b: b, reports: reports, oneSided: oneSided)
    }
}
