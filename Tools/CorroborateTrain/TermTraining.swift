import Corroboration
import Foundation

/// Fitting a `TermNetwork`: minibatch Adam over a hidden layer of rectified units with dropout,
/// where the word inputs are sparse (a body touches a few hundred of the tens of thousands of
/// rows), so only the rows a batch touched are read and updated ("lazy" Adam). Seeded: the same
/// data and settings give the same weights.
enum TermTraining {
    struct Settings {
        var buckets = 4096
        var units = 32
        var epochs = 6
        var rate: Float = 0.001
        /// Decoupled weight decay per step, times the rate.
        var decay: Float = 0.01
        var dropout: Float = 0.3
        var batch = 64
        /// Class weights are (pairs / pairs of the class) to this power: 0.75 finds more of the
        /// rare disagree class (F1 0.16 -> 0.21 over the topic folds) for 0.15 points of FNC score.
        var classPower = 0.75
        /// Smaller starting values for word rows than for feature rows: a word is one of hundreds.
        var termInit: Float = 0.01
        /// A word row is learned only when it occurs in pairs of at least this many topics: words
        /// of one story ("Kim Jong-un", "Ebola") would teach that story's labels, not a stance.
        var minTopics = 10
        /// Where the starting weights and dropout masks come from.
        var seed: UInt64 = 0x7E_4E75

        /// The defaults, overridden by `TERM_BUCKETS`, `TERM_UNITS`, `TERM_EPOCHS`, `TERM_RATE`,
        /// `TERM_DECAY`, `TERM_DROPOUT`, `TERM_POWER`, `TERM_MINTOPICS`, `TERM_SEED` when set (for
        /// trying settings by hand).
        static var fromEnvironment: Settings {
            var settings = Settings()
            let environment = ProcessInfo.processInfo.environment
            if let value = environment["TERM_BUCKETS"].flatMap(Int.init) { settings.buckets = value }
            if let value = environment["TERM_UNITS"].flatMap(Int.init) { settings.units = value }
            if let value = environment["TERM_EPOCHS"].flatMap(Int.init) { settings.epochs = value }
            if let value = environment["TERM_RATE"].flatMap(Float.init) { settings.rate = value }
            if let value = environment["TERM_DECAY"].flatMap(Float.init) { settings.decay = value }
            if let value = environment["TERM_DROPOUT"].flatMap(Float.init) { settings.dropout = value }
            if let value = environment["TERM_POWER"].flatMap(Double.init) { settings.classPower = value }
            if let value = environment["TERM_MINTOPICS"].flatMap(Int.init) { settings.minTopics = value }
            if let value = environment["TERM_SEED"].flatMap(UInt64.init) { settings.seed = value }
            return settings
        }
    }

    /// Fits on raw feature rows (standardized here), their bags and labels; `report` sees the
    /// network after every epoch.
    static func fit(
        features raw: [[Double]], bags: [[[UInt32: Float]]], labels: [Int], topics: [String], classes: Int,
        settings: Settings,
        report: (Int, TermNetwork) -> Void = { _, _ in }
    ) -> TermNetwork {
        let (means, scales) = Fitting.standardization(raw)
        let width = means.count
        let units = settings.units
        let bagCount = AgreementFeatures.bagCount
        let rows = bagCount * settings.buckets
        let count = raw.count

        // The rows met in enough topics.
        var topicsOfRow = [Set<String>](repeating: [], count: rows)
        for example in 0..<count {
            for (bag, terms) in bags[example].enumerated() {
                for hash in terms.keys {
                    topicsOfRow[bag * settings.buckets + Int(hash % UInt32(settings.buckets))].insert(topics[example])
                }
            }
        }
        let learned = topicsOfRow.map { $0.count >= settings.minTopics }

        // The examples flattened: standardized features, then (row, value) lists.
        var dense = [Float](repeating: 0, count: count * width)
        var offsets = [0]
        var termRows: [Int32] = []
        var termValues: [Float] = []
        for example in 0..<count {
            for index in 0..<width {
                dense[example * width + index] = Float((raw[example][index] - means[index]) / scales[index])
            }
            var merged: [Int: Float] = [:]
            for (bag, terms) in bags[example].enumerated() {
                for (hash, value) in terms {
                    merged[bag * settings.buckets + Int(hash % UInt32(settings.buckets)), default: 0] += value
                }
            }
            for (row, value) in merged.sorted(by: { $0.key < $1.key }) where learned[row] {
                termRows.append(Int32(row))
                termValues.append(value)
            }
            offsets.append(termRows.count)
        }

        var classCounts = [Double](repeating: 0, count: classes)
        for label in labels { classCounts[label] += 1 }
        var classWeights = classCounts.map { $0 > 0 ? pow(Double(count) / $0, settings.classPower) : 0 }
        let average = labels.reduce(0.0) { $0 + classWeights[$1] } / Double(max(1, count))
        classWeights = classWeights.map { $0 / average }

        var generator = Fitting.SeededGenerator(seed: settings.seed)
        func uniform(_ bound: Float) -> Float { Float.random(in: -bound...bound, using: &generator) }
        var termWeights = (0..<(rows * units)).map { learned[$0 / units] ? uniform(settings.termInit) : 0 }
        var featureWeights = (0..<(width * units)).map { _ in uniform(1 / Float(width).squareRoot()) }
        var hiddenBias = [Float](repeating: 0.01, count: units)
        var outputWeights = (0..<(classes * units)).map { _ in uniform(1 / Float(units).squareRoot()) }
        var outputBias = [Float](repeating: 0, count: classes)

        var termMoments = Moments(count: rows * units)
        var featureMoments = Moments(count: width * units)
        var hiddenBiasMoments = Moments(count: units)
        var outputMoments = Moments(count: classes * units)
        var outputBiasMoments = Moments(count: classes)

        var termGradient = [Float](repeating: 0, count: rows * units)
        var touched = [Bool](repeating: false, count: rows)
        var touchedRows: [Int] = []
        var featureGradient = [Float](repeating: 0, count: width * units)
        var hiddenBiasGradient = [Float](repeating: 0, count: units)
        var outputGradient = [Float](repeating: 0, count: classes * units)
        var outputBiasGradient = [Float](repeating: 0, count: classes)

        var hidden = [Float](repeating: 0, count: units)
        var mask = [Float](repeating: 1, count: units)
        var delta = [Float](repeating: 0, count: units)
        var logits = [Float](repeating: 0, count: classes)
        var order = Array(0..<count)
        var step = 0
        let keep = 1 - settings.dropout

        func network() -> TermNetwork {
            TermNetwork(
                buckets: settings.buckets, bags: bagCount, units: units, means: means, scales: scales,
                termWeights: termWeights, featureWeights: featureWeights, hiddenBias: hiddenBias,
                output: (0..<classes).map { c in
                    (0..<units).map { Double(outputWeights[c * units + $0]) } + [Double(outputBias[c])]
                })
        }

        for epoch in 1...settings.epochs {
            order.shuffle(using: &generator)
            var start = 0
            while start < count {
                let batch = order[start..<min(count, start + settings.batch)]
                start += settings.batch
                let share = 1 / Float(batch.count)
                for example in batch {
                    // Forward.
                    for unit in 0..<units { hidden[unit] = hiddenBias[unit] }
                    for index in 0..<width {
                        let x = dense[example * width + index]
                        if x == 0 { continue }
                        let base = index * units
                        for unit in 0..<units { hidden[unit] += x * featureWeights[base + unit] }
                    }
                    for position in offsets[example]..<offsets[example + 1] {
                        let base = Int(termRows[position]) * units
                        let value = termValues[position]
                        for unit in 0..<units { hidden[unit] += value * termWeights[base + unit] }
                    }
                    for unit in 0..<units {
                        mask[unit] = Float.random(in: 0..<1, using: &generator) < keep ? 1 / keep : 0
                        hidden[unit] = max(0, hidden[unit]) * mask[unit]
                    }
                    var top = -Float.infinity
                    for c in 0..<classes {
                        var sum = outputBias[c]
                        for unit in 0..<units { sum += outputWeights[c * units + unit] * hidden[unit] }
                        logits[c] = sum
                        top = max(top, sum)
                    }
                    var total: Float = 0
                    for c in 0..<classes {
                        logits[c] = exp(logits[c] - top)
                        total += logits[c]
                    }
                    // Backward.
                    let weight = Float(classWeights[labels[example]]) * share
                    for unit in 0..<units { delta[unit] = 0 }
                    for c in 0..<classes {
                        let error = (logits[c] / total - (c == labels[example] ? 1 : 0)) * weight
                        outputBiasGradient[c] += error
                        for unit in 0..<units {
                            outputGradient[c * units + unit] += error * hidden[unit]
                            delta[unit] += error * outputWeights[c * units + unit]
                        }
                    }
                    for unit in 0..<units { delta[unit] = hidden[unit] > 0 ? delta[unit] * mask[unit] : 0 }
                    for unit in 0..<units { hiddenBiasGradient[unit] += delta[unit] }
                    for index in 0..<width {
                        let x = dense[example * width + index]
                        if x == 0 { continue }
                        let base = index * units
                        for unit in 0..<units { featureGradient[base + unit] += x * delta[unit] }
                    }
                    for position in offsets[example]..<offsets[example + 1] {
                        let row = Int(termRows[position])
                        if !touched[row] {
                            touched[row] = true
                            touchedRows.append(row)
                        }
                        let base = row * units
                        let value = termValues[position]
                        for unit in 0..<units { termGradient[base + unit] += value * delta[unit] }
                    }
                }
                step += 1
                let decay = settings.decay
                featureMoments.update(&featureWeights, &featureGradient, 0..<(width * units), step, settings, decay)
                hiddenBiasMoments.update(&hiddenBias, &hiddenBiasGradient, 0..<units, step, settings, 0)
                outputMoments.update(&outputWeights, &outputGradient, 0..<(classes * units), step, settings, decay)
                outputBiasMoments.update(&outputBias, &outputBiasGradient, 0..<classes, step, settings, 0)
                for row in touchedRows {
                    termMoments.update(
                        &termWeights, &termGradient, (row * units)..<((row + 1) * units), step, settings, decay)
                    touched[row] = false
                }
                touchedRows.removeAll(keepingCapacity: true)
            }
            report(epoch, network())
        }
        return network()
    }

    /// Adam's two moment estimates for one array of weights.
    struct Moments {
        var first: [Float]
        var second: [Float]

        init(count: Int) {
            first = [Float](repeating: 0, count: count)
            second = first
        }

        /// One step on `range` of the weights; the gradient there is read and cleared.
        mutating func update(
            _ weights: inout [Float], _ gradient: inout [Float], _ range: Range<Int>, _ step: Int, _ settings: Settings,
            _ decay: Float
        ) {
            let (beta1, beta2, epsilon): (Float, Float, Float) = (0.9, 0.999, 1e-8)
            let correction1 = 1 - pow(beta1, Float(step))
            let correction2 = 1 - pow(beta2, Float(step))
            for index in range {
                let g = gradient[index]
                gradient[index] = 0
                first[index] = beta1 * first[index] + (1 - beta1) * g
                second[index] = beta2 * second[index] + (1 - beta2) * g * g
                let m = first[index] / correction1
                let v = second[index] / correction2
                weights[index] -= settings.rate * (m / (v.squareRoot() + epsilon) + decay * weights[index])
            }
        }
    }
}
