import NearDuplicates

/// Syndication's near-duplicate engine: MinHash over word 5-shingles with LSH banding
/// (`NearDuplicates`), at the benchmark-tuned threshold of 0.5. Signatures are stored as bytes,
/// so a store keeps them and a later run compares new items with stored ones.
public struct ShingleFingerprinting: TextFingerprinting {
    public let configuration: NearDuplicateConfiguration

    public init(configuration: NearDuplicateConfiguration = .standard) {
        self.configuration = configuration
    }

    public var threshold: Double { configuration.threshold }

    public var bands: LSHBands { configuration.bands }

    public func signature(of text: String) -> [UInt8] {
        configuration.signature(of: text).bytes
    }

    /// The fraction of agreeing values, read straight from the stored bytes (4 per value) so
    /// that comparing with a candidate allocates nothing. 0 for empty or mismatched signatures.
    public func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        guard !a.isEmpty, a.count == b.count, a.count % 4 == 0 else { return 0 }
        let count = a.count / 4
        let equal = a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                var equal = 0
                for index in 0..<count {
                    let offset = index * 4
                    if x.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                        == y.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                    {
                        equal += 1
                    }
                }
                return equal
            }
        }
        return Double(equal) / Double(count)
    }

    public func bandKeys(of signature: [UInt8]) -> [UInt64] {
        guard !signature.isEmpty, signature.count % 4 == 0 else { return [] }
        // Decoded here, with a concrete type, rather than through the generic byte initializer.
        let values = signature.withUnsafeBytes { raw in
            (0..<signature.count / 4).map {
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))
            }
        }
        return configuration.bandKeys(of: MinHashSignature(values: values))
    }
}
