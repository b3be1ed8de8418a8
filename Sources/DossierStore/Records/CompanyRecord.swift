import GRDB

/// A company a person works for, one row per name (names compare case-insensitively).
public struct CompanyRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "companies"

    /// Row id; `nil` until stored.
    public var id: Int64?
    public var name: String
    /// The company's own web domain (`acme.example`), when known.
    public var domain: String?
    /// Wikidata entity id (`Q42`), when the company was matched on Wikidata.
    public var wikidataID: String?

    public init(id: Int64? = nil, name: String, domain: String? = nil, wikidataID: String? = nil) {
        self.id = id
        self.name = name
        self.domain = domain
        self.wikidataID = wikidataID
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
