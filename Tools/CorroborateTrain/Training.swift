import Foundation

/// Fitting the small linear models: softmax regression by full-batch Adam, ridge regression by
/// the normal equations. Plain loops over `[Double]`: the data are tens of thousands of rows of
/// about thirty features, a few seconds of work.
enum Fitting {
    /// Column means and standard deviations (1 where a column is constant).
    static func standardization(_ rows: [[Double]]) -> (means: [Double], scales: [Double]) {
        let width = rows.first?.count ?? 0
        var means = [Double](repeating: 0, count: width)
        for row in rows { for index in 0..<width { means[index] += row[index] } }
        for index in 0..<width { means[index] /= Double(max(1, rows.count)) }
        var scales = [Double](repeating: 0, count: width)
        for row in rows {
            for index in 0..<width { scales[index] += (row[index] - means[index]) * (row[index] - means[index]) }
        }
        for index in 0..<width {
            let deviation = (scales[index] / Double(max(1, rows.count))).squareRoot()
            scales[index] = deviation > 1e-9 ? deviation : 1
        }
        return (means, scales)
    }

    static func standardized(_ rows: [[Double]], _ means: [Double], _ scales: [Double]) -> [[Double]] {
        rows.map { row in row.indices.map { (row[$0] - means[$0]) / scales[$0] } }
    }

    /// Multinomial logistic regression with L2 and per-class weights; returns one row per class
    /// (features, then bias), for standardized inputs.
    static func softmax(
        _ rows: [[Double]], labels: [Int], classes: Int, classWeights: [Double], l2: Double = 1e-3,
        epochs: Int = 400, rate: Double = 0.05
    ) -> [[Double]] {
        let width = rows.first?.count ?? 0
        var weights = [[Double]](repeating: [Double](repeating: 0, count: width + 1), count: classes)
        var first = weights
        var second = weights
        let (beta1, beta2, epsilon) = (0.9, 0.999, 1e-8)
        let total = labels.reduce(0.0) { $0 + classWeights[$1] }
        for epoch in 1...epochs {
            var gradient = [[Double]](repeating: [Double](repeating: 0, count: width + 1), count: classes)
            for (row, label) in zip(rows, labels) {
                var logits = [Double](repeating: 0, count: classes)
                for c in 0..<classes {
                    var sum = weights[c][width]
                    for index in 0..<width { sum += weights[c][index] * row[index] }
                    logits[c] = sum
                }
                let top = logits.max()!
                var exps = logits.map { exp($0 - top) }
                let norm = exps.reduce(0, +)
                for c in 0..<classes { exps[c] /= norm }
                let weight = classWeights[label] / total
                for c in 0..<classes {
                    let error = (exps[c] - (c == label ? 1 : 0)) * weight
                    for index in 0..<width { gradient[c][index] += error * row[index] }
                    gradient[c][width] += error
                }
            }
            for c in 0..<classes {
                for index in 0...width {
                    var g = gradient[c][index]
                    if index < width { g += l2 * weights[c][index] }
                    first[c][index] = beta1 * first[c][index] + (1 - beta1) * g
                    second[c][index] = beta2 * second[c][index] + (1 - beta2) * g * g
                    let m = first[c][index] / (1 - pow(beta1, Double(epoch)))
                    let v = second[c][index] / (1 - pow(beta2, Double(epoch)))
                    weights[c][index] -= rate * m / (v.squareRoot() + epsilon)
                }
            }
        }
        return weights
    }

    /// A softmax over a hidden layer of `units` tanh units, by full-batch Adam with L2 and
    /// per-class weights, on standardized inputs. Seeded, so a retraining gives the same weights.
    static func network(
        _ rows: [[Double]], labels: [Int], classes: Int, classWeights: [Double], units: Int = 16, l2: Double = 1e-3,
        epochs: Int = 300, rate: Double = 0.02
    ) -> (hidden: [[Double]], output: [[Double]]) {
        let width = rows.first?.count ?? 0
        var generator = SeededGenerator(seed: 0x5EED)
        let scale = 1 / Double(max(1, width)).squareRoot()
        var hidden = (0..<units).map { _ in
            (0...width).map { $0 == width ? 0 : Double.random(in: -scale...scale, using: &generator) }
        }
        var output = (0..<classes).map { _ in
            (0...units).map { $0 == units ? 0 : Double.random(in: -0.5...0.5, using: &generator) }
        }
        var adamHidden = Adam(shape: hidden)
        var adamOutput = Adam(shape: output)
        let total = labels.reduce(0.0) { $0 + classWeights[$1] }
        var activations = [Double](repeating: 0, count: units)
        for epoch in 1...epochs {
            var gradHidden = hidden.map { $0.map { _ in 0.0 } }
            var gradOutput = output.map { $0.map { _ in 0.0 } }
            for (row, label) in zip(rows, labels) {
                for h in 0..<units {
                    var sum = hidden[h][width]
                    for i in 0..<width { sum += hidden[h][i] * row[i] }
                    activations[h] = tanh(sum)
                }
                var logits = [Double](repeating: 0, count: classes)
                for c in 0..<classes {
                    var sum = output[c][units]
                    for h in 0..<units { sum += output[c][h] * activations[h] }
                    logits[c] = sum
                }
                let top = logits.max()!
                var probabilities = logits.map { exp($0 - top) }
                let norm = probabilities.reduce(0, +)
                for c in 0..<classes { probabilities[c] /= norm }
                let weight = classWeights[label] / total
                var back = [Double](repeating: 0, count: units)
                for c in 0..<classes {
                    let error = (probabilities[c] - (c == label ? 1 : 0)) * weight
                    for h in 0..<units {
                        gradOutput[c][h] += error * activations[h]
                        back[h] += error * output[c][h]
                    }
                    gradOutput[c][units] += error
                }
                for h in 0..<units {
                    let delta = back[h] * (1 - activations[h] * activations[h])
                    for i in 0..<width { gradHidden[h][i] += delta * row[i] }
                    gradHidden[h][width] += delta
                }
            }
            adamHidden.step(&hidden, gradient: gradHidden, epoch: epoch, rate: rate, l2: l2)
            adamOutput.step(&output, gradient: gradOutput, epoch: epoch, rate: rate, l2: l2)
        }
        return (hidden, output)
    }

    /// Adam's moment estimates for one weight matrix (last column: biases, not decayed).
    struct Adam {
        var first: [[Double]]
        var second: [[Double]]

        init(shape: [[Double]]) {
            first = shape.map { $0.map { _ in 0 } }
            second = first
        }

        mutating func step(_ weights: inout [[Double]], gradient: [[Double]], epoch: Int, rate: Double, l2: Double) {
            let (beta1, beta2, epsilon) = (0.9, 0.999, 1e-8)
            for r in weights.indices {
                for c in weights[r].indices {
                    var g = gradient[r][c]
                    if c < weights[r].count - 1 { g += l2 * weights[r][c] }
                    first[r][c] = beta1 * first[r][c] + (1 - beta1) * g
                    second[r][c] = beta2 * second[r][c] + (1 - beta2) * g * g
                    let m = first[r][c] / (1 - pow(beta1, Double(epoch)))
                    let v = second[r][c] / (1 - pow(beta2, Double(epoch)))
                    weights[r][c] -= rate * m / (v.squareRoot() + epsilon)
                }
            }
        }
    }

    /// SplitMix64: a fixed seed gives the same initial weights on every machine.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Ridge regression on standardized inputs: one row (features, then bias).
    static func ridge(_ rows: [[Double]], targets: [Double], lambda: Double = 1.0) -> [Double] {
        let width = (rows.first?.count ?? 0) + 1
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
        var vector = [Double](repeating: 0, count: width)
        for (row, target) in zip(rows, targets) {
            let x = row + [1]
            for i in 0..<width {
                vector[i] += x[i] * target
                for j in 0..<width { matrix[i][j] += x[i] * x[j] }
            }
        }
        for i in 0..<(width - 1) { matrix[i][i] += lambda }
        return solve(matrix, vector)
    }

    /// Gaussian elimination with partial pivoting.
    static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double] {
        var a = matrix
        var b = vector
        let n = b.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            guard abs(a[column][column]) > 1e-12 else { continue }
            for row in (column + 1)..<n where row < n {
                let factor = a[row][column] / a[column][column]
                for k in column..<n { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<n where k < n { sum -= a[row][k] * x[k] }
            x[row] = abs(a[row][row]) > 1e-12 ? sum / a[row][row] : 0
        }
        return x
    }
}

/// The measures the data sets are scored by.
enum Scores {
    /// FNC-1: 0.25 for the related/unrelated call, 0.75 more for the right stance of a related
    /// pair, as a percentage of the best possible. Labels: 0 unrelated, 1 agree, 2 disagree,
    /// 3 discuss.
    static func fnc(gold: [Int], predicted: [Int]) -> Double {
        var score = 0.0
        var best = 0.0
        for (g, p) in zip(gold, predicted) {
            best += g == 0 ? 0.25 : 1.0
            if (g == 0) == (p == 0) { score += 0.25 }
            if g != 0, g == p { score += 0.75 }
        }
        return best > 0 ? 100 * score / best : 0
    }

    static func f1(gold: [Int], predicted: [Int], label: Int) -> Double {
        var tp = 0.0
        var fp = 0.0
        var fn = 0.0
        for (g, p) in zip(gold, predicted) {
            if p == label && g == label { tp += 1 } else if p == label { fp += 1 } else if g == label { fn += 1 }
        }
        return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn)
    }

    static func accuracy(gold: [Int], predicted: [Int]) -> Double {
        Double(zip(gold, predicted).filter { $0 == $1 }.count) / Double(max(1, gold.count))
    }

    /// Spearman correlation with average ranks for ties.
    static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        let rx = ranks(x)
        let ry = ranks(y)
        let n = Double(x.count)
        let mx = rx.reduce(0, +) / n
        let my = ry.reduce(0, +) / n
        var covariance = 0.0
        var vx = 0.0
        var vy = 0.0
        for index in x.indices {
            covariance += (rx[index] - mx) * (ry[index] - my)
            vx += (rx[index] - mx) * (rx[index] - mx)
            vy += (ry[index] - my) * (ry[index] - my)
        }
        return covariance / (vx * vy).squareRoot()
    }

    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = rank }
            start = end + 1
        }
        return ranks
    }
}
