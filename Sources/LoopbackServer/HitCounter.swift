import Locking

/// A thread-safe tally for stateful handlers, e.g. "503 the first time, 200 after".
///
/// ```swift
/// let hits = HitCounter()
/// let server = try LoopbackServer { request in
///     hits.increment(request.path) == 1 ? .retryLater(retryAfter: "1") : .ok("fine")
/// }
/// ```
public final class HitCounter: Sendable {
    private let counts = Locked<[String: Int]>([:])

    public init() {}

    /// Counts one more hit on `key` and returns the new total (1 for the first hit).
    public func increment(_ key: String = "") -> Int {
        counts.withLock { counts in
            counts[key, default: 0] += 1
            return counts[key]!
        }
    }

    /// The hits on `key` so far.
    public func count(_ key: String = "") -> Int {
        counts.withLock { $0[key, default: 0] }
    }
}
