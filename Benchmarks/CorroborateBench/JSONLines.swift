#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the corpus could not be read; the message names the file and the line.
struct CorpusError: Error, CustomStringConvertible {
    let description: String
}

/// Reads a JSON Lines file in fixed-size blocks and hands out one line at a time, so memory
/// stays at one block however large the file is (a 220 MB corpus must not become 220 MB of
/// resident pages, as reading it whole or mapping it would).
struct LineReader: ~Copyable {
    private let descriptor: Int32
    private let path: String
    private var buffer: UnsafeMutableRawBufferPointer
    /// Valid bytes are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private var atEOF = false
    /// Number of the line last returned, from 1.
    private(set) var lineNumber = 0

    init(path: String, blockSize: Int = 1 << 22) throws(CorpusError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CorpusError(description: "\(path): cannot open (\(String(cString: strerror(errno))))")
        }
        self.descriptor = descriptor
        self.path = path
        buffer = .allocate(byteCount: blockSize, alignment: 16)
    }

    deinit {
        buffer.deallocate()
        close(descriptor)
    }

    /// Calls `body` with the next line (without its newline) and its number; false at the end of
    /// the file.
    mutating func next(
        _ body: (UnsafeBufferPointer<UInt8>, Int) throws(CorpusError) -> Void
    ) throws(CorpusError) -> Bool {
        while true {
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            if let newline = memchr(base + start, 0x0A, end - start) {
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(newline))
                lineNumber += 1
                let line = UnsafeBufferPointer(start: base + start, count: at - start)
                start = at + 1
                try body(line, lineNumber)
                return true
            }
            if atEOF {
                guard end > start else { return false }
                lineNumber += 1
                let line = UnsafeBufferPointer(start: base + start, count: end - start)
                start = end
                try body(line, lineNumber)
                return true
            }
            try refill()
        }
    }

    /// Moves the partial line to the front, grows the block if the line fills it, reads more.
    private mutating func refill() throws(CorpusError) {
        let pending = end - start
        if start > 0 {
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: pending)
            start = 0
            end = pending
        }
        if end == buffer.count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            larger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = larger
        }
        let count = read(descriptor, buffer.baseAddress! + end, buffer.count - end)
        if count < 0 {
            throw CorpusError(description: "\(path): read failed (\(String(cString: strerror(errno))))")
        }
        if count == 0 { atEOF = true }
        end += count
    }
}

/// A record read from one JSON line into reusable buffers.
protocol JSONLineRecord {
    /// Reads one line; throws a message saying what is wrong in it.
    mutating func read(_ line: UnsafeBufferPointer<UInt8>) throws(CorpusError)
}

extension JSONLineRecord {
    /// `read(_:)` with the error naming the file and line.
    mutating func read(_ line: UnsafeBufferPointer<UInt8>, line number: Int, of path: String) throws(CorpusError) {
        do throws(CorpusError) {
            try read(line)
        } catch {
            throw CorpusError(description: "\(path):\(number): \(error.description)")
        }
    }
}

/// The fields the benchmark needs from one article line, decoded into reusable buffers.
///
/// A hand-written reader, because the work is narrow: one flat object per line whose values the
/// benchmark either keeps as UTF-8 bytes (`id`, `title`, `body`) or skips. No `String`, no
/// dictionary and no `Any` is made per line; escapes are decoded straight into the buffers.
struct ArticleFields: JSONLineRecord {
    var id: [UInt8] = []
    var title: [UInt8] = []
    var body: [UInt8] = []
    var published: [UInt8] = []
    var outlet: [UInt8] = []
    var hasID = false

    mutating func read(_ line: UnsafeBufferPointer<UInt8>) throws(CorpusError) {
        id.removeAll(keepingCapacity: true)
        outlet.removeAll(keepingCapacity: true)
        title.removeAll(keepingCapacity: true)
        body.removeAll(keepingCapacity: true)
        published.removeAll(keepingCapacity: true)
        hasID = false
        var cursor = JSONCursor(line)
        cursor.skipSpace()
        try cursor.expect(UInt8(ascii: "{"))
        cursor.skipSpace()
        if cursor.peek == UInt8(ascii: "}") { return }
        var key: [UInt8] = []
        while true {
            cursor.skipSpace()
            key.removeAll(keepingCapacity: true)
            try cursor.expect(UInt8(ascii: "\""))
            try cursor.string(into: &key)
            cursor.skipSpace()
            try cursor.expect(UInt8(ascii: ":"))
            cursor.skipSpace()
            let quoted = cursor.peek == UInt8(ascii: "\"")
            switch key {
            case [0x69, 0x64]:  // id: a string, or a number kept as written
                hasID = true
                if quoted {
                    cursor.advance()
                    try cursor.string(into: &id)
                } else {
                    let from = cursor.position
                    try cursor.skipValue()
                    id.append(contentsOf: cursor.bytes(from: from))
                }
            case [0x74, 0x69, 0x74, 0x6C, 0x65] where quoted:  // title
                cursor.advance()
                try cursor.string(into: &title)
            case [0x62, 0x6F, 0x64, 0x79] where quoted:  // body
                cursor.advance()
                try cursor.string(into: &body)
            case Array("published".utf8) where quoted:
                cursor.advance()
                try cursor.string(into: &published)
            case Array("outlet".utf8) where quoted:
                cursor.advance()
                try cursor.string(into: &outlet)
            default:
                try cursor.skipValue()
            }
            cursor.skipSpace()
            if cursor.peek == UInt8(ascii: ",") {
                cursor.advance()
                continue
            }
            try cursor.expect(UInt8(ascii: "}"))
            return
        }
    }
}

/// A position in one line of JSON.
struct JSONCursor {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private(set) var position = 0

    init(_ line: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have no base address; any non-null pointer does, as `count` is 0.
        base = line.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = line.count
    }

    /// The current byte, or 0 at the end.
    var peek: UInt8 { position < count ? base[position] : 0 }

    mutating func advance() { position += 1 }

    func bytes(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: position - start)
    }

    mutating func skipSpace() {
        while position < count {
            switch base[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8) throws(CorpusError) {
        guard peek == byte else {
            throw CorpusError(description: "expected '\(Character(Unicode.Scalar(byte)))' at column \(position + 1)")
        }
        position += 1
    }

    /// Decodes the rest of a string (after its opening quote) into `output` as UTF-8.
    mutating func string(into output: inout [UInt8]) throws(CorpusError) {
        while true {
            // Copy the run up to the next quote or backslash in one piece.
            let runStart = position
            // Eight bytes at a time: a byte is 0x22 or 0x5C exactly when XOR with it gives zero.
            while count - position >= 8 {
                let chunk = UInt64(
                    littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                let stops =
                    Self.zeroBytes(chunk ^ 0x2222_2222_2222_2222) | Self.zeroBytes(chunk ^ 0x5C5C_5C5C_5C5C_5C5C)
                if stops != 0 {
                    position += stops.trailingZeroBitCount >> 3
                    break
                }
                position += 8
            }
            while position < count {
                let byte = base[position]
                if byte == 0x22 || byte == 0x5C { break }
                position += 1
            }
            if position > runStart {
                output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: position - runStart))
            }
            guard position < count else { throw CorpusError(description: "unterminated string") }
            if base[position] == 0x22 {
                position += 1
                return
            }
            position += 1
            guard position < count else { throw CorpusError(description: "unterminated escape") }
            let escape = base[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"): try unicodeEscape(into: &output)
            default: throw CorpusError(description: "invalid escape at column \(position)")
            }
        }
    }

    /// `\uXXXX` (the `\u` already read), joining a surrogate pair; a lone surrogate becomes U+FFFD.
    private mutating func unicodeEscape(into output: inout [UInt8]) throws(CorpusError) {
        var value = try hex4()
        if (0xD800...0xDBFF).contains(value), peek == 0x5C, position + 1 < count, base[position + 1] == 0x75 {
            let saved = position
            position += 2
            let low = try hex4()
            if (0xDC00...0xDFFF).contains(low) {
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else {
                position = saved
            }
        }
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        output.append(contentsOf: String(scalar).utf8)
    }

    private mutating func hex4() throws(CorpusError) -> UInt32 {
        guard position + 4 <= count else { throw CorpusError(description: "truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = base[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw CorpusError(description: "invalid \\u escape at column \(position + 1)")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// 0x80 in each byte of `word` that is zero, 0 elsewhere (exact: no borrow between bytes).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low7) &+ low7) | word | low7)
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ":"), 0x20, 0x09, 0x0A, 0x0D:
            return true
        default:
            return false
        }
    }

    /// Skips one value of any kind (string, number, literal, array, object).
    mutating func skipValue() throws(CorpusError) {
        var depth = 0
        repeat {
            skipSpace()
            guard position < count else { throw CorpusError(description: "truncated value") }
            switch base[position] {
            case UInt8(ascii: "\""):
                position += 1
                while position < count && base[position] != 0x22 {
                    position += base[position] == 0x5C ? 2 : 1
                }
                guard position < count else { throw CorpusError(description: "unterminated string") }
                position += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard depth > 0 else { throw CorpusError(description: "unbalanced bracket at column \(position + 1)") }
                depth -= 1
                position += 1
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard depth > 0 else { return }
                position += 1
            default:
                // A number or a literal: up to the next delimiter.
                let start = position
                while position < count && !Self.isDelimiter(base[position]) { position += 1 }
                guard position > start else { throw CorpusError(description: "invalid value at column \(start + 1)") }
            }
        } while depth > 0
    }
}
