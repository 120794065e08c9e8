import BundledCorpora
import Foundation
import Pipeline
import Storage
import StorageSQLite
import Testing

/// Story clustering against the corpora's gold stories, through the whole pipeline (ingest, then
/// the story stage). Precision first: two gold stories in one stored story is a false merge,
/// which invents corroboration. Prints B-cubed figures per corpus; the floors catch regressions.
@Suite struct StoryGoldTests {
    @Test(arguments: ["deir-ez-zor-2017", "kerch-strait-2018", "mh17-briefing-2014", "skripal-2018", "zapad-2017"])
    func goldStoriesAreNotMerged(event name: String) async throws {
        let folder = try ScratchFolder()
        let store = try SQLiteStore(path: folder.path("stories.sqlite"))
        let eventFolder = Repository.corpora.appendingPathComponent(name)
        _ = try await ingest([eventFolder.path], store: store)
        let placed = await StoryStage(store: store).run()
        #expect(placed.errors.isEmpty, "\(placed.errors)")
        let event = try CorpusEvent.load(folder: eventFolder)
        // Gold story of each item, by (outlet, entry id): what the store knows an item by.
        var gold: [String: String] = [:]
        for story in event.gold.stories {
            for reference in story.items {
                guard let item = event.resolve(reference), let outlet = item.outlet else { continue }
                gold[outlet + "\u{1}" + item.entry.id] = story.id
            }
        }
        let stories = try await store.stories(since: nil, outlet: nil, limit: 10_000)
        var predicted: [String: Int64] = [:]
        for story in stories {
            for item in story.items { predicted[item.outletID + "\u{1}" + item.sourceID] = story.id }
        }
        let keys = gold.keys.filter { predicted[$0] != nil }
        #expect(keys.count >= gold.count * 9 / 10, "most gold items are placed")
        // B-cubed precision and recall over the gold items.
        var precision = 0.0
        var recall = 0.0
        var merged = Set<String>()
        for key in keys {
            let sameStory = keys.filter { predicted[$0] == predicted[key] }
            let sameGold = keys.filter { gold[$0] == gold[key] }
            precision += Double(sameStory.filter { gold[$0] == gold[key] }.count) / Double(sameStory.count)
            recall += Double(sameGold.filter { predicted[$0] == predicted[key] }.count) / Double(sameGold.count)
            for other in sameStory where gold[other] != gold[key] {
                merged.insert([gold[key]!, gold[other]!].sorted().joined(separator: " + "))
            }
        }
        precision /= Double(max(1, keys.count))
        recall /= Double(max(1, keys.count))
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        print(
            String(
                format: "stories %@: B-cubed P %.3f R %.3f F1 %.3f; merged: %@", name, precision, recall, f1,
                merged.isEmpty ? "none" : merged.sorted().joined(separator: "; ")))
        #expect(precision >= 0.9, "false merges: \(merged.sorted())")
    }
}
