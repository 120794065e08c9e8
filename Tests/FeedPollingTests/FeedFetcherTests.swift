import Foundation
import Testing

@testable import FeedPolling

/// The fetcher against a real server on loopback, one fault at a time.
@Suite struct FeedFetcherTests {
    static func fetcher(_ change: (inout FetchConfiguration) -> Void = { _ in }) -> FeedFetcher {
        var configuration = FetchConfiguration()
        configuration.perHostSpacing = 0
        // Generous, so that a loaded machine does not fail tests that are not about time; the
        // timeout tests set their own.
        configuration.readTimeout = 60
        configuration.totalTimeout = 120
        change(&configuration)
        return FeedFetcher(configuration: configuration)
    }

    @Test func aDocumentComesWithItsValidatorsAndCharset() async throws {
        let server = try await FaultServer { _ in
            .respond(
                status: 200,
                headers: [
                    ("Content-Type", "application/rss+xml; charset=\"windows-1251\""), ("ETag", "\"v1\""),
                    ("Last-Modified", "Mon, 02 Mar 2026 10:00:00 GMT"), ("Cache-Control", "public, max-age=900"),
                ], body: sampleFeed())
        }
        let fetcher = Self.fetcher()
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/feed")))
        #expect(response.body == .document(sampleFeed()))
        #expect(response.etag == "\"v1\"")
        #expect(response.lastModified == "Mon, 02 Mar 2026 10:00:00 GMT")
        #expect(response.charset == "windows-1251")
        #expect(response.maxAge == 900)
        let seen = try #require(server.log.requests.first?.0)
        #expect(seen.header("User-Agent")?.hasPrefix("Corroborate/") == true, "a descriptive User-Agent")
        #expect(seen.header("Accept-Encoding")?.contains("gzip") == true)
        await fetcher.shutdown()
        await server.close()
    }

    /// 304 for a matching ETag, and for a matching date when the server keeps no ETag.
    @Test func conditionalGetGivesNotModified() async throws {
        let server = try await FaultServer { request in
            if request.path == "/etag", request.header("If-None-Match") == "\"v1\"" {
                return .respond(status: 304, headers: [("ETag", "\"v1\"")], body: [])
            }
            if request.path == "/date", request.header("If-Modified-Since") == "Mon, 02 Mar 2026 10:00:00 GMT" {
                return .respond(status: 304, headers: [], body: [])
            }
            return .respond(status: 200, headers: [("ETag", "\"v1\"")], body: sampleFeed())
        }
        let fetcher = Self.fetcher()
        let byTag = try await fetcher.fetch(FetchRequest(url: server.url("/etag"), etag: "\"v1\""))
        #expect(byTag.body == .notModified)
        let byDate = try await fetcher.fetch(
            FetchRequest(url: server.url("/date"), lastModified: "Mon, 02 Mar 2026 10:00:00 GMT"))
        #expect(byDate.body == .notModified)
        let changed = try await fetcher.fetch(FetchRequest(url: server.url("/etag"), etag: "\"v0\""))
        #expect(changed.body == .document(sampleFeed()))
        await fetcher.shutdown()
        await server.close()
    }

    @Test func gzipIsDecompressedAndTheCapAppliesAfterwards() async throws {
        let feed = sampleFeed(count: 40)
        let packed = try gzipped(feed)
        let bomb = try gzipped([UInt8](repeating: 0x20, count: 8 << 20))
        let server = try await FaultServer { request in
            switch request.path {
            case "/gzip": return .respond(status: 200, headers: [("Content-Encoding", "gzip")], body: packed)
            case "/bomb": return .respond(status: 200, headers: [("Content-Encoding", "gzip")], body: bomb)
            default: return .respond(status: 200, headers: [], body: [UInt8](repeating: 0x20, count: 300_000))
            }
        }
        let fetcher = Self.fetcher { $0.maxBytes = 200_000 }
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/gzip")))
        #expect(response.body == .document(feed))
        #expect(bomb.count < 200_000, "the bomb is small on the wire")
        await #expect(throws: FetchError.self) { try await fetcher.fetch(FetchRequest(url: server.url("/bomb"))) }
        do {
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/plain")))
            Issue.record("an oversized body must be refused")
        } catch {
            #expect(error == .tooLarge(limit: 200_000))
        }
        await fetcher.shutdown()
        await server.close()
    }

    @Test func aSlowDripAndASilentServerTimeOut() async throws {
        let server = try await FaultServer { request in
            if request.path == "/silent" { return .silence }
            // Five minutes of drip: a fetch that ends before that was ended by a timeout.
            return .drip(headers: [], pieces: Array(repeating: Array("<rss>".utf8), count: 600), delay: 0.5)
        }
        let fetcher = Self.fetcher {
            $0.readTimeout = 0.5
            $0.totalTimeout = 1.5
        }
        let started = Date()
        do {
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/drip")))
            Issue.record("a drip slower than the total timeout must fail")
        } catch {
            guard case .timedOut = error else { throw error }
        }
        do {
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/silent")))
            Issue.record("a silent server must time out")
        } catch {
            guard case .timedOut = error else { throw error }
        }
        // Loose: a loaded machine (tests run in parallel) may be slow to wake the timers.
        #expect(Date().timeIntervalSince(started) < 240, "both gave up long before the drip (300 s) would end")
        await fetcher.shutdown()
        await server.close()
    }

    @Test func redirectsAreFollowedRecordedAndBounded() async throws {
        let server = try await FaultServer { request in
            switch request.path {
            case "/old": return .respond(status: 301, headers: [("Location", "/older")], body: [])
            case "/older": return .respond(status: 308, headers: [("Location", "/feed")], body: [])
            case "/temporary": return .respond(status: 302, headers: [("Location", "/old")], body: [])
            case "/loop-a": return .respond(status: 302, headers: [("Location", "/loop-b")], body: [])
            case "/loop-b": return .respond(status: 302, headers: [("Location", "/loop-a")], body: [])
            case "/to-file": return .respond(status: 301, headers: [("Location", "file:///etc/passwd")], body: [])
            case "/nowhere": return .respond(status: 302, headers: [], body: [])
            default: return .respond(status: 200, headers: [], body: sampleFeed())
            }
        }
        let fetcher = Self.fetcher()
        let moved = try await fetcher.fetch(FetchRequest(url: server.url("/old")))
        #expect(moved.movedPermanentlyTo == server.url("/feed"), "two permanent hops: the feed moved")
        #expect(moved.finalURL == server.url("/feed"))
        let temporary = try await fetcher.fetch(FetchRequest(url: server.url("/temporary")))
        #expect(temporary.movedPermanentlyTo == nil, "a temporary hop on the way: the feed did not move")
        for (path, expected) in [
            ("/loop-a", FetchError.redirectLoop(server.url("/loop-a"))),
            ("/to-file", .schemeNotAllowed("file:///etc/passwd")),
            ("/nowhere", .redirectWithoutLocation(status: 302)),
        ] {
            do {
                _ = try await fetcher.fetch(FetchRequest(url: server.url(path)))
                Issue.record("\(path) must fail")
            } catch {
                #expect(error == expected)
            }
        }
        await fetcher.shutdown()
        await server.close()
    }

    @Test func errorStatusesCarryRetryAfterAndGoneIsGone() async throws {
        let server = try await FaultServer { request in
            switch request.path {
            case "/busy": return .respond(status: 429, headers: [("Retry-After", "120")], body: [])
            case "/down":
                return .respond(status: 503, headers: [("Retry-After", "Mon, 02 Mar 2099 10:00:00 GMT")], body: [])
            case "/gone": return .respond(status: 410, headers: [], body: [])
            default: return .respond(status: 500, headers: [], body: [])
            }
        }
        let fetcher = Self.fetcher()
        do {
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/busy")))
            Issue.record("429 must fail")
        } catch {
            #expect(error == .http(status: 429, retryAfter: 120))
        }
        do {
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/down")))
            Issue.record("503 must fail")
        } catch {
            #expect((error.retryAfter ?? 0) > 86_400 * 365, "an HTTP date in Retry-After")
        }
        let gone = try await fetcher.fetch(FetchRequest(url: server.url("/gone")))
        #expect(gone.body == .gone)
        await fetcher.shutdown()
        await server.close()
    }

    @Test func onlyHTTPAndNoInternalAddressesWhenAsked() async throws {
        let fetcher = Self.fetcher { $0.refusePrivateAddresses = true }
        for url in ["file:///etc/passwd", "ftp://example.com/feed", "gopher://x", "not a url"] {
            await #expect(throws: FetchError.self) { try await fetcher.fetch(FetchRequest(url: url)) }
        }
        do {
            _ = try await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:9/feed"))
            Issue.record("loopback must be refused")
        } catch {
            guard case .privateAddress = error else { throw error }
        }
        await fetcher.shutdown()
    }

    /// The gate itself (the server above is on loopback, which the gate exempts): starts on one
    /// host come `spacing` apart and one at a time; other hosts do not wait for it.
    @Test func requestsToOneHostAreSpacedAndLimited() async throws {
        let gate = HostGate(perHost: 1, spacing: 0.2, global: 8)
        let clock = ContinuousClock()
        let started = clock.now
        let starts = await withTaskGroup(of: (String, Duration).self) { group in
            for index in 0..<4 {
                let host = index < 3 ? "wire.example" : "other.example"
                group.addTask {
                    await gate.acquire(host)
                    let at = clock.now - started
                    try? await Task.sleep(for: .milliseconds(50))
                    await gate.release(host)
                    return (host, at)
                }
            }
            var seen: [(String, Duration)] = []
            for await start in group { seen.append(start) }
            return seen
        }
        let wire = starts.filter { $0.0 == "wire.example" }.map(\.1).sorted()
        // Each start on one host waits for the previous one's turn: the k-th comes no sooner
        // than k spacings after the first could (a loaded machine only makes it later).
        for (index, start) in wire.enumerated() {
            #expect(start >= .milliseconds(200 * index - 5), "start \(index) at \(start)")
        }
        let other = try #require(starts.first { $0.0 == "other.example" }?.1)
        #expect(other < wire[2], "another host does not wait for this one's turns")
        #expect(
            HostGate.isLoopback("127.0.0.1") && HostGate.isLoopback("localhost") && !HostGate.isLoopback("tass.com"))
    }
}

@Suite struct PollScheduleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aFeedIsPolledAsOftenAsItPublishesWithinBounds() {
        let schedule = PollSchedule()
        let hourly = (0..<10).map { now.addingTimeInterval(-3_600 * Double($0)) }
        #expect(schedule.nextPoll(now: now, itemDates: hourly) == now.addingTimeInterval(1_800))
        let everyMinute = (0..<10).map { now.addingTimeInterval(-60 * Double($0)) }
        #expect(schedule.nextPoll(now: now, itemDates: everyMinute) == now.addingTimeInterval(300), "the minimum")
        let weekly = (0..<5).map { now.addingTimeInterval(-7 * 86_400 * Double($0)) }
        #expect(schedule.nextPoll(now: now, itemDates: weekly) == now.addingTimeInterval(6 * 3_600), "the maximum")
        #expect(schedule.nextPoll(now: now, itemDates: []) == now.addingTimeInterval(1_800), "unknown rate")
    }

    @Test func ttlAndCacheHeadersAreHonored() {
        let schedule = PollSchedule()
        let hourly = (0..<10).map { now.addingTimeInterval(-3_600 * Double($0)) }
        #expect(schedule.nextPoll(now: now, itemDates: hourly, ttlMinutes: 120) == now.addingTimeInterval(7_200))
        #expect(schedule.nextPoll(now: now, itemDates: hourly, maxAge: 3_000) == now.addingTimeInterval(3_000))
        #expect(
            schedule.nextPoll(now: now, itemDates: hourly, expires: now.addingTimeInterval(4_000))
                == now.addingTimeInterval(4_000))
    }

    @Test func failuresBackOffWithJitterUpToACapAndNeverStop() {
        let schedule = PollSchedule()
        var previous = 0.0
        for failures in 1...12 {
            let delay = schedule.nextPoll(now: now, afterFailures: failures, random: 0.5).timeIntervalSince(now)
            #expect(delay >= previous, "never sooner after more failures")
            #expect(delay <= schedule.backoffCap)
            previous = delay
        }
        #expect(previous == schedule.backoffCap, "capped, and still polled")
        let low = schedule.nextPoll(now: now, afterFailures: 3, random: 0).timeIntervalSince(now)
        let high = schedule.nextPoll(now: now, afterFailures: 3, random: 0.999).timeIntervalSince(now)
        #expect(low < high, "jitter spreads retries")
        let asked = schedule.nextPoll(now: now, afterFailures: 1, retryAfter: 7_200, random: 0.5)
        #expect(asked == now.addingTimeInterval(7_200), "Retry-After is honored")
    }
}
