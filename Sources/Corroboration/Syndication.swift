import CorroborationModel
import Foundation
import NearDuplicates

/// What syndication needs of a near-duplicate engine: a signature of a text that can be stored,
/// a similarity between two signatures, and the LSH keys that find candidates.
public protocol TextFingerprinting: Sendable {
    func signature(of text: String) -> [UInt8]
    /// How similar two texts are (estimated Jaccard similarity of their word shingles, 0...1)
    /// when they are near-duplicates by the engine's own thresholds; nil when they are not.
    func nearDuplicateSimilarity(_ a: [UInt8], _ b: [UInt8]) -> Double?
    /// Two signatures that share a key are candidates; similar texts share one with high probability.
    func bandKeys(of signature: [UInt8]) -> [UInt64]
    /// The banding behind `bandKeys`, to size an index.
    var bands: LSHBands { get }
}

/// One item known to syndication: stored (`.stored(id)`) or new in the current batch.
public struct SyndicationEntry: Sendable {
    public var key: ItemRef
    public var outletID: String
    public var date: Date
    public var signature: [UInt8]
    public var origin: ItemRef
    /// Outlets the item credits in a dateline, credit line, byline or `<source>`: whose copy it is.
    public var creditedOutlets: Set<String>

    public init(
        key: ItemRef, outletID: String, date: Date, signature: [UInt8], origin: ItemRef, creditedOutlets: Set<String>
    ) {
        self.key = key
        self.outletID = outletID
        self.date = date
        self.signature = signature
        self.origin = origin
        self.creditedOutlets = creditedOutlets
    }
}

/// What syndication decided for a new item.
public struct SyndicationDecision: Sendable {
    public var origin: ItemRef
    public var relation: SyndicationRelation
    /// Similarity to the closest near-duplicate, when there is one.
    public var similarity: Double?
    /// Groups whose origin becomes another item: every item with origin `from` takes `to`.
    public var originChanges: [(from: ItemRef, to: ItemRef)]
}

/// Collapses near-identical texts into one origin and tells copies from derived reports.
///
/// Items are compared only with their LSH candidates among the items it holds (the caller keeps
/// it to a time window). Near-duplicates (by the fingerprinting's thresholds) form a group with one
/// origin: the item of the outlet the group's members credit, else a wire's, else the earliest.
/// A new item with no near-duplicate is `derived` when it credits another outlet in a dateline,
/// credit line, byline or `<source>` (rewritten wire copy), else `original`.
public final class SyndicationIndex {
    public let fingerprinting: any TextFingerprinting
    private let wires: Set<String>
    /// Entries by slot; slots never move, so the LSH index holds slots and a rename touches
    /// only `slotOf`.
    private var entries: [SyndicationEntry] = []
    private var slotOf: [ItemRef: Int] = [:]
    private var lsh: LSHIndex
    /// The slots of each group's members, by the group's origin.
    private var members: [ItemRef: Set<Int>] = [:]

    /// Stored items handed over by `hold(_:)`, with their band keys (the banding's count per
    /// item, in one list) and their positions by the group's origin; of those, the ones not
    /// indexed yet (`waitingItems`). See `admit(matching:)`.
    private var held: [SyndicationEntry] = []
    private var heldBandKeys: [UInt64] = []
    private var heldByOrigin: [ItemRef: [Int]] = [:]
    private var waitingItems = Set<ItemRef>()
    /// New reports `admit(matching:)` has searched the waiting items for, since they were held.
    private var searched = 0

    public init(fingerprinting: any TextFingerprinting, wireOutlets: Set<String>) {
        self.fingerprinting = fingerprinting
        wires = wireOutlets
        lsh = LSHIndex(bands: fingerprinting.bands, expectedCount: 4096)
    }

    public func contains(_ key: ItemRef) -> Bool { slotOf[key] != nil || waitingItems.contains(key) }

    /// Takes stored items (a window loaded from the store) to be indexed when a new report may
    /// meet them: see `admit(matching:)`. Items already held are skipped.
    ///
    /// Why wait: a poll brings 50 reports to a window of 16,000 stored ones, and indexing all of
    /// them (600,000 band keys in a table of 16 MB) cost more than the rest of syndication. The
    /// few a new report can meet are those sharing one of its band keys, found by one pass over
    /// the held band keys.
    public func hold(_ stored: [SyndicationEntry]) {
        let bandCount = fingerprinting.bands.bands
        held.reserveCapacity(held.count + stored.count)
        heldBandKeys.reserveCapacity(heldBandKeys.count + stored.count * bandCount)
        for entry in stored where !contains(entry.key) {
            let keys = fingerprinting.bandKeys(of: entry.signature)
            guard keys.count == bandCount else {
                // No signature to meet anything by: nothing to wait for.
                insert(entry, bandKeys: keys)
                continue
            }
            waitingItems.insert(entry.key)
            heldByOrigin[entry.origin, default: []].append(held.count)
            held.append(entry)
            heldBandKeys.append(contentsOf: keys)
        }
    }

    /// Indexes the waiting items that reports with these band keys (one list per report) can
    /// meet: those sharing a key with one of them, each with the whole group of its origin, since
    /// `decide` reads a candidate's group (its credits, its origin). Call before deciding the
    /// reports. Once the reports searched for add up to a thirty-second of the waiting items, a
    /// pass costs more than indexing: every waiting item is indexed (a bulk ingest).
    public func admit(matching reports: [[UInt64]]) {
        guard !waitingItems.isEmpty else { return }
        searched += reports.count
        guard searched * 32 < waitingItems.count else {
            lsh.reserve(documents: waitingItems.count)
            entries.reserveCapacity(entries.count + waitingItems.count)
            admit(Array(heldByOrigin.keys))
            return
        }
        // The reports' keys, behind a bitmap of their low 16 bits that turns most misses away.
        var sought = Set<UInt64>()
        var bitmap = [UInt64](repeating: 0, count: 1024)
        for keys in reports {
            for key in keys {
                sought.insert(key)
                bitmap[Int(key & 0xFFFF) >> 6] |= 1 << (key & 63)
            }
        }
        guard !sought.isEmpty else { return }
        let bandCount = fingerprinting.bands.bands
        var origins: [ItemRef] = []
        for position in held.indices where waitingItems.contains(held[position].key) {
            for key in heldBandKeys[(position * bandCount)..<((position + 1) * bandCount)]
            where bitmap[Int(key & 0xFFFF) >> 6] & (1 << (key & 63)) != 0 && sought.contains(key) {
                origins.append(held[position].origin)
                break
            }
        }
        admit(origins)
    }

    /// Indexes the waiting members of these groups.
    private func admit(_ origins: [ItemRef]) {
        let bandCount = fingerprinting.bands.bands
        for origin in origins {
            guard let positions = heldByOrigin.removeValue(forKey: origin) else { continue }
            for position in positions {
                waitingItems.remove(held[position].key)
                insert(
                    held[position], bandKeys: Array(heldBandKeys[(position * bandCount)..<((position + 1) * bandCount)])
                )
            }
        }
        if waitingItems.isEmpty {
            held = []
            heldBandKeys = []
            heldByOrigin = [:]
            searched = 0
        }
    }

    /// Adds an item whose origin is already decided (a stored item, or a new one just decided).
    public func insert(_ entry: SyndicationEntry) {
        insert(entry, bandKeys: fingerprinting.bandKeys(of: entry.signature))
    }

    private func insert(_ entry: SyndicationEntry, bandKeys: [UInt64]) {
        guard slotOf[entry.key] == nil else { return }
        let slot = entries.count
        entries.append(entry)
        slotOf[entry.key] = slot
        members[entry.origin, default: []].insert(slot)
        lsh.insert(id: slot, bandKeys: bandKeys)
    }

    /// Renames a key (a new item's batch position becomes its stored id once written).
    public func rename(_ old: ItemRef, to new: ItemRef) {
        guard let slot = slotOf.removeValue(forKey: old) else { return }
        slotOf[new] = slot
        entries[slot].key = new
        if let group = members.removeValue(forKey: old) {
            for member in group { entries[member].origin = new }
            members[new, default: []].formUnion(group)
        }
    }

    /// Decides the origin of a new item and records it. `credits` are the item's own credits;
    /// `bandKeys`, when given, are the signature's (worked out ahead, off the caller's thread).
    public func decide(
        key: ItemRef, outletID: String, date: Date, signature: [UInt8], bandKeys: [UInt64]? = nil, credits: [Credit]
    ) -> SyndicationDecision {
        let credited = Set(credits.filter { $0.kind != .attribution && $0.outletID != outletID }.map(\.outletID))
        // Near-duplicates among the candidates, with the best similarity per group.
        var bestInGroup: [ItemRef: Double] = [:]
        let bandKeys = bandKeys ?? fingerprinting.bandKeys(of: signature)
        for slot in lsh.candidates(forBandKeys: bandKeys) {
            let candidate = entries[slot]
            guard let similarity = fingerprinting.nearDuplicateSimilarity(signature, candidate.signature) else {
                continue
            }
            bestInGroup[candidate.origin] = max(bestInGroup[candidate.origin] ?? 0, similarity)
        }
        let entry = SyndicationEntry(
            key: key, outletID: outletID, date: date, signature: signature, origin: key, creditedOutlets: credited)
        guard !bestInGroup.isEmpty else {
            insert(entry, bandKeys: bandKeys)
            return SyndicationDecision(
                origin: key, relation: credited.isEmpty ? .original : .derived, similarity: nil, originChanges: [])
        }
        // The group's origin: the credited outlet's item, else a wire's, else the earliest.
        let groups = Array(bestInGroup.keys)
        let groupCredits = groups.reduce(into: credited) { all, group in
            for member in members[group] ?? [] { all.formUnion(entries[member].creditedOutlets) }
        }
        let contenders = groups.compactMap { slotOf[$0].map { entries[$0] } } + [entry]
        let best = contenders.min { lhs, rhs in
            let (l, r) = (rank(lhs, credited: groupCredits), rank(rhs, credited: groupCredits))
            return l != r ? l < r : lhs.date < rhs.date
        }!
        var changes: [(from: ItemRef, to: ItemRef)] = []
        for group in groups where group != best.key {
            changes.append((from: group, to: best.key))
        }
        insert(entry, bandKeys: bandKeys)
        for change in changes { merge(change.from, into: change.to) }
        if best.key != key { merge(key, into: best.key) }
        let similarity = bestInGroup.values.max()
        return SyndicationDecision(
            origin: best.key, relation: best.key == key ? .original : .copy, similarity: similarity,
            originChanges: changes)
    }

    /// 0 for the outlet the group credits, 1 for a wire, 2 for anyone else.
    private func rank(_ entry: SyndicationEntry, credited: Set<String>) -> Int {
        if credited.contains(entry.outletID) { return 0 }
        return wires.contains(entry.outletID) ? 1 : 2
    }

    private func merge(_ group: ItemRef, into origin: ItemRef) {
        guard group != origin, let moved = members.removeValue(forKey: group) else { return }
        for member in moved { entries[member].origin = origin }
        members[origin, default: []].formUnion(moved)
    }
}
