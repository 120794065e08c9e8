import BundledCorpora
import Corroboration
import Foundation
import TestSupport
import Testing
import TextAnalysis

/// Story scoring on the worked example: the reports of the Deir al-Zor strike as the corpora
/// give them (origins from the gold copies), claims extracted, groups scored. The user must see
/// the 6-vs-8 conflict and the Defense Ministry's denial.
@Suite struct StoryScoringGoldTests {
    static let score: StoryScore? = {
        guard
            let event = try? CorpusEvent.load(
                folder: RepositoryFolders.corpora.appendingPathComponent("deir-ez-zor-2017")),
            let story = event.gold.stories.first(where: { $0.id == "deir-ez-zor-sdf-strike" })
        else { return nil }
        let extractor = ClaimExtractor()
        var origins: [String: String] = [:]
        for copy in event.gold.copies { origins[copy.item.description] = copy.copyOf.description }
        let reports = story.items.compactMap { reference -> StoryReport? in
            guard let item = event.resolve(reference) else { return nil }
            let body = item.entry.contentText?.string ?? item.entry.summaryText?.string ?? ""
            let text = [item.entry.title ?? "", body].filter { !$0.isEmpty }.joined(separator: "\n\n")
            let key = reference.description
            return StoryReport(
                id: key, outlet: item.outlet ?? item.file, origin: origins[key] ?? key, published: item.entry.published,
                link: item.entry.link, claims: extractor.claims(in: text, published: item.entry.published))
        }
        return StoryScorer().score(reports)
    }()

    static let verbose = ProcessInfo.processInfo.environment["STORY_SCORE_VERBOSE"] != nil

    @Test func theSixVersusEightConflictIsFound() throws {
        let score = try #require(Self.score)
        if Self.verbose {
            for group in score.groups where group.members.count > 1 {
                print("[\(group.status.rawValue)] \(group.reason): \(group.canonicalClaim.text)")
                for member in group.members.dropFirst() {
                    print("    \(member.relation.rawValue) \(member.outlet): \(member.claim.text.prefix(120))")
                }
            }
        }
        let numeric = score.groups.flatMap(\.conflicts).filter { $0.kind == .numeric }
        #expect(
            numeric.contains { conflict in
                let detail = conflict.detail.lowercased()
                return (detail.contains("six") || detail.contains("6"))
                    && (detail.contains("eight") || detail.contains("8"))
            }, "\(numeric.map(\.detail))")
    }

    @Test func theDefenseMinistrysDenialContestsTheStrike() throws {
        let score = try #require(Self.score)
        let denied = score.groups.filter { group in
            group.status == .contested
                && group.members.contains {
                    $0.relation == .contradicts && Self.speaksForTheMinistry($0.claim.speaker)
                }
        }
        #expect(!denied.isEmpty)
    }

    @Test func copiesCountOnceAndSpeakersStayApartFromOutlets() throws {
        let score = try #require(Self.score)
        for group in score.groups {
            let supportingOrigins = Set(group.members.filter { $0.relation == .supports }.map(\.origin))
            #expect(group.independentOrigins == supportingOrigins.count)
        }
        #expect(score.groups.contains { $0.status == .corroborated })
        #expect(score.groups.contains { $0.status == .attributed })
        #expect(score.outlets.count == score.agreements.count)
    }

    /// The ministry itself ("Russia's Defense Ministry denied") or someone speaking for it
    /// (Konashenkov).
    static func speaksForTheMinistry(_ speaker: Speaker?) -> Bool {
        speaker?.entityID == "russian-defense-ministry" || speaker?.voice == "russian-defense-ministry"
    }
}
