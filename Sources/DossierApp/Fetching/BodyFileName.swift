import DossierCore
import DossierFetch
import Foundation

/// A file name for a fetched body: readable (host and path), safe on every file
/// system, and unique per URL (a short hash of the URL ends it).
public enum BodyFileName {
    public static func make(for result: FetchResult) -> String {
        var bytes = Substring(result.originalURL).utf8[...]
        for scheme in ["https://", "http://"] where bytes.starts(with: scheme.utf8) {
            bytes = bytes.dropFirst(scheme.utf8.count)
            break
        }
        var stem = [UInt8]()
        stem.reserveCapacity(80)
        for byte in bytes.prefix(80) {
            let safe = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2E || byte == 0x2D
            stem.append(safe ? byte : UInt8(ascii: "_"))
        }
        return String(decoding: stem, as: UTF8.self) + "-" + FNV1a.hex(result.originalURL) + "." + fileExtension(result.contentType)
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
}
