// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Corroborate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "corroborate", targets: ["corroborate"]),
        .library(name: "FeedParsing", targets: ["FeedParsing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
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
        // The command-line tool: parses arguments and calls the libraries.
        .executableTarget(
            name: "corroborate",
            dependencies: [
                "FeedParsing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "FeedParsingTests",
            dependencies: ["FeedParsing"],
            resources: [.copy("Fixtures")]
        ),
        // End-to-end: runs the built `corroborate` binary as scripts and users do.
        .testTarget(
            name: "CorroborateCLITests",
            dependencies: ["corroborate"]
        ),
    ]
)
