import DossierTestSupport
import ExternalCommands
import Foundation
import Testing

/// The tool of the ImportCheck build plugin, run as the plugin runs it.
@Suite("import check")
struct ImportCheckTests {
    static let tool = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("check-imports")

    @Test("every form of import is checked against the allowed modules; none of them passes unlisted")
    func forbiddenImports() throws {
        let folder = try TemporaryFolder("import-check")
        defer { folder.remove() }
        let source = folder.url.appendingPathComponent("Sample.swift")
        try """
            import Foundation
            @testable import Listed
            @preconcurrency internal import Store
            import struct Fetch.Request
            public import Extract.Parsing
            let text = "import Nothing"  // not a declaration
            """.write(to: source, atomically: true, encoding: .utf8)
        let stamp = folder.url.appendingPathComponent("ImportsChecked.swift")
        let result = try ProcessCommandRunner(path: "").run(ExternalCommand(Self.tool.path, [stamp.path, "Sample", "Foundation,Listed", source.path]))
        #expect(result.status == 1)
        #expect(result.errorOutput == """
            \(source.path):3: error: Sample imports Store, which is not among its dependencies in Package.swift
            \(source.path):4: error: Sample imports Fetch, which is not among its dependencies in Package.swift
            \(source.path):5: error: Sample imports Extract, which is not among its dependencies in Package.swift

            """)
        #expect(!FileManager.default.fileExists(atPath: stamp.path))

        let allowed = try ProcessCommandRunner(path: "").run(ExternalCommand(Self.tool.path, [
            stamp.path, "Sample", "Foundation,Listed,Store,Fetch,Extract", source.path,
        ]))
        #expect(allowed.succeeded)
        #expect(FileManager.default.fileExists(atPath: stamp.path))
    }
}
