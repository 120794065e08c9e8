import ArgumentParser
import Foundation
import OutletRegistry
import Storage
import StorageSQLite

/// The options every command that touches the store shares: `corroborate [--db PATH] COMMAND`.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store: a SQLite file, created if missing.",
            discussion: "Default: $CORROBORATE_DB, else ./corroborate.sqlite.",
            valueName: "path"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The outlet registry folder (one YAML file per outlet).",
            discussion: "Default: $CORROBORATE_REGISTRY, else ./feeds.",
            valueName: "folder"))
    var registry: String?

    var storePath: String {
        db ?? ProcessInfo.processInfo.environment["CORROBORATE_DB"] ?? "corroborate.sqlite"
    }

    func openStore() throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: storePath)
        } catch {
            throw RuntimeFailure(message: error.description)
        }
    }

    /// The registry, or an empty one with a notice when there is none where it was looked for.
    func loadRegistry() throws -> OutletRegistry {
        let explicit = registry ?? ProcessInfo.processInfo.environment["CORROBORATE_REGISTRY"]
        let folder = explicit ?? "feeds"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            if explicit != nil { throw RuntimeFailure(message: "\(folder): no such registry folder") }
            printError("no outlet registry at ./feeds; outlets are named after their feeds (use --registry)")
            return OutletRegistry(outlets: [])
        }
        do {
            return try OutletRegistry.load(folder: URL(fileURLWithPath: folder))
        } catch {
            throw RuntimeFailure(message: error.description)
        }
    }
}
