import CLibXML2

// The sanitizer's fast path. libxml2's HTML parser costs 10-15 µs for a 1 KB fragment, while the fragments
// in feeds are nearly always clean CMS output: quoted attributes, properly nested and closed elements,
// well-formed references. This tokenizer reads only that narrow subset and reports what libxml2 would
// report for it (start tags with their attributes, end tags, text) to the same `SanitizerState`, so the
// output is the same by construction. At the first thing outside the subset it gives up, and the caller
// discards what was written and lets libxml2 read the fragment, as for every fragment before.
//
// The subset, and why each limit is there:
// - Elements: only the names the sanitizer keeps (and those it writes as <div>), lowercase or not.
//   Removed elements (<script>...), unwrapped ones, comments, `<!`, `<?` and a `<` that starts no tag
//   are left to libxml2, which has rules of its own for each.
// - A start tag that libxml2 would let close the current element (a <p> in an open <p>) gives up;
//   which pairs do is read from the linked libxml2 once (`fastTagRules`), not written down here.
// - End tags must close the innermost open element; elements left open at the end are closed, as
//   libxml2 closes them at the end of input.
// - Attribute values must be quoted, names unique and separated by white space.
// - References must be ones the sanitizer's own reader decodes as libxml2 does; control characters
//   and U+FFFE/U+FFFF (which libxml2 drops from text) give up.

/// Deeper fragments go to libxml2; clean CMS output nests a few levels.
private let fastMaxDepth = 256
/// More attributes on one element than this go to libxml2.
private let fastMaxAttributes = 32

/// The element names the fast path reads, and libxml2's implied-close rules among them. A class, so
/// that each fragment retains one object rather than each of its tables.
final class FastTagRules: Sendable {
    /// Name to fast id + 1.
    let names: SanitizerNameTable
    /// Index into `sanitizerTagInfos` per fast id.
    let tags: [Int]
    let isVoid: [Bool]
    /// `closes[current * count + new]`: libxml2 closes the open element `current` on meeting `<new>`.
    /// `current == count` stands for the `<body>` the fragment is parsed in.
    let closes: [Bool]
    let count: Int
    /// Index of `body` in `sanitizerTagInfos`.
    let body: Int

    init(names: [StaticString], tags: [Int], isVoid: [Bool], closes: [Bool], body: Int) {
        self.names = SanitizerNameTable(names.enumerated().map { ($0.element, $0.offset + 1) })
        self.tags = tags
        self.isVoid = isVoid
        self.closes = closes
        self.count = names.count
        self.body = body
    }
}

/// Nil when probing libxml2 gave an unexpected answer; then every fragment goes to libxml2.
let fastTagRules: FastTagRules? = {
    // The names kept as they are, and those written as <div>: libxml2 knows some of the latter
    // (<center>, <address>) and not others (<section>), so they are told apart by name here.
    let accepted = sanitizerTagTables.names.filter { sanitizerTagInfos[$0.1].kind == .allowed }
    let names = accepted.map(\.0)
    let isVoid = accepted.map { sanitizerTagInfos[$0.1].isVoid }
    let bodyName: StaticString = "body"
    let body = sanitizerTagNames.find(bodyName.utf8Start, length: bodyName.utf8CodeUnitCount)
    guard body != 0 else { return nil }
    let closes = LibXML2ImpliedCloses(names: names).closes
    return FastTagRules(names: names, tags: accepted.map(\.1), isVoid: isVoid, closes: closes, body: body)
}()

/// Reads `bytes` (a fragment, without the `<body>` the libxml2 path wraps it in) into `state` if it is
/// in the fast path's subset. False as soon as it is not; the caller then calls `discardOutput()`.
func sanitizeWithoutLibxml2(
    _ bytes: UnsafeBufferPointer<UInt8>, _ state: UnsafeMutablePointer<SanitizerState>
) -> Bool {
    guard let rules = fastTagRules, let start = bytes.baseAddress else { return false }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: fastMaxDepth) { stack in
        withUnsafeTemporaryAllocation(of: UnsafePointer<UInt8>?.self, capacity: 2 * fastMaxAttributes + 1) {
            var tokenizer = HTMLFastTokenizer(
                state: state, rules: rules, cursor: start, end: start + bytes.count,
                stack: stack.baseAddress!, attributes: $0.baseAddress!)
            return tokenizer.run()
        }
    }
}

private struct HTMLFastTokenizer {
    let state: UnsafeMutablePointer<SanitizerState>
    let rules: FastTagRules
    var cursor: UnsafePointer<UInt8>
    let end: UnsafePointer<UInt8>
    /// Fast ids of the open elements, innermost last.
    let stack: UnsafeMutablePointer<UInt8>
    var depth = 0
    /// Name and value pointers of the current start tag, as libxml2 passes them.
    let attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    /// Where attribute names and values, and text with its references decoded, are written: the state's
    /// `input` buffer, which only the libxml2 path uses otherwise. Sized for the whole fragment up front,
    /// since nothing written for one tag or one run of text is longer than its source.
    let scratch: UnsafeMutablePointer<UInt8>

    init(
        state: UnsafeMutablePointer<SanitizerState>, rules: FastTagRules, cursor: UnsafePointer<UInt8>,
        end: UnsafePointer<UInt8>, stack: UnsafeMutablePointer<UInt8>,
        attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    ) {
        self.state = state
        self.rules = rules
        self.cursor = cursor
        self.end = end
        self.stack = stack
        self.attributes = attributes
        state.pointee.input.removeAll()
        state.pointee.input.reserve(end - cursor + 8)
        scratch = state.pointee.input.base
    }

    /// The whole fragment, with the events libxml2 reports for the wrapper and at the end of input.
    mutating func run() -> Bool {
        state.pointee.prepareForParse()
        state.pointee.startElement(tag: rules.body, nil)
        while cursor < end {
            let ok: Bool
            if cursor.pointee == 0x3C {
                ok = cursor + 1 < end && cursor[1] == 0x2F ? endTag() : startTag()
            } else {
                ok = text()
            }
            guard ok else { return false }
        }
        while depth > 0 {
            state.pointee.endElement()
            depth -= 1
        }
        state.pointee.endElement()
        state.pointee.finishParse()
        return true
    }

    /// Text up to the next tag, with its references decoded. libxml2 reports the text between
    /// references and each decoded reference separately; the state reads pieces of text as one, so it
    /// is reported here in one piece.
    private mutating func text() -> Bool {
        var out = scratch
        var next = cursor
        scan: while next < end {
            // Sixteen bytes at a time while none of them needs a second look.
            if end - next >= 16 {
                let block = sanitizerLoadBlock(next)
                let markup = sanitizerLanes(block, equalTo: 0x3C) .| sanitizerLanes(block, equalTo: 0x26)
                let suspect = sanitizerControlLanes(block) .| sanitizerLanes(block, equalTo: 0xEF)
                if !sanitizerAnyLane(markup .| suspect) {
                    sanitizerStoreBlock(block, out)
                    out += 16
                    next += 16
                    continue
                }
            }
            let stop = min(next + 16, end)
            while next < stop {
                let byte = next.pointee
                if byte == 0x26 {
                    guard copyReference(&next, to: &out) else { return false }
                    continue scan
                }
                if byte >= 0x20 {
                    if byte == 0x3C { break scan }
                    if byte == 0xEF && isNonCharacter(next) { return false }
                } else if byte != 0x0A && byte != 0x09 && byte != 0x0D {
                    // libxml2 drops control characters from text.
                    return false
                }
                out.pointee = byte
                out += 1
                next += 1
            }
        }
        state.pointee.characters(scratch, out - scratch)
        cursor = next
        return true
    }

    /// `</name>`, closing the innermost open element.
    private mutating func endTag() -> Bool {
        var next = cursor + 2
        guard let id = elementName(&next) else { return false }
        skipBlanks(&next)
        guard next < end, next.pointee == 0x3E, depth > 0, stack[depth - 1] == id else { return false }
        cursor = next + 1
        depth -= 1
        state.pointee.endElement()
        return true
    }

    /// `<name attribute="value" ...>` or `<name .../>`.
    private mutating func startTag() -> Bool {
        var next = cursor + 1
        guard let id = elementName(&next), depth < fastMaxDepth else { return false }
        let current = depth > 0 ? Int(stack[depth - 1]) : rules.count
        guard !rules.closes[current * rules.count + Int(id)] else { return false }
        var out = scratch
        var count = 0
        var separated = false
        var selfClosing = false
        while true {
            if skipBlanks(&next) { separated = true }
            guard next < end else { return false }
            let byte = next.pointee
            if byte == 0x3E {
                next += 1
                break
            }
            if byte == 0x2F {
                guard next + 1 < end, next[1] == 0x3E else { return false }
                next += 2
                selfClosing = true
                break
            }
            guard separated, count < fastMaxAttributes, let name = attributeName(&next, &out) else { return false }
            // libxml2 drops a repeated attribute; rare enough to leave to it.
            for index in 0..<count where xmlStrEqual(attributes[2 * index], name) != 0 { return false }
            separated = skipBlanks(&next)
            var value: UnsafePointer<UInt8>?
            if next < end && next.pointee == 0x3D {
                next += 1
                skipBlanks(&next)
                guard let quoted = attributeValue(&next, &out) else { return false }
                value = quoted
                separated = false
            }
            attributes[2 * count] = name
            attributes[2 * count + 1] = value
            count += 1
        }
        attributes[2 * count] = nil
        cursor = next
        state.pointee.startElement(tag: rules.tags[Int(id)], count > 0 ? attributes : nil)
        // libxml2 ends void elements, and any element written as `<name/>`, right away.
        if selfClosing || rules.isVoid[Int(id)] {
            state.pointee.endElement()
        } else {
            stack[depth] = id
            depth += 1
        }
        return true
    }

    /// The fast id of the element name at `next`, which is moved past it. The name is packed for the
    /// table while it is read; names of more than 16 bytes, or with `:`, `_`, `.` or `-`, are none of its.
    private func elementName(_ next: inout UnsafePointer<UInt8>) -> UInt8? {
        var key: (UInt64, UInt64) = (0, 0)
        var length = 0
        while next < end {
            var byte = next.pointee
            if (byte | 0x20) &- 0x61 < 26 {
                byte |= 0x20
            } else if byte &- 0x30 >= 10 || length == 0 {
                break
            }
            guard length < 16 else { return nil }
            if length < 8 {
                key.0 |= UInt64(byte) << (length << 3)
            } else {
                key.1 |= UInt64(byte) << ((length - 8) << 3)
            }
            length += 1
            next += 1
        }
        guard length > 0, next == end || !isNameByte(next.pointee) else { return nil }
        let found = rules.names.find(packed: key)
        return found == 0 ? nil : UInt8(found - 1)
    }

    /// Copies the attribute name at `next` to `out`, lowercased and NUL-terminated, as libxml2 reports it.
    private func attributeName(
        _ next: inout UnsafePointer<UInt8>, _ out: inout UnsafeMutablePointer<UInt8>
    ) -> UnsafePointer<UInt8>? {
        let start = out
        let first = next.pointee
        // libxml2 reads names of up to 100 bytes starting with a letter, `_`, `:` or `.`.
        guard (first | 0x20) &- 0x61 < 26 || first == 0x5F || first == 0x3A || first == 0x2E else { return nil }
        repeat {
            var byte = next.pointee
            if byte &- 0x41 < 26 { byte |= 0x20 }
            out.pointee = byte
            out += 1
            next += 1
        } while next < end && isNameByte(next.pointee)
        guard out - start < 100 else { return nil }
        out.pointee = 0
        out += 1
        return UnsafePointer(start)
    }

    /// Copies the quoted value at `next` to `out` with references decoded, NUL-terminated.
    private mutating func attributeValue(
        _ next: inout UnsafePointer<UInt8>, _ out: inout UnsafeMutablePointer<UInt8>
    ) -> UnsafePointer<UInt8>? {
        guard next < end, next.pointee == 0x22 || next.pointee == 0x27 else { return nil }
        let quote = next.pointee
        next += 1
        let start = out
        while true {
            guard next < end else { return nil }
            let byte = next.pointee
            if byte == quote { break }
            if byte == 0x26 {
                guard copyReference(&next, to: &out) else { return nil }
                continue
            }
            if byte < 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D { return nil }
            if byte == 0xEF && isNonCharacter(next) { return nil }
            out.pointee = byte
            out += 1
            next += 1
        }
        next += 1
        out.pointee = 0
        out += 1
        return UnsafePointer(start)
    }

    /// Copies the reference at `next` decoded (or a literal `&`), with the same reader that decodes
    /// tagless text; false when only libxml2 can read it.
    @inline(__always)
    private mutating func copyReference(
        _ next: inout UnsafePointer<UInt8>, to out: inout UnsafeMutablePointer<UInt8>
    ) -> Bool {
        switch SanitizerBytes.reference(at: next, limit: end, entities: &state.pointee.entities) {
        case .character(let scalar, let length):
            fastPutUTF8(scalar, &out)
            next += length
        case .literal:
            out.pointee = 0x26
            out += 1
            next += 1
        case .other:
            return false
        }
        return true
    }

    /// Skips HTML white space; whether there was any.
    @discardableResult
    private func skipBlanks(_ next: inout UnsafePointer<UInt8>) -> Bool {
        let start = next
        while next < end {
            let byte = next.pointee
            guard byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D else { break }
            next += 1
        }
        return next != start
    }

    /// U+FFFE or U+FFFF starting at `lead` (an 0xEF byte), which libxml2 does not accept as characters.
    private func isNonCharacter(_ lead: UnsafePointer<UInt8>) -> Bool {
        lead + 2 < end && lead[1] == 0xBF && lead[2] & 0xFE == 0xBE
    }

    /// Letters, digits, `:`, `_`, `.` and `-`: the bytes libxml2 reads as part of an HTML name.
    private func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x3A || byte == 0x5F || byte == 0x2E
            || byte == 0x2D
    }
}

/// Writes `scalar` as UTF-8 at `out` and moves `out` past it.
@inline(__always)
private func fastPutUTF8(_ scalar: UInt32, _ out: inout UnsafeMutablePointer<UInt8>) {
    switch scalar {
    case 0..<0x80:
        out[0] = UInt8(scalar)
        out += 1
    case 0x80..<0x800:
        out[0] = UInt8(0xC0 | scalar >> 6)
        out[1] = UInt8(0x80 | scalar & 0x3F)
        out += 2
    case 0x800..<0x10000:
        out[0] = UInt8(0xE0 | scalar >> 12)
        out[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
        out[2] = UInt8(0x80 | scalar & 0x3F)
        out += 3
    default:
        out[0] = UInt8(0xF0 | scalar >> 18)
        out[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
        out[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
        out[3] = UInt8(0x80 | scalar & 0x3F)
        out += 4
    }
}
