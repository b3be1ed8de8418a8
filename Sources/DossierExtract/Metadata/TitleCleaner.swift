/// Removes the site's name from a page title: "Jane Doe joins Acme | Acme News" → "Jane Doe joins Acme".
enum TitleCleaner {
    private static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • ", " / "]

    /// `host` (of the page's URL) helps when the page does not name its site: `en.wikipedia.org`
    /// matches the suffix "Wikipedia".
    static func clean(_ title: String, siteName: String?, host: String? = nil) -> String {
        let title = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let site = (siteName ?? host.flatMap(siteLabel)).map(simplified)
        for separator in separators where title.contains(separator) {
            var parts = title.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            if let site, !site.isEmpty {
                if isSite(parts[parts.count - 1], site) {
                    parts.removeLast()
                    return parts.joined(separator: separator)
                }
                if isSite(parts[0], site) {
                    parts.removeFirst()
                    return parts.joined(separator: separator)
                }
            }
            // Without a known site name: a short last part after a longer title is the site.
            let last = parts[parts.count - 1]
            let rest = parts.dropLast().joined(separator: separator)
            if last.split(separator: " ").count <= 3, rest.count >= last.count {
                return rest
            }
        }
        return title
    }

    /// The part of a title that names the site of `host` ("Elon Musk - Wikipedia" on
    /// en.wikipedia.org gives "Wikipedia"), or nil when no part does.
    static func siteName(in title: String, host: String?) -> String? {
        guard let label = host.flatMap(siteLabel).map(simplified), !label.isEmpty else { return nil }
        let title = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for separator in separators where title.contains(separator) {
            let parts = title.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            for part in [parts[parts.count - 1], parts[0]] where simplified(part) == label {
                return part.trimmingSpaces()
            }
        }
        return nil
    }

    /// The registrable label of a host: `en.wikipedia.org` → `wikipedia`, `www.bbc.co.uk` → `bbc`.
    private static func siteLabel(_ host: String) -> String? {
        let labels = host.lowercased().split(separator: ".")
        guard labels.count >= 2 else { return nil }
        let secondLevel = ["co", "com", "org", "net", "ac", "gov", "edu"]
        let index = labels.count >= 3 && secondLevel.contains(String(labels[labels.count - 2])) ? labels.count - 3 : labels.count - 2
        return String(labels[index])
    }

    private static func isSite(_ part: String, _ site: String) -> Bool {
        let part = simplified(part)
        return !part.isEmpty && (part == site || part.contains(site) || site.contains(part))
    }

    private static func simplified(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
