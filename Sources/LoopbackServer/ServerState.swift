import Dispatch
import Locking

/// What the listener, the connection threads and the `LoopbackServer` handle share.
final class ServerState: Sendable {
    struct Registry {
        var isStopped = false
        var acceptedConnections = 0
        /// Sockets of live connections by connection number. A connection thread removes its own
        /// entry before closing the descriptor, so `stop` never shuts down a reused descriptor.
        var openSockets: [Int: Int32] = [:]
        var requests: [ReceivedRequest] = []
    }

    let registry = Locked(Registry())
    let stopSignal: StopSignal
    /// Entered once per thread the server starts; `stop` waits for it to empty.
    let threads = DispatchGroup()
    let handler: @Sendable (ReceivedRequest) -> ResponsePlan
    let recordsRequests: Bool

    init(handler: @escaping @Sendable (ReceivedRequest) -> ResponsePlan, recordsRequests: Bool) throws(LoopbackServerError) {
        self.handler = handler
        self.recordsRequests = recordsRequests
        self.stopSignal = try StopSignal()
    }

    /// Registers an accepted socket and returns its connection number, or `nil` once stopping.
    func admit(_ descriptor: Int32) -> Int? {
        registry.withLock { registry in
            guard !registry.isStopped else { return nil }
            registry.acceptedConnections += 1
            registry.openSockets[registry.acceptedConnections] = descriptor
            return registry.acceptedConnections
        }
    }

    /// Forgets a connection; its thread closes the descriptor afterwards.
    func release(connection number: Int) {
        _ = registry.withLock { $0.openSockets.removeValue(forKey: number) }
    }

    func record(_ request: ReceivedRequest) {
        guard recordsRequests else { return }
        registry.withLock { $0.requests.append(request) }
    }
}
