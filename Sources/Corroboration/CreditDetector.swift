import CorroborationModel
import Foundation
import TextAnalysis

/// Finds which outlets an item credits, with the registry's patterns.
///
/// Every pattern sits behind a gate of literals it cannot match without (`RegexLiteralGate`),
/// and all gates are checked in one pass over the text (`MultiLiteralSearch`); a regex runs
/// only when its gate opens. With some two hundred patterns this is the difference between a
/// byte scan and seconds per thousand items.
public struct CreditDetector: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and safe to share between threads.
    private struct Pattern {
        let outletID: String
        let kind: CreditKind
        let regex: NSRegularExpression
        /// Sets of indices into the literal searches: the regex runs only when every set has a
        /// literal present. Empty when the pattern has no gate and always runs.
        let gate: [[Int]]
        let caseInsensitive: Bool
    }

    private let patterns: [Pattern]
    /// Case-sensitive gate literals. Folding them too would open short ones ("AP", "EFE") on
    /// every text that contains the letters ("happened"): measured, it ran a regex per item.
    private let exactSearch: MultiLiteralSearch
    /// The literals of case-insensitive patterns, searched in a second pass only when there are any.
    private let foldedSearch: MultiLiteralSearch
    private let needsFolded: Bool

    /// Only the credits that make an item someone else's copy: datelines, credit lines, bylines.
    /// Attributions ("Interfax reported") credit a claim, not the item, and are left to claim
    /// extraction.
    public static let syndicationKinds: Set<CreditKind> = [.dateline, .creditLine, .byline]

    /// Compiles the patterns of `outlets` (of the given kinds); a pattern that does not compile is
    /// skipped (the registry's own checks report it).
    public init(outlets: [Outlet], kinds: Set<CreditKind> = Set(CreditKind.allCases)) {
        var exact: [String: Int] = [:]
        var folded: [String: Int] = [:]
        var compiled: [Pattern] = []
        for outlet in outlets {
            for credit in outlet.credits where kinds.contains(credit.kind) {
                guard let regex = try? NSRegularExpression(pattern: credit.pattern) else { continue }
                var gate: [[Int]] = []
                var caseInsensitive = false
                // A case-insensitive gate with a non-ASCII literal would need Unicode case folding of
                // every text; such a pattern runs ungated instead.
                if let found = RegexLiteralGate.requiredLiterals(of: credit.pattern),
                    !found.caseInsensitive || found.requirements.joined().allSatisfy({ $0.allSatisfy(\.isASCII) })
                {
                    caseInsensitive = found.caseInsensitive
                    let requirements =
                        caseInsensitive ? found.requirements : Self.selective(found.requirements)
                    for requirement in requirements {
                        gate.append(
                            requirement.map { literal in
                                if caseInsensitive {
                                    if let index = folded[literal] { return index }
                                    folded[literal] = folded.count
                                    return folded.count - 1
                                }
                                if let index = exact[literal] { return index }
                                exact[literal] = exact.count
                                return exact.count - 1
                            })
                    }
                }
                compiled.append(
                    Pattern(
                        outletID: outlet.id, kind: credit.kind, regex: regex, gate: gate,
                        caseInsensitive: caseInsensitive))
            }
        }
        patterns = compiled
        exactSearch = MultiLiteralSearch(literals: exact.sorted { $0.value < $1.value }.map(\.key))
        foldedSearch = MultiLiteralSearch(
            literals: folded.sorted { $0.value < $1.value }.map(\.key), asciiCaseInsensitive: true)
        needsFolded = !folded.isEmpty
    }

    /// The requirements of a gate worth searching for. A part of a required literal is required
    /// too, so each literal is cut to start at a byte that is rare in prose (a capital, a bracket,
    /// a non-ASCII letter), and requirements that cannot be cut so ("ith", "by", ") ") are
    /// dropped when a rarer one remains (when none does, the most selective one stays). The scan then steps its automaton on a few bytes in a
    /// hundred and skips the rest; a wider gate only costs an occasional extra regex run.
    static func selective(_ requirements: [[String]]) -> [[String]] {
        func startsRarely(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte >= 0xC0
                || "(/=@[".utf8.contains(byte)
        }
        func cut(_ literal: String) -> String? {
            let bytes = Array(literal.utf8)
            guard let start = bytes.firstIndex(where: startsRarely), bytes.count - start >= 2 else { return nil }
            return String(decoding: bytes[start...], as: UTF8.self)
        }
        let cutRequirements = requirements.compactMap { requirement -> [String]? in
            let cutLiterals = requirement.compactMap(cut)
            return cutLiterals.count == requirement.count ? cutLiterals : nil
        }
        if !cutRequirements.isEmpty { return cutRequirements }
        // Nothing to cut to: the one requirement whose shortest literal is longest.
        let best = requirements.max { ($0.map(\.utf8.count).min() ?? 0) < ($1.map(\.utf8.count).min() ?? 0) }
        return best.map { [$0] } ?? []
    }

    /// How many patterns run on every text because no gate could be found for them.
    public var ungatedPatternCount: Int { patterns.filter(\.gate.isEmpty).count }

    /// The credits in `text` (title and body) and in `bylines` (author names), leaving out the
    /// outlet's own (a TASS item's "/TASS/" dateline is its own reporting, not a credit).
    public func credits(text: String, bylines: [String] = [], excluding ownOutlet: String? = nil) -> [Credit] {
        credits(in: [text] + bylines, excluding: ownOutlet)
    }

    /// The credits a syndication decision needs, read where they sit: the head of the text
    /// (datelines, "With reporting by" lines after the title), its tail (closing credit lines) and
    /// the bylines. Reading 1.5 KB instead of the whole text matters at fifty thousand items.
    public func headAndTailCredits(text: String, bylines: [String], excluding ownOutlet: String?) -> [Credit] {
        credits(in: [Self.headAndTail(of: text)] + bylines, excluding: ownOutlet)
    }

    static func headAndTail(of text: String, head: Int = 600, tail: Int = 900) -> String {
        let utf8 = text.utf8
        guard utf8.count > head + tail + 64 else { return text }
        // Cut at character boundaries: step back from continuation bytes.
        var headEnd = utf8.index(utf8.startIndex, offsetBy: head)
        while headEnd > utf8.startIndex, UTF8.isContinuation(utf8[headEnd]) { headEnd = utf8.index(before: headEnd) }
        var tailStart = utf8.index(utf8.endIndex, offsetBy: -tail)
        while tailStart < utf8.endIndex, UTF8.isContinuation(utf8[tailStart]) {
            tailStart = utf8.index(after: tailStart)
        }
        return String(text[..<headEnd]) + "\n\n" + String(text[tailStart...])
    }

    private func credits(in fields: [String], excluding ownOutlet: String?) -> [Credit] {
        var found: [Credit] = []
        for field in fields where !field.isEmpty {
            let exact = exactSearch.occurrences(in: field)
            let folded = needsFolded ? foldedSearch.occurrences(in: field) : []
            // The UTF-16 range costs a pass over the text: made only once a gate opens.
            var range: NSRange?
            for pattern in patterns where pattern.outletID != ownOutlet {
                let present = pattern.caseInsensitive ? folded : exact
                guard pattern.gate.allSatisfy({ requirement in requirement.contains { present[$0] } }) else {
                    continue
                }
                if range == nil { range = NSRange(field.startIndex..., in: field) }
                guard let match = pattern.regex.firstMatch(in: field, range: range!),
                    let matched = Range(match.range, in: field)
                else { continue }
                let credit = Credit(outletID: pattern.outletID, kind: pattern.kind, text: String(field[matched]))
                if !found.contains(where: { $0.outletID == credit.outletID && $0.kind == credit.kind }) {
                    found.append(credit)
                }
            }
        }
        return found
    }
}
