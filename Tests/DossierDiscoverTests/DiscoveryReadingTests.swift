import DossierCore
@testable import DossierDiscover
import DossierExtract
import DossierFetch
import DossierTestSupport
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

    @Test("on the company's own site, the first aside in its own voice is kept: it says what the company does")
    func companyVoiceAside() {
        var state = DiscoveryState(subject: Subject(name: "Jane Doe", company: "Acme Robotics, Inc."))
        let asides = ["Share this post", "Our grippers and vision software help warehouses pick and pack twice as fast.",
                      "We are hiring in Lyon and Austin, come and join the team."]
        state.addDocument(text: "Jane Doe joins Acme Robotics as chief engineer.", url: "https://www.acme.test/blog/jane",
                          title: "Welcome Jane", siteName: "Acme Robotics", source: search, fetchedAt: epoch, asides: asides)
        state.addDocument(text: "Jane Doe spoke at the fair.", url: "https://fair.test/2026", title: "Fair", siteName: "Fair News",
                          source: search, fetchedAt: epoch, asides: asides)
        let texts = state.result().documents.map(\.text)
        #expect(texts == ["Jane Doe joins Acme Robotics as chief engineer.\nOur grippers and vision software help warehouses pick and pack twice as fast.",
                          "Jane Doe spoke at the fair."])
    }

    @Test("the first postal address of the company's own site is the company's; another site's, or a contact line, is not")
    func companyAddress() {
        var state = DiscoveryState(subject: Subject(name: "Jane Doe", company: "Acme Robotics, Inc."))
        state.addDocument(text: "Jane Doe spoke at the fair.", url: "https://fair.test/2026", title: "Fair", source: search,
                          fetchedAt: epoch, addresses: ["1 Fair Way, Austin, TX 78701"])
        state.addDocument(text: "Jane Doe joins Acme Robotics as chief engineer.", url: "https://www.acmerobotics.test/blog/jane",
                          title: "Welcome Jane", source: search, fetchedAt: epoch,
                          addresses: ["Press: Kim Roe, 030 65211-1780", "Am Markt 3, 10115 Berlin", "9 Other St, Lyon 69001"])
        state.addDocument(text: "Acme Robotics ships a new gripper.", url: "https://www.acmerobotics.test/blog/gripper",
                          title: "Gripper", source: search, fetchedAt: epoch, addresses: ["5 Dock Rd, Boston, MA 02110"])
        let facts = state.result().companyFacts.filter { $0.kind == .address }
        #expect(facts.map(\.value) == ["Am Markt 3, 10115 Berlin"])
        #expect(facts.map(\.sourceURL) == ["https://www.acmerobotics.test/blog/jane"])
    }

    @Test("on the company's own site, an aside telling how the site is paid for is kept; elsewhere it is not")
    func fundingAside() {
        var state = DiscoveryState(subject: Subject(name: "Jane Doe", company: "Acme Robotics, Inc."))
        let asides = ["In addition to supporting our site through advertisements, you can help by subscribing to Acme Plus.",
                      "Subscribe to our newsletter for weekly updates on robots.", "Advertisement"]
        state.addDocument(text: "Jane Doe joins Acme Robotics as chief engineer.", url: "https://www.acmerobotics.test/blog/jane",
                          title: "Welcome Jane", source: search, fetchedAt: epoch, asides: asides)
        state.addDocument(text: "Jane Doe spoke at the fair.", url: "https://fair.test/2026", title: "Fair", source: search,
                          fetchedAt: epoch, asides: asides)
        let texts = state.result().documents.map(\.text)
        #expect(texts == ["Jane Doe joins Acme Robotics as chief engineer.\nIn addition to supporting our site through advertisements, you can help by subscribing to Acme Plus.",
                          "Jane Doe spoke at the fair."])
    }

    @Test("a front page's lead stories are its links to article addresses on the same site, with headline text, in page order")
    func frontPageHeadlines() {
        let links = [
            PageLink(url: "https://www.news.test/reviews", text: "Articles & Reviews"),
            PageLink(url: "https://www.news.test/news/Budgie-10.10.2-Released", text: "Budgie 10.10.2 Brings Improved Wayland Integration"),
            PageLink(url: "https://other.test/2026/03/06/big-story", text: "A story on another site about something big"),
            PageLink(url: "https://www.news.test/platform/ticketing-for-teams", text: "Learn more about our ticketing platform"),
            PageLink(url: "https://news.test/2026/03/06/gtk/", text: "GTK 4.22 Released With Improved SVG Support"),
            PageLink(url: "https://www.news.test/news/Linux-7.0-rc3-Platform-Drivers", text: "New Hardware Support In Linux 7.0-rc3 Kernel"),
            PageLink(url: "https://www.news.test/news/Wine-11.4-Released", text: "Wine 11.4 Released With More Improvements"),
        ]
        #expect(FrontPageHeadlines.headlines(links: links, pageURL: "https://www.news.test/") == [
            "Budgie 10.10.2 Brings Improved Wayland Integration", "GTK 4.22 Released With Improved SVG Support",
            "New Hardware Support In Linux 7.0-rc3 Kernel",
        ])
        // Not a front page, or a front page of menus and one story: no lead stories.
        #expect(FrontPageHeadlines.headlines(links: links, pageURL: "https://www.news.test/news/").isEmpty)
        #expect(FrontPageHeadlines.headlines(links: Array(links.prefix(4)), pageURL: "https://www.news.test/").isEmpty)
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

    @Test("URLs are cut as the regular expression they replace cuts them: any case, word-initial www., to a space, < > or quote",
          arguments: [
              "see https://a.example/jane-doe, or www.jane-doe.example.", "HTTPS://A.EXAMPLE/X and WWW.B.EXAMPLE/y",
              "awww.example.com is no URL; _www.x neither; (www.x.example) is", "a <a href=\"http://x.example/p\">link</a>",
              "https://x.example/é/ü\u{00A0}after\u{2009}thin", "http:// alone, www. alone, https://", "Müllerwww.x.example",
              "tab\thttp://t.example\tend\nhttp://n.example\rz", "no url at all", "Website:\u{00A0}www.acme.example",
              "“www.acme.example” — www.b.example", "Www.Mixed.example and wWw.x.example", "ééwww.x.example",
          ])
    func urlsCutLikeTheRegex(text: String) {
        let regex = text.replacing(/(?i)(?:https?:\/\/|\bwww\.)[^\s<>"]+/, with: " ")
        #expect(DiscoveryState.withoutURLs(text) == regex)
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

    @Test("a page that interviews the person is told from one that mentions them: Q&A, lines their name introduces, a talk's title")
    func interviews() {
        let jane = NameMatcher("Jane Doe")
        func interviews(_ text: String, title: String?, url: String = "https://a.example/post") -> Bool {
            InterviewPage.interviews(jane, personName: "Jane Doe", text: text, title: title, url: url)
        }
        #expect(interviews("Q: Jane, why robots?\nA: I grew up on a farm.\nQ: And now?\nA: I build them.", title: "Meet Jane Doe"))
        #expect(!interviews("Q: Why robots?\nA: I grew up on a farm.\nQ: And now?\nA: I build them.", title: "Meet John Roe"))
        #expect(interviews("Host: Welcome.\nJane Doe: Thanks for having me.\nDoe: I started in 2010.", title: "Episode 12"))
        #expect(interviews("Notes from the day.", title: "Jane Doe on grasping robots (talk)"))
        #expect(interviews("Notes from the day.", title: "Jane Doe at RoboConf", url: "https://a.example/podcast/42"))
        #expect(!interviews("Jane Doe joined Acme in 2019.", title: "Acme hires Jane Doe"))
    }

    @Test("discovery flags a document that interviews the person")
    func interviewDocument() {
        var state = DiscoveryState(subject: Subject(name: "Jane Doe"))
        state.addDocument(text: "Q: Jane, why robots?\nA: I grew up on a farm.\nQ: And now?\nA: I build them.",
                          url: "https://acme.example/blog/meet-jane", title: "Meet Jane Doe", source: search, fetchedAt: epoch)
        state.addDocument(text: "Jane Doe joined Acme Robotics in 2019.", url: "https://news.example/1", title: "Acme hires",
                          source: search, fetchedAt: epoch)
        #expect(state.result().documents.map(\.interviewsPerson) == [true, false])
    }

    @Test("a company site is searched for the person: addresses and links that carry the name come first, whatever their words")
    func companySiteForThePerson() {
        var state = DiscoveryState(subject: Subject(name: "Jane Doe", domain: "acme.example"))
        #expect(state.carriesPersonName("https://acme.example/team/jane-doe"))
        #expect(state.carriesPersonName("https://acme.example/author/doe_jane/"))
        #expect(state.carriesPersonName("https://acme.example/people/janedoe"))
        #expect(!state.carriesPersonName("https://acme.example/team/jane-roe"))
        #expect(!state.carriesPersonName("https://acme.example/jdoe"), "a surname under five letters is not written with an initial")
        let sitemap = SourceDefinition(
            name: "41-company-sitemap", about: .company, kind: .sitemap, input: .text(""), reader: .robotsSitemaps, robots: .obey,
            trust: 0.7, minimumInterval: 0, isEnabled: true, requires: [], keyEnvironmentVariable: nil, headers: [], maxResults: 2,
            description: nil, subject: nil, follow: ["team"], claims: [], qualifiers: []
        )
        state.queueFollowed([
            DiscoveredPage(url: "https://acme.example/team"), DiscoveredPage(url: "https://acme.example/team/john-roe"),
            DiscoveredPage(url: "https://acme.example/blog/2024/robots-for-farms"),
            DiscoveredPage(url: "https://acme.example/blog/2024/grasping", title: "Jane Doe on grasping"),
        ], source: sitemap)
        let queued = state.takeFollowUps()
        #expect(queued.map(\.url) == ["https://acme.example/blog/2024/grasping", "https://acme.example/team"])
        #expect(queued.allSatisfy { $0.followsNamedLinks })
    }

    @Test("a team page's card for the person on the company's site is their position; the site naming them is evidence")
    func teamCards() {
        var state = DiscoveryState(subject: Subject(name: "Jane Doe", domain: "acme.example"))
        state.adoptPersonCard(name: "Jane Doe", role: "Chief Technology Officer", url: "https://www.acme.example/team")
        state.adoptPersonCard(name: "Jane Doe", role: "Chief Technology Officer", url: "https://www.acme.example/team")
        state.adoptPersonCard(name: "Jane Doe", role: "Drummer", url: "https://band.example/members")
        state.adoptPersonCard(name: "John Roe", role: "CEO", url: "https://www.acme.example/team")
        #expect(state.personFacts.map(\.value) == ["Chief Technology Officer"])
        state.addDocument(text: "Jane Doe\nChief Technology Officer\nJohn Roe\nCEO", url: "https://www.acme.example/team", title: "Team",
                          source: search, fetchedAt: epoch)
        let result = state.result()
        #expect(result.identity.evidence.contains("named on the company's own site: www.acme.example/team"))
        #expect(result.identity.confidence >= 0.7)
    }

    @Test("a company blog's Q&A with its new CEO, as saved, reads as an interview of him",
          .enabled(if: SharedWorkspace.isAvailable, SharedWorkspace.absentCorpus))
    func savedInterview() throws {
        let bytes = try SharedWorkspace.corpusBytes("web/www.expapp.com/blog/introducing-junior-gaspard-new-ceo-experience/index.html")
        let url = "https://www.expapp.com/blog/introducing-junior-gaspard-new-ceo-experience/"
        let page = HTMLExtractor.extract(bytes: bytes, contentType: "text/html; charset=utf-8", url: url)
        #expect(InterviewPage.interviews(NameMatcher("Junior Gaspard"), personName: "Junior Gaspard", text: page.mainText,
                                         title: page.metadata.title, url: url))
        #expect(!InterviewPage.interviews(NameMatcher("Steven Covey"), personName: "Steven Covey", text: page.mainText,
                                          title: page.metadata.title, url: url))
    }
}

