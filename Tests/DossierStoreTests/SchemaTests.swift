@testable import DossierStore
import DossierTestSupport
import Foundation
import GRDB
import Testing

@Suite("opening the store")
struct SchemaTests {
    @Test("the first open creates the directory and every table through the migrations, in order")
    func createsSchema() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let directory = temporary.url.appending(path: "nested/data", directoryHint: .isDirectory)

        let store = try DossierStore(directory: directory)
        defer { try? store.close() }

        #expect(store.path == directory.appending(path: "dossier.sqlite").path)
        let (tables, migrations) = try store.pool.read { db in
            (
                try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"),
                try StoreSchema.migrator.appliedIdentifiers(db)
            )
        }
        #expect(tables.isSuperset(of: ["people", "companies", "pages", "person_pages", "builds", "source_outcomes",
                                       "meetings", "meeting_notes", "dossier_versions", "removed_calendar_events"]))
        #expect(migrations == ["v1", "v2", "v3-removed-calendar-events"])
    }

    @Test("reopening keeps the data and applies no migration twice")
    func reopenIsIdempotent() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }

        let first = try DossierStore(directory: temporary.url)
        let stored = try first.upsertPerson(PersonRecord(name: "Jane Doe", slug: "jane-doe", at: instant()))
        try first.close()

        let second = try DossierStore(directory: temporary.url)
        defer { try? second.close() }
        #expect(try second.person(slug: "jane-doe") == stored)
        let migrationRows = try second.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations")
        }
        #expect(migrationRows == 3)
    }

    @Test("the database is in WAL mode with foreign keys enforced")
    func walAndForeignKeys() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let store = try DossierStore(directory: temporary.url)
        defer { try? store.close() }

        let (journalMode, foreignKeys) = try store.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journalMode == "wal")
        #expect(foreignKeys == 1)

        let orphanLink = PersonPageRecord(personID: 999, pageURL: "https://nowhere.example/", relevance: 1, reason: "test")
        #expect(throws: StoreError.self) { try store.linkPage(orphanLink) }
    }

    @Test("a file that is not SQLite gives a typed error naming the path")
    func garbageFile() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let databaseURL = temporary.url.appending(path: DossierStore.fileName)
        try Data(String(repeating: "this is not a database\n", count: 200).utf8).write(to: databaseURL)

        let error = #expect(throws: StoreError.self) { try DossierStore(directory: temporary.url) }

        guard case let .unreadableDatabase(path, _) = error else {
            Issue.record("expected unreadableDatabase, got \(String(describing: error))")
            return
        }
        #expect(path == databaseURL.path)
        #expect(error?.description.contains(databaseURL.path) == true)
    }

    @Test("a data directory that cannot be created gives a typed error naming it")
    func uncreatableDirectory() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let blocker = temporary.url.appending(path: "file")
        try Data("x".utf8).write(to: blocker)
        let directory = blocker.appending(path: "data", directoryHint: .isDirectory)

        let error = #expect(throws: StoreError.self) { try DossierStore(directory: directory) }

        guard case let .cannotCreateDirectory(path, _) = error else {
            Issue.record("expected cannotCreateDirectory, got \(String(describing: error))")
            return
        }
        #expect(path == directory.path)
    }

    @Test("a write the disk refuses says how much space is left and that nothing changed")
    func refusedWrite() {
        let full = StoreError.cannotWrite(operation: "record outcomes", path: "/data/dossier.sqlite", reason: "disk I/O error", freeBytes: 8_192)
        #expect(full.description.contains("the disk is full (8 KB free)"))
        #expect(full.description.contains("/data/dossier.sqlite") && full.description.contains("as it was before"))
        let roomy = StoreError.cannotWrite(operation: "open the database", path: "/data/dossier.sqlite", reason: "disk I/O error", freeBytes: 3 << 30)
        #expect(roomy.description.contains("(3072 MB free)"))
        let unknown = StoreError.cannotWrite(operation: "open the database", path: "/data/dossier.sqlite", reason: "disk I/O error", freeBytes: nil)
        #expect(!unknown.description.contains("free)"))
    }

    @Test("a database that cannot grow refuses the write with cannotWrite and keeps what it had")
    func fullDatabase() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let store = try DossierStore(directory: temporary.url)
        defer { try? store.close() }
        try store.upsertPage(PageStoreTests.page("https://a.example/"))
        // SQLite answers SQLITE_FULL, as on a full disk, once the file may not grow.
        let pages = try store.pool.write { db in
            try db.execute(sql: "PRAGMA max_page_count = \(try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0)")
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM pages") ?? 0
        }
        let error = #expect(throws: StoreError.self) {
            try store.upsertPage(PageStoreTests.page("https://b.example/", body: Data(count: 1 << 20)))
        }
        guard case let .cannotWrite(operation, path, _, freeBytes) = error else {
            Issue.record("expected cannotWrite, got \(String(describing: error))")
            return
        }
        #expect(!operation.isEmpty && path == store.path && freeBytes != nil)
        #expect(try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM pages") } == pages)
        #expect(try store.page(url: "https://a.example/") != nil)
    }

    @Test("after close the database file alone holds everything: the WAL is checkpointed and removed")
    func closeLeavesOneFile() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let store = try DossierStore(directory: temporary.url)
        try store.upsertPage(PageStoreTests.page("https://a.example/"))
        #expect(try store.page(url: "https://a.example/") != nil)  // a read opens a reader connection
        try store.close()
        let names = try FileManager.default.contentsOfDirectory(atPath: temporary.url.path)
        #expect(!names.contains(DossierStore.fileName + "-wal"), "\(names)")

        let copy = temporary.url.appending(path: "copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: temporary.url.appending(path: DossierStore.fileName), to: copy.appending(path: DossierStore.fileName))
        let copied = try DossierStore(directory: copy)
        defer { try? copied.close() }
        #expect(try copied.page(url: "https://a.example/") != nil)
    }

    @Test("only SQLite's write-side failures count as a refused write; read errors and a moved file do not")
    func refusedWriteCodes() {
        for code in [ResultCode.SQLITE_FULL, .SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_TRUNCATE,
                     .SQLITE_IOERR_SHMSIZE, .SQLITE_READONLY, .SQLITE_READONLY_CANTLOCK] {
            #expect(DossierStore.refusesWrites(code), "\(code)")
        }
        for code in [ResultCode.SQLITE_IOERR_READ, .SQLITE_IOERR_SHORT_READ, .SQLITE_IOERR, .SQLITE_READONLY_DBMOVED,
                     .SQLITE_CORRUPT, .SQLITE_BUSY, .SQLITE_NOMEM] {
            #expect(!DossierStore.refusesWrites(code), "\(code)")
        }
        #expect(DataDirectory.refusesWrites(ENOSPC) && DataDirectory.refusesWrites(EROFS) && !DataDirectory.refusesWrites(EACCES))
    }
}

/// The migrations are written with literals; the records must still name what they created.
@Suite("records and migrations")
struct RecordsMatchMigrationsTests {
    @Test("every record names a table the migrations create, and every status value passes its CHECK (a new case needs a new migration)")
    func recordsMatchMigrations() throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let store = try DossierStore(directory: temporary.url)
        defer { try? store.close() }
        let tables = Set(try store.pool.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") })
        let named = [CompanyRecord.databaseTableName, PersonRecord.databaseTableName, PageRecord.databaseTableName,
                     PersonPageRecord.databaseTableName, BuildRecord.databaseTableName, SourceOutcomeRecord.databaseTableName,
                     MeetingRecord.databaseTableName, MeetingNoteRecord.databaseTableName, DossierVersionRecord.databaseTableName]
        #expect(Set(named).isSubset(of: tables), "\(Set(named).subtracting(tables))")
        func definition(_ table: String) throws -> String {
            try store.pool.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table]) } ?? ""
        }
        for (table, values) in [(BuildRecord.databaseTableName, BuildRecord.Status.allCases.map(\.rawValue)),
                                (SourceOutcomeRecord.databaseTableName, SourceOutcomeRecord.Outcome.allCases.map(\.rawValue)),
                                (MeetingRecord.databaseTableName, MeetingRecord.Status.allCases.map(\.rawValue))] {
            let sql = try definition(table)
            for value in values { #expect(sql.contains("'\(value)'"), "\(table) does not allow \(value)") }
        }
    }
}
