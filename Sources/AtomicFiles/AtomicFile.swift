import Foundation
import Synchronization

/// Writes files so a reader sees either the old or the new complete version, never a
/// part: the bytes go to a temporary file in the same directory and the file is
/// renamed over the target.
public enum AtomicFile {
    /// An environment failure while writing, naming the file and the system's reason.
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public let code: Int32
        public var description: String { "cannot write \(path): \(reason)" }

        public init(path: String, reason: String, code: Int32) {
            self.path = path
            self.reason = reason
            self.code = code
        }

        /// The failure `errno` describes now, for `path`.
        static func current(_ path: String) -> WriteError {
            let code = errno
            return WriteError(path: path, reason: String(cString: strerror(code)), code: code)
        }
    }

    /// Replaces `url` with `data`. When `durable`, the bytes reach the disk before the
    /// rename (fsync), so a crash leaves the old or the new file; without it a crash may
    /// leave an empty file, which suits caches and scratch output.
    public static func write(_ data: Data, to url: URL, durable: Bool = true, permissions: mode_t = 0o644) throws {
        try write(data, toPath: url.path, durable: durable, permissions: permissions)
    }

    /// `write(_:to:durable:permissions:)` for a file system path.
    public static func write(_ data: Data, toPath target: String, durable: Bool = true, permissions: mode_t = 0o644) throws {
        try stage(data, toPath: target, durable: durable, permissions: permissions).replaceTarget()
    }

    /// New bytes for a file, complete in a temporary file beside it, not yet in its place.
    ///
    /// Staging several files before replacing any lets a writer put them in place only when
    /// every one was written (a full disk fails while staging), and do something else that
    /// may fail, such as a database commit, in between.
    public struct Staged: Sendable {
        /// The file the bytes are for.
        public let target: String
        let temporary: String
        let durable: Bool

        /// Renames the temporary file over the target. On failure the temporary file is
        /// removed and the target is as it was.
        public func replaceTarget() throws {
            guard rename(temporary, target) == 0 else {
                let error = WriteError.current(target)
                unlink(temporary)
                throw error
            }
            if durable { AtomicFile.syncDirectory(of: target) }
        }

        /// Removes the temporary file; the target is left as it was.
        public func discard() {
            unlink(temporary)
        }
    }

    /// Writes `data` to a temporary file beside `target` (flushed to disk when `durable`), or
    /// throws with nothing left behind.
    public static func stage(_ data: Data, toPath target: String, durable: Bool = true, permissions: mode_t = 0o644) throws -> Staged {
        let slash = target.utf8.lastIndex(of: UInt8(ascii: "/"))
        let directory = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.utf8.index(after: $0)...]) } ?? target
        // A name left by a killed process with this one's PID (a container's PID 1, say) is
        // passed over for the next one.
        var temporary = directory + temporaryName(for: name)
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        for _ in 0..<16 where descriptor < 0 && errno == EEXIST {
            temporary = directory + temporaryName(for: name)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        }
        guard descriptor >= 0 else { throw WriteError.current(target) }
        guard data.withUnsafeBytes({ finish(descriptor, writing: $0, durable: durable) }) else {
            let error = WriteError.current(target)
            unlink(temporary)
            throw error
        }
        return Staged(target: target, temporary: temporary, durable: durable)
    }

    /// Writes all of `bytes` to `descriptor`, flushes them when `durable`, and closes it,
    /// also on failure. False on failure, with `errno` telling why.
    private static func finish(_ descriptor: Int32, writing bytes: UnsafeRawBufferPointer, durable: Bool) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return closeKeepingErrno(descriptor)
            }
            offset += written
        }
        if durable && fsync(descriptor) != 0 { return closeKeepingErrno(descriptor) }
        return close(descriptor) == 0
    }

    /// Closes `descriptor` after a failure without losing that failure's `errno`; returns false.
    private static func closeKeepingErrno(_ descriptor: Int32) -> Bool {
        let code = errno
        close(descriptor)
        errno = code
        return false
    }

    /// Flushes the directory entry of a renamed file, so the new name survives a crash too.
    /// Best effort: a directory that cannot be opened for reading is left as it is.
    private static func syncDirectory(of target: String) {
        let directory = target.lastIndex(of: "/").map { String(target[..<$0]) } ?? "."
        let descriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static let counter = Atomic<UInt64>(0)
    /// This process's id, read once (getpid is a system call on current glibc).
    private static let processID = getpid()

    /// A hidden name for a temporary file beside `name`, unique in this process and across
    /// processes: `.NAME.PID.SEQUENCE.tmp`.
    static func temporaryName(for name: String) -> String {
        let sequence = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        var temporary = "."
        temporary.reserveCapacity(name.utf8.count + 32)
        temporary += name
        temporary += "."
        temporary += String(processID)
        temporary += "."
        temporary += String(sequence)
        temporary += ".tmp"
        return temporary
    }

    /// A directory that many files are written into atomically, opened once.
    ///
    /// Each file goes to a hidden temporary name in the directory and is renamed over its
    /// name there, both relative to the directory's descriptor: no path is resolved twice
    /// and nothing per file touches FileManager. Not durable (no fsync), which suits
    /// downloaded bodies and other output that can be fetched again. Safe to use from
    /// several threads at once.
    public final class Directory: Sendable {
        /// The directory's path as given.
        public let path: String
        private let descriptor: Int32

        /// Opens the directory at `path`, creating it and its missing parents first
        /// (mode 0755, like `mkdir -p`).
        public init(creatingIfNeeded path: String) throws(WriteError) {
            self.path = path
            var descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor < 0 && errno == ENOENT {
                try Self.makeDirectories(path)
                descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            }
            guard descriptor >= 0 else { throw WriteError.current(path) }
            self.descriptor = descriptor
        }

        deinit { close(descriptor) }

        /// The path of the file `name` in this directory.
        public func path(of name: String) -> String {
            path.utf8.last == UInt8(ascii: "/") ? path + name : path + "/" + name
        }

        /// Replaces the file `name` (a plain file name, no `/`) in this directory with `data`.
        public func write(_ data: Data, name: String, permissions: mode_t = 0o644) throws(WriteError) {
            let temporary = AtomicFile.temporaryName(for: name)
            let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
            guard file >= 0 else { throw WriteError.current(path(of: name)) }
            let written = data.withUnsafeBytes { AtomicFile.finish(file, writing: $0, durable: false) }
            guard written, renameat(descriptor, temporary, descriptor, name) == 0 else {
                let error = WriteError.current(path(of: name))
                unlinkat(descriptor, temporary, 0)
                throw error
            }
        }

        /// Creates `path` and each missing parent; one that exists already is fine.
        private static func makeDirectories(_ path: String) throws(WriteError) {
            var prefix = path.hasPrefix("/") ? "/" : ""
            for component in path.split(separator: "/") where component != "." {
                prefix += component
                if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw WriteError.current(prefix) }
                prefix += "/"
            }
        }
    }
}
