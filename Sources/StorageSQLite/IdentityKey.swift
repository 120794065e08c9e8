import Foundation

/// What the `identity` column holds for an item stored from schema v7 on: a 16-byte key made from
/// the item's identity (`Report.identity`, its id and link), in place of the identity itself.
///
/// The identity repeats the `sourceID` and `link` columns (about 200 bytes an item), and the
/// unique index on outlet and identity held it once more, in random order: in the 1,000-feed
/// ingest the two came to 9% of the store, and the index was the writer's costliest after the
/// items themselves. Items stored before keep their text identity; look-ups ask for both forms.
///
/// Two 64-bit lanes of multiply-and-fold hashing (the construction of NearDuplicates'
/// `StableHash`, which this module does not depend on) over the identity's UTF-8 bytes read as
/// little-endian 64-bit words, the length mixed in last. 128 bits: two identities of one outlet
/// meeting by chance is out of the question at any number of items. The values are part of the
/// storage format: the tests pin some; changing a constant strands every key stored.
enum IdentityKey {
    static let seeds: (UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344)
    static let p0: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let p1: UInt64 = 0xBF58_476D_1CE4_E5B9
    static let p2: UInt64 = 0x94D0_49BB_1331_11EB
    static let p3: UInt64 = 0xFF51_AFD7_ED55_8CCD

    @inline(__always)
    static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// The key of `identity`, appended to `out` as 16 bytes.
    static func append(_ identity: String, to out: inout [UInt8]) {
        var identity = identity
        let (a, b) = identity.withUTF8 { bytes in lanes(UnsafeRawBufferPointer(bytes)) }
        withUnsafeBytes(of: a.littleEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: b.littleEndian) { out.append(contentsOf: $0) }
    }

    /// The key of `identity` as a value to bind or compare.
    static func data(_ identity: String) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        append(identity, to: &bytes)
        return Data(bytes)
    }

    static func lanes(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var a = seeds.0
        var b = seeds.1
        var offset = 0
        while offset < bytes.count {
            let word: UInt64
            if bytes.count - offset >= 8 {
                word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            } else {
                var tail: UInt64 = 0
                for index in offset..<bytes.count {
                    tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset))
                }
                word = tail
            }
            a = fold(a ^ word, p0)
            b = fold(b ^ word, p1 ^ a)
            offset += 8
        }
        let length = UInt64(bytes.count)
        return (fold(a ^ length, p2), fold(b ^ length, p3 ^ a))
    }
}
