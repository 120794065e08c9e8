import FeedParsing
import Foundation

/// One item of a corpus feed, with what the gold refers to it by.
public struct CorpusItem: Sendable, Hashable {
    public var file: String
    public var outlet: String?
    public var entry: FeedEntry
    /// 1-based among the entries of the file that share its id.
    public var occurrence: Int
    /// Title, summary and content as plain text, white space collapsed: what gold sentences quote.
    public var text: String
    /// The author names and addresses: where reprints often put the wire's credit ("AFP").
    public var bylines: [String] { entry.authors.flatMap { [$0.name, $0.email].compactMap { $0 } } }

    public var reference: ItemReference { ItemReference(file: file, id: entry.id, occurrence: occurrence) }
}

/// One event folder of `corpora/`: its feeds, parsed, and its gold annotations.
public struct CorpusEvent: Sendable {
    public let folder: URL
    public let gold: GoldAnnotations
    /// Every parsed feed file of the folder, by file name.
    public let feeds: [String: ParsedFeed]
    /// Every item of every feed, in file-name order, then feed order.
    public let items: [CorpusItem]

    public var name: String { folder.lastPathComponent }

    static let feedSuffixes = [".xml", ".rss", ".atom", ".rdf"]

    /// Reads `gold.json` and parses every feed file beside it.
    public static func load(folder: URL) throws(CorpusError) -> CorpusEvent {
        let goldURL = folder.appendingPathComponent("gold.json")
        let gold: GoldAnnotations
        do {
            gold = try JSONDecoder().decode(GoldAnnotations.self, from: Data(contentsOf: goldURL))
        } catch let error as DecodingError {
            throw .invalidGold(path: goldURL.path, reason: describe(error))
        } catch {
            throw .unreadable(path: goldURL.path, reason: error.localizedDescription)
        }
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { name in feedSuffixes.contains { name.hasSuffix($0) } }.sorted()
        } catch {
            throw .unreadable(path: folder.path, reason: error.localizedDescription)
        }
        var feeds: [String: ParsedFeed] = [:]
        var items: [CorpusItem] = []
        for file in files {
            let url = folder.appendingPathComponent(file)
            let feed: ParsedFeed
            do {
                feed = try FeedParser().parse(Array(Data(contentsOf: url)))
            } catch let error as FeedParseError {
                throw .unparseable(path: url.path, reason: error.description)
            } catch {
                throw .unreadable(path: url.path, reason: error.localizedDescription)
            }
            feeds[file] = feed
            var seen: [String: Int] = [:]
            for entry in feed.entries {
                seen[entry.id, default: 0] += 1
                items.append(
                    CorpusItem(
                        file: file, outlet: gold.feeds[file], entry: entry, occurrence: seen[entry.id]!,
                        text: plainText(of: entry)))
            }
        }
        return CorpusEvent(folder: folder, gold: gold, feeds: feeds, items: items)
    }

    private init(folder: URL, gold: GoldAnnotations, feeds: [String: ParsedFeed], items: [CorpusItem]) {
        self.folder = folder
        self.gold = gold
        self.feeds = feeds
        self.items = items
    }

    /// The item a gold reference names. `FILE#ID` must name an id that only one entry of the file
    /// has; `FILE#ID@N` names the N-th of several.
    public func resolve(_ reference: ItemReference) -> CorpusItem? {
        let matching = items.filter { $0.file == reference.file && $0.entry.id == reference.id }
        if matching.count == 1 { return matching[0] }
        if matching.isEmpty, let at = reference.id.lastIndex(of: "@"),
            let occurrence = Int(reference.id[reference.id.index(after: at)...])
        {
            let id = String(reference.id[..<at])
            return items.first { $0.file == reference.file && $0.entry.id == id && $0.occurrence == occurrence }
        }
        return nil
    }

    /// Whether `reference` names an id shared by several entries without saying which.
    func isAmbiguous(_ reference: ItemReference) -> Bool {
        items.filter { $0.file == reference.file && $0.entry.id == reference.id }.count > 1
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Title, summary and content of an entry as one plain text, white space collapsed to single
/// spaces: the text gold sentences are quoted from.
public func plainText(of entry: FeedEntry) -> String {
    let parts = [entry.title, entry.summaryText?.string, entry.contentText?.string].compactMap { $0 }
    return parts.map(collapseSpaces).filter { !$0.isEmpty }.joined(separator: " ")
}

/// Runs of white space (including no-break spaces) become one space; the ends are trimmed.
public func collapseSpaces(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

/// Why a corpus folder could not be read.
public enum CorpusError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalidGold(path: String, reason: String)
    case unparseable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .invalidGold(let path, let reason): return "\(path): not a valid gold file: \(reason)"
        case .unparseable(let path, let reason): return "\(path): \(reason)"
        }
    }
}
