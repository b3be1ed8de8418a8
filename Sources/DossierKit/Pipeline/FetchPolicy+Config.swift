import DossierFetch
import Foundation

extension FetchPolicy {
    /// The fetch policy the user's configuration asks for.
    public init(config: DossierConfig) {
        let network = config.network
        let rewriter = URLRewriter(rules: config.rewrites)
        self.init(userAgent: config.userAgent, rewrite: { url in
            let rewritten = rewriter.rewrite(url)
            return rewritten.isRewritten ? rewritten.requestURL : nil
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
        allowPrivateAddresses = network.allowPrivateAddresses
    }
}
