import CorroborationModel
import Foundation
import GRDB
import Pipeline
import Storage
import Testing

@testable import StorageSQLite

@Suite struct IngestTests {
    @Test func ingestingTwiceAddsNothing() async throws {
        let scratch = try ScratchFolder()
        let store = try SQLiteStore(path: scratch.path("store.sqlite"))
        let first = try await ingest([Repository.corpora.path], store: store)
        #expect(first.errors == [])
        #expect(first.new > 150)
        let counts = try await store.counts()
        let second = try await ingest([Repository.corpora.path], store: store)
        #expect(second.new == 0)
        #expect(second.updated == 0)
        #expect(second.unchanged == first.items)
        #expect(try await store.counts() == counts)
    }

    @Test func changedTextBecomesAVersion() async throws {
        let scratch = try ScratchFolder()
        let store = try SQLiteStore(path: scratch.path("store.sqlite"))
        let date = "Sun, 17 Sep 2017 08:30:00 GMT"
        let feed = try scratch.write(
            "reuters.xml",
            rss(items: [
                ("Strike near Deir al-Zor", "a1", "Six fighters were wounded.", date), ("Other", "a2", "Text.", date),
            ]))
        #expect(try await ingest([feed], store: store).new == 2)
        try scratch.write(
            "reuters.xml",
            rss(items: [
                ("Strike near Deir al-Zor", "a1", "Eight fighters were wounded.", date), ("Other", "a2", "Text.", date),
            ]))
        let summary = try await ingest([feed], store: store)
        #expect(summary.new == 0)
        #expect(summary.updated == 1)
        #expect(summary.unchanged == 1)
        let counts = try await store.counts()
        #expect(counts.items == 2)
        #expect(counts.versions == 1)
        let item = try #require(try await store.items(limit: 10).first { $0.report.sourceID == "a1" })
        #expect(item.version == 2)
        #expect(item.report.text.contains("Eight"))
    }

    @Test func aReusedGuidWithAnotherLinkIsAnotherItem() async throws {
        let scratch = try ScratchFolder()
        let store = try SQLiteStore(path: scratch.path("store.sqlite"))
        let feed = try scratch.write(
            "reuters.xml",
            """
            <rss version="2.0"><channel><title>W</title><link>https://wire.example/</link>
            <item><title>One</title><guid isPermaLink="false">same</guid><link>https://wire.example/1</link>
            <description>First story about the port.</description></item>
            <item><title>Two</title><guid isPermaLink="false">same</guid><link>https://wire.example/2</link>
            <description>Second story about the election.</description></item>
            </channel></rss>
            """)
        let summary = try await ingest([feed], store: store)
        #expect(summary.new == 2)
        #expect(try await store.counts().items == 2)
    }

    @Test func oneGuidTwiceInOneDocumentIsOneItemWithTwoVersions() async throws {
        let scratch = try ScratchFolder()
        let store = try SQLiteStore(path: scratch.path("store.sqlite"))
        let feed = try scratch.write(
            "unian.xml",
            rss(items: [
                ("Six wounded", "k1", "Six sailors were wounded, the navy said.", "Mon, 26 Nov 2018 00:57:00 +0200"),
                ("Two wounded", "k1", "Two sailors were wounded, the navy said.", "Sun, 25 Nov 2018 22:31:00 +0200"),
            ]))
        let summary = try await ingest([feed], store: store)
        #expect(summary.new == 1)
        #expect(summary.updated == 1)
        let counts = try await store.counts()
        #expect(counts.items == 1)
        #expect(counts.versions == 1)
        let item = try #require(try await store.items(limit: 1).first)
        #expect(item.report.title == "Six wounded", "the later version is the item; the earlier is kept as a version")
    }

    @Test func articleLinesAreIngestedAndABadLineIsNamed() async throws {
        let scratch = try ScratchFolder()
        let store = try SQLiteStore(path: scratch.path("store.sqlite"))
        let file = try scratch.write(
            "articles.jsonl",
            """
            {"id": "r1", "outlet": "reuters", "url": "https://www.reuters.com/r1", "published": "2017-09-17T08:30:00Z", "title": "Russia denies strike", "body": "Russia's Defence Ministry denied the strike.", "language": "en"}
            {"id": "r2", "outlet": "Reuters", "title": "Only a title"}
            {"id": "x", "outlet": "reuters"
            {"outlet": "reuters", "body": "no id"}
            {"id": "t1", "outlet": "A Local Paper", "body": "A story of our own."}

            """)
        let summary = try await ingest([file], store: store)
        #expect(summary.new == 3)
        #expect(summary.errors.count == 2)
        #expect(summary.errors.contains { $0.hasSuffix("articles.jsonl:3: not a JSON object") })
        #expect(summary.errors.contains { $0.contains("articles.jsonl:4:") && $0.contains("\"id\"") })
        #expect(summary.unregisteredOutlets == ["a-local-paper"])
        let outlets = Set(try await store.items(limit: 10).map(\.report.outletID))
        #expect(outlets == ["reuters", "a-local-paper"])
    }

    @Test func anUndeclaredLanguageIsIdentified() async throws {
        let scratch = try ScratchFolder()
        let store = try SQLiteStore(path: scratch.path("store.sqlite"))
        let file = try scratch.write(
            "articles.jsonl",
            """
            {"id": "ru1", "outlet": "tass", "body": "Министерство обороны России заявило, что удары наносились только по позициям террористов."}
            {"id": "en1", "outlet": "reuters", "body": "The coalition said that several of the fighters were wounded in the strike on Saturday."}
            {"id": "de1", "outlet": "dpa", "body": "Die Koalition teilte mit, dass mehrere Kämpfer bei dem Angriff verletzt worden seien.", "language": "de-DE"}
            {"id": "x1", "outlet": "dpa", "body": "12:30 GMT"}

            """)
        #expect(try await ingest([file], store: store).new == 4)
        let languages = Dictionary(
            uniqueKeysWithValues: try await store.items(limit: 10).map { ($0.report.sourceID, $0.report.language) })
        #expect(languages["ru1"] == "ru")
        #expect(languages["en1"] == "en")
        #expect(languages["de1"] == "de-DE", "a declared language is kept")
        #expect(languages["x1"] == .some(nil), "no guess where the text says nothing")
    }

    @Test func badInputsAreNamedAndTheRestGoesOn() async throws {
        let scratch = try ScratchFolder()
        let store = try SQLiteStore(path: scratch.path("store.sqlite"))
        let good = try scratch.write(
            "ap.xml", rss(items: [("Good", "g1", "A good item.", "Sun, 17 Sep 2017 08:30:00 GMT")]))
        let notFeed = try scratch.write("notes.xml", "<note><to>nobody</to></note>")
        let empty = try scratch.write("empty.xml", "")
        let summary = try await ingest([scratch.path("missing.xml"), notFeed, empty, good], store: store)
        #expect(summary.new == 1)
        #expect(summary.errors.count == 3)
        #expect(summary.errors.contains { $0.contains("missing.xml") })
        #expect(summary.errors.contains { $0.contains("notes.xml") && $0.contains("not a feed") })
        #expect(summary.errors.contains { $0.contains("empty.xml") })
    }

    @Test func aFullStoreFailsTheBatchCleanly() async throws {
        let scratch = try ScratchFolder()
        let path = scratch.path("store.sqlite")
        // Room for the empty schema (about 25 pages of 32 KB) and a little more: not for the
        // big document.
        let store = try SQLiteStore(path: path, maximumSizeBytes: 32 * 32_768)
        let body = String(repeating: "Several paragraphs of wire copy about the strike and its aftermath. ", count: 400)
        let big = try scratch.write(
            "afp.xml",
            rss(items: (0..<20).map { ("Item \($0)", "f\($0)", body + "\($0)", "Sun, 17 Sep 2017 08:30:00 GMT") }))
        let small = try scratch.write(
            "ap.xml", rss(items: [("Small", "s1", "A short item.", "Sun, 17 Sep 2017 08:30:00 GMT")]))
        let summary = try await ingest([big, small], store: store)
        #expect(summary.errors.contains { $0.contains(path) && $0.contains("disk is full") })
        #expect(summary.new == 1, "the small document after the failed one is still stored")
        #expect(try await store.counts().items == 1, "nothing of the failed batch was written")
    }

    @Test func aReadOnlyStoreSaysSo() async throws {
        let scratch = try ScratchFolder()
        let path = scratch.path("store.sqlite")
        _ = try SQLiteStore(path: path)
        let readOnly = try SQLiteStore(path: path, readOnly: true)
        let feed = try scratch.write("ap.xml", rss(items: [("A", "a", "Text.", "Sun, 17 Sep 2017 08:30:00 GMT")]))
        let summary = try await ingest([feed], store: readOnly)
        #expect(summary.errors.contains { $0.contains(path) && $0.contains("read-only") })
    }

    @Test func enclosuresAndThumbnailsAreKept() async throws {
        let scratch = try ScratchFolder()
        let store = try SQLiteStore(path: scratch.path("store.sqlite"))
        let feed = try scratch.write(
            "ap.xml",
            """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>W</title>
            <link>https://wire.example/</link>
            <item><title>Photo</title><guid>p1</guid><description>A strike.</description>
            <enclosure url="https://wire.example/p1.jpg" type="image/jpeg" length="1234"/>
            <media:thumbnail url="https://wire.example/p1-small.jpg"/></item>
            </channel></rss>
            """)
        #expect(try await ingest([feed], store: store).new == 1)
        let item = try #require(try await store.items(limit: 1).first)
        #expect(item.report.enclosures == [.init(url: "https://wire.example/p1.jpg", type: "image/jpeg", length: 1234)])
        #expect(item.report.thumbnail == "https://wire.example/p1-small.jpg")
    }

    /// A store written before migration v2 opens and is brought up to date, its items intact.
    @Test func anOlderStoreIsMigrated() async throws {
        let scratch = try ScratchFolder()
        let path = scratch.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v1: outlets, feeds, items, versions, credits")
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO outlet (id, name) VALUES ('ap', 'AP')")
            try db.execute(
                sql: """
                    INSERT INTO item (id, outletID, sourceID, identity, text, date, fetchedAt, contentHash, originID)
                    VALUES (1, 'ap', 'a1', 'a1', 'Text.', 0, 0, 'x', 1)
                    """)
        }
        try queue.close()
        let store = try SQLiteStore(path: path)
        let items = try await store.items(limit: 10)
        #expect(items.count == 1)
        #expect(items.first?.report.enclosures == [])
    }

    /// Items stored before v7 keep their identity as text; an ingest finds them all the same
    /// (it looks up both forms) instead of storing them again under a key.
    @Test func itemsStoredUnderTheirTextIdentityAreFoundAgain() async throws {
        let scratch = try ScratchFolder()
        let path = scratch.path("store.sqlite")
        let feed = try scratch.write(
            "ap.xml", rss(items: [("Title", "a1", "Body text.", "Sun, 17 Sep 2017 08:30:00 GMT")]))
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v6: feed polling state")
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO outlet (id, name) VALUES ('ap', 'AP')")
            try db.execute(
                sql: """
                    INSERT INTO item (id, outletID, sourceID, identity, link, text, date, fetchedAt, contentHash,
                        originID)
                    VALUES (1, 'ap', 'a1', ?, 'https://wire.example/a1', 'Text.', 0, 0, 'x', 1)
                    """, arguments: ["a1\u{1F}https://wire.example/a1"])
        }
        try queue.close()
        let store = try SQLiteStore(path: path)
        let summary = try await ingest([feed], store: store, outlet: "ap")
        #expect(summary.errors == [])
        #expect(summary.new == 0)
        #expect(summary.updated == 1, "the stored text differs: a new version of the same item")
        #expect(try await store.counts().items == 1)
    }

    /// A store from before the story queue (v8) queues the items it never placed, and only
    /// those: the story stage places them and leaves the placed ones where they are.
    @Test func itemsWithoutAStoryAreQueuedByTheMigration() async throws {
        let scratch = try ScratchFolder()
        let path = scratch.path("store.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v7: item identities stored as 16-byte keys")
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO outlet (id, name) VALUES ('ap', 'AP')")
            for id in 1...3 {
                try db.execute(
                    sql: """
                        INSERT INTO item (id, outletID, sourceID, identity, title, text, date, fetchedAt, contentHash,
                            originID)
                        VALUES (?, 'ap', ?, ?, 'Strike on the port', 'Strike on the port. Six wounded.', ?, 0, 'x', ?)
                        """, arguments: [id, "a\(id)", "a\(id)", Double(id) * 60, id])
            }
            try db.execute(sql: "INSERT INTO story (id, title, firstSeen, lastSeen) VALUES (7, '', 60, 60)")
            try db.execute(sql: "INSERT INTO storyItem (itemID, storyID) VALUES (1, 7)")
        }
        try queue.close()
        let store = try SQLiteStore(path: path)
        #expect(try await store.itemsWithoutStory(limit: 10).map(\.itemID) == [2, 3])
        let summary = await StoryStage(store: store).run()
        #expect(summary.errors == [])
        #expect(summary.items == 2)
        #expect(try await store.itemsWithoutStory(limit: 10).isEmpty)
        let stories = try await store.stories(since: nil, outlet: nil, limit: 10)
        #expect(stories.flatMap(\.items).map(\.itemID).sorted() == [1, 2, 3])
        #expect(stories.first { $0.items.contains { $0.itemID == 1 } }?.id == 7)

        // The placed item had no stored features (placed before v9): the run read it and kept
        // them. A run with nothing to place does the same for the window's items that lack them.
        let queue2 = try DatabaseQueue(path: path)
        func featureCount() throws -> Int {
            try queue2.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM storyFeatures") ?? 0 }
        }
        #expect(try featureCount() == 3)
        try await queue2.write { try $0.execute(sql: "DELETE FROM storyFeatures WHERE itemID IN (1, 3)") }
        #expect(try await store.placedItemsLackingFeatures(in: Date.distantPast...Date.distantFuture) == 2)
        let again = await StoryStage(store: store).run()
        #expect(again.items == 0 && again.errors == [])
        #expect(try featureCount() == 3)
        #expect(try await store.stories(since: nil, outlet: nil, limit: 10).flatMap(\.items).count == 3)
    }

    /// A few items queued in a store of many are read oldest first, as many queued are (each
    /// count takes its own way to them: `SQLiteStore.itemsWithoutStory`).
    @Test(arguments: [2, 50])
    func queuedItemsComeOldestFirst(queued: Int) async throws {
        let scratch = try ScratchFolder()
        let store = try SQLiteStore(path: scratch.path("store.sqlite"))
        try await store.upsertOutlets([
            StoredOutlet(id: "wire", name: "Wire", wire: true, ownership: nil, registered: true)
        ])
        // 60 items, the last `queued` of them dated newest-first, so that id order is not date order
        // (2 queued: fewer than one in twenty).
        let items = (0..<60).map { number in
            let hours = number < 60 - queued ? Double(number) : Double(200 - number)
            return NewItem(
                report: Report(
                    outletID: "wire", sourceID: "item-\(number)", title: "Item \(number)", text: "Text \(number)",
                    published: Date(timeIntervalSince1970: 1_500_000_000 + hours * 3600)),
                fetchedAt: Date(timeIntervalSince1970: 1_500_000_000), signature: [], origin: .new(number),
                relation: .original, similarity: nil, credits: [])
        }
        let written = try await store.write(IngestWrite(newItems: items))
        let placed = written.newIDs.prefix(60 - queued).map {
            StoryAssignmentRecord(itemID: $0, story: .new(key: 0))
        }
        _ = try await store.writeStories(Array(placed))
        let pending = try await store.itemsWithoutStory(limit: 2)
        #expect(pending.map(\.itemID) == [written.newIDs[59], written.newIDs[58]])
        #expect(try await store.itemsWithoutStory(limit: 100).count == queued)
    }

    /// Identity keys are part of the storage format: the same identity must give the same key
    /// on every machine and in every version.
    @Test func identityKeysAreStable() {
        let expected = [
            "": "4a2038d7a1007050d6b0af47a01ede74",
            "a1\u{1F}https://wire.example/a1": "c938c186dd407f8fe391c8ce0a6a52e6",
            "https://www.reuters.com/world/middle-east/x-2017-09-17/\u{1F}https://www.reuters.com/world/middle-east/x-2017-09-17/":
                "b6b32244b4ffa7ef42dbb484a31a0fc3",
            "тасс\u{1F}": "c8c1dfffb172a21ecd7bd7e8ec9bd5fc",
        ]
        for (identity, key) in expected {
            #expect(IdentityKey.data(identity).map { String(format: "%02x", $0) }.joined() == key, "\(identity)")
        }
    }

    @Test func aStoreThatIsNotOneIsRefused() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.write("not-a-store.sqlite", String(repeating: "not sqlite ", count: 500))
        #expect {
            try SQLiteStore(path: path)
        } throws: { error in
            "\(error)".contains(path)
        }
    }
}
