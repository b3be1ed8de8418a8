/// Facts about a page, each from the most reliable source the page offers.
public struct PageMetadata: Sendable, Equatable, Codable {
    /// The title without the site's name appended.
    public var title: String?
    /// Authors, each validated as a person's name.
    public var authors: [String] = []
    /// Publication date, `YYYY-MM-DD`.
    public var published: String?
    /// Last modification date, `YYYY-MM-DD`.
    public var modified: String?
    public var siteName: String?
    public var description: String?
    /// The canonical URL, absolute.
    public var canonicalURL: String?
    /// The language tag, such as `en` or `pt-BR`.
    public var language: String?
    /// The page's lead image URL, absolute.
    public var image: String?
    /// The feeds the page announces (`<link rel="alternate" type="application/rss+xml">`, Atom or
    /// JSON Feed), absolute, in page order.
    public var feeds: [String] = []

    public init() {}
}

/// One `<meta property content>` pair (OpenGraph, Twitter cards).
public struct MetaProperty: Sendable, Equatable, Codable {
    public var property: String
    public var content: String

    public init(property: String, content: String) {
        self.property = property
        self.content = content
    }
}

/// An outgoing link and its anchor text.
public struct PageLink: Sendable, Equatable, Codable {
    /// The absolute URL (resolved against the page's base URL when the page's URL is known).
    public var url: String
    /// The anchor text, or the image's alt text for an image link.
    public var text: String
    /// The `rel` attribute, when present.
    public var rel: String?

    public init(url: String, text: String, rel: String? = nil) {
        self.url = url
        self.text = text
        self.rel = rel
    }
}

/// A person named on a team or leadership page (or in Person data), with their role.
public struct PersonCard: Sendable, Equatable, Codable {
    public var name: String
    public var title: String

    public init(name: String, title: String) {
        self.name = name
        self.title = title
    }
}
