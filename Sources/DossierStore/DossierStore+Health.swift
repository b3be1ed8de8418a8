import GRDB

extension DossierStore {
    /// The problems SQLite's `PRAGMA integrity_check` finds in the database file; empty when it
    /// answers `ok`. Reads only, so it runs beside a writer.
    ///
    /// - Throws: ``StoreError`` when the check cannot run.
    public func integrityProblems() throws -> [String] {
        let lines = try read("check the database's integrity") { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
        return lines == ["ok"] ? [] : lines
    }
}
