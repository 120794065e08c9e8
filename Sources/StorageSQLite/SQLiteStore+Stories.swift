import CorroborationModel
import Foundation
import GRDB
import Storage

extension SQLiteStore: StoryStore {
    public func itemsWithoutStory(limit: Int) async throws(StorageError) -> [StoryCandidate] {
        try await reading { db in
            // Oldest first, by one of two ways to the queued items in date order. A few among
            // many (a poll's items in a large store): their dates are read and sorted, then the
            // first `limit` rows read whole. Most of the store (a first ingest): the index of
            // every item's date is read in order until `limit` queued ones are met. Each way
            // does the other's case badly: the index read to its end past a million items for
            // 50 queued (70 ms, twice a run); a sort of every queued item for each chunk.
            let queued = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM storyQueue") ?? 0
            guard queued > 0 else { return [] }
            let stored = try Int.fetchOne(db, sql: "SELECT items FROM storeTally") ?? queued
            let sql =
                queued * 20 < stored
                ? """
                SELECT item.id, item.outletID, item.date, item.title, item.text FROM (
                    SELECT storyQueue.itemID AS id FROM storyQueue CROSS JOIN item ON item.id = storyQueue.itemID
                    ORDER BY item.date, item.id LIMIT ?
                ) AS next CROSS JOIN item ON item.id = next.id ORDER BY item.date, item.id
                """
                : """
                SELECT item.id, item.outletID, item.date, item.title, item.text FROM storyQueue
                JOIN item ON item.id = storyQueue.itemID ORDER BY item.date, item.id LIMIT ?
                """
            return try Row.fetchAll(db, sql: sql, arguments: [limit]).map { Self.candidate($0, storyID: nil) }
        }
    }

    public func itemsWithStory(in window: ClosedRange<Date>) async throws(StorageError) -> [StoryCandidate] {
        try await reading { db in
            // The item's id and date come from the index on dates; its row (with the text) is
            // read only for an item without stored features: SQLite seeks a row when a column
            // of it is needed, not before.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT item.id, item.date, storyItem.storyID, storyFeatures.outletID AS featureOutletID,
                           storyFeatures.features,
                           CASE WHEN storyFeatures.itemID IS NULL THEN item.outletID END AS outletID,
                           CASE WHEN storyFeatures.itemID IS NULL THEN item.title END AS title,
                           CASE WHEN storyFeatures.itemID IS NULL THEN item.text END AS text
                    FROM item INDEXED BY item_date
                    JOIN storyItem ON storyItem.itemID = item.id
                    LEFT JOIN storyFeatures ON storyFeatures.itemID = item.id
                    WHERE item.date BETWEEN ? AND ? ORDER BY item.date, item.id
                    """,
                arguments: [window.lowerBound.timeIntervalSince1970, window.upperBound.timeIntervalSince1970])
            var candidates: [StoryCandidate] = []
            while let row = try rows.next() {
                let features: [UInt8]? = (row["features"] as Data?).map { [UInt8]($0) }
                candidates.append(
                    StoryCandidate(
                        itemID: row["id"], outletID: features == nil ? row["outletID"] : row["featureOutletID"],
                        date: Date(timeIntervalSince1970: row["date"]), title: row["title"] ?? "",
                        text: row["text"] ?? "", storyID: row["storyID"], features: features))
            }
            return candidates
        }
    }

    public func newestPlacedDate() async throws(StorageError) -> Date? {
        try await reading { db in
            try Double.fetchOne(
                db,
                sql: """
                    SELECT item.date FROM item INDEXED BY item_date JOIN storyItem ON storyItem.itemID = item.id
                    ORDER BY item.date DESC LIMIT 1
                    """
            ).map { Date(timeIntervalSince1970: $0) }
        }
    }

    public func placedItemsLackingFeatures(in window: ClosedRange<Date>) async throws(StorageError) -> Int {
        try await reading { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM item INDEXED BY item_date JOIN storyItem ON storyItem.itemID = item.id
                    WHERE item.date BETWEEN ? AND ?
                    AND NOT EXISTS (SELECT 1 FROM storyFeatures WHERE storyFeatures.itemID = item.id)
                    """,
                arguments: [window.lowerBound.timeIntervalSince1970, window.upperBound.timeIntervalSince1970]) ?? 0
        }
    }

    /// Stores an item's clusterer features (bound: the features, the item id), with its outlet.
    static let keepStoryFeatures =
        "INSERT OR REPLACE INTO storyFeatures (itemID, outletID, features) SELECT id, outletID, ? FROM item WHERE id = ?"

    public func writeStoryFeatures(_ features: [Int64: [UInt8]]) async throws(StorageError) {
        guard !features.isEmpty else { return }
        try await writing { db in
            let insert = try db.cachedStatement(
                sql: Self.keepStoryFeatures)
            for (itemID, bytes) in features.sorted(by: { $0.key < $1.key }) {
                try insert.execute(arguments: [Data(bytes), itemID])
            }
        }
    }

    static func candidate(_ row: Row, storyID: Int64?) -> StoryCandidate {
        StoryCandidate(
            itemID: row["id"], outletID: row["outletID"], date: Date(timeIntervalSince1970: row["date"]),
            title: row["title"] ?? "", text: row["text"], storyID: storyID)
    }

    public func writeStories(
        _ assignments: [StoryAssignmentRecord], merges: [StoryMergeRecord]
    ) async throws(StorageError) -> [Int: Int64] {
        guard !assignments.isEmpty || !merges.isEmpty else { return [:] }
        return try await writing { db in
            var created: [Int: Int64] = [:]
            var touched = Set<Int64>()
            // Chains (a into b, b into c) end where they end; a story never merges into itself.
            var into: [Int64: Int64] = [:]
            for merge in merges where merge.story != merge.into { into[merge.story] = merge.into }
            func target(_ story: Int64) -> Int64 {
                var story = story
                var steps = 0
                while let next = into[story], steps <= into.count {
                    story = next
                    steps += 1
                }
                return story
            }
            for story in into.keys.sorted() {
                let destination = target(story)
                guard destination != story else { continue }
                try db.execute(
                    sql: "UPDATE storyItem SET storyID = ? WHERE storyID = ?", arguments: [destination, story])
                try db.execute(sql: "DELETE FROM story WHERE id = ?", arguments: [story])
                touched.insert(destination)
            }
            let assign = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO storyItem (itemID, storyID) SELECT id, ? FROM item WHERE id = ?")
            let dequeue = try db.cachedStatement(sql: "DELETE FROM storyQueue WHERE itemID = ?")
            let keep = try db.cachedStatement(
                sql: Self.keepStoryFeatures)
            for assignment in assignments {
                let storyID: Int64
                switch assignment.story {
                case .existing(let id):
                    storyID = target(id)
                case .new(let key):
                    if let known = created[key] {
                        storyID = known
                    } else {
                        try db.execute(sql: "INSERT INTO story (title, firstSeen, lastSeen) VALUES ('', 0, 0)")
                        storyID = db.lastInsertedRowID
                        created[key] = storyID
                    }
                }
                try assign.execute(arguments: [storyID, assignment.itemID])
                try dequeue.execute(arguments: [assignment.itemID])
                if let features = assignment.features {
                    try keep.execute(arguments: [Data(features), assignment.itemID])
                }
                touched.insert(storyID)
            }
            // Title and span from the items: the earliest original's title names the story.
            let refresh = try db.cachedStatement(
                sql: """
                    UPDATE story SET
                        firstSeen = (SELECT min(item.date) FROM storyItem JOIN item ON item.id = storyItem.itemID
                                     WHERE storyItem.storyID = story.id),
                        lastSeen = (SELECT max(item.date) FROM storyItem JOIN item ON item.id = storyItem.itemID
                                    WHERE storyItem.storyID = story.id),
                        title = coalesce((SELECT item.title FROM storyItem JOIN item ON item.id = storyItem.itemID
                                          WHERE storyItem.storyID = story.id AND item.title IS NOT NULL
                                          AND item.title != ''
                                          ORDER BY item.originID != item.id, item.date, item.id LIMIT 1), '')
                    WHERE id = ?
                    """)
            for storyID in touched { try refresh.execute(arguments: [storyID]) }
            return created
        }
    }

    public func stories(since: Date?, outlet: String?, limit: Int) async throws(StorageError) -> [StoredStory] {
        try await reading { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let since {
                conditions.append("story.lastSeen >= ?")
                _ = arguments.append(contentsOf: [since.timeIntervalSince1970])
            }
            if let outlet {
                conditions.append(
                    "EXISTS (SELECT 1 FROM storyItem JOIN item ON item.id = storyItem.itemID "
                        + "WHERE storyItem.storyID = story.id AND item.outletID = ?)")
                _ = arguments.append(contentsOf: [outlet])
            }
            _ = arguments.append(contentsOf: [limit])
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let storyRows = try Row.fetchAll(
                db, sql: "SELECT * FROM story \(filter) ORDER BY lastSeen DESC, id DESC LIMIT ?", arguments: arguments)
            return try storyRows.map { try Self.story($0, db: db) }
        }
    }

    public func story(id: Int64) async throws(StorageError) -> StoredStory? {
        try await reading { db in
            try Row.fetchOne(db, sql: "SELECT * FROM story WHERE id = ?", arguments: [id]).map {
                try Self.story($0, db: db)
            }
        }
    }

    public func outletNames() async throws(StorageError) -> [String: String] {
        try await reading { db in
            var names: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM outlet") { names[row["id"]] = row["name"] }
            return names
        }
    }

    /// A story row with its items, their origins and the outlets they credit.
    static func story(_ row: Row, db: Database) throws -> StoredStory {
        let items = try db.cachedStatement(
            sql: """
                SELECT item.id, item.sourceID, item.outletID, item.title, item.published, item.link,
                       item.originID, item.relation, origin.sourceID AS originSourceID,
                       (SELECT group_concat(outletID, ' ') FROM itemCredit
                        WHERE itemCredit.itemID = item.id) AS credited
                FROM storyItem JOIN item ON item.id = storyItem.itemID
                LEFT JOIN item AS origin ON origin.id = item.originID
                WHERE storyItem.storyID = ? ORDER BY item.date, item.id
                """)
        let id: Int64 = row["id"]
        let members = try Row.fetchAll(items, arguments: [id]).map { item in
            let itemID: Int64 = item["id"]
            let originID: Int64 = item["originID"] ?? itemID
            let credited = (item["credited"] as String?).map { Set($0.split(separator: " ").map(String.init)) }
            return StoredStory.Item(
                itemID: itemID, sourceID: item["sourceID"], outletID: item["outletID"], title: item["title"],
                published: (item["published"] as Double?).map { Date(timeIntervalSince1970: $0) },
                link: item["link"], copyOf: originID == itemID ? nil : item["originSourceID"],
                originID: originID,
                relation: SyndicationRelation(rawValue: item["relation"] ?? "") ?? .original,
                creditedOutlets: credited.map { $0.sorted() } ?? [])
        }
        return StoredStory(
            id: id, title: row["title"], firstSeen: Date(timeIntervalSince1970: row["firstSeen"]),
            lastSeen: Date(timeIntervalSince1970: row["lastSeen"]), items: members)
    }
}
