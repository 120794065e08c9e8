// swift-tools-version: 6.1
// A separate package so the root build never sees an executable without `main`.
// Build and run (see README.md here):
//   swift build -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address
//   .build/release/FeedParserFuzzer -max_total_time=300 -max_len=65536 corpus/
import PackageDescription

let package = Package(
    name: "CorroborateFuzz",
    dependencies: [.package(name: "Corroborate", path: "..")],
    targets: [
        .executableTarget(
            name: "FeedParserFuzzer",
            dependencies: [.product(name: "FeedParsing", package: "Corroborate")]
        )
    ]
)
