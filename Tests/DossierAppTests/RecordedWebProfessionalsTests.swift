@testable import DossierApp
import DossierCore
import DossierDiscover
import DossierMeetings
import DossierStore
import DossierTestSupport
import Foundation
import Testing

/// People who are not on Wikipedia, built through the shipped Sources.d with default settings and
/// the company domain an invitation gives: the calendar event is imported first, then the build
/// is asked for by name alone. The real services answer with their recordings
/// (`../shared/corpus/realweb`) and a company's page with its saved copy (`../shared/corpus/web`),
/// both used in place; what no recording holds is written here in the service's schema and says
/// so; everything else answers 404, as a service without the page would.
@Suite("ordinary professionals against the recorded real web",
       .enabled(if: RealWeb.isPresent && SharedWorkspace.isAvailable, RealWeb.absent))
struct RecordedWebProfessionalsTests {
    /// The saved page of a company blog's interview with its new CEO (the mini web's copy).
    static let gaspardPage = "https://www.expapp.com/blog/introducing-junior-gaspard-new-ceo-experience/"

    static func web() throws -> RecordedWeb {
        let page = try SharedWorkspace.corpusBytes("web/www.expapp.com/blog/introducing-junior-gaspard-new-ceo-experience/index.html")
        return try RecordedWeb(fixtures: [
            // OpenAlex: written for the test in the schema of the recorded search (one result, id
            // and name only, as a trimmed answer gives it): the author's record, which is recorded,
            // tells the rest.
            "https://api.openalex.org/authors?search=Alistair Van Moere": .json(
                #"{"meta":{"count":1,"db_response_time_ms":20,"page":1,"per_page":25,"groups_count":null},"results":[{"id":"https://openalex.org/A5048602857","orcid":"https://orcid.org/0000-0002-6631-5318","display_name":"Alistair Van Moere","display_name_alternatives":["Alistair Van Moere"],"relevance_score":100.0,"works_count":22}],"group_by":[]}"#),
            // GitHub's user search: written for the test in the schema of the recorded one; "lra"
            // is the recorded profile, the other account a made-up namesake whose profile follows.
            #"https://api.github.com/search/users?q="Laurent Raufaste" in:name type:user&per_page=5"#: .json(
                #"{"total_count":2,"incomplete_results":false,"items":[{"login":"lraufaste-bakery","id":900001,"url":"https://api.github.com/users/lraufaste-bakery","html_url":"https://github.com/lraufaste-bakery","type":"User","site_admin":false,"score":1.0},{"login":"lra","id":31690,"url":"https://api.github.com/users/lra","html_url":"https://github.com/lra","type":"User","site_admin":false,"score":1.0}]}"#),
            "https://api.github.com/users/lraufaste-bakery": .json(
                #"{"login":"lraufaste-bakery","id":900001,"html_url":"https://github.com/lraufaste-bakery","type":"User","name":"Laurent Raufaste","company":"Example Bakery","blog":"","location":"Lyon","email":null,"bio":"Bread."}"#),
            // The company's sitemap: written for the test (sitemaps.org schema); the pages it lists
            // other than the saved one answer 404.
            "https://expapp.com/sitemap.xml": RecordedWeb.Fixture(contentType: "application/xml", body: Array(#"""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>https://www.expapp.com/solutions/ticketing/</loc></url>
                <url><loc>https://www.expapp.com/blog/five-trends-in-live-events/</loc></url>
                <url><loc>https://www.expapp.com/blog/introducing-junior-gaspard-new-ceo-experience/</loc></url>
                </urlset>
                """#.utf8)),
            gaspardPage: RecordedWeb.Fixture(contentType: "text/html; charset=utf-8", body: page),
        ]) { asked in
            // OpenAlex's recorded search for "mearman" answers a search for any Mearman (the test's
            // choice: the service would rank the same authors for the full name).
            if asked.host == "api.openalex.org", asked.path == "/authors",
               asked.parameters["search"]?.lowercased().contains("mearman") == true {
                return (try? RealWeb.data("openalex/authors-search-mearman-2025.json"))
                    .map { RecordedWeb.Fixture(contentType: "application/json", body: [UInt8]($0)) }
            }
            return nil
        }
    }

    struct Built {
        let summary: BuildSummary
        let markdown: String
        let web: RecordedWeb
    }

    /// Imports an invitation to a meeting with `name` at `email` (the user writes from a free-mail
    /// address), then builds by name alone, with default settings.
    static func build(_ name: String, invitedAt email: String) async throws -> Built {
        let web = try web()
        defer { web.stop() }
        let homeFolder = try TemporaryFolder("professionals")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let sleeps = SleepRecorder()
        var pipeline = web.pipeline(home: home)
        pipeline.timing = ({ try await sleeps.sleep($0) }, sleeps.now)
        let invitation = """
        BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:\(Slug.make(name))@test\r\n\
        DTSTAMP:20261101T120000Z\r\nDTSTART:20261210T150000Z\r\nDURATION:PT30M\r\nSUMMARY:[info] Coffee with \(name)\r\n\
        ORGANIZER;CN=Sam Rivera:mailto:sam.rivera@gmail.com\r\nATTENDEE;CN=\(name):mailto:\(email)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
        """
        let store = try DossierStore(directory: pipeline.paths.dataDirectory)
        _ = try CalendarImporter(selection: InterviewSelection(tag: "[info]")).importCalendar(
            invitation, into: store, at: Date(timeIntervalSince1970: 1_796_000_000))
        try store.close()
        let summary = try await pipeline.run(BuildRequest(subject: Subject(name: name), outputRoot: home.appendingPathComponent("out"),
                                                          formats: [.md]))
        let markdown = try summary.files.first.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        return Built(summary: summary, markdown: markdown, web: web)
    }

    /// What every build must show: the contact in every User-Agent, no API blocked by robots.txt,
    /// no namesake cited, each page cited once.
    static func checkProtocol(_ built: Built) {
        for (url, request) in built.web.requests {
            #expect(request.headers["User-Agent"]?.contains("(tests@dossier.example)") == true, "\(url)")
        }
        #expect(!built.summary.outcomes.contains { $0.category == .blockedByRobots },
                "\(built.summary.outcomes.filter { $0.category == .blockedByRobots })")
        let namesakes = Set(built.summary.outcomes.filter { $0.category == .namesake }.compactMap(\.url))
        #expect(!built.summary.sources.contains { namesakes.contains($0.url) })
        let urls = built.summary.sources.map(\.url)
        #expect(Set(urls).count == urls.count)
        #expect(!built.summary.foundNothing)
    }

    @Test("a researcher in OpenAlex: the author the invitation's domain names is taken, with dated affiliations and topics")
    func researcherInOpenAlex() async throws {
        let built = try await Self.build("Joseph Mearman", invitedAt: "joseph.mearman@bangor.ac.uk")
        Self.checkProtocol(built)
        #expect(built.summary.identity.evidence.contains(
            "OpenAlex A5017898742: affiliated with Bangor University (2014–2021), which matches bangor.ac.uk"))
        #expect(built.web.requests.contains { $0.url.hasPrefix("api.openalex.org/authors?search=Joseph%20Mearman") })
        #expect(built.markdown.contains("Before: Bangor University (2014 – 2021)"), "\(built.markdown)")
        #expect(built.markdown.contains("Works on: Augmented Reality Applications"))
        #expect(built.markdown.contains("What drew you to Augmented Reality Applications"))
        #expect(built.markdown.contains("1. OpenAlex record <https://openalex.org/A5017898742>"), "\(built.markdown)")
        // The identity is sure and no namesake was set aside: the evidence is in the JSON, not in print.
        let unsure = built.summary.identity.confidence < 0.5 || built.summary.outcomes.contains { $0.category == .namesake }
        #expect(built.markdown.contains("Same person?") == unsure)
        #expect(built.summary.sources.contains { $0.url == "https://openalex.org/A5017898742" })
        // The domain came from the invitation: the company site was asked.
        #expect(built.web.requests.contains { $0.url == "bangor.ac.uk/robots.txt" })
    }

    @Test("a researcher at a company, through OpenAlex's record and the ORCID iD it gives")
    func researcherAtACompany() async throws {
        let built = try await Self.build("Alistair Van Moere", invitedAt: "avanmoere@metametricsinc.com")
        Self.checkProtocol(built)
        // The trimmed search said nothing of where he worked: the author's record was read.
        #expect(built.web.requests.contains { $0.url == "api.openalex.org/authors/A5048602857" })
        #expect(built.summary.identity.evidence.contains {
            $0.hasPrefix("OpenAlex A5048602857: affiliated with MetaMetrics (United States)") && $0.hasSuffix("metametricsinc.com")
        })
        #expect(built.markdown.contains("Works at: MetaMetrics (United States)") && built.markdown.contains("Pearson (United States) (2009 – 2013)"))
        #expect(built.markdown.contains("EFL/ESL Teaching and Learning"))
        // The ORCID iD on the OpenAlex record led to the ORCID record's parts, asked for as JSON;
        // they were not recorded, and the report says so.
        let orcid = try #require(built.web.requests.first { $0.url == "pub.orcid.org/v3.0/0000-0002-6631-5318/person" })
        #expect(orcid.request.headers["Accept"] == "application/json")
        #expect(built.summary.outcomes.contains {
            $0.sourceName == "27-orcid-employments" && $0.kind == .failed && $0.status == 404
        })
    }

    @Test("a developer on GitHub: the account whose company matches the invitation's domain, the namesake skipped with why")
    func developerOnGitHub() async throws {
        let built = try await Self.build("Laurent Raufaste", invitedAt: "laurent@percolate.com")
        Self.checkProtocol(built)
        #expect(built.summary.identity.evidence.contains("GitHub lra lists Percolate Industries, Inc. as the company"))
        #expect(built.summary.identity.github == "lra")
        let search = try #require(built.web.requests.first { $0.url.hasPrefix("api.github.com/search/users?") })
        #expect(search.request.headers["Accept"] == "application/vnd.github+json")
        let namesake = try #require(built.summary.outcomes.first { $0.category == .namesake })
        #expect(namesake.url == "https://github.com/lraufaste-bakery")
        #expect(namesake.message?.contains("Example Bakery") == true && namesake.message?.contains("percolate.com") == true)
        #expect(built.markdown.contains("Works at: Percolate Industries, Inc."), "\(built.markdown)")
        #expect(built.markdown.contains("New York, NY"))
        // The namesake is reported, never cited: only the skipped list names his company.
        let body = built.markdown.components(separatedBy: "### Skipped")[0]
        #expect(!body.contains("Example Bakery") && !body.contains("Lyon"))
        // His site, from the profile, was asked as the person's own.
        #expect(built.web.requests.contains { $0.url == "www.glop.org/" })
    }

    @Test("a CEO on the company's site: the sitemap's page that carries the name is read first, an interview in his words")
    func companySite() async throws {
        let built = try await Self.build("Junior Gaspard", invitedAt: "junior@expapp.com")
        Self.checkProtocol(built)
        #expect(built.summary.sources.contains { $0.url == Self.gaspardPage })
        #expect(built.summary.identity.evidence.contains {
            $0.hasPrefix("named on the company's own site: www.expapp.com/blog/introducing-junior-gaspard")
        })
        #expect(built.markdown.contains("President and CEO"))
        // The site-restricted search was asked of the configured search source.
        #expect(built.web.requests.contains { $0.url.hasPrefix("html.duckduckgo.com/html/?q=%22Junior%20Gaspard%22%20site%3Aexpapp.com") })
    }
}
