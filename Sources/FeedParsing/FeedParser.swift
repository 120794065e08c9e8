import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything about a parsed document except its entries, which a streaming parse hands out
/// one by one as they complete.
public struct FeedDocumentInfo: Sendable, Hashable {
    public init(
        format: FeedFormat, encoding: String, wellFormed: Bool, warnings: [String], header: FeedHeader, entryCount: Int
    ) {
        self.format = format
        self.encoding = encoding
        self.wellFormed = wellFormed
        self.warnings = warnings
        self.header = header
        self.entryCount = entryCount
    }

    public var format: FeedFormat
    public var encoding: String
    public var wellFormed: Bool
    public var warnings: [String]
    public var header: FeedHeader
    public var entryCount: Int
}

/// Parses RSS 0.9x, RSS 1.0 (RDF), RSS 2.0, Atom 0.3 and Atom 1.0 documents into `ParsedFeed`s.
///
/// The parser is built for feeds as they are, not as the specifications describe them: it
/// decides the encoding from the bytes when the declaration is wrong, repairs undeclared HTML
/// entities, bare ampersands, control characters and unclosed CDATA, and keeps what a truncated
/// document holds, saying in `warnings` what it had to do. It refuses, with an error naming the
/// attack, documents that declare external entities, expand entities past a budget, nest too
/// deep or exceed the size limit; libxml2 never loads a DTD or touches the network.
public struct FeedParser: Sendable {
    public var options: FeedParserOptions

    public init(options: FeedParserOptions = FeedParserOptions()) {
        self.options = options
    }

    /// Parses a whole document held in memory.
    public func parse(_ bytes: [UInt8]) throws(FeedParseError) -> ParsedFeed {
        var entries: [FeedEntry] = []
        let stream = FeedStreamParser(options: options) { entries.append($0) }
        let info = try bytes.withUnsafeBufferPointer { buffer throws(FeedParseError) in
            try stream.finish(lastPiece: buffer)
        }
        return ParsedFeed(
            format: info.format, encoding: info.encoding, wellFormed: info.wellFormed, warnings: info.warnings,
            header: info.header, entries: entries)
    }
}

extension ParsedFeed {
    /// What the document said about itself, without the entries.
    public var info: FeedDocumentInfo {
        FeedDocumentInfo(
            format: format, encoding: encoding, wellFormed: wellFormed, warnings: warnings, header: header,
            entryCount: entries.count)
    }
}

/// Parses one document fed in pieces, handing each entry to `onEntry` as soon as it is complete,
/// so that memory stays flat however large the feed. Not thread-safe: one document, one thread.
public final class FeedStreamParser {
    private let options: FeedParserOptions
    private let onEntry: (FeedEntry) -> Void
    private var builder: FeedBuilder
    private var driver: LibXMLDriver
    /// True once a piece was processed before the last one: the document is not in one piece.
    private var processedEarlierPieces = false
    private var decoder: CharacterDecoder?
    private var repairer: XMLRepairer
    /// Bytes received but not processed yet: they wait for more bytes or for `finish()`, so that
    /// a document that arrives in one piece is processed once, as a whole, and its first bytes
    /// are enough to decide the encoding.
    private var held: [UInt8] = []
    private var rawPending: [UInt8] = []
    private var utf8Pending: [UInt8] = []
    private var decodeScratch: [UInt8] = []
    private var repairScratch: [UInt8] = []
    private var totalBytes = 0
    private var pendingError: FeedParseError?
    /// How many of the first bytes decide the encoding.
    private let sampleSize: Int
    /// How many bytes are held back before a piece is processed.
    private let holdBack: Int

    public convenience init(options: FeedParserOptions = FeedParserOptions(), onEntry: @escaping (FeedEntry) -> Void) {
        self.init(options: options, holdBack: 256 << 10, sampleSize: 64 << 10, onEntry: onEntry)
    }

    /// `holdBack` and `sampleSize` are seams for tests that exercise the piece boundaries of small
    /// documents.
    init(options: FeedParserOptions, holdBack: Int, sampleSize: Int, onEntry: @escaping (FeedEntry) -> Void) {
        self.holdBack = holdBack
        self.sampleSize = sampleSize
        self.options = options
        self.onEntry = onEntry
        builder = FeedBuilder(options: options, onEntry: onEntry)
        driver = LibXMLDriver(builder: builder)
        repairer = XMLRepairer(
            limits: .init(maxExpansionBytes: options.maxEntityExpansionBytes, maxEntityDepth: 16))
        silenceLibXMLGlobalErrors()
    }

    /// Feeds the next piece of the document.
    public func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws(FeedParseError) {
        do {
            try feedChecked(bytes)
        } catch {
            pendingError = error
            throw error
        }
    }

    private func feedChecked(_ bytes: UnsafeBufferPointer<UInt8>) throws(FeedParseError) {
        totalBytes += bytes.count
        if totalBytes > options.maxDocumentBytes {
            throw .documentTooLarge(bytes: totalBytes, limit: options.maxDocumentBytes)
        }
        held.append(contentsOf: bytes)
        // The encoding is decided once, from the first `sampleSize` bytes, whatever the piece size.
        guard held.count >= holdBack, decoder != nil || held.count >= sampleSize else { return }
        var piece: [UInt8] = []
        swap(&piece, &held)
        processedEarlierPieces = true
        try piece.withUnsafeBufferPointer { buffer throws(FeedParseError) in try process(buffer, final: false) }
        piece.removeAll(keepingCapacity: true)
        swap(&piece, &held)
    }

    /// Ends the document and returns what it said about itself.
    public func finish() throws(FeedParseError) -> FeedDocumentInfo {
        try finish(lastPiece: UnsafeBufferPointer(start: nil, count: 0))
    }

    /// Feeds the last piece and ends the document. A document handed over whole this way (no
    /// `feed` before) is parsed where it lies, without being copied.
    public func finish(lastPiece: UnsafeBufferPointer<UInt8>) throws(FeedParseError) -> FeedDocumentInfo {
        if let pendingError { throw pendingError }
        if held.isEmpty && !processedEarlierPieces && !lastPiece.isEmpty {
            totalBytes += lastPiece.count
            if totalBytes > options.maxDocumentBytes {
                throw .documentTooLarge(bytes: totalBytes, limit: options.maxDocumentBytes)
            }
            try processWholeDocument(lastPiece)
        } else {
            try feed(lastPiece)
            let last = held
            held = []
            try last.withUnsafeBufferPointer { buffer throws(FeedParseError) in
                if processedEarlierPieces {
                    try process(buffer, final: true)
                } else {
                    try processWholeDocument(buffer)
                }
            }
        }
        builder.finishDocument()
        if let error = builder.fatalError { throw error }
        guard let format = builder.format else {
            if totalBytes == 0 { throw .noFeedFound(reason: "the document is empty") }
            throw .noFeedFound(reason: driver.firstXMLError ?? "no root element")
        }
        var warnings = repairer.warnings.all
        if let choice = decoder?.choice, let warning = choice.warning {
            warnings.insert(warning, at: 0)
        }
        if let invalid = decoder?.invalidSequences, invalid > 0 {
            warnings.append("\(invalid) bytes were not valid \(decoder!.choice.name) and were replaced")
        }
        warnings += builder.warnings.all
        let wellFormed =
            driver.wellFormed && !repairer.repaired && !(decoder?.choice.contradictsDocument ?? false)
            && (decoder?.invalidSequences ?? 0) == 0
        return FeedDocumentInfo(
            format: format, encoding: decoder?.choice.name ?? "utf-8", wellFormed: wellFormed,
            warnings: warnings, header: builder.header, entryCount: builder.entryCount)
    }

    /// A document that arrived in one piece. Most feeds are well-formed, so one without a DOCTYPE
    /// is first handed to libxml2 as it is, its entries held back; only if libxml2 reports an error
    /// is that attempt dropped and the document decoded, repaired and parsed again by a fresh
    /// builder. Without a DOCTYPE nothing can be declared, so every entity libxml2 could meet is
    /// predefined. A UTF-8 document goes to libxml2 without a validity scan of its own: libxml2
    /// checks every multi-byte sequence, and an invalid one is an error that takes the slow path.
    private func processWholeDocument(_ bytes: UnsafeBufferPointer<UInt8>) throws(FeedParseError) {
        chooseEncoding(bytes, trustingUTF8: true)
        var choice = decoder!.choice
        if choice.isUTF8 {
            let body = UnsafeBufferPointer(rebasing: bytes[min(choice.bomLength, bytes.count)...])
            if parsesCleanly(body) { return }
            // Not clean: decide again, this time looking at the bytes, before decoding them.
            decoder = nil
            chooseEncoding(bytes)
            choice = decoder!.choice
        }
        let (view, _) = decoder!.decode(bytes, final: true, scratch: &decodeScratch)
        let decoded = decodeScratch
        try decoded.withUnsafeBufferPointer { scratch throws(FeedParseError) in
            let utf8 = view ?? scratch
            if !choice.isUTF8 && parsesCleanly(utf8) { return }
            try repairAndParse(utf8, final: true)
        }
    }

    /// Parses `utf8` as it is and keeps the result only if libxml2 found nothing to complain
    /// about; otherwise the parse is dropped and a fresh builder waits for the repaired document.
    private func parsesCleanly(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !prologHasDoctype(utf8) else { return false }
        var heldEntries: [FeedEntry] = []
        builder.onEntry = { heldEntries.append($0) }
        driver.parse(utf8, final: true)
        if driver.xmlErrors == 0 && driver.wellFormed && builder.fatalError == nil && builder.format != nil {
            builder.onEntry = onEntry
            heldEntries.forEach(onEntry)
            return true
        }
        builder = FeedBuilder(options: options, onEntry: onEntry)
        driver = LibXMLDriver(builder: builder)
        return false
    }

    /// Whether a DOCTYPE comes before the root element. Only the prolog (comments, processing
    /// instructions, white space) is read: a DOCTYPE anywhere later is an error libxml2 reports.
    private func prologHasDoctype(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var cursor = utf8.baseAddress else { return false }
        let end = cursor + utf8.count
        while let hit = memchr(cursor, 0x3C, end - cursor) {
            let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            let rest = end - at
            func starts(with keyword: StaticString) -> Bool {
                rest >= keyword.utf8CodeUnitCount && memcmp(at, keyword.utf8Start, keyword.utf8CodeUnitCount) == 0
            }
            if starts(with: "<!DOCTYPE") { return true }
            if starts(with: "<!--") {
                guard let close = find("-->", from: at + 4, to: end) else { return false }
                cursor = close
            } else if starts(with: "<?") {
                guard let close = find("?>", from: at + 2, to: end) else { return false }
                cursor = close
            } else {
                return false  // the root element (or stray markup libxml2 will complain about)
            }
        }
        return false
    }

    private func find(
        _ needle: StaticString, from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>
    ) -> UnsafePointer<UInt8>? {
        let length = needle.utf8CodeUnitCount
        var cursor = start
        while end - cursor >= length, let hit = memchr(cursor, Int32(needle.utf8Start.pointee), end - cursor) {
            let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if end - at >= length && memcmp(at, needle.utf8Start, length) == 0 { return at + length }
            cursor = at + 1
        }
        return nil
    }

    private func chooseEncoding(_ bytes: UnsafeBufferPointer<UInt8>, trustingUTF8: Bool = false) {
        guard decoder == nil else { return }
        let sample = UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, sampleSize)])
        decoder = CharacterDecoder(
            choice: EncodingChoice.detect(
                sample: UnsafeRawBufferPointer(sample), callerCharset: options.charset, trustingUTF8: trustingUTF8))
    }

    /// Decodes, repairs and parses; keeps whatever a stage could not finish for the next piece.
    private func process(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool) throws(FeedParseError) {
        chooseEncoding(bytes)
        if rawPending.isEmpty {
            try decodeAndContinue(bytes, final: final)
        } else {
            rawPending.append(contentsOf: bytes)
            let pending = rawPending
            rawPending = []
            try pending.withUnsafeBufferPointer { buffer throws(FeedParseError) in
                try decodeAndContinue(buffer, final: final)
            }
        }
    }

    private func decodeAndContinue(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool) throws(FeedParseError) {
        let (view, consumed) = decoder!.decode(bytes, final: final, scratch: &decodeScratch)
        if consumed < bytes.count { rawPending.append(contentsOf: bytes[consumed...]) }
        if let view {
            try repairAndParse(view, final: final)
        } else {
            let decoded = decodeScratch
            try decoded.withUnsafeBufferPointer { buffer throws(FeedParseError) in
                try repairAndParse(buffer, final: final)
            }
        }
    }

    private func repairAndParse(_ utf8: UnsafeBufferPointer<UInt8>, final: Bool) throws(FeedParseError) {
        if !utf8Pending.isEmpty {
            utf8Pending.append(contentsOf: utf8)
            let pending = utf8Pending
            utf8Pending = []
            try pending.withUnsafeBufferPointer { buffer throws(FeedParseError) in
                try repairAndParseContiguous(buffer, final: final)
            }
        } else {
            try repairAndParseContiguous(utf8, final: final)
        }
    }

    private func repairAndParseContiguous(_ utf8: UnsafeBufferPointer<UInt8>, final: Bool) throws(FeedParseError) {
        let (view, consumed) = try repairer.repair(utf8, final: final, output: &repairScratch)
        if consumed < utf8.count { utf8Pending.append(contentsOf: utf8[consumed...]) }
        if let view {
            driver.parse(view, final: final)
        } else {
            repairScratch.withUnsafeBufferPointer { driver.parse($0, final: final) }
        }
        if let error = builder.fatalError { throw error }
    }
}

/// libxml2 reports some errors through process-wide (per-thread) handlers that print to stderr
/// by default; route them nowhere. The parser's own structured handler still sees every error.
private func silenceLibXMLGlobalErrors() {
    xmlSetStructuredErrorFunc(nil) { _, _ in }
}
