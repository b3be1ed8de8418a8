import DossierExtract
import Foundation

/// Recognises the files a site publishes for crawlers, a robots.txt and a sitemap, when they
/// arrive where a page was expected: they are never read as pages about anyone.
enum CrawlerFile {
    /// The fields a robots.txt is made of (RFC 9309 and the common extensions).
    private static let robotsFields: Set<String> = [
        "user-agent", "allow", "disallow", "sitemap", "crawl-delay", "host", "request-rate", "visit-time", "clean-param",
        "noindex",
    ]

    /// Whether `body`, fetched from `url`, is a robots.txt or a sitemap (plain or compressed).
    static func isCrawlerFile(_ body: Data, url: String) -> Bool {
        if URLComponents(string: url)?.path.lowercased().hasSuffix("/robots.txt") == true { return true }
        let bytes = [UInt8](body.prefix(4096))
        if Gunzip.isCompressed(bytes) { return true }
        let head = String(decoding: bytes, as: UTF8.self).lowercased()
        if head.contains("<urlset") || head.contains("<sitemapindex") { return true }
        return isRobotsText(String(decoding: body.prefix(65_536), as: UTF8.self))
    }

    /// Whether every line of `text` that is not blank or a comment is a robots.txt field, and
    /// there is at least one.
    static func isRobotsText(_ text: String) -> Bool {
        var fields = 0
        for line in text.split(whereSeparator: \.isNewline) {
            let content = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}")))
            if content.isEmpty { continue }
            guard let colon = content.firstIndex(of: ":"),
                  robotsFields.contains(content[..<colon].trimmingCharacters(in: .whitespaces).lowercased()) else { return false }
            fields += 1
        }
        return fields > 0
    }
}
