import DossierExtract
import Foundation

/// Reads a sitemap or a sitemap index: the `<loc>` of each `<url>` and `<sitemap>`, written
/// plainly, escaped or as CDATA, from a plain or a gzip-compressed file (`sitemap.xml.gz`).
public enum SitemapReader {
    public struct Locations: Sendable, Equatable {
        public var pages: [DiscoveredPage] = []
        public var sitemaps: [String] = []
    }

    /// The most a sitemap may hold uncompressed (the sitemaps protocol's limit).
    static let maximumBytes = 50 * 1024 * 1024

    public static func locations(_ body: Data) -> Locations {
        var bytes = [UInt8](body)
        if Gunzip.isCompressed(bytes) {
            guard let inflated = Gunzip.decompress(bytes, limit: maximumBytes) else { return Locations() }
            bytes = inflated
        }
        let text = String(decoding: bytes.prefix(maximumBytes), as: UTF8.self)
        var result = Locations()
        var index = text.startIndex
        var inIndexEntry = false
        while let open = text.range(of: "<", range: index..<text.endIndex),
              let close = text.range(of: ">", range: open.upperBound..<text.endIndex) {
            let tag = text[open.upperBound..<close.lowerBound].lowercased()
            index = close.upperBound
            if tag.hasPrefix("sitemap") && !tag.hasPrefix("sitemapindex") { inIndexEntry = true }
            if tag == "/sitemap" { inIndexEntry = false }
            // A page's own <loc>, not an image's or a video's (`image:loc`, `video:loc`) beside it.
            let prefix = tag.split(separator: ":").dropLast().last.map(String.init)
            guard tag == "loc" || (!tag.hasPrefix("/") && tag.hasSuffix(":loc") && !["image", "video", "xhtml", "news", "mobile"].contains(prefix ?? "")),
                  let end = text.range(of: "</", range: close.upperBound..<text.endIndex) else { continue }
            var written = text[close.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if written.hasPrefix("<![CDATA["), written.hasSuffix("]]>") {
                written = String(written.dropFirst(9).dropLast(3)).trimmingCharacters(in: .whitespacesAndNewlines)
            } else {
                written = unescape(written)
            }
            let location = written
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
