import ArgumentParser
import FeedParsing
import Foundation
import Pipeline
import TextAnalysis

/// `corroborate claims`: what claim extraction reads in feed documents and article files, with
/// nothing stored: who says what, with the numbers, places, times and denials in it.
struct Claims: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the claims in feed documents or article JSONL (nothing is stored).",
        discussion: """
            Each item's title and body are split into sentences (boilerplate and datelines set \
            aside), and each sentence becomes a claim: its speaker (resolved across "he said" and \
            "it added"), the speech verb, its stance (asserts, attributes, denies, questions), \
            negation, denial, exclusivity and hedges, the counts, places and times in it. \
            --format json prints one JSON object per item.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Feed files, article JSONL files, or folders of them.")
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "In text output, list only claims with a named speaker, a count or a denial.")
    var notable = false

    func run() async throws {
        let (inputs, problems) = FeedInputs.expand(paths, articles: true)
        for problem in problems { printError(problem.description) }
        var failed = !problems.isEmpty
        let extractor = ClaimExtractor()
        let output = StandardOutput()
        var buffer: [UInt8] = []
        for input in inputs {
            do {
                switch input.kind {
                case .feed:
                    let result = try FeedReading.parse(
                        input, options: FeedParserOptions(), keepEntries: .max, buffer: &buffer)
                    for entry in result.entries {
                        let report = Ingestor.report(from: entry, outletID: "")
                        let claims = extractor.claims(in: report.text, published: report.date)
                        output.write(
                            render(source: input.displayName, id: entry.id, title: entry.title, claims: claims))
                    }
                case .articles:
                    guard case .file(let path) = input.source else { continue }
                    var lineProblems: [ArticleLineError] = []
                    try await ArticleLines.read(path: path, problems: &lineProblems) { articles in
                        for article in articles {
                            let text = [article.title, article.body].compactMap { $0 }.filter { !$0.isEmpty }
                                .joined(separator: "\n\n")
                            let claims = extractor.claims(in: text, published: article.published)
                            output.write(
                                render(source: input.displayName, id: article.id, title: article.title, claims: claims))
                        }
                    }
                    for problem in lineProblems { printError(problem.description) }
                    failed = failed || !lineProblems.isEmpty
                }
            } catch let error as FeedParseError {
                failed = true
                printError("\(input.displayName): \(error)")
            } catch {
                failed = true
                printError("\(input.displayName): \(error)")
            }
        }
        output.flush()
        if failed { throw ExitCode(1) }
    }

    func render(source: String, id: String, title: String?, claims: [Claim]) -> String {
        switch format {
        case .json: return Self.json(source: source, id: id, claims: claims) + "\n"
        case .text: return Self.text(source: source, title: title ?? id, claims: claims, notable: notable)
        }
    }

    static func json(source: String, id: String, claims: [Claim]) -> String {
        let w = JSONWriter()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        w.object {
            w.key("source", source)
            w.key("id", id)
            w.key("claims") {
                w.array(claims) { claim in
                    let data = (try? encoder.encode(claim)) ?? Data("null".utf8)
                    w.raw(String(decoding: data, as: UTF8.self))
                }
            }
        }
        return w.output
    }

    static func text(source: String, title: String, claims: [Claim], notable: Bool) -> String {
        var out = "== \(source): \(title)\n"
        for claim in claims {
            let worth = claim.speaker != nil || !claim.quantities.isEmpty || claim.polarity.denial
            if notable && !worth { continue }
            var head = "  \(claim.sentence). "
            if let speaker = claim.speaker {
                head += speaker.name + (speaker.fromAntecedent ? " (\"\(speaker.text)\")" : "")
                head += " [\(claim.cue ?? "?"), \(claim.stance.rawValue)]"
            } else {
                head += "(outlet) [\(claim.stance.rawValue)]"
            }
            var flags: [String] = []
            if claim.polarity.denial { flags.append("denial") }
            if claim.polarity.negated { flags.append("negated") }
            if claim.polarity.exclusive { flags.append("exclusive") }
            if let hedge = claim.polarity.hedge { flags.append("hedged: \(hedge)") }
            if !flags.isEmpty { head += " " + flags.joined(separator: ", ") }
            out += head + "\n      " + claim.text + "\n"
            var details: [String] = []
            for quantity in claim.quantities {
                let what = [quantity.noun, quantity.event].compactMap { $0 }.joined(separator: " ")
                details.append("count \(quantity.text)" + (what.isEmpty ? "" : " (\(what))"))
            }
            for place in claim.places { details.append("place \(place.canonicalName)") }
            for time in claim.times {
                if let interval = time.interval {
                    details.append("time \(time.text) = \(Self.day(interval.start))")
                } else {
                    details.append("time \(time.text)")
                }
            }
            if !details.isEmpty { out += "      " + details.joined(separator: " · ") + "\n" }
        }
        return out
    }

    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
