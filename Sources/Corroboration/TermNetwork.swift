import Foundation

/// A softmax over one hidden layer of rectified units that reads two kinds of input: the
/// standardized agreement features (`AgreementFeatures.names`, then `AgreementFeatures.cueNames`)
/// and bags of hashed words (the body's, and its nearest sentences'). The bags let the model learn which
/// words in a body go with agreeing, refuting or merely reporting, which the fixed word lists of
/// the features only approximate.
///
/// The word weights are stored as 8-bit integers with one scale per hashed bucket: a few hundred
/// kilobytes in the binary instead of a few megabytes, at no measurable cost in accuracy.
public struct TermNetwork: Sendable {
    /// Buckets per bag: a word's 32-bit hash modulo this.
    public let buckets: Int
    /// How many bags the inputs hold, in `AgreementFeatures.bags` order.
    public let bags: Int
    public let units: Int
    public let means: [Double]
    public let scales: [Double]
    /// `bags * buckets` rows of `units` values, row by row.
    public let termWeights: [Float]
    /// `means.count` rows of `units` values.
    public let featureWeights: [Float]
    public let hiddenBias: [Float]
    /// One row per class: `units` weights, then the bias.
    public let output: [[Double]]

    public init(
        buckets: Int, bags: Int, units: Int, means: [Double], scales: [Double], termWeights: [Float],
        featureWeights: [Float], hiddenBias: [Float], output: [[Double]]
    ) {
        precondition(termWeights.count == bags * buckets * units, "term weights do not match the shape")
        precondition(featureWeights.count == means.count * units, "feature weights do not match the shape")
        self.buckets = buckets
        self.bags = bags
        self.units = units
        self.means = means
        self.scales = scales
        self.termWeights = termWeights
        self.featureWeights = featureWeights
        self.hiddenBias = hiddenBias
        self.output = output
    }

    /// The input row of a hashed word in bag `bag`.
    @inline(__always) public func row(bag: Int, hash: UInt32) -> Int { bag * buckets + Int(hash % UInt32(buckets)) }

    /// The class probabilities for a pair's features and bags.
    public func probabilities(features: [Double], bags input: [[UInt32: Float]]) -> [Double] {
        precondition(
            features.count == means.count, "the network reads \(means.count) features, given \(features.count)")
        var hidden = hiddenBias
        hidden.withUnsafeMutableBufferPointer { hidden in
            featureWeights.withUnsafeBufferPointer { weights in
                for index in features.indices {
                    let x = Float((features[index] - means[index]) / scales[index])
                    let base = index * units
                    for unit in 0..<units { hidden[unit] += x * weights[base + unit] }
                }
            }
            termWeights.withUnsafeBufferPointer { weights in
                for (bag, terms) in input.enumerated() where bag < bags {
                    for (hash, value) in terms {
                        let base = row(bag: bag, hash: hash) * units
                        for unit in 0..<units { hidden[unit] += value * weights[base + unit] }
                    }
                }
            }
        }
        var logits = output.map { row -> Double in
            var sum = row[units]
            for unit in 0..<units where hidden[unit] > 0 { sum += row[unit] * Double(hidden[unit]) }
            return sum
        }
        let top = logits.max() ?? 0
        for index in logits.indices { logits[index] = exp(logits[index] - top) }
        let total = logits.reduce(0, +)
        return logits.map { $0 / total }
    }

    /// The term weights as base64 of one little-endian Float32 scale per row followed by the
    /// rows' signed bytes (value = byte * scale): what `init(packedTerms:)` reads.
    public var packedTerms: String {
        let rows = bags * buckets
        var bytes = [UInt8]()
        bytes.reserveCapacity(rows * 4 + termWeights.count)
        var quantized = [UInt8]()
        quantized.reserveCapacity(termWeights.count)
        for rowIndex in 0..<rows {
            let values = termWeights[(rowIndex * units)..<((rowIndex + 1) * units)]
            let largest = values.map { abs($0) }.max() ?? 0
            let scale = largest > 0 ? largest / 127 : 0
            withUnsafeBytes(of: scale.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            for value in values {
                let level = scale > 0 ? Int8(max(-127, min(127, (value / scale).rounded()))) : 0
                quantized.append(UInt8(bitPattern: level))
            }
        }
        return Data(bytes + quantized).base64EncodedString()
    }

    /// Term weights from `packedTerms`'s form for `bags * buckets` rows of `units`.
    public static func unpackTerms(_ packed: String, rows: Int, units: Int) -> [Float] {
        guard let data = Data(base64Encoded: packed), data.count == rows * (4 + units) else {
            preconditionFailure("packed term weights do not match \(rows) rows of \(units)")
        }
        let bytes = [UInt8](data)
        var weights = [Float](repeating: 0, count: rows * units)
        for rowIndex in 0..<rows {
            var bits: UInt32 = 0
            for shift in 0..<4 { bits |= UInt32(bytes[rowIndex * 4 + shift]) << (8 * shift) }
            let scale = Float(bitPattern: bits)
            let base = rows * 4 + rowIndex * units
            for unit in 0..<units {
                weights[rowIndex * units + unit] = Float(Int8(bitPattern: bytes[base + unit])) * scale
            }
        }
        return weights
    }
}
