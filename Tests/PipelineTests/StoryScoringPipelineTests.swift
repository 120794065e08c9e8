import Corroboration
import Foundation
import Pipeline
import Storage
import StorageSQLite
import Testing
import TextAnalysis

/// The worked example through the whole pipeline: ingest the Deir al-Zor corpus (syndication,
/// claims, stories), take the story of the strike, score it from what the store holds. The user
/// must see the 6-vs-8 conflict and the Defense Ministry's denial, with copies counted once.
@Suite struct StoryScoringPipelineTests {
    @Test func theWorkedExamplesConflictsComeOutOfTheStore() async throws {
        let folder = try ScratchFolder()
        let store = try SQLiteStore(path: folder.path("worked.sqlite"))
        _ = try await ingest([Repository.corpora.appendingPathComponent("deir-ez-zor-2017").path], store: store)
        _ = await Analysis(store: store).run()
        _ = await StoryStage(store: store).run()
        let stories = try await store.stories(since: nil, outlet: nil, limit: 1_000)
        let scoring = StoryScoring(store: store)
        var numeric: [String] = []
        var deniedByMinistry = false
        var origins: [Int] = []
        for story in stories where story.items.count >= 3 {
            let score = try await scoring.score(story)
            for group in score.groups {
                numeric += group.conflicts.filter { $0.kind == .numeric }.map(\.detail)
                if group.status == .contested,
                    group.members.contains(where: {
                        $0.relation == .contradicts && Self.speaksForTheMinistry($0.claim.speaker)
                    })
                {
                    deniedByMinistry = true
                }
                origins.append(group.independentOrigins)
                let supporting = Set(group.members.filter { $0.relation == .supports }.map(\.origin))
                #expect(group.independentOrigins == supporting.count)
            }
        }
        #expect(numeric.contains { $0.contains("6") && $0.contains("8") }, "\(numeric)")
        #expect(deniedByMinistry)
        #expect(origins.contains { $0 >= 2 }, "some claim is corroborated by independent origins")
    }

    /// The ministry itself ("Russia's Defense Ministry denied") or someone speaking for it
    /// (Konashenkov).
    static func speaksForTheMinistry(_ speaker: Speaker?) -> Bool {
        speaker?.entityID == "russian-defense-ministry" || speaker?.voice == "russian-defense-ministry"
    }
}
