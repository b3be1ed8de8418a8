#if canImport(Glibc)
import Glibc
#endif

/// A scriptable HTTP/1.1 server on 127.0.0.1 for tests and benchmarks.
///
/// It listens from `init` on, serves each connection on its own thread with keep-alive, asks
/// `handler` for a `ResponsePlan` per request and carries it out, faults included. It records
/// the requests and counts connections for assertions. `stop()` (also run by `deinit`) closes
/// the listener and every connection and returns once all the server's threads have ended.
public final class LoopbackServer: Sendable {
    /// The port the server listens on.
    public let port: UInt16
    private let state: ServerState

    /// Starts listening on 127.0.0.1.
    /// - Parameters:
    ///   - port: 0 lets the kernel pick a free port.
    ///   - recordsRequests: false for long benchmark runs, so `requests` stays empty instead of growing.
    ///   - handler: called on a connection thread for every request; must not call `stop()`.
    public init(
        port: UInt16 = 0,
        recordsRequests: Bool = true,
        handler: @escaping @Sendable (ReceivedRequest) -> ResponsePlan
    ) throws(LoopbackServerError) {
        let listener = try Listener(port: port)
        let state: ServerState
        do {
            state = try ServerState(handler: handler, recordsRequests: recordsRequests)
        } catch {
            close(listener.descriptor)
            throw error
        }
        self.port = listener.port
        self.state = state
        listener.startAccepting(into: state)
    }

    deinit {
        stop()
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public var baseURL: String {
        "http://127.0.0.1:\(port)"
    }

    /// `baseURL` followed by `path`, which should start with `/`.
    public func url(_ path: String) -> String {
        baseURL + path
    }

    /// The requests received so far, in the order their heads were read.
    public var requests: [ReceivedRequest] {
        state.registry.withLock { $0.requests }
    }

    /// The number of TCP connections accepted so far.
    public var connectionCount: Int {
        state.registry.withLock { $0.acceptedConnections }
    }

    /// Closes the listener and all connections (stalls and delays end at once) and waits for
    /// the server's threads to finish. Safe to call more than once and from several threads.
    public func stop() {
        state.registry.withLock { registry in
            guard !registry.isStopped else { return }
            registry.isStopped = true
            state.stopSignal.fire()
            // Under the lock: no connection thread can close (and the kernel reuse) these descriptors meanwhile.
            for descriptor in registry.openSockets.values { shutdown(descriptor, Int32(SHUT_RDWR)) }
        }
        state.threads.wait()
    }
}
