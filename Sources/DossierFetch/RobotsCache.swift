import Foundation
import Locking

/// The robots.txt rules of each origin, fetched at most once per run.
///
/// Per RFC 9309: a 4xx answer means no rules; a 5xx answer means everything is
/// disallowed; an origin that cannot be reached fails the pages of that origin with
/// the same network failure, so a report shows the real cause. Once known, a verdict
/// is read under a lock without suspending.
final class RobotsCache: Sendable {
    enum Verdict: Sendable {
        case rules(RobotsRules)
        case unreachable(FetchFailure)
        /// robots.txt answered with a server error (its status): nothing may be fetched yet.
        case serverError(status: Int)
    }

    private enum Entry {
        case known(Verdict)
        case loading(Task<Verdict, Never>)
    }

    private let entries = Locked<[String: Entry]>([:])

    /// The rules for `origin` ("https://host:port"), fetching them with `load` the first time.
    func verdict(for origin: String, load: @escaping @Sendable () async -> Verdict) async -> Verdict {
        let entry = entries.withLock { entries -> Entry in
            if let entry = entries[origin] { return entry }
            let task = Task { await load() }
            entries[origin] = .loading(task)
            return .loading(task)
        }
        switch entry {
        case .known(let verdict):
            return verdict
        case .loading(let task):
            let verdict = await task.value
            entries.withLock { $0[origin] = .known(verdict) }
            return verdict
        }
    }
}
