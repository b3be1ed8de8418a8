import Foundation

/// What went wrong in the environment around the store: the data directory, the lock file or the
/// database file. Every case names the file it concerns, so a message alone tells the user where to look.
///
/// Programming errors (a malformed query, a broken migration) are not modelled here; they surface as
/// `.database` with the SQLite message, which is the most useful thing to show.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds the writer lock and did not release it within the wait bound.
    /// `holderPID` and `holderCommand` are `nil` when the holder had not yet written them.
    /// Trying again later is expected to work.
    case busy(holderPID: Int32?, holderCommand: String?, lockPath: String)
    /// The data directory could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// The lock file could not be opened, locked or written for a reason other than contention.
    case lockFailed(path: String, reason: String)
    /// The file at the database path is not a readable SQLite database (garbage, truncated, corrupt).
    case unreadableDatabase(path: String, reason: String)
    /// An SQLite operation failed; `operation` says what the store was doing.
    case database(operation: String, path: String, reason: String)
    /// The disk refused a write to the database (full, over a size limit, read-only, or an I/O
    /// error). SQLite rolled the transaction back, so the store holds what it held before.
    /// `freeBytes` is the space left on the file system when it could be read.
    case cannotWrite(operation: String, path: String, reason: String, freeBytes: Int64?)

    public var description: String {
        switch self {
        case let .busy(pid, command, lockPath):
            let holder = switch (pid, command) {
            case let (pid?, command?): "pid \(pid): \(command)"
            case let (pid?, nil): "pid \(pid)"
            case (nil, _): "pid unknown"
            }
            let directory = (lockPath as NSString).deletingLastPathComponent
            return "another dossier process (\(holder)) is writing to \(directory); "
                + "try again when it has finished (lock: \(lockPath))"
        case let .cannotCreateDirectory(path, reason):
            return "cannot create data directory \(path): \(reason)"
        case let .lockFailed(path, reason):
            return "cannot use lock file \(path): \(reason)"
        case let .unreadableDatabase(path, reason):
            return "\(path) is not a readable dossier database: \(reason)"
        case let .database(operation, path, reason):
            return "database error while trying to \(operation) in \(path): \(reason)"
        case let .cannotWrite(operation, path, reason, freeBytes):
            let space = freeBytes.map { $0 < 1 << 20 ? "the disk is full (\($0 / 1024) KB free)" : "\($0 >> 20) MB free" }
            return "cannot write \(path) to \(operation): \(reason)" + (space.map { " (\($0))" } ?? "")
                + "; the store is as it was before this command. Free some space, or check that the folder is writable, and run it again"
        }
    }
}
