import DossierCore
import DossierExtract
import Foundation

/// The stories a site's front page leads with: its links to pages of the same site whose address
/// reads as an article's (a slug of three parts or more, or a year in the path) and whose text reads
/// as a headline (five to twenty-five words), in page order. A front page with fewer than three
/// such links has no list of stories: its links are menus and calls to action.
enum FrontPageHeadlines {
    /// The most headlines kept.
    static let limit = 3

    static func headlines(links: [PageLink], pageURL: String) -> [String] {
        guard SourceDocument.isFrontPage(pageURL), let host = bareHost(pageURL) else { return [] }
        var seen = Set<String>()
        let stories = links.filter { link in
            guard bareHost(link.url) == host, let path = URLComponents(string: link.url)?.path, isArticlePath(path),
                  isHeadline(link.text) else { return false }
            return seen.insert(link.text.lowercased()).inserted
        }.map(\.text)
        return stories.count >= 3 ? Array(stories.prefix(limit)) : []
    }

    /// "/news/Budgie-10.10.2-Released", "/2026/03/06/gtk-release/": a slug of three parts or more in
    /// the last segment, or a year among the segments.
    static func isArticlePath(_ path: String) -> Bool {
        let segments = path.split(separator: "/")
        guard let last = segments.last else { return false }
        // "Budgie-10.10.2-Released" keeps its dots; only a file's extension goes.
        var stem = Substring(last)
        if let dot = last.lastIndex(of: "."), ["html", "htm", "php", "asp", "aspx", "shtml"].contains(last[last.index(after: dot)...].lowercased()) {
            stem = last[..<dot]
        }
        let slugWords = stem.split { $0 == "-" || $0 == "_" }
        let dated = segments.contains { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) && $0.allSatisfy(\.isNumber) }
        return slugWords.count >= 3 || dated
    }

    /// Five to twenty-five words, not a prompt to click ("Read more about our platform").
    static func isHeadline(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (5...25).contains(words.count), text.count >= 25 else { return false }
        let opening = words.prefix(2).joined(separator: " ").lowercased()
        return !["read more", "learn more", "click here", "find out", "see all", "view all", "sign up"].contains(opening)
    }

    private static func bareHost(_ url: String) -> String? {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}
