/// Admits requests under the concurrency limits and spaces the starts of requests
/// to the same host by that host's minimum delay.
///
/// Waiters for one host are served in arrival order; a freed slot goes first to the
/// host that freed it, then to the other hosts with waiters in turn, so the cost of a
/// hand-over grows with the number of hosts, not of waiters. A slot is held from
/// `enter` to `leave`; a request that is waiting for a slot can be cancelled.
actor HostGate {
    private let totalLimit: Int
    private let perHostLimit: Int
    private let baseDelay: Duration
    private var inFlightTotal = 0
    private var hosts: [String: HostState] = [:]
    /// Hosts that have waiters, in the order they started waiting.
    private var hostsWaiting: [String] = []
    private var nextWaiterID = 0

    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Duration, any Error>
    }

    private struct HostState {
        var inFlight = 0
        var delay: Duration
        /// The earliest time the next request may start.
        var nextStart: ContinuousClock.Instant?
        /// A queue: `waiters[head...]` are still waiting.
        var waiters: [Waiter] = []
        var head = 0

        var hasWaiters: Bool { head < waiters.count }

        mutating func popWaiter() -> Waiter {
            let waiter = waiters[head]
            head += 1
            if head == waiters.count {
                waiters.removeAll(keepingCapacity: true)
                head = 0
            }
            return waiter
        }
    }

    init(totalLimit: Int, perHostLimit: Int, delay: Duration) {
        precondition(totalLimit > 0 && perHostLimit > 0, "concurrency limits must be positive")
        self.totalLimit = totalLimit
        self.perHostLimit = perHostLimit
        self.baseDelay = delay
    }

    /// Sets a longer delay for one host (from its robots.txt Crawl-delay).
    func setDelay(_ delay: Duration, for host: String) {
        if delay > baseDelay { hosts[host, default: HostState(delay: baseDelay)].delay = delay }
    }

    /// Waits for a slot for `host`; returns how long the caller must still wait
    /// before starting, to keep the host's spacing. Throws CancellationError.
    func enter(_ host: String) async throws -> Duration {
        if inFlightTotal < totalLimit && !(hosts[host]?.hasWaiters ?? false)
            && (hosts[host]?.inFlight ?? 0) < perHostLimit {
            return admit(host)
        }
        let id = nextWaiterID
        nextWaiterID += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                var state = hosts[host] ?? HostState(delay: baseDelay)
                if !state.hasWaiters { hostsWaiting.append(host) }
                state.waiters.append(Waiter(id: id, continuation: continuation))
                hosts[host] = state
            }
        } onCancel: {
            Task { await self.cancelWaiter(id, host: host) }
        }
    }

    /// Frees the slot taken by `enter` and hands it on: to the same host first, then
    /// to the other waiting hosts in turn.
    func leave(_ host: String) {
        inFlightTotal -= 1
        hosts[host]?.inFlight -= 1
        admitWaiters(of: host)
        var index = 0
        while inFlightTotal < totalLimit && index < hostsWaiting.count {
            let candidate = hostsWaiting[index]
            admitWaiters(of: candidate)
            // A host that still waits is at its own limit; one that doesn't has left the list.
            if hosts[candidate]?.hasWaiters == true { index += 1 }
        }
    }

    /// Admits the waiters of `host`, in order, while the limits allow.
    private func admitWaiters(of host: String) {
        while inFlightTotal < totalLimit, var state = hosts[host], state.hasWaiters, state.inFlight < perHostLimit {
            let waiter = state.popWaiter()
            hosts[host] = state
            if !state.hasWaiters { hostsWaiting.removeAll { $0 == host } }
            waiter.continuation.resume(returning: admit(host))
        }
    }

    private func admit(_ host: String) -> Duration {
        inFlightTotal += 1
        var state = hosts[host] ?? HostState(delay: baseDelay)
        state.inFlight += 1
        let now = ContinuousClock.now
        let start = max(now, state.nextStart ?? now)
        state.nextStart = start + state.delay
        hosts[host] = state
        return start - now
    }

    private func cancelWaiter(_ id: Int, host: String) {
        guard var state = hosts[host],
              let index = state.waiters[state.head...].firstIndex(where: { $0.id == id }) else { return }
        let waiter = state.waiters.remove(at: index)
        if !state.hasWaiters {
            state.waiters.removeAll()
            state.head = 0
            hostsWaiting.removeAll { $0 == host }
        }
        hosts[host] = state
        waiter.continuation.resume(throwing: CancellationError())
    }
}
