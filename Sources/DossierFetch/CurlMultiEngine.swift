import CCurlShim
import Foundation
import Synchronization
import Locking

/// Drives many HTTP exchanges at once on one libcurl multi handle, which gives
/// connection reuse and HTTP/2 multiplexing across everything a run fetches.
///
/// The multi handle and every easy handle live on one dedicated thread; other
/// threads talk to it only through a locked inbox and `curl_multi_wakeup`, the one
/// libcurl call documented as safe from any thread. Callers `await` each exchange;
/// cancelling the awaiting task stops its transfer at the next wake-up.
///
/// Every exchange passes a `HostGate` first. An exchange the gate cannot admit yet waits
/// in the gate, not in a task: when a transfer finishes, the engine thread takes the
/// freed slot from the gate and starts the next waiting exchange itself, so a busy run
/// needs no wake-up and no task hop to keep every slot busy.
///
/// Teardown happens in `shutdown()`, which callers await (never in `deinit`), so no
/// callback can run against freed state. Use `CurlMultiEngine.run(_:)` to get this right.
public final class CurlMultiEngine: @unchecked Sendable {
    // @unchecked: `multi`, `transfers`, `transferHandles`, `stopping` and `deferredCancellations`
    // are touched only on the engine thread; `inbox` is the only state shared across threads
    // and it is guarded by its mutex; the gates guard themselves.
    private let multi: UnsafeMutableRawPointer
    private let inbox = Locked(Inbox())
    private var transfers: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var transferHandles: [UInt64: UnsafeMutableRawPointer] = [:]
    /// Set on the engine thread once it has begun to shut down: admitted exchanges are refused.
    private var stopping = false
    /// Cancellations of exchanges that were admitted but had not reached the inbox yet.
    private var deferredCancellations: Set<UInt64> = []
    private let nextID = Atomic<UInt64>(1)

    private struct Inbox {
        /// Admitted exchanges, each holding a slot of its gate, waiting for the engine thread.
        var starts: [PendingExchange] = []
        var cancellations: Set<UInt64> = []
        /// Exchanges handed to the engine (queued in a gate, admitted or running) and not yet
        /// completed: only these can be cancelled through the engine.
        var active: Set<UInt64> = []
        var shuttingDown = false
        /// A wake-up was sent and the engine has not drained the inbox since: no need for another.
        var wakeupPending = false
        /// Callers of `shutdown()` waiting for the engine thread to finish.
        var stopped: [CheckedContinuation<Void, Never>] = []
        /// Set under the lock before the multi handle is freed: no wake-up may reach it after.
        var hasStopped = false
    }

    /// Starts the engine thread. `maximumConnections` bounds the open connections.
    init(maximumConnections: Int) {
        let initResult: CURLcode = Self.globalInit
        precondition(initResult == CURLE_OK, "curl_global_init failed: \(initResult)")
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init returned NULL (out of memory)") }
        self.multi = multi
        dossier_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, maximumConnections)
        dossier_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, maximumConnections)
        dossier_multi_setopt_long(multi, CURLMOPT_PIPELINING, dossier_pipe_multiplex)
        let thread = Thread { [self] in self.runLoop() }
        thread.name = "dossier-curl"
        thread.start()
    }

    private static let globalInit: CURLcode = dossier_curl_global_init()

    /// Runs `body` with a fresh engine and shuts it down afterwards, also when `body` throws.
    public static func run<T: Sendable>(
        maximumConnections: Int = 64,
        _ body: (CurlMultiEngine) async throws -> T
    ) async rethrows -> T {
        let engine = CurlMultiEngine(maximumConnections: maximumConnections)
        do {
            let result = try await body(engine)
            await engine.shutdown()
            return result
        } catch {
            await engine.shutdown()
            throw error
        }
    }

    /// Performs one exchange once `gate` admits it for `host`. When the admission asks for a
    /// wait (the host's spacing), the slot stays held while `sleep` spends it in the calling
    /// task. Never throws: failures, cancellation included, are in the response.
    func perform(
        _ request: TransferRequest, through gate: TransferGate, host: String,
        sleep: @Sendable (Duration) async throws -> Void
    ) async -> TransferResponse {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        switch await submit(id: id, request: request, gate: gate, host: host, holdingSlot: false) {
        case .finished(let response):
            return response
        case .admitted(let wait):
            do {
                try await sleep(wait)
            } catch {
                forwardAdmitted(gate.leave(host))
                return Self.cancelledResponse("cancelled")
            }
            guard case .finished(let response) = await submit(id: id, request: request, gate: gate, host: host, holdingSlot: true) else {
                preconditionFailure("an exchange that holds its slot is never sent back to wait")
            }
            return response
        }
    }

    /// Hands one exchange to the gate (unless it holds a slot already) and the engine, and
    /// waits until it finishes or is sent back to wait before starting.
    private func submit(
        id: UInt64, request: TransferRequest, gate: TransferGate, host: String, holdingSlot: Bool
    ) async -> PendingExchange.Outcome {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let exchange = PendingExchange(id: id, request: request, host: host, gate: gate, continuation: continuation)
                let refusal = inbox.withLock { inbox -> String? in
                    if inbox.shuttingDown { return "the fetcher is shutting down" }
                    // Checked under the lock that onCancel takes: either it sees this id
                    // active, or this check sees the cancellation.
                    if Task.isCancelled { return "cancelled before it started" }
                    inbox.active.insert(id)
                    return nil
                }
                if let refusal {
                    refuse(exchange, holdingSlot: holdingSlot, FetchFailure(.cancelled, refusal))
                    return
                }
                if !holdingSlot {
                    switch gate.enter(host, id: id, waiter: exchange) {
                    case .queued:
                        return
                    case .cancelled:
                        refuse(exchange, holdingSlot: false, FetchFailure(.cancelled, "cancelled before it started"))
                        return
                    case .admitted(let wait) where wait > .zero:
                        deactivate(id)
                        continuation.resume(returning: .admitted(wait: wait))
                        return
                    case .admitted:
                        break
                    }
                }
                if !enqueueStart(exchange) { forwardAdmitted(gate.leave(host)) }
            }
        } onCancel: {
            if let queued = gate.withdraw(id, host: host) {
                refuse(queued, holdingSlot: false, FetchFailure(.cancelled, "cancelled while waiting for a slot"))
                return
            }
            inbox.withLock { inbox in
                guard inbox.active.contains(id), !inbox.hasStopped else { return }
                inbox.cancellations.insert(id)
                curl_multi_wakeup(multi)
            }
        }
    }

    /// Stops the engine: unfinished exchanges end as cancelled, then every handle is freed.
    public func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let alreadyStopped = inbox.withLock { inbox -> Bool in
                inbox.shuttingDown = true
                if inbox.hasStopped { return true }
                inbox.stopped.append(continuation)
                curl_multi_wakeup(multi)
                return false
            }
            if alreadyStopped { continuation.resume() }
        }
    }

    // MARK: Any thread

    /// Acts on exchanges a gate has just admitted, from a thread other than the engine's:
    /// a wait goes back to the exchange's task, a start goes to the engine thread.
    private func forwardAdmitted(_ admissions: [TransferGate.Admission]) {
        var pending = admissions[...]
        while let (exchange, wait) = pending.popFirst() {
            if wait > .zero {
                deactivate(exchange.id)
                exchange.continuation.resume(returning: .admitted(wait: wait))
            } else if !enqueueStart(exchange) {
                pending += exchange.gate.leave(exchange.host)
            }
        }
    }

    /// Queues an admitted exchange for the engine thread and wakes it. Returns false, after
    /// completing the exchange as cancelled, when the engine is shutting down; the caller
    /// then owns the exchange's slot and must free it.
    private func enqueueStart(_ exchange: PendingExchange) -> Bool {
        // Wake-ups are sent under the lock, so they never reach a freed multi handle.
        let accepted = inbox.withLock { inbox -> Bool in
            if inbox.shuttingDown {
                inbox.active.remove(exchange.id)
                return false
            }
            inbox.starts.append(exchange)
            if !inbox.wakeupPending {
                inbox.wakeupPending = true
                curl_multi_wakeup(multi)
            }
            return true
        }
        if !accepted {
            exchange.continuation.resume(returning: .finished(Self.cancelledResponse("the fetcher is shutting down")))
        }
        return accepted
    }

    /// Completes an exchange that never reached libcurl, freeing its slot if it held one.
    private func refuse(_ exchange: PendingExchange, holdingSlot: Bool, _ failure: FetchFailure) {
        finishUnstarted(exchange, failure)
        if holdingSlot { forwardAdmitted(exchange.gate.leave(exchange.host)) }
    }

    /// Completes an exchange with a failure, before or instead of its transfer.
    private func finishUnstarted(_ exchange: PendingExchange, _ failure: FetchFailure) {
        deactivate(exchange.id)
        var response = TransferResponse()
        response.failure = failure
        exchange.continuation.resume(returning: .finished(response))
    }

    private func deactivate(_ id: UInt64) {
        inbox.withLock { _ = $0.active.remove(id) }
    }

    // MARK: Engine thread

    private func runLoop() {
        while true {
            let (starts, cancellations, shuttingDown) = inbox.withLock { inbox in
                defer {
                    inbox.starts.removeAll(keepingCapacity: true)
                    inbox.cancellations.removeAll()
                    inbox.wakeupPending = false
                }
                return (inbox.starts, inbox.cancellations, inbox.shuttingDown)
            }
            var pendingCancellations = cancellations.union(deferredCancellations)
            for exchange in starts {
                if pendingCancellations.remove(exchange.id) != nil {
                    refuseOnEngine(exchange, FetchFailure(.cancelled, "cancelled before it started"))
                } else if let failure = start(exchange) {
                    refuseOnEngine(exchange, failure)
                }
            }
            for id in pendingCancellations {
                if let handle = transferHandles[id], let transfer = transfers[handle] {
                    pendingCancellations.remove(id)
                    transfer.cancel("cancelled")
                    complete(transfer, code: CURLE_ABORTED_BY_CALLBACK)
                }
            }
            // An id neither starting nor running has completed, or was admitted and is on its
            // way here: keep the cancellation of the latter for when its start arrives.
            deferredCancellations = pendingCancellations.isEmpty
                ? [] : inbox.withLock { inbox in pendingCancellations.filter { inbox.active.contains($0) } }
            if shuttingDown { break }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            collectFinished()
            var descriptors: Int32 = 0
            curl_multi_poll(multi, nil, 0, 1000, &descriptors)
        }
        stopping = true
        for transfer in Array(transfers.values) {
            transfer.cancel("the fetcher is shutting down")
            complete(transfer, code: CURLE_ABORTED_BY_CALLBACK)
        }
        let leftovers = inbox.withLock { inbox in
            inbox.hasStopped = true
            defer { inbox.starts.removeAll() }
            return inbox.starts
        }
        for exchange in leftovers {
            refuseOnEngine(exchange, FetchFailure(.cancelled, "the fetcher is shutting down"))
        }
        curl_multi_cleanup(multi)
        let waiting = inbox.withLock { inbox in
            defer { inbox.stopped.removeAll() }
            return inbox.stopped
        }
        for continuation in waiting { continuation.resume() }
    }

    /// Starts an admitted exchange on the engine thread; returns why when it cannot.
    private func start(_ exchange: PendingExchange) -> FetchFailure? {
        if stopping { return FetchFailure(.cancelled, "the fetcher is shutting down") }
        guard let transfer = CurlTransfer(exchange) else { return FetchFailure(.other, "curl_easy_init failed") }
        if let failure = transfer.configure() {
            transfer.cleanUp()
            return failure
        }
        transfers[transfer.handle] = transfer
        transferHandles[exchange.id] = transfer.handle
        curl_multi_add_handle(multi, transfer.handle)
        return nil
    }

    /// Completes an admitted exchange that never reached libcurl and hands its slot on.
    private func refuseOnEngine(_ exchange: PendingExchange, _ failure: FetchFailure) {
        finishUnstarted(exchange, failure)
        startAdmitted(exchange.gate.leave(exchange.host))
    }

    /// Acts on exchanges a gate has just admitted, on the engine thread: starts them at
    /// once, or sends a politeness wait back to the exchange's task.
    private func startAdmitted(_ admissions: [TransferGate.Admission]) {
        var pending = admissions[...]
        while let (exchange, wait) = pending.popFirst() {
            if wait > .zero {
                deactivate(exchange.id)
                exchange.continuation.resume(returning: .admitted(wait: wait))
            } else if let failure = start(exchange) {
                finishUnstarted(exchange, failure)
                pending += exchange.gate.leave(exchange.host)
            }
        }
    }

    private func collectFinished() {
        var handle: UnsafeMutableRawPointer?
        var code = CURLE_OK
        while dossier_multi_next_done(multi, &handle, &code) == 1 {
            if let handle, let transfer = transfers[handle] {
                complete(transfer, code: code)
            }
        }
    }

    private func complete(_ transfer: CurlTransfer, code: CURLcode) {
        curl_multi_remove_handle(multi, transfer.handle)
        let response = transfer.finish(code: code)
        let exchange = transfer.exchange
        transfers[transfer.handle] = nil
        transferHandles[exchange.id] = nil
        transfer.cleanUp()
        deactivate(exchange.id)
        // The next waiting exchange starts before this one's task even resumes.
        startAdmitted(exchange.gate.leave(exchange.host))
        exchange.continuation.resume(returning: .finished(response))
    }

    private static func cancelledResponse(_ message: String) -> TransferResponse {
        var response = TransferResponse()
        response.failure = FetchFailure(.cancelled, message)
        return response
    }
}

/// The gate every exchange passes, queueing exchanges that wait for a slot.
typealias TransferGate = HostGate<PendingExchange>

/// An exchange between its submission and its completion: what a gate queues and the
/// engine starts. Its continuation is resumed exactly once. A class, so that queueing
/// and handing it between threads copies one reference.
final class PendingExchange: Sendable {
    /// How a submission ends for the awaiting task.
    enum Outcome: Sendable {
        /// The transfer ran (or was refused or cancelled): this is its answer.
        case finished(TransferResponse)
        /// The gate admitted the exchange but its host's spacing asks for this wait first;
        /// the slot is held for the task, which sleeps and submits again.
        case admitted(wait: Duration)
    }

    let id: UInt64
    let request: TransferRequest
    let host: String
    let gate: TransferGate
    let continuation: CheckedContinuation<Outcome, Never>

    init(id: UInt64, request: TransferRequest, host: String, gate: TransferGate, continuation: CheckedContinuation<Outcome, Never>) {
        self.id = id
        self.request = request
        self.host = host
        self.gate = gate
        self.continuation = continuation
    }
}
