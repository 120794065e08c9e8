import FeedParsing
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One document to read: a file, or standard input.
struct FeedInput {
    enum Source {
        case file(String)
        case standardInput
    }

    var source: Source

    var displayName: String {
        switch source {
        case .file(let path): return path
        case .standardInput: return "<stdin>"
        }
    }
}

/// Why a document could not be read at all.
enum FeedInputError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case noFeedFiles(folder: String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .noFeedFiles(let folder): return "\(folder): no .xml, .rss, .atom or .rdf files in this folder"
        }
    }
}

enum FeedInputs {
    static let feedExtensions: Set<String> = ["xml", "rss", "atom", "rdf"]

    /// Expands folders into the feed files below them, in a stable order. A path that leads
    /// nowhere is a problem to report, not a reason to skip the other paths.
    static func expand(_ paths: [String]) -> (inputs: [FeedInput], problems: [FeedInputError]) {
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
                inputs.append(FeedInput(source: .file(path)))
                continue
            }
            let files = feedFiles(in: path)
            if files.isEmpty { problems.append(.noFeedFiles(folder: path)) }
            inputs += files.map { FeedInput(source: .file($0)) }
        }
        return (inputs, problems)
    }

    private static func feedFiles(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let ext = (relative as NSString).pathExtension.lowercased()
            guard feedExtensions.contains(ext) else { continue }
            files.append((folder as NSString).appendingPathComponent(relative))
        }
        return files.sorted()
    }
}

/// What reading one document produced.
struct FeedReadResult {
    var info: FeedDocumentInfo
    /// The first entries, as many as the caller asked to keep.
    var entries: [FeedEntry]
    var bytes: Int
}

enum FeedReading {
    static let chunkSize = 1 << 20

    /// Streams a document through the parser in 1 MiB pieces, so memory stays flat on large feeds.
    /// `buffer` is reused across documents.
    static func parse(
        _ input: FeedInput, options: FeedParserOptions, keepEntries: Int, buffer: inout [UInt8]
    ) throws -> FeedReadResult {
        var entries: [FeedEntry] = []
        let parser = FeedStreamParser(options: options) { entry in
            if entries.count < keepEntries { entries.append(entry) }
        }
        let descriptor: Int32
        switch input.source {
        case .standardInput:
            descriptor = 0
        case .file(let path):
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw FeedInputError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            var info = stat()
            if fstat(descriptor, &info) == 0, Int(info.st_size) > options.maxDocumentBytes {
                close(descriptor)
                throw FeedParseError.documentTooLarge(bytes: Int(info.st_size), limit: options.maxDocumentBytes)
            }
        }
        defer { if descriptor != 0 { close(descriptor) } }

        if buffer.count < chunkSize { buffer = [UInt8](repeating: 0, count: chunkSize) }
        // Read up to one chunk; a document that fits is parsed whole, where it lies. A longer one
        // streams through the parser chunk by chunk, so memory stays flat.
        var filled = 0
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, chunkSize - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FeedInputError.unreadable(path: input.displayName, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
            total += count
            if filled == chunkSize {
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

/// Buffered standard output: one write per 64 KiB instead of one per line.
final class StandardOutput {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
