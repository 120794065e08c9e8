import BundledCorpora
import Corroboration
import CorroborationModel
import Foundation
import OutletRegistry
import TestSupport
import Testing

enum Repository {
    static let registry = Result { try OutletRegistry.load(folder: RepositoryFolders.feeds) }
    static let corpora = (try? BundledCorpora.load(root: RepositoryFolders.corpora)) ?? []
}

struct CreditDetectorTests {
    /// Gates only skip regexes that cannot match: the gated detector finds exactly what running
    /// every pattern on every text finds, over every item of the corpora.
    @Test func gatesChangeNothingButSpeed() throws {
        let registry = try Repository.registry.get()
        let detector = CreditDetector(outlets: registry.outlets)
        let everyPattern = registry.outlets.flatMap { outlet in
            outlet.credits.compactMap { credit in
                (try? NSRegularExpression(pattern: credit.pattern)).map { (outlet.id, credit.kind, $0) }
            }
        }
        var checked = 0
        for event in Repository.corpora {
            for item in event.items {
                for field in [item.text] + item.bylines {
                    let range = NSRange(field.startIndex..., in: field)
                    let brute = Set(
                        everyPattern.filter { $0.0 != item.outlet && $0.2.firstMatch(in: field, range: range) != nil }
                            .map { "\($0.0) \($0.1.rawValue)" })
                    let gated = Set(
                        detector.credits(text: field, excluding: item.outlet).map {
                            "\($0.outletID) \($0.kind.rawValue)"
                        })
                    #expect(gated == brute, "\(item.reference)")
                    checked += 1
                }
            }
        }
        #expect(checked > 200)
        #expect(detector.ungatedPatternCount <= 10, "patterns that run on every text")
    }

    @Test func findsTheWorkedExamplesCredits() throws {
        let detector = CreditDetector(outlets: try Repository.registry.get().outlets)
        let rferl = detector.credits(
            text: "The SDF said six were wounded. With reporting by Reuters, TASS, and Interfax", excluding: "rferl")
        #expect(Set(rferl.map(\.outletID)).isSuperset(of: ["reuters", "tass", "interfax"]))
        let own = detector.credits(text: "MOSCOW, September 17. /TASS/. The ministry said.", excluding: "tass")
        #expect(own.isEmpty, "an outlet's own dateline is not a credit")
    }
}
