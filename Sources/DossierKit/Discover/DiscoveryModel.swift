import Foundation

/// Who a dossier is about, as the user named them.
public struct Subject: Sendable, Equatable, Codable {
    public var name: String
    public var company: String?
    public var domain: String?
    /// Extra pages the user wants included (`--url`).
    public var extraURLs: [String]

    public init(name: String, company: String? = nil, domain: String? = nil, extraURLs: [String] = []) {
        self.name = name
        self.company = company
        self.domain = domain
        self.extraURLs = extraURLs
    }
}

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

/// A dated statement from structured data (Wikidata claims, a profile's fields), cited by its source URL.
public struct StructuredFact: Sendable, Equatable, Codable {
    /// What the statement is about, e.g. `employer`, `position`, `education`, `inception`; for a
    /// Wikidata property dossier has no name for, its id (`P1234`).
    public var kind: String
    /// The value: a label for items, the literal otherwise.
    public var value: String
    /// The Wikidata id of the value when it is an item.
    public var valueID: String?
    public var start: String?
    public var end: String?
    /// When the statement held at one moment (an award's year, an employee count's date).
    public var pointInTime: String?
    /// The source's own name for the statement (a Wikidata property's label), for kinds that
    /// dossier has no wording of its own for.
    public var kindLabel: String?
    public var sourceURL: String

    public init(kind: String, value: String, valueID: String? = nil, start: String? = nil, end: String? = nil,
                pointInTime: String? = nil, kindLabel: String? = nil, sourceURL: String) {
        self.kind = kind
        self.value = value
        self.valueID = valueID
        self.start = start
        self.end = end
        self.pointInTime = pointInTime
        self.kindLabel = kindLabel
        self.sourceURL = sourceURL
    }

    /// The date the statement is placed at: its start, else its moment.
    public var date: String? { start ?? pointInTime }
}
