import DossierCore
import DossierFetch
import Foundation

/// A page as discovery receives it, from the web or from the store.
public struct PageResponse: Sendable {
    public var url: String
    public var finalURL: String
    public var status: Int?
    public var contentType: String?
    public var charset: String?
    public var validators: Validators
    public var body: Data
    public var kind: SourceOutcome.Kind
    public var failure: FetchFailure?
    public var seconds: Double
    /// When the body was fetched, for a body served from the store ("not modified"); nil
    /// for a body fetched just now.
    public var storedFetchedAt: Date? = nil
    /// What discovery read from the stored copy last time, when the body is that copy.
    public var storedReadingJSON: String? = nil

    public init(
        url: String, finalURL: String, status: Int?, contentType: String?, charset: String?, validators: Validators, body: Data,
        kind: SourceOutcome.Kind, failure: FetchFailure?, seconds: Double, storedFetchedAt: Date? = nil, storedReadingJSON: String? = nil
    ) {
        self.url = url
        self.finalURL = finalURL
        self.status = status
        self.contentType = contentType
        self.charset = charset
        self.validators = validators
        self.body = body
        self.kind = kind
        self.failure = failure
        self.seconds = seconds
        self.storedFetchedAt = storedFetchedAt
        self.storedReadingJSON = storedReadingJSON
    }
}

/// Where pages come from: the web through the fetcher, or the store when offline.
public protocol PageSource: Sendable {
    /// Fetches `requests`, in order. A page that cannot be fetched is a response with its
    /// failure; only the source's own storage failing (a damaged store) throws, and ends the
    /// discovery. A stored copy's validators replace those of the requests.
    func pages(_ requests: [FetchRequest]) async throws -> [PageResponse]
}

/// Where discovery keeps what it fetched (for conditional requests and offline rebuilds) and
/// finds the body of a stored copy that was served with only its reading. Its errors (a full
/// disk, a damaged store) end the discovery: they are not a source's failure.
public protocol PageArchive: Sendable {
    /// Keeps a freshly fetched answer with what discovery read from it.
    func keep(_ page: ArchivedPage) throws
    /// The stored body of `url`; nil when no copy is stored.
    func body(of url: String) throws -> Data?
}

/// A fetched answer as discovery hands it to the archive.
public struct ArchivedPage: Sendable, Equatable {
    public var url: String
    public var finalURL: String
    public var status: Int
    public var contentType: String?
    public var charset: String?
    public var validators: Validators
    public var fetchedAt: Date
    public var body: Data
    /// The extracted main text, when the answer was read as an article.
    public var extractedText: String?
    /// The page's metadata as JSON, when read as an article.
    public var metadataJSON: String?
    /// Discovery's whole reading as JSON, so a "not modified" answer needs no extraction.
    public var readingJSON: String?
}
