import FeedParsing
import Foundation
import NearDuplicates
import TextAnalysis

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `corroborate-bench`: the engine's stages run the way the peer benchmarks of ../shared/bench run
/// theirs, so `Benchmarks/*.sh` can time them in the same harness rounds and score their output
/// with the same scorer. Each command prints one JSON line of phase timings last on stdout.
@main
enum CorroborateBench {
    static let usage = """
        usage: corroborate-bench dedup --corpus FILE.jsonl --out LABELS.tsv
                                       [--threshold 0.5] [--num-perm 128] [--shingle 5]
                                       [--mode batch|incremental]
               corroborate-bench tokenize --corpus FILE.jsonl [--out FILE]
               corroborate-bench claims --corpus FILE.jsonl [--limit N]
        \(storiesUsage)
        \(ecbplusUsage)
               corroborate-bench align --corpus FILE.jsonl --truth FILE.truth.jsonl [--tau T] [--grid T,T,...]

          dedup     groups near-duplicate articles (word shingles of title + " " + body, MinHash,
                    LSH, estimated-Jaccard verification, connected components) and writes
                    "id<TAB>group" per article, group = position of the group's first article.
                    batch (default): all signatures, then LSH candidate pairs, then verification.
                    incremental: each article meets its candidates among the earlier ones as it
                    is read (NearDuplicateDetector, as syndication runs); its lsh phase includes
                    verification, and candidate_pairs counts the matches.
          tokenize  writes the words of title + " " + body of every article, space-separated,
                    one line per article: to check the tokenizer against Python's \\w+.
          claims    extracts the claims of every article (title, blank line, body, as ingest
                    joins them; relative times against its `published`), on one thread, and
                    prints counts and timings: the issue-5 target is the 100k corpus in 20 s.
        \(storiesHelp)
        \(ecbplusHelp)
          align     aligns the oracle sentences of every non-copy article pair of one gold event
                    (ClaimAligner; the protocol of the peer align_peer.py) and checks the aligned
                    pairs for number conflicts; prints alignment P/R/F1 (one line per --grid
                    value), conflict P/R and timings.
        """

    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard let command = arguments.first else { fail(usage, status: 2) }
        arguments.removeFirst()
        do {
            switch command {
            case "dedup":
                try dedup(
                    Options(
                        arguments, allowed: ["--corpus", "--out", "--threshold", "--num-perm", "--shingle", "--mode"]))
            case "tokenize":
                try tokenize(Options(arguments, allowed: ["--corpus", "--out"]))
            case "claims":
                try claims(Options(arguments, allowed: ["--corpus", "--limit"]))
            case "stories":
                try stories(
                    Options(
                        arguments,
                        allowed: [
                            "--corpus", "--out", "--threshold", "--window-h", "--min-shared", "--index-terms",
                            "--query-terms", "--max-posting", "--warm-up-boost", "--date-conflict",
                            "--max-comparisons", "--follow-up", "--cross-script", "--same-outlet", "--entities",
                            "--merge", "--bridge-margin", "--consolidation", "--consolidate",
                        ]))
            case "ecbplus":
                try ecbplus(
                    Options(
                        arguments,
                        allowed: ["--data", "--split", "--threshold", "--out", "--entities", "--consolidation"]))
            case "align":
                try align(Options(arguments, allowed: ["--corpus", "--truth", "--tau", "--grid"]))
            case "-h", "--help", "help":
                print(usage)
            default:
                fail("corroborate-bench: unknown command '\(command)'\n\(usage)", status: 2)
            }
        } catch let error as UsageError {
            fail("corroborate-bench: \(error.message)", status: 2)
        } catch {
            fail("corroborate-bench: \(error)", status: 1)
        }
    }

    static func dedup(_ options: Options) throws {
        let corpus = try options.required("--corpus")
        let output = try options.required("--out")
        let configuration: NearDuplicateConfiguration
        do {
            configuration = try NearDuplicateConfiguration(
                threshold: try options.double("--threshold", default: 0.5),
                shingleSize: try options.int("--shingle", default: 5),
                numberOfPermutations: try options.int("--num-perm", default: 128))
        } catch let error as NearDuplicateError {
            throw UsageError(message: error.description)
        }

        let incremental: Bool
        switch options.values["--mode"] ?? "batch" {
        case "batch": incremental = false
        case "incremental": incremental = true
        case let other: throw UsageError(message: "--mode '\(other)' is neither batch nor incremental")
        }

        let started = Clock.now
        var loadSeconds = 0.0
        var signatureSeconds = 0.0
        var incrementalSeconds = 0.0
        var ids: [String] = []
        var signatures: [MinHashSignature] = []
        var detector = NearDuplicateDetector(configuration: configuration)
        var matchedPairs: [CandidatePair] = []
        var builder = SignatureBuilder(configuration: configuration)
        var fields = ArticleFields()
        var reader = try LineReader(path: corpus)
        var mark = Clock.now
        while try reader.next({ line, number throws(CorpusError) in
            guard !isBlank(line) else { return }
            try fields.read(line, line: number, of: corpus)
            guard fields.hasID else { throw CorpusError(description: "\(corpus):\(number): no \"id\"") }
            ids.append(String(decoding: fields.id, as: UTF8.self))
            let parsed = Clock.now
            loadSeconds += parsed - mark
            let signature = fields.title.withUnsafeBufferPointer { title in
                fields.body.withUnsafeBufferPointer { body in builder.signature(ofUTF8Parts: [title, body]) }
            }
            mark = Clock.now
            signatureSeconds += mark - parsed
            if !incremental {
                signatures.append(signature)
            } else {
                for match in detector.add(signature) { matchedPairs.append(CandidatePair(match.id, ids.count - 1)) }
                let added = Clock.now
                incrementalSeconds += added - mark
                mark = added
            }
        }) {}
        loadSeconds += Clock.now - mark

        let groups: NearDuplicateGroups
        let lshSeconds: Double
        let verifySeconds: Double
        if incremental {
            lshSeconds = incrementalSeconds
            mark = Clock.now
            groups = NearDuplicateGroups(count: ids.count, duplicatePairs: matchedPairs)
            verifySeconds = Clock.now - mark
        } else {
            mark = Clock.now
            let pairs = NearDuplicateGroups.candidatePairs(among: signatures, bands: configuration.bands)
            lshSeconds = Clock.now - mark
            mark = Clock.now
            groups = NearDuplicateGroups(
                signatures: signatures, candidatePairs: pairs, threshold: configuration.threshold)
            verifySeconds = Clock.now - mark
        }

        mark = Clock.now
        var text: [UInt8] = []
        text.reserveCapacity(ids.count * 16)
        for (id, label) in zip(ids, groups.labels) {
            text.append(contentsOf: id.utf8)
            text.append(0x09)
            text.append(contentsOf: String(label).utf8)
            text.append(0x0A)
        }
        try writeFile(output, text)
        let writeSeconds = Clock.now - mark

        let fieldsJSON: [(String, String)] = [
            ("method", incremental ? "\"corroborate-incremental\"" : "\"corroborate\""),
            ("n", "\(ids.count)"),
            ("groups", "\(groups.groupCount)"),
            ("total_s", rounded(Clock.now - started)),
            ("load", rounded(loadSeconds)),
            ("shingle+minhash", rounded(signatureSeconds)),
            ("lsh", rounded(lshSeconds)),
            ("verify", rounded(verifySeconds)),
            ("write", rounded(writeSeconds)),
            ("candidate_pairs", "\(groups.candidatePairs)"),
            ("verified_pairs", "\(groups.verifiedPairs)"),
        ]
        print("{" + fieldsJSON.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
    }

    static func tokenize(_ options: Options) throws {
        let corpus = try options.required("--corpus")
        let output = options.values["--out"] ?? "/dev/stdout"
        let tokenizer = WordTokenizer()
        var fields = ArticleFields()
        var reader = try LineReader(path: corpus)
        var text: [UInt8] = []
        while try reader.next({ line, number throws(CorpusError) in
            guard !isBlank(line) else { return }
            try fields.read(line, line: number, of: corpus)
            let joined = fields.title + [0x20] + fields.body
            let words = joined.withUnsafeBufferPointer { tokenizer.tokens(inUTF8: $0) }
            text.append(contentsOf: words.joined(separator: " ").utf8)
            text.append(0x0A)
        }) {}
        try writeFile(output, text)
    }

    static func claims(_ options: Options) throws {
        let corpus = try options.required("--corpus")
        let limit = try options.int("--limit", default: .max)
        let extractor = ClaimExtractor()
        var fields = ArticleFields()
        var reader = try LineReader(path: corpus)
        var articles = 0
        var bytes = 0
        var claims = 0
        var attributed = 0
        var quantities = 0
        var readSeconds = 0.0
        var extractSeconds = 0.0
        var started = Clock.now
        while articles < limit,
            try reader.next({ line, number throws(CorpusError) in
                guard !isBlank(line) else { return }
                try fields.read(line, line: number, of: corpus)
                let title = String(decoding: fields.title, as: UTF8.self)
                let body = String(decoding: fields.body, as: UTF8.self)
                let text = title.isEmpty ? body : body.isEmpty ? title : title + "\n\n" + body
                let published = FeedDateParser.parse(String(decoding: fields.published, as: UTF8.self))
                let now = Clock.now
                readSeconds += now - started
                let found = extractor.claims(in: text, published: published)
                started = Clock.now
                extractSeconds += started - now
                articles += 1
                bytes += text.utf8.count
                claims += found.count
                attributed += found.filter { $0.speaker != nil }.count
                quantities += found.reduce(0) { $0 + $1.quantities.count }
            })
        {}
        let fieldsJSON: [(String, String)] = [
            ("articles", "\(articles)"),
            ("bytes", "\(bytes)"),
            ("claims", "\(claims)"),
            ("attributed", "\(attributed)"),
            ("quantities", "\(quantities)"),
            ("read", rounded(readSeconds)),
            ("extract", rounded(extractSeconds)),
            ("articles_per_s", "\(Int(Double(articles) / max(extractSeconds, 1e-9)))"),
            ("mb_per_s", rounded(Double(bytes) / 1e6 / max(extractSeconds, 1e-9))),
        ]
        print("{" + fieldsJSON.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
    }

    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    static func rounded(_ seconds: Double) -> String {
        let scaled = (seconds * 10_000).rounded() / 10_000
        return "\(scaled)"
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw CorpusError(description: "\(path): cannot write (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var offset = 0
        try bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                guard written > 0 else {
                    throw CorpusError(description: "\(path): write failed (\(String(cString: strerror(errno))))")
                }
                offset += written
            }
        }
    }

    static func fail(_ message: String, status: Int32) -> Never {
        var line = Array((message + "\n").utf8)
        _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
        exit(status)
    }
}

/// A mistake on the command line (exit status 2).
struct UsageError: Error {
    let message: String
}

/// `--name value` pairs.
struct Options {
    let values: [String: String]

    init(_ arguments: [String], allowed: Set<String>) throws {
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard allowed.contains(name) else {
                throw UsageError(
                    message: "unknown option '\(name)' (expected: \(allowed.sorted().joined(separator: ", ")))")
            }
            guard index + 1 < arguments.count else { throw UsageError(message: "\(name) needs a value") }
            values[name] = arguments[index + 1]
            index += 2
        }
        self.values = values
    }

    func required(_ name: String) throws -> String {
        guard let value = values[name] else { throw UsageError(message: "\(name) is required") }
        return value
    }

    func double(_ name: String, default fallback: Double) throws -> Double {
        guard let text = values[name] else { return fallback }
        guard let value = Double(text) else { throw UsageError(message: "\(name) '\(text)' is not a number") }
        return value
    }

    func int(_ name: String, default fallback: Int) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text) else { throw UsageError(message: "\(name) '\(text)' is not an integer") }
        return value
    }
}

/// Monotonic seconds.
enum Clock {
    static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
