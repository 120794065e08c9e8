import Corroboration
import CorroborationModel
import Foundation
import OutletRegistry
import Pipeline
import StorageSQLite

enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let corpora = root.appendingPathComponent("corpora")
    static func registry() throws -> OutletRegistry {
        try OutletRegistry.load(folder: root.appendingPathComponent("feeds"))
    }
}

/// A scratch folder, removed when the test ends.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("corroborate-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = self.path(name)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// A small RSS 2.0 document with the given items (title, guid, body, date).
func rss(title: String = "Test Wire", link: String = "https://wire.example/", items: [(String, String, String, String)])
    -> String
{
    var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>\(title)</title><link>\(link)</link>
        """
    for (itemTitle, guid, body, date) in items {
        out += """
            <item><title>\(itemTitle)</title><guid isPermaLink="false">\(guid)</guid>
            <link>\(link)\(guid)</link><pubDate>\(date)</pubDate><description>\(body)</description></item>
            """
    }
    return out + "</channel></rss>\n"
}

func ingest(_ paths: [String], store: SQLiteStore, outlet: String? = nil) async throws -> IngestSummary {
    let (inputs, problems) = FeedInputs.expand(paths, articles: true)
    let ingestor = Ingestor(
        store: store, registry: try Repository.registry(), fingerprinting: ShingleFingerprinting(),
        outletOverride: outlet)
    var summary = await ingestor.ingest(inputs)
    summary.errors = problems.map(\.description) + summary.errors
    return summary
}
