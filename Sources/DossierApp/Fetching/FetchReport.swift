import DossierFetch
import Foundation

/// The stable JSON shape of one fetch result, as `dossier fetch --json` prints it.
/// Keys are snake_case and only ever added to, never renamed.
public struct FetchReport: Codable, Sendable, Equatable {
    public var url: String
    public var finalURL: String
    /// `fetched`, `not_modified` or `failed`.
    public var outcome: String
    public var status: Int?
    public var contentType: String?
    public var charset: String?
    public var etag: String?
    public var lastModified: String?
    public var bytes: Int
    public var redirects: [String]
    public var attempts: Int
    public var httpVersion: String?
    public var seconds: FetchTimings
    public var error: FetchFailure?
    /// Where the body was written, when it was.
    public var file: String?

    enum CodingKeys: String, CodingKey {
        case url, outcome, status, charset, etag, bytes, redirects, attempts, seconds, error, file
        case finalURL = "final_url"
        case contentType = "content_type"
        case lastModified = "last_modified"
        case httpVersion = "http_version"
    }

    public init(_ result: FetchResult, file: String? = nil) {
        url = result.originalURL
        finalURL = result.finalURL
        switch result.outcome {
        case .fetched: outcome = "fetched"
        case .notModified: outcome = "not_modified"
        case .failed: outcome = "failed"
        }
        status = result.status
        contentType = result.contentType
        charset = result.charset
        etag = result.validators.etag
        lastModified = result.validators.lastModified
        bytes = result.body.count
        redirects = result.redirects
        attempts = result.attempts
        httpVersion = result.httpVersion
        seconds = result.timings
        error = result.failure
        self.file = file
    }

    /// One human-readable line: status or error category, size, URL, and where it ended.
    public var line: String {
        let head = error.map { "ERR \($0.category.rawValue)" } ?? (outcome == "not_modified" ? "304 not modified" : "\(status ?? 0)")
        var text = "\(head)\t\(bytes) B\t\(url)"
        if finalURL != url { text += " -> \(finalURL)" }
        if let error { text += "\t\(error.message)" }
        return text
    }
}
