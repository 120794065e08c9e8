import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Politeness: at most `perHost` requests in flight to one host and `global` in all, and
/// `spacing` seconds between two request starts on one host. Waiters are woken in turn as
/// requests finish.
actor HostGate {
    let perHost: Int
    let spacing: Duration
    let global: Int
    private var active: [String: Int] = [:]
    private var activeInAll = 0
    private var nextStart: [String: ContinuousClock.Instant] = [:]
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(perHost: Int, spacing: TimeInterval, global: Int) {
        self.perHost = max(1, perHost)
        self.spacing = .milliseconds(Int64(max(0, spacing) * 1_000))
        self.global = max(1, global)
    }

    /// Waits for a slot on `host`, then for its turn after the previous start.
    func acquire(_ host: String) async {
        let polite = !Self.isLoopback(host)
        while (polite && active[host, default: 0] >= perHost) || activeInAll >= global {
            await withCheckedContinuation { waiters.append($0) }
        }
        active[host, default: 0] += 1
        activeInAll += 1
        guard polite else { return }
        let now = ContinuousClock.now
        let start = max(now, nextStart[host] ?? now)
        nextStart[host] = start + spacing
        if start > now { try? await Task.sleep(until: start, clock: .continuous) }
    }

    /// `localhost` and loopback addresses: no publisher to be polite to.
    static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return name == "localhost" || name.hasSuffix(".localhost") || name == "::1" || name.hasPrefix("127.")
    }

    func release(_ host: String) {
        active[host, default: 1] -= 1
        if active[host] == 0 { active[host] = nil }
        activeInAll -= 1
        let woken = waiters
        waiters.removeAll()
        for waiter in woken { waiter.resume() }
    }
}

/// Which addresses a host name resolves to, and which of them are internal.
enum AddressCheck {
    /// Every address of `host` (a literal address resolves to itself).
    static func resolve(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var current: UnsafeMutablePointer<addrinfo>? = first
        while let info = current {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(
                info.pointee.ai_addr, info.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST)
                == 0
            {
                let end = buffer.firstIndex(of: 0) ?? buffer.count
                addresses.append(String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            current = info.pointee.ai_next
        }
        return addresses
    }

    /// Loopback, private (RFC 1918, unique local), link-local, unspecified, CGNAT and mapped
    /// forms of them.
    static func isInternal(_ address: String) -> Bool {
        let lowered = address.lowercased()
        if lowered.contains(":") {
            if lowered == "::1" || lowered == "::" { return true }
            if lowered.hasPrefix("fe8") || lowered.hasPrefix("fe9") || lowered.hasPrefix("fea")
                || lowered.hasPrefix("feb")
            {
                return true
            }
            if lowered.hasPrefix("fc") || lowered.hasPrefix("fd") { return true }
            if let mapped = lowered.components(separatedBy: "::ffff:").last, mapped != lowered {
                return isInternal(mapped)
            }
            return false
        }
        let parts = lowered.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4 else { return true }
        switch (parts[0], parts[1]) {
        case (10, _), (127, _), (0, _): return true
        case (169, 254): return true
        case (172, 16...31): return true
        case (192, 168): return true
        case (100, 64...127): return true
        default: return parts[0] >= 224
        }
    }
}
