/// A MinHash signature: `K` 32-bit values whose pairwise agreement estimates Jaccard similarity.
///
/// The signature of a text without shingles is empty (no values): it is similar to nothing and
/// yields no band keys. Values are 32 bits because that is enough: two different shingles that
/// land in one position agree by accident with probability 2⁻³², far below the estimator's own
/// noise, and the signature stays 512 bytes at `K = 128` (half of datasketch's).
public struct MinHashSignature: Sendable, Hashable {
    public let values: [UInt32]

    public init(values: [UInt32]) { self.values = values }

    /// True for the signature of a text without shingles.
    public var isEmpty: Bool { values.isEmpty }

    /// The values as little-endian bytes, 4 per value: the storage form.
    public var bytes: [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(values.count * 4)
        for value in values {
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }
        return bytes
    }

    /// Reads the storage form back.
    /// - Throws: `NearDuplicateError.malformedSignature` when the byte count is not a multiple of 4.
    public init(bytes: some Collection<UInt8>) throws(NearDuplicateError) {
        guard bytes.count % 4 == 0 else { throw .malformedSignature(byteCount: bytes.count) }
        var values = [UInt32]()
        values.reserveCapacity(bytes.count / 4)
        var value: UInt32 = 0
        for (index, byte) in bytes.enumerated() {
            value |= UInt32(byte) << (8 * UInt32(index % 4))
            if index % 4 == 3 {
                values.append(value)
                value = 0
            }
        }
        self.values = values
    }
}

/// The fraction of positions where two signatures agree: an unbiased estimate of the Jaccard
/// similarity of their shingle sets. 0 when either signature is empty.
///
/// - Precondition: both signatures come from the same `MinHasher` (same length when not empty).
public func estimatedJaccard(_ a: MinHashSignature, _ b: MinHashSignature) -> Double {
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    precondition(a.values.count == b.values.count, "signatures of different MinHashers")
    return a.values.withUnsafeBufferPointer { x in
        b.values.withUnsafeBufferPointer { y in
            Double(agreement(x.baseAddress!, y.baseAddress!, x.count)) / Double(x.count)
        }
    }
}

/// Positions where two value arrays of length `count` agree.
@inline(__always)
func agreement(_ x: UnsafePointer<UInt32>, _ y: UnsafePointer<UInt32>, _ count: Int) -> Int {
    var equal = 0
    var index = 0
    while index + 8 <= count {
        let lhs = UnsafeRawPointer(x + index).loadUnaligned(as: SIMD8<UInt32>.self)
        let rhs = UnsafeRawPointer(y + index).loadUnaligned(as: SIMD8<UInt32>.self)
        equal &+= Int(SIMD8<UInt32>(repeating: 0).replacing(with: 1, where: lhs .== rhs).wrappedSum())
        index &+= 8
    }
    while index < count {
        if x[index] == y[index] { equal &+= 1 }
        index &+= 1
    }
    return equal
}

/// Computes MinHash signatures in O(n + K) per set, not O(n·K).
///
/// **Why not classic MinHash.** Classic MinHash (datasketch's) evaluates K hash functions on every
/// shingle and keeps each one's minimum: 128 multiply-mod operations per shingle, which is where
/// the peer spends 78% of its time.
///
/// **One-permutation hashing** (Li, Owen and Zhang, 2012) hashes each shingle once, uses the top
/// bits of the hash to choose one of K bins and keeps the minimum of the low 32 bits per bin. Two
/// sets agree in a non-empty bin with probability equal to their Jaccard similarity, and the bins
/// sample the union *without* replacement, so for sets much larger than K the estimate is a little
/// better than classic MinHash's.
///
/// **Empty bins** (a set of n shingles leaves about K·e^(−n/K) of them) are filled by *optimal
/// densification* (Shrivastava, 2017): empty bin i borrows the value of bin h(i, 1), else
/// h(i, 2), … — a fixed pseudo-random probe sequence that depends only on i and the attempt, so
/// two sets that both lack bin i make the same choice whenever their bins agree. The estimator
/// stays unbiased and its variance is close to classic MinHash's J(1−J)/K even for sets smaller
/// than K (the older rotation densification correlates neighbouring bins and does worse). Cost:
/// about K/f probes per empty bin when f bins are filled; the 300-word texts of news copy fill
/// about 90% of 128 bins, so densification is a dozen probes per text.
///
/// **Accuracy, measured** (tests `estimateTracksExactJaccard` and
/// `estimateHoldsForSetsSmallerThanTheSignature`, 128 values): over 144 pairs of 150-275-word
/// texts spanning Jaccard 0…1, bias −0.001, root-mean-square error 0.029, worst error 0.10 —
/// the binomial √(J(1−J)/128) that classic MinHash has (0.044 at J = 0.5). Over 200 pairs of
/// 40-word texts (36 shingles, so about three bins in four are densified) RMS error 0.039 and
/// worst 0.11: densification costs little accuracy even there.
public struct MinHasher: Sendable, Hashable {
    /// K: values per signature (the peer's `num_perm`, default 128).
    public let numberOfPermutations: Int
    /// Chooses the hash family; signatures only compare under the same seed.
    public let seed: UInt64
    /// The seed scrambled once: what the per-shingle hash and the probes use.
    let key: UInt64

    /// The first `probeDepth` densification probes of every bin, worked out once:
    /// `probes[index * probeDepth + attempt - 1]` is the bin that attempt `attempt` of empty bin
    /// `index` borrows from. A short text leaves most bins of a signature empty, and two 128-bit
    /// products per probe were a tenth of the cost of signing it.
    let probes: [UInt16]
    /// Probes per bin in `probes`; later attempts (rare: every bin probed so far was empty) are
    /// computed.
    static let probeDepth = 16

    /// - Precondition: `numberOfPermutations >= 1`.
    public init(numberOfPermutations: Int = 128, seed: UInt64 = 0) {
        precondition(numberOfPermutations >= 1, "a signature holds at least one value")
        self.numberOfPermutations = numberOfPermutations
        self.seed = seed
        let key = StableHash.mix(seed, seed: StableHash.p4)
        self.key = key
        var probes: [UInt16] = []
        // Bin numbers fit 16 bits up to 65,536 bins; a larger signature computes every probe.
        let tabled = numberOfPermutations <= 1 << 16 ? numberOfPermutations : 0
        probes.reserveCapacity(tabled * Self.probeDepth)
        for index in 0..<tabled {
            for attempt in 1...Self.probeDepth {
                probes.append(
                    UInt16(Self.probe(index: index, attempt: UInt64(attempt), key: key, count: numberOfPermutations)))
            }
        }
        self.probes = probes
    }

    /// The bin that attempt `attempt` (from 1) of empty bin `index` borrows from.
    @inline(__always)
    static func probe(index: Int, attempt: UInt64, key: UInt64, count: Int) -> Int {
        let probe = StableHash.mix(UInt64(index) << 32 | attempt, seed: key)
        return Int(truncatingIfNeeded: probe.multipliedFullWidth(by: UInt64(count)).high)
    }

    // The probe table follows from the other two: equality and hashing leave it out.
    public static func == (lhs: MinHasher, rhs: MinHasher) -> Bool {
        lhs.numberOfPermutations == rhs.numberOfPermutations && lhs.seed == rhs.seed
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(numberOfPermutations)
        hasher.combine(seed)
    }

    /// The signature of a set of shingle hashes (repetitions do not matter).
    public func signature(of shingleHashes: some Sequence<UInt64>) -> MinHashSignature {
        var bins = [UInt64](repeating: .max, count: numberOfPermutations)
        bins.withUnsafeMutableBufferPointer { bins in
            for shingle in shingleHashes { add(shingle, to: bins.baseAddress!) }
        }
        return signature(ofBins: bins)
    }

    /// Keeps `shingle` in its bin if it is the bin's smallest so far. `bins` holds K values,
    /// `UInt64.max` for an empty bin.
    @inline(__always)
    func add(_ shingle: UInt64, to bins: UnsafeMutablePointer<UInt64>) {
        // The shingle hash is already well mixed; one folded product decorrelates it from the seed.
        let hashed = StableHash.fold(shingle ^ key, StableHash.p2)
        let bin = Int(truncatingIfNeeded: hashed.multipliedFullWidth(by: UInt64(numberOfPermutations)).high)
        let value = hashed & 0xFFFF_FFFF
        bins[bin] = min(bins[bin], value)
    }

    /// The densified signature of filled bins.
    func signature(ofBins bins: [UInt64]) -> MinHashSignature {
        let count = numberOfPermutations
        var filled = 0
        for value in bins where value != .max { filled += 1 }
        guard filled > 0 else { return MinHashSignature(values: []) }
        let depth = probes.isEmpty ? 0 : Self.probeDepth
        let values = [UInt32](unsafeUninitializedCapacity: count) { values, initialized in
            bins.withUnsafeBufferPointer { bins in
                probes.withUnsafeBufferPointer { probes in
                    for index in 0..<count {
                        var value = bins[index]
                        var attempt = 1
                        while value == .max {
                            let bin =
                                attempt <= depth
                                ? Int(probes[index &* depth &+ attempt &- 1])
                                : Self.probe(index: index, attempt: UInt64(attempt), key: key, count: count)
                            value = bins[bin]
                            attempt += 1
                        }
                        values[index] = UInt32(truncatingIfNeeded: value)
                    }
                }
            }
            initialized = count
        }
        return MinHashSignature(values: values)
    }
}
