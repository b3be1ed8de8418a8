#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The listening socket on 127.0.0.1 and the thread that accepts from it.
struct Listener {
    let descriptor: Int32
    let port: UInt16

    /// Binds and listens on 127.0.0.1:`port` (0: the kernel picks one).
    init(port requestedPort: UInt16) throws(LoopbackServerError) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard descriptor >= 0 else { throw .system(operation: "socket", errno: errno) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = requestedPort.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Self.failure("bind", closing: descriptor) }
        guard listen(descriptor, 512) == 0 else { throw Self.failure("listen", closing: descriptor) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw Self.failure("getsockname", closing: descriptor) }
        self.descriptor = descriptor
        self.port = UInt16(bigEndian: address.sin_port)
    }

    private static func failure(_ operation: String, closing descriptor: Int32) -> LoopbackServerError {
        let code = errno
        close(descriptor)
        return .system(operation: operation, errno: code)
    }

    /// Accepts on a new thread, one `ConnectionLoop` thread per connection, until `state.stopSignal`
    /// fires; then closes the listening socket.
    func startAccepting(into state: ServerState) {
        state.threads.enter()
        Thread.detachNewThread { [self] in
            acceptUntilStopped(into: state)
            close(descriptor)
            state.threads.leave()
        }
    }

    private func acceptUntilStopped(into state: ServerState) {
        var descriptors = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: state.stopSignal.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            guard poll(&descriptors, 2, -1) >= 0 || errno == EINTR else { return }
            if descriptors[1].revents != 0 { return }
            guard descriptors[0].revents != 0 else { continue }
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            let socket = Socket(descriptor: client)
            socket.disableNagle()
            guard let number = state.admit(client) else {
                close(client)
                return
            }
            state.threads.enter()
            Thread.detachNewThread {
                ConnectionLoop(socket: socket, number: number, state: state).run()
                state.threads.leave()
            }
        }
    }
}
