/// Admits requests under the concurrency limits and spaces the starts of requests
/// to the same host by that host's minimum delay.
///
/// Waiters are served in arrival order. A slot is held from `enter` to `leave`;
/// a request that is waiting for a slot can be cancelled.
actor HostGate {
    private let totalLimit: Int
    private let perHostLimit: Int
    private let baseDelay: Duration
    private var inFlightTotal = 0
    private var inFlight: [String: Int] = [:]
    private var delayOverride: [String: Duration] = [:]
    /// Per host, the earliest time the next request may start.
    private var nextStart: [String: ContinuousClock.Instant] = [:]
    private var waiters: [Waiter] = []
    private var nextWaiterID = 0

    private struct Waiter {
        let id: Int
        let host: String
        let continuation: CheckedContinuation<Duration, any Error>
    }

    init(totalLimit: Int, perHostLimit: Int, delay: Duration) {
        precondition(totalLimit > 0 && perHostLimit > 0, "concurrency limits must be positive")
        self.totalLimit = totalLimit
        self.perHostLimit = perHostLimit
        self.baseDelay = delay
    }

    /// Sets a longer delay for one host (from its robots.txt Crawl-delay).
    func setDelay(_ delay: Duration, for host: String) {
        if delay > baseDelay { delayOverride[host] = delay }
    }

    /// Waits for a slot for `host`; returns how long the caller must still wait
    /// before starting, to keep the host's spacing. Throws CancellationError.
    func enter(_ host: String) async throws -> Duration {
        if canAdmit(host) { return admit(host) }
        let id = nextWaiterID
        nextWaiterID += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append(Waiter(id: id, host: host, continuation: continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Frees the slot taken by `enter`.
    func leave(_ host: String) {
        inFlightTotal -= 1
        inFlight[host, default: 1] -= 1
        admitWaiters()
    }

    private func canAdmit(_ host: String) -> Bool {
        inFlightTotal < totalLimit && inFlight[host, default: 0] < perHostLimit
    }

    private func admit(_ host: String) -> Duration {
        inFlightTotal += 1
        inFlight[host, default: 0] += 1
        let now = ContinuousClock.now
        let start = max(now, nextStart[host] ?? now)
        nextStart[host] = start + (delayOverride[host] ?? baseDelay)
        return start - now
    }

    private func admitWaiters() {
        var index = 0
        while index < waiters.count {
            let waiter = waiters[index]
            if canAdmit(waiter.host) {
                waiters.remove(at: index)
                waiter.continuation.resume(returning: admit(waiter.host))
            } else {
                index += 1
            }
        }
    }

    private func cancelWaiter(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
