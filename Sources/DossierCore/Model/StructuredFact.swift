import Foundation

/// A dated statement from structured data (Wikidata claims, a profile's fields), cited by its source URL.
public struct StructuredFact: Sendable, Equatable, Codable {
    /// What the statement is about.
    public var kind: FactKind
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

    public init(kind: FactKind, value: String, valueID: String? = nil, start: String? = nil, end: String? = nil,
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
