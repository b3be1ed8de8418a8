import Foundation
import GRDB

/// People and the companies they work for.
extension DossierStore {
    /// Stores `person` under its slug: inserts it, or overwrites the stored person with that slug
    /// (keeping the stored `createdAt`). Returns the stored row, with its id.
    public func upsertPerson(_ person: PersonRecord) throws -> PersonRecord {
        try write("store person \(person.slug)") { db in
            var person = person
            return try person.upsertAndFetch(db, onConflict: ["slug"]) { _ in
                [Column("createdAt").noOverwrite]
            }
        }
    }

    /// The person stored under `slug`, if any.
    public func person(slug: String) throws -> PersonRecord? {
        try read("load person \(slug)") { db in
            try PersonRecord.filter(Column("slug") == slug).fetchOne(db)
        }
    }

    /// Everyone in the store, by name.
    public func people() throws -> [PersonRecord] {
        try read("list people") { db in
            try PersonRecord.order(Column("name").collating(.nocase), Column("slug"))
                .fetchAll(db)
        }
    }

    /// Stores `company` under its name (compared case-insensitively): inserts it, or overwrites the
    /// stored company of that name. Returns the stored row, with its id.
    public func upsertCompany(_ company: CompanyRecord) throws -> CompanyRecord {
        try write("store company \(company.name)") { db in
            var company = company
            return try company.upsertAndFetch(db, onConflict: ["name"])
        }
    }

    /// The company with row id `id`, if any.
    public func company(id: Int64) throws -> CompanyRecord? {
        try read("load company \(id)") { db in
            try CompanyRecord.fetchOne(db, key: id)
        }
    }
}
