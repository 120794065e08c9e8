import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP/1.1 server on 127.0.0.1 (a free port) that answers each path as a test scripts
/// it: plain responses, bodies dripped slowly, silence, redirects. What the polling tests fetch
/// from.
final class FaultServer: Sendable {
    /// What the server does with a request.
    enum Action: Sendable {
        case respond(status: Int, headers: [(String, String)], body: [UInt8])
        /// The head at once, then the body in pieces `delay` seconds apart.
        case drip(headers: [(String, String)], pieces: [[UInt8]], delay: TimeInterval)
        /// Never answers.
        case silence
    }

    /// A request as the server saw it.
    struct Seen: Sendable {
        var path: String
        var headers: [(String, String)]
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    typealias Route = @Sendable (Seen) -> Action

    let channel: any Channel
    let port: Int
    let log: RequestLog

    init(_ route: @escaping Route) async throws {
        let log = RequestLog()
        self.log = log
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(route: route, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress?.port ?? 0
    }

    var base: String { "http://127.0.0.1:\(port)" }

    func url(_ path: String) -> String { base + path }

    func close() async {
        try? await channel.close()
    }

    /// Every request seen, in order.
    final class RequestLog: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [(Seen, Date)] = []

        func append(_ request: Seen) {
            lock.lock()
            seen.append((request, Date()))
            lock.unlock()
        }

        var requests: [(Seen, Date)] {
            lock.lock()
            defer { lock.unlock() }
            return seen
        }
    }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let route: Route
        let log: RequestLog
        var head: HTTPRequestHead?

        init(route: @escaping Route, log: RequestLog) {
            self.route = route
            self.log = log
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head): self.head = head
            case .body: break
            case .end:
                guard let head else { return }
                let seen = Seen(path: head.uri, headers: head.headers.map { ($0.name, $0.value) })
                log.append(seen)
                respond(route(seen), context: context, version: head.version)
            }
        }

        func respond(_ action: Action, context: ChannelHandlerContext, version: HTTPVersion) {
            switch action {
            case .silence:
                return
            case .respond(let status, let headers, let body):
                var fields = HTTPHeaders(headers)
                if !fields.contains(name: "Content-Length") {
                    fields.add(name: "Content-Length", value: "\(body.count)")
                }
                let head = HTTPResponseHead(version: version, status: .init(statusCode: status), headers: fields)
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            case .drip(let headers, let pieces, let delay):
                var fields = HTTPHeaders(headers)
                fields.add(name: "Content-Length", value: "\(pieces.reduce(0) { $0 + $1.count })")
                let head = HTTPResponseHead(version: version, status: .ok, headers: fields)
                context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
                let loop = context.eventLoop
                let bound = NIOLoopBound(context, eventLoop: loop)
                let wrapped = NIOLoopBound(self, eventLoop: loop)
                for (index, piece) in pieces.enumerated() {
                    loop.scheduleTask(in: .milliseconds(Int64(delay * 1_000 * Double(index + 1)))) {
                        let context = bound.value
                        let handler = wrapped.value
                        guard context.channel.isActive else { return }
                        context.writeAndFlush(
                            handler.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: piece)))), promise: nil)
                        if index == pieces.count - 1 {
                            context.writeAndFlush(handler.wrapOutboundOut(.end(nil)), promise: nil)
                        }
                    }
                }
            }
        }
    }
}

/// `bytes` compressed with the system's gzip.
func gzipped(_ bytes: [UInt8]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-c", "-9"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    let writer = Thread {
        input.fileHandleForWriting.write(Data(bytes))
        try? input.fileHandleForWriting.close()
    }
    writer.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return [UInt8](data)
}

/// A small valid RSS document with `count` items, dated an hour apart.
func sampleFeed(title: String = "Sample Wire", count: Int = 3, encoding: String = "UTF-8") -> [UInt8] {
    var out = "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<rss version=\"2.0\"><channel><title>\(title)</title>"
    out += "<link>https://wire.example/</link><ttl>30</ttl>"
    for index in 0..<count {
        out += "<item><title>Item \(index)</title><guid>https://wire.example/\(index)</guid>"
        out += "<pubDate>Mon, 02 Mar 2026 \(String(format: "%02d", 10 + index)):00:00 GMT</pubDate>"
        out += "<description>Body of item \(index).</description></item>"
    }
    return Array((out + "</channel></rss>\n").utf8)
}
