/// The literals a regular expression cannot match without.
///
/// `requiredLiterals(of:)` reads a pattern (ICU syntax, the subset credit patterns use) and finds
/// sets of strings such that every match contains at least one string of every set: for
/// `\b(?:told|according to) (?:ITAR-)?TASS(?!\w)` the sets are `["according to", "told"]` and
/// `["TASS"]`; for `\((?:Reuters|REUTERS)\)` one set, `["REUTERS", "Reuters"]`. A text that
/// misses a set cannot match, so the regex need not run. When the pattern is beyond this reader
/// (extended mode, an alternative with no literal at all), the answer is nil and the regex must
/// always run: the gate is conservative.
public enum RegexLiteralGate {
    public struct Gate: Sendable, Hashable {
        /// Every match contains at least one string of each of these sets.
        public var requirements: [[String]]
        /// The pattern matches case-insensitively somewhere: compare lowercased text with these
        /// (already lowercased) literals.
        public var caseInsensitive: Bool

        /// The most selective single set (the one whose shortest string is longest).
        public var literals: [String] { requirements.max(by: PatternNode.lessSelective) ?? [] }
    }

    /// Shorter literals than this make a gate that almost every text passes; no gate then.
    static let minimumLength = 2

    public static func requiredLiterals(of pattern: String) -> Gate? {
        var reader = PatternReader(Array(pattern))
        guard let node = reader.parseAlternation(), reader.atEnd, !reader.unsupported else { return nil }
        let requirements = node.requirements.filter { $0.allSatisfy { $0.count >= minimumLength } }
        guard !requirements.isEmpty else { return nil }
        let caseInsensitive = reader.caseInsensitive
        return Gate(
            requirements: caseInsensitive ? requirements.map { $0.map { $0.lowercased() } } : requirements,
            caseInsensitive: caseInsensitive)
    }
}

/// A parsed pattern, reduced to what matters for gates.
private indirect enum PatternNode {
    /// Alternatives: a match contains one of them.
    case alternation([PatternNode])
    /// A sequence of parts that a match contains in order.
    case sequence([Part])

    enum Part {
        case literal(Character)
        /// Something that matches text but is no literal (`.`, `\w`, `[a-z]`).
        case other
        /// Zero width (`\b`, `^`, a lookaround).
        case anchor
        case group(PatternNode)
        /// A part with a quantifier; `required` when its minimum count is at least one.
        indirect case repeated(Part, required: Bool)
    }

    /// Sets of strings such that every match contains one string of each set; empty when none
    /// is known.
    var requirements: [[String]] {
        switch self {
        case .alternation(let alternatives):
            if alternatives.count == 1 { return alternatives[0].requirements }
            // One set: each alternative's most selective set, together.
            var union: [String] = []
            for alternative in alternatives {
                guard let best = alternative.requirements.max(by: Self.lessSelective) else { return [] }
                union += best
            }
            return [Array(Set(union)).sorted()]
        case .sequence(let parts):
            var found: [[String]] = []
            var run = ""
            func endRun() {
                if !run.isEmpty { found.append([run]) }
                run = ""
            }
            for part in parts {
                switch part {
                case .literal(let character):
                    run.append(character)
                case .anchor:
                    continue
                case .other:
                    endRun()
                case .group(let node):
                    endRun()
                    found += node.requirements
                case .repeated(let inner, let required):
                    endRun()
                    guard required else { continue }
                    switch inner {
                    case .literal(let character): found.append([String(character)])
                    case .group(let node): found += node.requirements
                    default: break
                    }
                }
            }
            endRun()
            return found
        }
    }

    /// Orders sets by selectivity: a longer shortest string, then fewer strings.
    static func lessSelective(_ lhs: [String], _ rhs: [String]) -> Bool {
        let (l, r) = (lhs.map(\.count).min() ?? 0, rhs.map(\.count).min() ?? 0)
        return l != r ? l < r : lhs.count > rhs.count
    }
}

private struct PatternReader {
    let characters: [Character]
    var index = 0
    var unsupported = false
    var caseInsensitive = false

    init(_ characters: [Character]) { self.characters = characters }

    var atEnd: Bool { index >= characters.count }
    var current: Character? { index < characters.count ? characters[index] : nil }

    mutating func parseAlternation() -> PatternNode? {
        var alternatives: [PatternNode] = [parseSequence()]
        while current == "|" {
            index += 1
            alternatives.append(parseSequence())
        }
        return .alternation(alternatives)
    }

    mutating func parseSequence() -> PatternNode {
        var parts: [PatternNode.Part] = []
        while let character = current, character != "|", character != ")" {
            guard var part = parseAtom() else { continue }
            if let required = parseQuantifier() {
                part = .repeated(part, required: required)
            }
            parts.append(part)
        }
        return .sequence(parts)
    }

    /// One atom, or nil for something that takes no place (a flag group).
    mutating func parseAtom() -> PatternNode.Part? {
        let character = characters[index]
        index += 1
        switch character {
        case ".": return .other
        case "^", "$": return .anchor
        case "[":
            skipClass()
            return .other
        case "\\": return parseEscape()
        case "(": return parseGroup()
        case "*", "+", "?", "{":
            unsupported = true  // a quantifier with nothing before it
            return .other
        default:
            return .literal(character)
        }
    }

    mutating func parseEscape() -> PatternNode.Part {
        guard let escaped = current else {
            unsupported = true
            return .other
        }
        index += 1
        switch escaped {
        case "b", "B", "A", "z", "Z", "G": return .anchor
        case "p", "P":
            if current == "{" { skipPast("}") }
            return .other
        case "x", "u", "N":
            if current == "{" { skipPast("}") } else { index = min(characters.count, index + (escaped == "u" ? 4 : 2)) }
            return .other
        case "Q", "E", "k":
            unsupported = true
            return .other
        default:
            if escaped.isLetter || escaped.isNumber { return .other }  // \w \s \d \n \t, back-references
            return .literal(escaped)
        }
    }

    mutating func parseGroup() -> PatternNode.Part? {
        if current == "?" {
            index += 1
            guard let kind = current else {
                unsupported = true
                return .other
            }
            switch kind {
            case ":":
                index += 1
            case "=", "!":
                index += 1
                _ = parseAlternation()
                expectClose()
                return .anchor
            case "<":
                index += 1
                if current == "=" || current == "!" {
                    index += 1
                    _ = parseAlternation()
                    expectClose()
                    return .anchor
                }
                skipPast(">")  // a named group
            default:
                // Flags: (?i) (?m) (?s) (?im) or (?i:...).
                var flags = ""
                while let flag = current, flag != ")", flag != ":" {
                    flags.append(flag)
                    index += 1
                }
                if flags.contains("x") { unsupported = true }
                if flags.contains("i") && !flags.hasPrefix("-") { caseInsensitive = true }
                if current == ")" {
                    index += 1
                    return nil
                }
                index += 1  // ':'
            }
        }
        guard let node = parseAlternation() else { return .other }
        expectClose()
        return .group(node)
    }

    /// Reads a quantifier after an atom: nil when there is none, else whether the atom is still
    /// required (minimum count at least one).
    mutating func parseQuantifier() -> Bool? {
        guard let character = current else { return nil }
        var required: Bool
        switch character {
        case "?", "*":
            index += 1
            required = false
        case "+":
            index += 1
            required = true
        case "{":
            var digits = ""
            var cursor = index + 1
            while cursor < characters.count, characters[cursor].isNumber {
                digits.append(characters[cursor])
                cursor += 1
            }
            guard !digits.isEmpty, cursor < characters.count, characters[cursor] == "," || characters[cursor] == "}"
            else { return nil }  // a literal brace
            skipPast("}")
            required = (Int(digits) ?? 0) > 0
        default:
            return nil
        }
        if current == "?" || current == "+" { index += 1 }  // lazy or possessive
        return required
    }

    mutating func skipClass() {
        var depth = 1
        if current == "^" { index += 1 }
        if current == "]" { index += 1 }
        while let character = current, depth > 0 {
            index += 1
            switch character {
            case "\\": index += 1
            case "[": depth += 1
            case "]": depth -= 1
            default: break
            }
        }
        if depth > 0 { unsupported = true }
    }

    mutating func skipPast(_ terminator: Character) {
        while let character = current {
            index += 1
            if character == terminator { return }
        }
        unsupported = true
    }

    mutating func expectClose() {
        if current == ")" {
            index += 1
        } else {
            unsupported = true
        }
    }
}
