#if canImport(Glibc)
import Glibc
import Locking
#endif

/// A one-shot broadcast that any number of threads can wait on, with a timeout, or poll
/// beside a socket: a pipe whose write end is closed when the signal fires.
final class StopSignal: Sendable {
    /// Readable (end of file) once the signal has fired; closed in `deinit`.
    let readDescriptor: Int32
    /// The write end until the signal fires, then `nil`.
    private let writeDescriptor: Locked<Int32?>

    init() throws(LoopbackServerError) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { throw .system(operation: "pipe", errno: errno) }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        readDescriptor = descriptors[0]
        writeDescriptor = Locked<Int32?>(descriptors[1])
    }

    deinit {
        fire()
        close(readDescriptor)
    }

    /// Wakes every waiter, now and later. Idempotent.
    func fire() {
        writeDescriptor.withLock { descriptor in
            if let open = descriptor { close(open) }
            descriptor = nil
        }
    }

    /// Waits until the signal fires or `duration` passes (forever when `nil`); returns whether it fired.
    func wait(for duration: Duration?) -> Bool {
        var descriptor = pollfd(fd: readDescriptor, events: Int16(POLLIN), revents: 0)
        let deadline = duration.map { ContinuousClock.now + $0 }
        while true {
            let timeout = deadline.map { Self.milliseconds(until: $0) } ?? -1
            let ready = poll(&descriptor, 1, timeout)
            if ready > 0 { return true }
            if ready == 0 { return false }
            if errno != EINTR { return true }
        }
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { return 0 }
        let (seconds, attoseconds) = remaining.components
        return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
