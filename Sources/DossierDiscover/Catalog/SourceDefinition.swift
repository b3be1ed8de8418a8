import DossierCore
import Foundation

/// One source of pages, as one file of `Sources.d` defines it: what it is about, where to ask, how to
/// read the answer, and how far to trust and how often to call it.
///
/// A loaded definition is consistent: a `manual` source reads a file or text with the `manual-text`
/// reader and every other kind a URL template; `follow`, `claims` and `qualifiers` appear only with
/// readers that use them; a source using `{key}` names its `key_env`, and one naming `key_env` uses
/// `{key}`. See `Sources.d/README.md` for the file format.
public struct SourceDefinition: Sendable, Equatable {
    /// Whom a source tells about. It also decides whose `{domain}`, `{qid}` and `{title}` fill its templates.
    public enum Subject: String, Sendable, CaseIterable {
        case person, company
    }

    /// What sort of endpoint a source is.
    public enum Kind: String, Sendable, CaseIterable {
        case search, api, page, feed, sitemap, manual
    }

    /// Where a source's content comes from.
    public enum Input: Sendable, Equatable {
        /// Fetched from the expansion of the template.
        case url(URLTemplate)
        /// Read from a local file (a `manual` source).
        case file(URL)
        /// Written in the definition itself (a `manual` source).
        case text(String)
    }

    /// Whether robots.txt governs the source's own requests (`robots` in the file).
    public enum Robots: String, Sendable, CaseIterable {
        /// A page or feed, crawled like any other: its site's robots.txt is obeyed.
        case obey
        /// An API the service publishes for programs to call. robots.txt governs crawling, not API
        /// clients (Wikimedia's disallows `/w/` and `/api/` for crawlers while its API policy invites
        /// clients with a contact in their User-Agent), so it is not consulted for the source's own
        /// URL; the source's rate and headers and the contact in the User-Agent are what it follows.
        /// The pages such a source leads to are crawled and obey robots.txt.
        case api
    }

    /// A header sent with each request, after expanding its value.
    public struct Header: Sendable, Equatable {
        public let name: String
        public let value: HeaderTemplate
    }

    /// The file name without `.toml`, e.g. `10-wikipedia-search`.
    public let name: String
    public let about: Subject
    public let kind: Kind
    public let input: Input
    public let reader: SourceReader
    /// Whether robots.txt governs the source's own requests.
    public let robots: Robots
    /// How far facts from this source are believed, from 0 to 1.
    public let trust: Double
    /// The least time between two requests of this source to one host, in seconds (0: no limit of its own).
    public let minimumInterval: TimeInterval
    /// `enabled` as written in the file; ``SourceAvailability`` also weighs keys and configuration.
    public let isEnabled: Bool
    /// Values the source needs besides those its templates use (`requires`).
    public let requires: [TemplatePlaceholder]
    /// The environment variable holding the API key that fills `{key}`.
    public let keyEnvironmentVariable: String?
    /// In name order.
    public let headers: [Header]
    /// How many results or followed pages discovery takes at most.
    public let maxResults: Int?
    public let description: String?
    /// For a `manual` source: the name of the person or company its text is about.
    public let subject: String?
    /// Words that choose which linked or listed pages a link-following reader reads, matched without
    /// regard to case against link text and URL path.
    public let follow: [String]
    /// Wikidata properties a `wikidata-entity-json` reader reads, e.g. `P108`.
    public let claims: [String]
    /// Wikidata qualifiers kept with those statements, e.g. `P580` (start time).
    public let qualifiers: [String]

    /// The URL template, unless the source is `manual`.
    public var urlTemplate: URLTemplate? {
        if case .url(let template) = input { template } else { nil }
    }

    /// Every value the source cannot run without: its templates' placeholders and ``requires``, each once.
    public var requiredValues: [TemplatePlaceholder] {
        var values = Set(requires)
        values.formUnion(urlTemplate?.placeholders ?? [])
        for header in headers { values.formUnion(header.value.placeholders) }
        return values.sorted()
    }

    /// The API key for `{key}` from `environment`, when the source has one and it is set.
    public func apiKey(in environment: [String: String]) -> String? {
        guard let variable = keyEnvironmentVariable, let key = environment[variable], !key.isEmpty else { return nil }
        return key
    }
}
