import ArgumentParser
import Foundation
import Pipeline
import Reports
import Storage
import StorageSQLite

/// `corroborate report`: one story's corroboration report. For every claim, who carries it
/// (independent origins, copies counted once), who contradicts it, and whose word it is.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the corroboration report of one story.",
        discussion: """
            STORY_ID is a story's number from `corroborate stories`; --latest reports the story \
            seen last. Each claim shows its status (corroborated by two or more independent \
            origins, single-source, contested, or attributed when every report only relays one \
            party's word), the reason, and the evidence: the sentence, the outlet, the time and \
            the link. Formats: text (colored on a terminal), md, html (one self-contained file \
            with no external assets) and json (the contract in DESIGN.md).
            """)

    @Argument(help: "The story's id, as `corroborate stories` lists it.")
    var storyID: Int64?

    @Flag(help: "Report the story seen last.")
    var latest = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: ReportOptions

    func validate() throws {
        if storyID == nil, !latest { throw ValidationError("give a STORY_ID or --latest") }
        if storyID != nil, latest { throw ValidationError("give either a STORY_ID or --latest, not both") }
    }

    func run() async throws {
        let database = try store.openStore()
        let found: CorroborationReport?
        do {
            found = try await StoryScoring(store: database).report(storyID: storyID)
        } catch {
            throw RuntimeFailure(message: "\(store.storePath): \(error.description)")
        }
        guard let report = found else {
            if let storyID {
                throw RuntimeFailure(message: "no story \(storyID) in \(store.storePath) (see `corroborate stories`)")
            }
            throw RuntimeFailure(message: "no stories in \(store.storePath) yet (run `corroborate ingest` first)")
        }
        try output.emit(report)
    }
}
