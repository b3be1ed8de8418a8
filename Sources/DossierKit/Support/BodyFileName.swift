import DossierFetch
import Foundation

/// A file name for a fetched body: readable (host and path), safe on every file
/// system, and unique per URL (a short hash of the URL ends it).
public enum BodyFileName {
    public static func make(for result: FetchResult) -> String {
        let url = result.originalURL
        let readable = url
            .replacingOccurrences(of: "https://", with: "")
            .replacingOccurrences(of: "http://", with: "")
            .map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" }
        let stem = String(String(readable).prefix(80))
        return "\(stem)-\(fnv1a(url)).\(fileExtension(result.contentType))"
    }

    private static func fileExtension(_ contentType: String?) -> String {
        switch contentType {
        case "text/html", "application/xhtml+xml": "html"
        case "application/json", "application/ld+json": "json"
        case "application/rss+xml", "application/atom+xml", "application/xml", "text/xml": "xml"
        case "text/plain": "txt"
        default: "bin"
        }
    }

    private static func fnv1a(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return String(format: "%08x", hash)
    }
}
