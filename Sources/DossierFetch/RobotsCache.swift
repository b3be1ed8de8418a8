import Foundation

/// The robots.txt rules of each origin, fetched at most once per run.
///
/// Per RFC 9309: a 4xx answer means no rules; a 5xx answer means everything is
/// disallowed; an origin that cannot be reached fails the pages of that origin with
/// the same network failure, so a report shows the real cause.
actor RobotsCache {
    enum Verdict: Sendable {
        case rules(RobotsRules)
        case unreachable(FetchFailure)
    }

    private var entries: [String: Task<Verdict, Never>] = [:]

    /// The rules for `origin` ("https://host:port"), fetching them with `load` the first time.
    func verdict(for origin: String, load: @escaping @Sendable () async -> Verdict) async -> Verdict {
        if let task = entries[origin] { return await task.value }
        let task = Task { await load() }
        entries[origin] = task
        return await task.value
    }
}
