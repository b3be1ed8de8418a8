import Locking

/// Records the waits the fetcher asks for instead of spending them, so retry and
/// politeness tests are fast and can assert the durations.
public final class SleepRecorder: Sendable {
    private let recorded = Locked<[Duration]>([])

    public init() {}

    public var waits: [Duration] { recorded.withLock { $0 } }

    public func sleep(_ duration: Duration) async throws {
        recorded.withLock { $0.append(duration) }
        try Task.checkCancellation()
    }
}
