import Foundation

/// Reads a sitemap or a sitemap index: the `<loc>` of each `<url>` and `<sitemap>`.
public enum SitemapReader {
    public struct Locations: Sendable, Equatable {
        public var pages: [DiscoveredPage] = []
        public var sitemaps: [String] = []
    }

    public static func locations(_ body: Data) -> Locations {
        let text = String(decoding: body.prefix(5_000_000), as: UTF8.self)
        var result = Locations()
        var index = text.startIndex
        var inIndexEntry = false
        while let open = text.range(of: "<", range: index..<text.endIndex),
              let close = text.range(of: ">", range: open.upperBound..<text.endIndex) {
            let tag = text[open.upperBound..<close.lowerBound].lowercased()
            index = close.upperBound
            if tag.hasPrefix("sitemap") && !tag.hasPrefix("sitemapindex") { inIndexEntry = true }
            if tag == "/sitemap" { inIndexEntry = false }
            guard tag == "loc" || tag.hasSuffix(":loc"),
                  let end = text.range(of: "</", range: close.upperBound..<text.endIndex) else { continue }
            let location = unescape(text[close.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines))
            if inIndexEntry {
                result.sitemaps.append(location)
            } else {
                result.pages.append(DiscoveredPage(url: location))
            }
            index = end.lowerBound
        }
        return result
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
