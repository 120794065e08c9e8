/// An article as the story clusterer read it, in a form that outlives the clusterer: its distinct
/// terms by stem key with their counts, the days its lead names and the gazetteer entities it
/// names.
///
/// Why: the story stage runs once per poll, and a clusterer lives only as long as the run. To
/// place a new report it must first hold the reports of the last 72 hours; reading and
/// tokenizing their texts again took nine tenths of a 50-item poll into a store of a million
/// items. With their features stored when they were placed, a run seeds the clusterer with them
/// (`StoryClusterer.seed(_:id:title:published:outlet:story:)`) and reads no text.
///
/// Terms are named by 32-bit stem keys, not numbers, since a clusterer numbers terms in the order
/// it meets them. Counts, not weights, are kept: the clusterer works the weights out from them
/// exactly as it does for a report it reads.
public struct StoryFeatures: Sendable, Hashable {
    /// The stem keys of the article's distinct terms.
    public var terms: [UInt32]
    /// Each term's script, as the clusterer counts it (0 Latin, 1 Cyrillic, 2 other).
    public var scripts: [UInt8]
    /// How often each term occurs in the article's title and text.
    public var counts: [UInt16]
    /// The days (UTC day numbers) its lead dates the event on.
    public var days: [Int32]
    /// The stem keys of the gazetteer entities its title and lead name.
    public var entities: [UInt32]

    public init(terms: [UInt32], scripts: [UInt8], counts: [UInt16], days: [Int32], entities: [UInt32]) {
        precondition(terms.count == scripts.count && terms.count == counts.count, "one script and count per term")
        self.terms = terms
        self.scripts = scripts
        self.counts = counts
        self.days = days
        self.entities = entities
    }

    /// The format of `bytes`; a stored form of another version is not read (the stage then reads
    /// the item's text instead).
    static let formatVersion: UInt8 = 1

    /// The storage form: a version byte, three counts, then the arrays, little-endian (seven bytes
    /// a term).
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(13 + terms.count * 7 + days.count * 4 + entities.count * 4)
        bytes.append(Self.formatVersion)
        func append<Value: FixedWidthInteger>(_ value: Value) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        append(UInt32(terms.count))
        append(UInt32(days.count))
        append(UInt32(entities.count))
        for term in terms { append(term) }
        bytes.append(contentsOf: scripts)
        for count in counts { append(count) }
        for day in days { append(day) }
        for entity in entities { append(entity) }
        return bytes
    }

    /// Reads the storage form back; nil when `bytes` is not one (another version, or cut short).
    /// A run reads one per report of the window (some 16,000 in a busy 72 hours): the arrays
    /// are copied whole, not value by value.
    public init?(bytes: [UInt8]) {
        var reader = FeatureReader(bytes)
        guard reader.byte() == Self.formatVersion, let termCount = reader.count(), let dayCount = reader.count(),
            let entityCount = reader.count(), let terms = reader.array(termCount, of: UInt32.self),
            let scripts = reader.array(termCount, of: UInt8.self),
            let counts = reader.array(termCount, of: UInt16.self),
            let days = reader.array(dayCount, of: Int32.self),
            let entities = reader.array(entityCount, of: UInt32.self),
            reader.isAtEnd, scripts.allSatisfy({ $0 < UInt8(Script.allCases.count) })
        else { return nil }
        self.init(terms: terms, scripts: scripts, counts: counts, days: days, entities: entities)
    }
}

/// Reads the little-endian storage form of `StoryFeatures`, refusing to read past its end.
private struct FeatureReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A 32-bit count, nil when cut short or larger than what is left could hold.
    mutating func count() -> Int? {
        guard let values = array(1, of: UInt32.self), Int(values[0]) <= bytes.count else { return nil }
        return Int(values[0])
    }

    mutating func array<Value: FixedWidthInteger>(_ count: Int, of _: Value.Type) -> [Value]? {
        let length = count * MemoryLayout<Value>.size
        guard length <= bytes.count - offset else { return nil }
        let values = [Value](unsafeUninitializedCapacity: count) { values, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(values).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + length]))
            }
            initialized = count
        }
        offset += length
        #if _endian(little)
            return values
        #else
            return values.map { Value(littleEndian: $0) }
        #endif
    }
}
