import CorroborationModel
import Foundation
import Testing

@testable import Corroboration

/// Stored items held back (`hold`) and indexed only when a new report may meet them
/// (`admit(matching:)`) must give the decisions that indexing them all gives.
struct SyndicationIndexTests {
    let fingerprinting = ShingleFingerprinting()
    let day = Date(timeIntervalSince1970: 1_726_444_800)

    /// A report of 60 words drawn from a small vocabulary: unrelated to the others in
    /// shingles, as wire reports of different events are.
    func filler(_ seed: Int) -> String {
        let words = [
            "army", "river", "council", "minister", "talks", "border", "village", "market", "court", "harbour",
            "ceasefire", "convoy", "bridge", "election", "protest", "drought", "factory", "railway", "budget",
            "summit", "envoy", "airport", "refinery", "strike", "pipeline", "parliament", "mayor", "school",
        ]
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (0..<60).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return words[Int(state >> 33) % words.count]
        }.joined(separator: " ")
    }

    func entry(_ id: Int64, outlet: String, text: String, origin: Int64? = nil, credits: Set<String> = [])
        -> SyndicationEntry
    {
        SyndicationEntry(
            key: .stored(id), outletID: outlet, date: day.addingTimeInterval(Double(id) * 60),
            signature: fingerprinting.signature(of: text), origin: .stored(origin ?? id), creditedOutlets: credits)
    }

    /// A window of 400 stored reports, three of them one group (an AFP original, a SANA copy
    /// crediting AFP, a TASS one), and new reports: a reprint of the SANA copy alone (its
    /// group's origin must be indexed with it, or the AFP item could not be chosen), a reprint
    /// of a lone stored report, a copy of a report new in the same batch, and an unrelated one.
    @Test func heldWindowDecidesAsAnIndexedOne() {
        let sanaText = filler(10_001)
        var stored = (1...400).map { entry(Int64($0), outlet: "outlet-\($0 % 7)", text: filler($0)) }
        stored[99] = entry(100, outlet: "afp", text: filler(10_000))
        stored[199] = entry(200, outlet: "sana", text: sanaText, origin: 100, credits: ["afp"])
        stored[299] = entry(300, outlet: "tass", text: filler(10_000) + " Officials gave no figures.", origin: 100)
        let newReports: [(outlet: String, text: String)] = [
            ("reuters", "(Reuters) - " + sanaText),
            ("dw", filler(42) + " said officials."),
            ("xinhua", filler(20_000)),
            ("anadolu", filler(20_000) + " Ankara said."),
            ("bbc", filler(30_000)),
        ]

        func decisions(holding: Bool) -> [SyndicationDecision] {
            let index = SyndicationIndex(fingerprinting: fingerprinting, wireOutlets: ["afp", "reuters", "ap"])
            if holding {
                index.hold(stored)
                index.admit(
                    matching: newReports.map { fingerprinting.bandKeys(of: fingerprinting.signature(of: $0.text)) })
            } else {
                for item in stored { index.insert(item) }
            }
            #expect(stored.allSatisfy { index.contains($0.key) })
            return newReports.enumerated().map { position, report in
                index.decide(
                    key: .new(position), outletID: report.outlet, date: day.addingTimeInterval(86_400),
                    signature: fingerprinting.signature(of: report.text), credits: [])
            }
        }
        let indexed = decisions(holding: false)
        let held = decisions(holding: true)
        #expect(indexed.map(\.origin) == held.map(\.origin))
        #expect(indexed.map(\.relation) == held.map(\.relation))
        #expect(indexed.map(\.similarity) == held.map(\.similarity))
        // The cases are what they claim to be: the reprint joins the AFP group (the credited
        // outlet's item is its origin), the lone reprint its report, the batch copy the new report.
        #expect(held[0].origin == .stored(100) && held[0].relation == .copy)
        #expect(held[1].origin == .stored(42) && held[1].relation == .copy)
        #expect(held[3].origin == .new(2) && held[3].relation == .copy)
        #expect(held[4].relation == .original)
    }

    /// Many reports searched for at once (a bulk ingest) index every waiting item.
    @Test func manyReportsIndexTheWholeWindow() {
        let stored = (1...64).map { entry(Int64($0), outlet: "outlet-\($0 % 5)", text: filler($0)) }
        let index = SyndicationIndex(fingerprinting: fingerprinting, wireOutlets: [])
        index.hold(stored)
        index.admit(matching: [[1, 2, 3], [4, 5]])
        let reprint = filler(7) + " and more."
        index.admit(matching: [fingerprinting.bandKeys(of: fingerprinting.signature(of: reprint))])
        let decision = index.decide(
            key: .new(0), outletID: "ap", date: day.addingTimeInterval(86_400),
            signature: fingerprinting.signature(of: reprint), credits: [])
        #expect(decision.origin == .stored(7))
        #expect(stored.allSatisfy { index.contains($0.key) })
    }
}
