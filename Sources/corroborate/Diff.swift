import ArgumentParser
import Foundation
import Pipeline
import Reports
import Storage
import StorageSQLite

/// `corroborate diff`: what two outlets (or two groups of outlets) say differently, claim by
/// claim. The morning view: `corroborate diff tass reuters --since 48h`.
struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the claim-level difference between two outlets or outlet groups.",
        discussion: """
            OUTLET_A and OUTLET_B are registry ids (reuters, tass, ...) or comma-separated groups \
            (tass,ria-novosti). For every story both sides report: claims in conflict (!), only \
            in A (-), only in B (+), and in both (=) with the wording differences; then the \
            stories only one side reports. --story limits it to one story, --since to stories \
            seen within a duration (30m, 48h, 7d). --format json prints onlyA, onlyB, both and \
            conflicts.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Side A: an outlet id, or several separated by commas.")
    var outletA: String

    @Argument(help: "Side B: an outlet id, or several separated by commas.")
    var outletB: String

    @Option(help: "Only this story (its id from `corroborate stories`).")
    var story: Int64?

    @Option(help: "Only stories seen within this long before now: 30m, 48h, 7d.")
    var since: TimeSpan?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Color the text: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if story != nil, since != nil { throw ValidationError("give either --story or --since, not both") }
        for side in [outletA, outletB] where Self.outlets(side).isEmpty {
            throw ValidationError("'\(side)' names no outlet")
        }
    }

    static func outlets(_ side: String) -> [String] {
        side.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }

    func run() async throws {
        let database = try store.openStore()
        let scoring = StoryScoring(store: database)
        let found: SourceDiff?
        do {
            let known = try await database.outletNames()
            func side(_ argument: String) throws -> SourceDiff.Side {
                let ids = Self.outlets(argument)
                if let unknown = ids.first(where: { known[$0] == nil }) {
                    throw RuntimeFailure(
                        message: "unknown outlet '\(unknown)': no report from it in \(store.storePath) "
                            + "(known: \(known.keys.sorted().joined(separator: ", ")))")
                }
                return SourceDiff.Side(outlets: ids, label: ids.map { known[$0] ?? $0 }.joined(separator: ", "))
            }
            found = try await scoring.diff(
                a: try side(outletA), b: try side(outletB), storyID: story,
                since: since.map { Date().addingTimeInterval(-$0.seconds) })
        } catch let error as StorageError {
            throw RuntimeFailure(message: "\(store.storePath): \(error.description)")
        }
        guard let diff = found else {
            throw RuntimeFailure(message: "no story \(story ?? 0) in \(store.storePath) (see `corroborate stories`)")
        }
        let output = StandardOutput()
        switch format {
        case .json: output.write(DiffJSON.render(diff) + "\n")
        case .text: output.write(DiffTextRenderer(style: .forStandardOutput(color)).render(diff))
        }
        output.flush()
    }
}
