import ArgumentParser
import FeedParsing
import Foundation
import Pipeline

/// `corroborate parse`: reads feed documents and prints what the parser makes of them.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse feed documents and print the normalized feeds (nothing is stored).",
        discussion: """
            Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 documents from files, folders (every .xml, \
            .rss, .atom and .rdf file below them) or standard input (-). Without a flag it prints \
            a short summary of each feed; --json prints the normalized feed as JSON (one document \
            per line when several files are given); --stats parses everything and prints one line \
            of totals.
            """
    )

    @Argument(help: "Feed files, folders, or - for standard input.")
    var paths: [String]

    @Flag(help: "Print each feed as one line of JSON (the contract in DESIGN.md).")
    var json = false

    @Flag(help: "Parse everything and print one line: files, items, bytes, seconds.")
    var stats = false

    @Option(help: "The charset the document was served with; it overrides the XML declaration.")
    var charset: String?

    @Option(name: .customLong("base-url"), help: "Resolve relative links against this URL.")
    var baseURL: String?

    @Option(name: .customLong("max-bytes"), help: "Refuse documents larger than this many bytes (default 32 MiB).")
    var maxBytes: Int = 32 << 20

    @Option(help: "In the summary, how many entries to show per feed.")
    var show: Int = 5

    func validate() throws {
        if json && stats { throw ValidationError("--json and --stats cannot be combined") }
        if maxBytes <= 0 { throw ValidationError("--max-bytes must be positive") }
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw ValidationError("--base-url '\(baseURL)' is not an absolute URL")
        }
    }

    func run() throws {
        var options = FeedParserOptions()
        options.charset = charset
        options.baseURL = baseURL
        options.maxDocumentBytes = maxBytes
        let (inputs, problems) = FeedInputs.expand(paths)
        let output = StandardOutput()
        let started = ContinuousClock.now
        var totals = (files: 0, items: 0, bytes: 0, failed: problems.count)
        for problem in problems { printError(problem.description) }
        var buffer: [UInt8] = []

        for input in inputs {
            do {
                if stats {
                    let result = try FeedReading.parse(input, options: options, keepEntries: 0, buffer: &buffer)
                    totals.items += result.info.entryCount
                    totals.bytes += result.bytes
                } else if json {
                    let result = try FeedReading.parse(input, options: options, keepEntries: .max, buffer: &buffer)
                    output.write(FeedJSON.document(result.info, entries: result.entries))
                    output.write("\n")
                } else {
                    let result = try FeedReading.parse(input, options: options, keepEntries: show, buffer: &buffer)
                    output.write(FeedSummary.render(input: input.displayName, result: result))
                }
                totals.files += 1
            } catch let error as FeedParseError {
                totals.failed += 1
                printError("\(input.displayName): \(error)")
            } catch let error as FeedInputError {
                totals.failed += 1
                printError(error.description)
            }
        }
        if stats {
            let seconds = (ContinuousClock.now - started).seconds
            output.write(
                FeedJSON.stats(
                    files: totals.files, items: totals.items, bytes: totals.bytes, seconds: seconds,
                    failed: totals.failed))
            output.write("\n")
        }
        output.flush()
        if totals.failed > 0 {
            throw ExitCode.failure
        }
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
