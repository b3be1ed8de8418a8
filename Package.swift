// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierKit", targets: ["DossierKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // C: typed wrappers for libcurl's variadic calls; the only C that touches curl.
        .target(
            name: "CCurlShim",
            linkerSettings: [.linkedLibrary("curl")]
        ),
        // C: libxml2 behind a header that includes no libxml2 header (ICU clash with Foundation).
        .target(
            name: "CHTMLShim",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            linkerSettings: [.linkedLibrary("xml2")]
        ),
        // The lock every module shares state behind (one ThreadSanitizer understands).
        .target(name: "Locking"),
        // Fetch stage: the libcurl multi engine and the polite fetcher above it.
        .target(
            name: "DossierFetch",
            dependencies: ["CCurlShim", "Locking", .product(name: "Logging", package: "swift-log")]
        ),
        // Extract stage: main text, metadata, people and feeds from HTML bytes.
        .target(name: "DossierExtract", dependencies: ["CHTMLShim"]),
        // Store stage: SQLite (GRDB) with migrations, WAL and a single-writer lock.
        .target(
            name: "DossierStore",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Configuration, paths and (later) the pipeline that wires the stages.
        .target(
            name: "DossierKit",
            dependencies: [
                "DossierFetch",
                "DossierExtract",
                "DossierStore",
                "Locking",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierKit",
                "Locking",
                "LoopbackServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A scriptable HTTP/1.1 server on 127.0.0.1 for tests and benchmarks (fault injection).
        .target(name: "LoopbackServer", dependencies: ["Locking"]),
        .executableTarget(name: "dossier-testserver", dependencies: ["LoopbackServer"]),
        .executableTarget(name: "dossier-bench", dependencies: ["LoopbackServer", "DossierExtract"]),
        // libFuzzer target of the extractor (scripts/fuzz-extract.sh); a replay tool in normal builds.
        .executableTarget(name: "dossier-fuzz-extract", dependencies: ["DossierExtract"]),
        .testTarget(name: "DossierFetchTests", dependencies: ["DossierFetch", "Locking", "LoopbackServer"]),
        .testTarget(name: "DossierExtractTests", dependencies: ["DossierExtract"]),
        .testTarget(name: "DossierKitTests", dependencies: ["DossierKit", "DossierFetch", "DossierStore", "Locking", "LoopbackServer"]),
        .testTarget(name: "DossierStoreTests", dependencies: ["DossierStore"]),
        .testTarget(name: "LoopbackServerTests", dependencies: ["LoopbackServer"]),
        // Runs the built `dossier` command in temporary homes; depending on it makes `swift test` build it.
        .testTarget(name: "DossierCLITests", dependencies: [
            "dossier", "DossierKit", "LoopbackServer", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
