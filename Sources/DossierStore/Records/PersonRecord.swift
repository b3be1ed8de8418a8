import Foundation
import GRDB

/// A person a dossier is about, one row per slug (the name as it appears in the output folder).
public struct PersonRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "people"

    /// Row id; `nil` until stored.
    public var id: Int64?
    public var name: String
    /// Stable key for the person (`jane-doe`); made by the caller, unique in the store.
    public var slug: String
    /// Wikidata entity id of the identity chosen for this person, when one was chosen.
    public var wikidataID: String?
    /// How sure the build was, from 0 to 1, that the chosen identity is the person meant.
    public var identityConfidence: Double?
    public var companyID: Int64?
    /// The person's own web domain, when known.
    public var domain: String?
    /// When the person was first stored; an upsert keeps the first value.
    public var createdAt: Date
    public var updatedAt: Date

    /// A person as of `date`, which becomes both `createdAt` and `updatedAt`.
    public init(
        id: Int64? = nil,
        name: String,
        slug: String,
        wikidataID: String? = nil,
        identityConfidence: Double? = nil,
        companyID: Int64? = nil,
        domain: String? = nil,
        at date: Date
    ) {
        self.id = id
        self.name = name
        self.slug = slug
        self.wikidataID = wikidataID
        self.identityConfidence = identityConfidence
        self.companyID = companyID
        self.domain = domain
        self.createdAt = date
        self.updatedAt = date
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
