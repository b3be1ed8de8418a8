import DossierFetch
import DossierTestSupport
import Foundation
import Locking
import LoopbackServer

/// A loopback server reached as `http://site.test/...` through a rewrite rule, the way
/// the config's `[[rewrite]]` tables send real URLs to a local mirror.
struct FetchFixture {
    let server: LoopbackServer
    let sleeps = SleepRecorder()
    var policy: FetchPolicy

    init(_ handler: @escaping @Sendable (ReceivedRequest) -> ResponsePlan) throws {
        server = try LoopbackServer(handler: handler)
        let base = server.baseURL
        let sleeps = self.sleeps
        policy = FetchPolicy(
            userAgent: "dossier/0.1.0 (+mailto:test@example.org)",
            rewrite: { url in url.hasPrefix("http://site.test/") ? base + "/" + url.dropFirst("http://site.test/".count) : nil },
            sleep: { try await sleeps.sleep($0) }
        )
        policy.clock = sleeps.now
        policy.perHostDelay = .zero
        policy.retryBackoff = .milliseconds(10)
        policy.totalTimeout = .seconds(10)
        policy.stallTimeout = .seconds(1)
    }

    /// Fetches `urls` in one batch with a fresh engine.
    func fetch(_ urls: [String]) async -> [FetchResult] {
        let policy = self.policy
        return await CurlMultiEngine.run { engine in
            await Fetcher(engine: engine, policy: policy).fetchAll(urls.map { FetchRequest(url: $0) })
        }
    }

    func fetch(_ request: FetchRequest) async -> FetchResult {
        let policy = self.policy
        return await CurlMultiEngine.run { engine in
            await Fetcher(engine: engine, policy: policy).fetch(request)
        }
    }

    func requests(to path: String) -> [ReceivedRequest] {
        server.requests.filter { $0.path == path }
    }
}

/// A counter shared between a handler's calls, for "fails the first time" scenarios.
final class CallCounter: Sendable {
    private let count = Locked<[String: Int]>([:])

    /// Counts a call for `key` and returns how many there have been, this one included.
    func next(_ key: String) -> Int {
        count.withLock { counts in
            counts[key, default: 0] += 1
            return counts[key]!
        }
    }
}

let healthyPage = "<html><head><title>ok</title></head><body><p>healthy page</p></body></html>"

extension FetchResult {
    var text: String { String(decoding: body, as: UTF8.self) }
}
