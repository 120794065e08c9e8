import Corroboration
import Foundation

/// The Swift source files the trained models live in, compiled into the binary so that no
/// resource has to be found at run time.
enum WeightsFile {
    static func models(_ models: AgreementModels) -> String {
        func list(_ values: [Double]) -> String {
            "[" + values.map { String(format: "%.6g", $0) }.joined(separator: ", ") + "]"
        }
        func model(_ name: String, _ model: LinearModel) -> String {
            var out = "        \(name): LinearModel(\n"
            out += "            means: \(list(model.means)),\n"
            out += "            scales: \(list(model.scales)),\n"
            if !model.hidden.isEmpty {
                out += "            hidden: [\n"
                for row in model.hidden { out += "                \(list(row)),\n" }
                out += "            ],\n"
            }
            out += "            weights: [\n"
            for row in model.weights { out += "                \(list(row)),\n" }
            out += "            ]"
            if !model.wordColumns.isEmpty {
                out +=
                    ",\n            wordColumns: [" + model.wordColumns.map(String.init).joined(separator: ", ") + "]"
            }
            out += "),\n"
            return out
        }
        var out = """
            // Written by `corroborate-train` (Tools/CorroborateTrain): do not edit by hand.
            // Features in `AgreementFeatures.names` order: \(AgreementFeatures.names.count) of them; the
            // short-pair models (sentenceStance, headlineStance) read `AgreementFeatures.wordingNames`
            // after them, and the headline model then one input per word column.
            // swift-format-ignore-file

            extension AgreementModels {
                public static let bundled = AgreementModels(

            """
        out += model("similarity", models.similarity)
        out += model("bodyStance", models.bodyStance)
        out += model("sentenceStance", models.sentenceStance)
        out += model("headlineStance", models.headlineStance)
        out += model("shortRelatedness", models.shortRelatedness)
        if let network = models.bodyTerms {
            func floats(_ values: [Float]) -> String { list(values.map(Double.init)) }
            out += "        bodyTerms: TermNetwork(\n"
            out += "            buckets: \(network.buckets), bags: \(network.bags), units: \(network.units),\n"
            out += "            means: \(list(network.means)),\n"
            out += "            scales: \(list(network.scales)),\n"
            out += "            termWeights: TermNetwork.unpackTerms(\n"
            out +=
                "                bodyTermWeights, rows: \(network.bags * network.buckets), units: \(network.units)),\n"
            out += "            featureWeights: \(floats(network.featureWeights)),\n"
            out += "            hiddenBias: \(floats(network.hiddenBias)),\n"
            out += "            output: [\n"
            for row in network.output { out += "                \(list(row)),\n" }
            out += "            ])"
        } else {
            out.removeLast(2)  // the last model's ",\n"
        }
        out += ")\n}\n"
        return out
    }

    /// The body network's word weights, packed (`TermNetwork.packedTerms`): a long string
    /// compiles in a moment where an array literal of this size would take minutes.
    static func termWeights(_ network: TermNetwork) -> String {
        """
        // Written by `corroborate-train` (Tools/CorroborateTrain): do not edit by hand.
        // The word weights of `AgreementModels.bundled.bodyTerms`: \(network.bags) bags of \(network.buckets) \
        hashed buckets, \(network.units) units, in 8 bits (`TermNetwork.packedTerms`).
        // swift-format-ignore-file

        let bodyTermWeights = "\(network.packedTerms)"

        """
    }

    static func terms(_ terms: BackgroundTerms) -> String {
        """
        // Written by `corroborate-train` (Tools/CorroborateTrain): do not edit by hand.
        // Document frequencies of stemmed terms over the public sets' texts: N, then term<TAB>df.
        // swift-format-ignore-file

        let backgroundTermsTable = \"\"\"
        \(terms.table)
        \"\"\"

        """
    }
}
