import Foundation
import GRDB

/// The latest fetch of one URL: what the server said, the body it sent and what was extracted from it.
///
/// The URL (as requested, before redirects and rewrite rules) is the key; `finalURL` is where the body
/// came from. `etag` and `lastModified` are kept verbatim for the next conditional request.
/// The body is stored uncompressed: zlib is not importable from Swift on Linux without a module map,
/// and pages are small next to what SQLite handles comfortably.
public struct PageRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "pages"

    public var url: String
    public var finalURL: String
    public var httpStatus: Int
    public var contentType: String?
    public var charset: String?
    /// The `ETag` response header, verbatim, for `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` response header, verbatim, for `If-Modified-Since`.
    public var lastModified: String?
    /// When `body` was received.
    public var fetchedAt: Date
    /// Lowercase hex SHA-256 of `body`; always consistent with it.
    public private(set) var contentHash: String
    /// The raw response body, as received (after transfer decoding).
    public private(set) var body: Data
    public var extractedText: String?
    /// Extracted metadata (title, author, date, JSON-LD …) as a JSON document.
    public var metadataJSON: String?
    /// What discovery read from the page (text, title, table rows, links …) as JSON, so a
    /// "not modified" answer needs no extraction.
    public var readingJSON: String?

    public init(
        url: String,
        finalURL: String,
        httpStatus: Int,
        contentType: String? = nil,
        charset: String? = nil,
        etag: String? = nil,
        lastModified: String? = nil,
        fetchedAt: Date,
        body: Data,
        extractedText: String? = nil,
        metadataJSON: String? = nil,
        readingJSON: String? = nil
    ) {
        self.url = url
        self.finalURL = finalURL
        self.httpStatus = httpStatus
        self.contentType = contentType
        self.charset = charset
        self.etag = etag
        self.lastModified = lastModified
        self.fetchedAt = fetchedAt
        self.contentHash = SHA256.hexDigest(of: body)
        self.body = body
        self.extractedText = extractedText
        self.metadataJSON = metadataJSON
        self.readingJSON = readingJSON
    }
}
