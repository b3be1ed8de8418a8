import DossierApp
import Foundation
import LoopbackServer
import Testing

/// A page named with `--url` is part of the dossier's inputs until removed (issue 14, point 5).
@Suite("pages named with --url", .serialized)
struct KeptPagesTests {
    static let article = "https://energy-weekly.example/news/mara-quintero"
    static let unrelated = "https://energy-weekly.example/news/tides"

    /// The demo web, plus an article that only `--url` leads to and a page about something else.
    static func web() throws -> LoopbackServer {
        try LoopbackServer { request in
            if request.target == "/energy-weekly.example/news/mara-quintero" {
                return .ok("""
                <html><head><title>Mara Quintero on farm robots | Energy Weekly</title></head><body><article>
                <h1>Mara Quintero on farm robots</h1>
                <p>"Small farms will run on batteries long before the big ones do," Mara Quintero told Energy Weekly in an interview in 2026.</p>
                <p>Mara Quintero said the Harvest Assistant charges from the solar panels that many family farms already have.</p>
                </article></body></html>
                """)
            }
            if request.target == "/energy-weekly.example/news/tides" {
                return .ok("<html><head><title>Tides</title></head><body><p>The tides in the estuary rise twice a day, higher in spring.</p></body></html>")
            }
            return DemoSite.response(to: request)
        }
    }

    @Test("build --url, then a refresh with nothing changed: unchanged, the article and its quote still there; an unused page is listed as skipped; --remove-url drops one")
    func keptOnRefresh() throws {
        let server = try Self.web()
        defer { server.stop() }
        let dossier = try DossierRun()
        defer { dossier.remove() }
        try dossier.useDemoWeb(server)
        var result = try dossier(["build", DemoSite.person, "--company", DemoSite.company, "--domain", DemoSite.domain,
                                  "--url", Self.article, "--url", Self.unrelated, "--json"])
        #expect(result.status == 0, "\(result.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let outcomes = report["outcomes"] as? [[String: Any]] ?? []
        #expect(outcomes.contains { $0["url"] as? String == Self.unrelated && $0["kind"] as? String == "skipped" },
                "a page named with --url that the dossier does not use is listed as skipped")
        let markdown = dossier.home.appendingPathComponent("output/mara-quintero/dossier.md")
        let built = try String(contentsOf: markdown, encoding: .utf8)
        #expect(built.contains("Small farms will run on batteries long before the big ones do"))

        let tomorrow = ISO8601DateFormatter().string(from: Date().addingTimeInterval(86_400))
        _ = try dossier(["meeting", "add", DemoSite.person, "--at", tomorrow])
        result = try dossier(["refresh", "--json"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(lines.first?["changes"] as? Int == 0, "\(lines)")
        let refreshed = try String(contentsOf: markdown, encoding: .utf8)
        #expect(refreshed.contains("Small farms will run on batteries long before the big ones do"))
        #expect(refreshed.contains(Self.article))

        result = try dossier(["build", DemoSite.person, "--company", DemoSite.company])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("note: also read, as given with --url before (drop one with --remove-url URL): \(Self.article), \(Self.unrelated)"))
        result = try dossier(["build", DemoSite.person, "--company", DemoSite.company, "--remove-url", Self.article, "--json"])
        #expect(result.status == 0, "\(result.errors)")
        let afterRemoval = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(afterRemoval["extra_urls"] as? [String] == [Self.unrelated])
        #expect(!(try String(contentsOf: markdown, encoding: .utf8)).contains("Small farms will run on batteries"))
        result = try dossier(["build", DemoSite.person, "--remove-url", "https://nowhere.example/"])
        #expect(result.status == 64)
        #expect(result.errors.contains("--remove-url https://nowhere.example/: not among the pages kept for Mara Quintero"))
    }
}
