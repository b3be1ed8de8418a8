import GRDB

/// What one source (or one URL of a source) gave a build: a fetched page, a still-valid stored page,
/// a failure with its reason, or nothing because it was skipped.
///
/// `contentHash` is the body hash the build used, so comparing two builds' outcomes tells which pages
/// changed between them.
public struct SourceOutcomeRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "source_outcomes"

    /// How the source turned out.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case fetched
        /// A conditional request answered 304; the stored page is current.
        case notModified = "not_modified"
        case failed
        /// Not requested (offline build, robots.txt, not applicable …); `message` says why.
        case skipped
    }

    /// Row id; `nil` until stored.
    public var id: Int64?
    public var buildID: Int64
    /// The source's name as Sources.d defines it.
    public var sourceName: String
    /// The URL requested, when the source got as far as having one.
    public var url: String?
    public var outcome: Outcome
    /// A short machine-readable reason for a failure (`timeout`, `http`, `robots`, …).
    public var errorCategory: String?
    /// A human-readable detail for the report.
    public var message: String?
    public var httpStatus: Int?
    public var elapsedSeconds: Double
    /// SHA-256 hex of the body this build used from the source, when it used one.
    public var contentHash: String?

    public init(
        id: Int64? = nil,
        buildID: Int64,
        sourceName: String,
        url: String? = nil,
        outcome: Outcome,
        errorCategory: String? = nil,
        message: String? = nil,
        httpStatus: Int? = nil,
        elapsedSeconds: Double = 0,
        contentHash: String? = nil
    ) {
        self.id = id
        self.buildID = buildID
        self.sourceName = sourceName
        self.url = url
        self.outcome = outcome
        self.errorCategory = errorCategory
        self.message = message
        self.httpStatus = httpStatus
        self.elapsedSeconds = elapsedSeconds
        self.contentHash = contentHash
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
