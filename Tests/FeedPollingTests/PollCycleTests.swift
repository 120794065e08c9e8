import FeedPolling
import Foundation
import OutletRegistry
import Pipeline
import Storage
import StorageSQLite
import TestSupport
import Testing

/// Whole polling cycles against a server where healthy feeds sit beside every kind of fault:
/// every healthy feed is ingested, every faulty one is backed off and kept, and the next cycle
/// is mostly 304s.
@Suite struct PollCycleTests {
    static let faults = [
        "not-found", "server-error", "busy", "slow-drip", "silent", "loop", "garbage", "oversized", "gone",
        "to-file",
    ]

    /// A distinct, valid feed per name: two items each, about something of its own.
    static func feed(_ name: String, charsetDeclared: String = "UTF-8", cyrillic: Bool = false) -> [UInt8] {
        var out = "<?xml version=\"1.0\" encoding=\"\(charsetDeclared)\"?>\n<rss version=\"2.0\"><channel>"
        out += "<title>Feed \(name)</title><link>https://\(name).example/</link><ttl>20</ttl>"
        for index in 0..<2 {
            let title = cyrillic ? "Новость \(name) номер \(index)" : "Report \(index) of feed \(name)"
            out += "<item><title>\(title)</title><guid>https://\(name).example/\(index)</guid>"
            out += "<pubDate>Mon, 02 Mar 2026 1\(index):00:00 GMT</pubDate>"
            out +=
                "<description>\(title): a paragraph written for the \(name) test feed, item \(index).</description></item>"
        }
        return Array((out + "</channel></rss>\n").utf8)
    }

    static func route(_ request: FaultServer.Seen) -> FaultServer.Action {
        let name = String(request.path.dropFirst())
        let etag = "\"\(name)-v1\""
        switch name {
        case "not-found": return .respond(status: 404, headers: [], body: [])
        case "server-error": return .respond(status: 500, headers: [], body: Array("oops".utf8))
        case "busy": return .respond(status: 429, headers: [("Retry-After", "3600")], body: [])
        case "slow-drip":
            // 30 s: far past the total timeout below, even on a loaded machine.
            return .drip(headers: [], pieces: Array(repeating: Array("<rss>".utf8), count: 150), delay: 0.2)
        case "silent": return .silence
        case "loop": return .respond(status: 302, headers: [("Location", "/loop")], body: [])
        case "garbage":
            return .respond(status: 200, headers: [], body: [0x00, 0xFF, 0xFE] + Array("not xml at all".utf8))
        case "oversized": return .respond(status: 200, headers: [], body: [UInt8](repeating: 0x20, count: 300_000))
        case "gone": return .respond(status: 410, headers: [], body: [])
        case "to-file": return .respond(status: 301, headers: [("Location", "file:///etc/passwd")], body: [])
        default:
            if request.header("If-None-Match") == etag {
                return .respond(status: 304, headers: [("ETag", etag)], body: [])
            }
            if name == "wrong-charset" {
                // The header says Latin-1; the document is UTF-8 and says so.
                return .respond(
                    status: 200,
                    headers: [("Content-Type", "application/rss+xml; charset=iso-8859-1"), ("ETag", etag)],
                    body: feed(name, cyrillic: true))
            }
            if name.hasPrefix("moved") {
                return .respond(status: 301, headers: [("Location", "/healthy-moved-here")], body: [])
            }
            return .respond(status: 200, headers: [("ETag", etag)], body: feed(name))
        }
    }

    @Test func healthyFeedsAreIngestedFaultyOnesBackedOffAndNoneDropped() async throws {
        let server = try await FaultServer(Self.route)
        let folder = try TemporaryFolder()
        let store = try SQLiteStore(path: folder.path("poll.sqlite"))
        let healthy = (0..<12).map { "healthy-\($0)" } + ["wrong-charset"]
        var subscriptions = (healthy + Self.faults).map {
            FeedSubscription(url: server.url("/\($0)"), outletID: "test-\($0)")
        }
        subscriptions.append(FeedSubscription(url: server.url("/moved"), outletID: "test-moved"))
        _ = try await store.addFeeds(subscriptions)

        var configuration = FetchConfiguration()
        configuration.perHostSpacing = 0
        configuration.perHostConcurrency = 8
        // Long enough that healthy feeds answer in time on a loaded machine, short beside the drip.
        configuration.readTimeout = 3
        configuration.totalTimeout = 6
        configuration.maxBytes = 200_000
        let fetcher = FeedFetcher(configuration: configuration)
        let poller = Poller(store: store, registry: OutletRegistry(outlets: []), fetcher: fetcher, concurrency: 8)

        let first = await poller.pollOnce(all: true)
        #expect(first.feeds == subscriptions.count)
        #expect(first.fetched == healthy.count + 1, "\(first.errors)")
        #expect(first.failed == Self.faults.count - 1, "\(first.errors)")
        #expect(first.retired == 1)
        #expect(first.moved == 1)
        #expect(first.ingest.new == 2 * (healthy.count + 1))

        let feeds = try await store.polledFeeds()
        #expect(feeds.count == subscriptions.count, "no feed dropped")
        let byURL = Dictionary(uniqueKeysWithValues: feeds.map { ($0.url, $0) })
        for name in healthy {
            let feed = try #require(byURL[server.url("/\(name)")])
            #expect(feed.errorCount == 0)
            #expect(feed.etag == "\"\(name)-v1\"")
            #expect(
                (feed.nextPollAt ?? .distantPast) >= (feed.lastSuccessAt ?? .distantFuture).addingTimeInterval(1_199),
                "<ttl>20</ttl>")
        }
        #expect(byURL[server.url("/moved")] == nil, "the moved feed lives on under its new URL")
        #expect(byURL[server.url("/healthy-moved-here")]?.outletID == "test-moved")
        for name in Self.faults where name != "gone" {
            let feed = try #require(byURL[server.url("/\(name)")])
            #expect(feed.errorCount == 1, "\(name)")
            #expect(feed.retiredReason == nil, "\(name) is backed off, not retired")
            #expect((feed.nextPollAt ?? .distantPast) > Date(), "\(name) waits")
            #expect(feed.lastError != nil)
        }
        #expect(byURL[server.url("/busy")]!.nextPollAt! > Date().addingTimeInterval(3_000), "Retry-After honored")
        #expect(byURL[server.url("/gone")]?.retiredReason?.contains("410") == true)

        // The wrong charset header does not garble the text: the document's own UTF-8 wins.
        let items = try await store.items(limit: 1_000)
        let cyrillic = items.map(\.report).filter { $0.outletID == "test-wrong-charset" }
        #expect(cyrillic.count == 2)
        #expect(cyrillic.allSatisfy { ($0.title ?? "").hasPrefix("Новость") }, "\(cyrillic.map(\.title))")

        // The next cycle: the healthy feeds answer 304 to their ETags.
        let second = await poller.pollOnce(all: true)
        #expect(second.notModified == healthy.count + 1, "\(second.errors)")
        #expect(second.ingest.new == 0)
        #expect(second.feeds == subscriptions.count - 1, "the retired feed is not polled")
        let due = try await store.dueFeeds(at: Date())
        #expect(due.isEmpty, "nothing is due right after a cycle")
        await fetcher.shutdown()
        await server.close()
    }
}
