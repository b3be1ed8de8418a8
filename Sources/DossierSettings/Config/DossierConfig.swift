import DossierCore
import Foundation

/// The user's settings from `config.toml`, as plain values.
///
/// Every field has a default, so an absent file or an absent table gives a working configuration.
/// Values are validated by ``ConfigLoader`` (no negative timeouts, no control characters in the
/// contact); a value built in code is taken as given.
public struct DossierConfig: Sendable, Equatable {
    /// `[network]`: politeness, limits and safety of the fetcher.
    public var network: NetworkSettings
    /// `[[rewrite]]`: URL rewrite rules, in file order.
    public var rewrites: [RewriteRule]
    /// `[search]`: search back-ends.
    public var search: SearchSettings
    /// `[me]`: who the user is and what they want from their meetings.
    public var me: UserProfile
    /// `[calendar]`: which calendar events are informational interviews.
    public var calendar: CalendarSettings
    /// `[print] paper`: the paper dossiers are laid out for; nil for the locale's.
    public var paper: PaperSize?

    public init(
        network: NetworkSettings = NetworkSettings(),
        rewrites: [RewriteRule] = [],
        search: SearchSettings = SearchSettings(),
        me: UserProfile = UserProfile(),
        calendar: CalendarSettings = CalendarSettings(),
        paper: PaperSize? = nil
    ) {
        self.network = network
        self.rewrites = rewrites
        self.search = search
        self.me = me
        self.calendar = calendar
        self.paper = paper
    }

    /// The paper to lay dossiers out for: `[print] paper`, else the locale's (`LC_ALL`, `LC_PAPER`, `LANG`).
    public func paper(environment: [String: String]) -> PaperSize {
        paper ?? PaperSize.fromLocale(environment)
    }
}

/// The `[network]` table. Durations are in seconds, sizes in bytes.
public struct NetworkSettings: Sendable, Equatable {
    /// `allow_private`: fetch addresses in private, loopback and link-local ranges.
    public var allowPrivateAddresses: Bool
    /// `contact`: an e-mail address or URL appended to the User-Agent.
    public var contact: String?
    /// `max_concurrency`: transfers in flight at once, over all hosts (at least 1).
    public var maxConcurrency: Int
    /// `per_host_concurrency`: transfers in flight at once to one host (at least 1).
    public var perHostConcurrency: Int
    /// `per_host_delay_ms`: the pause between two requests to one host, here in seconds.
    public var perHostDelay: TimeInterval
    /// `connect_timeout_s`: time allowed to connect, TLS included.
    public var connectTimeout: TimeInterval
    /// `timeout_s`: time allowed for a whole transfer.
    public var timeout: TimeInterval
    /// `stall_timeout_s`: a transfer slower than ``stallMinimumBytesPerSecond`` for this long is abandoned.
    public var stallTimeout: TimeInterval
    /// `stall_min_bytes_per_s`: the speed below which a transfer counts as stalled.
    public var stallMinimumBytesPerSecond: Int
    /// `max_body_mb`: the largest body accepted (after decompression), in bytes here; the file
    /// gives mebibytes and may use a fraction.
    public var maxBodyBytes: Int
    /// `max_redirects`: redirects followed before giving up.
    public var maxRedirects: Int
    /// `retries`: extra attempts after a retryable failure.
    public var retries: Int
    /// `max_retry_after_s`: the longest Retry-After honoured; a longer one fails the request.
    public var maxRetryAfter: TimeInterval
    /// `robots`: honour robots.txt.
    public var respectsRobots: Bool
    /// `source_rates`: space the requests of each source as its `rate` or `min_interval_ms` asks
    /// (off only for one's own mirror or a benchmark, as `robots`).
    public var respectsSourceRates: Bool

    public init(
        allowPrivateAddresses: Bool = false,
        contact: String? = nil,
        maxConcurrency: Int = 32,
        perHostConcurrency: Int = 4,
        perHostDelay: TimeInterval = 0.25,
        connectTimeout: TimeInterval = 10,
        timeout: TimeInterval = 60,
        stallTimeout: TimeInterval = 20,
        stallMinimumBytesPerSecond: Int = 100,
        maxBodyBytes: Int = 10 * 1024 * 1024,
        maxRedirects: Int = 5,
        retries: Int = 2,
        maxRetryAfter: TimeInterval = 60,
        respectsRobots: Bool = true,
        respectsSourceRates: Bool = true
    ) {
        self.allowPrivateAddresses = allowPrivateAddresses
        self.contact = contact
        self.maxConcurrency = maxConcurrency
        self.perHostConcurrency = perHostConcurrency
        self.perHostDelay = perHostDelay
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.stallTimeout = stallTimeout
        self.stallMinimumBytesPerSecond = stallMinimumBytesPerSecond
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
        self.retries = retries
        self.maxRetryAfter = maxRetryAfter
        self.respectsRobots = respectsRobots
        self.respectsSourceRates = respectsSourceRates
    }
}

/// One `[[rewrite]]` table: a URL starting with ``from`` is requested with that prefix replaced by ``to``,
/// like git's `url.<to>.insteadOf = <from>`. See ``URLRewriter``.
public struct RewriteRule: Sendable, Hashable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// The `[search]` table.
public struct SearchSettings: Sendable, Equatable {
    /// `searxng`: base URL of a SearXNG instance with its JSON API enabled.
    public var searxngURL: String?

    public init(searxngURL: String? = nil) {
        self.searxngURL = searxngURL
    }
}

/// The `[calendar]` table: an event is an informational interview when its title holds `tag`
/// (default `[info]`) or one of `attendees` is invited.
public struct CalendarSettings: Sendable, Equatable {
    public var tag: String?
    public var attendees: [String]

    public init(tag: String? = "[info]", attendees: [String] = []) {
        self.tag = tag
        self.attendees = attendees
    }
}
