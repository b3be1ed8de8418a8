import DossierExtract
import Foundation

/// Reads the answers of search APIs into pages to fetch. Each reader takes the
/// response body and returns what it found; an unreadable body throws
/// `ReaderError` naming the reader, which the build report records for that source.
public enum SearchResultReaders {
    /// SearXNG's JSON API: `results[]` with `url`, `title`, `content` (the snippet) and
    /// `publishedDate`. A result without a usable http(s) URL (SearXNG sends `"url": null` for
    /// some engines' answers) is left out, not the whole answer.
    public static func searxng(_ body: Data) throws(ReaderError) -> [DiscoveredPage] {
        struct Answer: Decodable {
            struct Result: Decodable {
                var url: String?
                var title: String?
                var content: String?
                var publishedDate: String?
            }
            var results: [Result]
        }
        let answer = try decode(Answer.self, body, reader: "searxng-json")
        return answer.results.compactMap { result in
            guard let url = result.url, isWebURL(url) else { return nil }
            return DiscoveredPage(url: url, title: result.title.map(stripTags), snippet: result.content.map(stripTags),
                                  published: result.publishedDate.flatMap(PageDate.normalize))
        }
    }

    /// Whether `text` is an absolute http(s) URL with a host.
    static func isWebURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else { return false }
        return (scheme == "http" || scheme == "https") && components.host?.isEmpty == false
    }

    /// Wikipedia's search API (`action=query&list=search`): article titles become article URLs
    /// on the wiki that answered.
    public static func wikipediaSearch(_ body: Data, answeredBy url: String) throws(ReaderError) -> [DiscoveredPage] {
        struct Answer: Decodable {
            struct Query: Decodable {
                struct Hit: Decodable {
                    var title: String
                    var snippet: String?
                }
                var search: [Hit]
            }
            var query: Query
        }
        let answer = try decode(Answer.self, body, reader: "wikipedia-search-json")
        let host = URLComponents(string: url)?.host ?? "en.wikipedia.org"
        return answer.query.search.map { hit in
            DiscoveredPage(url: WikipediaURL.article(title: hit.title, host: host), title: hit.title,
                           snippet: hit.snippet.map(stripTags))
        }
    }

    /// Brave Search's API: `web.results[]` with `url`, `title`, `description`.
    public static func brave(_ body: Data) throws(ReaderError) -> [DiscoveredPage] {
        struct Answer: Decodable {
            struct Web: Decodable {
                struct Result: Decodable {
                    var url: String
                    var title: String?
                    var description: String?
                    /// When the page was published, ISO 8601.
                    var page_age: String?
                }
                var results: [Result]
            }
            var web: Web?
        }
        let answer = try decode(Answer.self, body, reader: "brave-json")
        return (answer.web?.results ?? []).compactMap {
            guard isWebURL($0.url) else { return nil }
            return DiscoveredPage(url: $0.url, title: $0.title.map(stripTags), snippet: $0.description.map(stripTags),
                                  published: $0.page_age.flatMap(PageDate.normalize))
        }
    }

    /// DuckDuckGo's HTML results: each result's title links to it, directly or through
    /// `/l/?uddg=<target>`. DuckDuckGo's own links, and the search-engine page its "no results"
    /// answer offers instead, are left out.
    public static func duckDuckGo(_ body: Data, contentType: String?) -> [DiscoveredPage] {
        let page = HTMLExtractor.extract(bytes: body, contentType: contentType, url: "https://html.duckduckgo.com/html/")
        var results: [DiscoveredPage] = []
        var seen = Set<String>()
        for link in page.links where !link.text.isEmpty {
            guard let components = URLComponents(string: link.url) else { continue }
            var target = link.url
            if components.host?.hasSuffix("duckduckgo.com") == true {
                guard components.path == "/l/",
                      let uddg = components.queryItems?.first(where: { $0.name == "uddg" })?.value else { continue }
                target = uddg
            }
            guard isWebURL(target), let host = URLComponents(string: target)?.host?.lowercased(),
                  !host.hasSuffix("duckduckgo.com"), !isSearchEnginePage(target) else { continue }
            if seen.insert(target).inserted { results.append(DiscoveredPage(url: target, title: link.text)) }
        }
        return results
    }

    /// Whether `url` is another search engine's results page (never a page about anyone).
    static func isSearchEnginePage(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased() else { return false }
        let engines = ["google.", "bing.com", "yahoo.com", "yandex.", "baidu.com", "duckduckgo.com", "startpage.com"]
        let labels = host.split(separator: ".")
        let isEngine = engines.contains { engine in
            engine.hasSuffix(".") ? labels.dropLast().contains { $0 + "." == engine } : host == engine || host.hasSuffix("." + engine)
        }
        return isEngine && (components.path.hasPrefix("/search") || components.path == "/" || components.path.isEmpty)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ body: Data, reader: String) throws(ReaderError) -> T {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch {
            throw ReaderError(reader: reader, message: "unexpected answer: \(error)")
        }
    }

    static func stripTags(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
    }
}

/// An answer a reader could not make sense of.
public struct ReaderError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reader: String
    public var message: String

    public var description: String { "\(reader): \(message)" }
}

/// Wikipedia article URLs from titles, written as the `{title}` placeholder writes them.
public enum WikipediaURL {
    public static func article(title: String, host: String = "en.wikipedia.org") -> String {
        "https://\(host)/wiki/\(URLTemplate.wikiTitle(title))"
    }
}
