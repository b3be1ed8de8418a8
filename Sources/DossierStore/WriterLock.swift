import Foundation

import Glibc

/// The right to write to a data directory, held by one process at a time.
///
/// It is an exclusive `flock(2)` on `<data directory>/dossier.lock`. The holder writes its PID and
/// command line into the file, so a process that cannot get the lock can say who has it. Because the
/// lock belongs to the open file description:
/// - the kernel releases it when the holder exits or crashes, so a stale file never blocks anyone;
/// - two `open()`s in the same process conflict as two processes would;
/// - the descriptor is close-on-exec, so a child process (a PDF renderer, say) never inherits it.
///
/// The value is non-copyable: exactly one owner, released by ``release()`` or when it goes out of scope.
/// Readers do not need it; SQLite in WAL mode lets them read while the holder writes.
public struct WriterLock: ~Copyable, Sendable {
    /// The lock file's name inside the data directory.
    public static let fileName = "dossier.lock"

    /// Path of the lock file.
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Takes the lock for `directory` (created if missing), retrying every `pollInterval` until `timeout`
    /// has passed.
    ///
    /// - Parameter command: what the lock file says the holder is doing, e.g. `"dossier refresh"`;
    ///   by default this process's command line.
    /// - Throws: ``StoreError/busy(holderPID:holderCommand:lockPath:)`` when another holder keeps the lock
    ///   past `timeout`; ``StoreError/cannotWrite(operation:path:reason:freeBytes:)`` when the disk
    ///   is full or read-only; ``StoreError/cannotCreateDirectory(path:reason:)`` or
    ///   ``StoreError/lockFailed(path:reason:)`` when the file system is otherwise in the way; `CancellationError`
    ///   when the task is cancelled while waiting.
    public static func acquire(
        directory: URL,
        command: String = WriterLock.currentCommandLine,
        waitingUpTo timeout: Duration = .seconds(10),
        pollInterval: Duration = .milliseconds(50)
    ) async throws -> WriterLock {
        try DataDirectory.create(directory)
        let path = directory.appending(path: fileName, directoryHint: .notDirectory).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if DataDirectory.refusesWrites(code) {
                throw StoreError.cannotWrite(operation: "take the writer lock", path: path, reason: String(cString: strerror(code)),
                                             freeBytes: DataDirectory.freeBytes(directory.path))
            }
            throw StoreError.lockFailed(path: path, reason: String(cString: strerror(code)))
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                break
            }
            let lockErrno = errno
            guard lockErrno == EWOULDBLOCK || lockErrno == EINTR else {
                close(descriptor)
                throw StoreError.lockFailed(path: path, reason: String(cString: strerror(lockErrno)))
            }
            let remaining = clock.now.duration(to: deadline)
            guard remaining > .zero else {
                let holder = readHolder(descriptor)
                close(descriptor)
                throw StoreError.busy(holderPID: holder.pid, holderCommand: holder.command, lockPath: path)
            }
            do {
                try await Task.sleep(for: min(pollInterval, remaining))
            } catch {
                close(descriptor)
                throw error
            }
        }
        let lock = WriterLock(path: path, descriptor: descriptor)
        lock.recordHolder(command: command)
        return lock
    }

    /// This process's command line with the executable's directory left out (`dossier build Jane Doe`).
    public static var currentCommandLine: String {
        var arguments = ProcessInfo.processInfo.arguments
        if let executable = arguments.first {
            arguments[0] = (executable as NSString).lastPathComponent
        }
        return arguments.joined(separator: " ")
    }

    /// Gives the lock up now rather than at the end of the owner's scope.
    public consuming func release() {}

    deinit {
        // Emptied first so that nobody reads a departed holder's PID; closing the descriptor unlocks.
        _ = ftruncate(descriptor, 0)
        close(descriptor)
    }

    /// Writes `<pid>\n<command>\n` for a waiting process to name. Best effort: the flock is what
    /// locks, and a disk too full for these bytes fails the store's own write with a clearer error.
    private func recordHolder(command: String) {
        let singleLine = command.replacing("\n", with: " ")
        let bytes = Array("\(getpid())\n\(singleLine)\n".utf8)
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        // A killed holder may have left a longer record: cut the file to what was written, or
        // to nothing when the write failed.
        _ = ftruncate(descriptor, written == bytes.count ? off_t(bytes.count) : 0)
    }

    /// Reads `<pid>\n<command>\n` as the holder wrote it; fields it cannot read come back `nil`.
    private static func readHolder(_ descriptor: Int32) -> (pid: Int32?, command: String?) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return (nil, nil) }
        let lines = String(decoding: buffer[..<count], as: UTF8.self)
            .split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let pid = lines.first.flatMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
        let command = lines.dropFirst().first
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .flatMap { $0.isEmpty ? nil : $0 }
        return (pid, command)
    }
}
