import CorroborationModel
import Foundation
import GRDB
import Storage

extension SQLiteStore: StoryStore {
    public func itemsWithoutStory(limit: Int) async throws(StorageError) -> [StoryCandidate] {
        try await reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT item.id, item.outletID, item.date, item.title, item.text FROM storyQueue
                    JOIN item ON item.id = storyQueue.itemID ORDER BY item.date, item.id LIMIT ?
                    """, arguments: [limit]
            ).map { Self.candidate($0, storyID: nil) }
        }
    }

    public func itemsWithStory(in window: ClosedRange<Date>) async throws(StorageError) -> [StoryCandidate] {
        try await reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT item.id, item.outletID, item.date, item.title, item.text, storyItem.storyID FROM item
                    JOIN storyItem ON storyItem.itemID = item.id
                    WHERE item.date BETWEEN ? AND ? ORDER BY item.date, item.id
                    """,
                arguments: [window.lowerBound.timeIntervalSince1970, window.upperBound.timeIntervalSince1970]
            ).map { Self.candidate($0, storyID: $0["storyID"]) }
        }
    }

    static func candidate(_ row: Row, storyID: Int64?) -> StoryCandidate {
        StoryCandidate(
            itemID: row["id"], outletID: row["outletID"], date: Date(timeIntervalSince1970: row["date"]),
            title: row["title"] ?? "", text: row["text"], storyID: storyID)
    }

    public func writeStories(_ assignments: [StoryAssignmentRecord]) async throws(StorageError) -> [Int: Int64] {
        guard !assignments.isEmpty else { return [:] }
        return try await writing { db in
            var created: [Int: Int64] = [:]
            var touched = Set<Int64>()
            let assign = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO storyItem (itemID, storyID) SELECT id, ? FROM item WHERE id = ?")
            let dequeue = try db.cachedStatement(sql: "DELETE FROM storyQueue WHERE itemID = ?")
            for assignment in assignments {
                let storyID: Int64
                switch assignment.story {
                case .existing(let id):
                    storyID = id
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
