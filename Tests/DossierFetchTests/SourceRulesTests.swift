import DossierFetch
import Foundation
import LoopbackServer
import Testing

/// A source's own rules as the fetcher applies them: an API is not governed by robots.txt, a
/// source's headers go to its own origin only, and its rate spaces the requests to its host.
@Suite("source rules in the fetcher")
struct SourceRulesTests {
    /// Wikimedia's shape: robots.txt disallows the API paths for every crawler.
    static func site(_ request: ReceivedRequest) -> ResponsePlan {
        switch request.path {
        case "/robots.txt": .ok("User-agent: *\nDisallow: /w/\nDisallow: /api/\n", contentType: "text/plain")
        case "/elsewhere": .redirect(to: "http://other.test/api/landing")
        default: .ok("{\"ok\":true}", contentType: "application/json")
        }
    }

    @Test("an API request is made although robots.txt disallows its path; a page there is still refused")
    func apiIsNotCrawling() async throws {
        let fixture = try FetchFixture(Self.site)
        let api = await fixture.fetch(FetchRequest(url: "http://site.test/w/api.php?action=query", robots: .api))
        #expect(api.outcome == .fetched)
        let page = await fixture.fetch(FetchRequest(url: "http://site.test/w/index.php?title=X"))
        #expect(page.failure?.category == .blockedByRobots)
        #expect(fixture.requests(to: "/w/index.php").isEmpty)
    }

    @Test("an API request never asks for robots.txt")
    func apiAsksNoRobots() async throws {
        let fixture = try FetchFixture(Self.site)
        _ = await fixture.fetch(FetchRequest(url: "http://site.test/api/rest_v1/page/summary/X", robots: .api))
        #expect(fixture.requests(to: "/robots.txt").isEmpty)
        #expect(fixture.requests(to: "/api/rest_v1/page/summary/X").count == 1)
    }

    @Test("a source's headers are sent on its request, and not after a redirect to another origin")
    func headersStayOnTheirOrigin() async throws {
        var fixture = try FetchFixture(Self.site)
        let base = fixture.server.baseURL
        fixture.policy.rewrite = { url in
            for host in ["http://site.test/", "http://other.test/"] where url.hasPrefix(host) {
                return base + "/" + (host == "http://other.test/" ? "other/" : "") + url.dropFirst(host.count)
            }
            return nil
        }
        let headers = ["Accept: application/vnd.github+json", "X-Subscription-Token: secret-key"]
        let direct = await fixture.fetch(FetchRequest(url: "http://site.test/search?q=x", headers: headers, robots: .api))
        #expect(direct.outcome == .fetched)
        let sent = try #require(fixture.requests(to: "/search").first)
        #expect(sent.headers["Accept"] == "application/vnd.github+json")
        #expect(sent.headers["X-Subscription-Token"] == "secret-key")
        #expect(sent.headers["User-Agent"] == fixture.policy.userAgent)

        _ = await fixture.fetch(FetchRequest(url: "http://site.test/elsewhere", headers: headers, robots: .api))
        #expect(fixture.requests(to: "/elsewhere").first?.headers["X-Subscription-Token"] == "secret-key")
        let landed = try #require(fixture.requests(to: "/other/api/landing").first)
        #expect(landed.headers["X-Subscription-Token"] == nil)
        // On another origin the request is crawling again: that origin's robots.txt was asked first.
        #expect(fixture.requests(to: "/other/robots.txt").count == 1)
    }

    @Test("a source's minimum interval spaces the requests to its host, and no shorter one lowers it")
    func intervalSpacesRequests() async throws {
        let fixture = try FetchFixture(Self.site)
        let policy = fixture.policy
        let requests = (0..<3).map {
            FetchRequest(url: "http://site.test/api/q\($0)", robots: .api, minimumInterval: .milliseconds(2_000))
        } + [FetchRequest(url: "http://site.test/api/q3", robots: .api, minimumInterval: .milliseconds(100))]
        let results = await CurlMultiEngine.run { engine in
            await Fetcher(engine: engine, policy: policy).fetchAll(requests)
        }
        #expect(results.allSatisfy { $0.outcome == .fetched })
        // On the recorder's virtual clock the first request starts at 0 and each later one an
        // interval after the one before it.
        #expect(fixture.sleeps.wakeTimes.sorted() == [.seconds(2), .seconds(4), .seconds(6)], "\(fixture.sleeps.waits)")
    }

    @Test("with request intervals off in the policy, a source's rate is not applied")
    func intervalsOff() async throws {
        var fixture = try FetchFixture(Self.site)
        fixture.policy.obeyRequestIntervals = false
        let policy = fixture.policy
        let results = await CurlMultiEngine.run { engine in
            await Fetcher(engine: engine, policy: policy).fetchAll((0..<3).map {
                FetchRequest(url: "http://site.test/api/q\($0)", robots: .api, minimumInterval: .seconds(2))
            })
        }
        #expect(results.allSatisfy { $0.outcome == .fetched })
        #expect(fixture.sleeps.waits.allSatisfy { $0 == .zero }, "\(fixture.sleeps.waits)")
    }
}
