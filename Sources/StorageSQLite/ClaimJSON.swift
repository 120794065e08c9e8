import Foundation
import TextAnalysis

/// The `itemClaims.claims` column, written by hand: JSONEncoder took as long as extracting the
/// claims did. The output is the compact form `Claim`'s Codable conformance reads (see
/// `ClaimCoding.swift`): ranges as `[lower, upper]`, defaults left out, dates as seconds since
/// 2001 (Foundation's default), so `JSONDecoder` reads it back unchanged.
enum ClaimJSON {
    /// Without `withTexts`, sentence texts are left out (the store has them as the item text's
    /// ranges) and read back as empty.
    static func encode(_ claims: [Claim], withTexts: Bool = true) -> String {
        var out = "["
        out.reserveCapacity(claims.count * 200)
        for (index, claim) in claims.enumerated() {
            if index > 0 { out += "," }
            append(claim, withText: withTexts, to: &out)
        }
        return out + "]"
    }

    private static func append(_ claim: Claim, withText: Bool, to out: inout String) {
        var object = Fields(&out)
        object.number("sentence", claim.sentence, &out)
        if withText && !claim.text.isEmpty { object.string("text", claim.text, &out) }
        object.range("range", claim.range, &out)
        if let content = claim.content { object.range("content", content, &out) }
        if let speaker = claim.speaker {
            object.key("speaker", &out)
            var inner = Fields(&out)
            inner.string("name", speaker.name, &out)
            inner.string("entityID", speaker.entityID, &out)
            inner.string("affiliation", speaker.affiliation, &out)
            inner.string("kind", speaker.kind?.rawValue, &out)
            if speaker.text != speaker.name { inner.string("text", speaker.text, &out) }
            if speaker.fromAntecedent { inner.raw("fromAntecedent", "true", &out) }
            out += "}"
        }
        object.string("cue", claim.cue, &out)
        object.string("form", claim.form?.rawValue, &out)
        if claim.stance != .asserts { object.string("stance", claim.stance.rawValue, &out) }
        let polarity = claim.polarity
        if polarity.negated || polarity.denial || polarity.exclusive || polarity.hedge != nil || !polarity.cues.isEmpty
        {
            object.key("polarity", &out)
            var inner = Fields(&out)
            if polarity.negated { inner.raw("negated", "true", &out) }
            if polarity.denial { inner.raw("denial", "true", &out) }
            if polarity.exclusive { inner.raw("exclusive", "true", &out) }
            inner.string("hedge", polarity.hedge, &out)
            if !polarity.cues.isEmpty { inner.raw("cues", jsonArray(polarity.cues), &out) }
            out += "}"
        }
        if !claim.entities.isEmpty {
            object.key("entities", &out)
            list(claim.entities, &out) { entity, out in
                var inner = Fields(&out)
                inner.string("kind", entity.kind.rawValue, &out)
                inner.string("entityID", entity.entityID, &out)
                inner.string("canonicalName", entity.canonicalName, &out)
                inner.string("title", entity.title, &out)
                inner.string("text", entity.text, &out)
                inner.range("range", entity.range, &out)
                out += "}"
            }
        }
        if !claim.quantities.isEmpty {
            object.key("quantities", &out)
            list(claim.quantities, &out) { quantity, out in
                var inner = Fields(&out)
                inner.double("lower", quantity.lower, &out)
                if let upper = quantity.upper { inner.double("upper", upper, &out) }
                inner.string("kind", quantity.kind.rawValue, &out)
                inner.string("noun", quantity.noun, &out)
                inner.string("event", quantity.event, &out)
                inner.string("unit", quantity.unit, &out)
                inner.string("text", quantity.text, &out)
                inner.range("range", quantity.range, &out)
                out += "}"
            }
        }
        if !claim.times.isEmpty {
            object.key("times", &out)
            list(claim.times, &out) { time, out in
                var inner = Fields(&out)
                if let interval = time.interval {
                    inner.key("interval", &out)
                    var span = Fields(&out)
                    span.double("start", interval.start.timeIntervalSinceReferenceDate, &out)
                    span.double("duration", interval.duration, &out)
                    out += "}"
                }
                inner.string("granularity", time.granularity.rawValue, &out)
                inner.string("text", time.text, &out)
                inner.range("range", time.range, &out)
                out += "}"
            }
        }
        if claim.slots != [.other] { object.raw("slots", jsonArray(claim.slots.map(\.rawValue)), &out) }
        out += "}"
    }

    private static func list<T>(_ items: [T], _ out: inout String, _ each: (T, inout String) -> Void) {
        out += "["
        for (index, item) in items.enumerated() {
            if index > 0 { out += "," }
            each(item, &out)
        }
        out += "]"
    }

    /// The fields of one JSON object, written straight into the caller's string: it opens the
    /// brace and places the commas; the caller closes it.
    private struct Fields {
        private var first = true

        init(_ out: inout String) { out += "{" }

        mutating func key(_ name: String, _ out: inout String) {
            if !first { out += "," }
            first = false
            out += "\"" + name + "\":"
        }

        mutating func raw(_ name: String, _ json: String, _ out: inout String) {
            key(name, &out)
            out += json
        }

        mutating func string(_ name: String, _ value: String?, _ out: inout String) {
            guard let value else { return }
            key(name, &out)
            appendJSONString(value, to: &out)
        }

        mutating func number(_ name: String, _ value: Int, _ out: inout String) { raw(name, String(value), &out) }

        mutating func double(_ name: String, _ value: Double, _ out: inout String) {
            // Whole numbers as integers, the way JSONEncoder writes them.
            if value == value.rounded(), abs(value) < 1e15 {
                raw(name, String(Int64(value)), &out)
            } else {
                raw(name, "\(value)", &out)
            }
        }

        mutating func range(_ name: String, _ range: TextRange, _ out: inout String) {
            raw(name, "[\(range.lowerBound),\(range.upperBound)]", &out)
        }
    }
}
