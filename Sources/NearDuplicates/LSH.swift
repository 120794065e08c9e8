// Finds the C library's `pow` without Foundation.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// LSH banding of MinHash signatures: `bands` groups of `rows` consecutive values.
///
/// Two signatures become candidates when all the values of at least one band agree, which
/// happens with probability `1 − (1 − sʳ)ᵇ` for Jaccard similarity `s`: an S-curve that is near 0
/// well below the threshold and near 1 well above it. Each band is summarised by one 64-bit key,
/// so a store can index the keys in one column and find candidates with one lookup per band.
public struct LSHBands: Sendable, Hashable {
    public let bands: Int
    public let rows: Int

    /// - Precondition: `bands >= 1`, `rows >= 1`.
    public init(bands: Int, rows: Int) {
        precondition(bands >= 1 && rows >= 1, "at least one band of at least one row")
        self.bands = bands
        self.rows = rows
    }

    /// The banding that minimises the weighted sum of the false-positive area (the probability
    /// of becoming candidates, integrated over similarities below `threshold`) and the
    /// false-negative area (the probability of not becoming candidates, integrated above it),
    /// over every `bands × rows <= numberOfPermutations`. This is datasketch's rule, so the same
    /// threshold gives the same banding (0.5 and 128 values: 25 bands of 5 rows).
    ///
    /// - Precondition: `threshold` in 0...1, `numberOfPermutations >= 1`.
    public static func optimal(
        threshold: Double, numberOfPermutations: Int,
        falsePositiveWeight: Double = 0.5, falseNegativeWeight: Double = 0.5
    ) -> LSHBands {
        precondition((0...1).contains(threshold), "a Jaccard threshold lies in 0...1")
        precondition(numberOfPermutations >= 1, "a signature holds at least one value")
        // Both areas of every banding, by rows then bands: for a fixed row count, (1 - s^r)^b for
        // each band count is one multiplication more than for the band count before, so the
        // whole search costs one `pow` per row count and grid point (it ran at every start-up,
        // and a `pow` per banding and point took 9 ms).
        let permutations = numberOfPermutations
        var error = [[Double]](repeating: [], count: permutations + 1)
        for rows in 1...permutations {
            let maximumBands = permutations / rows
            var falsePositive = [Double](repeating: 0, count: maximumBands + 1)
            var falseNegative = [Double](repeating: 0, count: maximumBands + 1)
            // P(candidates) = 1 - (1 - s^r)^b below the threshold; 1 - P = (1 - s^r)^b above it.
            simpson(from: 0, to: threshold) { similarity, weight in
                let miss = 1 - pow(similarity, Double(rows))
                var missAll = 1.0
                for bands in 1...maximumBands {
                    missAll *= miss
                    falsePositive[bands] += weight * (1 - missAll)
                }
            }
            simpson(from: threshold, to: 1) { similarity, weight in
                let miss = 1 - pow(similarity, Double(rows))
                var missAll = 1.0
                for bands in 1...maximumBands {
                    missAll *= miss
                    falseNegative[bands] += weight * missAll
                }
            }
            error[rows] = (0...maximumBands).map {
                falsePositiveWeight * falsePositive[$0] + falseNegativeWeight * falseNegative[$0]
            }
        }
        // The first best in the order bands, then rows, as datasketch scans them.
        var best = LSHBands(bands: 1, rows: 1)
        var bestError = Double.infinity
        for bands in 1...permutations {
            for rows in 1...(permutations / bands) where error[rows][bands] < bestError {
                bestError = error[rows][bands]
                best = LSHBands(bands: bands, rows: rows)
            }
        }
        return best
    }

    /// The probability that two signatures of Jaccard similarity `similarity` share a band key.
    public func candidateProbability(similarity: Double) -> Double {
        1 - pow(1 - pow(similarity, Double(rows)), Double(bands))
    }

    /// One key per band: a hash of the band's values and its position, so keys of different
    /// bands never meet in one index. Empty for the empty signature.
    ///
    /// - Precondition: the signature has at least `bands × rows` values (or none).
    public func keys(of signature: MinHashSignature) -> [UInt64] {
        guard !signature.isEmpty else { return [] }
        precondition(signature.values.count >= bands * rows, "signature shorter than bands × rows")
        return signature.values.withUnsafeBufferPointer { values in
            [UInt64](unsafeUninitializedCapacity: bands) { keys, initialized in
                for band in 0..<bands { keys[band] = key(values.baseAddress! + band * rows, band: band) }
                initialized = bands
            }
        }
    }

    /// The key of the band whose `rows` values start at `values`.
    @inline(__always)
    func key(_ values: UnsafePointer<UInt32>, band: Int) -> UInt64 {
        var state = StableHash.mix(UInt64(band) | UInt64(rows) << 32, seed: StableHash.p3)
        var row = 0
        while row + 1 < rows {
            let pair = UInt64(values[row]) | UInt64(values[row + 1]) << 32
            state = StableHash.fold(state ^ pair, StableHash.p1)
            row += 2
        }
        if row < rows { state = StableHash.fold(state ^ UInt64(values[row]), StableHash.p1) }
        return StableHash.mix(state, seed: StableHash.p4)
    }

    /// Simpson's rule over 128 intervals: calls `point` with each grid point and its weight, the
    /// integral being the sum of weight × f(point). The integrands are smooth, and the choice
    /// only has to agree with datasketch's to the third decimal.
    private static func simpson(from start: Double, to end: Double, _ point: (Double, Double) -> Void) {
        let intervals = 128
        let step = (end - start) / Double(intervals)
        guard step > 0 else { return }
        for index in 0...intervals {
            let factor: Double = index == 0 || index == intervals ? 1 : (index % 2 == 1 ? 4 : 2)
            point(start + Double(index) * step, factor * step / 3)
        }
    }
}

/// An in-memory LSH index: documents by band key, for batch use and for the incremental
/// detector.
///
/// Why not `[UInt64: [Int]]`: at 100,000 documents × 25 bands that is 2.5 million keys, almost
/// all held by one document, and an array per key costs more than the key. Here one
/// open-addressing table (linear probing, at most 60% full) maps a key to the newest entry
/// holding it, and entries form per-key chains in two flat arrays: 16 bytes per table slot (key
/// and chain head side by side, so a lookup touches one cache line) and 8 per (document, band).
public struct LSHIndex: Sendable {
    /// The table: one packed `UInt64` per slot, the key's high half above the entry number + 1 of
    /// the newest entry holding the key (0: empty). Eight bytes a slot instead of sixteen for a
    /// full key and a head: at 50,000 items of 37 bands the table was half the ingest's heap.
    ///
    /// Only the key's high half is kept, and it also picks the slot, so the table can grow
    /// without the low half. Two keys that differ only in their low half share a chain: a
    /// document may come back as a candidate it is not, about once in four billion look-ups,
    /// and callers check every candidate's signature anyway.
    private var slots: [UInt64]
    public let bands: LSHBands
    /// Document id of each entry.
    private var entryIDs: [UInt32] = []
    /// Entry number + 1 of the next older entry with the same key; 0 at the end of a chain.
    private var entryNext: [UInt32] = []
    private var occupied = 0
    /// Documents inserted.
    public private(set) var count = 0

    /// - Parameter expectedCount: documents expected, to size the table once.
    public init(bands: LSHBands, expectedCount: Int = 0) {
        self.bands = bands
        var capacity = 1024
        while Double(capacity) * 0.6 < Double(expectedCount * bands.bands) { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        entryIDs.reserveCapacity(expectedCount * bands.bands)
        entryNext.reserveCapacity(expectedCount * bands.bands)
    }

    /// Makes room for `documents` more documents at once, so that loading a known number of them
    /// sizes the table once instead of doubling it (and copying it) along the way.
    public mutating func reserve(documents: Int) {
        let entries = entryIDs.count + documents * bands.bands
        var capacity = slots.count
        while Double(capacity) * 0.6 < Double(entries) { capacity *= 2 }
        if capacity > slots.count { rehash(capacity: capacity) }
        entryIDs.reserveCapacity(entries)
        entryNext.reserveCapacity(entries)
    }

    /// Indexes document `id` under the band keys of `signature` (an empty one is not indexed).
    /// - Precondition: `0 <= id < 2³²`; ids need not be dense or ordered.
    public mutating func insert(id: Int, signature: MinHashSignature) {
        insert(id: id, bandKeys: bands.keys(of: signature))
    }

    /// Indexes document `id` under precomputed band keys (as read back from a store).
    public mutating func insert(id: Int, bandKeys: [UInt64]) {
        precondition(id >= 0 && id <= Int(UInt32.max), "LSHIndex ids are 32-bit")
        precondition(entryIDs.count + bandKeys.count < Int(UInt32.max), "LSHIndex holds at most 2³² - 1 entries")
        count += 1
        for key in bandKeys {
            if (occupied + 1) * 5 > slots.count * 3 { grow() }
            entryIDs.append(UInt32(id))
            let entry = UInt64(entryIDs.count)
            let tag = Self.tag(of: key)
            slots.withUnsafeMutableBufferPointer { slots in
                let slot = Self.find(tag, in: UnsafeBufferPointer(slots))
                let head = slots[slot] & Self.headMask
                if head == 0 { occupied += 1 }
                entryNext.append(UInt32(head))
                slots[slot] = tag << 32 | entry
            }
        }
    }

    /// Ids of the documents sharing at least one band key with `signature`, increasing.
    public func candidates(for signature: MinHashSignature) -> [Int] {
        candidates(forBandKeys: bands.keys(of: signature))
    }

    /// Ids of the documents holding at least one of `bandKeys`, increasing.
    public func candidates(forBandKeys bandKeys: [UInt64]) -> [Int] {
        var found: [Int] = []
        forEachCandidate(bandKeys) { found.append($0) }
        guard found.count > 1 else { return found }
        found.sort()
        var unique = 1
        for index in 1..<found.count where found[index] != found[unique - 1] {
            found[unique] = found[index]
            unique += 1
        }
        found.removeLast(found.count - unique)
        return found
    }

    /// Calls `body` with the id of every entry under each key; an id repeats once per shared band.
    @inline(__always)
    func forEachCandidate(_ bandKeys: [UInt64], _ body: (Int) -> Void) {
        slots.withUnsafeBufferPointer { slots in
            entryIDs.withUnsafeBufferPointer { ids in
                entryNext.withUnsafeBufferPointer { next in
                    for key in bandKeys {
                        var entry = UInt32(truncatingIfNeeded: slots[Self.find(Self.tag(of: key), in: slots)])
                        while entry != 0 {
                            body(Int(ids[Int(entry) &- 1]))
                            entry = next[Int(entry) &- 1]
                        }
                    }
                }
            }
        }
    }

    private static let headMask: UInt64 = 0xFFFF_FFFF

    /// The part of a key the table keeps. Keys are hash outputs: any half of one is uniform.
    @inline(__always)
    private static func tag(of key: UInt64) -> UInt64 { key >> 32 }

    /// The slot holding `tag`, or the empty slot where it would go.
    @inline(__always)
    private static func find(_ tag: UInt64, in slots: UnsafeBufferPointer<UInt64>) -> Int {
        let mask = slots.count &- 1
        var slot = Int(truncatingIfNeeded: tag) & mask
        while true {
            let packed = slots[slot]
            if packed & headMask == 0 || packed >> 32 == tag { return slot }
            slot = (slot &+ 1) & mask
        }
    }

    private mutating func grow() { rehash(capacity: slots.count * 2) }

    private mutating func rehash(capacity: Int) {
        let old = slots
        slots = [UInt64](repeating: 0, count: capacity)
        slots.withUnsafeMutableBufferPointer { slots in
            for packed in old where packed & Self.headMask != 0 {
                slots[Self.find(packed >> 32, in: UnsafeBufferPointer(slots))] = packed
            }
        }
    }
}
