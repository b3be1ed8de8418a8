import Foundation

/// One HTTP exchange as the engine performs it: no redirects followed, no retries.
/// The fetcher above decides what to do with the answer.
struct TransferRequest: Sendable {
    /// The URL libcurl connects to (already rewritten).
    var url: String
    /// Extra request headers, each `Name: value`.
    var headers: [String]
    var userAgent: String
    /// When false, connecting to a private, loopback or link-local address fails.
    var allowPrivateAddresses: Bool
    /// Use a new connection and do not keep it: set for a private target reached by a host name,
    /// whose pooled connection a later, unallowed request to the same name must not reuse.
    var isolateConnection: Bool
    var limits: TransferLimits
}

/// Bounds on one exchange.
struct TransferLimits: Sendable {
    var connectTimeoutMilliseconds: Int
    var totalTimeoutMilliseconds: Int
    /// The stall guard: fewer than `stallMinimumBytesPerSecond` for `stallSeconds` aborts.
    var stallSeconds: Int
    var stallMinimumBytesPerSecond: Int
    /// Cap on the body, checked on the bytes received and on the decoded bytes.
    var maximumBodyBytes: Int
}

/// The answer to one exchange.
struct TransferResponse: Sendable {
    /// The status code, 0 when no response line arrived.
    var status: Int = 0
    var headers = HTTPHeaderFields()
    var body = Data()
    var httpVersion: String?
    var timings = FetchTimings()
    var failure: FetchFailure?
}

/// Response header fields in arrival order, looked up case-insensitively.
struct HTTPHeaderFields: Sendable {
    /// Names are kept lowercased (ASCII), so lookups compare plainly.
    private(set) var fields: [(name: String, value: String)] = []

    mutating func append(name: String, value: String) {
        fields.append((name.lowercased(), value))
    }

    /// The last value of a field, which is the one that counts for single-valued fields.
    subscript(name: String) -> String? {
        let wanted = name.lowercased()
        return fields.last { $0.name == wanted }?.value
    }
}

extension Collection where Element == UInt8, SubSequence: Collection<UInt8> {
    /// The bytes without leading and trailing ASCII spaces, tabs, CR and LF.
    func trimmingASCIIWhitespace() -> SubSequence {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        let start = firstIndex { !isSpace($0) } ?? endIndex
        var end = endIndex
        while end > start, isSpace(self[index(end, offsetBy: -1)]) { end = index(end, offsetBy: -1) }
        return self[start..<end]
    }
}
