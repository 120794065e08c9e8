import Corroboration
import Foundation
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
}
