/// A request as the server received it, recorded for assertions and handed to the handler.
public struct ReceivedRequest: Sendable, Equatable {
    /// The method token, e.g. `GET` or `HEAD`.
    public let method: String
    /// The request target as sent: path plus query, e.g. `/page/7?x=1`.
    public let target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public let version: String
    public let headers: HTTPHeaders
    /// 1 for the first TCP connection the server accepted, 2 for the second, …
    public let connectionNumber: Int
    /// 1 for the first request on its connection, 2 for the next one kept alive, …
    public let requestNumberOnConnection: Int

    public init(
        method: String,
        target: String,
        version: String,
        headers: HTTPHeaders,
        connectionNumber: Int,
        requestNumberOnConnection: Int
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.connectionNumber = connectionNumber
        self.requestNumberOnConnection = requestNumberOnConnection
    }

    /// The target without its query.
    public var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// The part of the target after `?`, if any.
    public var query: String? {
        target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) }
    }

    /// The `Host` header.
    public var host: String? {
        headers["Host"]
    }

    /// Whether the client listed `gzip` in `Accept-Encoding`.
    public var acceptsGzip: Bool {
        headers.contains(token: "gzip", in: "Accept-Encoding")
    }
}
