/// Why a near-duplicate setting or a stored signature was refused. Each case names the value at
/// fault and the range that would be accepted.
public enum NearDuplicateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Jaccard threshold is outside 0...1 (or not a number).
    case thresholdOutOfRange(Double)
    /// Shingles hold at least one word.
    case shingleSizeOutOfRange(Int)
    /// Signatures hold 1...4096 values.
    case permutationCountOutOfRange(Int)
    /// The banding uses more values than a signature has.
    case bandingTooWide(bands: Int, rows: Int, permutations: Int)
    /// Stored signature bytes are not a whole number of 32-bit values.
    case malformedSignature(byteCount: Int)

    public var description: String {
        switch self {
        case .thresholdOutOfRange(let value):
            return
                "Jaccard threshold \(value) is outside 0...1 (0.5 finds syndicated copies; 0.8 only near-verbatim ones)"
        case .shingleSizeOutOfRange(let value):
            return "shingle size \(value) is not a positive number of words (5 is usual)"
        case .permutationCountOutOfRange(let value):
            return "signature size \(value) is outside 1...4096 (128 is usual)"
        case .bandingTooWide(let bands, let rows, let permutations):
            return "\(bands) bands of \(rows) rows need \(bands * rows) values; signatures have \(permutations)"
        case .malformedSignature(let count):
            return "stored signature of \(count) bytes is not a whole number of 4-byte values; recompute it"
        }
    }
}

/// Everything that decides which texts are near-duplicates: shingle size, signature size and
/// seed, threshold and banding. Signatures and band keys only compare under equal settings, so a
/// store should record the configuration next to them.
public struct NearDuplicateConfiguration: Sendable, Hashable {
    /// Minimum Jaccard similarity of word shingles for two texts to count as near-duplicates.
    public let threshold: Double
    public let shingler: Shingler
    public let minHasher: MinHasher
    public let bands: LSHBands

    /// The peer's settings: threshold 0.5, word 5-shingles, 128 values, 25 bands of 5 rows.
    public static let standard = try! NearDuplicateConfiguration()

    /// - Parameters:
    ///   - threshold: minimum Jaccard similarity, 0...1. Syndicated copies in the benchmark
    ///     corpora sit above 0.9 and independent reports of one event below 0.1; 0.5 is tuned.
    ///   - shingleSize: words per shingle.
    ///   - numberOfPermutations: values per signature; the estimate's standard error is about
    ///     √(J(1−J)/K).
    ///   - bands: the LSH banding; by default `LSHBands.optimal` for the threshold.
    ///   - seed: the MinHash family; keep the default unless signatures must not be comparable.
    /// - Throws: `NearDuplicateError` naming the value out of range.
    public init(
        threshold: Double = 0.5, shingleSize: Int = 5, numberOfPermutations: Int = 128,
        bands: LSHBands? = nil, seed: UInt64 = 0
    ) throws(NearDuplicateError) {
        guard (0...1).contains(threshold) else { throw .thresholdOutOfRange(threshold) }
        guard shingleSize >= 1 else { throw .shingleSizeOutOfRange(shingleSize) }
        guard (1...4096).contains(numberOfPermutations) else {
            throw .permutationCountOutOfRange(numberOfPermutations)
        }
        let banding = bands ?? LSHBands.optimal(threshold: threshold, numberOfPermutations: numberOfPermutations)
        guard banding.bands * banding.rows <= numberOfPermutations else {
            throw .bandingTooWide(bands: banding.bands, rows: banding.rows, permutations: numberOfPermutations)
        }
        self.threshold = threshold
        shingler = Shingler(size: shingleSize)
        minHasher = MinHasher(numberOfPermutations: numberOfPermutations, seed: seed)
        self.bands = banding
    }

    /// The signature of `text` (for many texts, reuse a `SignatureBuilder`).
    public func signature(of text: String) -> MinHashSignature {
        var builder = SignatureBuilder(configuration: self)
        return builder.signature(of: text)
    }

    /// The LSH band keys of a signature, to store and index.
    public func bandKeys(of signature: MinHashSignature) -> [UInt64] { bands.keys(of: signature) }
}

/// Turns texts into signatures in one pass — words, shingles and MinHash bins without
/// intermediate arrays — reusing its buffers from one text to the next.
///
/// The result equals `minHasher.signature(of: shingler.hashes(of: text))`, only faster. A builder
/// is a value: give each thread its own.
public struct SignatureBuilder: Sendable {
    public let shingler: Shingler
    public let minHasher: MinHasher
    private var scratch: [UInt8] = []
    private var ring: [UInt64]
    private var bins: [UInt64]

    public init(configuration: NearDuplicateConfiguration) {
        self.init(shingler: configuration.shingler, minHasher: configuration.minHasher)
    }

    public init(shingler: Shingler, minHasher: MinHasher) {
        self.shingler = shingler
        self.minHasher = minHasher
        ring = [UInt64](repeating: 0, count: shingler.size)
        bins = [UInt64](repeating: .max, count: minHasher.numberOfPermutations)
    }

    public mutating func signature(of text: String) -> MinHashSignature {
        var text = text
        return text.withUTF8 { signature(ofUTF8Parts: [$0]) }
    }

    /// The signature of the UTF-8 `parts` read as one text with a space between parts: a title
    /// and a body give the shingles of `title + " " + body`, including those across the seam.
    public mutating func signature(ofUTF8Parts parts: [UnsafeBufferPointer<UInt8>]) -> MinHashSignature {
        var longest = 0
        for part in parts { longest = max(longest, part.count) }
        let needed = WordScanner.scratchCapacity(forBytes: longest)
        if scratch.count < needed { scratch = [UInt8](repeating: 0, count: max(needed, scratch.count * 2)) }
        let hasher = minHasher
        let size = shingler.size
        scratch.withUnsafeMutableBufferPointer { scratch in
            ring.withUnsafeMutableBufferPointer { ring in
                bins.withUnsafeMutableBufferPointer { bins in
                    let base = scratch.baseAddress!
                    let binBase = bins.baseAddress!
                    binBase.update(repeating: .max, count: bins.count)
                    var roller = ShingleRoller(size: size, ring: ring.baseAddress!)
                    for part in parts {
                        WordScanner.scan(part, scratch: base) { length in
                            let word = StableHash.hash(base: base, count: length, seed: 0, slack: true)
                            if let shingle = roller.push(word) { hasher.add(shingle, to: binBase) }
                        }
                    }
                    if let shingle = roller.finish() { hasher.add(shingle, to: binBase) }
                }
            }
        }
        return minHasher.signature(ofBins: bins)
    }
}
