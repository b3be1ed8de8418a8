import Foundation
import GRDB

/// The SQLite database in the data directory: people, companies, fetched pages, builds and what each
/// source gave each build. Enough to re-render a dossier without the network.
///
/// Opening creates the directory and the file if needed and applies any pending migration (see
/// `StoreSchema`). The connection is a GRDB `DatabasePool`, which puts the file in WAL mode: a command
/// that only reads (`dossier print`, `meeting list`) can read while a build or the nightly refresh writes,
/// and readers never see half a write. A `DatabaseQueue` would serialize those reads behind the writer.
/// WAL runs with `synchronous = NORMAL` (GRDB's setting): a committed transaction can be lost to a power
/// cut, never corrupted. Foreign keys are enforced.
///
/// The store does not take the writer lock itself; a command that writes holds a ``WriterLock`` for its
/// whole run. Inside one process every method is safe to call from any task: the type is `Sendable` and
/// GRDB serializes writes.
///
/// Every method throws ``StoreError`` only.
public final class DossierStore: Sendable {
    /// The database file's name inside the data directory.
    public static let fileName = "dossier.sqlite"

    /// Path of the database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) `<directory>/dossier.sqlite` and migrates it to the current schema.
    ///
    /// - Throws: ``StoreError/cannotCreateDirectory(path:reason:)``;
    ///   ``StoreError/unreadableDatabase(path:reason:)`` when the file is not an SQLite database;
    ///   ``StoreError/database(operation:path:reason:)`` for other SQLite failures.
    public init(directory: URL) throws {
        try DataDirectory.create(directory)
        let path = directory.appending(path: Self.fileName, directoryHint: .notDirectory).path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.storeError(error, operation: "open the database", path: path)
        }
        do {
            try StoreSchema.migrator.migrate(pool)
        } catch {
            try? pool.close()
            throw Self.storeError(error, operation: "migrate the schema", path: path)
        }
        self.path = path
        self.pool = pool
    }

    /// Closes the database connections. Further calls on this store throw.
    ///
    /// The read-only connections are closed first, so that the writer is the last connection and
    /// SQLite checkpoints the WAL into the database file and removes it: after a command,
    /// `dossier.sqlite` alone holds everything (a backup of that one file is whole). GRDB closes
    /// the writer first, and a read-only connection closing last leaves the WAL behind.
    public func close() throws {
        pool.invalidateReadOnlyConnections()
        do {
            try pool.close()
        } catch {
            throw Self.storeError(error, operation: "close the database", path: path)
        }
    }

    /// Runs `updates` in one write transaction, mapping failures to ``StoreError`` named after `operation`.
    func write<T>(_ operation: String, _ updates: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(updates)
        } catch {
            throw Self.storeError(error, operation: operation, path: path)
        }
    }

    /// Runs `value` in a read-only snapshot, mapping failures to ``StoreError`` named after `operation`.
    func read<T>(_ operation: String, _ value: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(value)
        } catch {
            throw Self.storeError(error, operation: operation, path: path)
        }
    }

    private static func storeError(_ error: any Error, operation: String, path: String) -> StoreError {
        if let storeError = error as? StoreError {
            return storeError
        }
        guard let databaseError = error as? DatabaseError else {
            return .database(operation: operation, path: path, reason: String(describing: error))
        }
        // GRDB's messages can carry a whole row; a message names the problem, not the data.
        var reason = databaseError.message ?? "\(databaseError.resultCode)"
        if reason.count > 300 { reason = String(reason.prefix(300)) + "…" }
        let directory = (path as NSString).deletingLastPathComponent
        if refusesWrites(databaseError.extendedResultCode)
            || (databaseError.resultCode == .SQLITE_CANTOPEN && access(directory, W_OK) != 0) {
            return .cannotWrite(operation: operation, path: path, reason: reason, freeBytes: DataDirectory.freeBytes(directory))
        }
        switch databaseError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_CANTOPEN:
            return .unreadableDatabase(path: path, reason: reason)
        default:
            return .database(operation: operation, path: path, reason: reason)
        }
    }

    /// Whether `code` says the disk refused a write: full, read-only, or a failed write, sync
    /// or resize. Read errors and a database file moved away are other failures.
    static func refusesWrites(_ code: ResultCode) -> Bool {
        switch code {
        case .SQLITE_FULL, .SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_DIR_FSYNC, .SQLITE_IOERR_TRUNCATE,
             .SQLITE_IOERR_SHMOPEN, .SQLITE_IOERR_SHMSIZE, .SQLITE_IOERR_DELETE:
            true
        case .SQLITE_READONLY_DBMOVED:
            false
        default:
            code.primaryResultCode == .SQLITE_READONLY
        }
    }
}
