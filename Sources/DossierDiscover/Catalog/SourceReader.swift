/// How discovery reads what a source answers: a closed set, each implemented by the discovery stage.
/// A source file names one by its raw value, e.g. `reader = "wikipedia-search-json"`.
public enum SourceReader: String, Sendable, CaseIterable {
    /// MediaWiki `list=search` JSON: article titles and snippets.
    case wikipediaSearchJSON = "wikipedia-search-json"
    /// Wikipedia REST `page/summary` JSON: title, description, lead extract, Wikidata id.
    case wikipediaSummaryJSON = "wikipedia-summary-json"
    /// An HTML page read for its main text and metadata (JSON-LD, OpenGraph, links).
    case htmlArticle = "html-article"
    /// Wikidata `wbsearchentities` JSON: candidate items with labels and descriptions.
    case wikidataSearchJSON = "wikidata-search-json"
    /// Wikidata `Special:EntityData` JSON: the statements named in `claims`, with the `qualifiers` named.
    case wikidataEntityJSON = "wikidata-entity-json"
    /// SearXNG `format=json` results.
    case searxngJSON = "searxng-json"
    /// DuckDuckGo's HTML results page (`html.duckduckgo.com`).
    case duckDuckGoHTML = "duckduckgo-html"
    /// Brave Search API web results JSON.
    case braveJSON = "brave-json"
    /// An RSS 2.0 or Atom feed.
    case rss = "rss"
    /// An HTML page whose `<link rel="alternate">` RSS/Atom feeds are read as ``rss``.
    case feedLinks = "feed-links"
    /// A sitemap or sitemap index; page URLs matching `follow` are read as ``htmlArticle``.
    case sitemapXML = "sitemap-xml"
    /// A robots.txt whose `Sitemap:` lines (else `/sitemap.xml`) are read as ``sitemapXML``.
    case robotsSitemaps = "robots-sitemaps"
    /// An HTML page read as ``htmlArticle``, plus the same-site pages it links to whose link text or
    /// path matches `follow`.
    case siteLinks = "site-links"
    /// GitHub REST `users/{login}` JSON: name, company, blog, bio, location.
    case githubUserJSON = "github-user-json"
    /// GitHub REST `search/users` JSON: logins, whose profiles are read as candidates for the person.
    case githubUserSearchJSON = "github-user-search-json"
    /// OpenAlex `authors` JSON (a search or one author): names, affiliations with years, topics, ORCID iD.
    case openAlexAuthorsJSON = "openalex-authors-json"
    /// ORCID `expanded-search` (or `search`) JSON: iDs with names, e-mail addresses and institutions.
    case orcidSearchJSON = "orcid-search-json"
    /// An ORCID record or one of its parts (`person`, `employments`, `educations`).
    case orcidRecordJSON = "orcid-record-json"
    /// dblp's author search JSON: names, affiliation notes, dblp pages.
    case dblpAuthorsJSON = "dblp-authors-json"
    /// The Hacker News search API (hn.algolia.com) JSON: stories, their articles and texts.
    case hackerNewsJSON = "hackernews-json"
    /// Text the user supplied, from a `file` or `text`: the only reader of a `manual` source.
    case manualText = "manual-text"

    /// Whether the reader reads a search of the whole web (not of one site or registry), where
    /// a query can ask for one site (`site:`) or for talks and interviews.
    public var searchesTheWeb: Bool {
        switch self {
        case .searxngJSON, .duckDuckGoHTML, .braveJSON: true
        default: false
        }
    }

    /// Whether the reader goes on to pages chosen by the source's `follow` words.
    public var followsLinks: Bool {
        switch self {
        case .sitemapXML, .robotsSitemaps, .siteLinks: true
        default: false
        }
    }
}
