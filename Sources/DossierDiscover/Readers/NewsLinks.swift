import DossierExtract
import Foundation

/// Feed items as a dossier cites them: an aggregator's item points at the article and names
/// its publication, not the aggregator.
public enum NewsLinks {
    /// The article an aggregator's link stands for. Google News links
    /// (`news.google.com/rss/articles/<id>`) carry the article's URL inside their base64url id in
    /// the format used until 2024; ids of the later format name it only through Google's own
    /// service, and are kept as they are (the item still names its publication).
    public static func article(_ link: String) -> String {
        guard let components = URLComponents(string: link), components.host?.lowercased() == "news.google.com",
              let marker = components.path.range(of: "/articles/") else { return link }
        let id = components.path[marker.upperBound...].prefix { $0 != "/" }
        guard let bytes = base64URLDecoded(String(id)) else { return link }
        return embeddedURL(in: bytes) ?? link
    }

    /// The title without the " - Publication" an aggregator appends (`Acme hires - Reuters`).
    public static func title(_ title: String, publication: String?) -> String {
        guard let publication, !publication.isEmpty else { return title }
        for separator in [" - ", " – ", " — ", " | "] where title.hasSuffix(separator + publication) {
            return String(title.dropLast(separator.count + publication.count))
        }
        return title
    }

    /// A feed item's summary without the title and publication an aggregator repeats in it.
    public static func summary(_ summary: String?, title: String, publication: String?) -> String? {
        guard var text = summary?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        if text.hasPrefix(title) { text = String(text.dropFirst(title.count)) }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{A0}")))
        if let publication, text == publication { return nil }
        return text.isEmpty ? nil : text
    }

    private static func base64URLDecoded(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map { [UInt8]($0) }
    }

    /// The first http(s) URL written out in `bytes` (a protobuf string field), up to the first
    /// byte a URL cannot hold.
    private static func embeddedURL(in bytes: [UInt8]) -> String? {
        let text = bytes.map { $0 >= 0x21 && $0 < 0x7F ? Character(Unicode.Scalar($0)) : " " }
        let string = String(text)
        guard let start = string.range(of: "https://") ?? string.range(of: "http://") else { return nil }
        let candidate = string[start.lowerBound...].prefix { $0 != " " && $0 != "\"" && $0 != "<" && $0 != ">" }
        guard SearchResultReaders.isWebURL(String(candidate)) else { return nil }
        return String(candidate)
    }
}
