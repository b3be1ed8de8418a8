import GRDB

/// The store's schema as a sequence of named migrations (`v1`, `v2`, …). A migration, once shipped, is
/// never edited: later changes are new migrations, so every existing database can be brought forward.
/// The database is never erased when the schema changes.
///
/// Migrations are written with literals (table names, allowed values), never with the record
/// types: a record type that changes later (a new status case) must not change what `v1` creates
/// in a new database.
///
/// `v2` adds meetings (a calendar UID is unique, for idempotent imports), their notes, the last
/// dossier written for each person (which a refresh compares with to tell what changed), and each
/// page's reading, so that a "not modified" page needs no extraction.
///
/// `v3-removed-calendar-events` keeps the UID of each imported meeting the user removed, so that
/// importing the calendar again does not bring it back.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createVersion1)
        migrator.registerMigration("v2", migrate: addMeetings)
        migrator.registerMigration("v3-removed-calendar-events", migrate: addRemovedCalendarEvents)
        return migrator
    }

    private static func createVersion1(_ db: Database) throws {
        try db.create(table: "companies") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().collate(.nocase).unique()
            t.column("domain", .text)
            t.column("wikidataID", .text)
        }
        try db.create(table: "people") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("slug", .text).notNull().unique()
            t.column("wikidataID", .text)
            t.column("identityConfidence", .double)
            t.column("companyID", .integer).indexed()
                .references("companies", onDelete: .setNull)
            t.column("domain", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "pages") { t in
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
        try db.create(table: "person_pages") { t in
            t.column("personID", .integer).notNull()
                .references("people", onDelete: .cascade)
            t.column("pageURL", .text).notNull().indexed()
                .references("pages", onDelete: .cascade, onUpdate: .cascade)
            t.column("relevance", .double).notNull()
            t.column("reason", .text).notNull()
            t.primaryKey(["personID", "pageURL"])
        }
        try db.create(table: "builds") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("personID", .integer).notNull().indexed()
                .references("people", onDelete: .cascade)
            t.column("startedAt", .datetime).notNull()
            t.column("finishedAt", .datetime)
            t.column("status", .text).notNull().check { ["running", "succeeded", "failed"].contains($0) }
            t.column("optionsJSON", .text).notNull()
        }
        try db.create(table: "source_outcomes") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("buildID", .integer).notNull().indexed()
                .references("builds", onDelete: .cascade)
            t.column("sourceName", .text).notNull()
            t.column("url", .text)
            t.column("outcome", .text).notNull().check { ["fetched", "not_modified", "failed", "skipped"].contains($0) }
            t.column("errorCategory", .text)
            t.column("message", .text)
            t.column("httpStatus", .integer)
            t.column("elapsedSeconds", .double).notNull()
            t.column("contentHash", .text)
        }
    }

    private static func addMeetings(_ db: Database) throws {
        try db.alter(table: "pages") { t in
            t.add(column: "readingJSON", .text)
        }
        try db.create(table: "meetings") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("personName", .text).notNull()
            t.column("slug", .text).notNull().indexed()
            t.column("startsAt", .datetime).notNull().indexed()
            t.column("timeZone", .text).notNull()
            t.column("isAllDay", .boolean).notNull()
            t.column("durationMinutes", .integer).notNull()
            t.column("company", .text)
            t.column("domain", .text)
            t.column("via", .text)
            t.column("goal", .text)
            t.column("location", .text)
            t.column("callBy", .text)
            t.column("status", .text).notNull().check { ["upcoming", "held", "cancelled"].contains($0) }
            t.column("calendarUID", .text).unique()
            t.column("calendarSequence", .integer)
            t.column("calendarLastModified", .datetime)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "meeting_notes") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meetingID", .integer).notNull().indexed()
                .references("meetings", onDelete: .cascade)
            t.column("text", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "dossier_versions") { t in
            t.primaryKey("personID", .integer)
                .references("people", onDelete: .cascade)
            t.column("json", .text).notNull()
            t.column("generatedAt", .datetime).notNull()
            t.column("inputsHash", .text).notNull()
        }
    }

    private static func addRemovedCalendarEvents(_ db: Database) throws {
        try db.create(table: "removed_calendar_events") { t in
            t.primaryKey("calendarUID", .text)
            t.column("removedAt", .datetime).notNull()
        }
    }
}
