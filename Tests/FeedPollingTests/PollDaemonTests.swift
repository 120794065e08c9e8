import Foundation
import Storage
import StorageSQLite
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The `poll --every` daemon as an operator runs it: killed with SIGKILL mid-cycle it loses
/// nothing committed and the next run finishes the job without duplicates; SIGTERM stops it
/// cleanly with status 0.
@Suite(.serialized) struct PollDaemonTests {
    /// Twenty feeds of two items each, each answered slowly enough that a cycle takes a while.
    static func server() async throws -> FaultServer {
        try await FaultServer { request in
            let name = String(request.path.dropFirst())
            let body = PollCycleTests.feed(name)
            return .drip(
                headers: [("ETag", "\"\(name)\"")], pieces: [Array(body.prefix(200)), Array(body.dropFirst(200))],
                delay: 0.15)
        }
    }

    static func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = BuiltBinaries.corroborate
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func prepare(_ folder: TemporaryFolder, server: FaultServer) async throws -> String {
        let path = folder.path("daemon.sqlite")
        try FileManager.default.createDirectory(atPath: RepositoryFolders.feeds.path, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: path)
        _ = try await store.addFeeds(
            (0..<20).map { FeedSubscription(url: server.url("/feed-\($0)"), outletID: "wire-\($0)") })
        return path
    }

    @Test func aKilledDaemonLosesNothingAndTheNextRunFinishes() async throws {
        let server = try await Self.server()
        let folder = try TemporaryFolder()
        let db = try await Self.prepare(folder, server: server)
        let common = [
            "--db", db, "--registry", RepositoryFolders.feeds.path, "--no-registry-feeds", "--concurrency", "4",
        ]
        let daemon = try Self.launch(["poll", "--every", "1s", "--all"] + common)
        try await Task.sleep(for: .milliseconds(900))
        kill(daemon.processIdentifier, SIGKILL)
        daemon.waitUntilExit()

        let afterKill = try SQLiteStore(path: db)
        let kept = try await afterKill.counts().items
        #expect(kept <= 40)
        let rerun = try Self.launch(["poll", "--once", "--all"] + common)
        rerun.waitUntilExit()
        #expect(rerun.terminationStatus == 0)
        let store = try SQLiteStore(path: db)
        #expect(try await store.counts().items == 40, "every item once, after the kill \(kept) were in")
        let again = try Self.launch(["poll", "--once", "--all"] + common)
        again.waitUntilExit()
        #expect(try await SQLiteStore(path: db).counts().items == 40, "no duplicates")
        await server.close()
    }

    @Test func sigtermStopsTheDaemonCleanly() async throws {
        let server = try await Self.server()
        let folder = try TemporaryFolder()
        let db = try await Self.prepare(folder, server: server)
        let daemon = try Self.launch([
            "poll", "--every", "1s", "--all", "--db", db, "--registry", RepositoryFolders.feeds.path,
            "--no-registry-feeds",
        ])
        try await Task.sleep(for: .milliseconds(700))
        kill(daemon.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(20)
        while daemon.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!daemon.isRunning, "stopped within the time its writes take")
        if daemon.isRunning { daemon.terminate() }
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        #expect(daemon.terminationReason == .exit)
        await server.close()
    }
}
