@testable import DossierStore
import DossierTestSupport
import Foundation
import GRDB
import Testing

@Suite("people and builds")
struct PeopleAndBuildTests {
    @Test("upserting a person by slug keeps the id and creation date and updates the rest")
    func personUpsert() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let store = try DossierStore(directory: temporary.url)
        defer { try? store.close() }
        let acme = try store.upsertCompany(CompanyRecord(name: "Acme Robotics", domain: "acme.example"))
        let renamed = try store.upsertCompany(CompanyRecord(name: "ACME robotics", wikidataID: "Q1"))

        let first = try store.upsertPerson(PersonRecord(name: "Jane Doe", slug: "jane-doe", at: instant()))
        let second = try store.upsertPerson(PersonRecord(
            name: "Jane Q. Doe", slug: "jane-doe", wikidataID: "Q42", identityConfidence: 0.87,
            companyID: acme.id, domain: "janedoe.example", at: instant(3600)))
        _ = try store.upsertPerson(PersonRecord(name: "Adam Ant", slug: "adam-ant", at: instant()))

        #expect(renamed.id == acme.id)
        #expect(try store.company(id: try #require(acme.id)) == renamed)
        #expect(second.id == first.id)
        #expect(second.createdAt == instant())
        #expect(second.updatedAt == instant(3600))
        #expect(second.identityConfidence == 0.87)
        #expect(second.companyID == acme.id)
        #expect(try store.people().map(\.slug) == ["adam-ant", "jane-doe"])
    }

    @Test("a build and its source outcomes round-trip, and the newest build is the latest")
    func buildRoundTrip() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let store = try DossierStore(directory: temporary.url)
        defer { try? store.close() }
        let jane = try #require(try store.upsertPerson(PersonRecord(name: "Jane Doe", slug: "jane-doe", at: instant())).id)
        #expect(try store.latestBuild(ofPerson: jane) == nil)

        let first = try store.startBuild(personID: jane, optionsJSON: #"{"offline":false}"#, at: instant(10))
        let firstID = try #require(first.id)
        #expect(first.status == .running)
        let recorded = try [
            SourceOutcomeRecord(buildID: firstID, sourceName: "wikipedia", url: "https://en.wikipedia.org/wiki/Jane_Doe",
                                outcome: .fetched, httpStatus: 200, elapsedSeconds: 0.25, contentHash: "ab12"),
            SourceOutcomeRecord(buildID: firstID, sourceName: "company-site", url: "https://acme.example/team",
                                outcome: .notModified, httpStatus: 304, elapsedSeconds: 0.1, contentHash: "cd34"),
            SourceOutcomeRecord(buildID: firstID, sourceName: "news", url: "https://news.example/feed",
                                outcome: .failed, errorCategory: "timeout", message: "no answer in 20 s", elapsedSeconds: 20),
            SourceOutcomeRecord(buildID: firstID, sourceName: "github", outcome: .skipped, message: "offline"),
        ].map { try store.recordOutcome($0) }
        try store.finishBuild(id: firstID, status: .succeeded, at: instant(40))

        let report = try #require(try store.latestBuild(ofPerson: jane))
        #expect(report.build.id == firstID)
        #expect(report.build.status == .succeeded)
        #expect(report.build.finishedAt == instant(40))
        #expect(report.build.optionsJSON == #"{"offline":false}"#)
        #expect(report.outcomes == recorded)
        #expect(report.outcomes.map(\.outcome) == [.fetched, .notModified, .failed, .skipped])

        let second = try store.startBuild(personID: jane, at: instant(100))
        let latest = try #require(try store.latestBuild(ofPerson: jane))
        #expect(latest.build == second)
        #expect(latest.outcomes.isEmpty)
    }

    @Test("finishing a build that does not exist is a typed error")
    func finishUnknownBuild() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let store = try DossierStore(directory: temporary.url)
        defer { try? store.close() }

        #expect(throws: StoreError.self) { try store.finishBuild(id: 42, status: .failed, at: instant()) }
    }

    @Test("the database passes integrity and foreign key checks after writes")
    func integrityAfterWrites() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let store = try DossierStore(directory: temporary.url)
        defer { try? store.close() }
        let jane = try #require(try store.upsertPerson(PersonRecord(name: "Jane Doe", slug: "jane-doe", at: instant())).id)
        try store.upsertPage(PageStoreTests.page("https://a.example/"))
        try store.linkPage(PersonPageRecord(personID: jane, pageURL: "https://a.example/", relevance: 1, reason: "test"))
        let build = try #require(try store.startBuild(personID: jane, at: instant()).id)
        _ = try store.recordOutcome(SourceOutcomeRecord(buildID: build, sourceName: "a", outcome: .fetched))
        try store.finishBuild(id: build, status: .succeeded, at: instant(1))

        let (integrity, foreignKeyViolations) = try store.pool.read { db in
            (
                try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
            )
        }
        #expect(integrity == ["ok"])
        #expect(foreignKeyViolations == 0)
    }
}
