/// What the server sends in answer to one request, including the faults to inject.
///
/// A plan is a value: the handler builds it, the server carries it out. Unless the plan
/// says otherwise the server adds `Content-Length` (or `Transfer-Encoding: chunked`) and
/// `Connection: close` when it will close the connection afterwards.
public struct ResponsePlan: Sendable, Equatable {
    /// How the end of the body is signalled.
    public enum Framing: Sendable, Equatable {
        /// `Content-Length` with the body's size, unless the plan's headers set their own;
        /// a declared length that differs from the body's makes the server close after sending.
        case contentLength
        /// `Transfer-Encoding: chunked`.
        case chunked
        /// Neither header; the server closes the connection after the body.
        case closeDelimited
    }

    /// A fault injected after some body bytes have been sent (counting body bytes, not framing).
    public enum Interruption: Sendable, Equatable {
        /// Send nothing for `duration` (until the server stops when `nil`), connection open,
        /// then send the rest of the response.
        case stall(afterBodyBytes: Int, for: Duration?)
        /// Abort the connection with a TCP RST (`SO_LINGER` {1, 0}, then close).
        case reset(afterBodyBytes: Int)
        /// Close the connection normally (FIN), leaving the declared length unmet.
        case close(afterBodyBytes: Int)

        var afterBodyBytes: Int {
            switch self {
            case .stall(let bytes, _), .reset(let bytes), .close(let bytes): bytes
            }
        }
    }

    public var status: Int
    public var reason: String
    public var headers: HTTPHeaders
    public var body: ResponseBody
    public var framing: Framing
    /// How long to wait after reading the request before sending the first byte.
    public var firstByteDelay: Duration
    public var interruption: Interruption?

    /// - Parameter reason: the reason phrase; the standard one for `status` when `nil`.
    public init(
        status: Int = 200,
        reason: String? = nil,
        headers: HTTPHeaders = [:],
        body: ResponseBody = .empty,
        framing: Framing = .contentLength,
        firstByteDelay: Duration = .zero,
        interruption: Interruption? = nil
    ) {
        self.status = status
        self.reason = reason ?? Self.standardReason(for: status)
        self.headers = headers
        self.body = body
        self.framing = framing
        self.firstByteDelay = firstByteDelay
        self.interruption = interruption
    }

    /// This plan, sent only after `delay`.
    public func delayingFirstByte(by delay: Duration) -> ResponsePlan {
        var plan = self
        plan.firstByteDelay = delay
        return plan
    }

    /// This plan, broken by `interruption`.
    public func interrupted(by interruption: Interruption) -> ResponsePlan {
        var plan = self
        plan.interruption = interruption
        return plan
    }

    /// This plan with its body framed as `framing`.
    public func framed(_ framing: Framing) -> ResponsePlan {
        var plan = self
        plan.framing = framing
        return plan
    }

    /// This plan with header `name` set to `value`.
    public func withHeader(_ name: String, _ value: String) -> ResponsePlan {
        var plan = self
        plan.headers[name] = value
        return plan
    }

    static func standardReason(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
