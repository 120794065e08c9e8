import CLibXML2

/// libxml2's HTML rule for start tags: meeting `<new>` while `old` is the current element, does it
/// close `old` first? (A `<p>` closes an open `<p>`; an `<li>` closes an open `<li>`.)
///
/// The sanitizer and its fast tokenizer must follow the linked libxml2 exactly, so the answers are
/// read from it rather than written down. Different names are asked through `htmlAutoCloseTag`,
/// which consults libxml2's own table of which tags close which; it cannot answer for a tag meeting
/// its own kind, so those few are asked by parsing `<body><x><x>` and seeing where the second one
/// opens. A test checks the result against parsing every pair, which is the ground truth but costs
/// about 15 ms per process, where this costs well under one.
struct LibXML2ImpliedCloses {
    /// `closes[old * count + new]`; row `count` stands for the `<body>` fragments are parsed in.
    let closes: [Bool]
    let count: Int

    init(names: [StaticString]) {
        count = names.count
        var closes = [Bool](repeating: false, count: (count + 1) * count)
        xmlInitParser()
        let nodes = names.map { name in
            xmlNewNode(nil, UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: xmlChar.self))
        }
        defer { for node in nodes { xmlFreeNode(node) } }
        let body: StaticString = "body"
        let selfCloses = Self.selfCloses(names)
        for new in 0..<count {
            guard let node = nodes[new] else { continue }
            for old in 0..<count {
                closes[old * count + new] =
                    old == new ? selfCloses[new] : htmlAutoCloseTag(nil, Self.xmlName(names[old]), node) != 0
            }
            closes[count * count + new] = htmlAutoCloseTag(nil, Self.xmlName(body), node) != 0
        }
        self.closes = closes
    }

    func closes(old: Int, new: Int) -> Bool { closes[old * count + new] }

    private static func xmlName(_ name: StaticString) -> UnsafePointer<xmlChar> {
        UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: xmlChar.self)
    }

    /// For each name, whether `<body><x><x>` opens the second `x` beside the first (closing it)
    /// rather than inside it.
    private static func selfCloses(_ names: [StaticString]) -> [Bool] {
        var depths: [Int32] = []
        var sax = silentSAXHandler()
        sax.startElement = { ctx, _, _ in
            let ctxt = ctx.unsafelyUnwrapped.assumingMemoryBound(to: xmlParserCtxt.self)
            let depths = ctxt.pointee._private.unsafelyUnwrapped.assumingMemoryBound(to: [Int32].self)
            depths.pointee.append(ctxt.pointee.nameNr)
        }
        return withUnsafeMutablePointer(to: &depths) { depths in
            guard let ctxt = makeSanitizerContext(sax: sax, userState: UnsafeMutableRawPointer(depths)) else {
                return [Bool](repeating: false, count: names.count)
            }
            defer { htmlFreeParserCtxt(ctxt) }
            var probe: [UInt8] = []
            return names.map { name in
                probe.removeAll(keepingCapacity: true)
                probe.append(contentsOf: "<body><".utf8)
                probe.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
                probe.append(contentsOf: "><".utf8)
                probe.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
                probe.append(contentsOf: ">".utf8)
                probe.append(0)
                depths.pointee.removeAll(keepingCapacity: true)
                probe.withUnsafeBufferPointer { runSanitizerParser(ctxt, UnsafeBufferPointer(rebasing: $0.dropLast())) }
                // body at 1, the first x at 2; the second at 3 when the first is still open.
                return depths.pointee.count == 3 && depths.pointee[2] != 3
            }
        }
    }
}
