import DossierFetch
import Foundation
import LoopbackServer
import Testing

/// Each fault is fetched in a batch beside a healthy page, which must still arrive intact.
@Suite("fetcher faults")
struct FetcherFaultTests {
    /// Fetches the faulty path and `/ok` together; checks `/ok` and returns the fault's result.
    private func fetchBesideHealthy(_ fixture: FetchFixture, _ path: String) async -> FetchResult {
        let results = await fixture.fetch(["http://site.test\(path)", "http://site.test/ok"])
        #expect(results[1].outcome == .fetched, "the healthy page of the same batch failed: \(results[1].outcome)")
        #expect(results[1].text == healthyPage)
        return results[0]
    }

    private static func route(_ faulty: ResponsePlan) -> @Sendable (ReceivedRequest) -> ResponsePlan {
        { request in
            switch request.path {
            case "/ok": .ok(healthyPage)
            case "/robots.txt": .notFound
            default: faulty
            }
        }
    }

    @Test("a slow first byte beyond the total timeout is recorded as a timeout")
    func slowFirstByte() async throws {
        var fixture = try FetchFixture(Self.route(ResponsePlan.ok("late").delayingFirstByte(by: .seconds(5))))
        fixture.policy.totalTimeout = .milliseconds(700)
        fixture.policy.stallTimeout = .seconds(30)
        let result = await fetchBesideHealthy(fixture, "/slow")
        #expect(result.failure?.category == .timeout)
        #expect(result.body.isEmpty)
    }

    @Test("a body that stalls midway trips the stall guard")
    func stallMidBody() async throws {
        let plan = ResponsePlan.ok(.repeating(Array("x".utf8), count: 100_000))
            .interrupted(by: .stall(afterBodyBytes: 50, for: .seconds(10)))
        let fixture = try FetchFixture(Self.route(plan))
        let result = await fetchBesideHealthy(fixture, "/stall")
        #expect(result.failure?.category == .timeout)
        #expect(result.failure?.message.contains("slow") == true, "\(String(describing: result.failure))")
    }

    @Test("a huge body with a Content-Length is refused at the cap")
    func hugeDeclaredBody() async throws {
        var fixture = try FetchFixture(Self.route(.ok(.repeating(Array("abcdefgh".utf8), count: 50_000_000))))
        fixture.policy.maximumBodyBytes = 1_000_000
        let result = await fetchBesideHealthy(fixture, "/huge")
        #expect(result.failure?.category == .tooLarge)
        #expect(result.body.isEmpty)
    }

    @Test("a huge chunked body is cut off while receiving")
    func hugeChunkedBody() async throws {
        var fixture = try FetchFixture(Self.route(ResponsePlan.ok(.repeating(Array("abcdefgh".utf8), count: 50_000_000)).framed(.chunked)))
        fixture.policy.maximumBodyBytes = 1_000_000
        let result = await fetchBesideHealthy(fixture, "/huge")
        #expect(result.failure?.category == .tooLarge)
    }

    @Test("a gzip bomb is cut off at the decoded cap, not buffered")
    func gzipBomb() async throws {
        var fixture = try FetchFixture(Self.route(.gzipBomb(decompressedSize: 1 << 30)))
        fixture.policy.maximumBodyBytes = 2_000_000
        let result = await fetchBesideHealthy(fixture, "/bomb")
        #expect(result.failure?.category == .tooLarge)
        #expect(result.failure?.message.contains("once decoded") == true, "\(String(describing: result.failure))")
    }

    @Test("a redirect loop stops after the redirect limit")
    func redirectLoop() async throws {
        let fixture = try FetchFixture(Self.route(.redirect(to: "/loop")))
        let result = await fetchBesideHealthy(fixture, "/loop")
        #expect(result.failure?.category == .tooManyRedirects)
        #expect(result.redirects.count == 5)
    }

    @Test("a redirect to file:// is refused")
    func redirectToFile() async throws {
        let fixture = try FetchFixture(Self.route(.redirect(to: "file:///etc/passwd")))
        let result = await fetchBesideHealthy(fixture, "/to-file")
        #expect(result.failure?.category == .blockedAddress)
        #expect(result.finalURL == "file:///etc/passwd")
    }

    @Test("a redirect to a private address literal is refused before connecting")
    func redirectToPrivateLiteral() async throws {
        let fixture = try FetchFixture(Self.route(.redirect(to: "http://10.1.2.3/admin")))
        let result = await fetchBesideHealthy(fixture, "/to-private")
        #expect(result.failure?.category == .blockedAddress)
        #expect(result.failure?.message.contains("10.1.2.3") == true)
    }

    @Test("a redirect to a name that resolves to loopback is refused at connect time")
    func redirectToLoopbackName() async throws {
        let port = try FetchFixture(Self.route(.ok("x"))).server.port
        let fixture = try FetchFixture(Self.route(.redirect(to: "http://localhost:\(port)/ok")))
        let result = await fetchBesideHealthy(fixture, "/to-localhost")
        #expect(result.failure?.category == .blockedAddress)
        #expect(result.failure?.message.contains("non-public address") == true, "\(String(describing: result.failure))")
    }

    @Test("a 429 with Retry-After in seconds is retried after that wait")
    func tooManyRequestsRetryAfter() async throws {
        let calls = CallCounter()
        let fixture = try FetchFixture { request in
            switch request.path {
            case "/ok": .ok(healthyPage)
            case "/robots.txt": .notFound
            default: calls.next(request.path) == 1 ? .retryLater(status: 429, retryAfter: "7") : .ok("second time")
            }
        }
        let result = await fetchBesideHealthy(fixture, "/busy")
        #expect(result.outcome == .fetched)
        #expect(result.attempts == 2)
        #expect(result.text == "second time")
        #expect(fixture.sleeps.waits.contains(.seconds(7)))
    }

    @Test("a Retry-After given as an HTTP date is honoured")
    func retryAfterDate() async throws {
        let calls = CallCounter()
        var fixture = try FetchFixture { request in
            switch request.path {
            case "/ok": .ok(healthyPage)
            case "/robots.txt": .notFound
            default: calls.next(request.path) == 1 ? .retryLater(status: 503, retryAfter: "Tue, 01 Sep 2026 10:00:30 GMT") : .ok("back")
            }
        }
        fixture.policy.currentDate = { Date(timeIntervalSince1970: 1_788_256_800) }  // Tue, 01 Sep 2026 10:00:00 GMT
        let result = await fetchBesideHealthy(fixture, "/dated")
        #expect(result.outcome == .fetched)
        #expect(fixture.sleeps.waits == [.seconds(30)])
    }

    @Test("a Retry-After beyond the bound is not waited for")
    func retryAfterBeyondBound() async throws {
        let fixture = try FetchFixture(Self.route(.retryLater(status: 429, retryAfter: "3600")))
        let result = await fetchBesideHealthy(fixture, "/later")
        #expect(result.failure?.category == .httpStatus)
        #expect(result.status == 429)
        #expect(result.attempts == 1)
        #expect(fixture.sleeps.waits.isEmpty)
    }

    @Test("a 503 then a success is retried with backoff and succeeds")
    func serviceUnavailableThenSuccess() async throws {
        let calls = CallCounter()
        let fixture = try FetchFixture { request in
            switch request.path {
            case "/ok": .ok(healthyPage)
            case "/robots.txt": .notFound
            default: calls.next(request.path) == 1 ? ResponsePlan(status: 503, body: .text("down")) : .ok("up again")
            }
        }
        let result = await fetchBesideHealthy(fixture, "/flaky")
        #expect(result.outcome == .fetched)
        #expect(result.attempts == 2)
        #expect(fixture.sleeps.waits == [.milliseconds(10)])
    }

    @Test("a persistent 500 is retried a bounded number of times with growing backoff")
    func persistentServerError() async throws {
        let fixture = try FetchFixture(Self.route(ResponsePlan(status: 500, body: .text("broken"))))
        let result = await fetchBesideHealthy(fixture, "/broken")
        #expect(result.failure?.category == .httpStatus)
        #expect(result.attempts == 3)
        #expect(fixture.sleeps.waits == [.milliseconds(10), .milliseconds(20)])
        #expect(fixture.requests(to: "/broken").count == 3)
    }

    @Test("a 404 is not retried")
    func notFoundIsFinal() async throws {
        let fixture = try FetchFixture(Self.route(.notFound))
        let result = await fetchBesideHealthy(fixture, "/missing")
        #expect(result.failure?.category == .httpStatus)
        #expect(result.status == 404)
        #expect(result.attempts == 1)
    }

    @Test("a connection reset mid-body is retried, and recorded when it persists")
    func connectionReset() async throws {
        let calls = CallCounter()
        let fixture = try FetchFixture { request in
            let reset = ResponsePlan.ok(.repeating(Array("y".utf8), count: 200_000)).interrupted(by: .reset(afterBodyBytes: 5_000))
            switch request.path {
            case "/ok": return .ok(healthyPage)
            case "/robots.txt": return .notFound
            case "/once": return calls.next(request.path) == 1 ? reset : .ok("recovered")
            default: return reset
            }
        }
        let results = await fixture.fetch(["http://site.test/once", "http://site.test/always", "http://site.test/ok"])
        #expect(results[0].outcome == .fetched)
        #expect(results[0].text == "recovered")
        #expect(results[0].attempts == 2)
        #expect(results[1].failure?.category == .connect)
        #expect(results[1].attempts == 3)
        #expect(results[2].text == healthyPage)
    }

    @Test("a Content-Length larger than the body sent is a connection failure, not a short page")
    func wrongContentLength() async throws {
        let plan = ResponsePlan.ok("short body").withHeader("Content-Length", "5000")
        let fixture = try FetchFixture(Self.route(plan))
        let result = await fetchBesideHealthy(fixture, "/short")
        #expect(result.failure?.category == .connect)
        #expect(result.body.isEmpty)
    }

    @Test("stored validators make the request conditional and a 304 is reported as not modified")
    func notModified() async throws {
        let fixture = try FetchFixture { request in
            switch request.path {
            case "/robots.txt": return .notFound
            case "/ok": return .ok(healthyPage)
            default:
                if request.headers["If-None-Match"] == "\"v1\"" { return ResponsePlan(status: 304) }
                return ResponsePlan.ok("versioned").withHeader("ETag", "\"v1\"").withHeader("Last-Modified", "Tue, 01 Sep 2026 10:00:00 GMT")
            }
        }
        let first = await fixture.fetch(FetchRequest(url: "http://site.test/page"))
        #expect(first.validators == Validators(etag: "\"v1\"", lastModified: "Tue, 01 Sep 2026 10:00:00 GMT"))
        let second = await fixture.fetch(FetchRequest(url: "http://site.test/page", validators: first.validators))
        #expect(second.outcome == .notModified)
        #expect(second.status == 304)
        let conditional = try #require(fixture.requests(to: "/page").last)
        #expect(conditional.headers["If-Modified-Since"] == "Tue, 01 Sep 2026 10:00:00 GMT")
    }

    @Test("robots.txt disallow blocks the page; robots.txt is fetched once per host per run")
    func robotsDisallow() async throws {
        let fixture = try FetchFixture { request in
            switch request.path {
            case "/robots.txt": .ok("User-agent: *\nDisallow: /private\n", contentType: "text/plain")
            default: .ok(healthyPage)
            }
        }
        let results = await fixture.fetch(["http://site.test/private/a", "http://site.test/ok", "http://site.test/public", "http://site.test/private/b"])
        #expect(results[0].failure?.category == .blockedByRobots)
        #expect(results[3].failure?.category == .blockedByRobots)
        #expect(results[1].outcome == .fetched && results[2].outcome == .fetched)
        #expect(fixture.requests(to: "/robots.txt").count == 1)
        #expect(fixture.requests(to: "/private/a").isEmpty)
    }

    @Test("a Crawl-delay in robots.txt spaces the requests to that host")
    func crawlDelay() async throws {
        let fixture = try FetchFixture { request in
            request.path == "/robots.txt" ? .ok("User-agent: dossier\nCrawl-delay: 3\n", contentType: "text/plain") : .ok(healthyPage)
        }
        let results = await fixture.fetch(["http://site.test/a", "http://site.test/b", "http://site.test/c"])
        #expect(results.allSatisfy { $0.outcome == .fetched })
        // On the recorder's virtual clock: robots.txt and the first page at 0, then 3 s apart.
        #expect(fixture.sleeps.wakeTimes.sorted() == [.seconds(3), .seconds(6)], "\(fixture.sleeps.waits)")
    }

    @Test("an absurd Crawl-delay is capped, not a crash")
    func hugeCrawlDelay() async throws {
        let fixture = try FetchFixture { request in
            request.path == "/robots.txt" ? .ok("User-agent: *\nCrawl-delay: 1e300\n", contentType: "text/plain") : .ok(healthyPage)
        }
        let results = await fixture.fetch(["http://site.test/a", "http://site.test/b"])
        #expect(results.allSatisfy { $0.outcome == .fetched })
        #expect(fixture.sleeps.waits.allSatisfy { $0 <= .seconds(30) }, "\(fixture.sleeps.waits)")
    }

    @Test("the charset in Content-Type is recorded")
    func charsetInContentType() async throws {
        let fixture = try FetchFixture(Self.route(.ok("caf\u{e9}", contentType: "Text/HTML; Charset=\"ISO-8859-1\"")))
        let result = await fetchBesideHealthy(fixture, "/latin1")
        #expect(result.contentType == "text/html")
        #expect(result.charset == "iso-8859-1")
    }
}
