import Foundation

/// A text a source gave: a fetched page's main text, a feed item, an encyclopedia summary
/// or text the user pasted. Every sentence quoted from it cites `url`.
public struct SourceDocument: Sendable, Equatable, Codable {
    /// The URL cited (the original URL, never a rewritten one).
    public var url: String
    public var title: String?
    public var siteName: String?
    /// The publication date as the page gave it, when known.
    public var published: String?
    /// When the page was last revised, as it says; kept when it is a later day than `published`
    /// (a wiki article created in 2004 and edited last week).
    public var updated: String?
    /// Paragraphs of main text, separated by newlines.
    public var text: String
    /// The Sources.d file that led to it.
    public var sourceName: String
    public var trust: Double
    public var fetchedAt: Date
    /// One row of a table on the page: its cells' text and, for each, its column's heading.
    public struct TableRow: Sendable, Equatable, Codable {
        public var cells: [String]
        /// One per cell; nil where the table gives no heading.
        public var headings: [String?]

        public init(cells: [String], headings: [String?]) {
            self.cells = cells
            self.headings = headings
        }
    }

    /// Table rows of the page that name the person (the main text leaves most tables out).
    public var tableRows: [TableRow]
    /// The page's own summary (its meta description), kept for profile pages titled with
    /// the person's name, where it often holds their position and interests, and for a site's
    /// front page, where it says what the site or organisation is.
    public var profileSummary: String?
    /// The page's authors, from its markup or by-line.
    public var authors: [String]
    /// A site's front page: no path beyond "/", no query. Its summary says what the site or
    /// organisation is.
    public static func isFrontPage(_ url: String) -> Bool {
        guard let components = URLComponents(string: url) else { return false }
        return (components.path.isEmpty || components.path == "/") && (components.query ?? "").isEmpty
    }

    /// Whether the page interviews the person (a Q&A, a podcast or a talk page): the answers in
    /// the first person there are theirs.
    public var interviewsPerson: Bool
    /// A front page's lead stories, as its links give them, in page order.
    public var headlines: [String]

    public init(url: String, title: String?, siteName: String?, published: String?, updated: String? = nil, text: String,
                sourceName: String, trust: Double, fetchedAt: Date, tableRows: [TableRow] = [], profileSummary: String? = nil,
                authors: [String] = [], interviewsPerson: Bool = false, headlines: [String] = []) {
        self.url = url
        self.title = title
        self.siteName = siteName
        self.published = published
        self.updated = updated.flatMap { updated in (published.map { updated.prefix(10) > $0.prefix(10) } ?? true) ? updated : nil }
        self.text = text
        self.sourceName = sourceName
        self.trust = trust
        self.fetchedAt = fetchedAt
        self.tableRows = tableRows
        self.profileSummary = profileSummary
        self.authors = authors
        self.interviewsPerson = interviewsPerson
        self.headlines = headlines
    }
}

/// What one request of one source came to, for the build report and the store.
public struct SourceOutcome: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case fetched
        case notModified = "not_modified"
        case failed
        case skipped
    }

    public var sourceName: String
    public var url: String?
    public var kind: Kind
    /// Why a request failed or a page was skipped.
    public enum Category: String, Sendable, Codable, CaseIterable {
        // A fetch failure, named as the fetcher names it.
        case dns, connect, timeout, tls
        case tooManyRedirects = "too_many_redirects"
        case tooLarge = "too_large"
        case blockedByRobots = "blocked_by_robots"
        case blockedAddress = "blocked_address"
        case httpStatus = "http_status"
        case cancelled, other
        /// The answer could not be read by the source's reader.
        case reader
        /// The page names neither the person nor the company.
        case notAboutSubject = "not_about_subject"
        /// The site has no robots.txt: its sitemap is looked for at the root.
        case noRobotsTxt = "no_robots_txt"
        /// A page that is never fetched (LinkedIn's).
        case notFetched = "not_fetched"
        /// A profile in a registry with the person's name that nothing ties to them.
        case namesake
    }

    /// For failures, what failed; for skips, why.
    public var category: Category?
    public var message: String?
    public var status: Int?
    public var seconds: Double

    public init(sourceName: String, url: String?, kind: Kind, category: Category? = nil, message: String? = nil,
                status: Int? = nil, seconds: Double = 0) {
        self.sourceName = sourceName
        self.url = url
        self.kind = kind
        self.category = category
        self.message = message
        self.status = status
        self.seconds = seconds
    }
}
