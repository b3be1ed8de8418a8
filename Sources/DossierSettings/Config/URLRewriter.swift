/// Rewrites URLs by prefix, like git's `url.<base>.insteadOf`, so tests and mirrors can send any URL
/// elsewhere.
///
/// The rule with the longest matching ``RewriteRule/from`` wins (the first declared among equals), and
/// its ``RewriteRule/to`` replaces that prefix. A rewrite is applied once: its result is never matched
/// against the rules again. Prefixes compare byte for byte (UTF-8), without case folding or
/// normalisation. Only the request goes to the rewritten URL; the page keeps its original URL
/// everywhere else.
public struct URLRewriter: Sendable {
    /// Longest `from` first; the sort is stable, so declaration order breaks ties.
    private let rulesBySpecificity: [RewriteRule]

    public init(rules: [RewriteRule]) {
        rulesBySpecificity = rules.filter { !$0.from.isEmpty }
            .enumerated()
            .sorted { ($1.element.from.utf8.count, $0.offset) < ($0.element.from.utf8.count, $1.offset) }
            .map(\.element)
    }

    /// Where to send a request for `url`.
    public func rewrite(_ url: String) -> RewrittenURL {
        for rule in rulesBySpecificity where url.utf8.starts(with: rule.from.utf8) {
            let remainder = url.utf8.dropFirst(rule.from.utf8.count)
            return RewrittenURL(original: url, requestURL: rule.to + String(Substring(remainder)), appliedRule: rule)
        }
        return RewrittenURL(original: url, requestURL: url, appliedRule: nil)
    }
}

/// The outcome of ``URLRewriter/rewrite(_:)``.
public struct RewrittenURL: Sendable, Hashable {
    /// The URL as discovered; this is the page's URL in the store and in citations.
    public let original: String
    /// The URL to request: ``original``, or its rewrite.
    public let requestURL: String
    /// The rule applied, if any.
    public let appliedRule: RewriteRule?

    /// Whether a rule applied. A rewrite target was chosen by the user, so the fetcher may send it to a
    /// private or loopback address.
    public var isRewritten: Bool { appliedRule != nil }
}
