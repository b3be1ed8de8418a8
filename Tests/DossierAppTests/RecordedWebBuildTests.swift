@testable import DossierApp
import DossierCore
import DossierDiscover
import DossierExtract
import DossierSchedule
import DossierTestSupport
import Foundation
import Logging
import Testing

/// Whole builds through the shipped Sources.d with default settings (and a contact for the
/// User-Agent), against the recorded answers of the real services served on loopback with their
/// real robots.txt files. Answers that were never recorded are written here, in each service's
/// schema, and say so; every other request answers 404, as a service without the page would.
@Suite("builds against the recorded real web", .enabled(if: RealWeb.isPresent, RealWeb.absent))
struct RecordedWebBuildTests {
    /// MediaWiki `list=search` answers (schema of the recorded ones; page ids, sizes and dates made up).
    static func wikipediaSearch(_ titles: [String]) -> RecordedWeb.Fixture {
        let hits = titles.enumerated().map { index, title in
            #"{"ns":0,"title":"\#(title)","pageid":\#(1000 + index),"size":1000,"wordcount":100,"snippet":"","timestamp":"2024-01-01T00:00:00Z"}"#
        }
        return .json(#"{"batchcomplete":"","query":{"searchinfo":{"totalhits":\#(titles.count)},"search":[\#(hits.joined(separator: ","))]}}"#)
    }

    /// `wbsearchentities` answers (schema of the recorded one; the hits' ids, labels and descriptions
    /// are the items' real ones where named, the page ids made up).
    static func wikidataSearch(_ hits: [(id: String, label: String, description: String)]) -> RecordedWeb.Fixture {
        let items = hits.map { hit in
            #"{"id":"\#(hit.id)","title":"\#(hit.id)","pageid":1,"repository":"wikidata","url":"//www.wikidata.org/wiki/\#(hit.id)","concepturi":"http://www.wikidata.org/entity/\#(hit.id)","label":"\#(hit.label)","description":"\#(hit.description)","match":{"type":"label","language":"en","text":"\#(hit.label)"}}"#
        }
        return .json(#"{"searchinfo":{"search":"x"},"search":[\#(items.joined(separator: ","))],"success":1}"#)
    }

    static func searchURL(_ name: String) -> String {
        "https://en.wikipedia.org/w/api.php?action=query&list=search&srsearch=\(name)&format=json"
    }

    static func wikidataSearchURL(_ name: String) -> String {
        "https://www.wikidata.org/w/api.php?action=wbsearchentities&search=\(name)&language=en&format=json&type=item&maxlag=5"
    }

    /// Labels for whatever ids are asked (wbgetentities' schema; no label of these items is
    /// recorded, so every label is made up and says so): items with an even number get only a
    /// language-neutral `mul` label, as many have since 2025, the others an English one.
    static func labels(_ asked: RecordedWeb.Asked) -> RecordedWeb.Fixture? {
        guard asked.host == "www.wikidata.org", asked.parameters["action"] == "wbgetentities",
              asked.parameters["props"] == "labels", let ids = asked.parameters["ids"] else { return nil }
        let entities = ids.split(separator: "|").map { id in
            let language = (Int(id.dropFirst()) ?? 0) % 2 == 0 ? "mul" : "en"
            return #""\#(id)":{"type":"item","id":"\#(id)","labels":{"\#(language)":{"language":"\#(language)","value":"Label of \#(id) (fixture)"}}}"#
        }
        return .json(#"{"entities":{\#(entities.joined(separator: ","))},"success":1}"#)
    }

    static func web() throws -> RecordedWeb {
        try RecordedWeb(fixtures: [
            searchURL("Ezra Pound"): wikipediaSearch(["Ezra Pound", "Ezra Pound bibliography"]),
            wikidataSearchURL("Ezra Pound"): wikidataSearch([("Q163366", "Ezra Pound", "American poet and critic")]),
            searchURL("Elon Musk"): wikipediaSearch(["Views of Elon Musk", "Elon Musk"]),
            wikidataSearchURL("Elon Musk"): wikidataSearch([("Q317521", "Elon Musk", "businessman")]),
            searchURL("Henning Christophersen"): wikipediaSearch(["Henning Christophersen"]),
            wikidataSearchURL("Henning Christophersen"): wikidataSearch([
                ("Q100000000", "Henning Christophersen", "Wikimedia disambiguation page"),
                ("Q646148", "Henning Christophersen", "Danish politician"),
            ]),
        ], answer: labels)
    }

    struct Built {
        let summary: BuildSummary
        let markdown: String
        let web: RecordedWeb
    }

    static func build(_ name: String) async throws -> Built {
        let web = try web()
        let homeFolder = try TemporaryFolder("realweb")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let summary = try await web.pipeline(home: home).run(BuildRequest(
            subject: Subject(name: name), outputRoot: home.appendingPathComponent("out"), formats: [.md]))
        let markdown = try String(contentsOfFile: try #require(summary.files.first), encoding: .utf8)
        web.stop()
        return Built(summary: summary, markdown: markdown, web: web)
    }

    /// What every build must show of the services' rules.
    static func checkProtocol(_ built: Built) {
        let requests = built.web.requests
        #expect(!requests.isEmpty)
        for (url, request) in requests {
            #expect(request.headers["User-Agent"]?.hasPrefix("dossier/\(DossierVersion.current) (tests@dossier.example) libcurl/") == true,
                    "\(url): \(request.headers["User-Agent"] ?? "none")")
        }
        // The APIs were asked although Wikimedia's robots.txt disallows their paths to crawlers.
        #expect(requests.contains { $0.url.hasPrefix("en.wikipedia.org/w/api.php?") })
        #expect(requests.contains { $0.url.hasPrefix("www.wikidata.org/w/api.php?action=wbsearchentities") })
        #expect(!built.summary.outcomes.contains { $0.category == .blockedByRobots },
                "\(built.summary.outcomes.filter { $0.category == .blockedByRobots })")
        // Each page is cited under one URL.
        let urls = built.summary.sources.map(\.url)
        #expect(Set(urls).count == urls.count)
    }

    @Test("a poet with a Wikipedia summary: its lead in the dossier, cited once under the article's URL")
    func ezraPound() async throws {
        let built = try await Self.build("Ezra Pound")
        Self.checkProtocol(built)
        #expect(!built.summary.foundNothing)
        #expect(built.web.requests.contains { $0.url == "en.wikipedia.org/api/rest_v1/page/summary/Ezra_Pound" })
        #expect(built.markdown.contains("Imagism"))
        #expect(built.summary.sources.filter { $0.url == "https://en.wikipedia.org/wiki/Ezra_Pound" }.count == 1)
        #expect(built.summary.identity.wikidataID == "Q163366")
        // What was not recorded is reported, with its status.
        #expect(built.summary.outcomes.contains { $0.url == "https://www.wikidata.org/wiki/Special:EntityData/Q163366.json" && $0.status == 404 })
    }

    @Test("a businessman with a desktop Wikipedia page: the article (not 'Views of …') fetched and read, site Wikipedia, no hidden infobox date")
    func elonMusk() async throws {
        let built = try await Self.build("Elon Musk")
        Self.checkProtocol(built)
        #expect(built.web.requests.contains { $0.url == "en.wikipedia.org/wiki/Elon_Musk" })
        #expect(!built.web.requests.contains { $0.url.contains("Views_of_Elon_Musk") })
        let article = try #require(built.summary.sources.first { $0.url == "https://en.wikipedia.org/wiki/Elon_Musk" })
        #expect(article.site == "Wikipedia")
        #expect(article.title == "Elon Musk")
        #expect(article.updated == "2024-06-07")
        #expect(built.markdown.contains("SpaceX"))
        #expect(built.markdown.contains("Tesla"))
        #expect(!built.markdown.contains("1971-06-28"))
    }

    @Test("a politician found only through Wikidata: the right item (not the disambiguation page), labelled positions and awards, no raw ids")
    func henningChristophersen() async throws {
        let built = try await Self.build("Henning Christophersen")
        Self.checkProtocol(built)
        #expect(built.summary.identity.wikidataID == "Q646148")
        let labelsRequest = try #require(built.web.requests.first { $0.url.contains("action=wbgetentities") })
        #expect(labelsRequest.url.contains("languagefallback=1"))
        #expect(labelsRequest.url.contains("languages=en%7Cmul"))
        #expect(built.markdown.range(of: #"Role: Label of Q[0-9]+ \(fixture\)"#, options: .regularExpression) != nil)
        #expect(built.markdown.range(of: #"Recognition: Label of Q[0-9]+ \(fixture\)"#, options: .regularExpression) != nil)
        // Both kinds of label were read: an English one and a mul one.
        #expect(built.markdown.range(of: #"Label of Q[0-9]*[02468] \(fixture\)"#, options: .regularExpression) != nil)
        #expect(built.markdown.range(of: #"Label of Q[0-9]*[13579] \(fixture\)"#, options: .regularExpression) != nil)
        #expect(built.markdown.range(of: #": Q[0-9]+\b"#, options: .regularExpression) == nil)
        #expect(built.summary.sources.contains { $0.url == "https://www.wikidata.org/wiki/Q646148" })
    }
}
