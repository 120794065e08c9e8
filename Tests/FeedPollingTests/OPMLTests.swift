import FeedPolling
import Foundation
import Testing

/// OPML as common readers write it, and back.
@Suite struct OPMLTests {
    /// Folders as Miniflux, NetNewsWire and FreshRSS export them: categories are outlines without
    /// a feed URL; attribute case varies; one feed sits outside any folder.
    @Test func readsFoldersFeedsAndAttributeCaseVariants() throws {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>Reader export</title></head><body>
              <outline text="Wires" title="Wires">
                <outline type="rss" text="Reuters World" title="Reuters World" xmlUrl="http://feeds.reuters.com/Reuters/worldNews" htmlUrl="https://www.reuters.com/"/>
                <outline type="rss" text="TASS" xmlurl="https://tass.com/rss/v2.xml" corroborateOutlet="tass"/>
              </outline>
              <outline text="Russian">
                <outline text="Interfax &amp; friends" type="rss" XMLURL="https://www.interfax.ru/rss.asp"/>
              </outline>
              <outline type="rss" text="No folder" xmlUrl="https://example.com/feed.xml"/>
              <outline text="Empty folder"/>
            </body></opml>
            """
        let subscriptions = try OPML.read(Data(document.utf8))
        #expect(subscriptions.count == 4)
        #expect(
            subscriptions[0]
                == Subscription(
                    url: "http://feeds.reuters.com/Reuters/worldNews", title: "Reuters World",
                    siteURL: "https://www.reuters.com/",
                    category: "Wires"))
        #expect(subscriptions[1].outlet == "tass")
        #expect(subscriptions[2].title == "Interfax & friends")
        #expect(subscriptions[2].category == "Russian")
        #expect(subscriptions[3].category == nil)
    }

    @Test func writesWhatItReads() throws {
        let feeds = [
            Subscription(
                url: "https://tass.com/rss/v2.xml?a=1&b=2", title: "TASS <English>", category: "Wires", outlet: "tass"),
            Subscription(
                url: "https://www.rferl.org/api/", title: "RFE/RL \"World\"", siteURL: "https://www.rferl.org/",
                outlet: "rferl"),
        ]
        let written = OPML.write(feeds)
        #expect(written.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"))
        let read = try OPML.read(Data(written.utf8))
        #expect(Set(read) == Set(feeds))
    }

    @Test func refusesWhatIsNotOPMLAndNeverLoadsEntities() throws {
        #expect(throws: OPML.ReadError.self) { try OPML.read(Data("<rss version=\"2.0\"></rss>".utf8)) }
        #expect(throws: OPML.ReadError.self) { try OPML.read(Data("<opml><body><outline".utf8)) }
        let hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
            <opml version="2.0"><body><outline type="rss" text="&secret;" xmlUrl="https://example.com/f"/></body></opml>
            """
        let read = (try? OPML.read(Data(hostile.utf8))) ?? []
        let hostname =
            (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "\u{0}"
        #expect(!read.contains { ($0.title ?? "").contains(hostname) }, "the external entity is not resolved")
    }
}
