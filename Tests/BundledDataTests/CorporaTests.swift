import BundledCorpora
import Corroboration
import FeedParsing
import Foundation
import OutletRegistry
import TestSupport
import Testing

/// The bundled corpora parse, their gold resolves to real items and sentences, and each event
/// carries what it was written to carry.
@Suite struct CorporaTests {
    static let events: [CorpusEvent] = (try? BundledCorpora.load(root: RepositoryFolders.corpora)) ?? []

    @Test func thereAreSixEventsOrMore() throws {
        _ = try BundledCorpora.load(root: RepositoryFolders.corpora)
        #expect(Self.events.count >= 6)
    }

    @Test(arguments: events.map(\.name))
    func goldHolds(event name: String) throws {
        let event = try #require(Self.events.first { $0.name == name })
        let registry = try OutletRegistry.load(folder: RepositoryFolders.feeds)
        #expect(event.problems(outletIDs: Set(registry.outlets.map(\.id))) == [])
        #expect(!event.gold.conflicts.isEmpty, "every event has a conflict")
        #expect(!event.gold.copies.isEmpty, "every event has a copy")
        #expect(event.gold.stories.contains { !$0.background })
        #expect(event.gold.stories.contains { $0.background }, "background items keep clustering honest")
    }

    @Test(arguments: events.map(\.name))
    func copiesCarryTheirOriginsCredit(event name: String) throws {
        let event = try #require(Self.events.first { $0.name == name })
        let matcher = CreditDetector(outlets: try OutletRegistry.load(folder: RepositoryFolders.feeds).outlets)
        for copy in event.gold.copies {
            let item = try #require(event.resolve(copy.item))
            let origin = try #require(event.resolve(copy.copyOf))
            guard copy.credit != nil, let originOutlet = origin.outlet else { continue }
            let credited = ([item.text] + item.bylines).flatMap { matcher.credits(text: $0).map(\.outletID) }
            #expect(credited.contains(originOutlet), "\(copy.item) credits \(originOutlet)")
        }
    }

    @Test func theWorkedExampleCarriesTheRealDisagreements() throws {
        let event = try #require(Self.events.first { $0.name == "deir-ez-zor-2017" })
        let gold = event.gold
        let main = try #require(gold.stories.first { !$0.background && $0.id == "deir-ez-zor-sdf-strike" })
        let outlets = Set(main.items.compactMap { event.resolve($0)?.outlet })
        #expect(outlets.count >= 8)
        for outlet in ["reuters", "ap", "afp", "tass", "interfax", "rferl", "sana"] {
            #expect(outlets.contains(outlet), "\(outlet) reports the strike")
        }
        #expect(outlets.contains("xinhua") || outlets.contains("aljazeera"))
        #expect(gold.conflicts.contains { $0.kind == .numeric && $0.detail.contains("6") && $0.detail.contains("8") })
        #expect(gold.conflicts.contains { $0.kind == .polarity })
        // RFE/RL's story credits the wires it draws on.
        let rferl = try #require(gold.credits.first { event.resolve($0.item)?.outlet == "rferl" })
        #expect(Set(rferl.outlets).isSuperset(of: ["reuters", "tass", "interfax"]))
        // Copies of AP or Reuters, word for word.
        let origins = gold.copies.filter { $0.kind == .verbatim }.compactMap { event.resolve($0.copyOf)?.outlet }
        #expect(origins.filter { $0 == "ap" || $0 == "reuters" }.count >= 2)
        // Russian-language items, one feed in windows-1251.
        #expect(event.feeds.values.contains { $0.encoding == "windows-1251" })
        #expect(main.items.compactMap { event.resolve($0) }.contains { $0.entry.language?.hasPrefix("ru") == true })
        // Two Russian denials, on two different days.
        let denialDays = Set(
            gold.claims.filter { $0.speaker == "russian-mod" && ($0.slot == .denial || $0.id.contains("denial")) }
                .flatMap(\.mentions).compactMap { event.resolve($0.item)?.entry.published }
                .map { Calendar(identifier: .gregorian).component(.day, from: $0) })
        #expect(denialDays.isSuperset(of: [16, 17]), "denials on 16 and 17 Sept: \(denialDays.sorted())")
    }

    @Test func theLookAlikeIsItsOwnStory() throws {
        let deir = try #require(Self.events.first { $0.name == "deir-ez-zor-2017" })
        let conoco = try #require(Self.events.first { $0.name == "conoco-strike-2017" })
        let conocoMain = try #require(conoco.gold.stories.first { !$0.background })
        let deirStoryIDs = Set(deir.gold.stories.map(\.id))
        #expect(!deirStoryIDs.contains(conocoMain.id))
        let dates = conocoMain.items.compactMap { conoco.resolve($0)?.entry.published }
        let day = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: dates.min()!)
            .day
        #expect(day == 25 || day == 26)
    }

    @Test func storyIDsAreUniqueAcrossTheCorpora() {
        let ids = Self.events.flatMap { $0.gold.stories.map(\.id) }
        #expect(Set(ids).count == ids.count)
    }

    @Test func theSetCarriesTheQuirksOfRealFeeds() throws {
        let feeds = Self.events.flatMap { $0.feeds.values }
        let formats = Set(feeds.map(\.format))
        #expect(formats.isSuperset(of: [.rss20, .atom10, .rss10]))
        #expect(feeds.contains { $0.encoding == "windows-1251" })
        let items = Self.events.flatMap(\.items)
        #expect(items.contains { $0.occurrence > 1 }, "a reused guid")
        #expect(items.contains { $0.entry.published == nil && $0.entry.updated == nil }, "an item with no date")
        let raw = try Self.events.flatMap { event in
            try event.feeds.keys.map {
                try String(contentsOf: event.folder.appendingPathComponent($0), encoding: .isoLatin1)
            }
        }
        #expect(raw.contains { $0.contains("<![CDATA[") })
        #expect(raw.contains { $0.contains("&lt;p&gt;") })
    }
}
