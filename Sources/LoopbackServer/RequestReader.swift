/// Reads request heads off a keep-alive connection, one after another, discarding request bodies.
struct RequestReader {
    /// The first line and header fields of a request.
    struct Head {
        let method: String
        let target: String
        let version: String
        let headers: HTTPHeaders
    }

    /// Why the connection cannot go on; the server answers with `status` and closes.
    struct Rejection: Error {
        let status: Int
    }

    static let maximumHeadSize = 65_536

    let socket: Socket
    private var pending: [UInt8] = []
    private var scratch = [UInt8](repeating: 0, count: 65_536)

    init(socket: Socket) {
        self.socket = socket
    }

    /// The next request's head, with its body (if it has a `Content-Length`) read and dropped;
    /// `nil` when the client closed the connection between requests.
    mutating func nextHead() throws -> Head? {
        var searchedUpTo = 0
        while true {
            if let end = Self.endOfHead(in: pending, from: searchedUpTo) {
                let head = try Self.parse(pending[..<end])
                pending.removeFirst(end)
                try discardBody(of: head)
                return head
            }
            guard pending.count <= Self.maximumHeadSize else { throw Rejection(status: 431) }
            searchedUpTo = max(0, pending.count - 3)
            guard try receiveMore() else {
                if pending.isEmpty { return nil }
                throw Socket.Closed(errno: 0)
            }
        }
    }

    /// Appends what the socket has; false at end of stream.
    private mutating func receiveMore() throws -> Bool {
        let socket = socket
        let count = try scratch.withUnsafeMutableBytes { buffer in try socket.receive(into: buffer) }
        pending += scratch[..<count]
        return count > 0
    }

    private mutating func discardBody(of head: Head) throws {
        if head.headers["Transfer-Encoding"] != nil { throw Rejection(status: 501) }
        guard let declared = head.headers["Content-Length"] else { return }
        guard var remaining = Int(declared.trimmingASCIISpaces()), remaining >= 0 else { throw Rejection(status: 400) }
        while true {
            let dropped = min(remaining, pending.count)
            pending.removeFirst(dropped)
            remaining -= dropped
            if remaining == 0 { return }
            guard try receiveMore() else { throw Socket.Closed(errno: 0) }
        }
    }

    /// The index just past the blank line that ends the head, searching from `start`.
    private static func endOfHead(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = start
        while index + 4 <= bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 {
                return index + 4
            }
            index += 1
        }
        return nil
    }

    private static func parse(_ bytes: ArraySlice<UInt8>) throws(Rejection) -> Head {
        let lines = String(decoding: bytes, as: UTF8.self)
            .split(separator: "\r\n", omittingEmptySubsequences: true)
        guard let requestLine = lines.first else { throw Rejection(status: 400) }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { throw Rejection(status: 400) }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw Rejection(status: 400) }
            headers.append(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingASCIISpaces())
        }
        return Head(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers)
    }
}
