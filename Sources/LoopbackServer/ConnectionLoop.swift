#if canImport(Glibc)
import Glibc
#endif

/// Serves one accepted connection on its own thread: request after request until either side closes.
struct ConnectionLoop {
    let socket: Socket
    let number: Int
    let state: ServerState

    func run() {
        let ending = serve()
        state.release(connection: number)
        switch ending {
        case .reset: socket.closeWithReset()
        case .close, .keepOpen: socket.closeGracefully(stop: state.stopSignal)
        }
    }

    private func serve() -> ResponseWriter.Ending {
        var reader = RequestReader(socket: socket)
        var writer = ResponseWriter(socket: socket, stopSignal: state.stopSignal)
        var requestNumber = 0
        do {
            while let head = try reader.nextHead() {
                requestNumber += 1
                let request = ReceivedRequest(
                    method: head.method, target: head.target, version: head.version, headers: head.headers,
                    connectionNumber: number, requestNumberOnConnection: requestNumber)
                state.record(request)
                let keepAliveWanted = head.version == "HTTP/1.1" && !head.headers.contains(token: "close", in: "Connection")
                let ending = try writer.send(state.handler(request), answering: head.method, keepAliveWanted: keepAliveWanted)
                guard case .keepOpen = ending else { return ending }
            }
        } catch let rejection as RequestReader.Rejection {
            let plan = ResponsePlan(status: rejection.status, headers: ["Content-Type": "text/plain"], body: .text("rejected\n"))
            _ = try? writer.send(plan, answering: "GET", keepAliveWanted: false)
        } catch {
            // The peer went away or the server is stopping: nothing left to say.
        }
        return .close
    }
}
