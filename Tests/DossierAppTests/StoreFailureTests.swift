@testable import DossierApp
import DossierFetch
import DossierStore
import DossierTestSupport
import Foundation
import Testing

/// A store that fails mid-build must end the build with its error, not pass for a page that
/// was never stored.
@Suite("store failures during a build")
struct StoreFailureTests {
    private func closedStore(_ folder: TemporaryFolder) throws -> DossierStore {
        let store = try DossierStore(directory: folder.url)
        try store.close()
        return store
    }

    @Test("offline pages from a store that cannot be read throw rather than report the page missing")
    func offlinePagesThrow() async throws {
        let folder = try TemporaryFolder("store-failure")
        defer { folder.remove() }
        let pages = StoredPages(store: try closedStore(folder))
        await #expect(throws: StoreError.self) {
            _ = try await pages.pages([FetchRequest(url: "https://example.test/")])
        }
    }

    @Test("robots.txt memory keeps the first store error for the build to throw")
    func robotsMemoryLatchesError() throws {
        let folder = try TemporaryFolder("store-failure")
        defer { folder.remove() }
        let robots = StoredRobots(store: try closedStore(folder))
        #expect(robots.recall(origin: "https://example.test", maximumAge: 86_400, now: Date()) == nil)
        robots.remember(origin: "https://example.test", body: Data("User-agent: *\n".utf8), at: Date())
        #expect(throws: StoreError.self) { try robots.throwFirstError() }
    }

    @Test("robots.txt memory on a working store recalls what it kept and has no error")
    func robotsMemoryWorks() throws {
        let folder = try TemporaryFolder("store-failure")
        defer { folder.remove() }
        let store = try DossierStore(directory: folder.url)
        defer { try? store.close() }
        let robots = StoredRobots(store: store)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        robots.remember(origin: "https://example.test", body: Data("User-agent: *\n".utf8), at: now)
        #expect(robots.recall(origin: "https://example.test", maximumAge: 86_400, now: now.addingTimeInterval(60)) == Data("User-agent: *\n".utf8))
        #expect(robots.recall(origin: "https://example.test", maximumAge: 86_400, now: now.addingTimeInterval(90_000)) == nil)
        try robots.throwFirstError()
    }
}
