import Synchronization

/// Admits requests under the concurrency limits and spaces the starts of requests
/// to the same host by that host's minimum delay.
///
/// Waiters for one host are served in arrival order; a freed slot goes first to the
/// host that freed it, then to the other hosts with waiters in turn, so the cost of a
/// hand-over grows with the number of hosts, not of waiters. A slot is held from
/// `enter` to `leave`; a request that is waiting for a slot can be cancelled.
/// A lock rather than an actor: admission is a few comparisons, and the common case
/// (a free slot) must not cost a hop to another executor.
final class HostGate: Sendable {
    private let totalLimit: Int
    private let perHostLimit: Int
    private let baseDelay: Duration
    private let state: Mutex<State>

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

    private struct State {
        var inFlightTotal = 0
        var hosts: [String: HostState] = [:]
        /// Hosts that have waiters, in the order they started waiting.
        var hostsWaiting: [String] = []
        var nextWaiterID = 0
    }

    /// A waiter to resume once the lock is released, with the wait before its start.
    private typealias Admission = (CheckedContinuation<Duration, any Error>, Duration)

    init(totalLimit: Int, perHostLimit: Int, delay: Duration) {
        precondition(totalLimit > 0 && perHostLimit > 0, "concurrency limits must be positive")
        self.totalLimit = totalLimit
        self.perHostLimit = perHostLimit
        self.baseDelay = delay
        self.state = Mutex(State())
    }

    /// Sets a longer delay for one host (from its robots.txt Crawl-delay).
    func setDelay(_ delay: Duration, for host: String) {
        guard delay > baseDelay else { return }
        state.withLock { $0.hosts[host, default: HostState(delay: baseDelay)].delay = delay }
    }

    /// Waits for a slot for `host`; returns how long the caller must still wait
    /// before starting, to keep the host's spacing. Throws CancellationError.
    func enter(_ host: String) async throws -> Duration {
        let (admitted, id) = state.withLock { state -> (Duration?, Int) in
            let hostState = state.hosts[host]
            if state.inFlightTotal < totalLimit && hostState?.hasWaiters != true && (hostState?.inFlight ?? 0) < perHostLimit {
                return (admit(host, in: &state), 0)
            }
            state.nextWaiterID += 1
            return (nil, state.nextWaiterID)
        }
        if let admitted { return admitted }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                // Checked under the lock that onCancel takes: either onCancel finds this
                // waiter queued and removes it, or this check sees the cancellation.
                let (cancelled, admissions) = state.withLock { state -> (Bool, [Admission]) in
                    if Task.isCancelled { return (true, []) }
                    if state.hosts[host]?.hasWaiters != true { state.hostsWaiting.append(host) }
                    state.hosts[host, default: HostState(delay: baseDelay)].waiters.append(Waiter(id: id, continuation: continuation))
                    // A slot may have freed between the first look and now.
                    return (false, admitWaiters(of: host, in: &state))
                }
                if cancelled { continuation.resume(throwing: CancellationError()) }
                for (waiter, wait) in admissions { waiter.resume(returning: wait) }
            }
        } onCancel: {
            let removed = state.withLock { removeWaiter(id, host: host, in: &$0) }
            removed?.resume(throwing: CancellationError())
        }
    }

    /// Frees the slot taken by `enter` and hands it on: to the same host first, then
    /// to the other waiting hosts in turn.
    func leave(_ host: String) {
        let admissions = state.withLock { state -> [Admission] in
            state.inFlightTotal -= 1
            state.hosts[host]?.inFlight -= 1
            var admissions = admitWaiters(of: host, in: &state)
            var index = 0
            while state.inFlightTotal < totalLimit && index < state.hostsWaiting.count {
                let candidate = state.hostsWaiting[index]
                admissions += admitWaiters(of: candidate, in: &state)
                // A host that still waits is at its own limit; one that doesn't has left the list.
                if state.hosts[candidate]?.hasWaiters == true { index += 1 }
            }
            return admissions
        }
        for (waiter, wait) in admissions { waiter.resume(returning: wait) }
    }

    /// Admits the waiters of `host`, in order, while the limits allow.
    private func admitWaiters(of host: String, in state: inout State) -> [Admission] {
        var admissions: [Admission] = []
        while state.inFlightTotal < totalLimit, let hostState = state.hosts[host], hostState.hasWaiters,
              hostState.inFlight < perHostLimit {
            guard let waiter = state.hosts[host]?.popWaiter() else { break }
            if state.hosts[host]?.hasWaiters != true { state.hostsWaiting.removeAll { $0 == host } }
            admissions.append((waiter.continuation, admit(host, in: &state)))
        }
        return admissions
    }

    private func admit(_ host: String, in state: inout State) -> Duration {
        state.inFlightTotal += 1
        let now = ContinuousClock.now
        let start = max(now, state.hosts[host]?.nextStart ?? now)
        state.hosts[host, default: HostState(delay: baseDelay)].inFlight += 1
        state.hosts[host]!.nextStart = start + state.hosts[host]!.delay
        return start - now
    }

    /// Takes a still-waiting waiter out of its queue; nil when it was admitted already.
    private func removeWaiter(_ id: Int, host: String, in state: inout State) -> CheckedContinuation<Duration, any Error>? {
        guard var hostState = state.hosts[host],
              let index = hostState.waiters[hostState.head...].firstIndex(where: { $0.id == id }) else { return nil }
        let waiter = hostState.waiters.remove(at: index)
        if !hostState.hasWaiters {
            hostState.waiters.removeAll()
            hostState.head = 0
            state.hostsWaiting.removeAll { $0 == host }
        }
        state.hosts[host] = hostState
        return waiter.continuation
    }
}
