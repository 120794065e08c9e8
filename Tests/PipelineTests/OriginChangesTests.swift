import CorroborationModel
import Foundation
import Storage
import StorageSQLite
import TestSupport
import Testing

/// The store applies a batch's origin changes to the batch's own rows before it writes them and
/// updates only the stored groups that move. The outcome must be what applying every change in
/// order, as `UPDATE item SET originID = to, relation = (id = to ? 'original' : 'copy') WHERE
/// originID = from` over every row, gives: chains, cycles, stored groups moving to new items and
/// back.
@Suite struct OriginChangesTests {
    /// Rows by id: origin and relation, as the one-UPDATE-per-change store wrote them.
    struct Model {
        var rows: [Int64: (origin: Int64, relation: SyndicationRelation)] = [:]

        mutating func apply(_ changes: [(from: Int64, to: Int64)]) {
            for (from, to) in changes where from != to {
                for (id, row) in rows where row.origin == from {
                    rows[id] = (to, id == to ? .original : .copy)
                }
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomBatchesMatchChangesAppliedOneByOne(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let folder = try ScratchFolder()
        let store = try SQLiteStore(path: folder.path("store.sqlite"))
        try await store.upsertOutlets([
            StoredOutlet(id: "wire", name: "Wire", wire: true, ownership: nil, registered: true)
        ])
        var model = Model()
        var serial = 0
        for _ in 0..<6 {
            let stored = model.rows.keys.sorted()
            let count = 1 + random.below(12)
            // A reference to a stored item or to one of the batch's first `upTo` new items.
            func pick(upTo: Int) -> ItemRef {
                if !stored.isEmpty && (upTo == 0 || random.chance(50)) { return .stored(random.pick(stored)) }
                return .new(random.below(max(1, upTo)))
            }
            var items: [NewItem] = []
            for position in 0..<count {
                serial += 1
                let origin = random.chance(40) ? pick(upTo: position) : .new(position)
                let relation: SyndicationRelation =
                    origin == .new(position) ? (random.chance(20) ? .derived : .original) : .copy
                items.append(
                    NewItem(
                        report: Report(outletID: "wire", sourceID: "item-\(serial)", text: "Text \(serial)"),
                        fetchedAt: Date(timeIntervalSince1970: 1_500_000_000), signature: [], origin: origin,
                        relation: relation, similarity: nil, credits: []))
            }
            let changes = (0..<random.below(8)).map { _ in (from: pick(upTo: count), to: pick(upTo: count)) }
            let result = try await store.write(
                IngestWrite(newItems: items, originChanges: changes.map { (from: $0.from, to: $0.to) }))
            func id(_ ref: ItemRef) -> Int64 {
                switch ref {
                case .stored(let id): return id
                case .new(let position): return result.newIDs[position]
                }
            }
            for (position, item) in items.enumerated() {
                model.rows[result.newIDs[position]] = (id(item.origin), item.relation)
            }
            model.apply(changes.map { (id($0.from), id($0.to)) })

            let written = try await store.items(limit: 1_000)
            #expect(written.count == model.rows.count)
            // The running totals follow every move.
            let counts = try await store.counts()
            #expect(counts.items == model.rows.count)
            #expect(counts.origins == model.rows.filter { $0.key == $0.value.origin }.count, "seed \(seed)")
            #expect(counts.copies == model.rows.values.filter { $0.relation == .copy }.count, "seed \(seed)")
            #expect(counts.derived == model.rows.values.filter { $0.relation == .derived }.count, "seed \(seed)")
            for item in written {
                let expected = model.rows[item.id]
                #expect(
                    item.originID == expected?.origin && item.relation == expected?.relation,
                    "seed \(seed), item \(item.id): \(item.originID) \(item.relation), expected \(String(describing: expected))"
                )
            }
        }
    }
}
