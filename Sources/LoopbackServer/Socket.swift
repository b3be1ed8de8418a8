#if canImport(Glibc)
import Glibc
#endif

/// A connected TCP socket as the connection thread sees it: blocking reads and whole writes
/// that never raise SIGPIPE.
struct Socket {
    /// Thrown when the peer went away or the server shut the socket down.
    struct Closed: Error {
        let errno: Int32
    }

    let descriptor: Int32

    /// Reads what is available into `buffer`, blocking for at least one byte; 0 means end of stream.
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(Closed) -> Int {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count >= 0 { return count }
            if errno != EINTR { throw Closed(errno: errno) }
        }
    }

    func sendAll(_ bytes: UnsafeRawBufferPointer) throws(Closed) {
        var offset = 0
        while offset < bytes.count {
            let sent = send(descriptor, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if sent >= 0 {
                offset += sent
            } else if errno != EINTR {
                throw Closed(errno: errno)
            }
        }
    }

    func disableNagle() {
        var enabled: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &enabled, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Closes after the peer has read what was sent: shut down writing, then read until the peer
    /// closes (or `stop` fires, or a few seconds pass), so unread request bytes cannot turn the close into a reset.
    func closeGracefully(stop: StopSignal) {
        shutdown(descriptor, Int32(SHUT_WR))
        var descriptors = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: stop.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 16_384, alignment: 1)
        defer { scratch.deallocate() }
        while poll(&descriptors, 2, 2_000) > 0, descriptors[1].revents == 0 {
            guard let count = try? receive(into: scratch), count > 0 else { break }
        }
        close(descriptor)
    }

    /// Aborts the connection: the peer sees a TCP RST instead of an orderly end.
    func closeWithReset() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        close(descriptor)
    }
}
