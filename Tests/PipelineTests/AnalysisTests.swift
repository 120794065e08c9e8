import Foundation
import Pipeline
import StorageSQLite
import TestSupport
import Testing
import TextAnalysis

/// The analysis stage over the store's queue: claims for new and changed items, once each,
/// and a queue that survives a run that never got to it.
@Suite struct AnalysisTests {
    static let date = "Sun, 17 Sep 2017 08:30:00 GMT"

    @Test func newAndChangedItemsGetClaimsOnce() async throws {
        let scratch = try ScratchFolder()
        let store = try SQLiteStore(path: scratch.path("store.sqlite"))
        let feed = try scratch.write(
            "reuters.xml",
            rss(items: [
                ("Strike near Deir al-Zor", "a1", "Six SDF fighters were wounded, the coalition said.", Self.date),
                ("Other news", "a2", "The council met on Monday to discuss the budget.", Self.date),
            ]))
        #expect(try await ingest([feed], store: store).new == 2)
        #expect(try await store.pendingAnalysis(limit: 10).count == 2, "stored items wait for analysis")

        let first = await Analysis(store: store).run()
        #expect(first.items == 2 && first.errors.isEmpty)
        #expect(try await store.pendingAnalysis(limit: 10).isEmpty)
        let items = try await store.items(limit: 10)
        let strike = try #require(items.first { $0.report.sourceID == "a1" })
        let claims = try #require(try await store.claims(itemID: strike.id))
        let wounded = try #require(claims.first { $0.text.hasPrefix("Six SDF fighters") })
        #expect(wounded.speaker?.name.lowercased().contains("coalition") == true)
        #expect(wounded.quantities.contains { $0.lower == 6 && $0.upper == 6 })

        #expect(await Analysis(store: store).run().items == 0, "nothing is analysed twice")

        // New text: the item goes back on the queue and its claims are redone.
        try scratch.write(
            "reuters.xml",
            rss(items: [
                ("Strike near Deir al-Zor", "a1", "Eight SDF fighters were wounded, the coalition said.", Self.date),
                ("Other news", "a2", "The council met on Monday to discuss the budget.", Self.date),
            ]))
        #expect(try await ingest([feed], store: store).updated == 1)
        let again = await Analysis(store: store).run()
        #expect(again.items == 1)
        let redone = try #require(try await store.claims(itemID: strike.id))
        #expect(redone.contains { claim in claim.quantities.contains { $0.lower == 8 } })
        #expect(!redone.contains { claim in claim.quantities.contains { $0.lower == 6 } })
    }
}
