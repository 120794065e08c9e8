import CorroborationModel
import Foundation
import GRDB
import GRDBSQLite
import Storage
import TextAnalysis

/// The default store: one SQLite file in WAL mode, through GRDB. One writer at a time (a second
/// one waits up to `busyTimeout`, then fails with `StorageError.busy`), any number of readers.
/// Each `write` is one transaction, so a process killed at any instant leaves every committed
/// batch intact and nothing of the one in flight.
public final class SQLiteStore: CorroborationStore {
    public let path: String
    private let pool: DatabasePool
    /// Checkpoints for this store's writer, off its thread (none for a read-only store).
    private let checkpointer: BackgroundCheckpointer?

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    /// `maximumSizeBytes` caps the file: a write past it fails as a full disk would.
    public init(
        path: String, busyTimeout: TimeInterval = 5, readOnly: Bool = false, maximumSizeBytes: Int? = nil
    ) throws(StorageError) {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.readonly = readOnly
        configuration.label = "corroborate"
        // Every 32 MB of WAL (1024 pages of 32 KB): pages written many times between two
        // checkpoints (index pages above all) reach the database file once.
        let checkpointer = readOnly ? nil : BackgroundCheckpointer(path: path, thresholdPages: 1024)
        self.checkpointer = checkpointer
        configuration.prepareDatabase { db in
            // WAL fsyncs at checkpoints: a power cut may lose the last commits, never corrupt.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 32 KB pages (new stores only; an existing store keeps its own): an item row with
            // its HTML and text runs to several KB, which 4 KB pages split into overflow chains.
            // A fresh ingest of the 1,000-feed workload: 3.2 s with 4 KB pages, 2.5 s with these.
            try db.execute(sql: "PRAGMA page_size = 32768")
            // Only the writer commits, so only its hook ever fires.
            checkpointer?.install(on: db.sqliteConnection)
            if let maximumSizeBytes {
                let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                try db.execute(sql: "PRAGMA max_page_count = \(max(1, maximumSizeBytes / pageSize))")
            }
        }
        let store = path
        do {
            if !readOnly {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
                    throw StorageError.cannotOpen(store: store, reason: "the folder \(folder) does not exist")
                }
            }
            pool = try Self.retryingWhileBusy { try DatabasePool(path: path, configuration: configuration) }
            let migrator = Schema.migrator
            try pool.read { db in
                if try migrator.hasBeenSuperseded(db) { throw StorageError.newerSchema(store: store) }
            }
            if !readOnly { try Self.retryingWhileBusy { try migrator.migrate(pool) } }
        } catch let error as StorageError {
            throw error
        } catch {
            throw Self.storageError(error, store: store)
        }
    }

    deinit {
        checkpointer?.close()
    }

    /// What a migration says when another process applied it a moment before: a table or an
    /// index "already exists", a column is a "duplicate column name", or, for a migration that
    /// changes no schema (v7), its name is already recorded in GRDB's table of migrations.
    private static func isMigrationRace(_ message: String) -> Bool {
        message.contains("already exists") || message.contains("duplicate column name")
            || message.contains("grdb_migrations")
    }

    /// Two processes opening a new store at once race to switch it to WAL and create the
    /// schema; the loser is told SQLITE_BUSY without waiting, or finds the tables already made.
    /// Trying again a few times settles it.
    private static func retryingWhileBusy<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as DatabaseError
                where attempt < 20
                && (error.resultCode == .SQLITE_BUSY || Self.isMigrationRace(error.message ?? "")
                    || Self.isMigrationRace(error.description))
            {
                // "already exists": the other process created the schema first; its migration
                // is recorded now, so the next attempt finds nothing to do.
                attempt += 1
                usleep(100_000)
            }
        }
    }

    // MARK: Writes

    public func upsertOutlets(_ outlets: [StoredOutlet]) async throws(StorageError) {
        try await writing { db in try Self.upsertOutlets(outlets, db: db) }
    }

    /// Looks each outlet up and inserts or updates only what differs, rather than
    /// `INSERT ... ON CONFLICT DO UPDATE`: an upsert may change a row it did not insert, so
    /// SQLite gives it a statement journal, which copies every page it touches (32 KB each) to
    /// a temporary file: 30 to 40 MB for the thousand new outlets and feeds of a fresh ingest.
    /// The transaction holds the write lock, so nothing changes between the look-up and the write.
    private static func upsertOutlets(_ outlets: [StoredOutlet], db: Database) throws {
        guard !outlets.isEmpty else { return }
        let find = try db.cachedStatement(
            sql: "SELECT name, wire, ownership, registered FROM outlet WHERE id = ?")
        let insert = try db.cachedStatement(
            sql: "INSERT INTO outlet (id, name, wire, ownership, registered) VALUES (?, ?, ?, ?, ?)")
        let update = try db.cachedStatement(
            sql: "UPDATE outlet SET name = ?, wire = ?, ownership = ?, registered = ? WHERE id = ?")
        for outlet in outlets {
            guard let row = try Row.fetchOne(find, arguments: [outlet.id]) else {
                try insert.execute(arguments: [
                    outlet.id, outlet.name, outlet.wire, outlet.ownership, outlet.registered,
                ])
                continue
            }
            let registered: Bool = row["registered"]
            // A registered outlet is not renamed after an unregistered one met in input.
            guard !registered || outlet.registered else { continue }
            if row["name"] == outlet.name && row["wire"] == outlet.wire && row["ownership"] == outlet.ownership
                && registered == outlet.registered
            {
                continue
            }
            try update.execute(arguments: [outlet.name, outlet.wire, outlet.ownership, outlet.registered, outlet.id])
        }
    }

    /// Makes or updates a feed's row and returns its id; looked up first for the same reason as
    /// outlets (see `upsertOutlets`). A nil title or format keeps the stored one.
    private static func upsertFeed(_ feed: FeedRecord, db: Database) throws -> Int64 {
        let find = try db.cachedStatement(sql: "SELECT id, outletID, title, format FROM feed WHERE key = ?")
        guard let row = try Row.fetchOne(find, arguments: [feed.key]) else {
            let insert = try db.cachedStatement(
                sql: "INSERT INTO feed (key, outletID, title, format) VALUES (?, ?, ?, ?)")
            try insert.execute(arguments: [feed.key, feed.outletID, feed.title, feed.format])
            return db.lastInsertedRowID
        }
        let id: Int64 = row["id"]
        // Typed as optionals: a feed added by `feeds add` has no title or format yet.
        let storedOutlet: String = row["outletID"]
        let storedTitle: String? = row["title"]
        let storedFormat: String? = row["format"]
        let title = feed.title ?? storedTitle
        let format = feed.format ?? storedFormat
        if storedOutlet != feed.outletID || storedTitle != title || storedFormat != format {
            let update = try db.cachedStatement(
                sql: "UPDATE feed SET outletID = ?, title = ?, format = ? WHERE id = ?")
            try update.execute(arguments: [feed.outletID, title, format, id])
        }
        return id
    }

    public func outletsWithItems() async throws(StorageError) -> Set<String> {
        // One index look-up per outlet: DISTINCT over the items read an index entry per item.
        try await reading { db in
            Set(
                try String.fetchAll(
                    db, sql: "SELECT id FROM outlet WHERE EXISTS (SELECT 1 FROM item WHERE item.outletID = outlet.id)"))
        }
    }

    /// Foreign keys are checked once for the batch (`checkReferences`) rather than by SQLite row
    /// by row: three look-ups for each item row (its outlet, feed and origin) took a seventh of
    /// the writer's time in the 1,000-feed ingest. The batch refers only to its own rows, the
    /// feeds and outlets it writes first, and stored items it names, which the check finds.
    public func write(_ batch: IngestWrite) async throws(StorageError) -> IngestWriteResult {
        try await writing(checkingForeignKeys: false) { db in
            // One writer holds the lock, so new rows can be numbered before they are inserted and
            // references within the batch resolve to final ids.
            try Self.upsertOutlets(batch.outlets, db: db)
            var feedIDs: [String: Int64] = [:]
            for feed in batch.feeds { feedIDs[feed.key] = try Self.upsertFeed(feed, db: db) }
            let first = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM item") ?? 0) + 1
            let ids = batch.newItems.indices.map { first + Int64($0) }
            func resolve(_ ref: ItemRef) -> Int64 {
                switch ref {
                case .stored(let id): return id
                case .new(let index): return ids[index]
                }
            }
            // Origin changes reach the batch's own rows before they are written, not as UPDATEs
            // afterwards: an UPDATE of several rows needs a statement journal (a copy of every
            // 32 KB page it touches) and rewrites rows just inserted. Only stored rows are updated.
            var origins = batch.newItems.map { resolve($0.origin) }
            var relations = batch.newItems.map(\.relation)
            let moves = Self.applyOriginChanges(
                batch.originChanges.map { (resolve($0.from), resolve($0.to)) }, ids: ids, firstNewID: first,
                origins: &origins, relations: &relations)
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO item (id, outletID, feedID, sourceID, identity, link, title, summaryHTML, contentHTML,
                        text, published, updated, date, authors, categories, sourceTitle, sourceURL, language,
                        fetchedAt, contentHash, version, signature, originID, relation, similarity, enclosures,
                        thumbnail)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
                    """)
            try Self.checkReferences(
                outlets: Set(batch.newItems.map(\.report.outletID) + batch.feeds.map(\.outletID)),
                items: Set((origins + moves.map(\.to)).filter { !(first..<first + Int64(ids.count)).contains($0) })
                    .union(batch.changedItems.map(\.id)),
                db: db)
            var tally = Tally(items: ids.count)
            for index in ids.indices {
                if origins[index] == ids[index] { tally.origins += 1 }
                if relations[index] == .copy { tally.copies += 1 }
                if relations[index] == .derived { tally.derived += 1 }
            }
            if !moves.isEmpty {
                // The moving groups' totals before and after the move: what it changed.
                let groups = Set(moves.flatMap { [$0.from, $0.to] })
                let before = try Self.tally(ofGroups: groups, db: db)
                // One statement for every stored group that moved, before the new rows (which
                // have their final origins) are in: each row is matched on the origin it had
                // before the batch, so one move never carries another's rows along.
                // Integers written in the SQL: no limit on the number of bound variables.
                let values = moves.map { "(\($0.from), \($0.to))" }.joined(separator: ", ")
                try db.execute(
                    sql: """
                        UPDATE item SET originID = moved.column2,
                            relation = CASE WHEN item.id = moved.column2 THEN 'original' ELSE 'copy' END
                        FROM (VALUES \(values)) AS moved WHERE item.originID = moved.column1
                        """)
                tally = tally + (try Self.tally(ofGroups: groups, db: db) - before)
            }
            var row = RowValues()
            // By index: an item is read in place, not copied (a copy retains every field).
            for index in batch.newItems.indices {
                try Self.insert(
                    batch.newItems[index], id: ids[index],
                    feedID: batch.newItems[index].feedKey.flatMap { feedIDs[$0] },
                    origin: origins[index], relation: relations[index], into: insert, row: &row)
                try Self.insertCredits(batch.newItems[index].credits, itemID: ids[index], db: db)
            }
            if let last = ids.last {
                // New items go on the analysis queue in one statement: their ids run from `first`
                // to `last`. One INSERT per item took a tenth of the writer's time.
                try db.execute(
                    sql: """
                        WITH RECURSIVE new(id) AS (SELECT ? UNION ALL SELECT id + 1 FROM new WHERE id < ?)
                        INSERT OR IGNORE INTO analysisQueue (itemID) SELECT id FROM new
                        """, arguments: [first, last])
                // And on the story queue, which the story stage reads instead of looking for
                // items without a story among all of them.
                try db.execute(
                    sql: """
                        WITH RECURSIVE new(id) AS (SELECT ? UNION ALL SELECT id + 1 FROM new WHERE id < ?)
                        INSERT OR IGNORE INTO storyQueue (itemID) SELECT id FROM new
                        """, arguments: [first, last])
            }
            let queue = try db.cachedStatement(sql: "INSERT OR IGNORE INTO analysisQueue (itemID) VALUES (?)")
            for item in batch.changedItems {
                tally.versions += try Self.applyChange(item, db: db)
                // New text, new claims.
                try queue.execute(arguments: [item.id])
            }
            try db.execute(
                sql: """
                    UPDATE storeTally SET items = items + ?, origins = origins + ?, copies = copies + ?,
                        derived = derived + ?, versions = versions + ?
                    """, arguments: [tally.items, tally.origins, tally.copies, tally.derived, tally.versions])
            return IngestWriteResult(newIDs: ids)
        }
    }

    /// Throws as a foreign key would, unless every outlet and every stored item named exists.
    private static func checkReferences(outlets: Set<String>, items: Set<Int64>, db: Database) throws {
        if !outlets.isEmpty {
            let marks = outlets.map { _ in "?" }.joined(separator: ",")
            let found = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM outlet WHERE id IN (\(marks))",
                arguments: StatementArguments(Array(outlets)))
            guard found == outlets.count else {
                throw DatabaseError(
                    resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                    message: "FOREIGN KEY constraint failed: an outlet of the batch is not stored")
            }
        }
        if !items.isEmpty {
            // Integers written in the SQL: no limit on the number of bound variables.
            let list = items.map(String.init).joined(separator: ",")
            let found = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item WHERE id IN (\(list))")
            guard found == items.count else {
                throw DatabaseError(
                    resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                    message: "FOREIGN KEY constraint failed: an item the batch refers to is not stored")
            }
        }
    }

    /// Applies a batch's origin changes, in order, as the UPDATE `SET originID = to, relation =
    /// (id = to ? original : copy) WHERE originID = from` would: to the batch's new rows
    /// (`origins` and `relations`, by position; ids from `firstNewID` on are new), and to the stored
    /// groups, whose moves it returns as (the origin stored rows have now, the one they take).
    static func applyOriginChanges(
        _ changes: [(from: Int64, to: Int64)], ids: [Int64], firstNewID: Int64, origins: inout [Int64],
        relations: inout [SyndicationRelation]
    ) -> [(from: Int64, to: Int64)] {
        // Stored groups by the origin their rows have in the store, with the one they have now.
        var stored: [(from: Int64, to: Int64)] = []
        for (from, to) in changes where from != to {
            for index in origins.indices where origins[index] == from {
                origins[index] = to
                relations[index] = ids[index] == to ? .original : .copy
            }
            for index in stored.indices where stored[index].to == from { stored[index].to = to }
            // Stored rows are still at `from` unless their group moved away before.
            if from < firstNewID && !stored.contains(where: { $0.from == from }) {
                stored.append((from, to))
            }
        }
        return stored.filter { $0.from != $0.to }
    }

    /// The text and blob values of one item row, laid end to end in a buffer kept from row to
    /// row and bound in place (SQLITE_STATIC). SQLite's own copy of each value
    /// (SQLITE_TRANSIENT) cost a malloc, a copy and a free for each of a row's sixteen texts.
    struct RowValues {
        var bytes: [UInt8] = []
        var values: [(column: Int32, start: Int, count: Int, blob: Bool)] = []
    }

    /// One item row, bound straight through SQLite's C API: fifty thousand rows of twenty-five
    /// values each are worth skipping GRDB's per-value boxing for.
    private static func insert(
        _ item: NewItem, id: Int64, feedID: Int64?, origin: Int64, relation: SyndicationRelation,
        into statement: Statement, row: inout RowValues
    ) throws {
        let handle = statement.sqliteStatement
        row.bytes.removeAll(keepingCapacity: true)
        row.values.removeAll(keepingCapacity: true)
        var column: Int32 = 0
        func bind(_ value: Int64?) {
            column += 1
            if let value { sqlite3_bind_int64(handle, column, value) } else { sqlite3_bind_null(handle, column) }
        }
        func bind(_ value: Double?) {
            column += 1
            if let value { sqlite3_bind_double(handle, column, value) } else { sqlite3_bind_null(handle, column) }
        }
        /// Appends a value's bytes, to be bound once the row is complete (the buffer may move
        /// until then).
        func append(blob: Bool = false, _ write: (inout [UInt8]) -> Void) {
            column += 1
            let start = row.bytes.count
            write(&row.bytes)
            row.values.append((column, start, row.bytes.count - start, blob))
        }
        func bind(_ value: String?) {
            guard let value else {
                column += 1
                sqlite3_bind_null(handle, column)
                return
            }
            append { $0.append(contentsOf: value.utf8) }
        }
        bind(id)
        bind(item.report.outletID)
        bind(feedID)
        bind(item.report.sourceID)
        append(blob: true) { IdentityKey.append(item.identity, to: &$0) }
        bind(item.report.link)
        bind(item.report.title)
        bind(item.report.summaryHTML)
        bind(item.report.contentHTML)
        bind(item.report.text)
        bind(item.report.published?.timeIntervalSince1970)
        bind(item.report.updated?.timeIntervalSince1970)
        bind((item.report.date ?? item.fetchedAt).timeIntervalSince1970)
        append { appendJSONArray(item.report.authors, to: &$0) }
        append { appendJSONArray(item.report.categories, to: &$0) }
        bind(item.report.sourceTitle)
        bind(item.report.sourceURL)
        bind(item.report.language)
        bind(item.fetchedAt.timeIntervalSince1970)
        bind(item.contentHash)
        if item.signature.isEmpty {
            column += 1
            sqlite3_bind_null(handle, column)
        } else {
            append(blob: true) { $0.append(contentsOf: item.signature) }
        }
        bind(origin)
        bind(relation.rawValue)
        bind(item.similarity)
        append { appendEnclosuresJSON(item.report.enclosures, to: &$0) }
        bind(item.report.thumbnail)
        let values = row.values
        let code = row.bytes.withUnsafeBufferPointer { buffer in
            for value in values {
                // An empty text needs a pointer all the same: a null one binds NULL.
                let pointer =
                    buffer.baseAddress.map { UnsafeRawPointer($0 + value.start) }
                    ?? UnsafeRawPointer(("" as StaticString).utf8Start)
                if value.blob {
                    sqlite3_bind_blob(handle, value.column, pointer, Int32(value.count), nil)
                } else {
                    sqlite3_bind_text(
                        handle, value.column, pointer.assumingMemoryBound(to: CChar.self), Int32(value.count), nil)
                }
            }
            let code = sqlite3_step(handle)
            // Nothing bound may point into the buffer once this closure returns.
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            return code
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
    }

    /// Changes to the store's running totals (`storeTally`) made by one write.
    struct Tally {
        var items = 0
        var origins = 0
        var copies = 0
        var derived = 0
        var versions = 0

        static func + (a: Tally, b: Tally) -> Tally {
            Tally(
                items: a.items + b.items, origins: a.origins + b.origins, copies: a.copies + b.copies,
                derived: a.derived + b.derived, versions: a.versions + b.versions)
        }

        static func - (a: Tally, b: Tally) -> Tally {
            Tally(
                items: a.items - b.items, origins: a.origins - b.origins, copies: a.copies - b.copies,
                derived: a.derived - b.derived, versions: a.versions - b.versions)
        }
    }

    /// The origins, copies and derived items among the rows of the groups of `origins` (by the
    /// index of origins: a few rows each).
    static func tally(ofGroups origins: Set<Int64>, db: Database) throws -> Tally {
        let list = origins.map(String.init).joined(separator: ",")
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FILTER (WHERE originID = id), COUNT(*) FILTER (WHERE relation = 'copy'),
                        COUNT(*) FILTER (WHERE relation = 'derived')
                    FROM item WHERE originID IN (\(list))
                    """)
        else { return Tally() }
        return Tally(origins: row[0], copies: row[1], derived: row[2])
    }

    /// Makes the stored text a version and writes the new one; returns the versions added (0
    /// when that version was kept already).
    private static func applyChange(_ item: ChangedItem, db: Database) throws -> Int {
        // The stored text becomes a version; the item row takes the new text.
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO itemVersion (itemID, version, fetchedAt, title, summaryHTML, contentHTML, text,
                    published, updated, contentHash, changes)
                SELECT id, version, fetchedAt, title, summaryHTML, contentHTML, text, published, updated, contentHash, ?
                FROM item WHERE id = ?
                """, arguments: [item.changes.joined(separator: ","), item.id])
        let added = db.changesCount
        let report = item.report
        try db.execute(
            sql: """
                UPDATE item SET link = ?, title = ?, summaryHTML = ?, contentHTML = ?, text = ?, published = ?,
                    updated = ?, date = ?, authors = ?, categories = ?, sourceTitle = ?, sourceURL = ?, language = ?,
                    enclosures = ?, thumbnail = ?,
                    fetchedAt = ?, contentHash = ?, version = version + 1, signature = ?
                WHERE id = ?
                """,
            arguments: [
                report.link, report.title, report.summaryHTML, report.contentHTML, report.text,
                report.published?.timeIntervalSince1970, report.updated?.timeIntervalSince1970,
                (report.date ?? item.fetchedAt).timeIntervalSince1970, jsonArray(report.authors),
                jsonArray(report.categories), report.sourceTitle, report.sourceURL, report.language,
                enclosuresJSON(report.enclosures), report.thumbnail,
                item.fetchedAt.timeIntervalSince1970, item.contentHash, Data(item.signature), item.id,
            ])
        try db.execute(sql: "DELETE FROM itemCredit WHERE itemID = ?", arguments: [item.id])
        try Self.insertCredits(item.credits, itemID: item.id, db: db)
        return added
    }

    private static func insertCredits(_ credits: [Credit], itemID: Int64, db: Database) throws {
        guard !credits.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO itemCredit (itemID, outletID, kind, text) VALUES (?, ?, ?, ?)")
        for credit in credits {
            try statement.execute(arguments: [itemID, credit.outletID, credit.kind.rawValue, credit.text])
        }
    }

    // MARK: Reads

    public func existingItems(outletID: String, identities: [String]) async throws(StorageError) -> [String:
        ExistingItem]
    {
        guard !identities.isEmpty else { return [:] }
        return try await reading { db in
            var found: [String: ExistingItem] = [:]
            // SQLite allows 32,766 variables; feeds hold far fewer items, but chunk anyway.
            for chunk in stride(from: 0, to: identities.count, by: 250) {
                let slice = Array(identities[chunk..<min(chunk + 250, identities.count)])
                // Each identity in both forms: its key (items stored from v7 on) and itself.
                let keys = slice.map(IdentityKey.data)
                let byKey = Dictionary(zip(keys, slice), uniquingKeysWith: { first, _ in first })
                let marks = (0..<2 * slice.count).map { _ in "?" }.joined(separator: ",")
                let rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM item WHERE outletID = ? AND identity IN (\(marks))",
                    arguments: StatementArguments([outletID] + keys.map { $0 as any DatabaseValueConvertible } + slice))
                for row in rows {
                    let stored: DatabaseValue = row["identity"]
                    let identity: String
                    switch stored.storage {
                    case .blob(let key):
                        guard let known = byKey[key] else { continue }
                        identity = known
                    case .string(let text): identity = text
                    default: continue
                    }
                    let id: Int64 = row["id"]
                    let version: Int = row["version"]
                    let earlier =
                        version > 1
                        ? Set(
                            try String.fetchAll(
                                db, sql: "SELECT contentHash FROM itemVersion WHERE itemID = ?", arguments: [id]))
                        : []
                    found[identity] = ExistingItem(
                        id: id, contentHash: row["contentHash"], version: version, report: report(row),
                        earlierHashes: earlier)
                }
            }
            return found
        }
    }

    public func signatures(in window: ClosedRange<Date>) async throws(StorageError) -> [StoredSignature] {
        try await reading { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, outletID, date, originID, relation, signature,
                        (SELECT group_concat(outletID, ' ') FROM itemCredit
                         WHERE itemID = item.id AND kind != 'attribution') AS credited
                    FROM item
                    WHERE date BETWEEN ? AND ? AND signature IS NOT NULL
                    """,
                arguments: [window.lowerBound.timeIntervalSince1970, window.upperBound.timeIntervalSince1970])
            var found: [StoredSignature] = []
            while let row = try rows.next() {
                let id: Int64 = row["id"]
                let signature: Data = row["signature"]
                found.append(
                    StoredSignature(
                        itemID: id, outletID: row["outletID"], date: Date(timeIntervalSince1970: row["date"]),
                        originID: row["originID"] ?? id,
                        relation: SyndicationRelation(rawValue: row["relation"]) ?? .original,
                        signature: [UInt8](signature),
                        creditedOutlets: Set(
                            ((row["credited"] as String?) ?? "").split(separator: " ").map(String.init))))
            }
            return found
        }
    }

    public func counts() async throws(StorageError) -> StoreCounts {
        try await reading { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            // Outlets and feeds are few. Items, origins, copies and versions come from the running
            // totals (`storeTally`): counting them, even from indexes only, took 80 ms in a store
            // of a million items, twice a run.
            let outlets = try count(
                "SELECT COUNT(*) FROM outlet WHERE EXISTS (SELECT 1 FROM item WHERE item.outletID = outlet.id)")
            let feeds = try count("SELECT COUNT(*) FROM feed")
            guard let tally = try Row.fetchOne(db, sql: "SELECT * FROM storeTally WHERE id = 1") else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the store's running totals are missing")
            }
            return StoreCounts(
                outlets: outlets, feeds: feeds, items: tally["items"], versions: tally["versions"],
                copies: tally["copies"], derived: tally["derived"], origins: tally["origins"])
        }
    }

    public func items(limit: Int) async throws(StorageError) -> [StoredItem] {
        try await reading { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM item ORDER BY date DESC, id LIMIT ?", arguments: [limit])
            var credits: [Int64: [Credit]] = [:]
            let sql = """
                SELECT itemCredit.* FROM itemCredit
                JOIN (SELECT id FROM item ORDER BY date DESC, id LIMIT ?) AS listed ON listed.id = itemCredit.itemID
                """
            for row in try Row.fetchAll(db, sql: sql, arguments: [limit]) {
                let id: Int64 = row["itemID"]
                guard let kind = CreditKind(rawValue: row["kind"]) else { continue }
                credits[id, default: []].append(Credit(outletID: row["outletID"], kind: kind, text: row["text"]))
            }
            return rows.map { row in
                let id: Int64 = row["id"]
                return StoredItem(
                    id: id, report: report(row), version: row["version"], originID: row["originID"] ?? id,
                    relation: SyndicationRelation(rawValue: row["relation"]) ?? .original,
                    similarity: row["similarity"],
                    credits: credits[id] ?? [])
            }
        }
    }

    // MARK: Analysis

    public func pendingAnalysis(limit: Int) async throws(StorageError) -> [PendingItem] {
        try await reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT item.id, item.outletID, item.text, item.published FROM analysisQueue
                    JOIN item ON item.id = analysisQueue.itemID ORDER BY analysisQueue.itemID LIMIT ?
                    """, arguments: [limit]
            ).map { row in
                PendingItem(
                    id: row["id"], outletID: row["outletID"], text: row["text"],
                    published: (row["published"] as Double?).map { Date(timeIntervalSince1970: $0) })
            }
        }
    }

    public func writeClaims(_ results: [ItemClaims], extractor: Int) async throws(StorageError) {
        // Encoded before the write lock is taken: the writer's time is everyone's. Sentence
        // texts are left out: they are the item text's ranges.
        let encoded = results.map { ($0.itemID, ClaimJSON.encode($0.claims, withTexts: false)) }
        try await writing { db in
            // An item deleted meanwhile has nothing to attach claims to.
            let insert = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO itemClaims (itemID, extractor, claims)
                    SELECT id, ?, ? FROM item WHERE id = ?
                    """)
            let dequeue = try db.cachedStatement(sql: "DELETE FROM analysisQueue WHERE itemID = ?")
            for (itemID, json) in encoded {
                try insert.execute(arguments: [extractor, json, itemID])
                try dequeue.execute(arguments: [itemID])
            }
        }
    }

    public func requeueClaims(olderThan extractor: Int) async throws(StorageError) -> Int {
        try await writing { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO analysisQueue (itemID) SELECT itemID FROM itemClaims WHERE extractor < ?",
                arguments: [extractor])
            return db.changesCount
        }
    }

    public func claims(itemID: Int64) async throws(StorageError) -> [Claim]? {
        try await reading { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT itemClaims.claims, item.text FROM itemClaims JOIN item ON item.id = itemClaims.itemID WHERE itemID = ?",
                    arguments: [itemID])
            else { return nil }
            let text: String = row["text"]
            let json: String = row["claims"]
            guard var claims = try? JSONDecoder().decode([Claim].self, from: Data(json.utf8)) else { return nil }
            for index in claims.indices { claims[index].text = text.slice(claims[index].range) }
            return claims
        }
    }

    // MARK: Other writers

    /// SQLite's `data_version` on the writer connection: it moves when another connection
    /// commits (another process, or another `SQLiteStore` on this file), not for this
    /// connection's own commits, nor for the checkpointer's passive checkpoints (a TRUNCATE
    /// checkpoint would move it). The writer connection lives as long as the store, so the
    /// numbers compare across calls.
    public func foreignWriteMark() async throws(StorageError) -> Int64? {
        do {
            return try await pool.writeWithoutTransaction { db in
                try Int64.fetchOne(db, sql: "PRAGMA data_version")
            }
        } catch {
            throw Self.storageError(error, store: path)
        }
    }

    // MARK: Plumbing

    /// Runs `body` in a transaction that takes the write lock at its start (BEGIN IMMEDIATE): a
    /// transaction that read first and asked for the lock later would fail at once, without
    /// waiting, whenever another process had written in between.
    /// `checkingForeignKeys: false` turns SQLite's checks off for this transaction only, for a
    /// caller that checks its references itself.
    func writing<T: Sendable>(
        checkingForeignKeys: Bool = true, _ body: @escaping @Sendable (Database) throws -> T
    ) async throws(StorageError) -> T {
        do {
            return try await pool.writeWithoutTransaction { db in
                // Outside the transaction: SQLite ignores the pragma inside one.
                if !checkingForeignKeys { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if !checkingForeignKeys { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw Self.storageError(error, store: path)
        }
    }

    func reading<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StorageError)
        -> T
    {
        do {
            return try await pool.read(body)
        } catch let error as StorageError {
            throw error
        } catch {
            throw Self.storageError(error, store: path)
        }
    }

    static func storageError(_ error: any Error, store: String) -> StorageError {
        guard let error = error as? DatabaseError else {
            return .failed(store: store, reason: "\(error)")
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(store: store)
        case .SQLITE_CONSTRAINT
        where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
            || error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY:
            return .conflict(store: store)
        case .SQLITE_FULL: return .diskFull(store: store)
        case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(store: store)
        case .SQLITE_CANTOPEN: return .cannotOpen(store: store, reason: error.message ?? "cannot open the file")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .corrupt(store: store, reason: error.message ?? "\(error.resultCode)")
        case .SQLITE_IOERR:
            // A write that fails for lack of space often surfaces as an I/O error.
            if error.extendedResultCode == .SQLITE_IOERR_WRITE || error.extendedResultCode == .SQLITE_IOERR_FSYNC {
                return .diskFull(store: store)
            }
            return .failed(store: store, reason: "I/O error: \(error.message ?? "")")
        default: return .failed(store: store, reason: error.message ?? "\(error)")
        }
    }
}

private func report(_ row: Row) -> Report {
    func date(_ column: String) -> Date? {
        (row[column] as Double?).map { Date(timeIntervalSince1970: $0) }
    }
    var report = Report(
        outletID: row["outletID"], sourceID: row["sourceID"], link: row["link"], title: row["title"],
        summaryHTML: row["summaryHTML"], contentHTML: row["contentHTML"], text: row["text"],
        published: date("published"), updated: date("updated"), authors: stringArray(row["authors"]),
        categories: stringArray(row["categories"]), sourceTitle: row["sourceTitle"], sourceURL: row["sourceURL"],
        language: row["language"])
    report.enclosures =
        ((row["enclosures"] as String?)?.data(using: .utf8)).flatMap {
            try? JSONDecoder().decode([Report.Enclosure].self, from: $0)
        } ?? []
    report.thumbnail = row["thumbnail"]
    return report
}

/// `[{"length":1,"type":"audio/mpeg","url":"..."}]`: the shape JSONEncoder gives with sorted
/// keys, written by hand because it runs on the writer's thread once per item.
func enclosuresJSON(_ enclosures: [Report.Enclosure]) -> String {
    var out: [UInt8] = []
    appendEnclosuresJSON(enclosures, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// `enclosuresJSON` as UTF-8 bytes, for the writer to bind as they are.
func appendEnclosuresJSON(_ enclosures: [Report.Enclosure], to out: inout [UInt8]) {
    out.append(UInt8(ascii: "["))
    for (index, enclosure) in enclosures.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        var separator = "{"
        if let length = enclosure.length {
            out.append(contentsOf: "{\"length\":\(length)".utf8)
            separator = ","
        }
        if let type = enclosure.type {
            out.append(contentsOf: (separator + "\"type\":").utf8)
            appendJSONString(type, to: &out)
            separator = ","
        }
        out.append(contentsOf: (separator + "\"url\":").utf8)
        appendJSONString(enclosure.url, to: &out)
        out.append(UInt8(ascii: "}"))
    }
    out.append(UInt8(ascii: "]"))
}

/// `["a","b"]` without a JSONEncoder per row: the arrays are short and this runs per item.
func jsonArray(_ strings: [String]) -> String {
    guard !strings.isEmpty else { return "[]" }
    var out: [UInt8] = []
    appendJSONArray(strings, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// `jsonArray` as UTF-8 bytes, for the writer to bind as they are.
func appendJSONArray(_ strings: [String], to out: inout [UInt8]) {
    out.append(UInt8(ascii: "["))
    for (index, string) in strings.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        appendJSONString(string, to: &out)
    }
    out.append(UInt8(ascii: "]"))
}

/// Appends `string` as a JSON string literal; most need no escape and are copied whole.
func appendJSONString(_ string: String, to out: inout String) {
    var bytes: [UInt8] = []
    appendJSONString(string, to: &bytes)
    out += String(decoding: bytes, as: UTF8.self)
}

/// `appendJSONString` in UTF-8 bytes. Escaping byte by byte is escaping character by character:
/// every character escaped is ASCII, and no byte of a longer character is below 0x80.
func appendJSONString(_ string: String, to out: inout [UInt8]) {
    let quote = UInt8(ascii: "\"")
    let backslash = UInt8(ascii: "\\")
    out.append(quote)
    if !string.utf8.contains(where: { $0 < 0x20 || $0 == quote || $0 == backslash }) {
        out.append(contentsOf: string.utf8)
    } else {
        let hex = Array("0123456789abcdef".utf8)
        for byte in string.utf8 {
            switch byte {
            case quote, backslash: out += [backslash, byte]
            case UInt8(ascii: "\n"): out += [backslash, UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [backslash, UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [backslash, UInt8(ascii: "t")]
            case ..<0x20: out += [backslash, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: out.append(byte)
            }
        }
    }
    out.append(quote)
}

func stringArray(_ json: String?) -> [String] {
    guard let json, let data = json.data(using: .utf8),
        let array = try? JSONSerialization.jsonObject(with: data) as? [String]
    else { return [] }
    return array
}
