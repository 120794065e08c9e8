import Foundation
import TextAnalysis

/// Two aligned claims giving incompatible figures for the same counted thing: "6 vs 8 wounded".
public struct NumberConflict: Sendable, Hashable {
    public var a: Quantity
    public var b: Quantity

    public init(a: Quantity, b: Quantity) {
        self.a = a
        self.b = b
    }

    /// "6 vs 8 wounded", "more than 330 vs 219 lawmakers": the figures as written, then what they count.
    public var detail: String {
        // A kind of harm says most ("wounded"); else what is counted, else the verb or the unit.
        let harm = [a.event, b.event].compactMap { $0 }.first {
            NumberConflictDetector.Key.distinctEvents.contains(QuantityExtractor.eventFamily($0))
        }
        let thing = harm ?? a.noun ?? b.noun ?? a.event ?? b.event ?? a.unit ?? b.unit
        let figures = "\(NumberConflictDetector.figure(a)) vs \(NumberConflictDetector.figure(b))"
        return thing.map { "\(figures) \($0)" } ?? figures
    }
}

/// Finds the numeric conflicts between two aligned claims: a figure of one and a figure of the
/// other that count the same thing and cannot both be true.
///
/// Precision first, since every flag is shown to a user as a contradiction:
/// - Figures are compared only when they are about the same thing: the same unit (or none on
///   either side), the same counted noun (by stem), no two different kinds of harm (the killed are
///   not the wounded; "injured" is "wounded"), and at least one of unit, noun or event shared. A bare figure (no noun, no event, no
///   unit) is never compared: that is how years, dates, times and identifiers that slipped past
///   `QuantityExtractor` look, and a date must never contradict a count.
/// - Two figures conflict only when neither has a compatible figure about the same thing in
///   the other claim (`Quantity.isCompatible`: "several" and 6 agree, "more than 1,200" and
///   1,234 agree), so a sentence that gives a total and a part is not read against a sentence
///   that gives only one of them, whichever side gives both.
/// - A hedged figure ("about 220", "more than 220", "nearly 220") is a rounded one: its interval
///   is widened by one unit of its second significant digit (10 for 220, 100 for 1,200), so
///   "more than 220" does not contradict 219. Exact figures are taken as exact: 6 against 8
///   conflicts.
public struct NumberConflictDetector: Sendable {
    public init() {}

    /// The conflicts between the quantities of two aligned claims, one per figure of `a` that
    /// nothing in `b` about the same thing agrees with, paired with the first figure of `b` about
    /// that thing that nothing in `a` agrees with.
    public func conflicts(_ a: [Quantity], _ b: [Quantity]) -> [NumberConflict] {
        conflicts(Figures(a), Figures(b))
    }

    /// Whether some figure of `a` and some figure of `b` count the same thing and agree ("six
    /// fighters wounded" and "several fighters wounded"): the two sentences affirm one count.
    public func agree(_ a: [Quantity], _ b: [Quantity]) -> Bool {
        let left = Figures(a)
        let right = Figures(b)
        for (indexA, quantityA) in a.enumerated() where left.keys[indexA].isComparable && quantityA.upper != 0 {
            for (indexB, quantityB) in b.enumerated()
            where quantityB.upper != 0 && left.keys[indexA].sameThing(as: right.keys[indexB])
                && Self.compatible(quantityA, quantityB)
            {
                return true
            }
        }
        return false
    }

    /// `conflicts(_:_:)` on figures prepared once per sentence, for a sentence met in many pairs.
    public func conflicts(_ a: Figures, _ b: Figures) -> [NumberConflict] {
        guard !a.quantities.isEmpty, !b.quantities.isEmpty else { return [] }
        var found: [NumberConflict] = []
        for indexA in a.quantities.indices where a.keys[indexA].isComparable && !Self.matched(indexA, of: a, in: b) {
            // The first figure of b about the same thing that nothing in a agrees with either:
            // a figure of b that a also gives (a total beside its part) answers for itself.
            let disagreeing = b.quantities.indices.first {
                Self.comparable(indexA, of: a, with: $0, of: b) && !Self.matched($0, of: b, in: a)
            }
            if let indexB = disagreeing {
                found.append(NumberConflict(a: a.quantities[indexA], b: b.quantities[indexB]))
            }
        }
        return found
    }

    /// Whether figure `index` of `figures` and figure `otherIndex` of `other` count the same
    /// thing and may be read against each other.
    private static func comparable(_ index: Int, of figures: Figures, with otherIndex: Int, of other: Figures) -> Bool {
        let key = figures.keys[index]
        let otherKey = other.keys[otherIndex]
        guard key.sameThing(as: otherKey) else { return false }
        // "None of its advisers were hurt" speaks of one group; against another count it is
        // only a conflict when both name what they count, and name the same.
        if figures.quantities[index].upper == 0 || other.quantities[otherIndex].upper == 0,
            key.noun == nil || otherKey.noun == nil
        {
            return false
        }
        return true
    }

    /// Whether some figure of `other` counts the same thing as figure `index` and agrees with it.
    private static func matched(_ index: Int, of figures: Figures, in other: Figures) -> Bool {
        other.quantities.indices.contains {
            comparable(index, of: figures, with: $0, of: other)
                && compatible(figures.quantities[index], other.quantities[$0])
        }
    }

    /// A sentence's quantities with what each counts, normalized once.
    public struct Figures: Sendable {
        public let quantities: [Quantity]
        let keys: [Key]

        public init(_ quantities: [Quantity]) {
            self.quantities = quantities
            keys = quantities.map(Key.init)
        }
    }

    /// Whether two sentences may conflict at all, judged from their figure summaries alone: not
    /// when either gives no figure, nor when both write the same numbers and spell none out.
    /// Identical figures always agree under this detector whatever hedges surround them (hedged
    /// figures are widened by their rounding), so extraction can be skipped for them. The one
    /// blind spot: the same numbers given to different things ("6 killed, 8 wounded" against
    /// "8 killed, 6 wounded").
    public static func mayConflict(_ a: FigureSummary, _ b: FigureSummary) -> Bool {
        guard a.mayHoldQuantity, b.mayHoldQuantity else { return false }
        return a.spelledQuantity || b.spelledQuantity || a.numbers != b.numbers || a.numberCount != b.numberCount
    }

    /// The conflicts between two aligned claims' quantities.
    public func conflicts(_ a: Claim, _ b: Claim) -> [NumberConflict] { conflicts(a.quantities, b.quantities) }

    /// What a figure counts, normalized for comparing.
    struct Key: Sendable {
        var noun: String?
        var event: String?
        var unit: String?

        init(_ quantity: Quantity) {
            // The head of a compound ("crew members" -> "member"), stemmed as terms are.
            noun = quantity.noun.flatMap { noun in
                let head = noun.split(separator: " ").last.map(String.init) ?? noun
                return TermNormalizer.term(word: head, language: .other) ?? head
            }
            event = quantity.event.map(QuantityExtractor.eventFamily)
            unit = quantity.unit
        }

        /// Says what it counts: a figure with no noun, event or unit is never compared.
        var isComparable: Bool { noun != nil || event != nil || unit != nil }

        func sameThing(as other: Key) -> Bool {
            guard unit == other.unit else { return false }
            var evidence = unit != nil
            if let event, let otherEvent = other.event {
                if event == otherEvent {
                    evidence = true
                } else if Self.distinctEvents.contains(event) && Self.distinctEvents.contains(otherEvent) {
                    return false
                }
            }
            if let noun, let otherNoun = other.noun {
                guard noun == otherNoun else { return false }
                evidence = true
            }
            return evidence
        }

        /// Event families that count different things: the killed are not the wounded, nor the
        /// detained the missing. Other verbs are wording ("passed" and "endorsed" seats, "raised"
        /// and "increased" funds) and never tell two counts apart.
        static let distinctEvents: Set<String> = [
            "killed", "wounded", "detained", "missing", "evacuated", "displaced", "launched",
        ]
    }

    /// Compatible as worded, once hedged figures are read with their rounding, or when one
    /// exact figure is the other written with fewer digits ("$114 million" for $114.3 million).
    static func compatible(_ a: Quantity, _ b: Quantity) -> Bool {
        if a.isCompatible(with: b) { return true }
        if a.kind == .exact, b.kind == .exact, a.unit == b.unit, let digitsA = significantDigits(a.text),
            let digitsB = significantDigits(b.text), digitsA != digitsB
        {
            let (rough, precise) = digitsA < digitsB ? (a, b) : (b, a)
            let written = rounded(precise.lower, digits: min(digitsA, digitsB))
            if abs(written - rough.lower) <= 1e-9 * max(abs(written), abs(rough.lower)) { return true }
        }
        let (lowA, highA) = widened(a)
        let (lowB, highB) = widened(b)
        return lowA <= highB && lowB <= highA
    }

    /// How many significant digits the first number written in `text` has ("$114.3 million":
    /// 4, "1,200": 4, "0.05": 1); nil when it is spelled out.
    static func significantDigits(_ text: String) -> Int? {
        var digits = 0
        var leading = true
        var started = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                started = true
                if byte != UInt8(ascii: "0") { leading = false }
                if !leading { digits += 1 }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                continue
            default:
                if started { return digits > 0 ? digits : nil }
            }
        }
        return digits > 0 ? digits : nil
    }

    /// `value` rounded to `digits` significant digits.
    static func rounded(_ value: Double, digits: Int) -> Double {
        guard value != 0, value.isFinite else { return value }
        let factor = pow(10, floor(log10(abs(value))) - Double(digits - 1))
        return (value / factor).rounded() * factor
    }

    /// The interval a figure allows, widened by its rounding when it is hedged.
    static func widened(_ quantity: Quantity) -> (Double, Double) {
        let upper = quantity.upper ?? .infinity
        guard quantity.kind != .exact, quantity.kind != .vague else { return (quantity.lower, upper) }
        let figure = quantity.upper.map { quantity.kind == .atLeast ? quantity.lower : $0 } ?? quantity.lower
        guard figure.isFinite, figure > 0 else { return (quantity.lower, upper) }
        var slack = 1.0
        while slack * 100 <= figure { slack *= 10 }
        if figure < 10 { slack = quantity.unit == nil ? 1 : figure / 10 }
        return (quantity.lower - slack, upper + slack)
    }

    /// A figure as a reader would write it: the value of an exact one, else the words.
    static func figure(_ quantity: Quantity) -> String {
        if quantity.kind == .exact, quantity.lower == quantity.upper {
            let value = quantity.lower
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return String(value)
        }
        return quantity.text
    }
}
