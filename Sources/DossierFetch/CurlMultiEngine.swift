import CCurlShim
import Foundation
import Synchronization

/// Drives many HTTP exchanges at once on one libcurl multi handle, which gives
/// connection reuse and HTTP/2 multiplexing across everything a run fetches.
///
/// The multi handle and every easy handle live on one dedicated thread; other
/// threads talk to it only through a locked inbox and `curl_multi_wakeup`, the one
/// libcurl call documented as safe from any thread. Callers `await` each exchange;
/// cancelling the awaiting task stops its transfer at the next wake-up.
/// Teardown happens in `shutdown()`, which callers await (never in `deinit`), so no
/// callback can run against freed state. Use `CurlMultiEngine.run(_:)` to get this right.
public final class CurlMultiEngine: @unchecked Sendable {
    // @unchecked: `multi` and `transfers` are touched only on the engine thread;
    // `inbox` is the only state shared across threads and it is guarded by its mutex.
    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    private var transfers: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var transferHandles: [UInt64: UnsafeMutableRawPointer] = [:]
    private let nextID = Atomic<UInt64>(1)

    private struct Inbox {
        var starts: [(UInt64, TransferRequest, CheckedContinuation<TransferResponse, Never>)] = []
        var cancellations: Set<UInt64> = []
        /// Exchanges handed to the engine and not yet completed: only these can be cancelled.
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

    /// Performs one exchange. Never throws: failures, cancellation included, are in the response.
    func perform(_ request: TransferRequest) async -> TransferResponse {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Wake-ups are sent under the lock, so they never reach a freed multi handle.
                let refusal = inbox.withLock { inbox -> String? in
                    if inbox.shuttingDown { return "the fetcher is shutting down" }
                    // Checked under the lock that onCancel takes: either it sees this id
                    // active, or this check sees the cancellation.
                    if Task.isCancelled { return "cancelled before it started" }
                    inbox.starts.append((id, request, continuation))
                    inbox.active.insert(id)
                    if !inbox.wakeupPending {
                        inbox.wakeupPending = true
                        curl_multi_wakeup(multi)
                    }
                    return nil
                }
                if let refusal {
                    continuation.resume(returning: Self.cancelledResponse(refusal))
                }
            }
        } onCancel: {
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

    // MARK: Engine thread

    private func runLoop() {
        while true {
            let (starts, cancellations, shuttingDown) = inbox.withLock { inbox in
                defer {
                    inbox.starts.removeAll()
                    inbox.cancellations.removeAll()
                    inbox.wakeupPending = false
                }
                return (inbox.starts, inbox.cancellations, inbox.shuttingDown)
            }
            var pendingCancellations = cancellations
            for (id, request, continuation) in starts {
                if pendingCancellations.remove(id) != nil {
                    refuse(id, continuation, FetchFailure(.cancelled, "cancelled before it started"))
                } else {
                    start(id: id, request: request, completion: continuation)
                }
            }
            for id in pendingCancellations {
                // An id that is neither starting nor running has completed meanwhile.
                if let handle = transferHandles[id], let transfer = transfers[handle] {
                    transfer.cancel("cancelled")
                    complete(transfer, code: CURLE_ABORTED_BY_CALLBACK)
                }
            }
            if shuttingDown { break }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            collectFinished()
            var descriptors: Int32 = 0
            curl_multi_poll(multi, nil, 0, 1000, &descriptors)
        }
        for transfer in Array(transfers.values) {
            transfer.cancel("the fetcher is shutting down")
            complete(transfer, code: CURLE_ABORTED_BY_CALLBACK)
        }
        let leftovers = inbox.withLock { inbox in
            inbox.hasStopped = true
            defer { inbox.starts.removeAll() }
            return inbox.starts
        }
        for (_, _, continuation) in leftovers {
            continuation.resume(returning: Self.cancelledResponse("the fetcher is shutting down"))
        }
        curl_multi_cleanup(multi)
        let waiting = inbox.withLock { inbox in
            defer { inbox.stopped.removeAll() }
            return inbox.stopped
        }
        for continuation in waiting { continuation.resume() }
    }

    private func start(id: UInt64, request: TransferRequest, completion: CheckedContinuation<TransferResponse, Never>) {
        guard let transfer = CurlTransfer(id: id, request: request, completion: completion) else {
            refuse(id, completion, FetchFailure(.other, "curl_easy_init failed"))
            return
        }
        if let failure = transfer.configure() {
            transfer.cleanUp()
            refuse(id, completion, failure)
            return
        }
        transfers[transfer.handle] = transfer
        transferHandles[id] = transfer.handle
        curl_multi_add_handle(multi, transfer.handle)
    }

    /// Completes an exchange that never reached libcurl.
    private func refuse(_ id: UInt64, _ completion: CheckedContinuation<TransferResponse, Never>, _ failure: FetchFailure) {
        inbox.withLock { _ = $0.active.remove(id) }
        var response = TransferResponse()
        response.failure = failure
        completion.resume(returning: response)
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
        transfers[transfer.handle] = nil
        transferHandles[transfer.id] = nil
        transfer.cleanUp()
        inbox.withLock { _ = $0.active.remove(transfer.id) }
        transfer.completion.resume(returning: response)
    }

    private static func cancelledResponse(_ message: String) -> TransferResponse {
        var response = TransferResponse()
        response.failure = FetchFailure(.cancelled, message)
        return response
    }
}
