import Foundation

/// Everything that shapes how the fetcher behaves: limits, politeness, retries,
/// identity and URL rewriting. Built from the user's configuration by the caller.
public struct FetchPolicy: Sendable {
    /// Transfers in flight at once, over all hosts.
    public var maximumConcurrency = 32
    /// Transfers in flight at once to one host.
    public var perHostConcurrency = 4
    /// The least time between the starts of two requests to one host
    /// (raised by a robots.txt Crawl-delay, up to `maximumCrawlDelay`).
    public var perHostDelay: Duration = .milliseconds(250)
    public var maximumCrawlDelay: Duration = .seconds(30)
    public var connectTimeout: Duration = .seconds(10)
    public var totalTimeout: Duration = .seconds(60)
    /// The stall guard: fewer than `stallMinimumBytesPerSecond` for this long aborts.
    public var stallTimeout: Duration = .seconds(20)
    public var stallMinimumBytesPerSecond = 100
    /// Cap on a body, on the wire and after decoding.
    public var maximumBodyBytes = 10 * 1024 * 1024
    public var maximumRedirects = 5
    /// Extra attempts after a transient failure (connection failure, 5xx, 429).
    public var retries = 2
    /// The wait before the first retry; it doubles for each further one.
    public var retryBackoff: Duration = .milliseconds(500)
    /// The longest Retry-After honoured; a longer one ends the fetch as an HTTP status failure.
    public var maximumRetryAfter: Duration = .seconds(60)
    /// Whether robots.txt is consulted (it is, unless a user turns it off for their own mirror).
    public var obeyRobots = true
    /// Whether a request's own `minimumInterval` (its source's rate) spaces requests to its host.
    public var obeyRequestIntervals = true
    /// Whether private, loopback and link-local addresses may be reached without a rewrite.
    public var allowPrivateAddresses = false
    /// The full User-Agent header.
    public var userAgent: String
    /// The product token matched against robots.txt user-agent lines.
    public var robotsProductToken = "dossier"
    /// Maps a URL to the one actually requested (config `[[rewrite]]` rules), or nil to
    /// request it as it is. Rewritten targets may be private addresses.
    public var rewrite: @Sendable (String) -> String?
    /// Waits; injected so tests can record backoffs and delays without spending them.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// The wall-clock time, for Retry-After dates; injected so tests are exact.
    public var currentDate: @Sendable () -> Date = Date.init
    /// The clock the per-host spacing is measured on; injected, with `sleep`, so tests of the
    /// spacing do not depend on how long a request took.
    public var clock: @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    /// Where robots.txt files are kept between runs; nil to fetch them once per run.
    public var robotsMemory: (any RobotsMemory)?

    public init(
        userAgent: String,
        rewrite: @escaping @Sendable (String) -> String? = { _ in nil },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.userAgent = userAgent
        self.rewrite = rewrite
        self.sleep = sleep
    }

    var transferLimits: TransferLimits {
        TransferLimits(
            connectTimeoutMilliseconds: Self.milliseconds(connectTimeout),
            totalTimeoutMilliseconds: Self.milliseconds(totalTimeout),
            stallSeconds: max(1, Int(stallTimeout.components.seconds)),
            stallMinimumBytesPerSecond: stallMinimumBytesPerSecond,
            maximumBodyBytes: maximumBodyBytes
        )
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}

/// Keeps robots.txt files between runs, so that a run within a day of the one that fetched a
/// file reuses it (RFC 9309 lets crawlers cache robots.txt for up to 24 hours).
public protocol RobotsMemory: Sendable {
    /// The body of `origin`'s robots.txt when it was fetched within `maximumAge` before `now`.
    func recall(origin: String, maximumAge: TimeInterval, now: Date) -> Data?
    /// Keeps a robots.txt body fetched at `date`.
    func remember(origin: String, body: Data, at date: Date)
}
