import DossierFetch
import DossierStore
import Foundation

/// robots.txt files kept in the store as pages (`<origin>/robots.txt`), so that runs within a
/// day of each other fetch each one once.
struct StoredRobots: RobotsMemory {
    let store: DossierStore

    func recall(origin: String, maximumAge: TimeInterval, now: Date) -> Data? {
        guard let page = try? store.page(url: origin + "/robots.txt"),
              now.timeIntervalSince(page.fetchedAt) >= 0, now.timeIntervalSince(page.fetchedAt) < maximumAge else { return nil }
        return page.body
    }

    func remember(origin: String, body: Data, at date: Date) {
        let url = origin + "/robots.txt"
        _ = try? store.upsertPage(PageRecord(url: url, finalURL: url, httpStatus: 200, contentType: "text/plain", fetchedAt: date, body: body))
    }
}
