import Foundation
import Logging
import Synchronization
import Locking

/// One URL to fetch, with the validators of a stored copy to make the request conditional, and the
/// rules of the source that asks for it.
public struct FetchRequest: Sendable {
    /// Whether robots.txt governs a request.
    public enum RobotsUse: Sendable, Equatable {
        /// A page, crawled: robots.txt is consulted (unless the policy turns robots off).
        case obey
        /// An API endpoint that a source calls by design: robots.txt governs crawlers, not API
        /// clients, so it is not consulted; the API's own rules (User-Agent, headers, rate) are
        /// followed instead. A redirect to another origin is a page again and obeys robots.txt.
        case api
    }

    public var url: String
    public var validators: Validators
    /// Extra headers (`Name: value`), sent only to the origin of `url`: a redirect elsewhere
    /// never carries a source's key.
    public var headers: [String]
    public var robots: RobotsUse
    /// The least time between the starts of two requests to this URL's host; it raises the
    /// policy's per-host delay for that host from now on (never lowers it).
    public var minimumInterval: Duration?

    public init(
        url: String, validators: Validators = Validators(), headers: [String] = [], robots: RobotsUse = .obey,
        minimumInterval: Duration? = nil
    ) {
        self.url = url
        self.validators = validators
        self.headers = headers
        self.robots = robots
        self.minimumInterval = minimumInterval
    }
}

/// Fetches public web pages politely and safely: http(s) only, also after redirects;
/// robots.txt; per-host concurrency and spacing; bounded retries that honour Retry-After;
/// conditional requests; URL rewrites; private addresses refused unless allowed.
///
/// Every fetch ends in a `FetchResult`, never an error: a failure is data for the report.
public struct Fetcher: Sendable {
    private let engine: CurlMultiEngine
    private let policy: FetchPolicy
    private let gate: TransferGate
    private let robots = RobotsCache()
    private let logger: Logger

    public init(engine: CurlMultiEngine, policy: FetchPolicy, logger: Logger = Logger(label: "dossier.fetch")) {
        self.engine = engine
        self.policy = policy
        self.gate = TransferGate(
            totalLimit: policy.maximumConcurrency,
            perHostLimit: policy.perHostConcurrency,
            delay: policy.perHostDelay,
            now: policy.clock
        )
        self.logger = logger
    }

    /// Fetches `requests` with a fresh engine that is shut down afterwards: for commands
    /// that fetch one batch and are done.
    public static func fetchAll(
        _ requests: [FetchRequest], policy: FetchPolicy, logger: Logger = Logger(label: "dossier.fetch")
    ) async -> [FetchResult] {
        await CurlMultiEngine.run(maximumConnections: policy.maximumConcurrency) { engine in
            await Fetcher(engine: engine, policy: policy, logger: logger).fetchAll(requests)
        }
    }

    /// Fetches many URLs at once within the policy's limits. Results come back in the
    /// order of `requests`.
    public func fetchAll(_ requests: [FetchRequest]) async -> [FetchResult] {
        let results = ResultSlots(count: requests.count)
        await fetchEach(requests) { index, result in results.store(result, at: index) }
        return results.all
    }

    /// Fetches many URLs at once within the policy's limits and hands each result to
    /// `handle` as it finishes, without keeping it: memory stays bounded by what is in flight.
    public func fetchEach(
        _ requests: [FetchRequest],
        handle: @escaping @Sendable (_ index: Int, _ result: FetchResult) async -> Void
    ) async {
        // A bounded set of workers, each fetching the next request in turn: enough to keep every
        // slot busy across hosts with more requests queued in the gate behind them, few enough
        // that a long list costs no memory for the requests still waiting. Workers rather than
        // a task per request: a finished page costs no task creation and no hop to a parent.
        let workers = min(requests.count, policy.maximumConcurrency * 4)
        let cursor = RequestCursor()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    while let index = cursor.next(below: requests.count) {
                        await handle(index, await fetch(requests[index]))
                    }
                }
            }
        }
    }

    /// Fetches one URL, following up to the policy's number of redirects.
    public func fetch(_ request: FetchRequest) async -> FetchResult {
        let started = ContinuousClock.now
        var result = FetchResult(
            originalURL: request.url, finalURL: request.url, outcome: .fetched, status: nil,
            contentType: nil, charset: nil, validators: Validators(), body: Data(),
            timings: FetchTimings(), attempts: 0, redirects: [], httpVersion: nil
        )
        defer { logger.debug("fetched", metadata: ["url": "\(request.url)", "outcome": "\(result.outcome)"]) }
        var validators = request.validators
        let origin = Target(request.url)?.origin
        if policy.obeyRequestIntervals, let interval = request.minimumInterval, let host = Target(request.url)?.host {
            gate.setDelay(interval, for: host)
        }
        while true {
            // A source's headers and its exemption from robots.txt hold on its own origin only.
            let sameOrigin = Target(result.finalURL)?.origin == origin
            let hop = await fetchHop(
                result.finalURL, validators: validators,
                checkRobots: policy.obeyRobots && !(request.robots == .api && sameOrigin),
                headers: sameOrigin ? request.headers : []
            )
            hop.apply(to: &result)
            result.timings.total = Self.seconds(ContinuousClock.now - started)
            guard case .redirect(let location) = hop.next else { return result }
            guard result.redirects.count < policy.maximumRedirects else {
                result.outcome = .failed(FetchFailure(.tooManyRedirects, "more than \(policy.maximumRedirects) redirects"))
                return result
            }
            guard let next = URL(string: location, relativeTo: URL(string: result.finalURL))?.absoluteString else {
                result.outcome = .failed(FetchFailure(.other, "unreadable redirect location \(location)"))
                return result
            }
            result.redirects.append(next)
            result.finalURL = next
            validators = Validators()
        }
    }

    /// The result of one hop: what it recorded, and whether a redirect follows.
    private struct Hop {
        enum Next { case done, redirect(String) }
        var response = TransferResponse()
        var outcome: FetchOutcome
        var attempts = 0
        var next = Next.done

        init(failure: FetchFailure) { outcome = .failed(failure) }
        init(response: TransferResponse, outcome: FetchOutcome, attempts: Int, next: Next = .done) {
            self.response = response
            self.outcome = outcome
            self.attempts = attempts
            self.next = next
        }

        func apply(to result: inout FetchResult) {
            result.outcome = outcome
            result.attempts = attempts
            result.status = response.status == 0 ? nil : response.status
            result.httpVersion = response.httpVersion
            result.timings = response.timings
            result.body = response.body
            let contentType = response.headers["Content-Type"].map(MediaType.init)
            result.contentType = contentType?.type
            result.charset = contentType?.charset
            result.validators = Validators(etag: response.headers["ETag"], lastModified: response.headers["Last-Modified"])
        }
    }

    private func fetchHop(_ url: String, validators: Validators, checkRobots: Bool, headers extraHeaders: [String] = []) async -> Hop {
        if Task.isCancelled { return Hop(failure: FetchFailure(.cancelled, "cancelled")) }
        guard let target = Target(url) else {
            return Hop(failure: FetchFailure(.blockedAddress, "refused \(url): only http and https URLs are fetched"))
        }
        let requested = policy.rewrite(url) ?? url
        let rewritten = requested != url
        let allowPrivate = policy.allowPrivateAddresses || rewritten
        let requestedHost = rewritten ? (URLComponents(string: requested)?.host ?? "") : target.host
        if !allowPrivate, AddressPolicy.isNonPublicLiteral(requestedHost) {
            return Hop(failure: FetchFailure(.blockedAddress, "refused \(url): \(requestedHost) is not a public address; "
                + FetchFailure.allowPrivateAdvice))
        }
        // A rewritten request gets a connection of its own. Pooled, a connection to a rewrite
        // target could be reused by a later unrewritten request to the same host without the
        // address check; and a reused connection to a mirror that writes headers and body
        // separately without TCP_NODELAY (Python's http.server) stalls 40 ms per response on
        // delayed ACKs, where a fresh one does not.
        let isolate = rewritten
        if checkRobots && target.path != "/robots.txt" {
            switch await robotsVerdict(target) {
            case .unreachable(let failure):
                return Hop(failure: FetchFailure(failure.category, "\(failure.message) (while asking \(target.origin) for its robots.txt)"))
            case .serverError(let status):
                return Hop(failure: FetchFailure(.blockedByRobots, "\(target.origin)/robots.txt answered HTTP \(status), which means "
                    + "nothing there may be fetched until it answers (RFC 9309); try again later"))
            case .rules(let rules):
                guard rules.isAllowed(target.pathAndQuery) else {
                    return Hop(failure: FetchFailure(.blockedByRobots, "\(target.origin)/robots.txt disallows \(target.pathAndQuery)"))
                }
            }
        }
        var headers = extraHeaders
        if let etag = validators.etag { headers.append("If-None-Match: \(etag)") }
        if let lastModified = validators.lastModified { headers.append("If-Modified-Since: \(lastModified)") }
        let request = TransferRequest(
            url: requested, headers: headers, userAgent: policy.userAgent,
            allowPrivateAddresses: allowPrivate, isolateConnection: isolate, limits: policy.transferLimits
        )
        let (response, attempts) = await exchange(request, host: target.host)
        if let failure = response.failure {
            var hop = Hop(response: response, outcome: .failed(failure), attempts: attempts)
            hop.response.body = Data()
            return hop
        }
        switch response.status {
        case 200..<300:
            return Hop(response: response, outcome: .fetched, attempts: attempts)
        case 304 where !validators.isEmpty:
            return Hop(response: response, outcome: .notModified, attempts: attempts)
        case 301, 302, 303, 307, 308:
            guard let location = response.headers["Location"] else {
                return Hop(response: response, outcome: .failed(FetchFailure(.httpStatus, "HTTP \(response.status) without a Location")), attempts: attempts)
            }
            return Hop(response: response, outcome: .fetched, attempts: attempts, next: .redirect(location))
        default:
            var hop = Hop(response: response, outcome: .failed(FetchFailure(.httpStatus, "HTTP \(response.status)")), attempts: attempts)
            hop.response.body = Data()
            return hop
        }
    }

    /// Sends one request through the gate, retrying transient failures with backoff
    /// and honouring Retry-After on 429 and 503 up to the policy's bound.
    private func exchange(_ request: TransferRequest, host: String) async -> (TransferResponse, Int) {
        var attempt = 0
        while true {
            attempt += 1
            var response = await engine.perform(request, through: gate, host: host, sleep: policy.sleep)
            guard let delay = retryDelay(after: response, attempt: attempt) else { return (response, attempt) }
            switch delay {
            case .give(let failure):
                response.failure = failure
                return (response, attempt)
            case .wait(let duration):
                logger.debug("retrying", metadata: ["url": "\(request.url)", "attempt": "\(attempt)", "wait": "\(duration)"])
                do { try await policy.sleep(duration) } catch { return (Self.cancelled, attempt) }
            }
        }
    }

    private enum RetryDecision {
        case wait(Duration)
        case give(FetchFailure)
    }

    /// nil when the response is final; otherwise how long to wait before the next attempt.
    private func retryDelay(after response: TransferResponse, attempt: Int) -> RetryDecision? {
        let transient: Bool
        if let failure = response.failure {
            transient = failure.category == .connect
        } else {
            transient = [429, 500, 502, 503, 504].contains(response.status)
        }
        guard transient, attempt <= policy.retries else { return nil }
        if response.failure == nil, [429, 503].contains(response.status),
           let value = response.headers["Retry-After"], let asked = RetryAfter.delay(value, now: policy.currentDate()) {
            guard asked <= policy.maximumRetryAfter else {
                return .give(FetchFailure(.httpStatus, "HTTP \(response.status) asked to retry after \(asked), more than the bound of \(policy.maximumRetryAfter)"))
            }
            return .wait(asked)
        }
        return .wait(policy.retryBackoff * (1 << (attempt - 1)))
    }

    private func robotsVerdict(_ target: Target) async -> RobotsCache.Verdict {
        let policy = self.policy
        return await robots.verdict(for: target.origin) { [self] in
            let body: Data
            if let recalled = policy.robotsMemory?.recall(origin: target.origin, maximumAge: 86_400, now: policy.currentDate()) {
                body = recalled
            } else {
                let hop = await fetchRobotsFile(target.origin + "/robots.txt")
                switch hop.outcome {
                case .failed(let failure) where hop.response.status == 0:
                    return .unreachable(failure)
                case .failed:
                    return hop.response.status >= 500 ? .serverError(status: hop.response.status) : .rules(.allowAll)
                case .fetched, .notModified:
                    body = hop.response.body
                    policy.robotsMemory?.remember(origin: target.origin, body: body, at: policy.currentDate())
                }
            }
            let rules = RobotsRules(parsing: String(decoding: body, as: UTF8.self), userAgent: policy.robotsProductToken)
            if let seconds = rules.crawlDelay {
                let bound = Double(policy.maximumCrawlDelay.components.seconds)
                gate.setDelay(.milliseconds(Int(min(max(seconds, 0), bound) * 1000)), for: target.host)
            }
            return .rules(rules)
        }
    }

    /// Fetches robots.txt itself, following redirects (RFC 9309 asks for at least five).
    private func fetchRobotsFile(_ url: String) async -> Hop {
        var current = url
        for _ in 0...policy.maximumRedirects {
            let hop = await fetchHop(current, validators: Validators(), checkRobots: false)
            guard case .redirect(let location) = hop.next,
                  let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString else { return hop }
            current = next
        }
        return Hop(failure: FetchFailure(.tooManyRedirects, "robots.txt redirects too often"))
    }

    private static let cancelled: TransferResponse = {
        var response = TransferResponse()
        response.failure = FetchFailure(.cancelled, "cancelled")
        return response
    }()

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Hands out the indices of a request list, each once, in order, to concurrent workers.
private final class RequestCursor: Sendable {
    private let nextIndex = Atomic<Int>(0)

    /// The next index not yet handed out, or nil once all `count` are.
    func next(below count: Int) -> Int? {
        let index = nextIndex.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }
}

/// Results gathered from concurrent fetches, by index.
private final class ResultSlots: Sendable {
    private let slots: Locked<[FetchResult?]>

    init(count: Int) { slots = Locked(Array(repeating: nil, count: count)) }

    func store(_ result: FetchResult, at index: Int) { slots.withLock { $0[index] = result } }

    var all: [FetchResult] { slots.withLock { $0.map { $0! } } }
}

/// The parts of an http(s) URL the fetcher decides on.
struct Target: Equatable {
    let host: String
    let origin: String
    let path: String
    let pathAndQuery: String

    init?(_ url: String) {
        guard let target = Self(plainASCII: url) ?? Self(parsing: url) else { return nil }
        self = target
    }

    /// Any URL, through URLComponents (with IDNA mapping of the host).
    init?(parsing url: String) {
        guard let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host?.lowercased(), !host.isEmpty else { return nil }
        self.init(
            scheme: scheme, host: host, port: components.port.map(String.init),
            path: components.percentEncodedPath, query: components.percentEncodedQuery
        )
    }

    private init(scheme: String, host: String, port: String?, path: String, query: String?) {
        self.host = host
        origin = "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
        self.path = path.isEmpty ? "/" : path
        pathAndQuery = self.path + (query.map { "?\($0)" } ?? "")
    }

    /// The fast path for the common URL: lowercase `http://` or `https://`, a plain host name
    /// (see `isPlainHost`), an optional port without a leading zero, and a path, query and fragment of characters RFC 3986 allows as they are, with
    /// well-formed %-escapes. Gives what the URLComponents path gives for such a URL, without
    /// its parser and IDNA mapping; nil for anything else, which that path then decides.
    init?(plainASCII url: String) {
        var utf8 = Substring(url).utf8[...]
        let scheme: String
        if utf8.starts(with: "http://".utf8) {
            scheme = "http"
        } else if utf8.starts(with: "https://".utf8) {
            scheme = "https"
        } else {
            return nil
        }
        utf8 = utf8.dropFirst(scheme.utf8.count + 3)
        let authorityEnd = utf8.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? utf8.endIndex
        let authority = utf8[..<authorityEnd]
        let colon = authority.firstIndex(of: UInt8(ascii: ":"))
        let hostBytes = authority[..<(colon ?? authority.endIndex)]
        guard Self.isPlainHost(hostBytes) else { return nil }
        var port: String?
        if let colon {
            let digits = authority[authority.index(after: colon)...]
            guard (1...5).contains(digits.count), digits.first != UInt8(ascii: "0"),
                  digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let number = Int(Substring(digits)), number <= 65535 else { return nil }
            port = String(Substring(digits))
        }
        let rest = utf8[authorityEnd...]
        guard Self.isPlainReference(rest) else { return nil }
        let fragmentStart = rest.firstIndex(of: UInt8(ascii: "#")) ?? rest.endIndex
        let beforeFragment = rest[..<fragmentStart]
        let queryStart = beforeFragment.firstIndex(of: UInt8(ascii: "?"))
        let path = String(Substring(beforeFragment[..<(queryStart ?? beforeFragment.endIndex)]))
        let query = queryStart.map { String(Substring(beforeFragment[beforeFragment.index(after: $0)...])) }
        self.init(scheme: scheme, host: String(Substring(hostBytes)).lowercased(), port: port, path: path, query: query)
    }

    /// A host name IDNA mapping leaves as it is (up to case): labels of 1 to 63 ASCII letters,
    /// digits and inner hyphens, none an `xn--` label.
    private static func isPlainHost(_ host: Substring.UTF8View.SubSequence) -> Bool {
        func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        }
        return host.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
            (1...63).contains(label.count)
                && label.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
                && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && !label.prefix(4).map({ $0 | 0x20 }).elementsEqual("xn--".utf8)
        }
    }

    /// Whether every byte after the authority is one RFC 3986 allows unescaped in a path,
    /// query or fragment (plus the one `#`), with each `%` starting a two-hex-digit escape.
    private static func isPlainReference(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        var index = bytes.startIndex
        var seenFragment = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let digits = bytes[bytes.index(after: index)...].prefix(2)
                guard digits.count == 2, digits.allSatisfy(\.isASCIIHexDigit) else { return false }
                index = bytes.index(index, offsetBy: 3)
                continue
            }
            if byte == UInt8(ascii: "#") {
                if seenFragment { return false }
                seenFragment = true
            } else if !isAllowedUnescaped(byte) {
                return false
            }
            index = bytes.index(after: index)
        }
        return true
    }

    /// RFC 3986 unreserved, sub-delims, `:`, `@`, `/` and `?`.
    private static func isAllowedUnescaped(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~!$&'()*+,;=:@/?".utf8.contains(byte)
        }
    }
}

private extension UInt8 {
    var isASCIIHexDigit: Bool {
        (self >= 0x30 && self <= 0x39) || (self | 0x20 >= 0x61 && self | 0x20 <= 0x66)
    }
}

/// A Content-Type value split into its media type and charset.
struct MediaType {
    let type: String
    let charset: String?

    init(_ value: String) {
        let parts = value.utf8.split(separator: UInt8(ascii: ";"))
        type = parts.first.map { String(decoding: $0.trimmingASCIIWhitespace(), as: UTF8.self).lowercased() } ?? ""
        charset = parts.dropFirst().lazy.compactMap { parameter -> String? in
            let pair = parameter.split(separator: UInt8(ascii: "="), maxSplits: 1)
            guard pair.count == 2,
                  String(decoding: pair[0].trimmingASCIIWhitespace(), as: UTF8.self).lowercased() == "charset" else { return nil }
            let quote: (UInt8) -> Bool = { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
            var raw = pair[1].trimmingASCIIWhitespace()
            while let first = raw.first, quote(first) { raw = raw.dropFirst() }
            while let last = raw.last, quote(last) { raw = raw.dropLast() }
            return String(decoding: raw, as: UTF8.self).lowercased()
        }.first
    }
}
