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
    }

    /// Replaces `url` with `data`. When `durable`, the bytes reach the disk before the
    /// rename (fsync), so a crash leaves the old or the new file; without it a crash may
    /// leave an empty file, which suits caches and scratch output.
    public static func write(_ data: Data, to url: URL, durable: Bool = true, permissions: mode_t = 0o644) throws {
        try write(data, toPath: url.path, durable: durable, permissions: permissions)
    }

    /// `write(_:to:durable:permissions:)` for a file system path.
    public static func write(_ data: Data, toPath target: String, durable: Bool = true, permissions: mode_t = 0o644) throws {
        let temporary = temporaryPath(for: target)
        func failure() -> WriteError {
            let code = errno
            return WriteError(path: target, reason: String(cString: strerror(code)), code: code)
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw failure() }
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        do {
            try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw failure()
                    }
                    offset += written
                }
            }
            if durable && fsync(descriptor) != 0 { throw failure() }
            closed = true
            if close(descriptor) != 0 { throw failure() }
            if rename(temporary, target) != 0 { throw failure() }
            if durable { syncDirectory(of: target) }
        } catch {
            unlink(temporary)
            throw error
        }
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

    /// A hidden name beside the target, unique in this process and across processes.
    private static func temporaryPath(for target: String) -> String {
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { target[...$0] } ?? ""
        let name = slash.map { target[target.index(after: $0)...] } ?? Substring(target)
        let sequence = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        return "\(directory).\(name).\(processID).\(sequence).tmp"
    }
}
