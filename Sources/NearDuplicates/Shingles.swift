/// Word k-shingles of a text, each hashed to 64 bits.
///
/// A shingle is `k` consecutive words (from `WordTokenizer`); a text with fewer than `k` words has
/// one shingle, all its words; a text without words has none. This is the peer's definition
/// (`' '.join(w[j:j + k])`), except that the peer gives a wordless text the one empty shingle,
/// which would make every two empty texts duplicates of each other.
///
/// The hash of a shingle is computed from the hashes of its words, not from its joined text:
/// each word is hashed once (`StableHash` over its lowercased UTF-8 bytes), and a window of `m`
/// word hashes `t₀ … tₘ₋₁` has the polynomial value `R = Σ tᵢ·Bᵐ⁻¹⁻ⁱ mod 2⁶⁴`, scrambled with
/// `m` as the seed. Sliding the window costs two multiplications whatever `k` is. Words never
/// contain a space, so two shingles with the same joined text have the same words and the same
/// hash; two different shingles collide with probability about 2⁻⁶⁴ (the polynomial is a
/// bijection in each word hash, and `B` is odd).
public struct Shingler: Sendable, Hashable {
    /// Words per shingle (the peer's `k`, default 5).
    public let size: Int

    /// - Precondition: `size >= 1`.
    public init(size: Int = 5) {
        precondition(size >= 1, "a shingle holds at least one word")
        self.size = size
    }

    /// The shingle hashes of `text`, in text order (repeated shingles repeat).
    public func hashes(of text: String) -> [UInt64] {
        var text = text
        return text.withUTF8 { hashes(ofUTF8Parts: [$0]) }
    }

    /// The shingle hashes of the UTF-8 `parts` read as one text with a space between parts
    /// (`title + " " + body` without building it).
    public func hashes(ofUTF8Parts parts: [UnsafeBufferPointer<UInt8>]) -> [UInt64] {
        var result: [UInt64] = []
        var scratch = [UInt8](
            repeating: 0, count: WordScanner.scratchCapacity(forBytes: parts.map(\.count).max() ?? 0))
        var ring = [UInt64](repeating: 0, count: size)
        ring.withUnsafeMutableBufferPointer { ring in
            scratch.withUnsafeMutableBufferPointer { scratch in
                let base = scratch.baseAddress!
                var roller = ShingleRoller(size: size, ring: ring.baseAddress!)
                for part in parts {
                    WordScanner.scan(part, scratch: base) { length in
                        let word = StableHash.hash(base: base, count: length, seed: 0, slack: true)
                        if let shingle = roller.push(word) { result.append(shingle) }
                    }
                }
                if let shingle = roller.finish() { result.append(shingle) }
            }
        }
        return result
    }
}

/// The sliding window of word hashes behind `Shingler` and `SignatureBuilder`.
struct ShingleRoller {
    /// The polynomial base: odd, so multiplying by it is a bijection modulo 2⁶⁴.
    static let base: UInt64 = StableHash.p1

    let size: Int
    /// `base` to the power `size`: the weight of the word that leaves the window.
    let leaving: UInt64
    /// The last `size` word hashes, oldest at `slot` once the window is full.
    let ring: UnsafeMutablePointer<UInt64>
    var slot = 0
    var count = 0
    var rolling: UInt64 = 0

    init(size: Int, ring: UnsafeMutablePointer<UInt64>) {
        self.size = size
        self.ring = ring
        var power: UInt64 = 1
        for _ in 0..<size { power = power &* Self.base }
        leaving = power
    }

    /// Adds the next word; returns the hash of the shingle it completes, if any.
    @inline(__always)
    mutating func push(_ word: UInt64) -> UInt64? {
        rolling = rolling &* Self.base &+ word
        if count >= size { rolling &-= ring[slot] &* leaving }
        ring[slot] = word
        slot &+= 1
        if slot == size { slot = 0 }
        count &+= 1
        return count >= size ? StableHash.mix(rolling, seed: UInt64(size)) : nil
    }

    /// The one shingle of a text shorter than `size` words (nil otherwise, or for no words).
    func finish() -> UInt64? {
        count > 0 && count < size ? StableHash.mix(rolling, seed: UInt64(count)) : nil
    }
}

/// A set of shingle hashes, sorted, for the exact Jaccard similarity.
///
/// Exact Jaccard is what MinHash estimates; it is cheap for two texts at hand (a merge of two
/// sorted arrays) and serves to verify a candidate pair when the shingles are still around.
public struct ShingleSet: Sendable, Hashable {
    /// Distinct shingle hashes in increasing order.
    public let hashes: [UInt64]

    public init(_ hashes: some Sequence<UInt64>) {
        var sorted = Array(hashes)
        sorted.sort()
        var unique = 0
        for index in sorted.indices where index == 0 || sorted[index] != sorted[unique - 1] {
            sorted[unique] = sorted[index]
            unique += 1
        }
        sorted.removeLast(sorted.count - unique)
        self.hashes = sorted
    }

    public var count: Int { hashes.count }
    public var isEmpty: Bool { hashes.isEmpty }
}

/// |A ∩ B| / |A ∪ B| of two shingle sets; 0 when both are empty (a text without words duplicates
/// nothing).
public func exactJaccard(_ a: ShingleSet, _ b: ShingleSet) -> Double {
    let (x, y) = (a.hashes, b.hashes)
    guard !x.isEmpty || !y.isEmpty else { return 0 }
    var i = 0
    var j = 0
    var common = 0
    while i < x.count && j < y.count {
        if x[i] == y[j] {
            common += 1
            i += 1
            j += 1
        } else if x[i] < y[j] {
            i += 1
        } else {
            j += 1
        }
    }
    return Double(common) / Double(x.count + y.count - common)
}
