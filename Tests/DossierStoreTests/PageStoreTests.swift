@testable import DossierStore
import DossierTestSupport
import Foundation
import GRDB
import Testing

@Suite("pages")
struct PageStoreTests {
    /// Bytes that are not valid UTF-8 and contain a NUL, so a text round trip would damage them.
    static let binaryBody = Data([0x3C, 0x68, 0x31, 0x3E, 0x00, 0xFF, 0xFE, 0xC3, 0x28, 0x3C, 0x2F, 0x68, 0x31, 0x3E])

    static func page(_ url: String, body: Data = binaryBody, etag: String? = "\"v1\"") -> PageRecord {
        PageRecord(
            url: url,
            finalURL: url + "?redirected",
            httpStatus: 200,
            contentType: "text/html",
            charset: "windows-1252",
            etag: etag,
            lastModified: "Wed, 21 Oct 2026 07:28:00 GMT",
            fetchedAt: instant(),
            body: body,
            extractedText: "Jane Doe leads robotics.",
            metadataJSON: #"{"title":"Jane Doe"}"#
        )
    }

    @Test("an upserted page reloads with its validators, body bytes and hash")
    func roundTrip() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let store = try DossierStore(directory: temporary.url)
        defer { try? store.close() }
        let page = Self.page("https://acme.example/team")

        try store.upsertPage(page)
        let loaded = try #require(try store.page(url: page.url))

        #expect(loaded == page)
        #expect(loaded.etag == "\"v1\"")
        #expect(loaded.lastModified == "Wed, 21 Oct 2026 07:28:00 GMT")
        #expect(loaded.body == Self.binaryBody)
        #expect(loaded.contentHash == SHA256.hexDigest(of: Self.binaryBody))
        #expect(try store.page(url: "https://acme.example/other") == nil)
    }

    @Test("upserting the same URL replaces the stored page")
    func upsertReplaces() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let store = try DossierStore(directory: temporary.url)
        defer { try? store.close() }
        let url = "https://acme.example/about"

        try store.upsertPage(Self.page(url))
        let newer = Self.page(url, body: Data("<p>new</p>".utf8), etag: "\"v2\"")
        try store.upsertPage(newer)

        let loaded = try #require(try store.page(url: url))
        #expect(loaded.etag == "\"v2\"")
        #expect(loaded.body == Data("<p>new</p>".utf8))
        #expect(loaded.contentHash == SHA256.hexDigest(of: Data("<p>new</p>".utf8)))
        let rowCount = try store.pool.read { db in try PageRecord.fetchCount(db) }
        #expect(rowCount == 1)
    }

    @Test("a person's pages come most relevant first, with the reason they were linked")
    func personPages() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let store = try DossierStore(directory: temporary.url)
        defer { try? store.close() }
        let jane = try #require(try store.upsertPerson(PersonRecord(name: "Jane Doe", slug: "jane-doe", at: instant())).id)
        let john = try #require(try store.upsertPerson(PersonRecord(name: "John Roe", slug: "john-roe", at: instant())).id)
        for url in ["https://a.example/", "https://b.example/", "https://c.example/"] {
            try store.upsertPage(Self.page(url))
        }

        try store.linkPage(PersonPageRecord(personID: jane, pageURL: "https://a.example/", relevance: 0.4, reason: "news"))
        try store.linkPage(PersonPageRecord(personID: jane, pageURL: "https://b.example/", relevance: 0.9, reason: "wikipedia"))
        try store.linkPage(PersonPageRecord(personID: john, pageURL: "https://c.example/", relevance: 1.0, reason: "team page"))
        try store.linkPage(PersonPageRecord(personID: jane, pageURL: "https://a.example/", relevance: 0.5, reason: "news, relinked"))

        let pages = try store.pages(ofPerson: jane)
        #expect(pages.map(\.page.url) == ["https://b.example/", "https://a.example/"])
        #expect(pages.map(\.link.reason) == ["wikipedia", "news, relinked"])
        #expect(pages.first?.page.body == Self.binaryBody)
    }
}
