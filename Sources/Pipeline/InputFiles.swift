import FeedParsing
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One document to read: a file, or standard input.
public struct FeedInput: Sendable {
    public enum Source: Sendable {
        case file(String)
        case standardInput
        /// A document fetched from `url`, with the charset its `Content-Type` declared.
        case fetched(bytes: [UInt8], url: String, charset: String?)
    }

    public enum Kind: Sendable {
        /// An RSS, RDF or Atom document.
        case feed
        /// Article JSONL, one article per line.
        case articles
    }

    public var source: Source
    public var kind: Kind = .feed
    /// The outlet the document belongs to when the caller knows it (a watched feed's outlet).
    public var outlet: String?

    public init(source: Source, kind: Kind = .feed, outlet: String? = nil) {
        self.source = source
        self.kind = kind
        self.outlet = outlet
    }

    public var displayName: String {
        switch source {
        case .file(let path): return path
        case .standardInput: return "<stdin>"
        case .fetched(_, let url, _): return url
        }
    }

    /// The key of the feed the document comes from: its URL, or `file:` and the absolute path.
    public var feedKey: String {
        switch source {
        case .file(let path): return "file:" + URL(fileURLWithPath: path).standardizedFileURL.path
        case .standardInput: return "stdin"
        case .fetched(_, let url, _): return url
        }
    }
}

/// Why a document could not be read at all.
public enum FeedInputError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case noFeedFiles(folder: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .noFeedFiles(let folder):
            return "\(folder): no feed (.xml, .rss, .atom, .rdf) or article (.jsonl) files here"
        }
    }
}

/// Turns the paths a user gives into the documents to read.
public enum FeedInputs {
    public static let feedExtensions: Set<String> = ["xml", "rss", "atom", "rdf"]
    public static let articleExtensions: Set<String> = ["jsonl", "ndjson"]

    /// Expands folders into the feed files below them (and, with `articles`, the JSONL files), in
    /// a stable order. A path that leads nowhere is a problem to report, not a reason to skip the
    /// other paths.
    public static func expand(_ paths: [String], articles: Bool = false) -> (
        inputs: [FeedInput], problems: [FeedInputError]
    ) {
        var inputs: [FeedInput] = []
        var problems: [FeedInputError] = []
        for path in paths {
            if path == "-" {
                inputs.append(FeedInput(source: .standardInput))
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                problems.append(.unreadable(path: path, reason: "no such file or folder"))
                continue
            }
            guard isFolder.boolValue else {
                inputs.append(FeedInput(source: .file(path), kind: kind(of: path, articles: articles) ?? .feed))
                continue
            }
            let files = documents(in: path, articles: articles)
            if files.isEmpty { problems.append(.noFeedFiles(folder: path)) }
            inputs += files
        }
        return (inputs, problems)
    }

    private static func kind(of path: String, articles: Bool) -> FeedInput.Kind? {
        let ext = (path as NSString).pathExtension.lowercased()
        if feedExtensions.contains(ext) { return .feed }
        if articles && articleExtensions.contains(ext) { return .articles }
        return nil
    }

    private static func documents(in folder: String, articles: Bool) -> [FeedInput] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [(String, FeedInput.Kind)] = []
        while let relative = walker.nextObject() as? String {
            guard let kind = kind(of: relative, articles: articles) else { continue }
            files.append(((folder as NSString).appendingPathComponent(relative), kind))
        }
        return files.sorted { $0.0 < $1.0 }.map { FeedInput(source: .file($0.0), kind: $0.1) }
    }
}

/// What reading one document produced.
public struct FeedReadResult: Sendable {
    public var info: FeedDocumentInfo
    /// The first entries, as many as the caller asked to keep.
    public var entries: [FeedEntry]
    public var bytes: Int
}

/// Reads feed documents from files or standard input through the streaming parser.
public enum FeedReading {
    static let chunkSize = 1 << 20

    /// Streams a document through the parser in 1 MiB pieces, so memory stays flat on large feeds.
    /// `buffer` is reused across documents.
    public static func parse(
        _ input: FeedInput, options: FeedParserOptions, keepEntries: Int, buffer: inout [UInt8]
    ) throws -> FeedReadResult {
        var entries: [FeedEntry] = []
        let parser = FeedStreamParser(options: options) { entry in
            if entries.count < keepEntries { entries.append(entry) }
        }
        let descriptor: Int32
        var capacity = chunkSize
        switch input.source {
        case .fetched(let bytes, let url, let charset):
            // Already in memory: parsed whole, with the transport's charset and the URL as base.
            var fetchedOptions = options
            fetchedOptions.charset = charset ?? options.charset
            fetchedOptions.baseURL = options.baseURL ?? url
            guard bytes.count <= options.maxDocumentBytes else {
                throw FeedParseError.documentTooLarge(bytes: bytes.count, limit: options.maxDocumentBytes)
            }
            var kept: [FeedEntry] = []
            let whole = FeedStreamParser(options: fetchedOptions) { entry in
                if kept.count < keepEntries { kept.append(entry) }
            }
            let info = try bytes.withUnsafeBufferPointer { try whole.finish(lastPiece: $0) }
            return FeedReadResult(info: info, entries: kept, bytes: bytes.count)
        case .standardInput:
            descriptor = 0
        case .file(let path):
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw FeedInputError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            var info = stat()
            if fstat(descriptor, &info) == 0 {
                if Int(info.st_size) > options.maxDocumentBytes {
                    close(descriptor)
                    throw FeedParseError.documentTooLarge(bytes: Int(info.st_size), limit: options.maxDocumentBytes)
                }
                // A small file needs a small buffer: one byte more than the file, to see its end.
                capacity = min(chunkSize, max(4096, Int(info.st_size) + 1))
            }
        }
        defer { if descriptor != 0 { close(descriptor) } }

        if buffer.count < capacity { buffer = [UInt8](repeating: 0, count: capacity) }
        let chunk = min(buffer.count, chunkSize)
        // Read up to one chunk; a document that fits is parsed whole, where it lies. A longer one
        // streams through the parser chunk by chunk, so memory stays flat.
        var filled = 0
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, chunk - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FeedInputError.unreadable(path: input.displayName, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
            total += count
            if filled == chunk {
                try buffer.withUnsafeBufferPointer { try parser.feed(UnsafeBufferPointer(rebasing: $0[..<filled])) }
                filled = 0
            }
        }
        let info = try buffer.withUnsafeBufferPointer {
            try parser.finish(lastPiece: UnsafeBufferPointer(rebasing: $0[..<filled]))
        }
        return FeedReadResult(info: info, entries: entries, bytes: total)
    }
}
