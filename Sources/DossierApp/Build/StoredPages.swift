import DossierDiscover
import DossierFetch
import DossierStore
import Foundation

extension PageResponse {
    /// Serves the stored copy of the page: its type and reading, and its body when there is
    /// no reading to use instead. A store that cannot be read ends the build.
    mutating func useStoredCopy(_ page: PageHead, store: DossierStore) throws {
        body = page.readingJSON == nil ? (try store.page(url: page.url)?.body ?? Data()) : Data()
        contentType = page.contentType
        charset = page.charset
        finalURL = page.finalURL
        storedFetchedAt = page.fetchedAt
        storedReadingJSON = page.readingJSON
    }
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

    public func pages(_ requests: [FetchRequest]) async throws -> [PageResponse] {
        // Heads only: a body is read from the store when a stored copy without a reading is used.
        let stored = try requests.map { try store.pageHead(url: $0.url) }
        let conditional = zip(requests, stored).map { request, page in
            var request = request
            request.validators = Validators(etag: page?.etag, lastModified: page?.lastModified)
            return request
        }
        let results = await fetcher.fetchAll(conditional)
        return try zip(results, stored).map { result, page in
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
                if let page { try response.useStoredCopy(page, store: store) }
            case .notModified:
                response.kind = .notModified
                if let page { try response.useStoredCopy(page, store: store) }
            }
            return response
        }
    }
}

/// Pages from the store only, for `--offline`: what was fetched before, nothing new.
public struct StoredPages: PageSource {
    let store: DossierStore

    public init(store: DossierStore) { self.store = store }

    public func pages(_ requests: [FetchRequest]) async throws -> [PageResponse] {
        try requests.map(\.url).map { url in
            guard let page = try store.page(url: url) else {
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

/// The store as discovery's archive: fetched answers are kept as pages, and a stored copy's
/// body is read back when discovery needs its markup.
public struct StoreArchive: PageArchive {
    let store: DossierStore

    public init(store: DossierStore) { self.store = store }

    public func keep(_ page: ArchivedPage) throws {
        try store.upsertPage(PageRecord(
            url: page.url, finalURL: page.finalURL, httpStatus: page.status, contentType: page.contentType,
            charset: page.charset, etag: page.validators.etag, lastModified: page.validators.lastModified,
            fetchedAt: page.fetchedAt, body: page.body, extractedText: page.extractedText, metadataJSON: page.metadataJSON,
            readingJSON: page.readingJSON
        ))
    }

    public func body(of url: String) throws -> Data? {
        try store.page(url: url)?.body
    }
}
