#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a document's bytes become UTF-8, decided once from its first bytes.
///
/// Order of authority: a byte-order mark, then the charset the caller was given (an HTTP
/// `Content-Type`), then the XML declaration, then sniffing. A declaration that the bytes
/// contradict loses: bytes that are valid UTF-8 are read as UTF-8, and bytes that are not
/// are read as windows-1252, or as a Cyrillic code page when the byte statistics say so.
struct EncodingChoice: Equatable {
    /// The canonical lowercase name reported to the user.
    var name: String
    /// Bytes to skip at the start (a byte-order mark).
    var bomLength: Int
    /// What the parser had to overrule or guess, for the warnings.
    var warning: String?
    /// True when the document's own declaration was wrong or missing for non-UTF-8 bytes.
    var contradictsDocument: Bool

    var isUTF8: Bool { name == "utf-8" }

    /// Decides the encoding from the first bytes of a document (a sample of up to a few hundred KiB).
    ///
    /// With `trustingUTF8` a document that claims UTF-8 (or claims nothing) is taken at its word
    /// without scanning the sample: for a caller that lets libxml2 check every byte and comes back
    /// with `trustingUTF8: false` when it finds one that is not UTF-8.
    static func detect(sample: UnsafeRawBufferPointer, callerCharset: String?, trustingUTF8: Bool = false)
        -> EncodingChoice
    {
        let bytes = sample.bindMemory(to: UInt8.self)
        if let bom = ByteOrderMark.detect(bytes) {
            var choice = EncodingChoice(
                name: bom.encoding, bomLength: bom.length, warning: nil, contradictsDocument: false)
            if let caller = callerCharset.flatMap(canonicalName), caller != bom.encoding {
                choice.warning = "the byte-order mark says \(bom.encoding), overriding the given charset \(caller)"
            }
            return choice
        }
        if bytes.count >= 4, bytes[0] == 0x3C, bytes[1] == 0, bytes[2] == 0x3F, bytes[3] == 0 {
            return EncodingChoice(name: "utf-16le", bomLength: 0, warning: nil, contradictsDocument: false)
        }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0x3C, bytes[2] == 0, bytes[3] == 0x3F {
            return EncodingChoice(name: "utf-16be", bomLength: 0, warning: nil, contradictsDocument: false)
        }

        let declared = XMLDeclaration.encoding(in: bytes)
        let callerName = callerCharset.flatMap(canonicalName)
        let declaredName = declared.flatMap(canonicalName)
        let claimed = callerName ?? declaredName
        let source = callerName != nil ? "the given charset" : "the XML declaration"
        if trustingUTF8 && (claimed == nil || claimed == "utf-8" || claimed == "us-ascii")
            && (declared == nil || declaredName != nil)
        {
            return EncodingChoice(name: "utf-8", bomLength: 0, warning: nil, contradictsDocument: false)
        }
        let utf8 = UTF8Scan.scan(bytes)

        switch claimed {
        case nil where declared != nil && callerName == nil:
            // A declaration we cannot read at all (`encoding="x-unknown"`).
            let guess = utf8.isValid ? "utf-8" : CodePageSniffer.guess(bytes)
            return EncodingChoice(
                name: guess, bomLength: 0,
                warning: "unsupported encoding \"\(declared!)\" in the XML declaration; read as \(guess)",
                contradictsDocument: true)
        case nil, "utf-8", "us-ascii":
            if utf8.isValid {
                return EncodingChoice(name: "utf-8", bomLength: 0, warning: nil, contradictsDocument: false)
            }
            let guess = CodePageSniffer.guess(bytes)
            let what = claimed == nil ? "no encoding is declared" : "\(source) says \(claimed!)"
            return EncodingChoice(
                name: guess, bomLength: 0,
                warning: "\(what) but the bytes are not valid UTF-8; read as \(guess)",
                contradictsDocument: true)
        case let name?:
            if name.hasPrefix("utf-16") || name.hasPrefix("utf-32") {
                // An ASCII-compatible start with a UTF-16 claim: the claim is wrong.
                let guess = utf8.isValid ? "utf-8" : CodePageSniffer.guess(bytes)
                return EncodingChoice(
                    name: guess, bomLength: 0,
                    warning: "\(source) says \(name) but the bytes are 8-bit; read as \(guess)",
                    contradictsDocument: true)
            }
            if utf8.isValid && utf8.hasMultibyte {
                return EncodingChoice(
                    name: "utf-8", bomLength: 0,
                    warning: "\(source) says \(name) but the bytes are valid UTF-8; read as utf-8",
                    contradictsDocument: true)
            }
            if !IconvConverter.supports(name) {
                let guess = utf8.isValid ? "utf-8" : CodePageSniffer.guess(bytes)
                return EncodingChoice(
                    name: guess, bomLength: 0,
                    warning: "unsupported encoding \"\(name)\"; read as \(guess)", contradictsDocument: true)
            }
            return EncodingChoice(name: name, bomLength: 0, warning: nil, contradictsDocument: false)
        }
    }

    /// Maps the many spellings of a charset to one lowercase name; nil for an empty name.
    static func canonicalName(_ raw: String) -> String? {
        let name = raw.trimmingASCIIWhitespaceAndQuotes().lowercased()
        guard !name.isEmpty else { return nil }
        switch name {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "ascii", "us-ascii", "ansi_x3.4-1968", "iso646-us": return "us-ascii"
        case "latin1", "latin-1", "l1", "iso8859-1", "iso_8859-1", "iso-8859-1", "iso-ir-100", "cp819":
            return "iso-8859-1"
        case "cp1252", "windows-1252", "x-cp1252", "win-1252": return "windows-1252"
        case "cp1251", "windows-1251", "x-cp1251", "win-1251", "win1251": return "windows-1251"
        case "koi8-r", "koi8r", "koi8_r", "cskoi8r", "koi": return "koi8-r"
        case "koi8-u", "koi8u": return "koi8-u"
        case "utf-16", "utf16": return "utf-16"
        case "utf-16le", "utf16le": return "utf-16le"
        case "utf-16be", "utf16be": return "utf-16be"
        default: return name
        }
    }
}

/// The Unicode byte-order marks that may start a document.
enum ByteOrderMark {
    static func detect(_ b: UnsafeBufferPointer<UInt8>) -> (encoding: String, length: Int)? {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return ("utf-8", 3) }
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 { return ("utf-32le", 4) }
        if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF { return ("utf-32be", 4) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return ("utf-16le", 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return ("utf-16be", 2) }
        return nil
    }
}

/// Reads `encoding="..."` from an XML declaration at the start of an ASCII-compatible document.
enum XMLDeclaration {
    static func encoding(in b: UnsafeBufferPointer<UInt8>) -> String? {
        var i = 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        guard b.count - i >= 6, b[i] == 0x3C, b[i + 1] == 0x3F,
            b[i + 2] | 0x20 == 0x78, b[i + 3] | 0x20 == 0x6D, b[i + 4] | 0x20 == 0x6C
        else { return nil }
        guard let end = declarationEnd(b, from: i) else { return nil }
        let decl = String(decoding: UnsafeBufferPointer(rebasing: b[i..<end]), as: UTF8.self)
        guard let key = decl.range(of: "encoding") else { return nil }
        var rest = decl[key.upperBound...].drop(while: { $0 == " " || $0 == "=" || $0 == "\t" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        guard let close = rest.firstIndex(of: quote) else { return nil }
        return String(rest[..<close])
    }

    /// The offset just past the `?>` of a declaration starting at `start`, if within 512 bytes.
    static func declarationEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var j = start + 2
        let limit = min(b.count - 1, start + 512)
        while j < limit {
            if b[j] == 0x3F, b[j + 1] == 0x3E { return j + 2 }
            j += 1
        }
        return nil
    }
}

/// Whether a byte run is valid UTF-8, and whether it uses any multi-byte sequence.
struct UTF8Scan {
    var isValid: Bool
    var hasMultibyte: Bool

    /// Scans `b`; a sequence cut off by the end of the buffer is not counted as invalid.
    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> UTF8Scan {
        var i = 0
        var multibyte = false
        let n = b.count
        while i < n {
            i = skipASCII(b, from: i)
            if i >= n { break }
            let length = sequenceLength(b, at: i)
            if length == 0 {
                if n - i < 4 && isTruncatedPrefix(b, at: i) { break }
                return UTF8Scan(isValid: false, hasMultibyte: multibyte)
            }
            multibyte = true
            i += length
        }
        return UTF8Scan(isValid: true, hasMultibyte: multibyte)
    }

    /// Advances over ASCII bytes, eight at a time where it can.
    @inline(__always)
    static func skipASCII(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let n = b.count
        guard let base = b.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < n, b[i] < 0x80 { i += 1 }
        return i
    }

    /// The length of the valid UTF-8 sequence at `i` (1-4), or 0 when it is invalid or cut off.
    @inline(__always)
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c0 = b[i]
        let n = b.count
        if c0 < 0x80 { return 1 }
        if c0 < 0xC2 { return 0 }
        if c0 < 0xE0 {
            return i + 1 < n && b[i + 1] & 0xC0 == 0x80 ? 2 : 0
        }
        if c0 < 0xF0 {
            guard i + 2 < n else { return 0 }
            let c1 = b[i + 1]
            let c2 = b[i + 2]
            guard c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80 else { return 0 }
            if c0 == 0xE0 && c1 < 0xA0 { return 0 }  // overlong
            if c0 == 0xED && c1 >= 0xA0 { return 0 }  // surrogate
            return 3
        }
        if c0 < 0xF5 {
            guard i + 3 < n else { return 0 }
            let c1 = b[i + 1]
            guard c1 & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80, b[i + 3] & 0xC0 == 0x80 else { return 0 }
            if c0 == 0xF0 && c1 < 0x90 { return 0 }
            if c0 == 0xF4 && c1 >= 0x90 { return 0 }
            return 4
        }
        return 0
    }

    /// True when the bytes from `i` to the end could be the start of a valid sequence.
    static func isTruncatedPrefix(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let c0 = b[i]
        let needed: Int
        switch c0 {
        case 0xC2..<0xE0: needed = 2
        case 0xE0..<0xF0: needed = 3
        case 0xF0..<0xF5: needed = 4
        default: return false
        }
        let available = b.count - i
        guard available < needed else { return false }
        for k in 1..<available where b[i + k] & 0xC0 != 0x80 { return false }
        return true
    }
}

/// Guesses the single-byte code page of non-UTF-8 text: windows-1252 for Western text,
/// windows-1251 or KOI8-R when the high bytes look like Russian words.
enum CodePageSniffer {
    static func guess(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var high = 0
        var highPairs = 0
        var upperHalf = 0  // 0xE0...0xFF: lowercase in windows-1251, uppercase in KOI8-R
        var lowerHalf = 0  // 0xC0...0xDF: uppercase in windows-1251, lowercase in KOI8-R
        var previousHigh = false
        for byte in b {
            if byte >= 0xC0 {
                high += 1
                if previousHigh { highPairs += 1 }
                if byte >= 0xE0 { upperHalf += 1 } else { lowerHalf += 1 }
                previousHigh = true
            } else {
                previousHigh = false
            }
        }
        // Russian words are runs of high bytes; Western accents sit alone between ASCII letters.
        guard high >= 8, Double(highPairs) / Double(high) > 0.4 else { return "windows-1252" }
        return upperHalf >= lowerHalf ? "windows-1251" : "koi8-r"
    }
}

/// A single-byte charset as UTF-8 sequences, one per byte value; a byte the charset leaves
/// undefined has length 0 and becomes U+FFFD.
struct SingleByteTable {
    private var sequences = [UInt32](repeating: 0, count: 256)
    private var lengths = [UInt8](repeating: 0, count: 256)

    mutating func set(_ byte: UInt8, utf8: [UInt8]) {
        var packed: UInt32 = 0
        for (k, b) in utf8.enumerated() { packed |= UInt32(b) << (8 * UInt32(k)) }
        sequences[Int(byte)] = packed
        lengths[Int(byte)] = UInt8(utf8.count)
    }

    /// Converts all of `input` to UTF-8 in `output`; returns how many bytes were undefined.
    func decode(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int {
        var invalid = 0
        let n = input.count
        output = [UInt8](unsafeUninitializedCapacity: n * 3 + 8) { out, written in
            var o = 0
            var i = 0
            sequences.withUnsafeBufferPointer { sequences in
                lengths.withUnsafeBufferPointer { lengths in
                    while i < n {
                        let byte = Int(input[i])
                        if byte < 0x80 {
                            // A run of ASCII is copied as it is.
                            let asciiEnd = UTF8Scan.skipASCII(input, from: i)
                            let run = asciiEnd - i
                            (out.baseAddress! + o).update(from: input.baseAddress! + i, count: run)
                            o += run
                            i = asciiEnd
                            continue
                        }
                        var length = Int(lengths[byte])
                        var packed = sequences[byte]
                        if length == 0 {
                            packed = 0xBD_BF_EF
                            length = 3
                            invalid += 1
                        }
                        // Always store four bytes (the capacity allows it); keep `length` of them.
                        UnsafeMutableRawPointer(out.baseAddress! + o).storeBytes(
                            of: packed.littleEndian, as: UInt32.self)
                        o += length
                        i += 1
                    }
                }
            }
            written = o
        }
        return invalid
    }
}

/// A thin owner of an iconv descriptor converting one charset to UTF-8.
final class IconvConverter {
    private let descriptor: iconv_t

    /// Whether iconv can convert `name` to UTF-8 on this machine.
    static func supports(_ name: String) -> Bool {
        guard let cd = open(name) else { return false }
        iconv_close(cd)
        return true
    }

    private static func open(_ name: String) -> iconv_t? {
        // ISO-8859-1 in the wild is windows-1252: the C1 range carries curly quotes and dashes.
        let source = name == "iso-8859-1" || name == "us-ascii" ? "WINDOWS-1252" : name.uppercased()
        let cd = iconv_open("UTF-8", source)
        if cd == iconv_t(bitPattern: -1) { return nil }
        return cd
    }

    init?(from name: String) {
        guard let cd = Self.open(name) else { return nil }
        descriptor = cd
    }

    deinit { iconv_close(descriptor) }

    /// The charset as a 256-entry table when it is a single-byte charset whose lower half is
    /// ASCII (the windows-125x, KOI8 and ISO-8859 families); nil for multi-byte charsets.
    /// Decoding through the table is several times faster than calling iconv on every piece.
    func singleByteTable() -> SingleByteTable? {
        var table = SingleByteTable()
        for value in 0...255 {
            var input = CChar(bitPattern: UInt8(value))
            var output = [CChar](repeating: 0, count: 8)
            let status: Int = withUnsafeMutablePointer(to: &input) { inputPointer in
                output.withUnsafeMutableBufferPointer { out in
                    iconv(descriptor, nil, nil, nil, nil)  // back to the initial shift state
                    var inPtr: UnsafeMutablePointer<CChar>? = inputPointer
                    var inLeft = 1
                    var outPtr: UnsafeMutablePointer<CChar>? = out.baseAddress
                    var outLeft = out.count
                    let result = iconv(descriptor, &inPtr, &inLeft, &outPtr, &outLeft)
                    if result == -1 { return errno == EILSEQ ? 0 : -1 }
                    return out.count - outLeft
                }
            }
            if status < 0 || status > 4 { return nil }  // a byte that starts a longer sequence
            if value < 0x80 && (status != 1 || UInt8(bitPattern: output[0]) != UInt8(value)) { return nil }
            table.set(UInt8(value), utf8: output[0..<status].map { UInt8(bitPattern: $0) })
        }
        iconv(descriptor, nil, nil, nil, nil)
        return table
    }

    /// Converts `input` and appends UTF-8 to `output`. Returns how many input bytes were used:
    /// an incomplete multi-byte sequence at the end is left for the next call unless `final`.
    /// Bytes the charset does not define become U+FFFD; `invalidCount` counts them.
    func convert(
        _ input: UnsafeBufferPointer<UInt8>, final: Bool, into output: inout [UInt8], invalidCount: inout Int
    ) -> Int {
        guard let base = input.baseAddress, !input.isEmpty else { return 0 }
        var inPtr = UnsafeMutablePointer<CChar>(mutating: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self))
        var inLeft = input.count
        var scratch = [UInt8](repeating: 0, count: max(4096, input.count * 3 + 16))
        while inLeft > 0 {
            let status: Int = scratch.withUnsafeMutableBufferPointer { out in
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = out.count
                var inOpt: UnsafeMutablePointer<CChar>? = inPtr
                let result = iconv(descriptor, &inOpt, &inLeft, &outPtr, &outLeft)
                inPtr = inOpt!
                output.append(contentsOf: UnsafeBufferPointer(start: out.baseAddress, count: out.count - outLeft))
                return result == -1 ? Int(errno) : 0
            }
            switch status {
            case 0, Int(E2BIG):
                continue
            case Int(EINVAL) where !final:
                return input.count - inLeft  // incomplete sequence at the end: wait for more bytes
            default:
                // An undefined byte (EILSEQ), or a sequence cut off by the end of the document.
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                invalidCount += 1
                inPtr += 1
                inLeft -= 1
            }
        }
        return input.count
    }
}

/// Turns a document's bytes into valid UTF-8, chunk by chunk, under one `EncodingChoice`.
struct CharacterDecoder {
    let choice: EncodingChoice
    private let converter: IconvConverter?
    private let singleByte: SingleByteTable?
    /// Bytes that were replaced because they were invalid in the chosen encoding.
    private(set) var invalidSequences = 0
    private var skipBOM: Int

    init(choice: EncodingChoice) {
        self.choice = choice
        skipBOM = choice.bomLength
        converter = choice.isUTF8 ? nil : IconvConverter(from: choice.name)
        singleByte = converter?.singleByteTable()
    }

    /// Decodes as much of `input` as it can. Returns the UTF-8 bytes (the input itself when it
    /// was already valid UTF-8) and how many input bytes were consumed; the rest must be offered
    /// again, with more bytes, in the next call.
    mutating func decode(
        _ input: UnsafeBufferPointer<UInt8>, final: Bool, scratch: inout [UInt8]
    ) -> (utf8: UnsafeBufferPointer<UInt8>?, consumed: Int) {
        var start = 0
        if skipBOM > 0 {
            let skip = min(skipBOM, input.count)
            skipBOM -= skip
            start = skip
        }
        let body = UnsafeBufferPointer(rebasing: input[start...])
        if let singleByte {
            invalidSequences += singleByte.decode(body, into: &scratch)
            return (nil, input.count)
        }
        if let converter {
            scratch.removeAll(keepingCapacity: true)
            let used = converter.convert(body, final: final, into: &scratch, invalidCount: &invalidSequences)
            return (nil, start + used)
        }
        let scan = UTF8Scan.scan(body)
        if scan.isValid {
            // Hold back a sequence cut off by the end of this chunk.
            var end = body.count
            if !final {
                var k = max(0, end - 3)
                while k < end {
                    if body[k] >= 0xC0 && UTF8Scan.isTruncatedPrefix(body, at: k) {
                        end = k
                        break
                    }
                    k += 1
                }
            }
            return (UnsafeBufferPointer(rebasing: body[..<end]), start + end)
        }
        // Invalid bytes in a UTF-8 document: keep the valid sequences and read each stray
        // byte as windows-1252, which is what a mislabelled Western document almost always is.
        scratch.removeAll(keepingCapacity: true)
        scratch.reserveCapacity(body.count + body.count / 4)
        var i = 0
        let n = body.count
        while i < n {
            let asciiEnd = UTF8Scan.skipASCII(body, from: i)
            if asciiEnd > i {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: body[i..<asciiEnd]))
                i = asciiEnd
                if i >= n { break }
            }
            let length = UTF8Scan.sequenceLength(body, at: i)
            if length > 0 {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: body[i..<(i + length)]))
                i += length
            } else if !final && n - i < 4 && UTF8Scan.isTruncatedPrefix(body, at: i) {
                break
            } else {
                appendUTF8(Windows1252.scalar(body[i]), to: &scratch)
                invalidSequences += 1
                i += 1
            }
        }
        return (nil, start + i)
    }
}

/// windows-1252 for single stray bytes in UTF-8 documents.
enum Windows1252 {
    private static let c1: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func scalar(_ byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? c1[Int(byte) - 0x80] : UInt32(byte)
    }
}

/// Appends the UTF-8 encoding of a code point.
@inline(__always)
func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
        out.append(UInt8(scalar))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (scalar >> 6)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (scalar >> 12)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (scalar >> 18)))
        out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    }
}

extension String {
    func trimmingASCIIWhitespaceAndQuotes() -> String {
        let junk: Set<Character> = [" ", "\t", "\n", "\r", "\"", "'"]
        var s = Substring(self)
        while let f = s.first, junk.contains(f) { s = s.dropFirst() }
        while let l = s.last, junk.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
