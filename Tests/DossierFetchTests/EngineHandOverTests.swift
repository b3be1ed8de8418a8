@testable import DossierFetch
import Foundation
import LoopbackServer
import Synchronization
import Testing

/// The engine starts queued exchanges itself when a slot frees: these pin down that the
/// limits hold, and that cancellation and shutdown reach exchanges still waiting in the gate.
// A hang fails within five minutes; a ThreadSanitizer run on two busy cores took over one.
@Suite("engine hand-over", .timeLimit(.minutes(5)))
struct EngineHandOverTests {
    private static let pages: @Sendable (ReceivedRequest) -> ResponsePlan = { request in
        switch request.path {
        case "/robots.txt": .notFound
        // Longer than any test waits: only a cancellation or a shutdown ends it (a sanitizer run can
        // take tens of seconds to get from the request to the cancel).
        case "/slow": ResponsePlan.ok("late").delayingFirstByte(by: .seconds(600))
        default: .ok(healthyPage)
        }
    }

    @Test("a finished transfer hands its slot to the next waiting one, and the limit holds")
    func limitHolds() async throws {
        var fixture = try FetchFixture(Self.pages)
        fixture.policy.maximumConcurrency = 2
        fixture.policy.perHostConcurrency = 2
        // The server's own address, not rewritten: rewritten requests never share connections.
        fixture.policy.allowPrivateAddresses = true
        let base = fixture.server.baseURL
        let results = await fixture.fetch((0..<12).map { "\(base)/page/\($0)" })
        #expect(results.allSatisfy { $0.outcome == .fetched })
        #expect(fixture.requests(to: "/robots.txt").count == 1)
        // Never more than two exchanges at once, so libcurl never needs a third connection.
        #expect(fixture.server.connectionCount <= 2)
    }

    @Test("cancelling a fetch that waits for a slot withdraws it: no request, and the slot stays usable")
    func cancelWhileQueued() async throws {
        var fixture = try FetchFixture(Self.pages)
        fixture.policy.maximumConcurrency = 1
        fixture.policy.perHostConcurrency = 1
        fixture.policy.totalTimeout = .seconds(900)
        fixture.policy.stallTimeout = .seconds(900)
        let policy = fixture.policy
        let server = fixture.server
        let (slow, queued, after) = await CurlMultiEngine.run { engine in
            let fetcher = Fetcher(engine: engine, policy: policy)
            let slowTask = Task { await fetcher.fetch(FetchRequest(url: "http://site.test/slow")) }
            while !server.requests.contains(where: { $0.path == "/slow" }) { try? await Task.sleep(for: .milliseconds(10)) }
            let queuedTask = Task { await fetcher.fetch(FetchRequest(url: "http://site.test/queued")) }
            try? await Task.sleep(for: .milliseconds(50))
            queuedTask.cancel()
            let queued = await queuedTask.value
            slowTask.cancel()
            let slow = await slowTask.value
            return (slow, queued, await fetcher.fetch(FetchRequest(url: "http://site.test/after")))
        }
        #expect(queued.failure?.category == .cancelled)
        #expect(fixture.requests(to: "/queued").isEmpty)
        #expect(slow.failure?.category == .cancelled)
        #expect(after.outcome == .fetched, "the slots of both cancelled fetches came back")
    }

    @Test("shutting the engine down ends running and waiting exchanges as cancelled")
    func shutdownWithWaiters() async throws {
        var fixture = try FetchFixture(Self.pages)
        fixture.policy.maximumConcurrency = 1
        fixture.policy.perHostConcurrency = 1
        fixture.policy.totalTimeout = .seconds(900)
        fixture.policy.stallTimeout = .seconds(900)
        let policy = fixture.policy
        let server = fixture.server
        let (slow, waiting) = await CurlMultiEngine.run { engine in
            let fetcher = Fetcher(engine: engine, policy: policy)
            let slowTask = Task { await fetcher.fetch(FetchRequest(url: "http://site.test/slow")) }
            while !server.requests.contains(where: { $0.path == "/slow" }) { try? await Task.sleep(for: .milliseconds(10)) }
            let waitingTask = Task {
                await fetcher.fetchAll(["/waiting/1", "/waiting/2"].map { FetchRequest(url: "http://site.test\($0)") })
            }
            try? await Task.sleep(for: .milliseconds(50))
            await engine.shutdown()
            return (await slowTask.value, await waitingTask.value)
        }
        #expect(slow.failure?.category == .cancelled)
        #expect(waiting.allSatisfy { $0.failure?.category == .cancelled }, "\(waiting.map(\.outcome))")
        #expect(fixture.server.requests.allSatisfy { !$0.path.hasPrefix("/waiting") })
    }

    @Test("cancelling a fetch during its politeness wait gives its slot back")
    func cancelDuringPolitenessWait() async throws {
        let fixture = try FetchFixture(Self.pages)
        let base = fixture.server.baseURL
        let waiting = WaitSignal()
        var policy = FetchPolicy(
            userAgent: fixture.policy.userAgent,
            rewrite: { url in
                for origin in ["http://site.test/", "http://other.test/"] where url.hasPrefix(origin) {
                    return base + "/" + url.dropFirst(origin.count)
                }
                return nil
            },
            sleep: { duration in
                waiting.signal()
                try await Task.sleep(for: duration)
            }
        )
        policy.obeyRobots = false
        policy.maximumConcurrency = 1
        policy.perHostConcurrency = 1
        policy.perHostDelay = .seconds(3600)
        let (first, spaced, other) = await CurlMultiEngine.run { engine in
            let fetcher = Fetcher(engine: engine, policy: policy)
            let first = await fetcher.fetch(FetchRequest(url: "http://site.test/first"))
            // The second request to the host is admitted with an hour to wait, holding the only slot.
            let spacedTask = Task { await fetcher.fetch(FetchRequest(url: "http://site.test/spaced")) }
            while !waiting.signalled { try? await Task.sleep(for: .milliseconds(10)) }
            spacedTask.cancel()
            let spaced = await spacedTask.value
            return (first, spaced, await fetcher.fetch(FetchRequest(url: "http://other.test/page")))
        }
        #expect(first.outcome == .fetched)
        #expect(spaced.failure?.category == .cancelled)
        #expect(fixture.requests(to: "/spaced").isEmpty)
        #expect(other.outcome == .fetched, "the slot held through the wait came back")
    }
}

/// Set once from a `sleep` closure, polled by the test.
private final class WaitSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    var signalled: Bool { flag.load(ordering: .acquiring) }

    func signal() { flag.store(true, ordering: .releasing) }
}
