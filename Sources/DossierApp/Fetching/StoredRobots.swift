import DossierFetch
import DossierStore
import Foundation
import Synchronization

/// robots.txt files kept in the store as pages (`<origin>/robots.txt`), so that runs within a
/// day of each other fetch each one once.
///
/// The fetcher asks and tells without caring for storage errors (a file that cannot be
/// recalled is fetched again), so the first error is kept here: the build throws it once
/// discovery is over, and a damaged store never passes unnoticed.
final class StoredRobots: RobotsMemory {
    private let store: DossierStore
    private let firstError = Mutex<(any Error)?>(nil)

    init(store: DossierStore) { self.store = store }

    func recall(origin: String, maximumAge: TimeInterval, now: Date) -> Data? {
        let page: PageRecord?
        do {
            page = try store.page(url: origin + "/robots.txt")
        } catch {
            keep(error)
            return nil
        }
        guard let page, now.timeIntervalSince(page.fetchedAt) >= 0, now.timeIntervalSince(page.fetchedAt) < maximumAge else {
            return nil
        }
        return page.body
    }

    func remember(origin: String, body: Data, at date: Date) {
        let url = origin + "/robots.txt"
        do {
            _ = try store.upsertPage(PageRecord(url: url, finalURL: url, httpStatus: 200, contentType: "text/plain", fetchedAt: date, body: body))
        } catch {
            keep(error)
        }
    }

    /// Throws the first storage error met, if any.
    func throwFirstError() throws {
        if let error = firstError.withLock({ $0 }) { throw error }
    }

    private func keep(_ error: any Error) {
        firstError.withLock { if $0 == nil { $0 = error } }
    }
}
