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
            out += "            ]),\n"
            return out
        }
        var out = """
            // Written by `corroborate-train` (Tools/CorroborateTrain): do not edit by hand.
            // Features in `AgreementFeatures.names` order: \(AgreementFeatures.names.count) of them.
            // swift-format-ignore-file

            extension AgreementModels {
                public static let bundled = AgreementModels(

            """
        out += model("similarity", models.similarity)
        out += model("bodyStance", models.bodyStance)
        out += model("sentenceStance", models.sentenceStance)
        out += model("headlineStance", models.headlineStance)
        out += "        unrelatedBelow: \(String(format: "%.4g", models.unrelatedBelow)))\n}\n"
        return out
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
