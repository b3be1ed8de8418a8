import Foundation

/// What went wrong with a fetch, in one category a build report can group by.
public enum FetchErrorCategory: String, Sendable, Codable, CaseIterable {
    case dns
    case connect
    case timeout
    case tls
    case tooManyRedirects = "too_many_redirects"
    case tooLarge = "too_large"
    case blockedByRobots = "blocked_by_robots"
    case blockedAddress = "blocked_address"
    case httpStatus = "http_status"
    case cancelled
    case other
}

/// A failed fetch: its category and a human-readable message with the context
/// (libcurl's own message where libcurl failed).
public struct FetchFailure: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var category: FetchErrorCategory
    public var message: String

    public init(_ category: FetchErrorCategory, _ message: String) {
        self.category = category
        self.message = message
    }

    public var description: String { "\(category.rawValue): \(message)" }

    /// What to do about a refused private address, in the user's configuration.
    static let allowPrivateAdvice = "private, loopback and link-local addresses are refused unless "
        + "allow_private = true in the [network] table of config.toml (or a [[rewrite]] sends the URL there)"

    /// A body over the cap, and the setting that raises it.
    static func tooLarge(limit: Int, _ what: String) -> FetchFailure {
        let megabytes = Double(limit) / 1_048_576
        let shown = megabytes == megabytes.rounded() ? String(Int(megabytes)) : String(format: "%.1f", megabytes)
        return FetchFailure(.tooLarge, "\(what) more than \(shown) MB; raise max_body_mb in the [network] table of config.toml to fetch it")
    }
}

/// The validators a server sent with a page, replayed as a conditional request next time.
public struct Validators: Sendable, Equatable, Codable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// True when there is nothing to make a request conditional with.
    public var isEmpty: Bool { etag == nil && lastModified == nil }
}

/// Where the time of a fetch went, in seconds. The phases are those of the last
/// attempt of the last hop; `total` covers the whole fetch, waits and retries included.
public struct FetchTimings: Sendable, Equatable, Codable {
    public var dns: Double = 0
    public var connect: Double = 0
    public var tls: Double = 0
    public var firstByte: Double = 0
    public var transfer: Double = 0
    public var total: Double = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case dns, connect, tls, transfer, total
        case firstByte = "first_byte"
    }
}

/// How a fetch ended.
public enum FetchOutcome: Sendable, Equatable {
    /// The server answered with a body (2xx).
    case fetched
    /// The server answered 304 to the conditional request: the stored copy is current.
    case notModified
    /// The fetch failed; nothing usable was received.
    case failed(FetchFailure)
}

/// Everything known about one fetched URL: the record a build report and the store keep.
public struct FetchResult: Sendable {
    /// The URL the caller asked for, before rewrites and redirects.
    public var originalURL: String
    /// The URL of the last hop, after redirects (never rewritten).
    public var finalURL: String
    public var outcome: FetchOutcome
    /// The HTTP status of the last response, or nil when none arrived.
    public var status: Int?
    /// The media type without parameters, lowercased (`text/html`).
    public var contentType: String?
    /// The charset parameter of Content-Type, lowercased, when the server sent one.
    public var charset: String?
    public var validators: Validators
    /// The decoded body (content-encoding removed); empty on failure and on 304.
    public var body: Data
    public var timings: FetchTimings
    /// Requests sent for the last hop (1 when no retry was needed).
    public var attempts: Int
    /// The URLs redirected through, in order, not counting `originalURL`.
    public var redirects: [String]
    /// The HTTP version of the last response ("1.1", "2").
    public var httpVersion: String?

    /// The failure, when the fetch failed.
    public var failure: FetchFailure? {
        if case .failed(let failure) = outcome { return failure }
        return nil
    }
}
