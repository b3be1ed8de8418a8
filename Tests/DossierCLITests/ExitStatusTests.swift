import DossierApp
import DossierTestSupport
import Foundation
import LoopbackServer
import Testing

/// The exit statuses the README promises (issue 14, point 12).
@Suite("exit statuses", .serialized)
struct ExitStatusTests {
    static let brokenSource = "name = \"broken\nkind = search\n"

    @Test("an output folder that is a file: exit 73 naming it in plain words, for demo and build")
    func outputIsAFile() throws {
        let server = try LoopbackServer(handler: DemoSite.response(to:))
        defer { server.stop() }
        let dossier = try DossierRun()
        defer { dossier.remove() }
        try dossier.useDemoWeb(server)
        let file = dossier.home.appendingPathComponent("afile")
        try Data("x".utf8).write(to: file)
        for arguments in [["demo"], ["build", DemoSite.person, "--company", DemoSite.company]] {
            let result = try dossier(arguments + ["--output", file.path, "--quiet"])
            #expect(result.status == 73, "\(arguments[0]): \(result.errors)")
            #expect(result.errors.contains("cannot create the folder: \(file.path) is a file, not a folder"), "\(result.errors)")
            #expect(!result.errors.contains("NSCocoaErrorDomain"))
        }
    }

    @Test("a broken source file: the dossier is built from the others, the paths printed, then `error: FILE:LINE` and exit 78")
    func brokenSourceFile() throws {
        let server = try LoopbackServer(handler: DemoSite.response(to:))
        defer { server.stop() }
        let dossier = try DossierRun()
        defer { dossier.remove() }
        try dossier.useDemoWeb(server)
        let sources = dossier.home.appendingPathComponent("config/sources.d")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try Self.brokenSource.write(to: sources.appendingPathComponent("99-broken.toml"), atomically: true, encoding: .utf8)
        let result = try dossier(["build", DemoSite.person, "--company", DemoSite.company, "--domain", DemoSite.domain])
        #expect(result.status == 78, "\(result.errors)")
        #expect(result.output.contains("/mara-quintero/dossier.md"))
        #expect(result.errors.contains("error: \(sources.appendingPathComponent("99-broken.toml").path):1:"), "\(result.errors)")
        #expect(FileManager.default.fileExists(atPath: dossier.home.appendingPathComponent("output/mara-quintero/dossier.md").path))
        let listed = try dossier(["sources", "list"])
        #expect(listed.status == 78)
        #expect(listed.errors.contains("99-broken.toml:1:"))
    }

    @Test("a broken shipped source file makes the demo exit 78 too, after writing its dossier")
    func brokenShippedSourceInDemo() throws {
        let shipped = try TemporaryFolder("shipped")
        defer { shipped.remove() }
        for folder in ["Sources.d", "Banks.d"] {
            try FileManager.default.copyItem(at: SharedWorkspace.repository.appendingPathComponent(folder),
                                             to: shipped.url.appendingPathComponent(folder))
        }
        try Self.brokenSource.write(to: shipped.url.appendingPathComponent("Sources.d/99-broken.toml"), atomically: true, encoding: .utf8)
        var dossier = try DossierRun()
        defer { dossier.remove() }
        dossier.variables["DOSSIER_SOURCES_DIR"] = shipped.url.appendingPathComponent("Sources.d").path
        let result = try dossier(["demo"])
        #expect(result.status == 78, "\(result.errors)")
        #expect(result.output.contains("/mara-quintero/dossier.md"))
        #expect(result.errors.contains("99-broken.toml:1:"), "\(result.errors)")
    }
}
