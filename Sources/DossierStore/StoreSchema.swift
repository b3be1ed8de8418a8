import GRDB

/// The store's schema as a sequence of named migrations (`v1`, `v2`, …). A migration, once shipped, is
/// never edited: later changes are new migrations, so every existing database can be brought forward.
/// The database is never erased when the schema changes.
///
/// Room left for later issues: meetings get their own table in a new migration (keyed by calendar UID
/// for idempotent import); a refresh reads `pages.etag`/`lastModified` for conditional requests and
/// compares `source_outcomes.contentHash` of two builds for "what changed".
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createVersion1)
        return migrator
    }

    private static func createVersion1(_ db: Database) throws {
        try db.create(table: CompanyRecord.databaseTableName) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().collate(.nocase).unique()
            t.column("domain", .text)
            t.column("wikidataID", .text)
        }
        try db.create(table: PersonRecord.databaseTableName) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("slug", .text).notNull().unique()
            t.column("wikidataID", .text)
            t.column("identityConfidence", .double)
            t.column("companyID", .integer).indexed()
                .references(CompanyRecord.databaseTableName, onDelete: .setNull)
            t.column("domain", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: PageRecord.databaseTableName) { t in
            t.primaryKey("url", .text)
            t.column("finalURL", .text).notNull()
            t.column("httpStatus", .integer).notNull()
            t.column("contentType", .text)
            t.column("charset", .text)
            t.column("etag", .text)
            t.column("lastModified", .text)
            t.column("fetchedAt", .datetime).notNull()
            t.column("contentHash", .text).notNull()
            t.column("body", .blob).notNull()
            t.column("extractedText", .text)
            t.column("metadataJSON", .text)
        }
        try db.create(table: PersonPageRecord.databaseTableName) { t in
            t.column("personID", .integer).notNull()
                .references(PersonRecord.databaseTableName, onDelete: .cascade)
            t.column("pageURL", .text).notNull().indexed()
                .references(PageRecord.databaseTableName, onDelete: .cascade, onUpdate: .cascade)
            t.column("relevance", .double).notNull()
            t.column("reason", .text).notNull()
            t.primaryKey(["personID", "pageURL"])
        }
        try db.create(table: BuildRecord.databaseTableName) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("personID", .integer).notNull().indexed()
                .references(PersonRecord.databaseTableName, onDelete: .cascade)
            t.column("startedAt", .datetime).notNull()
            t.column("finishedAt", .datetime)
            t.column("status", .text).notNull().check { BuildRecord.Status.allCases.map(\.rawValue).contains($0) }
            t.column("optionsJSON", .text).notNull()
        }
        try db.create(table: SourceOutcomeRecord.databaseTableName) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("buildID", .integer).notNull().indexed()
                .references(BuildRecord.databaseTableName, onDelete: .cascade)
            t.column("sourceName", .text).notNull()
            t.column("url", .text)
            t.column("outcome", .text).notNull().check { SourceOutcomeRecord.Outcome.allCases.map(\.rawValue).contains($0) }
            t.column("errorCategory", .text)
            t.column("message", .text)
            t.column("httpStatus", .integer)
            t.column("elapsedSeconds", .double).notNull()
            t.column("contentHash", .text)
        }
    }
}
