import Locking

/// Admits requests under the concurrency limits and spaces the starts of requests
/// to the same host by that host's minimum delay.
///
/// The gate never suspends: `enter` admits at once or queues the caller's `Waiter`,
/// and `leave` returns the waiters it admits in exchange for the freed slot, for the
/// caller to start. That lets the engine thread hand a finished transfer's slot
/// straight to the next queued transfer without a round trip through Swift tasks.
///
/// Waiters for one host are served in arrival order; a freed slot goes first to the
/// host that freed it, then to the other hosts with waiters in turn, so the cost of a
/// hand-over grows with the number of hosts, not of waiters. A slot is held from its
/// admission to `leave`. Each admission comes with the wait still due before the start,
/// which keeps the host's spacing measured from the admission, when the slot is known.
final class HostGate<Waiter: Sendable>: Sendable {
    /// What `enter` did with a request.
    enum Entry: Equatable {
        /// Admitted: the slot is held, and the request may start after `wait`.
        case admitted(wait: Duration)
        /// Queued: a later `leave` returns the waiter when its turn comes.
        case queued
        /// The calling task was cancelled: nothing was taken or queued.
        case cancelled
    }

    /// A waiter that has just been admitted, with the wait still due before it starts.
    typealias Admission = (waiter: Waiter, wait: Duration)

    private let totalLimit: Int
    private let perHostLimit: Int
    private let baseDelay: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state: Locked<State>

    private struct Queued {
        let id: UInt64
        let waiter: Waiter
    }

    private struct HostState {
        var inFlight = 0
        var delay: Duration
        /// The earliest time the next request may start.
        var nextStart: ContinuousClock.Instant?
        /// A queue: `waiters[head...]` are still waiting.
        var waiters: [Queued] = []
        var head = 0

        var hasWaiters: Bool { head < waiters.count }

        mutating func popWaiter() -> Queued {
            let waiter = waiters[head]
            head += 1
            if head == waiters.count {
                waiters.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 64 && head * 2 >= waiters.count {
                // A queue that never empties drops its served half now and then, in amortised
                // constant time, so it holds no more than twice the waiters it has.
                waiters.removeFirst(head)
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
    }

    /// `now` is the clock the spacing is measured on; tests pass one they drive.
    init(
        totalLimit: Int, perHostLimit: Int, delay: Duration,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        precondition(totalLimit > 0 && perHostLimit > 0, "concurrency limits must be positive")
        self.totalLimit = totalLimit
        self.perHostLimit = perHostLimit
        self.baseDelay = delay
        self.now = now
        self.state = Locked(State())
    }

    /// Raises one host's delay (from its robots.txt Crawl-delay, or a source's rate); a shorter
    /// delay than the host already has changes nothing.
    func setDelay(_ delay: Duration, for host: String) {
        guard delay > baseDelay else { return }
        state.withLock { state in
            let current = state.hosts[host]?.delay ?? baseDelay
            if delay > current { state.hosts[host, default: HostState(delay: baseDelay)].delay = delay }
        }
    }

    /// Admits a request for `host` when a slot is free and nobody waits before it, or
    /// queues `waiter` under `id` (unique among this gate's waiters).
    ///
    /// Cancellation of the current task is checked under the lock that `withdraw` takes,
    /// so a canceller that finds nothing to withdraw knows this call sees the cancellation.
    func enter(_ host: String, id: UInt64, waiter: Waiter) -> Entry {
        state.withLock { state in
            if Task.isCancelled { return .cancelled }
            // Plain values, not a copy of the host's state, which would make the append copy the queue.
            let (hasWaiters, inFlight) = state.hosts[host].map { ($0.hasWaiters, $0.inFlight) } ?? (false, 0)
            if state.inFlightTotal < totalLimit && !hasWaiters && inFlight < perHostLimit {
                return .admitted(wait: admit(host, in: &state))
            }
            if !hasWaiters { state.hostsWaiting.append(host) }
            state.hosts[host, default: HostState(delay: baseDelay)].waiters.append(Queued(id: id, waiter: waiter))
            return .queued
        }
    }

    /// Frees a slot of `host` and hands it on: to the same host first, then to the other
    /// waiting hosts in turn. Returns the waiters admitted, in the order they were served.
    func leave(_ host: String) -> [Admission] {
        state.withLock { state in
            state.inFlightTotal -= 1
            state.hosts[host]?.inFlight -= 1
            var admissions: [Admission] = []
            admitWaiters(of: host, in: &state, into: &admissions)
            var index = 0
            while state.inFlightTotal < totalLimit && index < state.hostsWaiting.count {
                let candidate = state.hostsWaiting[index]
                admitWaiters(of: candidate, in: &state, into: &admissions)
                // A host that still waits is at its own limit; one that doesn't has left the list.
                if state.hosts[candidate]?.hasWaiters == true { index += 1 }
            }
            return admissions
        }
    }

    /// Takes a still-queued waiter out of its queue; nil when it was admitted already.
    func withdraw(_ id: UInt64, host: String) -> Waiter? {
        state.withLock { state in
            guard var hostState = state.hosts[host],
                  let index = hostState.waiters[hostState.head...].firstIndex(where: { $0.id == id }) else { return nil }
            let queued = hostState.waiters.remove(at: index)
            if !hostState.hasWaiters {
                hostState.waiters.removeAll()
                hostState.head = 0
                state.hostsWaiting.removeAll { $0 == host }
            }
            state.hosts[host] = hostState
            return queued.waiter
        }
    }

    /// Admits the waiters of `host`, in order, while the limits allow.
    private func admitWaiters(of host: String, in state: inout State, into admissions: inout [Admission]) {
        while state.inFlightTotal < totalLimit,
              state.hosts[host].map({ $0.hasWaiters && $0.inFlight < perHostLimit }) == true,
              let queued = state.hosts[host]?.popWaiter() {
            if state.hosts[host]?.hasWaiters != true { state.hostsWaiting.removeAll { $0 == host } }
            admissions.append((queued.waiter, admit(host, in: &state)))
        }
    }

    private func admit(_ host: String, in state: inout State) -> Duration {
        state.inFlightTotal += 1
        let now = now()
        let start = max(now, state.hosts[host]?.nextStart ?? now)
        state.hosts[host, default: HostState(delay: baseDelay)].inFlight += 1
        state.hosts[host]!.nextStart = start + state.hosts[host]!.delay
        return start - now
    }
}
