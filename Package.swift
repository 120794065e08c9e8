// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Corroborate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "corroborate", targets: ["corroborate"]),
        .library(name: "FeedParsing", targets: ["FeedParsing"]),
        .library(name: "CorroborationModel", targets: ["CorroborationModel"]),
        .library(name: "OutletRegistry", targets: ["OutletRegistry"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev). The shim hides libxml2's ICU
        // declarations, which clash with the ICU that Foundation bundles.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Bytes in, normalized feeds out. No I/O beyond what the caller hands in.
        // Release builds drop the runtime exclusivity checks on the parser's hot path (about 9% of
        // parse time, measured with Benchmarks/parse_peers.sh); debug builds and the tests keep them.
        .target(
            name: "FeedParsing",
            dependencies: ["CLibXML2"],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // Value types every layer shares: outlets now; items, stories and claims as they arrive.
        .target(name: "CorroborationModel"),
        // The outlet registry of `feeds/`: one YAML file per outlet, checked when read.
        .target(
            name: "OutletRegistry",
            dependencies: ["CorroborationModel", .product(name: "Yams", package: "Yams")]
        ),
        // Text machinery shared by the analysis stages: literal search, regex gates; later
        // sentences, tokens, entities, numbers, attribution, negation.
        .target(name: "TextAnalysis"),
        // The stages after the store: syndication now; stories, claims and scores as they arrive.
        .target(name: "Corroboration", dependencies: ["CorroborationModel", "TextAnalysis", "NearDuplicates"]),
        // The store protocol and its value types: a backend changes nothing above it.
        .target(name: "Storage", dependencies: ["CorroborationModel", "TextAnalysis"]),
        // The default backend: one SQLite file (WAL) through GRDB.
        .target(
            name: "StorageSQLite",
            dependencies: [
                "Storage", "CorroborationModel", "TextAnalysis", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Near-duplicate text: word shingles, MinHash signatures, an LSH index. Pure and I/O-free.
        .target(name: "NearDuplicates"),
        // The bundled corpora of `corpora/`: feed snapshots and their gold annotations.
        .target(name: "BundledCorpora", dependencies: ["FeedParsing"]),
        // Fetching feeds over HTTP, politely (AsyncHTTPClient): conditional GET, size caps after
        // decompression, timeouts, redirects recorded, per-host limits; and the poll schedule.
        .target(
            name: "FeedPolling",
            dependencies: [
                "FeedParsing", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // What the user reads: corroboration reports (terminal, Markdown, HTML, JSON) and the
        // claim-level diff between two sources. Pure renderers; every feed string is escaped here.
        // JSONWriter and RFC 3339 dates come from FeedParsing, the one JSON writer the CLI uses.
        .target(
            name: "Reports",
            dependencies: ["Corroboration", "CorroborationModel", "Storage", "TextAnalysis", "FeedParsing"]),
        // Wires the stages together: what the CLI commands call.
        .target(
            name: "Pipeline",
            dependencies: [
                "FeedParsing", "CorroborationModel", "OutletRegistry", "Storage", "Corroboration", "TextAnalysis",
                "Reports", "FeedPolling", "CFreedMemory",
            ]
        ),
        // glibc's malloc_trim, which Swift's Glibc module leaves out.
        .target(name: "CFreedMemory"),
        // The command-line tool: parses arguments and calls the libraries.
        .executableTarget(
            name: "corroborate",
            dependencies: [
                "FeedParsing", "Pipeline", "StorageSQLite", "Storage", "OutletRegistry", "Corroboration", "Reports",
                "BundledCorpora", "FeedPolling", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What several test targets share: a seeded generator, scratch folders.
        .target(name: "TestSupport", dependencies: ["CLibXML2"], path: "Tests/TestSupport"),
        .testTarget(
            name: "FeedParsingTests",
            dependencies: ["FeedParsing", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "NearDuplicatesTests", dependencies: ["NearDuplicates", "TestSupport"]),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis"]),
        // Against a real HTTP server on 127.0.0.1 that the tests start (SwiftNIO).
        .testTarget(
            name: "FeedPollingTests",
            dependencies: [
                "FeedPolling", "TestSupport", "Pipeline", "Storage", "StorageSQLite", "OutletRegistry", "corroborate",
                "BundledCorpora", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ReportsTests", dependencies: ["Reports", "Corroboration", "Storage", "TextAnalysis", "TestSupport"]),
        // Claim extraction against the corpora's gold.
        .testTarget(
            name: "ClaimGoldTests", dependencies: ["TextAnalysis", "BundledCorpora", "Pipeline", "TestSupport"]),
        .testTarget(
            name: "CorroborationTests",
            dependencies: [
                "Corroboration", "OutletRegistry", "BundledCorpora", "CorroborationModel", "TestSupport",
                "NearDuplicates",
                "TextAnalysis",
            ]
        ),
        // Benchmarks of the stages, run side by side with the peers of ../shared/bench
        // (Benchmarks/*.sh call it); never a timed test.
        .executableTarget(
            name: "corroborate-bench",
            dependencies: ["NearDuplicates", "TextAnalysis", "FeedParsing", "Corroboration"],
            path: "Benchmarks/CorroborateBench"
        ),
        // Fits the agreement models on ../shared/data and rewrites their weights (see its header).
        .executableTarget(
            name: "corroborate-train",
            dependencies: ["Corroboration", "TextAnalysis"],
            path: "Tools/CorroborateTrain"
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "Pipeline", "StorageSQLite", "Storage", "Corroboration", "CorroborationModel", "OutletRegistry",
                "BundledCorpora", "TestSupport", "TextAnalysis", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Keeps the registry and the corpora honest: every file reads, every gold reference resolves.
        .testTarget(
            name: "BundledDataTests",
            dependencies: ["OutletRegistry", "BundledCorpora", "FeedParsing", "Corroboration", "TestSupport"]
        ),
        // End-to-end: runs the built `corroborate` binary as scripts and users do.
        .testTarget(
            name: "CorroborateCLITests",
            dependencies: ["corroborate", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Golden"]
        ),
    ]
)
