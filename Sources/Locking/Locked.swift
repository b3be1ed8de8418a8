import Foundation

/// A value shared between threads, reachable only while its lock is held.
///
/// An `NSLock` (a pthread mutex) rather than `Synchronization.Mutex`: ThreadSanitizer understands
/// pthread mutexes on Linux but not Mutex's futex calls, so under `--sanitize=thread` every value
/// behind a Mutex is reported as raced when two threads take turns at it. With this lock the whole
/// suite can run under ThreadSanitizer and a report means a real race. Every module uses it.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    // Invariant: `value` is only read or written inside `withLock`, while `lock` is held;
    // that is what makes sharing this class between threads safe.
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
