import Corroboration
import CorroborationModel
import Foundation
import OutletRegistry
import Pipeline
import StorageSQLite
import TestSupport

enum Repository {
    static let corpora = RepositoryFolders.corpora
    static func registry() throws -> OutletRegistry {
        try OutletRegistry.load(folder: RepositoryFolders.feeds)
    }
}

/// Pipeline tests call their scratch folders what they are.
typealias ScratchFolder = TemporaryFolder

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
