import Foundation
import GRDBSQLite

/// Copies the WAL into the database file on a connection and a thread of its own, so that the
/// writer never waits for a checkpoint.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold: the writer
/// copies 32 MB of pages and waits for two fsyncs before it can start the next transaction. A
/// fresh ingest of the 1,000-feed workload spent a fifth of its writer's time there. A passive
/// checkpoint from another connection copies the same pages while the writer goes on; the
/// writer's WAL hook only asks for it. Durability is unchanged: a checkpoint moves committed
/// pages, whichever connection runs it.
final class BackgroundCheckpointer: @unchecked Sendable {
    private let path: String
    /// WAL pages after a commit from which a checkpoint is asked for (SQLite's own default is 1000).
    let thresholdPages: Int32
    private let queue = DispatchQueue(label: "corroborate.checkpoint", qos: .utility)
    private let lock = NSLock()
    /// A checkpoint is queued and has not started yet: further requests add nothing.
    private var queued = false
    /// Opened on first use, used and closed only on `queue`.
    private var connection: OpaquePointer?

    init(path: String, thresholdPages: Int32) {
        self.path = path
        self.thresholdPages = thresholdPages
    }

    /// Makes `connection`'s commits ask for checkpoints here instead of running SQLite's own.
    /// The checkpointer must outlive the connection.
    func install(on connection: OpaquePointer?) {
        sqlite3_wal_hook(
            connection,
            { context, _, _, pages in
                Unmanaged<BackgroundCheckpointer>.fromOpaque(context!).takeUnretainedValue().committed(walPages: pages)
                return SQLITE_OK
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Called by the writer after each commit with the WAL's length in pages.
    private func committed(walPages: Int32) {
        guard walPages >= thresholdPages else { return }
        let start = lock.withLock {
            defer { queued = true }
            return !queued
        }
        guard start else { return }
        queue.async { self.checkpoint() }
    }

    private func checkpoint() {
        // Cleared first: a commit made while this checkpoint runs asks for the next one.
        lock.withLock { queued = false }
        if connection == nil {
            var opened: OpaquePointer?
            guard sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
                sqlite3_close_v2(opened)
                return
            }
            sqlite3_busy_timeout(opened, 1_000)
            // A connection learns that the database is in WAL mode by reading it; until then a
            // checkpoint does nothing.
            _ = sqlite3_exec(opened, "SELECT 1 FROM sqlite_schema LIMIT 1", nil, nil, nil)
            connection = opened
        }
        // Passive: copies what no reader still needs, never waits, never blocks the writer. A
        // busy or failed attempt is left to the next commit to ask again.
        _ = sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }

    /// Waits for a checkpoint under way and closes the connection.
    func close() {
        queue.sync {
            sqlite3_close_v2(connection)
            connection = nil
        }
    }
}
