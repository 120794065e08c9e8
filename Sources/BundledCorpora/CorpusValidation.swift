import Foundation

extension CorpusEvent {
    /// Everything in the folder that breaks the rules of `corpora/GOLD.md`: references that do not
    /// resolve, sentences not in their item, items in no story or in two, unknown speakers,
    /// outlets missing from the registry (`outletIDs`, when given). Empty when the gold holds.
    public func problems(outletIDs: Set<String>? = nil) -> [String] {
        var found: [String] = []
        checkFeeds(outletIDs: outletIDs, into: &found)
        let storyOf = checkStories(into: &found)
        checkClaims(storyOf: storyOf, into: &found)
        checkConflictsCopiesAndCredits(outletIDs: outletIDs, into: &found)
        return found
    }

    private func checkFeeds(outletIDs: Set<String>?, into found: inout [String]) {
        for file in feeds.keys.sorted() where gold.feeds[file] == nil {
            found.append("feed file \(file) is not listed in gold.feeds")
        }
        for (file, outlet) in gold.feeds.sorted(by: { $0.key < $1.key }) {
            if feeds[file] == nil { found.append("gold.feeds names \(file), which is not in the folder") }
            if let outletIDs, !outletIDs.contains(outlet) {
                found.append("gold.feeds: outlet '\(outlet)' of \(file) is not in the registry")
            }
        }
        for (file, feed) in feeds.sorted(by: { $0.key < $1.key }) where !feed.wellFormed {
            found.append("\(file) is not well-formed: \(feed.warnings.prefix(3).joined(separator: "; "))")
        }
    }

    /// Checks that the stories partition the items; returns each item's story.
    private func checkStories(into found: inout [String]) -> [CorpusItem: String] {
        var storyOf: [CorpusItem: String] = [:]
        var ids = Set<String>()
        for story in gold.stories {
            if !ids.insert(story.id).inserted { found.append("story id \(story.id) is used twice") }
            for reference in story.items {
                guard let item = lookUp(reference, in: "story \(story.id)", into: &found) else { continue }
                if let other = storyOf[item] {
                    found.append("item \(reference) is in stories \(other) and \(story.id)")
                }
                storyOf[item] = story.id
            }
        }
        for item in items where storyOf[item] == nil {
            found.append("item \(item.reference) belongs to no story")
        }
        return storyOf
    }

    private func checkClaims(storyOf: [CorpusItem: String], into found: inout [String]) {
        let storyIDs = Set(gold.stories.map(\.id))
        var claimIDs = Set<String>()
        for claim in gold.claims {
            let at = "claim \(claim.id)"
            if !claimIDs.insert(claim.id).inserted { found.append("\(at): id used twice") }
            if !storyIDs.contains(claim.story) { found.append("\(at): unknown story \(claim.story)") }
            if let speaker = claim.speaker, gold.speakers[speaker] == nil {
                found.append("\(at): unknown speaker \(speaker)")
            }
            if claim.mentions.isEmpty { found.append("\(at): no mentions") }
            for mention in claim.mentions {
                if let speaker = mention.speaker, gold.speakers[speaker] == nil {
                    found.append("\(at): mention speaker \(speaker) is unknown")
                }
                guard let item = lookUp(mention.item, in: at, into: &found) else { continue }
                if let story = storyOf[item], story != claim.story {
                    found.append("\(at): mention \(mention.item) is in story \(story), not \(claim.story)")
                }
                if !item.text.contains(collapseSpaces(mention.sentence)) {
                    found.append("\(at): sentence not found in \(mention.item): \(mention.sentence.prefix(90))")
                }
            }
        }
    }

    private func checkConflictsCopiesAndCredits(outletIDs: Set<String>?, into found: inout [String]) {
        let claimIDs = Set(gold.claims.map(\.id))
        for conflict in gold.conflicts {
            if conflict.claims.count < 2 { found.append("conflict \(conflict.id): needs two claims") }
            for claim in conflict.claims where !claimIDs.contains(claim) {
                found.append("conflict \(conflict.id): unknown claim \(claim)")
            }
        }
        for copy in gold.copies {
            let item = lookUp(copy.item, in: "copy", into: &found)
            let origin = lookUp(copy.copyOf, in: "copy", into: &found)
            if let item, let origin, item.file == origin.file {
                found.append("copy \(copy.item): copies an item of its own feed")
            }
            if let item, let credit = copy.credit.map(collapseSpaces),
                !item.text.contains(credit) && !item.bylines.contains(where: { $0.contains(credit) })
            {
                found.append("copy \(copy.item): credit \"\(credit)\" is neither in its text nor in its byline")
            }
        }
        for credit in gold.credits {
            let item = lookUp(credit.item, in: "credit", into: &found)
            for outlet in credit.outlets where outletIDs.map({ !$0.contains(outlet) }) ?? false {
                found.append("credit \(credit.item): outlet \(outlet) is not in the registry")
            }
            if let item, let text = credit.text, !item.text.contains(collapseSpaces(text)) {
                found.append("credit \(credit.item): \"\(text)\" is not in its text")
            }
        }
    }

    private func lookUp(_ reference: ItemReference, in place: String, into found: inout [String]) -> CorpusItem? {
        if isAmbiguous(reference) {
            found.append("\(place): \(reference) is ambiguous (its id is reused); add @N")
            return nil
        }
        guard let item = resolve(reference) else {
            found.append("\(place): item \(reference) not found")
            return nil
        }
        return item
    }
}

/// Every event folder under a corpora root (`corpora/` in the repository): each folder that
/// holds a `gold.json`.
public enum BundledCorpora {
    public static func eventFolders(root: URL) throws(CorpusError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        } catch {
            throw .unreadable(path: root.path, reason: error.localizedDescription)
        }
        return names.map { root.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("gold.json").path) }
    }

    public static func load(root: URL) throws(CorpusError) -> [CorpusEvent] {
        try eventFolders(root: root).map { url throws(CorpusError) in try CorpusEvent.load(folder: url) }
    }
}
