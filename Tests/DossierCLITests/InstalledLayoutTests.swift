import Foundation
import Testing

/// What `make install` relies on, checked without a release build: the binary finds the shipped
/// Sources.d and Banks.d in `PREFIX/share/dossier`, and writes the shell completion scripts.
@Suite("the installed layout", .serialized)
struct InstalledLayoutTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A copy of the built binary in `<temp>/prefix/bin`, with Sources.d and Banks.d in
    /// `<temp>/prefix/share/dossier`, as `make install` lays them out.
    struct Prefix {
        let root: URL
        var binary: URL { root.appendingPathComponent("prefix/bin/dossier") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-prefix-\(UUID().uuidString)")
            let files = FileManager.default
            let bin = root.appendingPathComponent("prefix/bin")
            let share = root.appendingPathComponent("prefix/share/dossier")
            try files.createDirectory(at: bin, withIntermediateDirectories: true)
            try files.createDirectory(at: share, withIntermediateDirectories: true)
            try files.createDirectory(at: root.appendingPathComponent("home/config"), withIntermediateDirectories: true)
            try files.copyItem(at: DossierRun.binary, to: binary)
            for directory in ["Sources.d", "Banks.d"] {
                try files.copyItem(
                    at: InstalledLayoutTests.repository.appendingPathComponent(directory),
                    to: share.appendingPathComponent(directory))
            }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        /// Runs the installed copy in a temporary DOSSIER_HOME, DOSSIER_SOURCES_DIR unset.
        func run(_ arguments: [String]) throws -> DossierRun.Result {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            let home = root.appendingPathComponent("home")
            process.environment = ["DOSSIER_HOME": home.path, "HOME": home.path, "PATH": "/usr/bin:/bin"]
                .merging(DossierRun.sanitizerOptions) { $1 }
            process.currentDirectoryURL = root
            return try DossierRun.run(process)
        }
    }

    @Test("the installed binary finds PREFIX/share/dossier/Sources.d and, beside it, Banks.d")
    func shippedDirectories() throws {
        let prefix = try Prefix()
        defer { prefix.remove() }
        var result = try prefix.run(["sources", "list", "--json"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(!result.errors.contains("no shipped Sources.d"))
        let sources = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(sources.contains { $0["name"] as? String == "10-wikipedia-search" })
        let installed = prefix.root.appendingPathComponent("prefix/share/dossier/Sources.d").resolvingSymlinksInPath().path
        #expect(sources.allSatisfy { ($0["file"] as? String)?.hasPrefix(installed) == true })

        result = try prefix.run(["doctor", "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let checks = try #require(report["checks"] as? [[String: Any]])
        for name in ["sources", "banks"] {
            let check = try #require(checks.first { $0["name"] as? String == name })
            #expect(check["status"] as? String == "ok", "\(check)")
        }
    }

    @Test("completion scripts for bash, zsh and fish", arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        let result = try dossier(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("dossier"))
        #expect(result.output.contains("doctor"))
    }
}
