import CLibXML2

/// Problems met while reading one document, each said once, in the order met.
struct WarningLog {
    private(set) var lines: [String] = []
    private var seen: Set<String> = []
    private var suppressed = 0
    static let limit = 100

    /// Records `message` unless a warning with the same `key` was already recorded.
    mutating func add(_ message: String, key: String) {
        guard seen.insert(key).inserted else { return }
        if lines.count < Self.limit {
            lines.append(message)
        } else {
            suppressed += 1
        }
    }

    func contains(key: String) -> Bool { seen.contains(key) }

    mutating func add(_ message: String) {
        add(message, key: message)
    }

    var all: [String] {
        suppressed == 0 ? lines : lines + ["\(suppressed) more warnings not shown"]
    }
}

/// Fixes, in one pass over UTF-8, the mistakes that stop a strict XML parser in real feeds,
/// and applies the entity policy, so that libxml2 never sees a DTD:
///
/// - the XML declaration and the DOCTYPE are removed (the encoding is already decided; no DTD
///   is ever loaded); internal entities declared in the DOCTYPE are expanded here, under a size
///   and depth budget, and any external entity declaration refuses the document;
/// - HTML's named entities used without declaration become their characters;
/// - a bare `&` or `<` becomes `&amp;` or `&lt;`; control characters are dropped;
/// - a CDATA section left open is closed before the end tag of the element it started in.
///
/// The input is fed in chunks; each call consumes up to the last `>` it sees (no construct this
/// stage rewrites can span a `>`), and the caller offers the rest again with the next chunk.
struct XMLRepairer {
    struct Limits {
        var maxExpansionBytes: Int
        var maxEntityDepth: Int
    }

    private enum Mode {
        case prolog, content, cdata, comment, processingInstruction
    }

    private let limits: Limits
    private var mode = Mode.prolog
    private var inProlog = true
    private var entities: [[UInt8]: [UInt8]] = [:]
    /// Netscape's RSS 0.91 DTD declares HTML's entities; a document naming it uses them lawfully.
    private var declaresHTMLEntities = false
    private var expandedBytes = 0
    /// `</name` of the element a CDATA section opened in, to close it if `]]>` never comes.
    private var cdataCloser: [UInt8] = []
    /// The name of the last start tag in the pieces already consumed, for a CDATA section that
    /// opens right at the start of a piece.
    private var lastStartTag: [UInt8] = []
    /// Where the open CDATA section started: an offset in the current piece, turned into a line
    /// number only if the section outlives the piece or turns out to be unclosed.
    private var cdataStart = 0
    private var cdataStartLine: Int?
    /// Newlines in the input consumed before the current chunk.
    private var lineBase = 1
    /// True when the document needed a repair (not merely the removal of its declaration).
    var repaired: Bool { !warnings.lines.isEmpty }
    var warnings = WarningLog()

    init(limits: Limits) {
        self.limits = limits
    }

    /// Repairs `input`. Returns the bytes to hand to the XML parser (the input itself when it
    /// needed no change), and how many input bytes were consumed.
    mutating func repair(
        _ input: UnsafeBufferPointer<UInt8>, final: Bool, output: inout [UInt8]
    ) throws(FeedParseError) -> (bytes: UnsafeBufferPointer<UInt8>?, consumed: Int) {
        var end = input.count
        if !final {
            while end > 0 && input[end - 1] != UInt8(ascii: ">") { end -= 1 }
            if end == 0 { return (UnsafeBufferPointer(start: input.baseAddress, count: 0), 0) }
        }
        var pass = RepairPass(input: input, end: end, final: final)
        swap(&pass.output, &output)
        defer { swap(&pass.output, &output) }
        let consumed = try run(&pass)
        if final && mode == .cdata { closeUnclosedCDATA(&pass, at: consumed, input: input) }
        if !final && consumed > 0 {
            if mode == .cdata && cdataStartLine == nil { cdataStartLine = line(of: cdataStart, in: input) }
            if mode != .cdata { rememberLastStartTag(UnsafeBufferPointer(rebasing: input[..<consumed])) }
            lineBase += countNewlines(input, upTo: consumed)
        }
        let wrote = pass.wrote
        pass.finish(upTo: consumed)
        if wrote {
            return (nil, consumed)
        }
        return (UnsafeBufferPointer(rebasing: input[..<consumed]), consumed)
    }

    private mutating func run(_ pass: inout RepairPass) throws(FeedParseError) -> Int {
        var i = 0
        let end = pass.end
        while i < end {
            switch mode {
            case .prolog:
                guard let next = try prolog(&pass, from: i) else { return i }
                i = next
            case .content:
                i = try content(&pass, from: i)
            case .cdata:
                i = cdata(&pass, from: i)
            case .comment:
                i = skip(&pass, from: i, until: [0x2D, 0x2D, 0x3E])  // -->
            case .processingInstruction:
                i = skip(&pass, from: i, until: [0x3F, 0x3E])  // ?>
            }
        }
        return end
    }

    // MARK: Prolog: declaration, DOCTYPE, comments and PIs before the root element

    /// Handles what comes before the root element; nil when a DOCTYPE is cut off by the chunk end.
    private mutating func prolog(_ pass: inout RepairPass, from start: Int) throws(FeedParseError) -> Int? {
        let input = pass.input
        var i = start
        while i < pass.end && input[i] != UInt8(ascii: "<") {
            if !isXMLSpace(input[i]) {
                let from = i
                while i < pass.end && input[i] != UInt8(ascii: "<") { i += 1 }
                pass.replace(from..<i, with: [])
                warnings.add("line \(line(of: from, in: input)): text before the root element ignored")
                continue
            }
            i += 1
        }
        guard i < pass.end else { return i }
        if matches(input, at: i, "<?xml") && i + 5 < pass.end && isXMLSpace(input[i + 5]) {
            guard let close = find(input, [0x3F, 0x3E], from: i, end: pass.end) else { return pass.end }
            pass.replace(i..<(close + 2), with: [])  // the encoding is decided already
            return close + 2
        }
        if matches(input, at: i, "<?") {
            mode = .processingInstruction
            return i + 2
        }
        if matches(input, at: i, "<!--") {
            mode = .comment
            return i + 4
        }
        if matches(input, at: i, "<!DOCTYPE") || matches(input, at: i, "<!doctype") {
            guard let close = doctypeEnd(input, from: i, end: pass.end) else {
                if pass.final { throw .malformedDoctype }
                return nil
            }
            try readDoctype(UnsafeBufferPointer(rebasing: input[i..<close]))
            pass.replace(i..<close, with: newlines(in: input, i..<close))
            return close
        }
        mode = .content
        inProlog = false
        return i
    }

    /// The offset just past the `>` that closes a DOCTYPE, skipping quoted strings and the
    /// internal subset in brackets.
    private func doctypeEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
        var i = start + 9
        var bracket = 0
        var quote: UInt8 = 0
        while i < end {
            let c = b[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x22 || c == 0x27 {
                quote = c
            } else if c == UInt8(ascii: "[") {
                bracket += 1
            } else if c == UInt8(ascii: "]") {
                bracket -= 1
            } else if c == UInt8(ascii: ">") && bracket <= 0 {
                return i + 1
            }
            i += 1
        }
        return nil
    }

    /// Collects internal entity declarations; refuses external ones.
    private mutating func readDoctype(_ doctype: UnsafeBufferPointer<UInt8>) throws(FeedParseError) {
        declaresHTMLEntities = find(doctype, Array("//DTD RSS 0.91//".utf8), from: 0, end: doctype.count) != nil
        var i = 0
        while let at = find(doctype, Array("<!ENTITY".utf8), from: i, end: doctype.count) {
            i = at + 8
            func skipSpace() { while i < doctype.count && isXMLSpace(doctype[i]) { i += 1 } }
            skipSpace()
            var parameter = false
            if i < doctype.count && doctype[i] == UInt8(ascii: "%") {
                parameter = true
                i += 1
                skipSpace()
            }
            let nameStart = i
            while i < doctype.count && !isXMLSpace(doctype[i]) && doctype[i] != 0x22 && doctype[i] != 0x27 { i += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: doctype[nameStart..<i]), as: UTF8.self)
            skipSpace()
            if matches(doctype, at: i, "SYSTEM") || matches(doctype, at: i, "PUBLIC") {
                var j = i
                var literal = ""
                while j < doctype.count && doctype[j] != 0x22 && doctype[j] != 0x27 { j += 1 }
                if j < doctype.count {
                    let quote = doctype[j]
                    let from = j + 1
                    j = from
                    while j < doctype.count && doctype[j] != quote { j += 1 }
                    literal = String(decoding: UnsafeBufferPointer(rebasing: doctype[from..<j]), as: UTF8.self)
                }
                throw .externalEntityRefused(name: (parameter ? "%" : "") + name, systemID: literal)
            }
            guard i < doctype.count, doctype[i] == 0x22 || doctype[i] == 0x27 else { continue }
            let quote = doctype[i]
            let valueStart = i + 1
            var j = valueStart
            while j < doctype.count && doctype[j] != quote { j += 1 }
            if !parameter && entities[Array(name.utf8)] == nil {
                entities[Array(name.utf8)] = Array(doctype[valueStart..<min(j, doctype.count)])
            }
            i = j
        }
    }

    // MARK: Content

    private mutating func content(_ pass: inout RepairPass, from start: Int) throws(FeedParseError) -> Int {
        let input = pass.input
        let end = pass.end
        var i = start
        while i < end {
            i = SWAR.skip(input, from: i, end: end, avoiding: 0x3C, 0x26)
            guard i < end else { break }
            let c = input[i]
            if c != UInt8(ascii: "&") && c != UInt8(ascii: "<") && (c >= 0x20 || c == 0x0A || c == 0x09 || c == 0x0D) {
                i += 1
                continue
            }
            if c == UInt8(ascii: "<") {
                let next: UInt8 = i + 1 < end ? input[i + 1] : 0
                if isNameStart(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "?") {
                    if next == UInt8(ascii: "?") {
                        mode = .processingInstruction
                        return i + 2
                    }
                    i += 1
                    continue
                }
                if next == UInt8(ascii: "!") {
                    if matches(input, at: i, "<![CDATA[") {
                        beginCDATA(input, at: i)
                        mode = .cdata
                        return i + 9
                    }
                    if matches(input, at: i, "<!--") {
                        mode = .comment
                        return i + 4
                    }
                }
                pass.replace(i..<(i + 1), with: Array("&lt;".utf8))
                warn("bare <", at: i, in: input, "bare < escaped")
                i += 1
            } else if c == UInt8(ascii: "&") {
                i = try reference(&pass, at: i)
            } else {
                pass.replace(i..<(i + 1), with: [])
                warn("control", at: i, in: input, "control character U+\(hex(c)) removed")
                i += 1
            }
        }
        return i
    }

    /// Handles the `&` at `at`; returns the offset after what it handled.
    private mutating func reference(_ pass: inout RepairPass, at: Int) throws(FeedParseError) -> Int {
        let input = pass.input
        let end = pass.end
        var j = at + 1
        if j < end && input[j] == UInt8(ascii: "#") {
            return numericReference(&pass, at: at)
        }
        while j < end && j - at <= 40 && isNameChar(input[j]) { j += 1 }
        let name = UnsafeBufferPointer(rebasing: input[(at + 1)..<j])
        let terminated = j < end && input[j] == UInt8(ascii: ";")
        guard terminated, !name.isEmpty else {
            pass.replace(at..<(at + 1), with: Array("&amp;".utf8))
            warn("bare &", at: at, in: input, "bare & escaped")
            return at + 1
        }
        if isPredefined(name) { return j + 1 }
        let nameString = String(decoding: name, as: UTF8.self)
        if let replacement = entities[Array(name)] {
            var expansion: [UInt8] = []
            try expand(replacement, depth: 1, into: &expansion, name: nameString)
            pass.replace(at..<(j + 1), with: expansion)
            return j + 1
        }
        if let scalar = htmlEntityScalar(name) {
            var bytes: [UInt8] = []
            appendUTF8(scalar, to: &bytes)
            pass.replace(at..<(j + 1), with: bytes)
            if declaresHTMLEntities { return j + 1 }
            warn("entity \(nameString)", at: at, in: input, "undeclared entity &\(nameString); replaced")
            return j + 1
        }
        pass.replace(at..<(at + 1), with: Array("&amp;".utf8))
        warn("entity \(nameString)", at: at, in: input, "unknown entity &\(nameString); kept as text")
        return j + 1
    }

    private mutating func numericReference(_ pass: inout RepairPass, at: Int) -> Int {
        let input = pass.input
        let end = pass.end
        var j = at + 2
        let isHex = j < end && (input[j] == UInt8(ascii: "x") || input[j] == UInt8(ascii: "X"))
        if isHex { j += 1 }
        let digitsStart = j
        var value: UInt32 = 0
        while j < end, let d = digitValue(input[j], hex: isHex), j - digitsStart < 8 {
            value = value * (isHex ? 16 : 10) + d
            j += 1
        }
        guard j > digitsStart else {
            pass.replace(at..<(at + 1), with: Array("&amp;".utf8))
            warn("bare &", at: at, in: input, "bare & escaped")
            return at + 1
        }
        let terminated = j < end && input[j] == UInt8(ascii: ";")
        let after = terminated ? j + 1 : j
        if !terminated {
            warn("ref;", at: at, in: input, "character reference without ';' completed")
        }
        var scalar = value
        if (0x80...0x9F).contains(value) {
            scalar = Windows1252.scalar(UInt8(value))  // &#146; means the windows-1252 apostrophe
        } else if !isXMLChar(value) {
            warn("invalid ref", at: at, in: input, "invalid character reference replaced with U+FFFD")
            scalar = 0xFFFD
        } else if terminated {
            return after
        }
        var bytes: [UInt8] = []
        appendUTF8(scalar, to: &bytes)
        pass.replace(at..<after, with: bytes)
        return after
    }

    /// Expands an internal entity's replacement text, references inside it included, under the
    /// budget that stops "billion laughs" and quadratic blow-ups.
    private mutating func expand(
        _ text: [UInt8], depth: Int, into out: inout [UInt8], name: String
    ) throws(FeedParseError) {
        guard depth <= limits.maxEntityDepth else {
            throw .entityExpansionRefused(entity: name, reason: "nested too deep")
        }
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: "&"), let semi = text[(i + 1)...].firstIndex(of: UInt8(ascii: ";")), semi - i <= 41 {
                let inner = Array(text[(i + 1)..<semi])
                if let replacement = entities[inner] {
                    try expand(replacement, depth: depth + 1, into: &out, name: name)
                    i = semi + 1
                    continue
                }
                if let scalar = inner.withUnsafeBufferPointer({ htmlEntityScalar($0) }), !isPredefined(inner) {
                    appendUTF8(scalar, to: &out)
                    i = semi + 1
                    continue
                }
            }
            out.append(c)
            expandedBytes += 1
            i += 1
        }
        if expandedBytes > limits.maxExpansionBytes {
            throw .entityExpansionRefused(
                entity: name, reason: "expands past the \(limits.maxExpansionBytes / 1024) KiB budget")
        }
    }

    // MARK: CDATA, comments, processing instructions

    private mutating func beginCDATA(_ input: UnsafeBufferPointer<UInt8>, at: Int) {
        cdataStart = at
        cdataStartLine = nil
        cdataCloser = []
        // The element the section opened in is normally the start tag just before it, possibly at
        // the end of the previous piece.
        if let name = Self.startTagName(before: at, in: input) {
            cdataCloser = [UInt8(ascii: "<"), UInt8(ascii: "/")] + name
        } else if !lastStartTag.isEmpty && input[..<at].allSatisfy(isXMLSpace) {
            cdataCloser = [UInt8(ascii: "<"), UInt8(ascii: "/")] + lastStartTag
        }
    }

    private mutating func rememberLastStartTag(_ consumed: UnsafeBufferPointer<UInt8>) {
        if let name = Self.startTagName(before: consumed.count, in: consumed) { lastStartTag = name }
    }

    /// The name of the start tag that ends right before `at` (white space allowed between).
    private static func startTagName(before at: Int, in input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var k = at - 1
        while k >= 0 && at - k < 256 && input[k] != UInt8(ascii: "<") { k -= 1 }
        guard k >= 0, input[k] == UInt8(ascii: "<"), k + 1 < at, isNameStart(input[k + 1]) else { return nil }
        var e = k + 1
        while e < at && isNameChar(input[e]) { e += 1 }
        return Array(input[(k + 1)..<e])
    }

    private mutating func cdata(_ pass: inout RepairPass, from start: Int) -> Int {
        let input = pass.input
        var i = start
        while i < pass.end {
            i = SWAR.skip(input, from: i, end: pass.end, avoiding: 0x5D, cdataCloser.isEmpty ? 0x5D : 0x3C)
            guard i < pass.end else { break }
            let c = input[i]
            if c == UInt8(ascii: "]") && matches(input, at: i, "]]>") {
                mode = .content
                return i + 3
            }
            if c == UInt8(ascii: "<") && !cdataCloser.isEmpty && closesCDATA(input, at: i, end: pass.end) {
                closeUnclosedCDATA(&pass, at: i, input: input)
                mode = .content
                return i
            }
            if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D {
                pass.replace(i..<(i + 1), with: [])
                warn("control", at: i, in: input, "control character U+\(hex(c)) removed")
            }
            i += 1
        }
        return i
    }

    private func closesCDATA(_ input: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        guard i + cdataCloser.count < end else { return false }
        for (k, byte) in cdataCloser.enumerated() where input[i + k] != byte { return false }
        var j = i + cdataCloser.count
        while j < end && isXMLSpace(input[j]) { j += 1 }
        return j < end && input[j] == UInt8(ascii: ">")
    }

    private mutating func closeUnclosedCDATA(
        _ pass: inout RepairPass, at i: Int, input: UnsafeBufferPointer<UInt8>
    ) {
        let line = cdataStartLine ?? self.line(of: cdataStart, in: input)
        pass.insert(Array("]]>".utf8), at: i)
        let closer = String(decoding: cdataCloser.dropFirst(2), as: UTF8.self)
        let place = closer.isEmpty ? "at the end of the document" : "before </\(closer)>"
        warnings.add("line \(line): unclosed CDATA section closed \(place)", key: "cdata \(line)")
    }

    private mutating func skip(_ pass: inout RepairPass, from start: Int, until marker: [UInt8]) -> Int {
        let input = pass.input
        var i = start
        while i < pass.end {
            let c = input[i]
            if c == marker[0] && i + marker.count <= pass.end {
                var hit = true
                for k in 1..<marker.count where input[i + k] != marker[k] {
                    hit = false
                    break
                }
                if hit {
                    mode = inProlog ? .prolog : .content
                    return i + marker.count
                }
            }
            if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D {
                pass.replace(i..<(i + 1), with: [])
                warn("control", at: i, in: input, "control character U+\(hex(c)) removed")
            }
            i += 1
        }
        return i
    }

    // MARK: Helpers

    /// Records a warning once per `key`; the line number is only worked out for a new one.
    private mutating func warn(_ key: String, at offset: Int, in input: UnsafeBufferPointer<UInt8>, _ what: String) {
        guard !warnings.contains(key: key) else { return }
        warnings.add("line \(line(of: offset, in: input)): \(what)", key: key)
    }

    private func line(of offset: Int, in input: UnsafeBufferPointer<UInt8>) -> Int {
        lineBase + countNewlines(input, upTo: offset)
    }

    /// Counts line feeds eight bytes at a time (exact per byte, unlike the borrow-based test).
    private func countNewlines(_ input: UnsafeBufferPointer<UInt8>, upTo end: Int) -> Int {
        guard let base = input.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        var count = 0
        var k = 0
        while k + 8 <= end {
            let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) ^ newlines
            let zeroBytes = ~(((x & low7) &+ low7) | x | low7)
            count += zeroBytes.nonzeroBitCount
            k += 8
        }
        while k < end {
            if input[k] == 0x0A { count += 1 }
            k += 1
        }
        return count
    }

    private func newlines(in input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        Array(repeating: 0x0A, count: countNewlines(UnsafeBufferPointer(rebasing: input[range]), upTo: range.count))
    }

    private func htmlEntityScalar(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        if name.elementsEqual("apos".utf8) { return 0x27 }
        var cName = Array(name)
        cName.append(0)
        guard let entity = htmlEntityLookup(cName) else { return nil }
        return UInt32(entity.pointee.value)
    }

    /// `lt`, `gt`, `amp`, `quot` or `apos`: the entities XML declares itself.
    private func isPredefined<C: Collection<UInt8>>(_ name: C) -> Bool where C.Index == Int {
        let n = name.count
        guard n >= 2 && n <= 4 else { return false }
        let s = name.startIndex
        let c0 = name[s]
        let c1 = name[s + 1]
        switch n {
        case 2: return c1 == UInt8(ascii: "t") && (c0 == UInt8(ascii: "l") || c0 == UInt8(ascii: "g"))
        case 3: return c0 == UInt8(ascii: "a") && c1 == UInt8(ascii: "m") && name[s + 2] == UInt8(ascii: "p")
        default:
            let c2 = name[s + 2]
            let c3 = name[s + 3]
            return
                (c0 == UInt8(ascii: "q") && c1 == UInt8(ascii: "u") && c2 == UInt8(ascii: "o")
                && c3 == UInt8(ascii: "t"))
                || (c0 == UInt8(ascii: "a") && c1 == UInt8(ascii: "p") && c2 == UInt8(ascii: "o")
                    && c3 == UInt8(ascii: "s"))
        }
    }
}

/// The output side of one repair pass: copies untouched input lazily, so a document that needs
/// no repair is never copied.
private struct RepairPass {
    let input: UnsafeBufferPointer<UInt8>
    let end: Int
    /// True on the document's last piece: nothing more will come.
    let final: Bool
    /// Swapped in from the caller's buffer, so its capacity is reused across chunks.
    var output: [UInt8] = []
    private var copied = 0
    private(set) var wrote = false

    init(input: UnsafeBufferPointer<UInt8>, end: Int, final: Bool) {
        self.input = input
        self.end = end
        self.final = final
    }

    mutating func replace(_ range: Range<Int>, with bytes: [UInt8]) {
        if !wrote {
            wrote = true
            output.removeAll(keepingCapacity: true)
            output.reserveCapacity(input.count + 64)
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<range.lowerBound]))
        output.append(contentsOf: bytes)
        copied = range.upperBound
    }

    mutating func insert(_ bytes: [UInt8], at offset: Int) {
        replace(offset..<offset, with: bytes)
    }

    mutating func finish(upTo consumed: Int) {
        guard wrote else { return }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<consumed]))
    }
}

/// Skips eight bytes at a time while none of them is one of two given bytes or a control
/// character: the bytes the repair stage acts on are rare, so most words need no closer look.
enum SWAR {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func skip(_ input: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, avoiding a: UInt8, _ b: UInt8)
        -> Int
    {
        guard let base = input.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        let broadcastA = ones &* UInt64(a)
        let broadcastB = ones &* UInt64(b)
        let below = ones &* 0x20
        var i = start
        while i + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let xa = word ^ broadcastA
            let xb = word ^ broadcastB
            let hits = ((xa &- ones) & ~xa) | ((xb &- ones) & ~xb) | ((word &- below) & ~word)
            if hits & highs != 0 {
                // The quick test also fires on line feeds, tabs and returns, which are fine:
                // look at the eight bytes one by one and stop only at one that matters.
                for k in i..<(i + 8) {
                    let c = input[k]
                    if c == a || c == b || (c < 0x20 && c != 0x0A && c != 0x09 && c != 0x0D) { return k }
                }
            }
            i += 8
        }
        return i
    }
}

@inline(__always) func isXMLSpace(_ c: UInt8) -> Bool {
    c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D
}

@inline(__always) private func isNameStart(_ c: UInt8) -> Bool {
    (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z")) || c == UInt8(ascii: "_")
        || c == UInt8(ascii: ":") || c >= 0xC2
}

@inline(__always) private func isNameChar(_ c: UInt8) -> Bool {
    isNameStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "-")
        || c == UInt8(ascii: ".") || (c >= 0x80)
}

private func digitValue(_ c: UInt8, hex: Bool) -> UInt32? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(c - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(c - UInt8(ascii: "A") + 10)
    default: return nil
    }
}

private func isXMLChar(_ v: UInt32) -> Bool {
    v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
        || (0x10000...0x10FFFF).contains(v)
}

private func matches(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ literal: StaticString) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard i + n <= b.count else { return false }
    let p = literal.utf8Start
    for k in 0..<n where b[i + k] != p[k] { return false }
    return true
}

private func find(_ b: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from: Int, end: Int) -> Int? {
    guard !needle.isEmpty, end - from >= needle.count else { return nil }
    var i = from
    while i + needle.count <= end {
        if b[i] == needle[0] {
            var hit = true
            for k in 1..<needle.count where b[i + k] != needle[k] {
                hit = false
                break
            }
            if hit { return i }
        }
        i += 1
    }
    return nil
}

private func hex(_ c: UInt8) -> String {
    let digits = String(c, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - digits.count) + digits
}
