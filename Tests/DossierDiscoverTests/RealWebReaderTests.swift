import DossierCore
@testable import DossierDiscover
import DossierExtract
import DossierFetch
import DossierTestSupport
import Foundation
import LoopbackServer
import Testing

/// Every shipped reader on the recorded answers of its real service (`../shared/corpus/realweb`,
/// used in place). Where a case has no recording, the test says so and writes the smallest answer
/// in the service's exact schema itself.
@Suite("readers on recorded answers of the real services", .enabled(if: RealWeb.isPresent, RealWeb.absent))
struct RealWebReaderTests {
    // MARK: Wikipedia

    @Test("Wikipedia search: the recorded answers' titles become canonical article URLs; the name's own article is adopted")
    func wikipediaSearch() throws {
        let meaning = try SearchResultReaders.wikipediaSearch(
            RealWeb.data("wikipedia/search-meaning-2022.json"), answeredBy: "https://en.wikipedia.org/w/api.php")
        #expect(meaning.first?.url == "https://en.wikipedia.org/wiki/Meaning")
        #expect(meaning.first?.snippet?.hasPrefix("Meaning most commonly refers to") == true)

        let obama = try SearchResultReaders.wikipediaSearch(
            RealWeb.data("wikipedia/search-barack-obama-2014-converted.json"), answeredBy: "https://en.wikipedia.org/w/api.php")
        #expect(obama.count == 10)
        #expect(obama.contains { $0.url == "https://en.wikipedia.org/wiki/Barack_Obama,_Sr." })
        var state = DiscoveryState(subject: Subject(name: "Barack Obama"))
        state.adoptWikipediaTitle(from: obama, about: .person)
        #expect(state.identity.wikipediaTitle == "Barack Obama")
        // "Presidency of Barack Obama" contains the name but is not the person's article.
        var other = DiscoveryState(subject: Subject(name: "Barack Obama Sr."))
        other.adoptWikipediaTitle(from: obama.filter { $0.title != "Barack Obama, Sr." }, about: .person)
        #expect(other.identity.wikipediaTitle == nil)
    }

    @Test("Wikipedia summaries: lead, Wikidata id and canonical page URL; a redirect answers under its target; a disambiguation page is no summary")
    func wikipediaSummary() throws {
        let pound = try #require(try WikipediaSummary.read(RealWeb.data("wikipedia/summary-Ezra_Pound-2019.json")))
        #expect(pound.title == "Ezra Pound")
        #expect(pound.wikidataID == "Q163366")
        #expect(pound.pageURL == "https://en.wikipedia.org/wiki/Ezra_Pound")
        #expect(pound.pageURL == WikipediaURL.article(title: "Ezra Pound"))
        #expect(pound.extract.hasPrefix("Ezra Weston Loomis Pound was an expatriate American poet"))
        let vorticism = try #require(try WikipediaSummary.read(RealWeb.data("wikipedia/summary-Vorticist-redirected-to-Vorticism-2019.json")))
        #expect(vorticism.title == "Vorticism")
        #expect(try WikipediaSummary.read(RealWeb.data("wikipedia/summary-Manhattan_disambiguation-2019.json")) == nil)
        let transnistria = try #require(try WikipediaSummary.read(
            RealWeb.data("wikipedia/summary-Foreign_relations_of_Transnistria-no-description-2019.json")))
        #expect(transnistria.wikidataID == "Q4113721")
    }

    @Test("Wikimedia's real robots.txt disallows the API paths to crawlers and allows articles")
    func wikimediaRobots() throws {
        let text = String(decoding: try RealWeb.data("robots/robots-wikipedia.org-2015.txt"), as: UTF8.self)
        let rules = RobotsRules(parsing: text, userAgent: UserAgent.productToken)
        #expect(!rules.isAllowed("/w/api.php?action=query&list=search&srsearch=Ezra%20Pound&format=json"))
        #expect(!rules.isAllowed("/api/rest_v1/page/summary/Ezra_Pound"))
        #expect(rules.isAllowed("/wiki/Ezra_Pound"))
        let news = RobotsRules(parsing: String(decoding: try RealWeb.data("robots/robots-news.google.com.txt"), as: UTF8.self),
                               userAgent: UserAgent.productToken)
        #expect(!news.isAllowed("/rss/search?q=Acme&hl=en-US"))
    }

    // MARK: Wikidata

    @Test("Wikidata entities: claims with their time qualifiers, the claims a file asks for, a deleted item reported")
    func wikidataEntities() throws {
        let henning = try WikidataReaders.entity(
            RealWeb.data("wikidata/entity-Q646148-Henning_Christophersen-2024-converted.json"), id: "Q646148",
            sourceURL: "https://www.wikidata.org/wiki/Q646148", properties: ["P39", "P69", "P166", "P569", "P31"],
            qualifiers: ["P580", "P582", "P585"])
        #expect(henning.isHuman)
        #expect(henning.label == "Henning Christophersen")
        #expect(henning.englishWikipediaTitle == "Henning Christophersen")
        let positions = henning.facts.filter { $0.kind == .position }
        #expect(positions.count >= 5)
        #expect(positions.contains { $0.start != nil && $0.end != nil })
        // Six awards, one of them deprecated (its rank says so): five.
        #expect(henning.facts.filter { $0.kind == .award }.count == 5)
        #expect(henning.facts.contains { $0.kind == .birthDate && $0.value == "1939-11-08" })
        #expect(henning.facts.filter { $0.kind == .education }.count == 2)
        // Without time qualifiers asked for, no statement is dated.
        let undated = try WikidataReaders.entity(
            RealWeb.data("wikidata/entity-Q646148-Henning_Christophersen-2024-converted.json"), id: "Q646148",
            sourceURL: "https://www.wikidata.org/wiki/Q646148", properties: ["P39"], qualifiers: [])
        #expect(undated.facts.allSatisfy { $0.start == nil && $0.end == nil })

        for (file, id, label) in [("wikidata/wbgetentities-Q312894-Juhan_Parts-2015.json", "Q312894", "Juhan Parts"),
                                  ("wikidata/wbgetentities-Q312013-Konstantinos_Mitsotakis-2016.json", "Q312013", "Konstantinos Mitsotakis")] {
            let entity = try WikidataReaders.entity(RealWeb.data(file), id: id, sourceURL: "https://www.wikidata.org/wiki/\(id)")
            #expect(entity.label == label)
            #expect(entity.isHuman)
            #expect(entity.facts.contains { $0.kind == .position })
        }
        #expect {
            try WikidataReaders.entity(RealWeb.data("wikidata/wbgetentities-Q21974469-missing-2016.json"), id: "Q21974469",
                                       sourceURL: "https://www.wikidata.org/wiki/Q21974469")
        } throws: { error in
            (error as? ReaderError)?.message.contains("does not exist") == true
        }
    }

    @Test("Wikidata search and labels: the recorded answers; a mul label and a fallback answer, written here because none is recorded")
    func wikidataSearchAndLabels() throws {
        let hits = try WikidataReaders.search(RealWeb.data("wikidata/wbsearchentities-Q192465-Chick_Corea.json"))
        #expect(hits == [EntityCandidate(id: "Q192465", label: "Chick Corea",
                                         description: "American jazz and fusion pianist, keyboardist, and composer", matchedText: "Q192465")])
        #expect(try WikidataReaders.labels(RealWeb.data("wikidata/wbgetentities-labels-Q192465-Q453406.json"))
            == ["Q192465": "Chick Corea", "Q453406": "Stanley Clarke"])
        #expect(try WikidataReaders.labels(RealWeb.data("wikidata/wbgetentities-labels-Q123-android.json")) == ["Q123": "September"])
        // Fixture (no recording has them): wbgetentities' schema, values made up. Q1 has only a
        // language-neutral `mul` label (common since 2025); Q2 an English label the API fell back to.
        let fallback = #"""
            {"entities":{"Q1":{"type":"item","id":"Q1","labels":{"mul":{"language":"mul","value":"Acme Robotics"}}},
            "Q2":{"type":"item","id":"Q2","labels":{"en":{"language":"de","value":"Fernhill GmbH","for-language":"en"}}},
            "P1":{"type":"property","id":"P1","labels":{"en":{"language":"en","value":"award received"}}}},"success":1}
            """#
        #expect(try WikidataReaders.labels(Data(fallback.utf8)) == ["Q1": "Acme Robotics", "Q2": "Fernhill GmbH", "P1": "award received"])
        // Fixture: the API's answer to a lagging server (its schema, message made up).
        let lagged = #"{"error":{"code":"maxlag","info":"Waiting for 10.64.0.1: 7 seconds lagged.","host":"10.64.0.1","lag":7},"servedby":"mw1"}"#
        #expect { try WikidataReaders.search(Data(lagged.utf8)) } throws: { error in
            (error as? ReaderError)?.message.hasPrefix("the API answered maxlag") == true
        }
        #expect(WikidataReaders.labelsURL(ids: ["Q1", "P2"], host: "www.wikidata.org").contains("languagefallback=1"))
    }

    @Test("Wikidata namesakes: disambiguation, name and list items and items that only contain the name are not the person")
    func wikidataNamesakes() {
        var state = DiscoveryState(subject: Subject(name: "Douglas Adams"))
        state.adoptCandidates([
            EntityCandidate(id: "Q1", label: "Douglas Adams", description: "Wikimedia disambiguation page"),
            EntityCandidate(id: "Q2", label: "Douglas Adams in popular culture", description: "aspect of history"),
            EntityCandidate(id: "Q3", label: "Adams", description: "family name"),
            EntityCandidate(id: "Q42", label: "Douglas Adams", description: "English science fiction writer and humorist"),
        ], about: .person)
        #expect(state.identity.wikidataID == "Q42")
        #expect(state.identity.evidence.last == "Wikidata Q42: label matches")
    }

    // MARK: Search pages and APIs

    @Test("DuckDuckGo: the recorded results with their snippets; the no-results page gives none")
    func duckDuckGo() throws {
        let eino = SearchResultReaders.duckDuckGo(try RealWeb.data("duckduckgo/html-eino-2025.html"), contentType: "text/html; charset=utf-8")
        #expect(eino.count == 10)
        #expect(eino.first?.url == "https://github.com/cloudwego/eino")
        #expect(eino.allSatisfy { !($0.url.contains("duckduckgo.com")) })
        let none = SearchResultReaders.duckDuckGo(try RealWeb.data("duckduckgo/html-no-results-2025.html"), contentType: "text/html; charset=utf-8")
        #expect(none.isEmpty, "\(none)")
    }

    @Test("SearXNG: a result with a null URL is skipped, not the answer; dates and snippets are kept (a fixture: no recording exists)")
    func searxng() throws {
        // SearXNG's format=json schema, values made up.
        let answer = #"""
            {"query":"Jane Doe","number_of_results":0,"results":[
            {"url":null,"title":"An answer box","content":"","engine":"wikidata","parsed_url":null,"engines":["wikidata"],"positions":[1],"score":1.0,"category":"general"},
            {"url":"https://acme.example/team/jane","title":"Jane Doe <b>Acme</b>","content":"Jane Doe leads the robotics team.","publishedDate":"2025-03-04T00:00:00","engine":"brave","parsed_url":["https","acme.example","/team/jane","","",""],"engines":["brave"],"positions":[2],"score":0.5,"category":"general"},
            {"url":"ftp://files.example/x","title":"A file","content":"","engine":"brave","engines":["brave"],"positions":[3],"score":0.1,"category":"general"}],
            "answers":[],"corrections":[],"infoboxes":[],"suggestions":[],"unresponsive_engines":[]}
            """#
        let pages = try SearchResultReaders.searxng(Data(answer.utf8))
        #expect(pages == [DiscoveredPage(url: "https://acme.example/team/jane", title: "Jane Doe Acme",
                                         snippet: "Jane Doe leads the robotics team.", published: "2025-03-04")])
    }

    @Test("GitHub users: the recorded profiles; a profile naming someone else is not used; a LinkedIn blog is not a personal site")
    func githubUsers() throws {
        let ian = try GitHubUser.read(RealWeb.data("github/user-ianozsvald-2013.json"))
        #expect(ian == GitHubUser(login: "ianozsvald", profileURL: "https://github.com/ianozsvald", name: "Ian Ozsvald",
                                  company: "Mor Consulting Ltd", location: "London, UK", bio: nil, blog: "https://ianozsvald.com"))
        let wan = try GitHubUser.read(RealWeb.data("github/user-sfdye-2020.json"))
        #expect(wan.company == "zendesk")
        #expect(wan.bio?.contains("\r") == false)
        #expect(throws: ReaderError.self) { try GitHubUser.read(RealWeb.data("github/user-not-found-2012.json")) }

        var state = DiscoveryState(subject: Subject(name: "Ian Ozsvald", company: "Mor Consulting"))
        state.adoptGitHubUser(ian, source: Self.github, fetchedAt: Date(timeIntervalSince1970: 0))
        #expect(state.identity.domain == "ianozsvald.com")
        #expect(state.identity.confidence >= 0.8)
        #expect(state.identity.evidence.contains("GitHub ianozsvald lists Mor Consulting Ltd as the company"))
        #expect(state.personFacts.contains { $0.kind == .location && $0.value == "London, UK" && $0.sourceURL == "https://github.com/ianozsvald" })

        var namesake = DiscoveryState(subject: Subject(name: "Jane Doe"))
        namesake.adoptGitHubUser(ian, source: Self.github, fetchedAt: Date(timeIntervalSince1970: 0))
        #expect(namesake.personFacts.isEmpty && namesake.identity.domain == nil)

        var marco = DiscoveryState(subject: Subject(name: "Marco Köpcke"))
        marco.adoptGitHubUser(try GitHubUser.read(RealWeb.data("github/user-theCapypara-2021.json")), source: Self.github,
                              fetchedAt: Date(timeIntervalSince1970: 0))
        #expect(marco.identity.domain == nil)
        #expect(marco.identity.github == "theCapypara")
    }

    static let github = SourceDefinition(
        name: "70-github-user", about: .person, kind: .api, input: .text(""), reader: .githubUserJSON, robots: .api, trust: 0.5,
        minimumInterval: 1, isEnabled: true, requires: [], keyEnvironmentVariable: nil, headers: [], maxResults: nil,
        description: nil, subject: nil, follow: [], claims: [], qualifiers: []
    )

    // MARK: Feeds and sitemaps

    @Test("feeds: Atom and RSS items with titles and dates; ISO-8859-1 read as such")
    func feeds() throws {
        let heise = FeedParser.parse(bytes: try RealWeb.data("feeds/atom-heise-developer-2016.atom"), contentType: "application/atom+xml")
        #expect(heise.format == .atom)
        #expect(heise.items.first?.title == "Java-Anwendungsserver: Red Hat gibt WildFly 10 frei")
        #expect(heise.items.allSatisfy { $0.published != nil && $0.link != nil })
        let blog = FeedParser.parse(bytes: try RealWeb.data("feeds/atom-google-testing-blog-2017.xml"), contentType: "application/atom+xml")
        #expect(blog.items.first?.title == "Code Health: Providing Context with Commit Messages and Bug Reports")
        let jn = FeedParser.parse(bytes: try RealWeb.data("feeds/rss-jn.pt-iso-8859-1-2018.xml"), contentType: "application/rss+xml")
        #expect(jn.title == "Jornal de Notícias - Últimas Notícias")
        #expect(!jn.items.isEmpty)
    }

    @Test("pages announcing their feeds: absolute, a relative link resolved, comment feeds last")
    func feedLinks() throws {
        func feeds(_ file: String, _ url: String) throws -> [String] {
            Discovery.feeds(of: HTMLExtractor.extract(bytes: try RealWeb.data(file), contentType: "text/html; charset=utf-8", url: url))
        }
        #expect(try feeds("html-feed-links/creativecommons.org-about.html", "https://creativecommons.org/about/")
            == ["https://creativecommons.org/feed/", "https://creativecommons.org/comments/feed/"])
        #expect(try feeds("html-feed-links/gregoryszorc.com-blog-python3.html",
                          "https://gregoryszorc.com/blog/2020/01/13/mercurial%27s-journey-to-and-reflections-on-python-3/")
            == ["https://gregoryszorc.com/blog/feed", "https://gregoryszorc.com/blog/feed/atom"])
        #expect(try feeds("html-feed-links/blog.python.org-python-3.6.0.html", "http://blog.python.org/2016/12/python-360-is-now-available.html").prefix(2)
            == ["http://blog.python.org/feeds/posts/default", "http://blog.python.org/feeds/posts/default?alt=rss"])
    }

    @Test("sitemaps: the recorded ones, the same gzip-compressed, and a CDATA location (a fixture: none is recorded)")
    func sitemaps() throws {
        let articles = try RealWeb.data("sitemaps/sitemap-hebdenbridgetimes-articles-2017.xml")
        let plain = SitemapReader.locations(articles)
        // 74 articles; the 94 images beside them (image:loc) are not pages.
        #expect(plain.pages.count == 74)
        #expect(plain.pages.first?.url == "http://www.hebdenbridgetimes.co.uk/news/local/video-tour-de-yorkshire-in-calderdale-1-7242580")
        #expect(SitemapReader.locations(Data(Gzip.compress([UInt8](articles)))) == plain)
        #expect(SitemapReader.locations(try RealWeb.data("sitemaps/sitemap-shinpaideshou-wordpress-news-2017.xml")).pages.count == 3)
        // The sitemaps.org schema, values made up.
        let cdata = #"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc><![CDATA[https://acme.example/team?lang=en&page=2]]></loc></url>
              <url><loc>https://acme.example/about?a=1&amp;b=2</loc></url>
            </urlset>
            """#
        #expect(SitemapReader.locations(Data(cdata.utf8)).pages.map(\.url)
            == ["https://acme.example/team?lang=en&page=2", "https://acme.example/about?a=1&b=2"])
    }

    @Test("Google News items: the article's own URL from an id that carries it, the title without its publisher (a fixture: none is recorded faithfully)")
    func googleNews() {
        // An id of the format Google News used until 2024: base64url of a message whose field 4 is the URL.
        let article = "https://www.dispatch.example/story/business/2025/12/02/acme-robotics-opens-plant/1234567/"
        var message: [UInt8] = [0x08, 0x13, 0x22, UInt8(article.utf8.count)] + Array(article.utf8) + [0xD2, 0x01, 0x00]
        message = Array(message)
        let id = Data(message).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        #expect(NewsLinks.article("https://news.google.com/rss/articles/\(id)?oc=5") == article)
        // A later id carries no URL: the link stays.
        let opaque = "https://news.google.com/rss/articles/CBMiAU_yqLNhcmVhZHlfZW5jcnlwdGVk?oc=5"
        #expect(NewsLinks.article(opaque) == opaque)
        #expect(NewsLinks.title("Acme Robotics opens a plant in Ohio - The Columbus Dispatch", publication: "The Columbus Dispatch")
            == "Acme Robotics opens a plant in Ohio")
        #expect(NewsLinks.summary("Acme Robotics opens a plant in Ohio\u{A0}\u{A0}The Columbus Dispatch",
                                  title: "Acme Robotics opens a plant in Ohio", publication: "The Columbus Dispatch") == nil)
    }
}
