/// One article's claims as weighted term vectors in a single flat layout: claim `i` owns
/// `ids[starts[i]..<starts[i + 1]]` and the weights beside them. Built once per article, so that
/// aligning it with each of its story's other reports costs no vectorizing and no allocation.
public struct AlignableClaims: Sendable, Hashable {
    public private(set) var ids: [TermID] = []
    public private(set) var weights: [Float] = []
    public private(set) var starts: [Int32] = [0]

    public init() {}

    public init(_ vectors: [ClaimVector]) {
        ids.reserveCapacity(vectors.reduce(0) { $0 + $1.ids.count })
        weights.reserveCapacity(ids.capacity)
        starts.reserveCapacity(vectors.count + 1)
        for vector in vectors { append(vector) }
    }

    /// An article's claims weighted by `weights` (sublinear TF times IDF times boost), each
    /// scaled to unit length.
    public init(_ terms: ArticleTerms, weights: TermWeights) {
        ids = terms.ids
        self.weights = [Float](repeating: 0, count: terms.ids.count)
        starts = terms.starts
        for index in terms.ids.indices {
            self.weights[index] = TermWeights.termFrequency(terms.counts[index]) * weights.factor(terms.ids[index])
        }
        for claim in 0..<terms.count {
            TermWeights.normalize(&self.weights[Int(starts[claim])..<Int(starts[claim + 1])])
        }
    }

    /// Number of claims.
    public var count: Int { starts.count - 1 }

    public mutating func append(_ vector: ClaimVector) {
        ids.append(contentsOf: vector.ids)
        weights.append(contentsOf: vector.weights)
        starts.append(Int32(ids.count))
    }

    /// Claim `index` as a vector of its own.
    public subscript(index: Int) -> ClaimVector {
        let range = Int(starts[index])..<Int(starts[index + 1])
        return ClaimVector(ids: Array(ids[range]), weights: Array(weights[range]))
    }
}

/// A claim of article A lined up with its counterpart in article B.
public struct ClaimAlignment: Sendable, Hashable {
    /// Claim positions in `AlignableClaims` of A and of B.
    public var a: Int
    public var b: Int
    public var similarity: Double

    public init(a: Int, b: Int, similarity: Double) {
        self.a = a
        self.b = b
        self.similarity = similarity
    }
}

/// Lines up the claims of two reports: each claim of A is matched to its most similar claim of B
/// (`ClaimSimilarity`'s cosine) and kept when the similarity reaches `threshold`.
///
/// B's terms go into an inverted index once per pair, and each claim of A walks only the
/// postings of its own terms, so the cost follows the terms the two articles share rather than
/// claims times claims times terms. The index lives in a reusable `Workspace` indexed by term
/// id: aligning allocates nothing once the workspace has grown to the vocabulary.
public struct ClaimAligner: Sendable {
    /// Tuned on the dev corpus of the peer benchmark (`corroborate-bench align`), maximising
    /// alignment F1; the 100k test corpus was scored with it unchanged.
    public static let defaultThreshold = 0.5

    public var threshold: Double

    public init(threshold: Double = ClaimAligner.defaultThreshold) {
        self.threshold = threshold
    }

    /// Scratch memory for aligning, kept between calls.
    public struct Workspace: Sendable {
        /// First posting of each term id, -1 when B lacks the term.
        var head: [Int32] = []
        var next: [Int32] = []
        var postingClaim: [Int32] = []
        var postingWeight: [Float] = []
        var scores: [Float] = []

        public init() {}
    }

    /// The claims of A with their counterparts in B at or above the threshold.
    public func align(_ a: AlignableClaims, _ b: AlignableClaims) -> [ClaimAlignment] {
        var workspace = Workspace()
        var result: [ClaimAlignment] = []
        align(a, b, workspace: &workspace, into: &result)
        return result
    }

    /// `align(_:_:)` into `alignments` (cleared first), with reusable scratch memory.
    public func align(
        _ a: AlignableClaims, _ b: AlignableClaims, workspace: inout Workspace, into alignments: inout [ClaimAlignment]
    ) {
        alignments.removeAll(keepingCapacity: true)
        let threshold = Float(self.threshold)
        bestMatches(a, b, workspace: &workspace) { claimA, claimB, score in
            if score >= threshold && score > 0 {
                alignments.append(ClaimAlignment(a: claimA, b: claimB, similarity: Double(score)))
            }
        }
    }

    /// Calls `body(claimOfA, bestClaimOfB, similarity)` for every claim of A, whatever its
    /// similarity (the best claim is the first of the highest; 0 with similarity 0 when nothing is
    /// shared): for callers that apply thresholds of their own, such as tuning.
    public func bestMatches(
        _ a: AlignableClaims, _ b: AlignableClaims, workspace: inout Workspace,
        _ body: (Int, Int, Float) -> Void
    ) {
        guard a.count > 0, b.count > 0 else { return }
        index(b, into: &workspace)
        let count = b.count
        a.ids.withUnsafeBufferPointer { idsA in
            a.weights.withUnsafeBufferPointer { weightsA in
                workspace.head.withUnsafeBufferPointer { head in
                    workspace.next.withUnsafeBufferPointer { next in
                        workspace.postingClaim.withUnsafeBufferPointer { claims in
                            workspace.postingWeight.withUnsafeBufferPointer { weights in
                                workspace.scores.withUnsafeMutableBufferPointer { scores in
                                    for claim in 0..<a.count {
                                        for index in 0..<count { scores[index] = 0 }
                                        for term in Int(a.starts[claim])..<Int(a.starts[claim + 1]) {
                                            let id = Int(idsA[term])
                                            guard id < head.count else { continue }
                                            let weight = weightsA[term]
                                            var posting = Int(head[id])
                                            while posting >= 0 {
                                                scores[Int(claims[posting])] += weight * weights[posting]
                                                posting = Int(next[posting])
                                            }
                                        }
                                        var best = 0
                                        var bestScore: Float = scores[0]
                                        for index in 1..<count where scores[index] > bestScore {
                                            best = index
                                            bestScore = scores[index]
                                        }
                                        body(claim, best, min(bestScore, 1))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        unindex(b, from: &workspace)
    }

    /// Postings of B's terms, newest first, headed by term id.
    private func index(_ b: AlignableClaims, into workspace: inout Workspace) {
        if let largest = b.ids.max(), Int(largest) >= workspace.head.count {
            let size = max(Int(largest) + 1, workspace.head.count * 2)
            workspace.head.append(contentsOf: repeatElement(-1, count: size - workspace.head.count))
        }
        let postings = b.ids.count
        if workspace.next.count < postings {
            workspace.next = [Int32](repeating: 0, count: postings)
            workspace.postingClaim = [Int32](repeating: 0, count: postings)
            workspace.postingWeight = [Float](repeating: 0, count: postings)
        }
        if workspace.scores.count < b.count { workspace.scores = [Float](repeating: 0, count: b.count) }
        for claim in 0..<b.count {
            for posting in Int(b.starts[claim])..<Int(b.starts[claim + 1]) {
                let id = Int(b.ids[posting])
                workspace.next[posting] = workspace.head[id]
                workspace.postingClaim[posting] = Int32(claim)
                workspace.postingWeight[posting] = b.weights[posting]
                workspace.head[id] = Int32(posting)
            }
        }
    }

    private func unindex(_ b: AlignableClaims, from workspace: inout Workspace) {
        for id in b.ids { workspace.head[Int(id)] = -1 }
    }
}
