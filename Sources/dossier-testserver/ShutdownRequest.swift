import Dispatch
import Foundation

/// Blocks until SIGTERM or SIGINT arrives or standard input reaches its end.
func waitForShutdownRequest() {
    let requested = DispatchSemaphore(value: 0)
    let sources = [SIGTERM, SIGINT].map { signalNumber in
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
        source.setEventHandler { requested.signal() }
        source.resume()
        return source
    }
    Thread.detachNewThread {
        while !FileHandle.standardInput.availableData.isEmpty {}
        requested.signal()
    }
    requested.wait()
    sources.forEach { $0.cancel() }
}
