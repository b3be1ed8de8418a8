// swift-tools-version: 6.1
import PackageDescription

// The targets follow the pipeline, lowest first; an arrow is a dependency, and a module can import
// only what it lists as one: the ImportCheck plugin, applied to every Swift target below, fails the
// build otherwise (SwiftPM alone lets a module import its dependencies' dependencies too).
//
//   CCurlShim ─▶ DossierFetch ─┐
//   CHTMLShim, CZlib ─▶ DossierExtract ─┤
//   DossierStore (GRDB) ────────────────┤
//   DossierCore (model, summarizer, renderers; pure) ◀─ DossierSettings (TOML) ◀─ DossierDiscover
//   DossierCore ◀─ DossierMeetings, ExternalCommands ◀─ DossierSchedule
//   all of the above ◀─ DossierApp (use cases) ◀─ dossier (the command line)
let package = Package(
    name: "dossier",
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
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
        // zlib (a system library, no C of ours): gzip files that are not compressed in transit.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // OpenSSL's libcrypto (a system library, no C of ours; libcurl loads it anyway): SHA-256.
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // The lock every module shares state behind (one ThreadSanitizer understands).
        .target(name: "Locking"),
        // Fetch stage: the libcurl multi engine and the polite fetcher above it.
        .target(
            name: "DossierFetch",
            dependencies: ["CCurlShim", "Locking", .product(name: "Logging", package: "swift-log")]
        ),
        // Extract stage: main text, metadata, people and feeds from HTML bytes.
        .target(name: "DossierExtract", dependencies: ["CHTMLShim", "CZlib"]),
        // Store stage: SQLite (GRDB) with migrations, WAL and a single-writer lock.
        .target(
            name: "DossierStore",
            dependencies: ["CLibCrypto", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The pure core: the dossier model, the summarizer and the renderers. No network, no
        // store, no TOML: values in, values out.
        .target(name: "DossierCore"),
        // config.toml, Banks.d and the TOML reading Sources.d shares (a TOML 1.0 parser of our own,
        // which records the line of every key), with FILE:LINE errors.
        .target(name: "DossierSettings", dependencies: ["DossierCore"]),
        // Discover stage: Sources.d and the readers of what each source answers.
        .target(
            name: "DossierDiscover",
            dependencies: ["DossierCore", "DossierSettings", "DossierFetch", "DossierExtract"]
        ),
        // Calendars (iCalendar) and the letters around a meeting.
        .target(name: "DossierMeetings", dependencies: ["DossierCore"]),
        // The one way to run another program.
        .target(name: "ExternalCommands", dependencies: ["Locking"]),
        // Files written whole or not at all: a temporary name beside the target, then a rename.
        .target(name: "AtomicFiles"),
        // The nightly refresh: systemd user timer, cron or launchd.
        .target(name: "DossierSchedule", dependencies: ["DossierSettings", "ExternalCommands", "AtomicFiles"]),
        // The application layer: the use cases the commands run (build, refresh, meetings,
        // letters, print, doctor, demo), each owning its logic and throwing errors that carry
        // their exit status.
        .target(
            name: "DossierApp",
            dependencies: [
                "DossierCore", "DossierSettings", "DossierDiscover", "DossierMeetings", "DossierSchedule",
                "DossierFetch", "DossierExtract", "DossierStore", "ExternalCommands", "AtomicFiles", "Locking",
                "LoopbackServer", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierApp", "DossierCore", "DossierDiscover", "DossierMeetings", "DossierSchedule", "Locking",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A scriptable HTTP/1.1 server on 127.0.0.1 for tests and benchmarks (fault injection).
        .target(name: "LoopbackServer", dependencies: ["Locking", "CZlib"]),
        .executableTarget(name: "dossier-testserver", dependencies: ["LoopbackServer"]),
        .executableTarget(name: "dossier-bench", dependencies: ["LoopbackServer", "DossierExtract"]),
        // libFuzzer target of the extractor (scripts/fuzz-extract.sh); a replay tool in normal builds.
        .executableTarget(name: "dossier-fuzz-extract", dependencies: ["DossierExtract"]),
        // What every test target shares: the checkout and ../shared, temporary folders, recorded
        // sleeps, the recorded real web and sample dossiers.
        .target(name: "DossierTestSupport", dependencies: [
            "DossierCore", "DossierSchedule", "ExternalCommands", "Locking",
        ]),
        .testTarget(name: "DossierFetchTests", dependencies: ["DossierFetch", "Locking", "LoopbackServer", "DossierTestSupport"]),
        .testTarget(name: "DossierExtractTests", dependencies: ["DossierExtract", "DossierTestSupport"]),
        .testTarget(name: "DossierStoreTests", dependencies: [
            "DossierStore", "DossierTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore", "DossierTestSupport"]),
        .testTarget(name: "DossierSettingsTests", dependencies: [
            "DossierSettings", "DossierCore", "ExternalCommands", "DossierTestSupport",
        ]),
        .testTarget(name: "DossierDiscoverTests", dependencies: [
            "DossierDiscover", "DossierCore", "DossierSettings", "DossierFetch", "DossierExtract", "LoopbackServer", "DossierTestSupport",
        ]),
        .testTarget(name: "DossierMeetingsTests", dependencies: ["DossierMeetings", "DossierCore", "DossierSettings", "DossierTestSupport"]),
        .testTarget(name: "DossierScheduleTests", dependencies: [
            "DossierSchedule", "DossierSettings", "ExternalCommands", "Locking", "DossierTestSupport",
        ]),
        .testTarget(name: "AtomicFilesTests", dependencies: ["AtomicFiles"]),
        .testTarget(name: "ExternalCommandsTests", dependencies: ["ExternalCommands"]),
        .testTarget(name: "DossierAppTests", dependencies: [
            "DossierApp", "DossierCore", "DossierSettings", "DossierDiscover", "DossierMeetings", "DossierSchedule",
            "DossierFetch", "DossierExtract", "DossierStore", "ExternalCommands", "AtomicFiles", "Locking", "LoopbackServer",
            "DossierTestSupport", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "LoopbackServerTests", dependencies: ["LoopbackServer", "ExternalCommands"]),
        // Runs the built `dossier` command in temporary homes; depending on it makes `swift test` build
        // it. (The import check's tool, which ImportCheckTests runs, is built for every build.)
        .testTarget(name: "DossierCLITests", dependencies: [
            "dossier", "DossierApp", "DossierCore", "ExternalCommands", "LoopbackServer", "DossierTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The build plugin that holds every module to its listed dependencies, and its tool.
        .executableTarget(name: "check-imports", path: "Plugins/check-imports"),
        .plugin(name: "ImportCheck", capability: .buildTool(), dependencies: ["check-imports"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .plugin && target.type != .system && target.name != "check-imports" {
    target.plugins = (target.plugins ?? []) + [.plugin(name: "ImportCheck")]
}
