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
    public var snippet: String?

    public init(url: String, title: String? = nil, snippet: String? = nil) {
        self.url = url
        self.title = title
        self.snippet = snippet
    }
}

/// A Wikidata item that may be the subject (or their company).
public struct EntityCandidate: Sendable, Equatable, Codable {
    public var id: String
    public var label: String?
    public var description: String?

    public init(id: String, label: String? = nil, description: String? = nil) {
        self.id = id
        self.label = label
        self.description = description
    }
}

/// A dated statement from structured data (Wikidata claims), cited by its source URL.
public struct StructuredFact: Sendable, Equatable, Codable {
    /// What the statement is about, e.g. `employer`, `position`, `education`, `inception`.
    public var kind: String
    /// The value: a label for items, the literal otherwise.
    public var value: String
    /// The Wikidata id of the value when it is an item.
    public var valueID: String?
    public var start: String?
    public var end: String?
    public var sourceURL: String

    public init(kind: String, value: String, valueID: String? = nil, start: String? = nil, end: String? = nil, sourceURL: String) {
        self.kind = kind
        self.value = value
        self.valueID = valueID
        self.start = start
        self.end = end
        self.sourceURL = sourceURL
    }
}
