import Locking

/// Records the waits the fetcher asks for instead of spending them, so retry and
/// politeness tests are fast and can assert the durations. It also keeps a virtual clock that
/// only its waits move: a wait asked at virtual time t ends at t + duration, and the clock is
/// the latest end so far (concurrent waits overlap, as real ones do). Spacing measured on
/// ``now()`` is then exact, however long the real requests took.
public final class SleepRecorder: Sendable {
    private struct State {
        var waits: [Duration] = []
        var wakeTimes: [Duration] = []
        var elapsed: Duration = .zero
    }

    private let state = Locked(State())
    private let origin = ContinuousClock.now

    public init() {}

    public var waits: [Duration] { state.withLock { $0.waits } }

    /// When each wait ended, on the virtual clock (from zero), in the order they were asked.
    public var wakeTimes: [Duration] { state.withLock { $0.wakeTimes } }

    /// The virtual clock: the recorder's creation plus the latest end of a wait.
    @Sendable public func now() -> ContinuousClock.Instant {
        origin + state.withLock { $0.elapsed }
    }

    public func sleep(_ duration: Duration) async throws {
        state.withLock { state in
            let end = state.elapsed + duration
            state.waits.append(duration)
            state.wakeTimes.append(end)
            state.elapsed = max(state.elapsed, end)
        }
        try Task.checkCancellation()
    }
}
