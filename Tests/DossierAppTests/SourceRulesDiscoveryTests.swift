@testable import DossierApp
import DossierCore
import DossierDiscover
import DossierExtract
import DossierFetch
import DossierSchedule
import DossierSettings
import DossierStore
import DossierTestSupport
import Foundation
import Logging
import LoopbackServer
import Testing

/// The shipped Sources.d's own rules reach the wire in a real discovery: DuckDuckGo's interval,
/// Brave's key and GitHub's headers, one request for the company homepage that two sources read,
/// and the sitemap found without a robots.txt. Every answer here is written for the test, in each
/// service's schema, about a fictional person.
@Suite("the shipped sources' rules in a discovery")
struct SourceRulesDiscoveryTests {
    static func site(_ request: ReceivedRequest) -> ResponsePlan {
        let target = String(request.target.dropFirst())
        let host = String(target.prefix { $0 != "/" })
        let path = String(request.path.dropFirst(host.count + 1))
        switch (host, path) {
        case ("html.duckduckgo.com", "/html/"):
            return .ok(#"<html><body><div class="result"><a rel="nofollow" class="result__a" href="https://blog.example/jane-doe">Jane Doe on robots</a></div></body></html>"#)
        case ("api.search.brave.com", "/res/v1/web/search"):
            return .ok(#"{"type":"search","web":{"type":"search","results":[]}}"#, contentType: "application/json")
        case ("www.wikidata.org", "/w/api.php") where target.contains("wbsearchentities"):
            return .ok(#"{"searchinfo":{"search":"Jane Doe"},"search":[{"id":"Q999001","label":"Jane Doe","description":"robotics engineer at Acme Robotics","match":{"type":"label","language":"en","text":"Jane Doe"}}],"success":1}"#,
                       contentType: "application/json")
        case ("www.wikidata.org", "/wiki/Special:EntityData/Q999001.json"):
            return .ok(#"{"entities":{"Q999001":{"type":"item","id":"Q999001","labels":{"en":{"language":"en","value":"Jane Doe"}},"claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"entity-type":"item","numeric-id":5,"id":"Q5"},"type":"wikibase-entityid"}},"type":"statement","rank":"normal"}],"P2037":[{"mainsnak":{"snaktype":"value","property":"P2037","datavalue":{"value":"janedoe","type":"string"}},"type":"statement","rank":"normal"}]},"sitelinks":{}}}}"#,
                       contentType: "application/json")
        case ("api.github.com", "/users/janedoe"):
            return .ok(#"{"login":"janedoe","id":1,"html_url":"https://github.com/janedoe","type":"User","name":"Jane Doe","company":"@acme-robotics","blog":"","location":"Porto","bio":"Robots for small farms."}"#,
                       contentType: "application/json; charset=utf-8")
        case ("acme.example", "/"):
            return .ok(#"<html><head><title>Acme Robotics</title><link rel="alternate" type="application/rss+xml" title="News" href="/feed.xml"></head><body><p>Acme Robotics builds robots. Jane Doe leads the team.</p></body></html>"#)
        case ("acme.example", "/feed.xml"):
            return .ok(#"<?xml version="1.0"?><rss version="2.0"><channel><title>Acme news</title><item><title>Acme Robotics opens a plant</title><link>https://acme.example/news/plant</link><pubDate>Tue, 02 Dec 2025 10:00:00 GMT</pubDate></item></channel></rss>"#,
                       contentType: "application/rss+xml")
        case ("acme.example", "/sitemap.xml"):
            return .ok(#"<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc><![CDATA[https://acme.example/team]]></loc></url></urlset>"#,
                       contentType: "application/xml")
        case ("acme.example", "/team"):
            return .ok("<html><head><title>Team</title></head><body><p>Jane Doe leads the robotics team at Acme Robotics.</p></body></html>")
        default:
            return .notFound
        }
    }

    @Test("DuckDuckGo's queries (with the company, without, on the company's site, for talks) wait 2 s each, Brave sends its key, GitHub its headers; the homepage is fetched once and read by both sources; no robots.txt means /sitemap.xml")
    func rulesOnTheWire() async throws {
        let server = try LoopbackServer(handler: Self.site)
        defer { server.stop() }
        let homeFolder = try TemporaryFolder("rules")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let shipped = SharedWorkspace.repository.appendingPathComponent("Sources.d")
        let environment = ["BRAVE_API_KEY": "brave-test-key"]
        let catalog = SourceCatalog.load(shippedDirectory: shipped, userDirectory: nil, extraDirectory: nil,
                                         environment: environment).catalog
        let sleeps = SleepRecorder()
        let base = server.baseURL
        var policy = FetchPolicy(config: DossierConfig(
            network: NetworkSettings(contact: "tests@dossier.example"),
            rewrites: [RewriteRule(from: "https://", to: base + "/"), RewriteRule(from: "http://", to: base + "/")]
        ))
        policy.sleep = { try await sleeps.sleep($0) }
        policy.clock = sleeps.now
        let store = try DossierStore(directory: home)
        defer { try? store.close() }
        let result = try await CurlMultiEngine.run { engine in
            let pages = LivePages(fetcher: Fetcher(engine: engine, policy: policy), store: store)
            return try await Discovery(catalog: catalog, pages: pages, archive: StoreArchive(store: store), searxng: nil,
                                       environment: environment)
                .run(Subject(name: "Jane Doe", company: "Acme Robotics", domain: "acme.example"))
        }
        let requests = server.requests.map { (target: String($0.target.dropFirst()), request: $0) }

        let duckDuckGo = requests.filter { $0.target.hasPrefix("html.duckduckgo.com/html/") }
        let queries = duckDuckGo.compactMap { URLComponents(string: "https://" + $0.target)?.queryItems?.first { $0.name == "q" }?.value }
        #expect(Set(queries) == ["Jane Doe Acme Robotics", "Jane Doe", #""Jane Doe" site:acme.example"#,
                                 #""Jane Doe" interview OR podcast OR talk"#])
        #expect(sleeps.waits.filter { $0 > .milliseconds(1_500) && $0 <= .milliseconds(2_000) }.count >= 3, "\(sleeps.waits)")

        let brave = try #require(requests.first { $0.target.hasPrefix("api.search.brave.com/") })
        #expect(brave.request.headers["X-Subscription-Token"] == "brave-test-key")
        #expect(!requests.contains { $0.target.hasPrefix("api.search.brave.com/robots.txt") })

        let github = try #require(requests.first { $0.target == "api.github.com/users/janedoe" })
        #expect(github.request.headers["Accept"] == "application/vnd.github+json")
        #expect(github.request.headers["X-GitHub-Api-Version"] == "2022-11-28")
        #expect(result.identity.evidence.contains("GitHub janedoe lists acme-robotics as the company"))
        #expect(result.personFacts.contains { $0.kind == .location && $0.value == "Porto" })

        #expect(requests.filter { $0.target == "acme.example/" }.count == 1)
        let homepage = result.outcomes.filter { $0.url == "https://acme.example/" }
        #expect(Set(homepage.map(\.sourceName)) == ["40-company-site", "51-company-feed"])
        #expect(requests.contains { $0.target == "acme.example/feed.xml" })
        #expect(result.documents.contains { $0.title == "Acme Robotics opens a plant" })

        let robots = try #require(result.outcomes.first { $0.sourceName == "41-company-sitemap" && $0.url == "https://acme.example/robots.txt" })
        #expect(robots.kind == .skipped && robots.category == .noRobotsTxt)
        #expect(requests.contains { $0.target == "acme.example/sitemap.xml" })
        #expect(result.documents.contains { $0.url == "https://acme.example/team" })
    }

    /// A small company site with a team page whose card and link lead to the person's bio.
    static func teamSite(_ request: ReceivedRequest) -> ResponsePlan {
        switch String(request.target.dropFirst()) {
        case "acme.example/":
            return .ok(#"<html><head><title>Acme Robotics</title></head><body><p>Acme Robotics builds robots for small farms.</p><a href="/about/team">Our team</a> <a href="/careers">Careers</a></body></html>"#)
        case "acme.example/about/team":
            return .ok(#"<html><head><title>Team</title></head><body><h1>Our team</h1><div><p>Jane Doe</p><p>Chief Technology Officer</p><a href="/people/42">Jane Doe</a></div><div><p>John Roe</p><p>Chief Executive Officer</p><a href="/people/43">John Roe</a></div></body></html>"#)
        case "acme.example/people/42":
            return .ok(#"<html><head><title>Jane Doe - Acme Robotics</title></head><body><p>Jane Doe leads engineering at Acme Robotics, where she has built grippers since 2019.</p><a href="/people/42/talks">Jane Doe's talks</a></body></html>"#)
        default:
            return .notFound
        }
    }

    @Test("the company's site searched for the person: the team page's card is her position, its link to her bio followed one step, no further")
    func companySiteSearch() async throws {
        let server = try LoopbackServer(handler: Self.teamSite)
        defer { server.stop() }
        let homeFolder = try TemporaryFolder("team")
        defer { homeFolder.remove() }
        let catalog = SourceCatalog.load(shippedDirectory: SharedWorkspace.repository.appendingPathComponent("Sources.d"),
                                         userDirectory: nil, extraDirectory: nil, environment: [:]).catalog
        let sleeps = SleepRecorder()
        var policy = FetchPolicy(config: DossierConfig(
            network: NetworkSettings(contact: "tests@dossier.example"),
            rewrites: [RewriteRule(from: "https://", to: server.baseURL + "/"), RewriteRule(from: "http://", to: server.baseURL + "/")]
        ))
        policy.sleep = { try await sleeps.sleep($0) }
        policy.clock = sleeps.now
        let store = try DossierStore(directory: homeFolder.url)
        defer { try? store.close() }
        let result = try await CurlMultiEngine.run { engine in
            let pages = LivePages(fetcher: Fetcher(engine: engine, policy: policy), store: store)
            return try await Discovery(catalog: catalog, pages: pages, archive: StoreArchive(store: store), searxng: nil, environment: [:])
                .run(Subject(name: "Jane Doe", domain: "acme.example"))
        }
        let targets = server.requests.map { String($0.target.dropFirst()) }
        #expect(targets.contains("acme.example/people/42"))
        #expect(!targets.contains("acme.example/people/43"))
        #expect(!targets.contains("acme.example/people/42/talks"), "one step from a followed page, never two")
        #expect(result.personFacts.contains { $0.kind == .position && $0.value == "Chief Technology Officer" })
        #expect(result.documents.contains { $0.url == "https://acme.example/people/42" })
        #expect(result.identity.evidence.contains { $0.hasPrefix("named on the company's own site: acme.example/") })
        #expect(!result.foundNothing)
    }
}

