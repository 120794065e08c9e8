import CLibXML2
import Testing

@testable import FeedParsing

/// The sanitizer reads libxml2's implied-close rule cheaply (`LibXML2ImpliedCloses`); these tests hold
/// it against the ground truth: parsing every pair of elements and watching where the new one opens.
@Suite struct ImpliedClosesTests {
    @Test func fastTokenizerRulesMatchAFullProbe() throws {
        let rules = try #require(fastTagRules)
        let accepted = sanitizerTagTables.names.filter { sanitizerTagInfos[$0.1].kind == .allowed }
        let names = accepted.map(\.0)
        let isVoid = accepted.map { sanitizerTagInfos[$0.1].isVoid }
        let probed = try #require(probeEveryPair(names))
        #expect(probed.filter { $0 }.count > 20, "the probe saw libxml2 close elements")
        var mismatches: [String] = []
        for old in 0...names.count where old == names.count || !isVoid[old] {
            for new in 0..<names.count {
                let index = old * names.count + new
                if rules.closes[index] != probed[index] {
                    let oldName = old == names.count ? "body" : "\(names[old])"
                    mismatches.append("<\(names[new])> in <\(oldName)>: probe \(probed[index])")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func sanitizerTableMatchesAFullProbe() throws {
        let allowed = sanitizerTagInfos.filter { $0.kind == .allowed }
        let probed = try #require(probeEveryPair(allowed.map(\.name)))
        var expected = [UInt64](repeating: 0, count: allowed.count)
        for (oldIndex, old) in allowed.enumerated() where !old.isVoid {
            for (newIndex, new) in allowed.enumerated() where probed[oldIndex * allowed.count + newIndex] {
                expected[new.row] |= 1 << UInt64(old.row)
            }
        }
        #expect(sanitizerImpliedCloses == expected)
    }

    @Test func knownRulesHold() {
        let names: [StaticString] = ["p", "li", "div", "b"]
        let rules = LibXML2ImpliedCloses(names: names)
        #expect(rules.closes(old: 0, new: 0))  // <p> closes <p>
        #expect(rules.closes(old: 1, new: 1))  // <li> closes <li>
        #expect(rules.closes(old: 0, new: 2))  // <div> closes <p>
        #expect(!rules.closes(old: 2, new: 0))  // <p> stays inside <div>
        #expect(!rules.closes(old: 3, new: 3))  // <b> nests in <b>
    }
}

/// For every open element `old` (and `<body>`, as row `count`) and every new start tag, whether
/// libxml2 closes `old` first: one parse per `old` of
/// `<body><old><new1></new1></old><old><new2></new2></old>...`, reading the depth each start tag
/// opens at. Nil when the events do not have the expected shape.
private func probeEveryPair(_ names: [StaticString]) -> [Bool]? {
    let count = names.count
    var closes = [Bool](repeating: false, count: (count + 1) * count)
    var depths: [Int32] = []
    var sax = silentSAXHandler()
    sax.startElement = { ctx, _, _ in
        let ctxt = ctx.unsafelyUnwrapped.assumingMemoryBound(to: xmlParserCtxt.self)
        let depths = ctxt.pointee._private.unsafelyUnwrapped.assumingMemoryBound(to: [Int32].self)
        depths.pointee.append(ctxt.pointee.nameNr)
    }
    let probed = withUnsafeMutablePointer(to: &depths) { depths in
        guard let ctxt = makeSanitizerContext(sax: sax, userState: UnsafeMutableRawPointer(depths)) else {
            return false
        }
        defer { htmlFreeParserCtxt(ctxt) }
        var probe: [UInt8] = []
        func append(_ prefix: StaticString, _ name: StaticString) {
            probe.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
            probe.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            probe.append(0x3E)
        }
        for old in 0...count {
            let wrapped = old < count
            probe.removeAll(keepingCapacity: true)
            append("<", "body")
            for new in 0..<count {
                if wrapped { append("<", names[old]) }
                append("<", names[new])
                append("</", names[new])
                if wrapped { append("</", names[old]) }
            }
            probe.append(0)
            depths.pointee.removeAll(keepingCapacity: true)
            probe.withUnsafeBufferPointer { runSanitizerParser(ctxt, UnsafeBufferPointer(rebasing: $0.dropLast())) }
            let events = depths.pointee
            let perPair = wrapped ? 2 : 1
            guard events.count == 1 + perPair * count, events[0] == 1 else { continue }
            for new in 0..<count {
                let at = 1 + perPair * new
                if wrapped {
                    guard events[at] == 2 else { continue }
                    closes[old * count + new] = events[at + 1] != 3
                } else {
                    closes[count * count + new] = events[at] != 2
                }
            }
        }
        return true
    }
    return probed ? closes : nil
}
