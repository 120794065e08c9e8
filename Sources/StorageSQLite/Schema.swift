import GRDB

/// The store's schema, as migrations. Each migration runs once, in a transaction; a store
/// written by a newer Corroborate (with migrations this one does not know) is refused.
///
/// Tables:
/// - `outlet`: the registry's outlets, and outlets met in input but not registered
///   (`registered = 0`, named after the JSONL `outlet` or the feed's title).
/// - `feed`: every feed document source. `key` is the feed URL, or `file:` and an absolute path
///   for local files. The polling columns (`etag`, `lastModified`, `nextPollAt`, `errorCount`,
///   `lastError`, `lastStatus`, `lastFetchedAt`) are for scheduled polling; v6 adds
///   `lastSuccessAt`, `retiredReason` (set when a feed is retired, such as by a 410 Gone: it is
///   never dropped silently) and `category` (the folder of an OPML import), and indexes items by
///   feed and date (a feed's publishing rate is read after every poll).
/// - `item`: one row per report, holding its latest version. `identity` is the id and the link
///   together (`Report.identity`; from v7 a 16-byte key of it), unique per outlet. Dates are
///   Unix seconds (`date` is published, else updated, else fetched: where the item sits in
///   time). `signature` is the
///   near-duplicate signature; `originID` the item whose reporting it carries (itself when it
///   is an original), `relation` one of `original`, `copy`, `derived`.
///   `enclosures` is a JSON array of `{"url", "type", "length"}`; `thumbnail` a picture URL
///   (both added by migration v2).
/// - `itemVersion`: earlier versions of items whose text changed, with the fields that changed.
/// - `itemCredit`: the outlets an item credits, by kind (`dateline`, `credit-line`,
///   `attribution`, `byline`, `source`).
/// - `itemClaims` (v3): the claims extracted from an item's text, as one JSON array of
///   `Claim` per item (sentence texts left out: they are the item text's `range`), with the
///   version of the extractor that made them, so that a better one can redo them.
/// - `analysisQueue` (v3): items whose analysis (claims) is still to do: new and changed items
///   go in with the transaction that stores them and leave with the one that stores their
///   claims, so that a run killed in between is finished by the next one.
/// - `story` (v4): a group of items that report one event: its title (the earliest original
///   member's) and time span. `storyItem`: each item's story; an item without a row is still to
///   be placed, so a run killed in between is finished by the next one.
/// - `item_relation` (v5): the items that are not `original` (copies and derived items), by
///   relation: a partial index, small, so that counting them reads neither the items nor the
///   whole of an index.
/// - v7: `item.identity` of items stored from v7 on holds a 16-byte key of the identity
///   (`IdentityKey`) rather than the identity; items stored before keep theirs, and look-ups
///   match either. No table changes: the migration marks stores that older versions, which
///   would look up the text only, must not write to.
/// - `storyQueue` (v8): items still to be placed in a story. New items go in with the
///   transaction that stores them and leave with the one that places them. Before v8 the story
///   stage found them as the items with no `storyItem` row, a pass over every stored item's
///   date (a second for a store of a million items, at every run).
/// - `storyFeatures` (v9): how the story clusterer read each placed item (`StoryFeatures`: stem
///   keys with counts, lead days, entities), with the item's outlet, written with its placement.
///   A run seeds its clusterer with the window's features instead of reading their texts again;
///   the outlet is here so that this read touches no `item` row. Items placed before v9 have
///   none until a run reads them once more and writes theirs.
/// - `storeTally` (v10): one row of running totals (items, independent origins, copies,
///   derived items, earlier versions), kept by the transactions that change them, so that the
///   closing summary of a run reads five numbers instead of counting a million rows twice (160 ms
///   of a 50-item poll).
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: outlets, feeds, items, versions, credits") { db in
            try db.execute(
                sql: """
                    CREATE TABLE outlet (
                        id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL,
                        wire INTEGER NOT NULL DEFAULT 0,
                        ownership TEXT,
                        registered INTEGER NOT NULL DEFAULT 1
                    );
                    CREATE TABLE feed (
                        id INTEGER PRIMARY KEY,
                        key TEXT NOT NULL UNIQUE,
                        outletID TEXT NOT NULL REFERENCES outlet(id),
                        title TEXT,
                        format TEXT,
                        etag TEXT,
                        lastModified TEXT,
                        lastFetchedAt REAL,
                        lastStatus INTEGER,
                        nextPollAt REAL,
                        errorCount INTEGER NOT NULL DEFAULT 0,
                        lastError TEXT
                    );
                    CREATE TABLE item (
                        id INTEGER PRIMARY KEY,
                        outletID TEXT NOT NULL REFERENCES outlet(id),
                        feedID INTEGER REFERENCES feed(id),
                        sourceID TEXT NOT NULL,
                        identity TEXT NOT NULL,
                        link TEXT,
                        title TEXT,
                        summaryHTML TEXT,
                        contentHTML TEXT,
                        text TEXT NOT NULL,
                        published REAL,
                        updated REAL,
                        date REAL NOT NULL,
                        authors TEXT NOT NULL DEFAULT '[]',
                        categories TEXT NOT NULL DEFAULT '[]',
                        sourceTitle TEXT,
                        sourceURL TEXT,
                        language TEXT,
                        fetchedAt REAL NOT NULL,
                        contentHash TEXT NOT NULL,
                        version INTEGER NOT NULL DEFAULT 1,
                        signature BLOB,
                        originID INTEGER REFERENCES item(id),
                        relation TEXT NOT NULL DEFAULT 'original',
                        similarity REAL,
                        UNIQUE (outletID, identity)
                    );
                    CREATE INDEX item_date ON item(date);
                    CREATE INDEX item_origin ON item(originID);
                    CREATE TABLE itemVersion (
                        itemID INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                        version INTEGER NOT NULL,
                        fetchedAt REAL NOT NULL,
                        title TEXT,
                        summaryHTML TEXT,
                        contentHTML TEXT,
                        text TEXT NOT NULL,
                        published REAL,
                        updated REAL,
                        contentHash TEXT NOT NULL,
                        changes TEXT NOT NULL,
                        PRIMARY KEY (itemID, version)
                    );
                    CREATE TABLE itemCredit (
                        itemID INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                        outletID TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        text TEXT NOT NULL,
                        PRIMARY KEY (itemID, outletID, kind)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v2: item enclosures and thumbnail") { db in
            try db.execute(
                sql: """
                    ALTER TABLE item ADD COLUMN enclosures TEXT NOT NULL DEFAULT '[]';
                    ALTER TABLE item ADD COLUMN thumbnail TEXT;
                    """)
        }
        migrator.registerMigration("v3: claims and the analysis queue") { db in
            try db.execute(
                sql: """
                    CREATE TABLE itemClaims (
                        itemID INTEGER PRIMARY KEY REFERENCES item(id) ON DELETE CASCADE,
                        extractor INTEGER NOT NULL,
                        claims TEXT NOT NULL
                    );
                    CREATE INDEX itemClaims_extractor ON itemClaims(extractor);
                    CREATE TABLE analysisQueue (
                        itemID INTEGER PRIMARY KEY REFERENCES item(id) ON DELETE CASCADE
                    );
                    INSERT INTO analysisQueue (itemID) SELECT id FROM item;
                    """)
        }
        migrator.registerMigration("v4: stories") { db in
            try db.execute(
                sql: """
                    CREATE TABLE story (
                        id INTEGER PRIMARY KEY,
                        title TEXT NOT NULL,
                        firstSeen REAL NOT NULL,
                        lastSeen REAL NOT NULL
                    );
                    CREATE INDEX story_lastSeen ON story(lastSeen);
                    CREATE TABLE storyItem (
                        itemID INTEGER PRIMARY KEY REFERENCES item(id) ON DELETE CASCADE,
                        storyID INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE
                    );
                    CREATE INDEX storyItem_story ON storyItem(storyID);
                    """)
        }
        migrator.registerMigration("v5: index of copies and derived items") { db in
            try db.execute(sql: "CREATE INDEX item_relation ON item(relation) WHERE relation != 'original'")
        }
        migrator.registerMigration("v6: feed polling state") { db in
            try db.execute(
                sql: """
                    ALTER TABLE feed ADD COLUMN lastSuccessAt REAL;
                    ALTER TABLE feed ADD COLUMN retiredReason TEXT;
                    ALTER TABLE feed ADD COLUMN category TEXT;
                    CREATE INDEX feed_nextPollAt ON feed(nextPollAt);
                    CREATE INDEX item_feed_published ON item(feedID, published);
                    """)
        }
        migrator.registerMigration("v7: item identities stored as 16-byte keys") { _ in }
        migrator.registerMigration("v8: the story queue") { db in
            try db.execute(
                sql: """
                    CREATE TABLE storyQueue (
                        itemID INTEGER PRIMARY KEY REFERENCES item(id) ON DELETE CASCADE
                    );
                    INSERT INTO storyQueue (itemID)
                        SELECT id FROM item WHERE NOT EXISTS (SELECT 1 FROM storyItem WHERE storyItem.itemID = item.id);
                    """)
        }
        // Neither adds a reference to check: no pass over every row of the store for it.
        migrator.registerMigration("v9: story clusterer features", foreignKeyChecks: .immediate) { db in
            try db.execute(
                sql: """
                    CREATE TABLE storyFeatures (
                        itemID INTEGER PRIMARY KEY REFERENCES item(id) ON DELETE CASCADE,
                        outletID TEXT NOT NULL,
                        features BLOB NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v10: store totals", foreignKeyChecks: .immediate) { db in
            try db.execute(
                sql: """
                    CREATE TABLE storeTally (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        items INTEGER NOT NULL,
                        origins INTEGER NOT NULL,
                        copies INTEGER NOT NULL,
                        derived INTEGER NOT NULL,
                        versions INTEGER NOT NULL
                    );
                    INSERT INTO storeTally (id, items, origins, copies, derived, versions) VALUES (
                        1,
                        (SELECT COUNT(*) FROM item),
                        (SELECT COUNT(*) FROM item WHERE originID = id),
                        (SELECT COUNT(*) FROM item WHERE relation = 'copy'),
                        (SELECT COUNT(*) FROM item WHERE relation = 'derived'),
                        (SELECT COUNT(*) FROM itemVersion));
                    """)
        }
        return migrator
    }
}
