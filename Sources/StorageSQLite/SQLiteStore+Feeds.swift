import Foundation
import GRDB
import Storage

extension SQLiteStore: FeedStateStore {
    public func addFeeds(_ feeds: [FeedSubscription]) async throws(StorageError) -> Int {
        guard !feeds.isEmpty else { return 0 }
        return try await writing { db in
            var added = 0
            for feed in feeds {
                // The outlet row must exist before the feed names it.
                try db.execute(
                    sql: "INSERT OR IGNORE INTO outlet (id, name, registered) VALUES (?, ?, 0)",
                    arguments: [feed.outletID, feed.outletID])
                if try Int64.fetchOne(db, sql: "SELECT id FROM feed WHERE key = ?", arguments: [feed.url]) != nil {
                    try db.execute(
                        sql: """
                            UPDATE feed SET outletID = ?, title = COALESCE(?, title), category = COALESCE(?, category)
                            WHERE key = ?
                            """, arguments: [feed.outletID, feed.title, feed.category, feed.url])
                } else {
                    try db.execute(
                        sql: "INSERT INTO feed (key, outletID, title, category) VALUES (?, ?, ?, ?)",
                        arguments: [feed.url, feed.outletID, feed.title, feed.category])
                    added += 1
                }
            }
            return added
        }
    }

    public func removeFeed(url: String) async throws(StorageError) -> Bool {
        try await writing { db in
            // Items keep their outlet; they only lose the link to the feed they came from.
            try db.execute(
                sql: "UPDATE item SET feedID = NULL WHERE feedID = (SELECT id FROM feed WHERE key = ?)",
                arguments: [url])
            try db.execute(sql: "DELETE FROM feed WHERE key = ?", arguments: [url])
            return db.changesCount > 0
        }
    }

    public func polledFeeds() async throws(StorageError) -> [PolledFeed] {
        try await reading { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM feed WHERE key LIKE 'http://%' OR key LIKE 'https://%' ORDER BY key"
            ).map(Self.polledFeed)
        }
    }

    public func dueFeeds(at date: Date) async throws(StorageError) -> [PolledFeed] {
        try await reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM feed WHERE (key LIKE 'http://%' OR key LIKE 'https://%') AND retiredReason IS NULL
                    AND (nextPollAt IS NULL OR nextPollAt <= ?) ORDER BY nextPollAt IS NOT NULL, nextPollAt, key
                    """, arguments: [date.timeIntervalSince1970]
            ).map(Self.polledFeed)
        }
    }

    public func recordPoll(_ update: FeedPollUpdate) async throws(StorageError) {
        try await writing { db in
            var key = update.url
            if let moved = update.movedTo, moved != update.url {
                // A permanent redirect: the feed keeps its items and history under its new URL,
                // unless that URL is watched already, in which case the old entry goes.
                if try Int64.fetchOne(db, sql: "SELECT id FROM feed WHERE key = ?", arguments: [moved]) == nil {
                    try db.execute(sql: "UPDATE feed SET key = ? WHERE key = ?", arguments: [moved, update.url])
                } else {
                    try db.execute(
                        sql: """
                            UPDATE item SET feedID = (SELECT id FROM feed WHERE key = ?)
                            WHERE feedID = (SELECT id FROM feed WHERE key = ?)
                            """, arguments: [moved, update.url])
                    try db.execute(sql: "DELETE FROM feed WHERE key = ?", arguments: [update.url])
                }
                key = moved
            }
            var assignments = [
                "lastFetchedAt = :fetchedAt", "lastStatus = :status", "nextPollAt = :next",
            ]
            var arguments: [String: (any DatabaseValueConvertible)?] = [
                "key": key, "fetchedAt": update.fetchedAt.timeIntervalSince1970, "status": .some(update.status),
                "next": update.nextPollAt.timeIntervalSince1970,
            ]
            if update.succeeded {
                assignments += ["lastSuccessAt = :fetchedAt", "errorCount = 0", "lastError = NULL"]
            } else {
                assignments += ["errorCount = errorCount + 1", "lastError = :error"]
                arguments["error"] = update.error ?? "failed"
            }
            if let etag = update.etag {
                assignments.append("etag = :etag")
                arguments["etag"] = .some(etag)  // a nil inside clears the validator
            }
            if let lastModified = update.lastModified {
                assignments.append("lastModified = :lastModified")
                arguments["lastModified"] = .some(lastModified)
            }
            if let reason = update.retiredReason {
                assignments.append("retiredReason = :retired")
                arguments["retired"] = reason
            }
            try db.execute(
                sql: "UPDATE feed SET \(assignments.joined(separator: ", ")) WHERE key = :key",
                arguments: StatementArguments(arguments))
        }
    }

    public func recentItemDates(feedURL: String, limit: Int) async throws(StorageError) -> [Date] {
        try await reading { db in
            try Double.fetchAll(
                db,
                sql: """
                    SELECT item.published FROM item JOIN feed ON feed.id = item.feedID
                    WHERE feed.key = ? AND item.published IS NOT NULL ORDER BY item.published DESC LIMIT ?
                    """, arguments: [feedURL, limit]
            ).map { Date(timeIntervalSince1970: $0) }
        }
    }

    static func polledFeed(_ row: Row) -> PolledFeed {
        func date(_ column: String) -> Date? { (row[column] as Double?).map { Date(timeIntervalSince1970: $0) } }
        return PolledFeed(
            url: row["key"], outletID: row["outletID"], title: row["title"], category: row["category"],
            etag: row["etag"], lastModified: row["lastModified"], lastFetchedAt: date("lastFetchedAt"),
            lastSuccessAt: date("lastSuccessAt"), lastStatus: row["lastStatus"], nextPollAt: date("nextPollAt"),
            errorCount: row["errorCount"] ?? 0, lastError: row["lastError"], retiredReason: row["retiredReason"])
    }
}
