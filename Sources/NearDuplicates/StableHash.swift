/// Seedless, platform-independent 64-bit hashing for words, shingles, signatures and band keys.
///
/// Why not `Hasher`: Swift seeds it per process, and these values are stored (signatures and band
/// keys go into the database and must mean the same thing tomorrow, on another machine). Why not a
/// cryptographic hash: a shingle costs one multiplication here; SHA-1 would cost more than the
/// whole rest of the pipeline.
///
/// The construction follows the "multiply, fold the 128-bit product" idea of wyhash and similar
/// hashes: input words are XORed with constants, multiplied to a 128-bit product, and the high and
/// low halves are XORed together. Bytes are read as little-endian 64-bit words, so the values are
/// the same on every platform. The values of this type are part of the storage format: changing
/// a constant or the byte order invalidates every stored signature (the tests pin a few values).
public enum StableHash {
    /// Odd 64-bit constants with well-spread bits (the golden ratio, and constants from the
    /// SplitMix64 and Murmur3 finalizers).
    @usableFromInline static let p0: UInt64 = 0x9E37_79B9_7F4A_7C15
    @usableFromInline static let p1: UInt64 = 0xBF58_476D_1CE4_E5B9
    @usableFromInline static let p2: UInt64 = 0x94D0_49BB_1331_11EB
    @usableFromInline static let p3: UInt64 = 0xFF51_AFD7_ED55_8CCD
    @usableFromInline static let p4: UInt64 = 0xC4CE_B9FE_1A85_EC53

    /// Folded 128-bit product: the building block of every hash here.
    @inlinable @inline(__always)
    static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// A 64-bit hash of `value` under `seed`: a strong scramble for an already hashed value
    /// (shingle hashes into MinHash positions, band contents into band keys).
    @inlinable @inline(__always)
    public static func mix(_ value: UInt64, seed: UInt64 = 0) -> UInt64 {
        fold(value ^ seed ^ p0, fold(value ^ p1, seed ^ p2) ^ p3)
    }

    /// The hash of a byte string. Words are hashed as their lowercased UTF-8 bytes.
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        guard let base = bytes.baseAddress else { return hash(base: nil, count: 0, seed: seed, slack: false) }
        return hash(base: base, count: bytes.count, seed: seed, slack: false)
    }

    /// The hash of a string's UTF-8 bytes (not lowercased: see `WordTokenizer` for words).
    public static func hash(_ string: String, seed: UInt64 = 0) -> UInt64 {
        var string = string
        return string.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// The hash of `count` bytes at `base`. With `slack`, the caller guarantees that 16 bytes from
    /// `base` and 8 bytes past the end are readable and initialized, so short inputs and tails are
    /// read as masked words instead of byte by byte; both ways give the same value.
    @inline(__always)
    static func hash(base: UnsafeRawPointer?, count: Int, seed: UInt64, slack: Bool) -> UInt64 {
        var state = seed ^ p0
        // Words are short: with slack, up to 16 bytes are two masked loads and no branch on length.
        if slack, count <= 16, let base {
            let lowCount = UInt64(min(count, 8)) &* 8
            let highCount = UInt64(max(count &- 8, 0)) &* 8
            let low = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)) & mask(bits: lowCount)
            let high =
                UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & mask(bits: highCount)
            state = fold(low ^ p1, high ^ state ^ p2)
            return fold(state ^ p3, UInt64(truncatingIfNeeded: count) ^ p4)
        }
        var offset = 0
        if let base {
            while count - offset > 16 {
                let first = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let second = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                state = fold(first ^ p1, second ^ state)
                offset += 16
            }
        }
        // The last 0...16 bytes, as two little-endian words padded with zeros.
        var low: UInt64 = 0
        var high: UInt64 = 0
        let rest = count - offset
        if let base, rest > 0 {
            if rest > 8 {
                low = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                high = tail(base + offset + 8, rest - 8, slack: slack)
            } else {
                low = tail(base + offset, rest, slack: slack)
            }
        }
        state = fold(low ^ p1, high ^ state ^ p2)
        return fold(state ^ p3, UInt64(truncatingIfNeeded: count) ^ p4)
    }

    /// The low `bits` bits set (0...64).
    @inline(__always)
    private static func mask(bits: UInt64) -> UInt64 {
        bits >= 64 ? .max : (1 &<< bits) &- 1
    }

    /// 1...8 bytes as a little-endian word padded with zeros.
    @inline(__always)
    private static func tail(_ pointer: UnsafeRawPointer, _ count: Int, slack: Bool) -> UInt64 {
        if slack || count == 8 {
            let word = UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self))
            return count == 8 ? word : word & ((1 << UInt64(count &* 8)) &- 1)
        }
        var word: UInt64 = 0
        for index in 0..<count {
            word |= UInt64(pointer.load(fromByteOffset: index, as: UInt8.self)) << UInt64(index &* 8)
        }
        return word
    }
}
