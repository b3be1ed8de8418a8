import DossierFetch
import DossierStore
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
}

extension PageResponse {
    /// Serves the stored copy of the page: its type and reading, and its body when there is
    /// no reading to use instead.
    mutating func useStoredCopy(_ page: PageHead, store: DossierStore) {
        body = page.readingJSON == nil ? ((try? store.page(url: page.url))?.body ?? Data()) : Data()
        contentType = page.contentType
        charset = page.charset
        finalURL = page.finalURL
        storedFetchedAt = page.fetchedAt
        storedReadingJSON = page.readingJSON
    }
}

/// Where pages come from: the web through the fetcher, or the store when offline.
public protocol PageSource: Sendable {
    /// Fetches `requests`, in order; never throws: failures are in the responses. A stored copy's
    /// validators replace those of the requests.
    func pages(_ requests: [FetchRequest]) async -> [PageResponse]
}

/// Pages from the web. Stored validators make each request conditional, and a
/// "not modified" answer is served from the stored body.
public struct LivePages: PageSource {
    let fetcher: Fetcher
    let store: DossierStore

    public init(fetcher: Fetcher, store: DossierStore) {
        self.fetcher = fetcher
        self.store = store
    }

    public func pages(_ requests: [FetchRequest]) async -> [PageResponse] {
        // Heads only: a body is read from the store when a stored copy without a reading is used.
        let stored = requests.map { try? store.pageHead(url: $0.url) }
        let conditional = zip(requests, stored).map { request, page in
            var request = request
            request.validators = Validators(etag: page?.etag, lastModified: page?.lastModified)
            return request
        }
        let results = await fetcher.fetchAll(conditional)
        return zip(results, stored).map { result, page in
            var response = PageResponse(
                url: result.originalURL, finalURL: result.finalURL, status: result.status,
                contentType: result.contentType, charset: result.charset, validators: result.validators,
                body: result.body, kind: .fetched, failure: result.failure, seconds: result.timings.total
            )
            switch result.outcome {
            case .fetched: break
            case .failed:
                // The last good copy stands in for a page that cannot be fetched now; the
                // failure is still reported.
                response.kind = .failed
                if let page = page ?? nil { response.useStoredCopy(page, store: store) }
            case .notModified:
                response.kind = .notModified
                if let page = page ?? nil { response.useStoredCopy(page, store: store) }
            }
            return response
        }
    }
}

/// Pages from the store only, for `--offline`: what was fetched before, nothing new.
public struct StoredPages: PageSource {
    let store: DossierStore

    public init(store: DossierStore) { self.store = store }

    public func pages(_ requests: [FetchRequest]) async -> [PageResponse] {
        requests.map(\.url).map { url in
            guard let page = try? store.page(url: url) else {
                return PageResponse(
                    url: url, finalURL: url, status: nil, contentType: nil, charset: nil, validators: Validators(),
                    body: Data(), kind: .failed,
                    failure: FetchFailure(.other, "not in the store (offline); build once without --offline"), seconds: 0
                )
            }
            return PageResponse(
                url: url, finalURL: page.finalURL, status: page.httpStatus, contentType: page.contentType,
                charset: page.charset, validators: Validators(etag: page.etag, lastModified: page.lastModified),
                body: page.body, kind: .notModified, failure: nil, seconds: 0, storedFetchedAt: page.fetchedAt,
                storedReadingJSON: page.readingJSON
            )
        }
    }
}
