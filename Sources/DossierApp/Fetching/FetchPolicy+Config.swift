import DossierCore
import DossierFetch
import DossierSettings
import Foundation

extension FetchPolicy {
    /// The fetch policy the user's configuration asks for.
    public init(config: DossierConfig) {
        let network = config.network
        let rewriter = URLRewriter(rules: config.rewrites)
        self.init(userAgent: config.userAgent, rewrite: { url in
            let rewritten = rewriter.rewrite(url)
            guard let rule = rewritten.appliedRule, Self.endsAtBoundary(rule.from, in: url) else { return nil }
            return rewritten.requestURL
        })
        maximumConcurrency = network.maxConcurrency
        perHostConcurrency = network.perHostConcurrency
        perHostDelay = .seconds(network.perHostDelay)
        connectTimeout = .seconds(network.connectTimeout)
        totalTimeout = .seconds(network.timeout)
        stallTimeout = .seconds(network.stallTimeout)
        stallMinimumBytesPerSecond = network.stallMinimumBytesPerSecond
        maximumBodyBytes = network.maxBodyBytes
        maximumRedirects = network.maxRedirects
        retries = network.retries
        maximumRetryAfter = .seconds(network.maxRetryAfter)
        obeyRobots = network.respectsRobots
        obeyRequestIntervals = network.respectsSourceRates
        allowPrivateAddresses = network.allowPrivateAddresses
    }

    /// Whether the rule's `from` claims the URL's whole host: when `from` names a host,
    /// the URL's host must be exactly it, so that `https://intranet.example` does not also
    /// claim `https://intranet.example.evil.test/` or `https://intranet.example:x@evil.test/`
    /// (a rewrite target may reach private addresses).
    static func endsAtBoundary(_ from: String, in url: String) -> Bool {
        guard let schemeEnd = from.range(of: "://"), schemeEnd.upperBound < from.endIndex else { return true }
        let ruleHost = from[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }.lowercased()
        return URLComponents(string: url)?.host?.lowercased() == ruleHost
    }
}

extension DossierConfig {
    /// The User-Agent header value these settings ask for: dossier's version and the user's contact.
    public var userAgent: String { UserAgent.string(version: DossierVersion.current, contact: network.contact) }
}
