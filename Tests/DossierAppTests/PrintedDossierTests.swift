@testable import DossierApp
import DossierCore
import DossierDiscover
import DossierExtract
import DossierSchedule
import DossierTestSupport
import Foundation
import Logging
import Testing

/// A mini-web person's dossier printed by the Chromium installed on this machine (the test
/// command installs it) and read back with poppler's tools.
@Suite("printed dossier", .serialized,
       .enabled(if: SharedWorkspace.isAvailable && InstalledTools.chromiumAndPoppler, "needs ../shared, chromium and poppler-utils"))
struct PrintedDossierTests {
    private func text(of pdf: URL, page: Int) throws -> String {
        try InstalledTools.output(of: "pdftotext", ["-f", "\(page)", "-l", "\(page)", pdf.path, "-"])
    }

    @Test("the PDF of the longest mini-web dossier has the dossier on at most two pages, then Sources, and names the person")
    func twoPages() async throws {
        let web = try MiniWeb()
        defer { web.stop() }
        let homeFolder = try TemporaryFolder("print")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let pipeline = web.pipeline(home: home, environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        let summary = try await pipeline.run(BuildRequest(
            subject: Subject(name: "Elon Musk", company: "SpaceX / Tesla, Inc."), outputRoot: home.appendingPathComponent("out"),
            formats: [.md, .pdf]))
        #expect(summary.pdfError == nil)
        let pdf = try #require(summary.files.first { $0.hasSuffix(".pdf") }.map { URL(fileURLWithPath: $0) })
        var sourcesPage: Int?
        for page in 1...5 {
            let text = try text(of: pdf, page: page)
            if text.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "Sources" }) {
                sourcesPage = page
                break
            }
        }
        #expect(sourcesPage.map { $0 <= 3 } == true, "Sources begins on page \(sourcesPage.map(String.init) ?? "none")")
        #expect(try text(of: pdf, page: 1).contains("Elon Musk"))
    }
}
