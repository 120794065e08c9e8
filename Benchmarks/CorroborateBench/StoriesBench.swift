import Corroboration
import FeedParsing
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension CorroborateBench {
    static let storiesUsage = """
               corroborate-bench stories --corpus FILE.jsonl [--out LABELS.tsv] [--threshold T]
                                         [--window-h 72] [--follow-up T] [--cross-script T]
                                         [--same-outlet T] [--entities on|off] [--merge on|off]
                                         [--bridge-margin M] [--consolidate on|off] [--consolidation T]
        """

    static let storiesHelp = """
          stories   clusters the articles into stories (StoryClusterer) on one thread, in
                    publication order as the online peers do: a first pass reads each line's
                    publication time and where it starts, a second reads the lines again in
                    time order, so the corpus is never held in memory. Writes "id<TAB>story",
                    each article labelled with the story it ends in (a later report may merge
                    two). Every 2,000 articles, as the story stage after each chunk, stories are
                    merged as groups (StoryClusterer.consolidate(); --consolidate off skips it).
                    The knobs default to the library's (StoryClusteringConfiguration).
        """

    /// `stories`: the online story clustering, timed the way `bench/cluster_peer.py` times its
    /// online peers (load, cluster, write).
    static func stories(_ options: Options) throws {
        let corpus = try options.required("--corpus")
        let output = options.values["--out"]
        var configuration = StoryClusteringConfiguration()
        configuration.threshold = try options.double("--threshold", default: configuration.threshold)
        configuration.window = try options.double("--window-h", default: configuration.window / 3600) * 3600
        configuration.minimumSharedTerms = try options.int("--min-shared", default: configuration.minimumSharedTerms)
        configuration.indexTerms = try options.int("--index-terms", default: configuration.indexTerms)
        configuration.queryTerms = try options.int("--query-terms", default: configuration.queryTerms)
        configuration.maximumComparisons = try options.int(
            "--max-comparisons", default: configuration.maximumComparisons)
        configuration.warmUpBoost = try options.double("--warm-up-boost", default: configuration.warmUpBoost)
        configuration.dateConflictThreshold = try options.double(
            "--date-conflict", default: configuration.dateConflictThreshold)
        configuration.maximumPostingLength = try options.int(
            "--max-posting", default: configuration.maximumPostingLength)
        configuration.followUpThreshold = try options.double("--follow-up", default: configuration.followUpThreshold)
        configuration.crossScriptThreshold = try options.double(
            "--cross-script", default: configuration.crossScriptThreshold)
        configuration.recognizesEntities = (options.values["--entities"] ?? "on") == "on"
        configuration.mergesBridgedStories = (options.values["--merge"] ?? "on") == "on"
        configuration.sameOutletThreshold = try options.double(
            "--same-outlet", default: configuration.sameOutletThreshold)
        configuration.bridgeMargin = try options.double("--bridge-margin", default: configuration.bridgeMargin)
        configuration.consolidationThreshold = try options.double(
            "--consolidation", default: configuration.consolidationThreshold)
        configuration.consolidates = (options.values["--consolidate"] ?? "on") == "on"

        let started = Clock.now
        // Pass 1: publication time and byte offset of every line.
        var times: [Double] = []
        var offsets: [Int] = []
        var lengths: [Int32] = []
        var fields = ArticleFields()
        var reader = try LineReader(path: corpus)
        var offset = 0
        while try reader.next({ line, number throws(CorpusError) in
            defer { offset += line.count + 1 }
            guard !isBlank(line) else { return }
            try fields.read(line, line: number, of: corpus)
            guard fields.hasID else { throw CorpusError(description: "\(corpus):\(number): no \"id\"") }
            let text = String(decoding: fields.published, as: UTF8.self)
            guard let date = FeedDateParser.parse(text) else {
                throw CorpusError(description: "\(corpus):\(number): \"published\" '\(text)' is not a date")
            }
            times.append(date.timeIntervalSinceReferenceDate)
            offsets.append(offset)
            lengths.append(Int32(line.count))
        }) {}
        // Publication order; ties keep file order, as the peers' stable argsort does.
        let order = times.indices.sorted { times[$0] < times[$1] || (times[$0] == times[$1] && $0 < $1) }
        var loadSeconds = Clock.now - started

        let descriptor = open(corpus, O_RDONLY)
        guard descriptor >= 0 else {
            throw CorpusError(description: "\(corpus): cannot open (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var clusterer = StoryClusterer(configuration: configuration)
        var labels = [Int](repeating: -1, count: times.count)
        var ids = [String](repeating: "", count: times.count)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var clusterSeconds = 0.0
        var closedStories = 0
        var placed = 0
        for index in order {
            let mark = Clock.now
            let length = Int(lengths[index])
            if buffer.count < length { buffer = [UInt8](repeating: 0, count: length * 2) }
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(offsets[index])) }
            guard got == length else {
                throw CorpusError(description: "\(corpus): short read at byte \(offsets[index])")
            }
            try buffer.withUnsafeBufferPointer { bytes throws(CorpusError) in
                try fields.read(UnsafeBufferPointer(rebasing: bytes[0..<length]))
            }
            let id = String(decoding: fields.id, as: UTF8.self)
            let article = StoryArticle(
                id: id, published: Date(timeIntervalSinceReferenceDate: times[index]),
                title: String(decoding: fields.title, as: UTF8.self),
                body: String(decoding: fields.body, as: UTF8.self),
                outlet: fields.outlet.isEmpty ? nil : String(decoding: fields.outlet, as: UTF8.self))
            let parsed = Clock.now
            loadSeconds += parsed - mark
            labels[index] = clusterer.add(article).story
            ids[index] = id
            placed += 1
            // As the story stage does after each chunk (2,000 items) it places.
            if placed % 2_000 == 0 { clusterer.consolidate() }
            closedStories += clusterer.takeClosedStories().count
            clusterSeconds += Clock.now - parsed
        }
        let mark0 = Clock.now
        clusterer.consolidate()
        closedStories += clusterer.finish().count
        clusterSeconds += Clock.now - mark0
        // A later report may have bridged two stories into one: label by the story that is left.
        for index in labels.indices { labels[index] = clusterer.story(of: labels[index]) }

        let mark = Clock.now
        if let output {
            var text: [UInt8] = []
            text.reserveCapacity(ids.count * 16)
            for (id, label) in zip(ids, labels) {
                text.append(contentsOf: id.utf8)
                text.append(0x09)
                text.append(contentsOf: String(label).utf8)
                text.append(0x0A)
            }
            try writeFile(output, text)
        }
        let writeSeconds = Clock.now - mark
        let fieldsJSON: [(String, String)] = [
            ("method", "\"corroborate-stories\""),
            ("n", "\(ids.count)"),
            ("threshold", "\(configuration.threshold)"),
            ("clusters", "\(closedStories)"),
            ("total_s", rounded(Clock.now - started)),
            ("load", rounded(loadSeconds)),
            ("cluster", rounded(clusterSeconds)),
            ("write", rounded(writeSeconds)),
            ("postings_read", "\(clusterer.postingsRead)"),
            ("comparisons", "\(clusterer.comparisons)"),
        ]
        print("{" + fieldsJSON.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
    }
}
