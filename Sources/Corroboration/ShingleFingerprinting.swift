import NearDuplicates

/// Syndication's near-duplicate engine: MinHash over word 5-shingles with LSH banding
/// (`NearDuplicates`).
///
/// Two signatures per text, stored together as one opaque byte string: one of the whole text
/// (128 values; a near-duplicate at Jaccard 0.5 or more, the benchmark-tuned threshold), and one
/// of its lead, the title and first words, thirty in all (64 values; a match at 0.6 or more). The lead
/// signature finds the reprints that whole-text similarity misses: a teaser that carries only a
/// wire story's first paragraph, a copy trimmed to its first few, an item whose feed adds a
/// long content to the wire's summary. Independent reports of one event do not share a lead
/// word for word; copies do.
public struct ShingleFingerprinting: TextFingerprinting {
    public let configuration: NearDuplicateConfiguration
    public let leadConfiguration: NearDuplicateConfiguration
    /// Words of a text's start that make its lead.
    public let leadWords: Int

    public init(
        configuration: NearDuplicateConfiguration = .standard,
        leadConfiguration: NearDuplicateConfiguration = ShingleFingerprinting.standardLead, leadWords: Int = 30
    ) {
        self.configuration = configuration
        self.leadConfiguration = leadConfiguration
        self.leadWords = leadWords
    }

    public static let standardLead = try! NearDuplicateConfiguration(threshold: 0.6, numberOfPermutations: 64)

    public var bands: LSHBands {
        LSHBands(bands: configuration.bands.bands + leadConfiguration.bands.bands, rows: 1)
    }

    private var fullLength: Int { configuration.minHasher.numberOfPermutations * 4 }

    public func signature(of text: String) -> [UInt8] {
        let full = configuration.signature(of: text)
        guard !full.isEmpty else { return [] }
        let lead = leadConfiguration.signature(of: Self.lead(of: text, words: leadWords))
        return full.bytes + lead.bytes
    }

    /// The whole texts' similarity when it reaches the threshold; else the leads' when they are
    /// the same lead (similarity at least the lead threshold); else nil.
    public func nearDuplicateSimilarity(_ a: [UInt8], _ b: [UInt8]) -> Double? {
        guard a.count == b.count, a.count > fullLength else { return nil }
        let full = Self.agreement(a, b, from: 0, count: fullLength)
        if full >= configuration.threshold { return full }
        let lead = Self.agreement(a, b, from: fullLength, count: a.count - fullLength)
        return lead >= leadConfiguration.threshold ? lead : nil
    }

    public func bandKeys(of signature: [UInt8]) -> [UInt64] {
        guard signature.count > fullLength, signature.count % 4 == 0 else { return [] }
        let full = Self.values(signature, from: 0, count: fullLength)
        let lead = Self.values(signature, from: fullLength, count: signature.count - fullLength)
        // The lead's keys are salted so that they never meet the whole text's keys.
        return configuration.bandKeys(of: full)
            + leadConfiguration.bandKeys(of: lead).map { $0 ^ 0x6C65_6164_5F6B_6579 }
    }

    /// The first `words` words of `text`, from its start (the title) on. Read as UTF-8 bytes: an
    /// ASCII letter or digit, or any byte of a non-ASCII character, is part of a word (close
    /// enough to the tokenizer's rule for cutting a lead, and it runs on every item).
    static func lead(of text: String, words: Int) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var count = 0
            var inWord = false
            for (offset, byte) in bytes.enumerated() {
                let isWordByte =
                    byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                if isWordByte && !inWord {
                    count += 1
                    if count > words {
                        return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<offset]), as: UTF8.self)
                    }
                }
                inWord = isWordByte
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private static func values(_ bytes: [UInt8], from start: Int, count: Int) -> MinHashSignature {
        // Decoded here, with a concrete type, rather than through the generic byte initializer.
        let values = bytes.withUnsafeBytes { raw in
            (0..<count / 4).map {
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + $0 * 4, as: UInt32.self))
            }
        }
        return MinHashSignature(values: values)
    }

    /// The fraction of agreeing 4-byte values in a byte range, read straight from the stored bytes.
    private static func agreement(_ a: [UInt8], _ b: [UInt8], from start: Int, count: Int) -> Double {
        guard count > 0 else { return 0 }
        let equal = a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                var equal = 0
                var offset = start
                while offset < start + count {
                    if x.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                        == y.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                    {
                        equal += 1
                    }
                    offset += 4
                }
                return equal
            }
        }
        return Double(equal) / Double(count / 4)
    }
}
