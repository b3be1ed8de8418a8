import GRDB

/// Says that a stored page is about a person, how relevant it is and why it was linked.
public struct PersonPageRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "person_pages"

    public var personID: Int64
    public var pageURL: String
    /// Higher is more relevant; the scale belongs to whoever links the page.
    public var relevance: Double
    /// Why the page was linked, e.g. `"wikipedia summary"` or `"team page of acme.example"`.
    public var reason: String

    public init(personID: Int64, pageURL: String, relevance: Double, reason: String) {
        self.personID = personID
        self.pageURL = pageURL
        self.relevance = relevance
        self.reason = reason
    }
}
