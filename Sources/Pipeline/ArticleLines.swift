import FeedParsing
import Foundation

/// One article of an article JSONL file (the contract in DESIGN.md).
public struct ArticleLine: Sendable, Hashable {
    public var id: String
    public var outlet: String?
    public var url: String?
    public var published: Date?
    public var title: String?
    public var body: String?
    public var language: String?
    /// 1-based line number in its file, for error messages.
    public var line: Int
}

/// Why one line of a JSONL file was skipped; the rest of the file is still read.
public struct ArticleLineError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String

    public var description: String { "\(path):\(line): \(reason)" }
}

public enum ArticleLines {
    /// Reads every line of `path`, calling `body` with batches of up to `batchSize` articles.
    /// Malformed lines go to `problems` and do not stop the file.
    public static func read(
        path: String, batchSize: Int = 500, problems: inout [ArticleLineError],
        _ body: ([ArticleLine]) async throws -> Void
    ) async throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FeedInputError.unreadable(path: path, reason: "cannot open the file")
        }
        defer { try? handle.close() }
        var pending = Data()
        var lineNumber = 0
        var batch: [ArticleLine] = []
        func take(_ line: Data) {
            lineNumber += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
            switch decode(line, number: lineNumber) {
            case .success(let article): batch.append(article)
            case .failure(let reason):
                problems.append(ArticleLineError(path: path, line: lineNumber, reason: reason.message))
            }
        }
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw FeedInputError.unreadable(path: path, reason: error.localizedDescription)
            }
            if chunk.isEmpty { break }
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                take(pending[start..<newline])
                start = pending.index(after: newline)
                if batch.count >= batchSize {
                    try await body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            pending = Data(pending[start...])
        }
        if !pending.isEmpty { take(pending) }
        if !batch.isEmpty { try await body(batch) }
    }

    struct LineProblem: Error {
        var message: String
    }

    static func decode(_ line: Data, number: Int) -> Result<ArticleLine, LineProblem> {
        guard let object = try? JSONSerialization.jsonObject(with: line), let fields = object as? [String: Any] else {
            return .failure(LineProblem(message: "not a JSON object"))
        }
        func string(_ key: String) -> String? {
            if let value = fields[key] as? String { return value }
            if let value = fields[key] as? NSNumber { return value.stringValue }
            return nil
        }
        guard let id = string("id"), !id.isEmpty else { return .failure(LineProblem(message: "no \"id\"")) }
        let title = string("title")
        let body = string("body")
        guard !(title ?? "").isEmpty || !(body ?? "").isEmpty else {
            return .failure(LineProblem(message: "article \(id) has neither \"body\" nor \"title\""))
        }
        var published: Date?
        if let text = string("published") {
            guard let date = parseDate(text) else {
                return .failure(LineProblem(message: "article \(id): \"published\" is not a date: \(text)"))
            }
            published = date
        }
        return .success(
            ArticleLine(
                id: id, outlet: string("outlet"), url: string("url"), published: published, title: title, body: body,
                language: string("language"), line: number))
    }

    private static func parseDate(_ text: String) -> Date? {
        FeedDateParser.parse(text)
    }
}
