import FeedParsing

/// libFuzzer entry point: any bytes must either parse or fail with a `FeedParseError`, and never
/// crash, hang or read outside what was handed in. The same bytes also go through the streaming
/// API in uneven pieces, which must agree with the whole-document parse.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let whole = try? FeedParser().parse(bytes)
    var entries = 0
    let stream = FeedStreamParser { _ in entries += 1 }
    var offset = 0
    var piece = 1
    var failed = false
    while offset < bytes.count && !failed {
        let end = min(bytes.count, offset + piece)
        do {
            try bytes[offset..<end].withUnsafeBufferPointer { try stream.feed($0) }
        } catch {
            failed = true
        }
        offset = end
        piece = piece * 3 + 1
    }
    let streamed = failed ? nil : try? stream.finish()
    if let whole, let streamed {
        precondition(whole.entries.count == entries, "streaming saw \(entries) entries, whole \(whole.entries.count)")
        precondition(whole.format == streamed.format)
    }
    return 0
}
