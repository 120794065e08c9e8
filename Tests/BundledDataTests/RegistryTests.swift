import Corroboration
import CorroborationModel
import Foundation
import OutletRegistry
import TestSupport
import Testing

@Suite struct RegistryTests {
    let registry: OutletRegistry

    init() throws {
        registry = try OutletRegistry.load(folder: RepositoryFolders.feeds)
    }

    @Test func everyOutletFollowsTheRules() {
        #expect(registry.problems() == [])
    }

    @Test func coversTheOutletsPeopleWhoCompareWiresWatch() {
        #expect(registry.outlets.count >= 30)
        let required = [
            "reuters", "ap", "afp", "tass", "interfax", "ria-novosti", "xinhua", "ansa", "dpa", "efe", "anadolu",
            "kyodo", "yonhap", "pa-media", "upi", "rferl", "bbc", "dw", "france24", "aljazeera", "rt", "sputnik",
            "sana", "irna", "cgtn", "trt-world", "meduza", "novaya-gazeta-europe",
        ]
        for id in required {
            #expect(registry[id] != nil, "outlet \(id) is missing")
        }
        for id in ["reuters", "ap", "afp", "tass", "interfax", "xinhua"] {
            #expect(registry[id]?.wire == true, "\(id) is a wire")
        }
    }

    @Test func saysWhereAnOutletHasNoFeed() throws {
        let reuters = try #require(registry["reuters"])
        #expect(reuters.feeds.isEmpty)
        #expect(reuters.feedsNote?.contains("2020") == true)
        let tass = try #require(registry["tass"])
        #expect(tass.feeds.contains { $0.url == "https://tass.com/rss/v2.xml" })
    }

    @Test(arguments: [
        ("MOSCOW, Sept 17 (Reuters) - The ministry said", "reuters"),
        ("MOSCOW, September 17. /TASS/. The Russian Defense Ministry", "tass"),
        ("BEIRUT (AP) — The U.S.-led coalition said", "ap"),
        ("The strike wounded six fighters, the SDF said. - AFP", "afp"),
        ("Interfax reported that the ministry denied the claim.", "interfax"),
        ("DAMASCUS, Sept. 17 (Xinhua) -- Syrian forces", "xinhua"),
    ])
    func findsCredits(text: String, outlet: String) {
        let matcher = CreditDetector(outlets: registry.outlets)
        #expect(matcher.credits(text: text).map(\.outletID).contains(outlet))
    }

    @Test func doesNotCreditLookAlikes() {
        let matcher = CreditDetector(outlets: registry.outlets)
        let credited = matcher.credits(text: "Interfax-Ukraine reported from Kyiv that the crews were held.").map(
            \.outletID)
        #expect(!credited.contains("interfax"))
        #expect(matcher.credits(text: "Heavy rain fell in Sanaa on Sunday.").isEmpty)
    }

    @Test func aBrokenFileIsNamedInTheError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id: broken\nname: Broken\n".write(
            to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        #expect {
            try OutletRegistry.load(folder: folder)
        } throws: { error in
            "\(error)".contains("broken.yaml") && "\(error)".contains("missing")
        }
    }
}
