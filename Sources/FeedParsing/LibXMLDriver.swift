import CLibXML2
import Foundation

/// Drives libxml2's SAX2 push parser and forwards its events to a `FeedBuilder`.
///
/// Speed comes from not making Strings: element and namespace names arrive interned in the
/// parser's dictionary, so each distinct pointer is mapped to an enum once and looked up by
/// address afterwards. Only the text of fields the builder keeps becomes a String.
final class LibXMLDriver {
    let builder: FeedBuilder
    /// The builder borrowed without reference counting in the callbacks, which run once per
    /// element and text run; `builder` keeps it alive for as long as the driver lives.
    private let borrowedBuilder: Unmanaged<FeedBuilder>
    private var context: xmlParserCtxtPtr?
    private let names = NameCache()
    private(set) var xmlErrors = 0
    private(set) var firstXMLError: String?

    init(builder: FeedBuilder) {
        self.builder = builder
        borrowedBuilder = Unmanaged.passUnretained(builder)
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, _, attributes in
            LibXMLDriver.with(ctx) {
                $0.startElement(localname, prefix, uri, Int(nbNamespaces), namespaces, Int(nbAttributes), attributes)
            }
        }
        handler.endElementNs = { ctx, _, _, _ in
            LibXMLDriver.withBuilder(ctx) { $0.endElement() }
        }
        handler.characters = { ctx, chars, length in
            guard let chars, length > 0 else { return }
            LibXMLDriver.withBuilder(ctx) { $0.characters(UnsafeBufferPointer(start: chars, count: Int(length))) }
        }
        handler.cdataBlock = handler.characters
        handler.serror = { ctx, error in
            guard let ctx, let error else { return }
            LibXMLDriver.with(ctx) { $0.record(error.pointee) }
        }
        let unmanaged = Unmanaged.passUnretained(self).toOpaque()
        context = xmlCreatePushParserCtxt(&handler, unmanaged, nil, 0, nil)
        if let context {
            // Recover from errors as real pollers must; never touch the network, never load or
            // expand anything from a DTD (the repair stage removed it), ignore encoding hints
            // (the bytes handed in are always UTF-8).
            let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
            xmlCtxtUseOptions(context, options)
            names.dictionary = context.pointee.dict
        }
        builder.currentLine = { [unowned self] in
            guard let context = self.context else { return 0 }
            return Int(xmlSAX2GetLineNumber(context))
        }
    }

    deinit {
        if let context {
            xmlFreeParserCtxt(context)
        }
    }

    /// The driver behind a callback's context pointer, borrowed for the callback without a retain:
    /// the driver outlives its libxml2 context.
    @inline(__always)
    private static func with(_ ctx: UnsafeMutableRawPointer?, _ body: (LibXMLDriver) -> Void) {
        Unmanaged<LibXMLDriver>.fromOpaque(ctx!)._withUnsafeGuaranteedRef(body)
    }

    /// The builder behind a callback's context pointer, borrowed the same way.
    @inline(__always)
    private static func withBuilder(_ ctx: UnsafeMutableRawPointer?, _ body: (FeedBuilder) -> Void) {
        Unmanaged<LibXMLDriver>.fromOpaque(ctx!)._withUnsafeGuaranteedRef {
            $0.borrowedBuilder._withUnsafeGuaranteedRef(body)
        }
    }

    /// Parses the next piece of the document; `final` on the last one.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool) {
        guard let context else { return }
        let pointer = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
        var offset = 0
        repeat {
            let length = min(bytes.count - offset, 1 << 30)
            let isLast = final && offset + length == bytes.count
            xmlParseChunk(context, pointer.map { $0 + offset }, Int32(length), isLast ? 1 : 0)
            offset += length
            if builder.fatalError != nil {
                xmlStopParser(context)
                return
            }
        } while offset < bytes.count
    }

    /// False after any error libxml2 reported, namespace errors included.
    var wellFormed: Bool {
        xmlErrors == 0 && (context.map { $0.pointee.wellFormed != 0 } ?? false)
    }

    private func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        xmlErrors += 1
        let message =
            error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "error"
        let line = "line \(error.line): \(message)"
        if firstXMLError == nil { firstXMLError = line }
        builder.warnings.add(line, key: "xml \(error.code) \(error.line)")
    }

    private func startElement(
        _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
        _ nbNamespaces: Int, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
        _ nbAttributes: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard let localname else { return }
        // Borrowed without a retain, as the builder is: the driver owns the cache.
        Unmanaged.passUnretained(names)._withUnsafeGuaranteedRef { names in
            var ns = names.namespace(uri)
            if uri == nil, let prefix {
                // A feed that forgot to declare `content:` or `dc:` still means the usual namespace.
                ns = Namespace(conventionalPrefix: String(cString: prefix))
            }
            let name = names.element(localname)
            let attrs = Attributes(
                raw: attributes, count: nbAttributes, namespaces: namespaces, namespaceCount: nbNamespaces,
                names: names)
            borrowedBuilder._withUnsafeGuaranteedRef {
                $0.startElement(ns, name, localName: { String(cString: localname) }, attributes: attrs)
            }
        }
        if builder.fatalError != nil, let context {
            xmlStopParser(context)
        }
    }
}

/// Maps libxml2's interned name pointers to enums, once per distinct name.
final class NameCache {
    var dictionary: xmlDictPtr?
    private var namespaces: [UnsafeRawPointer: Namespace] = [:]
    /// Element names by interned pointer, open-addressed: a document uses a few dozen names.
    private var elementKeys = [UnsafeRawPointer?](repeating: nil, count: 256)
    private var elementValues = [ElementName](repeating: .other, count: 256)
    private var elementCount = 0
    private var lastNamespace: (UnsafeRawPointer, Namespace)?

    func namespace(_ uri: UnsafePointer<xmlChar>?) -> Namespace {
        guard let uri else { return .none }
        let key = UnsafeRawPointer(uri)
        if let last = lastNamespace, last.0 == key { return last.1 }
        if let known = namespaces[key] {
            lastNamespace = (key, known)
            return known
        }
        let value = Namespace(uri: String(cString: uri))
        if isInterned(uri) {
            namespaces[key] = value
            lastNamespace = (key, value)
        }
        return value
    }

    func element(_ name: UnsafePointer<xmlChar>) -> ElementName {
        let key = UnsafeRawPointer(name)
        var slot = Int(truncatingIfNeeded: UInt(bitPattern: key) >> 3) & 255
        while let occupant = elementKeys[slot] {
            if occupant == key { return elementValues[slot] }
            slot = (slot + 1) & 255
        }
        let value = ElementName(String(cString: name))
        if elementCount < 192 && isInterned(name) {
            elementKeys[slot] = key
            elementValues[slot] = value
            elementCount += 1
        }
        return value
    }

    /// Only pointers owned by the parser's dictionary are stable for the whole parse.
    private func isInterned(_ pointer: UnsafePointer<xmlChar>) -> Bool {
        guard let dictionary else { return false }
        return xmlDictOwns(dictionary, pointer) == 1
    }
}

/// The attributes of one start tag, read lazily from libxml2's arrays.
struct Attributes {
    let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int
    let namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let namespaceCount: Int
    /// Valid for the callback the attributes arrived in, like the attribute pointers themselves.
    unowned(unsafe) let names: NameCache

    /// True when some attribute is in the XML namespace (`xml:base`, `xml:lang`).
    var hasXMLAttributes: Bool {
        guard let raw else { return false }
        for i in 0..<count {
            if let prefix = raw[i * 5 + 1], prefix[0] == UInt8(ascii: "x"), prefix[1] == UInt8(ascii: "m"),
                prefix[2] == UInt8(ascii: "l"), prefix[3] == 0
            {
                return true
            }
        }
        return false
    }

    /// The value of the attribute `name` in namespace `ns` (`.none` for unprefixed attributes).
    func value(_ ns: Namespace, _ name: StaticString) -> String? {
        guard let raw else { return nil }
        for i in 0..<count {
            guard let local = raw[i * 5], equals(local, name) else { continue }
            let uri = raw[i * 5 + 2]
            let attrNS: Namespace = uri == nil ? .none : names.namespace(uri)
            guard attrNS == ns else { continue }
            return decodedValue(at: i)
        }
        return nil
    }

    /// Whether this element declares a namespace of the given kind.
    func declaresNamespace(_ ns: Namespace) -> Bool {
        guard let namespaces else { return false }
        for i in 0..<namespaceCount {
            if let uri = namespaces[i * 2 + 1], Namespace(uri: String(cString: uri)) == ns { return true }
        }
        return false
    }

    /// Every attribute as (qualified name, value), for re-serializing inline markup.
    func all() -> [(String, String)] {
        guard let raw, count > 0 else { return [] }
        var result: [(String, String)] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            guard let local = raw[i * 5] else { continue }
            var name = String(cString: local)
            if let prefix = raw[i * 5 + 1] { name = String(cString: prefix) + ":" + name }
            result.append((name, decodedValue(at: i)))
        }
        return result
    }

    private func decodedValue(at i: Int) -> String {
        guard let raw, let start = raw[i * 5 + 3], let end = raw[i * 5 + 4] else { return "" }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        // Without entity substitution libxml2 leaves `&amp;` in attribute values as `&#38;`.
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "&#38;", with: "&")
    }

    private func equals(_ cString: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        let p = name.utf8Start
        let n = name.utf8CodeUnitCount
        for k in 0..<n where cString[k] != p[k] { return false }
        return cString[n] == 0
    }
}
