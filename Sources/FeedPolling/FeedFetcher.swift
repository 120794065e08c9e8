import AsyncHTTPClient
import FeedParsing
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// How the fetcher behaves towards publishers and what it accepts from them.
public struct FetchConfiguration: Sendable, Hashable {
    /// Says who polls and how to reach whoever runs it: publishers block anonymous scrapers.
    public var userAgent = "Corroborate/0.1 (multi-source news corroboration; polite feed polling)"
    /// Seconds to open a connection.
    public var connectTimeout: TimeInterval = 5
    /// Seconds the server may stay silent while sending.
    public var readTimeout: TimeInterval = 10
    /// Seconds for the whole exchange, redirects and body included: a slow drip ends here. Short
    /// enough that a few stalled servers cannot hold every slot of a cycle for long.
    public var totalTimeout: TimeInterval = 30
    /// Bytes of body accepted, counted after decompression (a gzip bomb stops here).
    public var maxBytes = 15 << 20
    /// Redirects followed before giving up.
    public var maxRedirects = 5
    /// Requests in flight to one host, and the seconds between two starts on it. Loopback hosts
    /// (a local mirror or test server, not a publisher) are held to the global limit only.
    public var perHostConcurrency = 2
    public var perHostSpacing: TimeInterval = 1
    /// Requests in flight in all.
    public var globalConcurrency = 32
    /// Refuse hosts that resolve to loopback, private, link-local or otherwise internal
    /// addresses: for deployments that poll feed URLs submitted by others.
    public var refusePrivateAddresses = false

    public init() {}
}

/// What to fetch: the feed's URL and the validators of the last response.
public struct FetchRequest: Sendable, Hashable {
    public var url: String
    public var etag: String?
    public var lastModified: String?

    public init(url: String, etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// What the server answered, with everything scheduling and parsing need from its headers.
public struct FetchResponse: Sendable, Hashable {
    public enum Body: Sendable, Hashable {
        /// A feed document, decompressed.
        case document([UInt8])
        /// 304: nothing changed since the validators sent.
        case notModified
        /// 410: the feed is gone for good.
        case gone
    }

    public var body: Body
    public var status: Int
    /// The URL that answered, after redirects.
    public var finalURL: String
    /// Set when every redirect on the way was permanent (301, 308): the feed's new address.
    public var movedPermanentlyTo: String?
    public var etag: String?
    public var lastModified: String?
    /// The charset of `Content-Type`, handed to the parser.
    public var charset: String?
    /// Seconds the response may be cached (`Cache-Control: max-age`), or until `expires`.
    public var maxAge: TimeInterval?
    public var expires: Date?
}

/// Why a fetch failed; each says what went wrong and where.
public enum FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidURL(String)
    case schemeNotAllowed(String)
    case privateAddress(host: String, address: String)
    case redirectLoop(String)
    case tooManyRedirects(Int)
    case redirectWithoutLocation(status: Int)
    case tooLarge(limit: Int)
    case timedOut(String)
    /// An HTTP error status; `retryAfter` from the `Retry-After` header, in seconds.
    case http(status: Int, retryAfter: TimeInterval?)
    case transport(String)

    public var description: String {
        switch self {
        case .invalidURL(let url): return "not a valid URL: \(url)"
        case .schemeNotAllowed(let url): return "only http and https are fetched: \(url)"
        case .privateAddress(let host, let address):
            return "\(host) resolves to a private or loopback address (\(address)), refused"
        case .redirectLoop(let url): return "redirect loop back to \(url)"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        case .redirectWithoutLocation(let status): return "HTTP \(status) redirect without a Location"
        case .tooLarge(let limit): return "body larger than \(limit) bytes after decompression"
        case .timedOut(let what): return "timed out: \(what)"
        case .http(let status, let retryAfter):
            return "HTTP \(status)" + (retryAfter.map { String(format: " (retry after %.0f s)", $0) } ?? "")
        case .transport(let reason): return reason
        }
    }

    /// Seconds the server asked us to wait, when it did.
    public var retryAfter: TimeInterval? {
        if case .http(_, let retryAfter) = self { return retryAfter }
        return nil
    }
}

/// Fetches feeds over HTTP and HTTPS on AsyncHTTPClient, the way a considerate reader does:
/// conditional GET, compressed transfer, a size cap after decompression, timeouts, a bounded and
/// loop-checked redirect chain, one User-Agent, and a per-host and global limit on requests.
public final class FeedFetcher: Sendable {
    public let configuration: FetchConfiguration
    let client: HTTPClient
    let gate: HostGate

    public init(configuration: FetchConfiguration = FetchConfiguration()) {
        self.configuration = configuration
        var http = HTTPClient.Configuration()
        // Redirects are followed here, not by the client: permanent moves are recorded, loops
        // and scheme changes refused.
        http.redirectConfiguration = .disallow
        http.timeout = .init(
            connect: .milliseconds(Int64(configuration.connectTimeout * 1_000)),
            read: .milliseconds(Int64(configuration.readTimeout * 1_000)))
        // The host gate decides how many requests a host gets; the client's pool must not hold
        // them back again (its default of 8 per host made requests queue behind stalled ones).
        http.connectionPool = .init(
            idleTimeout: .seconds(30),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, configuration.globalConcurrency))
        // The byte cap is applied while reading; the ratio bounds any one decompressed chunk.
        http.decompression = .enabled(limit: .ratio(1_000))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
        gate = HostGate(
            perHost: configuration.perHostConcurrency, spacing: configuration.perHostSpacing,
            global: configuration.globalConcurrency)
    }

    /// Closes the connections; call once when done.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Fetches `request.url`, following redirects; never throws anything but a `FetchError`.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        let deadline = NIODeadline.now() + .milliseconds(Int64(configuration.totalTimeout * 1_000))
        var url = request.url
        var visited = Set<String>()
        var permanentSoFar = true
        var movedTo: String?
        for _ in 0...configuration.maxRedirects {
            guard visited.insert(url).inserted else { throw .redirectLoop(url) }
            let target = try await check(url)
            let outcome = try await exchange(target, request: request, deadline: deadline)
            switch outcome {
            case .redirect(let status, let location):
                guard let location else { throw .redirectWithoutLocation(status: status) }
                guard let next = URL(string: location, relativeTo: target)?.absoluteURL.absoluteString else {
                    throw .invalidURL(location)
                }
                permanentSoFar = permanentSoFar && (status == 301 || status == 308)
                movedTo = permanentSoFar ? next : nil
                url = next
            case .response(var response):
                response.movedPermanentlyTo = movedTo
                return response
            }
        }
        throw .tooManyRedirects(configuration.maxRedirects)
    }

    enum Exchange {
        case redirect(status: Int, location: String?)
        case response(FetchResponse)
    }

    /// The URL parsed and allowed: http or https, a host, and (when asked) no internal address.
    func check(_ url: String) async throws(FetchError) -> URL {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased() else { throw .invalidURL(url) }
        guard scheme == "http" || scheme == "https" else { throw .schemeNotAllowed(url) }
        guard let host = parsed.host, !host.isEmpty else { throw .invalidURL(url) }
        if configuration.refusePrivateAddresses {
            for address in AddressCheck.resolve(host) where AddressCheck.isInternal(address) {
                throw .privateAddress(host: host, address: address)
            }
        }
        return parsed
    }

    /// One request and its response, inside the host gate and the overall deadline.
    func exchange(_ url: URL, request: FetchRequest, deadline: NIODeadline) async throws(FetchError) -> Exchange {
        let host = url.host!.lowercased()
        await gate.acquire(host)
        defer { Task { await gate.release(host) } }
        var http = HTTPClientRequest(url: url.absoluteString)
        http.headers.add(name: "User-Agent", value: configuration.userAgent)
        http.headers.add(
            name: "Accept",
            value: "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, "
                + "text/xml;q=0.8, */*;q=0.5")
        http.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag = request.etag { http.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = request.lastModified { http.headers.add(name: "If-Modified-Since", value: lastModified) }
        do {
            let response = try await client.execute(http, deadline: deadline)
            let status = Int(response.status.code)
            let headers = response.headers
            switch status {
            case 300...399 where status != 304:
                return .redirect(status: status, location: headers.first(name: "Location"))
            case 304:
                return .response(Self.response(.notModified, status: status, url: url, headers: headers))
            case 410:
                return .response(Self.response(.gone, status: status, url: url, headers: headers))
            case 200...299:
                var bytes: [UInt8] = []
                if let length = headers.first(name: "Content-Length").flatMap(Int.init), length > configuration.maxBytes
                {
                    throw FetchError.tooLarge(limit: configuration.maxBytes)
                }
                for try await chunk in response.body {
                    // The client's deadline covers the head; a body dripped slower is cut here.
                    guard NIODeadline.now() < deadline else {
                        throw FetchError.timedOut("\(host) sent the body too slowly")
                    }
                    guard bytes.count + chunk.readableBytes <= configuration.maxBytes else {
                        throw FetchError.tooLarge(limit: configuration.maxBytes)
                    }
                    bytes.append(contentsOf: chunk.readableBytesView)
                }
                return .response(Self.response(.document(bytes), status: status, url: url, headers: headers))
            default:
                throw FetchError.http(
                    status: status,
                    retryAfter: headers.first(name: "Retry-After").flatMap { HTTPHeaderValues.retryAfter($0) })
            }
        } catch let error as FetchError {
            throw error
        } catch let error as HTTPClientError {
            throw describe(error, url: url)
        } catch {
            throw .transport("\(url.host ?? ""): \(error)")
        }
    }

    func describe(_ error: HTTPClientError, url: URL) -> FetchError {
        switch error {
        case .deadlineExceeded: return .timedOut("the whole exchange with \(url.host ?? "")")
        case .readTimeout: return .timedOut("\(url.host ?? "") stopped sending")
        case .connectTimeout: return .timedOut("connecting to \(url.host ?? "")")
        case .remoteConnectionClosed: return .transport("\(url.host ?? "") closed the connection")
        default:
            // The decompressor's own ratio bound: a compression bomb.
            if "\(error)".lowercased().contains("decompression") {
                return .tooLarge(limit: configuration.maxBytes)
            }
            return .transport("\(url.host ?? ""): \(error)")
        }
    }

    static func response(_ body: FetchResponse.Body, status: Int, url: URL, headers: HTTPHeaders) -> FetchResponse {
        let cacheControl = headers[canonicalForm: "Cache-Control"].map(String.init)
        return FetchResponse(
            body: body, status: status, finalURL: url.absoluteString, movedPermanentlyTo: nil,
            etag: headers.first(name: "ETag"), lastModified: headers.first(name: "Last-Modified"),
            charset: headers.first(name: "Content-Type").flatMap(HTTPHeaderValues.charset),
            maxAge: HTTPHeaderValues.maxAge(cacheControl),
            expires: headers.first(name: "Expires").flatMap(FeedDateParser.parse))
    }
}

/// Values read out of HTTP headers.
public enum HTTPHeaderValues {
    /// `Retry-After`: seconds, or an HTTP date (seconds from now, at least 0).
    public static func retryAfter(_ value: String, now: Date = Date()) -> TimeInterval? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = TimeInterval(trimmed), seconds >= 0 { return seconds }
        return FeedDateParser.parse(trimmed).map { max(0, $0.timeIntervalSince(now)) }
    }

    /// The `charset` parameter of a `Content-Type`.
    public static func charset(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if parts.count == 2, parts[0].lowercased() == "charset" {
                let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// `max-age` (or `s-maxage`) of `Cache-Control`; 0 for `no-cache` and `no-store`.
    public static func maxAge(_ values: [String]) -> TimeInterval? {
        var found: TimeInterval?
        for directive in values.flatMap({ $0.split(separator: ",") }) {
            let parts = directive.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            switch parts[0] {
            case "max-age", "s-maxage":
                if parts.count == 2, let seconds = TimeInterval(parts[1]), seconds >= 0 {
                    found = max(found ?? 0, seconds)
                }
            case "no-cache", "no-store":
                found = found ?? 0
            default: continue
            }
        }
        return found
    }
}
