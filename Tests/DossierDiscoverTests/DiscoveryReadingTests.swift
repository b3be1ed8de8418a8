import DossierCore
@testable import DossierDiscover
import DossierExtract
import DossierFetch
import Foundation
import Testing

@Suite("discovery reading")
struct DiscoveryReadingTests {
    private let search = SourceDefinition(
        name: "32-search", about: .company, kind: .search, input: .text(""), reader: .searxngJSON, robots: .obey, trust: 0.25,
        minimumInterval: 0, isEnabled: true, requires: [], keyEnvironmentVariable: nil, headers: [], maxResults: 10,
        description: nil, subject: nil, follow: [], claims: [], qualifiers: []
    )
    private let epoch = Date(timeIntervalSince1970: 0)

    @Test("plain text is read as paragraphs: wrapped lines joined, blank lines between paragraphs")
    func unwrapping() {
        let text = "Want to start a startup?\nGet funded.\n\n\nOctober 2010\n\nWe thought when we\nstarted that intelligence\nmattered most.\n"
        #expect(Discovery.unwrapped(text) == "Want to start a startup? Get funded.\nOctober 2010\nWe thought when we started that intelligence mattered most.")
    }

    @Test("a page a search led to is read as a feed when its type says RSS, Atom or XML")
    func feeds() {
        func response(_ type: String?) -> PageResponse {
            PageResponse(url: "https://blog.test/feed/", finalURL: "https://blog.test/feed/", status: 200, contentType: type,
                         charset: nil, validators: Validators(), body: Data("<rss/>".utf8), kind: .fetched, failure: nil, seconds: 0)
        }
        #expect(Discovery.isFeed(response("application/rss+xml")))
        #expect(Discovery.isFeed(response("application/atom+xml")))
        #expect(Discovery.isFeed(response("text/xml")))
        #expect(!Discovery.isFeed(response("text/html")))
        #expect(!Discovery.isFeed(response(nil)))
    }

    @Test("a page on the company's own site is kept even when its text does not name the company")
    func companySite() {
        var state = DiscoveryState(subject: Subject(name: "Jane Doe", company: "Acme Robotics, Inc."))
        state.addDocument(text: "Our new gripper ships in May.", url: "https://blog.acmerobotics.test/gripper", title: "Gripper",
                          source: search, fetchedAt: epoch)
        state.addDocument(text: "An unrelated page about gardening.", url: "https://garden.test/", title: "Garden",
                          source: search, fetchedAt: epoch)
        let result = state.result()
        #expect(result.documents.map(\.url) == ["https://blog.acmerobotics.test/gripper"])
        #expect(result.outcomes.map(\.url) == ["https://garden.test/"])
    }

    @Test("table rows are kept when they name the person, and all rows on a page titled with their name")
    func tableRows() {
        var state = DiscoveryState(subject: Subject(name: "Jane Doe"))
        let rows = [SourceDocument.TableRow(cells: ["2020", "Jane Doe"], headings: [nil, nil]), SourceDocument.TableRow(cells: ["2021", "John Roe"], headings: [nil, nil])]
        state.addDocument(text: "", url: "https://list.test/", title: "Award list", source: search, fetchedAt: epoch, tableRows: rows)
        state.addDocument(text: "", url: "https://profile.test/", title: "Jane Doe - Profile", source: search, fetchedAt: epoch,
                          tableRows: rows, description: "Professor of robotics, Acme University")
        let result = state.result()
        #expect(result.documents.map(\.tableRows.count) == [1, 2])
        #expect(result.documents.map(\.profileSummary) == [nil, "Professor of robotics, Acme University"])
    }

    @Test("'A / B, Inc.' names two companies without the legal suffix")
    func companyNames() {
        #expect(NameMatcher.companyNames("SpaceX / Tesla, Inc.") == ["SpaceX", "Tesla"])
        #expect(NameMatcher.companyNames("Acme Robotics GmbH") == ["Acme Robotics"])
        #expect(NameMatcher.companyNames(nil) == [])
    }

    @Test("a name written only into web addresses does not make a page about the person")
    func namesInURLs() {
        var state = DiscoveryState(subject: Subject(name: "Joseph Mearman", domain: "research.example"))
        state.addDocument(text: "Sitemap: https://research.example/people/joseph-mearman.xml\nSee www.joseph-mearman.example/cv",
                          url: "https://research.example/", title: nil, source: search, fetchedAt: epoch)
        state.addDocument(text: "Joseph Mearman joined the lab in 2014.", url: "https://research.example/news", title: "News",
                          source: search, fetchedAt: epoch)
        let result = state.result()
        #expect(result.pagesAboutPerson == 1)
        #expect(DiscoveryState.withoutURLs("see https://a.example/jane-doe, or www.jane-doe.example.") == "see   or  ")
    }

    @Test("robots.txt files and sitemaps are told from pages, by address and by content")
    func crawlerFiles() {
        let robots = Data("\u{FEFF}# robots\nUser-agent: *\nDisallow: /private\n\nSitemap: https://a.example/sitemap.xml\n".utf8)
        #expect(CrawlerFile.isCrawlerFile(robots, url: "https://a.example/"))
        #expect(CrawlerFile.isCrawlerFile(Data("anything".utf8), url: "https://a.example/robots.txt"))
        let sitemap = Data(#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/</loc></url></urlset>"#.utf8)
        #expect(CrawlerFile.isCrawlerFile(sitemap, url: "https://a.example/team"))
        #expect(!CrawlerFile.isCrawlerFile(Data("Jane Doe: engineer.\nShe builds robots.".utf8), url: "https://a.example/about.txt"))
        #expect(!CrawlerFile.isCrawlerFile(Data("<html><body><p>User-agent: a word in a page</p></body></html>".utf8), url: "https://a.example/"))
    }

    @Test("a website or an account name alone is not something found about the person")
    func identifierFactsAlone() {
        func result(_ kinds: [FactKind]) -> DiscoveryResult {
            DiscoveryResult(
                identity: Identity(name: "Jane Doe", wikidataID: nil, description: nil, confidence: 0.3, evidence: [],
                                   wikipediaTitle: nil, domain: nil, github: nil),
                company: CompanyIdentity(name: nil, wikidataID: nil, domain: nil, wikipediaTitle: nil), documents: [],
                personFacts: kinds.map { StructuredFact(kind: $0, value: "x", sourceURL: "https://registry.example/1") },
                companyFacts: [], outcomes: [], pagesAboutPerson: 0)
        }
        #expect(result([]).foundNothing)
        #expect(result([.website, .github]).foundNothing)
        #expect(!result([.website, .affiliation]).foundNothing)
    }
}

