import ArgumentParser
import FeedParsing
import FeedPolling
import Foundation
import Pipeline
import Storage
import StorageSQLite

/// `corroborate feeds`: the watched feeds, their state, and OPML import and export.
struct Feeds: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, add, remove, import and export the feeds that `poll` watches.",
        subcommands: [List.self, Add.self, Remove.self, Import.self, Export.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each watched feed's state: last success, next poll, errors, retirement.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var store: StoreOptions

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        func run() async throws {
            let database = try store.openStore()
            let feeds: [PolledFeed]
            do { feeds = try await database.polledFeeds() } catch {
                throw RuntimeFailure(message: "\(store.storePath): \(error.description)")
            }
            let output = StandardOutput()
            switch format {
            case .json: output.write(Self.json(feeds) + "\n")
            case .text: output.write(Self.text(feeds))
            }
            output.flush()
        }

        static func text(_ feeds: [PolledFeed]) -> String {
            guard !feeds.isEmpty else {
                return
                    "no feeds watched yet: `corroborate feeds add URL`, `feeds import FILE.opml`, or `poll` for the registry's\n"
            }
            func date(_ value: Date?) -> String { value.map(FeedDateParser.rfc3339) ?? "never" }
            var out = ""
            for feed in feeds {
                out += "\(feed.url)  [\(feed.outletID)]" + (feed.title.map { "  \($0)" } ?? "") + "\n"
                if let retired = feed.retiredReason {
                    out += "    RETIRED: \(retired)\n"
                    continue
                }
                out +=
                    "    last success \(date(feed.lastSuccessAt)); next poll \(feed.nextPollAt.map(FeedDateParser.rfc3339) ?? "now")"
                if feed.errorCount > 0 {
                    out +=
                        "; \(feed.errorCount) error\(feed.errorCount == 1 ? "" : "s") in a row, last: \(feed.lastError ?? "?")"
                }
                out += "\n"
            }
            return out
        }

        static func json(_ feeds: [PolledFeed]) -> String {
            let w = JSONWriter()
            w.object {
                w.key("feeds") {
                    w.array(feeds) { feed in
                        w.object {
                            w.key("url", feed.url)
                            w.key("outlet", feed.outletID)
                            w.key("title", feed.title)
                            w.key("category", feed.category)
                            w.key("lastFetched", feed.lastFetchedAt)
                            w.key("lastSuccess", feed.lastSuccessAt)
                            w.key("lastStatus", feed.lastStatus)
                            w.key("nextPoll", feed.nextPollAt)
                            w.key("errorCount", feed.errorCount)
                            w.key("lastError", feed.lastError)
                            w.key("retired", feed.retiredReason)
                        }
                    }
                }
            }
            return w.output
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Watch a feed.")

        @Argument(help: "The feed's URL (http or https).")
        var url: String

        @Option(help: "The outlet it belongs to (a registry id); default: the registry outlet of its host.")
        var outlet: String?

        @Option(help: "A title for it.")
        var title: String?

        @Option(help: "A folder for it, kept in OPML exports.")
        var category: String?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
                scheme == "http" || scheme == "https", parsed.host != nil
            else { throw ValidationError("'\(url)' is not an http or https URL") }
        }

        func run() async throws {
            let registry = try store.loadRegistry()
            let database = try store.openStore()
            let outletID = outlet ?? FeedOutlets.outlet(for: url, resolver: OutletResolver(registry: registry))
            do {
                let added = try await database.addFeeds([
                    FeedSubscription(url: url, outletID: outletID, title: title, category: category)
                ])
                let output = StandardOutput()
                output.write(added == 1 ? "watching \(url) [\(outletID)]\n" : "already watched: \(url) [\(outletID)]\n")
                output.flush()
            } catch {
                throw RuntimeFailure(message: "\(store.storePath): \(error.description)")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop watching a feed (its items stay).")

        @Argument(help: "The feed's URL, as `feeds list` shows it.")
        var url: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let database = try store.openStore()
            let removed: Bool
            do { removed = try await database.removeFeed(url: url) } catch {
                throw RuntimeFailure(message: "\(store.storePath): \(error.description)")
            }
            guard removed else {
                throw RuntimeFailure(message: "\(url): not a watched feed (see `corroborate feeds list`)")
            }
            let output = StandardOutput()
            output.write("no longer watching \(url)\n")
            output.flush()
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Watch every feed of an OPML file (Miniflux, NetNewsWire, FreshRSS exports).")

        @Argument(help: "The OPML file.")
        var file: String

        @Option(help: "The outlet of every imported feed; default: each feed's own, else its host's.")
        var outlet: String?

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw RuntimeFailure(message: "\(file): cannot read: \(error.localizedDescription)")
            }
            let subscriptions: [Subscription]
            do { subscriptions = try OPML.read(data) } catch {
                throw RuntimeFailure(message: "\(file): \(error.description)")
            }
            let registry = try store.loadRegistry()
            let resolver = OutletResolver(registry: registry)
            var skipped: [String] = []
            var feeds: [FeedSubscription] = []
            for subscription in subscriptions {
                guard let parsed = URL(string: subscription.url), let scheme = parsed.scheme?.lowercased(),
                    scheme == "http" || scheme == "https", parsed.host != nil
                else {
                    skipped.append(subscription.url)
                    continue
                }
                let outletID =
                    outlet ?? subscription.outlet ?? FeedOutlets.outlet(for: subscription.url, resolver: resolver)
                feeds.append(
                    FeedSubscription(
                        url: subscription.url, outletID: outletID, title: subscription.title,
                        category: subscription.category))
            }
            for url in skipped { printError("\(file): skipped '\(url)': not an http or https URL") }
            let database = try store.openStore()
            let added: Int
            do { added = try await database.addFeeds(feeds) } catch {
                throw RuntimeFailure(message: "\(store.storePath): \(error.description)")
            }
            let output = StandardOutput()
            output.write("\(feeds.count) feeds in \(file): \(added) new, \(feeds.count - added) already watched\n")
            output.flush()
            if !skipped.isEmpty { throw ExitCode(1) }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the watched feeds as OPML 2.0.")

        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var out: String?

        @Flag(help: "Include retired feeds.")
        var includeRetired = false

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let database = try store.openStore()
            let feeds: [PolledFeed]
            do { feeds = try await database.polledFeeds() } catch {
                throw RuntimeFailure(message: "\(store.storePath): \(error.description)")
            }
            let document = OPML.write(
                feeds.filter { includeRetired || $0.retiredReason == nil }.map {
                    Subscription(url: $0.url, title: $0.title, category: $0.category, outlet: $0.outletID)
                })
            if let out {
                do { try Data(document.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                    throw RuntimeFailure(message: "\(out): cannot write: \(error.localizedDescription)")
                }
            } else {
                let output = StandardOutput()
                output.write(document)
                output.flush()
            }
        }
    }
}

/// The outlet of a feed URL: the registry outlet of its host, else one named after the host.
enum FeedOutlets {
    static func outlet(for url: String, resolver: OutletResolver) -> String {
        var header = FeedHeader()
        header.link = url
        return resolver.outlet(forFeedAt: nil, header: header, override: nil).id
    }
}
