import CorroborationModel
import Foundation
import Storage
import StorageSQLite
import Testing

/// The writer binds an item row's texts from one buffer it reuses from row to row: every value
/// must read back as written, an empty text as empty (not NULL), an absent one as NULL, whatever
/// the rows before it held.
@Suite struct ItemRowTests {
    @Test func textsReadBackAsWrittenRowAfterRow() async throws {
        let folder = try ScratchFolder()
        let store = try SQLiteStore(path: folder.path("store.sqlite"))
        try await store.upsertOutlets([
            StoredOutlet(id: "wire", name: "Wire", wire: true, ownership: nil, registered: true)
        ])
        var long = Report(
            outletID: "wire", sourceID: "long", link: "https://wire.example/long", title: "Ünïcødé – 東京",
            summaryHTML: "<p>" + String(repeating: "summary ", count: 500) + "</p>",
            contentHTML: "<p>content</p>", text: String(repeating: "Text \"quoted\" \\ ", count: 300),
            published: Date(timeIntervalSince1970: 1_500_000_000), authors: ["A \"B\"", "C\tD"],
            categories: ["x"], sourceTitle: "Source", sourceURL: "https://source.example/", language: "en")
        long.enclosures = [Report.Enclosure(url: "https://wire.example/a.mp3", type: "audio/mpeg", length: 12)]
        long.thumbnail = "https://wire.example/t.jpg"
        let empty = Report(outletID: "wire", sourceID: "empty", title: "", summaryHTML: "", text: "")
        let bare = Report(outletID: "wire", sourceID: "bare", text: "x")
        let reports = [long, empty, bare, long, empty].enumerated().map { position, report in
            var report = report
            report.sourceID += "-\(position)"
            return report
        }
        let items = reports.enumerated().map { position, report in
            NewItem(
                report: report, fetchedAt: Date(timeIntervalSince1970: 1_500_000_000),
                signature: position == 2 ? [] : Array(repeating: UInt8(position), count: 16), origin: .new(position),
                relation: .original, similarity: nil, credits: [])
        }
        let result = try await store.write(IngestWrite(newItems: items))
        let stored = Dictionary(uniqueKeysWithValues: try await store.items(limit: 10).map { ($0.id, $0) })
        for (position, report) in reports.enumerated() {
            #expect(stored[result.newIDs[position]]?.report == report, "row \(position)")
        }
    }

    /// The writer checks a batch's references itself, not SQLite row by row: a batch naming an
    /// outlet or a stored item that does not exist fails whole, as a foreign key would have it.
    @Test func batchesNamingWhatIsNotStoredFailWhole() async throws {
        let folder = try ScratchFolder()
        let store = try SQLiteStore(path: folder.path("store.sqlite"))
        try await store.upsertOutlets([
            StoredOutlet(id: "wire", name: "Wire", wire: true, ownership: nil, registered: true)
        ])
        func item(_ id: String, outlet: String = "wire", origin: ItemRef = .new(0)) -> NewItem {
            NewItem(
                report: Report(outletID: outlet, sourceID: id, text: "Text of \(id)"),
                fetchedAt: Date(timeIntervalSince1970: 1_500_000_000), signature: [], origin: origin,
                relation: origin == .new(0) ? .original : .copy, similarity: nil, credits: [])
        }
        let stored = try await store.write(IngestWrite(newItems: [item("a")])).newIDs[0]
        let failing: [IngestWrite] = [
            IngestWrite(newItems: [item("b", outlet: "nowhere")]),
            IngestWrite(newItems: [item("c"), item("d", origin: .stored(stored + 100))]),
            IngestWrite(newItems: [item("e")], originChanges: [(from: .stored(stored), to: .stored(stored + 100))]),
        ]
        for batch in failing {
            await #expect(throws: StorageError.self) { try await store.write(batch) }
        }
        #expect(try await store.counts().items == 1)
        // References that exist go through.
        _ = try await store.write(IngestWrite(newItems: [item("f", origin: .stored(stored))]))
        #expect(try await store.counts().copies == 1)
    }
}
