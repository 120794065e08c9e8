import ArgumentParser
import Corroboration
import FeedParsing
import Foundation
import Pipeline

/// `corroborate compare`: what one text does with what another asserts — supports,
/// contradicts, discusses or unrelated — with their similarity and the claims of the first
/// matched to the sentences of the second. `--pairs` streams many pairs (the evaluation and
/// scripting interface in DESIGN.md).
struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two texts claim by claim, or stream pairs from JSONL.",
        discussion: """
            FILE_A and FILE_B are plain text (a claim, a headline or an article; "-" reads standard \
            input). The relation says what B does with what A asserts: supports (asserts it too), \
            contradicts (denies it or gives an incompatible count, date, place or actor), discusses \
            (relays, attributes or questions it) or unrelated; similarity is graded from 0 to 1.

            --pairs FILE.jsonl reads {"id", "a", "b"} lines ("-" for standard input) and writes one \
            line per pair: {"id", "relation", "similarity", "alignments": [{"a", "b", "relation", \
            "detail"}]}, in input order, using every core. A malformed line gets one error line \
            on stderr naming it, and the rest goes on (exit status 1 at the end).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Two text files: A (the claim) and B (the text compared with it).")
    var files: [String] = []

    @Option(help: "JSON Lines of {\"id\", \"a\", \"b\"} pairs to compare, or - for standard input.")
    var pairs: String?

    @Option(help: "Output format for two files: text or json (--pairs always writes JSON Lines).")
    var format: Format = .text

    func validate() throws {
        if pairs == nil, files.count != 2 {
            throw ValidationError("give two files to compare, or --pairs FILE.jsonl")
        }
        if pairs != nil, !files.isEmpty { throw ValidationError("give either two files or --pairs, not both") }
    }

    func run() async throws {
        let comparer = Comparer()
        if let pairs {
            let failed = try await PairStream(comparer: comparer).run(path: pairs)
            if failed { throw ExitCode(1) }
            return
        }
        let texts = try files.map { path -> String in
            do { return try Self.read(path) } catch {
                printError("\(path): cannot read: \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
        let comparison = comparer.compare(texts[0], texts[1])
        let output = StandardOutput()
        switch format {
        case .json: output.write(Self.json(id: nil, comparison) + "\n")
        case .text: output.write(Self.text(comparison, names: files))
        }
        output.flush()
    }

    static func read(_ path: String) throws -> String {
        if path == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    static func json(id: String?, _ comparison: Comparison) -> String {
        let w = JSONWriter()
        w.object {
            if let id { w.key("id") { w.raw(id) } }
            w.key("relation", comparison.relation.rawValue)
            w.key("similarity", (comparison.similarity * 10_000).rounded() / 10_000)
            w.key("alignments") {
                w.array(comparison.alignments) { alignment in
                    w.object {
                        w.key("a", alignment.a)
                        w.key("b", alignment.b)
                        w.key("relation", alignment.relation.rawValue)
                        w.key("detail", alignment.detail)
                    }
                }
            }
        }
        return w.output
    }

    static func text(_ comparison: Comparison, names: [String]) -> String {
        var out = "\(names[1]) \(comparison.relation.rawValue) \(names[0])"
        out += String(format: " (similarity %.2f)\n", comparison.similarity)
        for alignment in comparison.alignments {
            out += "\n  [\(alignment.relation.rawValue)"
            if let detail = alignment.detail { out += ": \(detail)" }
            out += "]\n    A: \(alignment.a)\n    B: \(alignment.b)\n"
        }
        if comparison.alignments.isEmpty { out += "  no claim of A has a counterpart in B\n" }
        return out
    }
}

/// Compares a stream of JSONL pairs in batches: the texts of a batch prepared once each (an
/// article named by many pairs is read once), batches compared on every core, output in order.
struct PairStream {
    let comparer: Comparer
    static let batchSize = 512

    struct Pair {
        var line: Int
        var id: String
        var a: String
        var b: String
    }

    /// Runs the stream; true when any line failed.
    func run(path: String) async throws -> Bool {
        let handle: FileHandle
        if path == "-" {
            handle = .standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: path) else {
                printError("\(path): cannot open for reading")
                throw ExitCode(1)
            }
            handle = opened
        }
        let output = StandardOutput()
        var failed = false
        var cache: [String: ComparableText] = [:]
        var batch: [Pair] = []
        var lineNumber = 0
        var pending = Data()
        func handleLine(_ bytes: Data) async {
            lineNumber += 1
            guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { return }
            switch Self.parse(bytes) {
            case .success(let parsed):
                batch.append(Pair(line: lineNumber, id: parsed.id, a: parsed.a, b: parsed.b))
            case .failure(let problem):
                failed = true
                printError("\(path):\(lineNumber): \(problem.message)")
            }
            if batch.count >= Self.batchSize {
                await flush(&batch, cache: &cache, output: output)
            }
        }
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                await handleLine(pending[start..<newline])
                start = pending.index(after: newline)
            }
            pending = Data(pending[start...])
        }
        if !pending.isEmpty { await handleLine(pending) }
        await flush(&batch, cache: &cache, output: output)
        output.flush()
        return failed
    }

    struct LineProblem: Error { var message: String }

    static func parse(_ bytes: Data) -> Result<(id: String, a: String, b: String), LineProblem> {
        guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
            return .failure(LineProblem(message: "not a JSON object"))
        }
        guard let a = object["a"] as? String, let b = object["b"] as? String else {
            return .failure(LineProblem(message: "\"a\" and \"b\" must be strings"))
        }
        // The id is echoed as written: a string stays a string, a number a number.
        let id: String
        switch object["id"] {
        case let string as String:
            let writer = JSONWriter()
            writer.value(string)
            id = writer.output
        case let number as NSNumber: id = number.stringValue
        case nil: return .failure(LineProblem(message: "missing \"id\""))
        default: return .failure(LineProblem(message: "\"id\" must be a string or a number"))
        }
        return .success((id, a, b))
    }

    /// Prepares the batch's new texts and compares its pairs, both across the cores.
    func flush(_ batch: inout [Pair], cache: inout [String: ComparableText], output: StandardOutput) async {
        guard !batch.isEmpty else { return }
        if cache.count > 8_192 { cache.removeAll(keepingCapacity: true) }
        let missing = Array(Set(batch.flatMap { [$0.a, $0.b] }).filter { cache[$0] == nil })
        let comparer = self.comparer
        let prepared = await parallelMap(missing) { comparer.prepare($0) }
        for (text, value) in zip(missing, prepared) { cache[text] = value }
        let inputs = batch.map { (cache[$0.a]!, cache[$0.b]!) }
        let results = await parallelMap(inputs) { comparer.compare($0.0, $0.1) }
        for (pair, comparison) in zip(batch, results) {
            output.write(Compare.json(id: pair.id, comparison) + "\n")
        }
        batch.removeAll(keepingCapacity: true)
    }
}
