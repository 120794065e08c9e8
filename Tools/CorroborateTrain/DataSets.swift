import Foundation

/// Readers for the public labelled sets in ../shared/data (formats in its README). Each returns
/// nil when its files are absent, so the trainer can say which set is missing and go on.
enum DataSets {
    struct Pair {
        var a: String
        var b: String
        var label: Int
        /// Groups that must not straddle a train/dev split (FNC-1 body, Emergent claim).
        var group: String
    }

    /// FNC-1 train: headline (a) and body (b); labels 0 unrelated, 1 agree, 2 disagree,
    /// 3 discuss. `dev` holds the pairs whose body is in `hold_out_ids.txt`.
    static func fnc(_ folder: URL) -> (train: [Pair], dev: [Pair])? {
        guard let bodies = csv(folder.appendingPathComponent("fnc1/train_bodies.csv")),
            let stances = csv(folder.appendingPathComponent("fnc1/train_stances.csv")),
            let holdOut = try? String(
                contentsOf: folder.appendingPathComponent("fnc1/hold_out_ids.txt"), encoding: .utf8)
        else { return nil }
        var bodyByID: [String: String] = [:]
        for row in bodies.dropFirst() where row.count >= 2 { bodyByID[row[0]] = row[1] }
        let dev = Set(holdOut.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let labels = ["unrelated": 0, "agree": 1, "disagree": 2, "discuss": 3]
        var train: [Pair] = []
        var held: [Pair] = []
        for row in stances.dropFirst() where row.count >= 3 {
            guard let body = bodyByID[row[1]], let label = labels[row[2]] else { continue }
            let pair = Pair(a: row[0], b: body, label: label, group: row[1])
            if dev.contains(row[1]) { held.append(pair) } else { train.append(pair) }
        }
        return (train, held)
    }

    /// The topics of each FNC-1 pair's headline and body: headlines and bodies joined by a
    /// related pair (agree, disagree, discuss) are one topic, named by one of its members. The
    /// competition's test split has new topics, which a body-disjoint split does not imitate:
    /// the hold-out's related headlines all recur in training.
    static func topics(_ pairs: [Pair]) -> [(headline: String, body: String)] {
        var parent: [String: String] = [:]
        func root(_ key: String) -> String {
            var key = key
            while let up = parent[key], up != key {
                parent[key] = parent[up] ?? up
                key = up
            }
            parent[key] = key
            return key
        }
        for pair in pairs where pair.label != 0 {
            let (x, y) = (root("h:" + pair.a), root("b:" + pair.group))
            if x != y { parent[max(x, y)] = min(x, y) }
        }
        return pairs.map { (root("h:" + $0.a), root("b:" + $0.group)) }
    }

    /// Emergent train: claim headline (a) and article headline (b); 0 for, 1 against,
    /// 2 observing (the sentence classes' order: supports, contradicts, discusses).
    static func emergent(_ folder: URL) -> [Pair]? {
        guard let rows = csv(folder.appendingPathComponent("emergent/emergent_train.csv")) else { return nil }
        let labels = ["for": 0, "against": 1, "observing": 2]
        return rows.dropFirst().compactMap { row in
            guard row.count >= 6, let label = labels[row[3]] else { return nil }
            return Pair(a: row[1], b: row[2], label: label, group: row[5])
        }
    }

    /// STS Benchmark: (sentence 1, sentence 2, score 0-5 scaled to 0-100 as the label) with
    /// the genre as group.
    static func sts(_ file: URL) -> [Pair]? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 7, let score = Double(fields[4]) else { return nil }
            return Pair(a: fields[5], b: fields[6], label: Int((score * 20).rounded()), group: fields[0])
        }
    }

    /// MRPC train: 1 paraphrase, 0 not.
    static func mrpc(_ folder: URL) -> [Pair]? {
        guard
            var text = try? String(
                contentsOf: folder.appendingPathComponent("mrpc/msr_paraphrase_train.txt"),
                encoding: .utf8)
        else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, let label = Int(fields[0]) else { return nil }
            return Pair(
                a: fields[3], b: fields[4].trimmingCharacters(in: .whitespacesAndNewlines), label: label,
                group: fields[1])
        }
    }

    /// RFC 4180 CSV: commas, double quotes with "" inside, line breaks inside quotes.
    static func csv(_ file: URL) -> [[String]]? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = data.startIndex
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while index < data.endIndex {
            let byte = data[index]
            if quoted {
                if byte == 0x22 {
                    if index + 1 < data.endIndex, data[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == 0x22 {
                quoted = true
            } else if byte == 0x2C {
                endField()
            } else if byte == 0x0A {
                endField()
                rows.append(row)
                row = []
            } else if byte != 0x0D {
                field.append(byte)
            }
            index += 1
        }
        if !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }
}
