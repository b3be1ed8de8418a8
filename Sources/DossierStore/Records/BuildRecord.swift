import Foundation
import GRDB

/// One run of `dossier build` (or of a refresh) for a person.
public struct BuildRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "builds"

    /// Where a build stands. A build whose process died stays `running` with no `finishedAt`.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case running
        case succeeded
        case failed
    }

    /// Row id; `nil` until stored.
    public var id: Int64?
    public var personID: Int64
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: Status
    /// The options the build ran with (offline, sources, …) as a JSON document.
    public var optionsJSON: String

    public init(
        id: Int64? = nil,
        personID: Int64,
        startedAt: Date,
        finishedAt: Date? = nil,
        status: Status = .running,
        optionsJSON: String = "{}"
    ) {
        self.id = id
        self.personID = personID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.optionsJSON = optionsJSON
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
