@testable import DossierApp
import DossierExtract
import DossierSchedule
import DossierSettings
import DossierTestSupport
import Foundation
import Logging
import LoopbackServer
import Testing

@Suite("dossier demo")
struct DemoBuildTests {
    @Test("the demo web builds a cited dossier offline: interview and team page cited, unrelated page skipped, 404s reported")
    func demo() async throws {
        let server = try LoopbackServer(handler: DemoSite.response(to:))
        defer { server.stop() }
        let homeFolder = try TemporaryFolder("demo-test")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources.d")
        let pipeline = BuildPipeline(
            config: DemoSite.config(serverBase: server.baseURL), paths: DossierPaths(environment: ["DOSSIER_HOME": home.path]),
            shippedSources: shipped, environment: [:], logger: Logger(label: "test")
        )
        let summary = try await pipeline.run(BuildRequest(subject: DemoSite.subject, outputRoot: home.appendingPathComponent("out")))
        let cited = summary.sources.map(\.url)
        #expect(cited.contains("https://fieldnotes-magazine.example/interviews/mara-quintero"))
        #expect(cited.contains("https://fernhill-robotics.example/team"))
        #expect(!cited.contains("https://weather-notes.example/porto/november"))
        #expect(summary.outcomes.contains { $0.kind == .skipped && $0.url == "https://weather-notes.example/porto/november" })
        #expect(summary.outcomes.contains { $0.kind == .failed && $0.status == 404 })
        #expect(!summary.foundNothing)

        let markdown = try String(contentsOfFile: summary.files[0], encoding: .utf8)
        #expect(markdown.contains("The best lesson of my career was to spend a week in the field before drawing a single part"))
        let html = try String(contentsOfFile: summary.files[1], encoding: .utf8)
        #expect(html.contains("Content-Security-Policy"))
        #expect(!html.contains("<script"))
        #expect(html.contains("The best lesson of my career"))
    }
}
