@testable import DossierFetch
import Foundation
import LoopbackServer
import Testing

@Suite("fetcher behaviour")
struct FetcherBehaviourTests {
    private static let pages: @Sendable (ReceivedRequest) -> ResponsePlan = { request in
        switch request.path {
        case "/robots.txt": .notFound
        // Longer than any test waits: only a cancellation or a shutdown ends it (a sanitizer run can
        // take tens of seconds to get from the request to the cancel).
        case "/slow": ResponsePlan.ok("late").delayingFirstByte(by: .seconds(600))
        case "/moved": .redirect(to: "/ok", status: 301)
        default: ResponsePlan.ok(healthyPage).gzipEncoded(ifAcceptedBy: request)
        }
    }

    @Test("sequential fetches to one host reuse one connection; rewritten requests each get their own")
    func connectionReuse() async throws {
        let fixture = try FetchFixture(Self.pages)
        var direct = fixture.policy
        direct.allowPrivateAddresses = true  // the server's own address, not rewritten
        let base = fixture.server.baseURL
        let results = await CurlMultiEngine.run { engine in
            let fetcher = Fetcher(engine: engine, policy: direct)
            var results: [FetchResult] = []
            for index in 0..<5 {
                results.append(await fetcher.fetch(FetchRequest(url: "\(base)/page/\(index)")))
            }
            return results
        }
        #expect(results.allSatisfy { $0.outcome == .fetched })
        #expect(fixture.server.connectionCount == 1)

        let rewritten = try FetchFixture(Self.pages)
        var policy = rewritten.policy
        policy.obeyRobots = false
        let viaRewrite = await CurlMultiEngine.run { engine in
            let fetcher = Fetcher(engine: engine, policy: policy)
            var results: [FetchResult] = []
            for index in 0..<3 {
                results.append(await fetcher.fetch(FetchRequest(url: "http://site.test/page/\(index)")))
            }
            return results
        }
        #expect(viaRewrite.allSatisfy { $0.outcome == .fetched })
        #expect(rewritten.server.connectionCount == 3)
    }

    @Test("gzip bodies are decoded and the User-Agent is the honest one")
    func decodingAndUserAgent() async throws {
        let fixture = try FetchFixture(Self.pages)
        let result = await fixture.fetch(FetchRequest(url: "http://site.test/article"))
        #expect(result.text == healthyPage)
        let request = try #require(fixture.requests(to: "/article").first)
        #expect(request.headers["Content-Encoding"] == nil)
        #expect(request.acceptsGzip)
        #expect(request.headers["User-Agent"] == "dossier/0.1.0 (+mailto:test@example.org)")
    }

    @Test("a rewritten page keeps its original URL; redirects are recorded with the final URL")
    func rewriteKeepsOriginalURL() async throws {
        let fixture = try FetchFixture(Self.pages)
        let result = await fixture.fetch(FetchRequest(url: "http://site.test/moved"))
        #expect(result.outcome == .fetched)
        #expect(result.originalURL == "http://site.test/moved")
        #expect(result.finalURL == "http://site.test/ok")
        #expect(result.redirects == ["http://site.test/ok"])
        #expect(result.status == 200)
    }

    @Test("cancelling the task stops a transfer promptly and records it as cancelled")
    func cancellation() async throws {
        var fixture = try FetchFixture(Self.pages)
        fixture.policy.totalTimeout = .seconds(900)
        fixture.policy.stallTimeout = .seconds(900)
        let policy = fixture.policy
        let task = Task {
            await CurlMultiEngine.run { engine in
                await Fetcher(engine: engine, policy: policy).fetchAll([
                    FetchRequest(url: "http://site.test/slow"), FetchRequest(url: "http://site.test/ok"),
                ])
            }
        }
        while fixture.requests(to: "/slow").isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        // Timed from the cancellation, not from the transfer's start: a busy (sanitizer) run
        // can queue the request for a long time before the server sees it. The page's first
        // byte is 600 s away and the timeouts longer, so only the cancellation ends the transfer;
        // the bound leaves room for ThreadSanitizer's slowness (21 s seen under load).
        let cancelled = ContinuousClock.now
        task.cancel()
        let results = await task.value
        let waited = ContinuousClock.now - cancelled
        #expect(results[0].failure?.category == .cancelled)
        #expect(waited < .seconds(120), "cancellation waited for the server: \(waited)")
    }

    @Test("cancellations racing with completions leave the engine serving")
    func cancellationRaces() async throws {
        let fixture = try FetchFixture(Self.pages)
        let policy = fixture.policy
        let after = await CurlMultiEngine.run { engine in
            let fetcher = Fetcher(engine: engine, policy: policy)
            let tasks = (0..<40).map { index in
                Task { await fetcher.fetch(FetchRequest(url: "http://site.test/race/\(index)")) }
            }
            for (index, task) in tasks.enumerated() {
                if index % 2 == 0 { await Task.yield() }
                task.cancel()
            }
            for task in tasks {
                let outcome = await task.value.outcome
                #expect(outcome == .fetched || outcome.isCancelled, "\(outcome)")
            }
            return await fetcher.fetch(FetchRequest(url: "http://site.test/after"))
        }
        #expect(after.outcome == .fetched)
    }

    @Test("a fetch in an already cancelled task sends nothing")
    func alreadyCancelled() async throws {
        let fixture = try FetchFixture(Self.pages)
        let policy = fixture.policy
        let result = await CurlMultiEngine.run { engine in
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return await Fetcher(engine: engine, policy: policy).fetch(FetchRequest(url: "http://site.test/never"))
            }
            return await task.value
        }
        #expect(result.failure?.category == .cancelled)
        #expect(fixture.server.requests.isEmpty)
    }

    @Test("a non-http URL is refused without a request")
    func schemeRefused() async throws {
        let fixture = try FetchFixture(Self.pages)
        let results = await fixture.fetch(["ftp://site.test/file", "javascript:alert(1)", "http://site.test/ok"])
        #expect(results[0].failure?.category == .blockedAddress)
        #expect(results[1].failure?.category == .blockedAddress)
        #expect(results[2].outcome == .fetched)
    }

    @Test("loopback is reachable without a rewrite only when private addresses are allowed")
    func allowPrivate() async throws {
        var fixture = try FetchFixture(Self.pages)
        let direct = fixture.server.baseURL + "/ok"
        #expect(await fixture.fetch([direct])[0].failure?.category == .blockedAddress)
        fixture.policy.allowPrivateAddresses = true
        #expect(await fixture.fetch([direct])[0].outcome == .fetched)
    }

    @Test("the per-host delay spaces requests to one host")
    func perHostDelay() async throws {
        var fixture = try FetchFixture(Self.pages)
        fixture.policy.perHostDelay = .seconds(2)
        let results = await fixture.fetch((0..<3).map { "http://site.test/p\($0)" })
        #expect(results.allSatisfy { $0.outcome == .fetched })
        // robots.txt is the first request to the host, at 0 on the recorder's virtual clock (which
        // only waits move, so how long a request really took does not matter); the three pages
        // start 2, 4 and 6 s later.
        #expect(fixture.sleeps.wakeTimes.sorted() == [.seconds(2), .seconds(4), .seconds(6)], "\(fixture.sleeps.waits)")
    }
}

extension FetchOutcome {
    var isCancelled: Bool {
        if case .failed(let failure) = self { return failure.category == .cancelled }
        return false
    }
}

@Suite("address policy")
struct AddressPolicyTests {
    @Test("private, loopback, link-local and special ranges are not public", arguments: [
        "127.0.0.1", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "169.254.169.254",
        "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1",
        "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "[::1]", "64:ff9b::a00:1",
        "fe80::1%eth0", "[fe80::1%25eth0]", "::ffff:7f00:1", "0:0:0:0:0:0:0:1",
    ])
    func nonPublic(_ address: String) {
        #expect(AddressPolicy.isNonPublicLiteral(address))
    }

    @Test("public addresses and names pass", arguments: [
        "93.184.216.34", "172.32.0.1", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "example.org", "localhost",
        "10.0.0", "1.2.3.4.5", ":::1", "[]",
    ])
    func publicOrName(_ address: String) {
        #expect(!AddressPolicy.isNonPublicLiteral(address))
    }
}

@Suite("Retry-After")
struct RetryAfterTests {
    @Test("seconds, HTTP dates in all three formats, and junk")
    func parsing() throws {
        let now = try #require(RetryAfter.httpDate("Sun, 06 Nov 1994 08:49:37 GMT"))
        #expect(RetryAfter.delay("120", now: now) == .seconds(120))
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:50:37 GMT", now: now) == .seconds(60))
        #expect(RetryAfter.delay("Sunday, 06-Nov-94 08:49:47 GMT", now: now) == .seconds(10))
        #expect(RetryAfter.delay("Sun Nov  6 08:49:42 1994", now: now) == .seconds(5))
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:00:00 GMT", now: now) == .zero)
        #expect(RetryAfter.delay("soon", now: now) == nil)
        #expect(RetryAfter.delay("-5", now: now) == nil)
    }
}
