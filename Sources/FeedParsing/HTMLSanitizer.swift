import CLibXML2
import Foundation

/// Turns untrusted HTML fragments from feeds into safe HTML and plain text.
///
/// The fragment is read by libxml2's HTML parser in SAX mode (no tree is built) and written out again
/// through an allowlist: known formatting elements and a few harmless attributes survive, elements that
/// can run code or load content are removed with everything inside them, anything else is unwrapped.
/// Every emitted tag is closed and all text is escaped, so the result can be pasted into a page as is.
///
/// Most fragments in feeds are clean CMS output; those are read by a strict tokenizer of its own
/// (`HTMLFastTokenizer.swift`) that reports the same events libxml2 would, so libxml2 only sees the rest.
///
/// One instance reuses one parser context across calls, which is most of its speed; use it from one
/// thread at a time (it is `~Copyable` so that it cannot be shared by accident).
public struct HTMLSanitizer: ~Copyable {
    private let state: UnsafeMutablePointer<SanitizerState>
    /// Created on the first fragment that needs parsing; replaced when its name dictionary grows large.
    private var context: htmlParserCtxtPtr?
    /// Whether clean fragments skip libxml2.
    private let fastPath: Bool

    public init() {
        self.init(fastPath: true)
    }

    /// `fastPath: false` sends every fragment with tags through libxml2, so tests can compare the paths.
    init(fastPath: Bool) {
        _ = sanitizerLibxml2Ready
        state = .allocate(capacity: 1)
        state.initialize(to: SanitizerState())
        self.fastPath = fastPath
    }

    deinit {
        if let context { htmlFreeParserCtxt(context) }
        state.pointee.release()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Sanitized HTML and its plain text. `baseURL` resolves relative `href`, `src` and `cite` values.
    public mutating func clean(_ html: String, baseURL: URL?) -> (html: String, text: String) {
        run(html, wantHTML: true, baseURL: baseURL)
        return (state.pointee.html.string(), state.pointee.text.string())
    }

    /// `clean(_:baseURL:)` for UTF-8 bytes the caller already holds (the feed parser's capture
    /// buffer): no String is made of the raw fragment. The bytes must be valid UTF-8.
    public mutating func clean(utf8 bytes: UnsafeBufferPointer<UInt8>, baseURL: URL?) -> (html: String, text: String) {
        run(bytes: bytes, wantHTML: true, baseURL: baseURL)
        return (state.pointee.html.string(), state.pointee.text.string())
    }

    /// `clean(utf8:baseURL:)` as `FeedText`, for the feed builder: the output is valid UTF-8 by
    /// construction, so no `String` is made and nothing is checked twice.
    mutating func cleanText(utf8 bytes: UnsafeBufferPointer<UInt8>, baseURL: URL?) -> (html: FeedText, text: FeedText) {
        run(bytes: bytes, wantHTML: true, baseURL: baseURL)
        return (
            FeedText(validUTF8: state.pointee.html.bytes()), FeedText(validUTF8: state.pointee.text.bytes())
        )
    }

    /// Plain text only (titles): entities decoded, tags removed, whitespace collapsed, trimmed.
    public mutating func text(_ html: String) -> String {
        run(html, wantHTML: false, baseURL: nil)
        return state.pointee.text.string()
    }

    /// What the fast path alone makes of `html` (all of `clean`, or `text` when `wantHTML` is false), or
    /// nil when it leaves the fragment to libxml2. For the tests that hold the two paths side by side.
    mutating func fastPathResult(_ html: String, baseURL: URL?, wantHTML: Bool) -> (html: String, text: String)? {
        state.pointee.begin(wantHTML: wantHTML, baseURL: baseURL)
        var fragment = html
        let accepted = fragment.withUTF8 { sanitizeWithoutLibxml2(Self.dropByteOrderMark($0), state) }
        guard accepted else {
            state.pointee.discardOutput()
            return nil
        }
        return (state.pointee.html.string(), state.pointee.text.string())
    }

    /// A byte order mark left at the front by an earlier decoding step is not content.
    private static func dropByteOrderMark(_ whole: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let hasMark = whole.count >= 3 && whole[0] == 0xEF && whole[1] == 0xBB && whole[2] == 0xBF
        return hasMark ? UnsafeBufferPointer(rebasing: whole.dropFirst(3)) : whole
    }

    private mutating func run(_ fragment: String, wantHTML: Bool, baseURL: URL?) {
        var fragment = fragment
        fragment.withUTF8 { run(bytes: $0, wantHTML: wantHTML, baseURL: baseURL) }
    }

    private mutating func run(bytes whole: UnsafeBufferPointer<UInt8>, wantHTML: Bool, baseURL: URL?) {
        state.pointee.begin(wantHTML: wantHTML, baseURL: baseURL)
        let bytes = Self.dropByteOrderMark(whole)
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        // Without `<` there are no tags: the text is handled here, references included, unless a
        // malformed numeric reference needs libxml2's own reading.
        if memchr(start, 0x3C, bytes.count) == nil {
            if memchr(start, 0x26, bytes.count) == nil {
                state.pointee.appendPlain(bytes)
                return
            }
            if state.pointee.decodeText(bytes) { return }
        }
        if fastPath {
            if sanitizeWithoutLibxml2(bytes, state) { return }
            state.pointee.discardOutput()
        }
        if !parse(bytes) {
            state.pointee.appendPlain(bytes)
        }
    }

    /// Runs the fragment through libxml2 with the sanitizer's SAX callbacks; false if no parser could be made.
    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if context == nil {
            context = makeSanitizerContext(sax: sanitizerSAXHandler(), userState: UnsafeMutableRawPointer(state))
        }
        guard let context else { return false }
        let st = state
        // A fragment is parsed inside <body>: with an element open, libxml2 does not wrap loose text in
        // an implied <p>, and a stray </div> in the fragment cannot close the wrapper. No closing tag is
        // appended, because an unterminated attribute in the fragment would swallow it; libxml2 closes
        // everything at the end of input anyway.
        st.pointee.input.removeAll()
        st.pointee.input.append(literal: "<body>")
        st.pointee.input.appendFragment(bytes, entities: &st.pointee.entities)
        st.pointee.input.terminate()
        st.pointee.prepareForParse()
        st.pointee.input.withBytes { runSanitizerParser(context, $0) }
        st.pointee.finishParse()
        // Element and attribute names are interned in the context's dictionary for its whole life; a
        // stream of made-up names would grow it without bound, so start afresh past a generous size.
        if xmlDictSize(context.pointee.dict) > 20_000 {
            htmlFreeParserCtxt(context)
            self.context = nil
        }
        return true
    }
}

// MARK: - libxml2 plumbing

/// libxml2's global tables must be set up once before contexts are used from several threads.
private let sanitizerLibxml2Ready: Void = xmlInitParser()

private let sanitizerParserOptions = Int32(
    HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
)

/// A reusable HTML parser context whose SAX callbacks find their state through `_private`.
func makeSanitizerContext(sax: htmlSAXHandler, userState: UnsafeMutableRawPointer) -> htmlParserCtxtPtr? {
    guard let ctxt = htmlNewParserCtxt() else { return nil }
    guard let handler = ctxt.pointee.sax else {
        htmlFreeParserCtxt(ctxt)
        return nil
    }
    // The context owns its handler block; overwrite it in place rather than swapping allocations.
    handler.pointee = sax
    ctxt.pointee._private = userState
    return ctxt
}

/// A handler with only the callbacks given set, and a structured-error sink so nothing reaches stderr.
func silentSAXHandler() -> htmlSAXHandler {
    var sax = htmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)
    sax.serror = { _, _ in }
    return sax
}

/// Parses `bytes` (UTF-8, already wrapped, followed in memory by a NUL byte) with a context that is
/// reset, not rebuilt, which is what makes short fragments cheap.
///
/// This is `htmlCtxtReadMemory` minus its encoding switch: the input is declared UTF-8 up front, so libxml2
/// neither sniffs it nor runs it through a UTF-8 to UTF-8 converter. The input is still copied: libxml2
/// 2.9's zero-copy static buffers re-read earlier text when the HTML parser shrinks its input.
func runSanitizerParser(_ ctxt: htmlParserCtxtPtr, _ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, let count = Int32(exactly: bytes.count) else { return }
    htmlCtxtReset(ctxt)
    let memory = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
    guard let buffer = xmlParserInputBufferCreateMem(memory, count, XML_CHAR_ENCODING_UTF8) else { return }
    guard let input = xmlNewIOInputStream(ctxt, buffer, XML_CHAR_ENCODING_UTF8) else {
        xmlFreeParserInputBuffer(buffer)
        return
    }
    // Cannot fail here: the reset emptied the input stack, so nothing needs to grow.
    _ = inputPush(ctxt, input)
    htmlCtxtUseOptions(ctxt, sanitizerParserOptions)
    ctxt.pointee.html = 1
    ctxt.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
    _ = htmlParseDocument(ctxt)
    if let doc = ctxt.pointee.myDoc {
        xmlFreeDoc(doc)
        ctxt.pointee.myDoc = nil
    }
    // Free the input (a copy of the fragment) now rather than at the next reset.
    while let stale = inputPop(ctxt) {
        xmlFreeInputStream(stale)
    }
}

@inline(__always)
private func sanitizerState(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<SanitizerState> {
    let ctxt = ctx.unsafelyUnwrapped.assumingMemoryBound(to: xmlParserCtxt.self)
    return ctxt.pointee._private.unsafelyUnwrapped.assumingMemoryBound(to: SanitizerState.self)
}

private func sanitizerSAXHandler() -> htmlSAXHandler {
    var sax = silentSAXHandler()
    sax.startElement = { ctx, name, attributes in
        guard let name else { return }
        sanitizerState(ctx).pointee.startElement(name, attributes)
    }
    sax.endElement = { ctx, _ in
        sanitizerState(ctx).pointee.endElement()
    }
    sax.characters = { ctx, chars, count in
        guard let chars, count > 0 else { return }
        sanitizerState(ctx).pointee.characters(chars, Int(count))
    }
    // Whitespace matters between words; libxml2 may report some of it as "ignorable".
    sax.ignorableWhitespace = sax.characters
    // libxml2 reports the raw content of <script> and <style> here; both are removed, but any other
    // use is treated as text, which is escaped like all text.
    sax.cdataBlock = sax.characters
    return sax
}

// MARK: - Element and attribute policy

enum SanitizerTagKind: UInt8 {
    /// Emitted with its allowed attributes.
    case allowed
    /// Not emitted; its content is kept.
    case unwrapped
    /// Neither it nor anything inside it is kept.
    case removed
}

/// How an element separates the words around it in the plain text.
enum SanitizerTextBreak: UInt8, Comparable {
    case none, space, newline

    static func < (lhs: SanitizerTextBreak, rhs: SanitizerTextBreak) -> Bool { lhs.rawValue < rhs.rawValue }
}

private enum SanitizerAttribute: Int {
    case href = 1
    case src, alt, title, width, height, colspan, rowspan, datetime, cite, lang, dir

    var bit: UInt16 { 1 << UInt16(rawValue) }

    var name: StaticString {
        switch self {
        case .href: "href"
        case .src: "src"
        case .alt: "alt"
        case .title: "title"
        case .width: "width"
        case .height: "height"
        case .colspan: "colspan"
        case .rowspan: "rowspan"
        case .datetime: "datetime"
        case .cite: "cite"
        case .lang: "lang"
        case .dir: "dir"
        }
    }
}

struct SanitizerTagInfo {
    var name: StaticString = ""
    var kind = SanitizerTagKind.unwrapped
    var textBreak = SanitizerTextBreak.none
    /// Bit set of `SanitizerAttribute`s this element may keep.
    var attributes: UInt16 = 0
    var isVoid = false
    var isPre = false
    /// Index among the allowed elements, for the implicit-close table; -1 otherwise.
    var row = -1
}

/// Index 0 stands for every element not listed.
let sanitizerTagInfos: [SanitizerTagInfo] = sanitizerTagTables.infos

let sanitizerTagTables: (infos: [SanitizerTagInfo], names: [(StaticString, Int)]) = {
    var infos = [SanitizerTagInfo()]
    /// Every recognised name and the index of the entry it uses.
    var names: [(StaticString, Int)] = []
    func bits(_ list: SanitizerAttribute...) -> UInt16 { list.reduce(0) { $0 | $1.bit } }
    let global = bits(.title, .lang, .dir)
    var rows = 0
    func add(
        _ list: [StaticString], _ kind: SanitizerTagKind, _ textBreak: SanitizerTextBreak = .none,
        attributes: UInt16 = 0, isVoid: Bool = false, isPre: Bool = false
    ) {
        for name in list {
            var info = SanitizerTagInfo(name: name, kind: kind, textBreak: textBreak, isVoid: isVoid, isPre: isPre)
            if kind == .allowed {
                info.attributes = global | attributes
                info.row = rows
                rows += 1
            }
            names.append((name, infos.count))
            infos.append(info)
        }
    }
    add(["a"], .allowed, attributes: bits(.href))
    add(["img"], .allowed, .space, attributes: bits(.src, .alt, .width, .height), isVoid: true)
    add(["br", "hr"], .allowed, .newline, isVoid: true)
    add(["pre"], .allowed, .newline, isPre: true)
    add(["blockquote"], .allowed, .newline, attributes: bits(.cite))
    add(["q"], .allowed, attributes: bits(.cite))
    add(["td", "th"], .allowed, .space, attributes: bits(.colspan, .rowspan))
    add(["time", "del", "ins"], .allowed, attributes: bits(.datetime))
    add(["div"], .allowed, .newline)
    let div = infos.count - 1
    add(
        [
            "p", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption",
        ], .allowed, .newline)
    add(
        [
            "b", "strong", "i", "em", "u", "s", "cite", "code", "span", "sub", "sup", "small", "abbr",
            "mark",
        ], .allowed)
    add(
        [
            "script", "style", "iframe", "object", "form", "noscript", "template", "svg", "math", "frameset",
            "applet", "textarea", "select", "button", "title",
        ], .removed)
    // Void elements have no content to remove, and libxml2 2.9 does not know that <embed> is one: it
    // nests what follows inside it. Dropping only the tag removes them without losing their neighbours.
    add(
        [
            "embed", "frame", "base", "link", "meta", "input", "param", "source", "track", "area", "wbr",
            "keygen",
        ], .unwrapped)
    // HTML5 sectioning and grouping elements are written as <div>: libxml2 2.9 does not know them, and
    // unwrapping them would run the text of neighbouring sections together on the page.
    for name: StaticString in [
        "section", "article", "header", "footer", "aside", "nav", "main", "address",
        "center", "details", "summary", "hgroup", "fieldset", "legend", "menu", "dir",
    ] {
        names.append((name, div))
    }
    // Not kept, but blocks in a browser, so their text must not run into its neighbours.
    add(
        [
            "html", "body", "head", "listing", "xmp", "plaintext", "noframes", "option", "optgroup", "colgroup",
            "col", "video", "audio",
        ], .unwrapped, .newline)
    precondition(rows <= 64, "the implicit-close table keeps one 64-bit row per allowed element")
    return (infos, names)
}()

/// Looks up lowercase ASCII names (at most 16 bytes) without creating Strings: the name is packed
/// into two integers and found in a small open-addressing table.
struct SanitizerNameTable {
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var value: UInt8 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 256)

    init(_ names: [(StaticString, Int)]) {
        for (name, value) in names {
            let key = name.withUTF8Buffer { buffer in
                Self.pack(buffer.baseAddress!, limit: buffer.count)
            }
            guard let key, value > 0, value < 256 else { preconditionFailure("bad table name \(name)") }
            var index = Self.hash(key.0, key.1)
            while slots[index].value != 0 { index = (index + 1) & 255 }
            slots[index] = Slot(low: key.0, high: key.1, value: UInt8(value))
        }
    }

    /// The value stored for the NUL-terminated `name`, or 0.
    @inline(__always)
    func find(_ name: UnsafePointer<UInt8>) -> Int {
        guard let key = Self.pack(name, limit: .max) else { return 0 }
        return find(packed: key)
    }

    /// The value stored for the `length` bytes at `name` (no NUL needed), or 0.
    @inline(__always)
    func find(_ name: UnsafePointer<UInt8>, length: Int) -> Int {
        guard let key = Self.pack(name, limit: length) else { return 0 }
        return find(packed: key)
    }

    /// The value stored for a name already packed: its bytes, lowercased, from the lowest byte of
    /// `key.0` on, zero after the end.
    @inline(__always)
    func find(packed key: (UInt64, UInt64)) -> Int {
        var index = Self.hash(key.0, key.1)
        while true {
            let slot = slots[index]
            if slot.value == 0 { return 0 }
            if slot.low == key.0 && slot.high == key.1 { return Int(slot.value) }
            index = (index + 1) & 255
        }
    }

    @inline(__always)
    private static func hash(_ low: UInt64, _ high: UInt64) -> Int {
        Int(truncatingIfNeeded: ((low ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    /// Packs up to 16 bytes, lowercasing ASCII; nil when longer (no listed name is) or empty.
    @inline(__always)
    private static func pack(_ name: UnsafePointer<UInt8>, limit: Int) -> (UInt64, UInt64)? {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var index = 0
        while index < limit {
            var byte = name[index]
            if byte == 0 { break }
            if index == 16 { return nil }
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if index < 8 {
                low |= UInt64(byte) << UInt64(index * 8)
            } else {
                high |= UInt64(byte) << UInt64((index - 8) * 8)
            }
            index += 1
        }
        return index == 0 ? nil : (low, high)
    }
}

let sanitizerTagNames = SanitizerNameTable(sanitizerTagTables.names)

private let sanitizerAttributeNames: SanitizerNameTable = {
    let all: [SanitizerAttribute] = [
        .href, .src, .alt, .title, .width, .height, .colspan, .rowspan, .datetime,
        .cite, .lang, .dir,
    ]
    return SanitizerNameTable(all.map { ($0.name, $0.rawValue) })
}()

/// `sanitizerImpliedCloses[new]` has bit `old` set when libxml2, meeting allowed element `new` while allowed
/// element `old` is the current node, closes `old` first (a `<p>` closes an open `<p>`, for example).
///
/// The sanitizer needs this because it unwraps elements: in `<p>a<font><p>b`, libxml2 nests the second
/// `<p>` in the `<font>`, so without the font the output would read `<p>a<p>b</p></p>`, which a second
/// pass (or a browser) would restructure. Applying the same rule to what is actually emitted keeps
/// the output stable. The rule is read from the linked libxml2 (`LibXML2ImpliedCloses`).
let sanitizerImpliedCloses: [UInt64] = {
    let allowed = sanitizerTagInfos.filter { $0.kind == .allowed }
    let rules = LibXML2ImpliedCloses(names: allowed.map(\.name))
    var rows = [UInt64](repeating: 0, count: allowed.count)
    for (oldIndex, old) in allowed.enumerated() where !old.isVoid {
        for (newIndex, new) in allowed.enumerated() where rules.closes(old: oldIndex, new: newIndex) {
            rows[new.row] |= 1 << UInt64(old.row)
        }
    }
    return rows
}()

// MARK: - Byte buffers

/// A growable byte buffer written through a raw pointer, so hot loops pay no Array bookkeeping.
struct SanitizerBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    /// Bytes written; loops that write through `end` store the new end back here.
    var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    func release() { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    /// Where the next byte goes.
    var end: UnsafeMutablePointer<UInt8> { base + count }

    /// Empties the buffer, giving back memory a huge fragment made it take.
    mutating func removeAll() {
        count = 0
        if capacity > 1 << 22 {
            base.deallocate()
            capacity = 1 << 16
            base = .allocate(capacity: capacity)
        }
    }

    /// Makes room for `extra` more bytes, so callers may then write that many without checks.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one byte; room must have been reserved.
    @inline(__always)
    mutating func put(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Appends one byte with a capacity check, for the single bytes of tag syntax.
    mutating func append(byte: UInt8) {
        reserve(1)
        put(byte)
    }

    mutating func append(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        reserve(length)
        (base + count).update(from: bytes, count: length)
        count += length
    }

    mutating func append(literal: StaticString) {
        append(literal.utf8Start, literal.utf8CodeUnitCount)
    }

    mutating func append(string: String) {
        var string = string
        string.withUTF8 { if let start = $0.baseAddress { append(start, $0.count) } }
    }

    /// Writes a NUL after the content without counting it: libxml2 reads a NUL as the end of input, and
    /// its zero-copy inputs (unused here, see `runSanitizerParser`) require one.
    mutating func terminate() {
        reserve(1)
        base[count] = 0
    }

    /// Appends text escaped for HTML text and double-quoted attribute values. Control characters other
    /// than tab, newline and carriage return are dropped: they are invalid in HTML and fatal in XML.
    mutating func appendEscaped(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        reserve(length * 6 + 8)
        var out = end
        var block = 0
        while block < length {
            // Most text needs no escaping: sixteen such bytes at a time are copied as they are.
            if length - block >= 16 {
                let bytes = sanitizerLoadBlock(bytes + block)
                // `byte | 2` is 0x3E only for `<` and `>`, `byte | 4` is 0x26 only for `"` and `&`.
                let angle = sanitizerLanes(bytes | SanitizerBlock(repeating: 2), equalTo: 0x3E)
                let quoteOrAmpersand = sanitizerLanes(bytes | SanitizerBlock(repeating: 4), equalTo: 0x26)
                let dropped = sanitizerControlLanes(bytes) .| sanitizerLanes(bytes, equalTo: 0x7F)
                if !sanitizerAnyLane(angle .| quoteOrAmpersand .| dropped) {
                    sanitizerStoreBlock(bytes, out)
                    out += 16
                    block += 16
                    continue
                }
            }
            let blockEnd = min(block + 16, length)
            for index in block..<blockEnd {
                escape(bytes[index], &out)
            }
            block = blockEnd
        }
        count = out - base
    }

    /// Writes one byte of text escaped, or nothing for a control character.
    @inline(__always)
    private func escape(_ byte: UInt8, _ out: inout UnsafeMutablePointer<UInt8>) {
        if byte > 0x3E {
            // Everything above '>' is kept but DEL.
            out.pointee = byte
            out += byte == 0x7F ? 0 : 1
            return
        }
        switch byte {
        case 0x26:  // &amp;
            sanitizerStoreWord(out, 0x3B70_6D61_26)
            out += 5
        case 0x3C:  // &lt;
            sanitizerStoreWord(out, 0x3B74_6C26)
            out += 4
        case 0x3E:  // &gt;
            sanitizerStoreWord(out, 0x3B74_6726)
            out += 4
        case 0x22:  // &quot;
            sanitizerStoreWord(out, 0x3B74_6F75_7126)
            out += 6
        case 0x09, 0x0A, 0x0D, 0x20...:
            out.pointee = byte
            out += 1
        default:
            break
        }
    }

    /// The content as a String; invalid UTF-8 is repaired as `String(decoding:as:)` repairs it. Copying
    /// into the String's own storage and validating it there is a quarter faster than that initializer.
    func string() -> String {
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { storage in
            storage.baseAddress!.update(from: base, count: count)
            return count
        }
    }

    /// The content as an array of bytes, for `FeedText`.
    func bytes() -> [UInt8] {
        [UInt8](UnsafeBufferPointer(start: base, count: count))
    }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: base, count: count))
    }
}

// Most text is bytes that need no second look, so the text loops test sixteen bytes at a time. Only the
// concrete vector operations are used (vector against vector, masks read through their bits): they
// compile to a few vector instructions, where comparing with a scalar or calling `any` compiles to
// byte-by-byte loops.

typealias SanitizerBlock = SIMD16<UInt8>
typealias SanitizerLanes = SIMDMask<SIMD16<Int8>>

@inline(__always)
func sanitizerLoadBlock(_ bytes: UnsafePointer<UInt8>) -> SanitizerBlock {
    UnsafeRawPointer(bytes).loadUnaligned(as: SanitizerBlock.self)
}

/// Stores all sixteen bytes; the caller has room for them.
@inline(__always)
func sanitizerStoreBlock(_ block: SanitizerBlock, _ out: UnsafeMutablePointer<UInt8>) {
    UnsafeMutableRawPointer(out).storeBytes(of: block, as: SanitizerBlock.self)
}

/// A byte per lane, 0xFF where the lane is set: lanes 0 to 7 in the first word, lowest first.
@inline(__always)
private func sanitizerLaneBytes(_ lanes: SanitizerLanes) -> (UInt64, UInt64) {
    let words = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
    return (UInt64(littleEndian: words[0]), UInt64(littleEndian: words[1]))
}

@inline(__always)
func sanitizerAnyLane(_ lanes: SanitizerLanes) -> Bool {
    let words = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
    return words[0] | words[1] != 0
}

/// Lanes holding a control character (below 0x20).
@inline(__always)
func sanitizerControlLanes(_ block: SanitizerBlock) -> SanitizerLanes {
    block .< SanitizerBlock(repeating: 0x20)
}

@inline(__always)
func sanitizerLanes(_ block: SanitizerBlock, equalTo byte: UInt8) -> SanitizerLanes {
    block .== SanitizerBlock(repeating: byte)
}

/// Stores the low bytes of `word` (little-endian) at `out`; the caller reserved 8 bytes of slack.
@inline(__always)
private func sanitizerStoreWord(_ out: UnsafeMutablePointer<UInt8>, _ word: UInt64) {
    UnsafeMutableRawPointer(out).storeBytes(of: word.littleEndian, as: UInt64.self)
}

/// Appends `scalar` as UTF-8; room for 4 bytes must have been reserved.
@inline(__always)
private func sanitizerPutUTF8(_ scalar: UInt32, into sink: inout SanitizerBytes) {
    switch scalar {
    case 0..<0x80:
        sink.put(UInt8(scalar))
    case 0x80..<0x800:
        sink.put(UInt8(0xC0 | scalar >> 6))
        sink.put(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
        sink.put(UInt8(0xE0 | scalar >> 12))
        sink.put(UInt8(0x80 | scalar >> 6 & 0x3F))
        sink.put(UInt8(0x80 | scalar & 0x3F))
    default:
        sink.put(UInt8(0xF0 | scalar >> 18))
        sink.put(UInt8(0x80 | scalar >> 12 & 0x3F))
        sink.put(UInt8(0x80 | scalar >> 6 & 0x3F))
        sink.put(UInt8(0x80 | scalar & 0x3F))
    }
}

// MARK: - Character references

/// Named references seen so far, mapped to their code points. libxml2 2.9 finds a named reference by
/// comparing it with each of the 253 HTML 4 names in turn, which was the largest single cost in a
/// typical news fragment; asking it once per name and remembering the answer removes that cost.
struct SanitizerEntityCache {
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var value: UInt32 = 0
    }

    /// Twice the number of HTML 4 entities, and only real entities are stored, so it never fills up.
    private var slots = [Slot](repeating: Slot(), count: 512)

    /// The code point of `&name;` (name given without `&` and `;`, at most 16 ASCII alphanumerics).
    mutating func value(of name: UnsafePointer<UInt8>, length: Int) -> UInt32? {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for index in 0..<length {
            if index < 8 {
                low |= UInt64(name[index]) << UInt64(index * 8)
            } else {
                high |= UInt64(name[index]) << UInt64((index - 8) * 8)
            }
        }
        var slot = Int(truncatingIfNeeded: ((low ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15) >> 55)
        while slots[slot].value != 0 {
            if slots[slot].low == low && slots[slot].high == high { return slots[slot].value }
            slot = (slot + 1) & 511
        }
        let found: UInt32? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 17) { buffer in
            let copy = buffer.baseAddress!
            copy.update(from: name, count: length)
            copy[length] = 0
            return htmlEntityLookup(copy)?.pointee.value
        }
        guard let found, found != 0 else { return nil }
        slots[slot] = Slot(low: low, high: high, value: found)
        return found
    }
}

/// A character reference found at an `&`.
enum SanitizerReference {
    /// A well-formed reference (`&name;`, `&#nnn;`, `&#xhh;`) to a character libxml2 accepts.
    case character(UInt32, length: Int)
    /// Not a reference: libxml2 writes the `&` as text, and so can we.
    case literal
    /// A malformed numeric reference, which libxml2 reads by rules of its own (it drops the `&#` and
    /// keeps a value even without `;`); it is left to libxml2.
    case other
}

extension SanitizerBytes {
    /// Appends the fragment for libxml2, leaving out NUL bytes (libxml2 takes NUL as the end of input)
    /// and replacing well-formed character references to non-ASCII characters by those characters.
    ///
    /// libxml2 would decode the same references to the same characters wherever the result is kept (in
    /// text and attribute values); elsewhere (comments, `<script>`) the content is dropped anyway.
    /// References to ASCII characters are left alone, since `&lt;` must not become markup.
    mutating func appendFragment(_ bytes: UnsafeBufferPointer<UInt8>, entities: inout SanitizerEntityCache) {
        _ = appendDecoding(bytes, entities: &entities, markup: true)
    }

    /// Appends text that has no tags with every character reference decoded as libxml2 would, or returns
    /// false (with part of it appended) when it meets a reference that only libxml2 should read.
    mutating func appendDecodedText(_ bytes: UnsafeBufferPointer<UInt8>, entities: inout SanitizerEntityCache) -> Bool {
        appendDecoding(bytes, entities: &entities, markup: false)
    }

    private mutating func appendDecoding(
        _ bytes: UnsafeBufferPointer<UInt8>, entities: inout SanitizerEntityCache,
        markup: Bool
    ) -> Bool {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return true }
        // A decoded reference is never longer than the reference, so this is enough.
        reserve(bytes.count)
        let limit = start + bytes.count
        let hasNUL = memchr(start, 0, bytes.count) != nil
        var cursor = start
        while cursor < limit {
            let found = memchr(cursor, 0x26, limit - cursor)
            let next = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) } ?? limit
            if hasNUL {
                for byte in UnsafeBufferPointer(start: cursor, count: next - cursor) where byte != 0 { put(byte) }
            } else {
                (base + count).update(from: cursor, count: next - cursor)
                count += next - cursor
            }
            cursor = next
            guard cursor < limit else { break }
            switch Self.reference(at: cursor, limit: limit, entities: &entities) {
            case .character(let scalar, let length) where !markup || scalar >= 0x80:
                sanitizerPutUTF8(scalar, into: &self)
                cursor += length
            case .other where !markup:
                return false
            default:
                put(0x26)
                cursor += 1
            }
        }
        return true
    }

    /// Reads the reference starting at `start` (an `&`).
    static func reference(
        at start: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>,
        entities: inout SanitizerEntityCache
    ) -> SanitizerReference {
        var cursor = start + 1
        if cursor < limit && cursor.pointee == 0x23 {  // &#
            cursor += 1
            let hex = cursor < limit && cursor.pointee | 0x20 == 0x78
            if hex { cursor += 1 }
            let digits = cursor
            var value: UInt32 = 0
            while cursor < limit && cursor - digits < 8 {
                let byte = cursor.pointee
                if byte >= 0x30 && byte <= 0x39 {
                    value = value * (hex ? 16 : 10) + UInt32(byte - 0x30)
                } else if hex && byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66 {
                    value = value * 16 + UInt32(byte | 0x20 - 0x61 + 10)
                } else {
                    break
                }
                cursor += 1
            }
            // Only what libxml2 accepts as an XML character; it drops the rest.
            let valid =
                value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
            guard cursor > digits, cursor < limit, cursor.pointee == 0x3B, valid else { return .other }
            return .character(value, length: cursor + 1 - start)
        }
        // libxml2 reads a name (letters, digits and a few more) and decodes it only if `;` follows and it
        // is an HTML 4 entity; anything else it writes out as it was, which is what `.literal` does.
        let name = cursor
        while cursor < limit && cursor - name <= 16 {
            let byte = cursor.pointee
            guard (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) else { break }
            cursor += 1
        }
        let length = cursor - name
        guard length > 0, length <= 16, cursor < limit, cursor.pointee == 0x3B,
            let scalar = entities.value(of: name, length: length)
        else { return .literal }
        return .character(scalar, length: cursor + 1 - start)
    }
}

// MARK: - Relative URLs

/// A base URL split where relative references attach, so that the common references (`/path`,
/// `file.jpg`, `#id`, `?q`, `//host/path`) are joined by copying bytes; anything that needs real
/// resolution (dot segments, characters to percent-encode) goes to Foundation.
private struct SanitizerBaseURL {
    let url: URL
    /// The base's absolute string, as UTF-8.
    let bytes: [UInt8]
    /// Index of the `:` after the scheme.
    private let schemeEnd: Int
    /// End of `scheme://authority`.
    private let originEnd: Int
    /// Just after the last `/` of the path; `originEnd` when the path is empty.
    private let directoryEnd: Int
    private let queryStart: Int
    private let fragmentStart: Int

    /// Nil unless the base is an http or https URL with an authority.
    init?(_ url: URL) {
        let bytes = Array(url.absoluteString.utf8)
        guard let colon = bytes.firstIndex(of: 0x3A) else { return nil }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https", bytes.count > colon + 3,
            bytes[colon + 1] == 0x2F, bytes[colon + 2] == 0x2F
        else { return nil }
        let fragmentStart = bytes.firstIndex(of: 0x23) ?? bytes.count
        let queryStart = bytes[..<fragmentStart].firstIndex(of: 0x3F) ?? fragmentStart
        let originEnd = bytes[(colon + 3)..<queryStart].firstIndex(of: 0x2F) ?? queryStart
        let lastSlash = bytes[originEnd..<queryStart].lastIndex(of: 0x2F)
        self.url = url
        self.bytes = bytes
        self.schemeEnd = colon
        self.originEnd = originEnd
        self.directoryEnd = lastSlash.map { $0 + 1 } ?? originEnd
        self.queryStart = queryStart
        self.fragmentStart = fragmentStart
    }

    /// How much of `bytes` to write before `relative` (and whether a `/` goes between), or nil when
    /// the reference needs Foundation.
    func prefix(for relative: UnsafeBufferPointer<UInt8>) -> (count: Int, addSlash: Bool)? {
        guard let first = relative.first, Self.isSimple(relative) else { return nil }
        switch first {
        case 0x2F where relative.count > 1 && relative[1] == 0x2F: return (schemeEnd + 1, false)
        case 0x2F: return (originEnd, false)
        case 0x3F: return (queryStart, false)
        case 0x23: return (fragmentStart, false)
        default: return (directoryEnd, directoryEnd == originEnd)
        }
    }

    func resolveWithFoundation(_ relative: String) -> String? {
        guard let url = URL(string: relative, relativeTo: url) else { return nil }
        let absolute = url.absoluteString
        // Resolution must not be a way to reach another scheme.
        guard absolute.hasPrefix("http:") || absolute.hasPrefix("https:") else { return nil }
        return absolute
    }

    /// Printable ASCII that needs no percent-encoding, and no `.` or `..` path segment.
    private static func isSimple(_ relative: UnsafeBufferPointer<UInt8>) -> Bool {
        var segmentStart = 0
        var inPath = true
        for (index, byte) in relative.enumerated() {
            switch byte {
            case 0x21, 0x23...0x3B, 0x3D, 0x3F...0x5B, 0x5D, 0x5F, 0x61...0x7A, 0x7E:
                break
            default:
                return false
            }
            guard inPath else { continue }
            if byte == 0x2F || byte == 0x3F || byte == 0x23 {
                if isDotSegment(relative, segmentStart, index) { return false }
                segmentStart = index + 1
                inPath = byte == 0x2F
            }
        }
        return !(inPath && isDotSegment(relative, segmentStart, relative.count))
    }

    private static func isDotSegment(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        switch end - start {
        case 1: bytes[start] == 0x2E
        case 2: bytes[start] == 0x2E && bytes[start + 1] == 0x2E
        default: false
        }
    }
}

// MARK: - Sanitizer state

/// One element libxml2 has open.
private struct SanitizerFrame {
    var tag: UInt8
    /// Its start tag was emitted and its end tag still is due.
    var open: Bool
}

/// Everything the SAX callbacks need; lives at a fixed address for the life of the sanitizer.
struct SanitizerState {
    var html = SanitizerBytes(capacity: 8192)
    var text = SanitizerBytes(capacity: 4096)
    var input = SanitizerBytes(capacity: 8192)
    var scratch = SanitizerBytes(capacity: 512)
    var entities = SanitizerEntityCache()
    var wantHTML = true
    /// Titles: every separator is a space.
    var singleLine = false
    var baseURL: URL?
    /// `baseURL` taken apart; kept across calls, since entries of one feed share their base.
    private var base: SanitizerBaseURL?
    /// Whether `base` was checked against `baseURL` in this call.
    var baseChecked = false
    private var frames: [SanitizerFrame] = []
    /// Indexes into `frames` of the emitted elements still open, innermost last.
    var openEmitted: [Int] = []
    /// Depth inside a removed element; nothing is kept while it is above zero.
    var suppressed = 0
    var preDepth = 0
    /// Separator owed before the next word of plain text.
    var pendingBreak = SanitizerTextBreak.none
    let tags = sanitizerTagInfos
    let closes = sanitizerImpliedCloses

    init() {
        frames.reserveCapacity(64)
        openEmitted.reserveCapacity(64)
    }

    func release() {
        html.release()
        text.release()
        input.release()
        scratch.release()
    }

    mutating func begin(wantHTML: Bool, baseURL: URL?) {
        self.wantHTML = wantHTML
        singleLine = !wantHTML
        self.baseURL = baseURL
        baseChecked = false
        html.removeAll()
        text.removeAll()
        pendingBreak = .none
    }

    mutating func prepareForParse() {
        frames.removeAll(keepingCapacity: true)
        openEmitted.removeAll(keepingCapacity: true)
        suppressed = 0
        preDepth = 0
    }

    /// Closes whatever libxml2 left open (it normally closes everything itself).
    mutating func finishParse() {
        while let index = openEmitted.popLast() {
            emitEndTag(tags[Int(frames[index].tag)].name)
        }
        frames.removeAll(keepingCapacity: true)
    }

    /// Forgets what a fast-path attempt wrote, so libxml2 can start over on the same fragment.
    mutating func discardOutput() {
        html.count = 0
        text.count = 0
        pendingBreak = .none
    }

    /// Text without tags but with references: decoded here, then treated as plain text. False when a
    /// reference needs libxml2, which then parses the fragment instead.
    mutating func decodeText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        input.removeAll()
        guard input.appendDecodedText(bytes, entities: &entities) else { return false }
        // Read through a copy of the buffer's handle, so the other buffers can be written meanwhile.
        let decoded = input
        decoded.withBytes { appendPlain($0) }
        return true
    }

    /// The fast path and the fallback: the whole input is text.
    mutating func appendPlain(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        if wantHTML { html.appendEscaped(start, bytes.count) }
        appendText(start, bytes.count)
    }

    // MARK: SAX events

    mutating func startElement(
        _ name: UnsafePointer<UInt8>,
        _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) {
        if suppressed > 0 {
            suppressed += 1
            return
        }
        startElement(tag: sanitizerTagNames.find(name), attributes)
    }

    /// A start tag whose name is already looked up (an index into `tags`), outside removed content:
    /// what the fast tokenizer reports.
    mutating func startElement(tag: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        let info = tags[tag]
        if info.kind == .removed {
            suppressed = 1
            return
        }
        if info.textBreak > pendingBreak { pendingBreak = info.textBreak }
        if info.isPre { preDepth += 1 }
        guard wantHTML, info.kind == .allowed else {
            frames.append(SanitizerFrame(tag: UInt8(tag), open: false))
            return
        }
        closeImplied(by: info.row)
        html.append(byte: 0x3C)
        emitName(info.name)
        if let attributes, info.attributes != 0 {
            emitAttributes(attributes, allowed: info.attributes)
        }
        html.append(byte: 0x3E)
        if info.isVoid {
            frames.append(SanitizerFrame(tag: UInt8(tag), open: false))
        } else {
            openEmitted.append(frames.count)
            frames.append(SanitizerFrame(tag: UInt8(tag), open: true))
        }
    }

    mutating func endElement() {
        if suppressed > 0 {
            suppressed -= 1
            return
        }
        guard let frame = frames.popLast() else { return }
        let info = tags[Int(frame.tag)]
        if info.isPre { preDepth -= 1 }
        if info.textBreak > pendingBreak { pendingBreak = info.textBreak }
        if frame.open {
            openEmitted.removeLast()
            emitEndTag(info.name)
        }
    }

    mutating func characters(_ chars: UnsafePointer<UInt8>, _ count: Int) {
        if suppressed > 0 { return }
        if wantHTML { html.appendEscaped(chars, count) }
        appendText(chars, count)
    }

    // MARK: HTML output

    /// Closes emitted elements that libxml2 would close on meeting the new element (see `sanitizerImpliedCloses`).
    private mutating func closeImplied(by row: Int) {
        let closable = closes[row]
        guard closable != 0 else { return }
        while let index = openEmitted.last {
            let open = tags[Int(frames[index].tag)]
            guard closable & (1 << UInt64(open.row)) != 0 else { return }
            openEmitted.removeLast()
            frames[index].open = false
            emitEndTag(open.name)
        }
    }

    private mutating func emitName(_ name: StaticString) {
        html.append(name.utf8Start, name.utf8CodeUnitCount)
    }

    private mutating func emitEndTag(_ name: StaticString) {
        html.reserve(name.utf8CodeUnitCount + 3)
        html.put(0x3C)
        html.put(0x2F)
        emitName(name)
        html.put(0x3E)
    }

    private mutating func emitAttributes(
        _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>,
        allowed: UInt16
    ) {
        var pair = attributes
        while let name = pair[0] {
            let value = pair[1]
            pair += 2
            let found = SanitizerAttribute(rawValue: sanitizerAttributeNames.find(name))
            guard let id = found, allowed & id.bit != 0 else { continue }
            switch id {
            case .href, .src, .cite:
                if let value { emitURL(id, value) }
            case .width, .height, .colspan, .rowspan:
                if let value { emitNumber(id, value) }
            case .dir:
                if let value { emitDirection(value) }
            case .lang:
                if let value { emitLanguage(value) }
            case .alt, .title, .datetime:
                // A bare `alt` still means "no text alternative"; keep it as an empty value.
                if let value {
                    emitAttribute(id, value, strlen(value))
                } else {
                    emitAttribute(id, name, 0)
                }
            }
        }
    }

    /// Writes ` name="value"` with the value escaped.
    private mutating func emitAttribute(_ id: SanitizerAttribute, _ value: UnsafePointer<UInt8>, _ length: Int) {
        openAttribute(id)
        html.appendEscaped(value, length)
        closeAttribute()
    }

    private mutating func openAttribute(_ id: SanitizerAttribute) {
        html.reserve(id.name.utf8CodeUnitCount + 3)
        html.put(0x20)
        emitName(id.name)
        html.put(0x3D)
        html.put(0x22)
    }

    private mutating func closeAttribute() {
        html.append(byte: 0x22)
    }

    /// Keeps 1 to 5 ASCII digits, the only sizes and spans worth passing on.
    private mutating func emitNumber(_ id: SanitizerAttribute, _ value: UnsafePointer<UInt8>) {
        let (start, length) = trimmed(value)
        guard (1...5).contains(length) else { return }
        for index in 0..<length where !(0x30...0x39).contains(start[index]) { return }
        emitAttribute(id, start, length)
    }

    private mutating func emitDirection(_ value: UnsafePointer<UInt8>) {
        let (start, length) = trimmed(value)
        for word: StaticString in ["ltr", "rtl", "auto"] where matchesLowercased(start, length, word) {
            emitAttribute(.dir, word.utf8Start, word.utf8CodeUnitCount)
            return
        }
    }

    /// A language tag: letters, digits and hyphens only.
    private mutating func emitLanguage(_ value: UnsafePointer<UInt8>) {
        let (start, length) = trimmed(value)
        guard (1...35).contains(length) else { return }
        for index in 0..<length {
            let byte = start[index] | 0x20
            guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(start[index]) || start[index] == 0x2D
            else { return }
        }
        emitAttribute(.lang, start, length)
    }

    private func trimmed(_ value: UnsafePointer<UInt8>) -> (UnsafePointer<UInt8>, Int) {
        var start = value
        var length = strlen(value)
        while length > 0 && start.pointee <= 0x20 {
            start += 1
            length -= 1
        }
        while length > 0 && start[length - 1] <= 0x20 { length -= 1 }
        return (start, length)
    }

    /// Emits a URL attribute if its scheme is http, https or mailto, or if it has none.
    ///
    /// Browsers ignore tabs and newlines anywhere in a URL and spaces and controls around it, which is how
    /// `java&#x09;script:` gets past naive filters; those are removed first (libxml2 has already decoded
    /// character references), and any other control character rejects the value outright. A scheme is
    /// whatever precedes a `:` that comes before any `/`, `?` or `#`, so `javascript :x` counts as one.
    private mutating func emitURL(_ id: SanitizerAttribute, _ value: UnsafePointer<UInt8>) {
        let (start, length) = trimmed(value)
        scratch.removeAll()
        scratch.reserve(length)
        var schemeEnd = -1
        var sawDelimiter = false
        for index in 0..<length {
            let byte = start[index]
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if byte < 0x20 || byte == 0x7F { return }
            if !sawDelimiter {
                if byte == 0x3A {
                    schemeEnd = scratch.count
                    sawDelimiter = true
                } else if byte == 0x2F || byte == 0x3F || byte == 0x23 {
                    sawDelimiter = true
                }
            }
            scratch.put(byte)
        }
        guard !scratch.isEmpty, schemeEnd != 0 else { return }
        if schemeEnd > 0 {
            guard isAllowedScheme(scratch.base, schemeEnd) else { return }
            emitAttribute(id, scratch.base, scratch.count)
            return
        }
        guard let baseURL else {
            emitAttribute(id, scratch.base, scratch.count)
            return
        }
        if !baseChecked {
            baseChecked = true
            if base?.url != baseURL { base = SanitizerBaseURL(baseURL) }
        }
        guard let base else {
            emitAttribute(id, scratch.base, scratch.count)
            return
        }
        let relative = UnsafeBufferPointer(start: scratch.base, count: scratch.count)
        if let prefix = base.prefix(for: relative) {
            openAttribute(id)
            base.bytes.withUnsafeBufferPointer { html.appendEscaped($0.baseAddress!, prefix.count) }
            if prefix.addSlash { html.append(byte: 0x2F) }
            html.appendEscaped(scratch.base, scratch.count)
            closeAttribute()
        } else if var resolved = base.resolveWithFoundation(scratch.string()) {
            resolved.withUTF8 { emitAttribute(id, $0.baseAddress!, $0.count) }
        } else {
            emitAttribute(id, scratch.base, scratch.count)
        }
    }

    private func isAllowedScheme(_ scheme: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        matchesLowercased(scheme, length, "http") || matchesLowercased(scheme, length, "https")
            || matchesLowercased(scheme, length, "mailto")
    }

    /// Whether the bytes equal the lowercase ASCII `word`, ignoring ASCII case.
    private func matchesLowercased(_ bytes: UnsafePointer<UInt8>, _ length: Int, _ word: StaticString) -> Bool {
        guard word.utf8CodeUnitCount == length else { return false }
        let expected = word.utf8Start
        for index in 0..<length {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != expected[index] { return false }
        }
        return true
    }

    // MARK: Plain text

    /// Appends text with runs of whitespace (and no-break spaces) collapsed to one separator, which is a
    /// newline when an element boundary asked for one. Leading separators are dropped; trailing ones are
    /// never written because a separator is only written before the next word.
    mutating func appendText(_ chars: UnsafePointer<UInt8>, _ count: Int) {
        text.reserve(count + 1)
        var pending = pendingBreak
        if singleLine && pending == .newline { pending = .space }
        let breaksLines = preDepth > 0 && !singleLine
        let first = text.base
        var out = text.end
        /// Writes the separator a word is waiting for, unless nothing has been written yet.
        @inline(__always) func flushPendingSeparator() {
            guard pending != .none else { return }
            if out != first {
                out.pointee = pending == .newline ? 0x0A : 0x20
                out += 1
            }
            pending = .none
        }
        var index = 0
        while index < count {
            // Prose: sixteen bytes of words and single spaces come out as they are, except that a
            // separator owed goes first and a space at the end is owed rather than written. A space at
            // the start is written as it is only if nothing is owed and something came before.
            if count - index >= 16 {
                let block = sanitizerLoadBlock(chars + index)
                let other =
                    sanitizerControlLanes(block) .| sanitizerLanes(block, equalTo: 0x7F)
                    .| sanitizerLanes(block, equalTo: 0xC2)
                let spaces = sanitizerLaneBytes(sanitizerLanes(block, equalTo: 0x20))
                let adjacent = spaces.0 & spaces.0 << 8 | spaces.1 & spaces.1 << 8 | spaces.0 >> 56 & spaces.1
                if !sanitizerAnyLane(other) && adjacent == 0
                    && (spaces.0 & 1 == 0 || (pending == .none && out != first))
                {
                    flushPendingSeparator()
                    sanitizerStoreBlock(block, out)
                    index += 16
                    if spaces.1 >> 63 != 0 {
                        out += 15
                        pending = .space
                    } else {
                        out += 16
                    }
                    continue
                }
            }
            let byte = chars[index]
            index += 1
            // Printable ASCII, or any byte of a multi-byte character but the lead byte of U+00A0.
            if byte &- 0x21 < 0x5E || (byte >= 0x80 && byte != 0xC2) {
                flushPendingSeparator()
                out.pointee = byte
                out += 1
                // The rest of the word, without re-checking the separator.
                while index < count {
                    let next = chars[index]
                    guard next &- 0x21 < 0x5E || (next >= 0x80 && next != 0xC2) else { break }
                    out.pointee = next
                    out += 1
                    index += 1
                }
                continue
            }
            if byte == 0xC2 {
                if index < count && chars[index] == 0xA0 {
                    // A no-break space separates words like any other.
                    if pending == .none { pending = .space }
                    index += 1
                } else {
                    flushPendingSeparator()
                    out.pointee = byte
                    out += 1
                }
                continue
            }
            switch byte {
            case 0x0A where breaksLines:
                pending = .newline
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                if pending == .none { pending = .space }
            default:
                break
            }
        }
        text.count = out - first
        pendingBreak = pending
    }
}
