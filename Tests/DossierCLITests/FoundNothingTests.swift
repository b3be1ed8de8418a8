import DossierApp
import Foundation
import LoopbackServer
import Testing

/// A build that finds nothing about the person writes nothing: a good dossier already in the
/// output folder (from `dossier demo`, say, whose store is temporary) keeps its bytes.
@Suite("a build that finds nothing")
struct FoundNothingTests {
    @Test("with every request failing, a dossier the store does not know keeps its bytes; exit 69 says so")
    func keepsFilesItDidNotWrite() throws {
        let web = try LoopbackServer { _ in .notFound }
        let dossier = try DossierRun()
        defer { dossier.remove() }
        try dossier.useDemoWeb(web)
        web.stop()  // Every request now fails to connect.
        let folder = dossier.home.appendingPathComponent("output/mara-quintero")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let good = Data("# Mara Quintero\n\nA dossier written earlier.\n".utf8)
        try good.write(to: folder.appendingPathComponent("dossier.md"))

        let result = try dossier(["build", DemoSite.person, "--company", DemoSite.company, "--quiet"])
        #expect(result.status == 69)
        #expect(result.errors.contains("found nothing about Mara Quintero"))
        #expect(result.errors.contains("the last dossier stays as it was"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("dossier.md")) == good)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("dossier.html").path))
        #expect(result.errors.contains(folder.path))
        #expect(result.output.isEmpty)
    }

    @Test("pages that answer but are all about someone else: exit 69 and no dossier written")
    func onlyNamesakes() throws {
        let web = try LoopbackServer { request in
            request.path.hasSuffix("robots.txt") ? .notFound
                : .ok("<html><head><title>Weather</title></head><body><p>Rain in Porto all week, with wind from the west.</p></body></html>",
                      contentType: "text/html")
        }
        defer { web.stop() }
        let dossier = try DossierRun()
        defer { dossier.remove() }
        try dossier.useDemoWeb(web)
        let result = try dossier(["build", "Jane Nobody", "--quiet"])
        #expect(result.status == 69)
        #expect(result.errors.contains("no dossier was written"))
        #expect(!FileManager.default.fileExists(atPath: dossier.home.appendingPathComponent("output/jane-nobody").path))
    }

    @Test("a domain that answers only its robots.txt and sitemap, whose URLs carry the person's name: exit 69, nothing written")
    func onlyRobotsAndSitemap() throws {
        let robots = "User-agent: *\nAllow: /\nSitemap: https://research.example/sitemaps/joseph-mearman.xml\n"
        let web = try LoopbackServer { request in
            switch request.path {
            // A server that answers its robots.txt for its homepage too.
            case "/research.example/robots.txt", "/research.example/":
                return .ok(robots, contentType: "text/plain")
            case "/research.example/sitemaps/joseph-mearman.xml":
                return .ok(#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://research.example/people/joseph-mearman</loc></url></urlset>"#,
                           contentType: "application/xml")
            default:
                return .notFound
            }
        }
        defer { web.stop() }
        let dossier = try DossierRun()
        defer { dossier.remove() }
        try dossier.useDemoWeb(web)
        let result = try dossier(["build", "Joseph Mearman", "--domain", "research.example", "--json", "--quiet"])
        #expect(result.status == 69, "\(result.output)")
        #expect(!FileManager.default.fileExists(atPath: dossier.home.appendingPathComponent("output/joseph-mearman").path))
    }
}
