import Foundation

/// When to poll a feed next. Pure: the feed's recent history in, a date out.
///
/// A healthy feed is polled about as often as it publishes (half its median gap between items),
/// never more often than its `<ttl>`, its `Cache-Control: max-age` or its `Expires` allow, and
/// within `minimumInterval...maximumInterval`. A failing feed backs off exponentially with
/// jitter up to `backoffCap`, honoring `Retry-After`; it is never dropped for failing (an
/// outage must not kill every feed): only a 410 retires a feed, with its reason kept.
public struct PollSchedule: Sendable, Hashable {
    public var minimumInterval: TimeInterval = 5 * 60
    public var maximumInterval: TimeInterval = 6 * 3_600
    /// For a feed whose publishing rate is not known yet.
    public var defaultInterval: TimeInterval = 30 * 60
    public var backoffBase: TimeInterval = 5 * 60
    public var backoffCap: TimeInterval = 12 * 3_600
    /// The share of a backoff that is randomized, so that feeds failing together do not retry together.
    public var jitter: Double = 0.2

    public init() {}

    /// After a successful poll (or a 304) at `now`.
    /// - Parameters:
    ///   - itemDates: publication dates of the feed's recent items, in any order.
    ///   - ttlMinutes: the feed's `<ttl>`.
    ///   - maxAge: `Cache-Control: max-age` of the response.
    ///   - expires: `Expires` of the response.
    public func nextPoll(
        now: Date, itemDates: [Date], ttlMinutes: Int? = nil, maxAge: TimeInterval? = nil, expires: Date? = nil
    ) -> Date {
        var interval = publishingInterval(itemDates) ?? defaultInterval
        if let ttlMinutes, ttlMinutes > 0 { interval = max(interval, TimeInterval(ttlMinutes) * 60) }
        if let maxAge, maxAge > 0 { interval = max(interval, maxAge) }
        if let expires, expires > now { interval = max(interval, expires.timeIntervalSince(now)) }
        return now.addingTimeInterval(min(maximumInterval, max(minimumInterval, interval)))
    }

    /// After the `errorCount`-th failure in a row (1 for the first), with `random` in 0..<1.
    public func nextPoll(
        now: Date, afterFailures errorCount: Int, retryAfter: TimeInterval? = nil, random: Double
    ) -> Date {
        let exponent = Double(min(max(0, errorCount - 1), 20))
        var delay = min(backoffCap, backoffBase * pow(2, exponent))
        delay *= 1 + jitter * (2 * random - 1)
        if let retryAfter { delay = max(delay, min(retryAfter, 24 * 3_600)) }
        return now.addingTimeInterval(max(minimumInterval / 5, delay))
    }

    /// Half the median gap between the recent items: a feed that publishes hourly is read
    /// every half hour. Nil with fewer than three dated items.
    func publishingInterval(_ dates: [Date]) -> TimeInterval? {
        let sorted = dates.sorted()
        guard sorted.count >= 3 else { return nil }
        let gaps = zip(sorted.dropFirst(), sorted).map { $0.timeIntervalSince($1) }.filter { $0 > 0 }.sorted()
        guard !gaps.isEmpty else { return nil }
        return gaps[gaps.count / 2] / 2
    }
}
