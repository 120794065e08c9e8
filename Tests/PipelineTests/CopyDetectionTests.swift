import BundledCorpora
import CorroborationModel
import Foundation
import Pipeline
import Storage
import StorageSQLite
import Testing

/// Syndication against the corpora's gold: every copy pair is found, and independent reports of
/// one event are never merged into one origin.
@Suite struct CopyDetectionTests {
    static let events = (try? BundledCorpora.load(root: Repository.corpora)) ?? []

    @Test(arguments: events.map(\.name))
    func goldCopiesAreFoundAndIndependentReportsAreNot(event name: String) async throws {
        let event = try #require(Self.events.first { $0.name == name })
        let scratch = try ScratchFolder()
        let store = try SQLiteStore(path: scratch.path("store.sqlite"))
        let summary = try await ingest([event.folder.path], store: store)
        #expect(summary.errors == [])
        let stored = try await store.items(limit: 10_000)
        let byKey = Dictionary(
            stored.map { ("\($0.report.outletID) \($0.report.sourceID) \($0.report.link ?? "")", $0) },
            uniquingKeysWith: { first, _ in first })
        func item(_ reference: ItemReference) throws -> StoredItem {
            let corpusItem = try #require(event.resolve(reference))
            let key = "\(corpusItem.outlet ?? "") \(corpusItem.entry.id) \(corpusItem.entry.link ?? "")"
            return try #require(byKey[key], "\(reference) is stored")
        }
        // Gold copies share an origin (a credited rewrite may instead be derived from the wire).
        var linked: [Set<Int64>] = []
        for copy in event.gold.copies {
            let reprint = try item(copy.item)
            let original = try item(copy.copyOf)
            linked.append([reprint.id, original.id])
            if copy.kind == .credited && reprint.relation == .derived {
                #expect(reprint.credits.contains { $0.outletID == original.report.outletID })
            } else {
                #expect(
                    reprint.originID == original.originID,
                    "\(copy.item) copies \(copy.copyOf): origins \(reprint.originID) and \(original.originID)")
            }
        }
        // No two items of a story share an origin unless the gold says one copies the other.
        for story in event.gold.stories {
            let items = try story.items.map(item)
            for (i, a) in items.enumerated() {
                for b in items[(i + 1)...] where a.originID == b.originID && a.id != b.id {
                    let pairIsGold =
                        linked.contains { $0 == [a.id, b.id] }
                        || linked.contains { $0.contains(a.id) } && linked.contains { $0.contains(b.id) }
                    #expect(
                        pairIsGold,
                        "\(a.report.outletID) \(a.report.sourceID) and \(b.report.outletID) \(b.report.sourceID) merged"
                    )
                }
            }
        }
    }

    @Test func theWiresOwnItemIsTheOriginEvenWhenItsReprintsArriveFirst() async throws {
        let scratch = try ScratchFolder()
        let store = try SQLiteStore(path: scratch.path("store.sqlite"))
        let body =
            "BEIRUT (AP) — The U.S.-led coalition said Saturday that Russian munitions struck a location east of the Euphrates River known to contain Syrian Democratic Forces fighters and coalition advisers, wounding several fighters. The advisers were not hurt, the coalition said in a statement. Russia's Defense Ministry denied it."
        let date = "Sat, 16 Sep 2017 18:10:00 GMT"
        let reprint = try scratch.write(
            "us-news.xml",
            rss(
                title: "US News", link: "https://www.usnews.com/",
                items: [("Coalition says Russian strike hit SDF", "u1", body, date)]))
        let another = try scratch.write(
            "abc-news.xml",
            rss(
                title: "ABC News", link: "https://abcnews.go.com/",
                items: [("Coalition: Russian strike hit SDF", "b1", body, date)]))
        let wire = try scratch.write(
            "ap.xml",
            rss(
                title: "AP", link: "https://apnews.com/",
                items: [("Coalition: Russian strike wounds US-backed fighters", "a1", body, date)]))
        _ = try await ingest([reprint, another], store: store)
        _ = try await ingest([wire], store: store)
        let items = try await store.items(limit: 10)
        let ap = try #require(items.first { $0.report.outletID == "ap" })
        #expect(ap.relation == .original)
        #expect(ap.originID == ap.id)
        for item in items where item.report.outletID != "ap" {
            #expect(item.originID == ap.id)
            #expect(item.relation == .copy)
        }
        #expect(try await store.counts().origins == 1)
    }
}
