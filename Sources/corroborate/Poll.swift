import ArgumentParser
import Dispatch
import FeedParsing
import FeedPolling
import Foundation
import Logging
import Pipeline
import Storage
import StorageSQLite
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `corroborate poll`: fetch the watched feeds that are due, ingest what is new, and update the
/// stories; once, or as a daemon every few minutes.
struct Poll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Poll the watched feeds, ingest what is new, update stories and claims.",
        discussion: """
            The watched feeds are the registry's (feeds/) and those added with `corroborate feeds \
            add` or `import`. Each feed is polled when due: about as often as it publishes, never \
            sooner than its <ttl> or Cache-Control allow, with conditional GET (ETag and \
            Last-Modified), so that an unchanged feed costs a 304. A failing feed is retried later \
            with exponential backoff and jitter (Retry-After honored) and never dropped; a 410 \
            Gone retires it with the reason shown by `feeds list`.

            --once (the default) runs one cycle and exits: status 1 when any feed failed, each \
            failure on its own line on stderr. --every 5m runs as a daemon, logs one line per \
            cycle, and stops cleanly on SIGINT or SIGTERM (the writes in hand are finished, exit 0).
            """)

    @Flag(help: "Run one cycle and exit (the default).")
    var once = false

    @Option(help: "Run as a daemon, one cycle every DURATION (30s, 5m, 1h).")
    var every: TimeSpan?

    @Flag(help: "Poll every watched feed now, due or not.")
    var all = false

    @Option(help: "Feeds fetched at once.")
    var concurrency: Int = 32

    @Option(help: "Largest feed accepted, in MiB, after decompression.")
    var maxMegabytes: Double = 15

    @Option(help: "Seconds for one whole fetch, redirects and body included.")
    var timeout: Double = 30

    @Option(help: "The User-Agent sent to publishers.")
    var userAgent: String?

    @Flag(help: "Refuse feed hosts that resolve to private, loopback or link-local addresses.")
    var refusePrivateAddresses = false

    @Flag(inversion: .prefixedNo, help: "Watch the registry's feeds (feeds/) as well as the added ones.")
    var registryFeeds = true

    @Flag(name: .customLong("no-analysis"), help: "Store and collapse copies only; extract claims on a later run.")
    var noAnalysis = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if once, every != nil { throw ValidationError("give either --once or --every, not both") }
        if let every, every.seconds < 1 { throw ValidationError("--every must be at least 1s") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if maxMegabytes <= 0 || timeout <= 0 { throw ValidationError("--max-megabytes and --timeout must be positive") }
    }

    func run() async throws {
        if !noAnalysis { Analysis.prepareTables() }
        let registry = try store.loadRegistry()
        let database = try store.openStore()
        var fetching = FetchConfiguration()
        fetching.maxBytes = Int(maxMegabytes * 1_048_576)
        fetching.totalTimeout = timeout
        fetching.globalConcurrency = concurrency
        fetching.refusePrivateAddresses = refusePrivateAddresses
        if let userAgent { fetching.userAgent = userAgent }
        let fetcher = FeedFetcher(configuration: fetching)
        // A daemon keeps its syndication window and story clusterer between cycles.
        let poller = Poller(
            store: database, registry: registry, fetcher: fetcher, concurrency: concurrency, keepsState: every != nil)
        if registryFeeds {
            do { _ = try await poller.watchRegistryFeeds() } catch {
                await fetcher.shutdown()
                throw RuntimeFailure(message: "\(store.storePath): \(error.description)")
            }
        }
        guard let every else {
            let summary = await poller.pollOnce(all: all, analyse: !noAnalysis)
            await fetcher.shutdown()
            for error in summary.errors { printError(error) }
            let output = StandardOutput()
            output.write(Self.line(summary) + "\n")
            output.flush()
            if summary.failed > 0 || !summary.errors.isEmpty { throw ExitCode(1) }
            return
        }
        let stop = StopSignal()
        var logger = Logger(label: "corroborate.poll")
        logger.logLevel = .info
        logger.info("polling every \(Int(every.seconds)) s; SIGINT or SIGTERM stops after the writes in hand")
        let loading = ContinuousClock.now
        do {
            let articles = try await poller.loadKeptState(analyse: !noAnalysis)
            logger.info(
                "window loaded in \(Self.seconds(since: loading)): \(articles) placed articles held for the stories")
        } catch {
            // Not fatal: each cycle loads what it needs, as `--once` does.
            logger.warning("\(error.description)")
        }
        var first = true
        while !stop.requested {
            let started = ContinuousClock.now
            let summary = await poller.pollOnce(all: all && first, analyse: !noAnalysis, shouldStop: { stop.requested })
            first = false
            for error in summary.errors { logger.warning("\(error)") }
            logger.info("\(Self.line(summary)) (cycle \(Self.seconds(since: started)))")
            await stop.sleep(seconds: every.seconds)
        }
        await fetcher.shutdown()
        logger.info("stopped")
    }

    /// "0.093 s": the time since `start`, as the daemon's log lines give it.
    static func seconds(since start: ContinuousClock.Instant) -> String {
        String(format: "%.3f s", (ContinuousClock.now - start).seconds)
    }

    static func line(_ s: PollSummary) -> String {
        var line = "\(s.feeds) feeds polled: \(s.fetched) fetched, \(s.notModified) not modified, \(s.failed) failed"
        if s.retired > 0 { line += ", \(s.retired) retired (410 Gone)" }
        if s.moved > 0 { line += ", \(s.moved) moved" }
        line += "; \(s.ingest.items) items, \(s.ingest.new) new, \(s.ingest.updated) updated"
        if let analysis = s.analysis { line += "; \(analysis.claims) claims" }
        if let stories = s.stories { line += "; \(stories.items) placed in stories" }
        return line
    }
}

/// SIGINT and SIGTERM turned into a flag the polling loop reads between feeds and while it
/// sleeps, so that a stop never cuts a write in half. `@unchecked`: the signal sources are only
/// kept alive here, never touched after `init`; the flag is a `Mutex`.
final class StopSignal: @unchecked Sendable {
    /// The flag in a box of its own, which the signal handlers capture.
    final class Flag: Sendable {
        let value = Mutex(false)
    }

    private let flag = Flag()
    private let sources: [any DispatchSourceSignal]

    init() {
        var made: [any DispatchSourceSignal] = []
        let flag = self.flag
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { flag.value.withLock { $0 = true } }
            source.resume()
            made.append(source)
        }
        sources = made
    }

    var requested: Bool { flag.value.withLock { $0 } }

    /// Sleeps `seconds`, waking early when a stop is requested.
    func sleep(seconds: Double) async {
        let end = ContinuousClock.now + .milliseconds(Int64(seconds * 1_000))
        while !requested, ContinuousClock.now < end {
            try? await Task.sleep(for: .milliseconds(200))
        }
    }
}
