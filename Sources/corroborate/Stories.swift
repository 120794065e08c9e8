import ArgumentParser
import Corroboration
import FeedParsing
import Foundation
import Pipeline
import Reports
import Storage
import StorageSQLite

/// `corroborate stories`: the store's stories, newest first, with their outlets and how many
/// independent origins carry them (copies count once).
struct Stories: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the stories in the store, newest first.",
        discussion: """
            A story groups the reports of one event (placed by `ingest`). Each line gives its \
            title, time span, outlets and independent origins: copies and derived reports count \
            once, and how many of its claims are contested and corroborated. --since keeps \
            stories seen within a duration (30m, 48h, 7d); --outlet those \
            with a report from one outlet. --format json prints the contract in DESIGN.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "Only stories seen within this long before now: 30m, 48h, 7d.")
    var since: TimeSpan?

    @Option(help: "Only stories with a report from this outlet (its registry id).")
    var outlet: String?

    @Option(help: "At most this many stories.")
    var limit: Int = 1_000

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() async throws {
        let database = try store.openStore()
        let stories: [StoredStory]
        do {
            stories = try await database.stories(
                since: since.map { Date().addingTimeInterval(-$0.seconds) }, outlet: outlet, limit: limit)
        } catch {
            throw RuntimeFailure(message: "\(store.storePath): \(error.description)")
        }
        // Each story scored for its claim counts: what makes a story worth opening.
        var claimCounts: [Int64: [ClaimStatus: Int]] = [:]
        do {
            let scores = try await StoryScoring(store: database).scores(of: stories)
            for (story, score) in zip(stories, scores) {
                claimCounts[story.id] = score.groups.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
            }
        } catch {
            throw RuntimeFailure(message: "\(store.storePath): \(error.description)")
        }
        let output = StandardOutput()
        switch format {
        case .json: output.write(Self.json(stories, claimCounts: claimCounts) + "\n")
        case .text: output.write(Self.text(stories, claimCounts: claimCounts))
        }
        output.flush()
    }

    static func json(_ stories: [StoredStory], claimCounts: [Int64: [ClaimStatus: Int]]) -> String {
        let w = JSONWriter()
        w.object {
            w.key("stories") {
                w.array(stories) { story in
                    w.object {
                        ReportJSON.storyFields(story, w)
                        let counts = claimCounts[story.id] ?? [:]
                        w.key("contestedClaims", counts[.contested] ?? 0)
                        w.key("corroboratedClaims", counts[.corroborated] ?? 0)
                        w.key("items") {
                            w.array(story.items) { item in
                                w.object {
                                    w.key("id", item.sourceID)
                                    w.key("outlet", item.outletID)
                                    w.key("title", item.title)
                                    w.key("published", item.published)
                                    w.key("copyOf", item.copyOf)
                                }
                            }
                        }
                    }
                }
            }
        }
        return w.output
    }

    static func text(_ stories: [StoredStory], claimCounts: [Int64: [ClaimStatus: Int]]) -> String {
        guard !stories.isEmpty else { return "no stories (ingest some feeds first)\n" }
        let format = Date.ISO8601FormatStyle().year().month().day().time(includingFractionalSeconds: false)
        var out = ""
        for story in stories {
            out += "\(story.id)  \(story.title.isEmpty ? "(untitled)" : story.title)\n"
            out += "    \(story.firstSeen.formatted(format)) to \(story.lastSeen.formatted(format)); "
            out += "\(story.items.count) reports, \(story.independentOrigins) independent origins; "
            let counts = claimCounts[story.id] ?? [:]
            out += "\(counts[.contested] ?? 0) contested, \(counts[.corroborated] ?? 0) corroborated claims; "
            out += story.outlets.joined(separator: ", ") + "\n"
        }
        return out
    }
}

/// A span of time as written on the command line: a number and a unit (s, m, h, d).
struct TimeSpan: ExpressibleByArgument, Sendable {
    var seconds: Double

    init?(argument: String) {
        guard let unit = argument.last, let value = Double(argument.dropLast()), value >= 0 else { return nil }
        switch unit {
        case "s": seconds = value
        case "m": seconds = value * 60
        case "h": seconds = value * 3_600
        case "d": seconds = value * 86_400
        default: return nil
        }
    }
}
