/// Carries out a `ResponsePlan` on a socket: delay, head, framed body, injected faults.
struct ResponseWriter {
    /// What becomes of the connection after the response.
    enum Ending {
        case keepOpen
        case close
        case reset
    }

    let socket: Socket
    let stopSignal: StopSignal
    private var output = OutputBuffer()

    init(socket: Socket, stopSignal: StopSignal) {
        self.socket = socket
        self.stopSignal = stopSignal
    }

    mutating func send(_ plan: ResponsePlan, answering method: String, keepAliveWanted: Bool) throws -> Ending {
        if plan.firstByteDelay > .zero, stopSignal.wait(for: plan.firstByteDelay) { return .close }

        let mayHaveBody = !(100..<200).contains(plan.status) && plan.status != 204 && plan.status != 304
        let sendsBody = mayHaveBody && method != "HEAD"
        let (head, closesAfterward) = Self.head(for: plan, mayHaveBody: mayHaveBody, keepAliveWanted: keepAliveWanted)
        output.append(head)

        let isChunked = sendsBody && plan.framing == .chunked
        var interruption = plan.interruption
        var bytesBeforeInterruption = min(interruption?.afterBodyBytes ?? .max, sendsBody ? plan.body.count : 0)
        var chunks = (sendsBody ? plan.body : .empty).chunks()
        var current: ArraySlice<UInt8> = []
        while true {
            if bytesBeforeInterruption == 0, let pending = interruption {
                try output.flush(to: socket)
                switch pending {
                case .stall(_, let duration):
                    if stopSignal.wait(for: duration) { return .close }
                    interruption = nil
                    bytesBeforeInterruption = .max
                case .reset:
                    return .reset
                case .close:
                    return .close
                }
            }
            if current.isEmpty {
                guard let next = chunks.next() else { break }
                current = next
            }
            let part = current.prefix(bytesBeforeInterruption)
            try appendBody(part, chunked: isChunked)
            current = current.dropFirst(part.count)
            bytesBeforeInterruption -= part.count
        }
        if isChunked { output.append(Array("0\r\n\r\n".utf8)) }
        try output.flush(to: socket)
        return closesAfterward ? .close : .keepOpen
    }

    /// The status line and headers, with the framing headers the plan implies, and whether the
    /// connection must close after this response.
    private static func head(for plan: ResponsePlan, mayHaveBody: Bool, keepAliveWanted: Bool) -> (bytes: [UInt8], closesAfterward: Bool) {
        var headers = plan.headers
        var closesAfterward = !keepAliveWanted || headers.contains(token: "close", in: "Connection")
        if mayHaveBody {
            switch plan.framing {
            case .contentLength:
                if let declared = headers["Content-Length"] {
                    closesAfterward = closesAfterward || Int(declared) != plan.body.count
                } else {
                    headers["Content-Length"] = String(plan.body.count)
                }
            case .chunked:
                headers["Transfer-Encoding"] = "chunked"
            case .closeDelimited:
                closesAfterward = true
            }
        }
        if closesAfterward { headers["Connection"] = "close" }
        var head = "HTTP/1.1 \(plan.status) \(plan.reason)\r\n"
        for field in headers { head += "\(field.name): \(field.value)\r\n" }
        head += "\r\n"
        return (Array(head.utf8), closesAfterward)
    }

    private mutating func appendBody(_ bytes: ArraySlice<UInt8>, chunked: Bool) throws {
        if chunked { output.append(Array((String(bytes.count, radix: 16) + "\r\n").utf8)) }
        output.append(bytes)
        if chunked { output.append([13, 10]) }
        if output.isFull { try output.flush(to: socket) }
    }
}
