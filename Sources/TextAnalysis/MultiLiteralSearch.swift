/// Finds which of many literal strings occur in a text, in one pass over its UTF-8 bytes
/// (Aho-Corasick). Credit detection runs some two hundred regular expressions per item; gating
/// each behind a literal it cannot match without, and finding all literals at once, makes that
/// cost a byte scan instead of two hundred regex runs.
public struct MultiLiteralSearch: Sendable {
    /// Goto function as a dense table over a compacted byte alphabet: `next[state * width + class]`.
    private let next: [Int32]
    private let byteClass: [UInt8]
    private let width: Int
    /// For each state, the literals that end there (its own and those of its suffix links):
    /// `outputList[outputStart[state]..<outputStart[state + 1]]`, flat so the scan retains nothing.
    private let outputList: [Int32]
    private let outputStart: [Int32]
    /// Whether a state ends some literal: checked per byte without touching `outputs`.
    private let accepting: [Bool]
    /// Bytes that can start a literal: from the root, every other byte is skipped without a
    /// table lookup (in prose most bytes are lower-case letters that start none).
    private let startsLiteral: [Bool]
    public let literals: [String]

    /// With `asciiCaseInsensitive`, ASCII letters match either case (the literals must then be
    /// lower case); other bytes match exactly.
    public init(literals: [String], asciiCaseInsensitive: Bool = false) {
        self.literals = literals
        // Bytes that occur in some literal get their own class; all others share class 0.
        var classes = [UInt8](repeating: 0, count: 256)
        var count = 1
        for literal in literals {
            for byte in literal.utf8 where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt8(truncatingIfNeeded: count)
                count += 1
                if count > 255 { break }
            }
        }
        // Above 255 distinct bytes the compaction is pointless; fall back to the identity.
        if count > 255 {
            classes = (0...255).map { UInt8($0) }
            count = 256
        }
        if asciiCaseInsensitive {
            for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(upper)] = classes[Int(upper | 0x20)] }
        }
        width = count
        byteClass = classes

        // Trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: count)]
        var out: [[Int]] = [[]]
        for (index, literal) in literals.enumerated() where !literal.isEmpty {
            var state = 0
            for byte in literal.utf8 {
                let c = Int(classes[Int(byte)])
                if goto[state][c] < 0 {
                    goto.append([Int32](repeating: -1, count: count))
                    out.append([])
                    goto[state][c] = Int32(goto.count - 1)
                }
                state = Int(goto[state][c])
            }
            out[state].append(index)
        }
        // Failure links, breadth first; missing transitions filled in so the scan never backtracks.
        var fail = [Int](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for c in 0..<count {
            if goto[0][c] < 0 {
                goto[0][c] = 0
            } else {
                queue.append(Int(goto[0][c]))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            out[state] += out[fail[state]]
            for c in 0..<count {
                let target = goto[state][c]
                if target < 0 {
                    goto[state][c] = goto[fail[state]][c]
                } else {
                    fail[Int(target)] = Int(goto[fail[state]][c])
                    queue.append(Int(target))
                }
            }
        }
        var starts = [Bool](repeating: false, count: 256)
        for literal in literals {
            guard let first = literal.utf8.first else { continue }
            starts[Int(first)] = true
            if asciiCaseInsensitive, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) {
                starts[Int(first & ~0x20)] = true
            }
        }
        startsLiteral = starts
        next = goto.flatMap { $0 }
        var flat: [Int32] = []
        var starts32: [Int32] = []
        for literalsHere in out {
            starts32.append(Int32(flat.count))
            flat += literalsHere.map { Int32($0) }
        }
        starts32.append(Int32(flat.count))
        outputList = flat
        outputStart = starts32
        accepting = out.map { !$0.isEmpty }
    }

    /// For each literal, whether it occurs in `text`.
    public func occurrences(in text: String) -> [Bool] {
        var found = [Bool](repeating: false, count: literals.count)
        var text = text
        found.withUnsafeMutableBufferPointer { found in
            text.withUTF8 { bytes in
                next.withUnsafeBufferPointer { next in
                    byteClass.withUnsafeBufferPointer { classes in
                        accepting.withUnsafeBufferPointer { accepting in
                            startsLiteral.withUnsafeBufferPointer { starts in
                                var state = 0
                                var position = 0
                                let count = bytes.count
                                while position < count {
                                    if state == 0 {
                                        while position < count && !starts[Int(bytes[position])] { position &+= 1 }
                                        if position == count { break }
                                    }
                                    state = Int(next[state &* width &+ Int(classes[Int(bytes[position])])])
                                    position &+= 1
                                    if accepting[state] {
                                        let from = Int(outputStart[state])
                                        let to = Int(outputStart[state + 1])
                                        for entry in from..<to { found[Int(outputList[entry])] = true }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return found
    }
}
