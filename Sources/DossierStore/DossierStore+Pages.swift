import Foundation
import GRDB

/// A stored page as linked to a person: the page, and how and why it was linked.
public struct LinkedPage: Sendable, Equatable {
    public var page: PageRecord
    public var link: PersonPageRecord
}

/// Fetched pages and which people they are about.
extension DossierStore {
    /// Stores `page` under its URL, replacing what was stored for that URL.
    public func upsertPage(_ page: PageRecord) throws {
        try write("store page \(page.url)") { db in
            try page.upsert(db)
        }
    }

    /// The page stored for `url` (the URL as requested), with the validators for a conditional request.
    public func page(url: String) throws -> PageRecord? {
        try read("load page \(url)") { db in
            try PageRecord.fetchOne(db, key: url)
        }
    }

    /// What is stored for `url` without its body: enough for a conditional request, and for
    /// a "not modified" answer when the page's reading is stored.
    public func pageHead(url: String) throws -> PageHead? {
        try read("load page \(url)") { db in
            try PageHead.fetchOne(db, sql: """
                SELECT url, finalURL, httpStatus, contentType, charset, etag, lastModified, fetchedAt, readingJSON
                FROM pages WHERE url = ?
                """, arguments: [url])
        }
    }

    /// Links stored pages to people, in one transaction.
    public func linkPages(_ links: [PersonPageRecord]) throws {
        try write("link \(links.count) pages") { db in
            for link in links { try link.upsert(db) }
        }
    }

    /// Links the stored page at `link.pageURL` to `link.personID`, replacing an earlier link between them.
    public func linkPage(_ link: PersonPageRecord) throws {
        try write("link page \(link.pageURL) to person \(link.personID)") { db in
            try link.upsert(db)
        }
    }

    /// The pages linked to a person, most relevant first (ties by URL, so the order is stable).
    public func pages(ofPerson personID: Int64) throws -> [LinkedPage] {
        try read("load pages of person \(personID)") { db in
            let links = try PersonPageRecord
                .filter(Column("personID") == personID)
                .order(Column("relevance").desc, Column("pageURL"))
                .fetchAll(db)
            let pages = try PageRecord.fetchAll(db, keys: links.map(\.pageURL))
            let pagesByURL = Dictionary(uniqueKeysWithValues: pages.map { ($0.url, $0) })
            return links.compactMap { link in
                pagesByURL[link.pageURL].map { LinkedPage(page: $0, link: link) }
            }
        }
    }
}

/// A stored page without its body.
public struct PageHead: Codable, Sendable, Equatable, FetchableRecord {
    public var url: String
    public var finalURL: String
    public var httpStatus: Int
    public var contentType: String?
    public var charset: String?
    public var etag: String?
    public var lastModified: String?
    public var fetchedAt: Date
    public var readingJSON: String?
}
