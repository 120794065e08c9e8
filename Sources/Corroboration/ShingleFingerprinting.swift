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

    /// Values per signature: the whole text's, then the lead's.
    private var fullCount: Int { configuration.minHasher.numberOfPermutations }
    private var valueCount: Int { fullCount + leadConfiguration.minHasher.numberOfPermutations }

    /// The signature as stored: the low 16 bits of each value, little-endian. Two unrelated values
    /// agree by chance once in 65,536, which moves an estimated similarity by less than 0.0001,
    /// and the signature, and the syndication index holding one per item, take half the room.
    /// Signatures stored before with whole 32-bit values are read as their low halves, so the
    /// same text gets the same band keys and similarities from either form.
    public func signature(of text: String) -> [UInt8] {
        let full = configuration.signature(of: text)
        guard !full.isEmpty else { return [] }
        let lead = leadConfiguration.signature(of: Self.lead(of: text, words: leadWords))
        var bytes = [UInt8]()
        bytes.reserveCapacity((full.values.count + lead.values.count) * 2)
        for value in full.values + lead.values {
            bytes.append(UInt8(truncatingIfNeeded: value))
            bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        }
        return bytes
    }

    /// Bytes per value of a stored signature: 2, or 4 for one stored before values were cut to
    /// 16 bits; nil when it is not a signature of this fingerprinting (empty, or another size).
    private func width(of signature: [UInt8]) -> Int? {
        switch signature.count {
        case valueCount * 2 where valueCount > 0: 2
        case valueCount * 4 where valueCount > 0: 4
        default: nil
        }
    }

    /// The whole texts' similarity when it reaches the threshold; else the leads' when they are
    /// the same lead (similarity at least the lead threshold); else nil.
    public func nearDuplicateSimilarity(_ a: [UInt8], _ b: [UInt8]) -> Double? {
        guard let widthA = width(of: a), let widthB = width(of: b) else { return nil }
        let full = Self.agreement(a, widthA, b, widthB, values: 0..<fullCount)
        if full >= configuration.threshold { return full }
        let lead = Self.agreement(a, widthA, b, widthB, values: fullCount..<valueCount)
        return lead >= leadConfiguration.threshold ? lead : nil
    }

    public func bandKeys(of signature: [UInt8]) -> [UInt64] {
        guard let width = width(of: signature) else { return [] }
        let values = signature.withUnsafeBytes { raw in
            (0..<valueCount).map { UInt32(Self.value($0, width: width, in: raw)) }
        }
        let full = MinHashSignature(values: Array(values[..<fullCount]))
        let lead = MinHashSignature(values: Array(values[fullCount...]))
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

    /// Value `index` of a stored signature, 16 bits whichever width it was stored in.
    @inline(__always)
    private static func value(_ index: Int, width: Int, in raw: UnsafeRawBufferPointer) -> UInt16 {
        // Little-endian: a 32-bit value's low half is its first two bytes.
        UInt16(raw[index * width]) | UInt16(raw[index * width + 1]) << 8
    }

    /// The fraction of agreeing values in a range, read straight from the stored bytes.
    private static func agreement(
        _ a: [UInt8], _ widthA: Int, _ b: [UInt8], _ widthB: Int, values range: Range<Int>
    ) -> Double {
        guard !range.isEmpty else { return 0 }
        let equal = a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                var equal = 0
                for index in range where value(index, width: widthA, in: x) == value(index, width: widthB, in: y) {
                    equal += 1
                }
                return equal
            }
        }
        return Double(equal) / Double(range.count)
    }
}
