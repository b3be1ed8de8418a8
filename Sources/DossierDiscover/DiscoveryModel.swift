import Foundation

/// A page a source pointed at, to be fetched and read.
public struct DiscoveredPage: Sendable, Equatable, Codable {
    public var url: String
    public var title: String?
    /// What the search showed of the page.
    public var snippet: String?
    /// The page's date as the search knew it (`yyyy-MM-dd`), for a page that gives none itself.
    public var published: String?

    public init(url: String, title: String? = nil, snippet: String? = nil, published: String? = nil) {
        self.url = url
        self.title = title
        self.snippet = snippet
        self.published = published
    }
}

/// A Wikidata item that may be the subject (or their company).
public struct EntityCandidate: Sendable, Equatable, Codable {
    public var id: String
    public var label: String?
    public var description: String?
    /// The text the search matched, when it was not the label (an alias).
    public var matchedText: String?

    public init(id: String, label: String? = nil, description: String? = nil, matchedText: String? = nil) {
        self.id = id
        self.label = label
        self.description = description
        self.matchedText = matchedText
    }

    /// Whether the item is not a thing in the world but a page about names or pages: a
    /// disambiguation page, a list, a category, a template, or a given or family name.
    public var isNamePage: Bool {
        let description = (description ?? "").lowercased()
        return description.hasPrefix("wikimedia ") || description.hasPrefix("wikipedia ")
            || ["family name", "given name", "surname", "disambiguation"].contains { description.contains($0) }
    }
}
