import Foundation
import TestSupport
import Testing

/// `corroborate stories` after `ingest`: the JSON contract, filters, and stories made once.
@Suite struct StoriesCommandTests {
    static let corpora = RepositoryFolders.corpora.path
    static let registry = RepositoryFolders.feeds.path

    @Test func ingestPlacesItemsOnceAndStoriesFollowTheContract() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        let event = Self.corpora + "/kerch-strait-2018"
        let first = try CLI.run(["ingest", "--db", db, "--registry", Self.registry, event, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let placed = try #require(summary["stories"] as? [String: Any])
        #expect((placed["items"] as? Int ?? 0) > 0)
        let again = try CLI.run(["ingest", "--db", db, "--registry", Self.registry, event, "--json"])
        let second = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect((second["stories"] as? [String: Any])?["items"] as? Int == 0, "nothing new to place")

        let listed = try CLI.run(["stories", "--db", db, "--format", "json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        let stories = try #require(document["stories"] as? [[String: Any]])
        #expect(!stories.isEmpty)
        for story in stories {
            #expect(
                Set(story.keys) == [
                    "id", "title", "firstSeen", "lastSeen", "outlets", "independentOrigins", "contestedClaims",
                    "corroboratedClaims", "items",
                ])
            let items = try #require(story["items"] as? [[String: Any]])
            #expect((story["independentOrigins"] as? Int ?? 0) <= items.count)
            for item in items { #expect(Set(item.keys) == ["id", "outlet", "title", "published", "copyOf"]) }
        }
        let lastSeen = stories.compactMap { $0["lastSeen"] as? String }
        #expect(lastSeen == lastSeen.sorted(by: >), "newest first")
        // Filters: an outlet keeps only stories it reported; a span of a minute keeps none of 2018.
        let tass = try CLI.run(["stories", "--db", db, "--format", "json", "--outlet", "tass"])
        let tassStories = (try JSONSerialization.jsonObject(with: Data(tass.stdout.utf8)) as? [String: Any])?["stories"]
        for story in tassStories as? [[String: Any]] ?? [] {
            #expect((story["outlets"] as? [String] ?? []).contains("tass"))
        }
        let bad = try CLI.run(["stories", "--db", db, "--since", "yesterday"])
        #expect(bad.status == 2)
    }
}
