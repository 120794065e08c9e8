/// A document already seen whose estimated similarity to a new one reaches the threshold.
public struct NearDuplicateMatch: Sendable, Hashable {
    /// The earlier document's id: its position in the order of `add` calls.
    public let id: Int
    /// Estimated Jaccard similarity of the two documents' shingles.
    public let similarity: Double

    public init(id: Int, similarity: Double) {
        self.id = id
        self.similarity = similarity
    }
}

/// Finds near-duplicates as documents arrive: each new document is compared only with its LSH
/// candidates (the documents sharing a band key with it), never with every earlier one.
///
/// A candidate is a match when the estimated Jaccard similarity of the two signatures reaches the
/// threshold, as the peer verifies. Ids are positions in the order of `add` calls, from 0; a
/// caller with its own keys keeps an array from position to key. Memory per document: its
/// signature (4·K bytes) and about 40 bytes per band (an 8-byte entry and a share of the index's
/// 16-byte slots, which it keeps under 60% full): about 1.5 KB with the standard settings.
public struct NearDuplicateDetector: Sendable {
    public let configuration: NearDuplicateConfiguration
    private var index: LSHIndex
    /// Signatures one after another, K values each; an empty signature is K zeros, marked in
    /// `emptyDocuments`.
    private var values: [UInt32] = []
    private var emptyDocuments: Set<Int> = []
    private var builder: SignatureBuilder
    /// Documents added.
    public private(set) var count = 0

    public init(configuration: NearDuplicateConfiguration = .standard, expectedCount: Int = 0) {
        self.configuration = configuration
        index = LSHIndex(bands: configuration.bands, expectedCount: expectedCount)
        builder = SignatureBuilder(configuration: configuration)
        values.reserveCapacity(expectedCount * configuration.minHasher.numberOfPermutations)
    }

    /// Adds a text; returns the earlier documents it nearly duplicates, most similar first.
    public mutating func add(_ text: String) -> [NearDuplicateMatch] {
        add(builder.signature(of: text))
    }

    /// Adds a document by its signature (computed earlier, or read from a store).
    /// - Precondition: the signature comes from `configuration` (K values, or none).
    public mutating func add(_ signature: MinHashSignature) -> [NearDuplicateMatch] {
        let permutations = configuration.minHasher.numberOfPermutations
        if signature.isEmpty {
            emptyDocuments.insert(count)
            values.append(contentsOf: repeatElement(0, count: permutations))
            count += 1
            return []
        }
        let keys = configuration.bands.keys(of: signature)
        let found = matches(for: signature, bandKeys: keys)
        values.append(contentsOf: signature.values)
        index.insert(id: count, bandKeys: keys)
        count += 1
        return found
    }

    /// The documents already added that `signature` nearly duplicates, most similar first,
    /// without adding it.
    public func matches(for signature: MinHashSignature) -> [NearDuplicateMatch] {
        guard !signature.isEmpty else { return [] }
        return matches(for: signature, bandKeys: configuration.bands.keys(of: signature))
    }

    private func matches(for signature: MinHashSignature, bandKeys: [UInt64]) -> [NearDuplicateMatch] {
        let permutations = configuration.minHasher.numberOfPermutations
        precondition(signature.values.count == permutations, "signature of another configuration")
        let threshold = configuration.threshold
        var found: [NearDuplicateMatch] = []
        signature.values.withUnsafeBufferPointer { mine in
            values.withUnsafeBufferPointer { all in
                for id in index.candidates(forBandKeys: bandKeys) {
                    let agreeing = agreement(mine.baseAddress!, all.baseAddress! + id * permutations, permutations)
                    let similarity = Double(agreeing) / Double(permutations)
                    if similarity >= threshold { found.append(NearDuplicateMatch(id: id, similarity: similarity)) }
                }
            }
        }
        found.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.id < $1.id }
        return found
    }

    /// The signature of document `id`.
    public func signature(ofDocument id: Int) -> MinHashSignature {
        precondition(id >= 0 && id < count, "no document \(id)")
        if emptyDocuments.contains(id) { return MinHashSignature(values: []) }
        let permutations = configuration.minHasher.numberOfPermutations
        return MinHashSignature(values: Array(values[id * permutations..<(id + 1) * permutations]))
    }
}

/// Two documents that share a band key, `first < second`.
public struct CandidatePair: Sendable, Hashable {
    public let first: Int
    public let second: Int

    public init(_ first: Int, _ second: Int) {
        self.first = min(first, second)
        self.second = max(first, second)
    }
}

/// Near-duplicate groups of a batch: the connected components of the verified candidate pairs.
///
/// Connected components, as the peer computes them, are transitive: A~B and B~C put A and C in
/// one group even if A and C are below the threshold. For syndicated copies of one wire story
/// that is the intended answer.
public struct NearDuplicateGroups: Sendable {
    /// For each document, the smallest id in its group (its own id when it has no duplicate).
    public let labels: [Int]
    /// Distinct candidate pairs the LSH index produced.
    public let candidatePairs: Int
    /// Candidate pairs whose estimated similarity reached the threshold.
    public let verifiedPairs: Int

    /// Groups `signatures` (document ids are their positions) with `configuration`.
    public init(signatures: [MinHashSignature], configuration: NearDuplicateConfiguration) {
        let pairs = Self.candidatePairs(among: signatures, bands: configuration.bands)
        self.init(signatures: signatures, candidatePairs: pairs, threshold: configuration.threshold)
    }

    /// Groups from candidate pairs already found: each pair is verified by estimated Jaccard.
    public init(signatures: [MinHashSignature], candidatePairs pairs: [CandidatePair], threshold: Double) {
        var groups = UnionFind(count: signatures.count)
        var verified = 0
        for pair in pairs where estimatedJaccard(signatures[pair.first], signatures[pair.second]) >= threshold {
            verified += 1
            groups.union(pair.first, pair.second)
        }
        labels = (0..<signatures.count).map { groups.find($0) }
        candidatePairs = pairs.count
        verifiedPairs = verified
    }

    /// Groups of `count` documents from pairs already known to be near-duplicates (the matches
    /// of a `NearDuplicateDetector`, or pairs read back from a store).
    public init(count: Int, duplicatePairs pairs: [CandidatePair]) {
        var groups = UnionFind(count: count)
        for pair in pairs { groups.union(pair.first, pair.second) }
        labels = (0..<count).map { groups.find($0) }
        candidatePairs = pairs.count
        verifiedPairs = pairs.count
    }

    /// Every pair of documents that share a band key, each once, in increasing order.
    public static func candidatePairs(among signatures: [MinHashSignature], bands: LSHBands) -> [CandidatePair] {
        var index = LSHIndex(bands: bands, expectedCount: signatures.count)
        var pairs: [CandidatePair] = []
        // Ids that share a key with the current document repeat once per shared band; a stamp per
        // id keeps the first.
        var stamp = [Int](repeating: -1, count: signatures.count)
        for (id, signature) in signatures.enumerated() where !signature.isEmpty {
            let keys = bands.keys(of: signature)
            index.forEachCandidate(keys) { other in
                if stamp[other] != id {
                    stamp[other] = id
                    pairs.append(CandidatePair(other, id))
                }
            }
            index.insert(id: id, bandKeys: keys)
        }
        pairs.sort { $0.first != $1.first ? $0.first < $1.first : $0.second < $1.second }
        return pairs
    }

    /// Number of groups, singletons included.
    public var groupCount: Int {
        var count = 0
        for (id, label) in labels.enumerated() where id == label { count += 1 }
        return count
    }

    /// The groups of two or more documents, each in increasing id order, ordered by first id.
    public var duplicateGroups: [[Int]] {
        var members: [Int: [Int]] = [:]
        for (id, label) in labels.enumerated() { members[label, default: []].append(id) }
        return members.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }
}

/// Disjoint sets with path halving; the root of a set is its smallest element, so labels are
/// stable and readable (the earliest document of a group).
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ element: Int) -> Int {
        var element = element
        while parent[element] != element {
            parent[element] = parent[parent[element]]
            element = parent[element]
        }
        return element
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (rootA, rootB) = (find(a), find(b))
        if rootA < rootB {
            parent[rootB] = rootA
        } else if rootB < rootA {
            parent[rootA] = rootB
        }
    }
}
