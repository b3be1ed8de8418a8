#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A bare TCP client for the faults URLSession and curl report too coarsely: it shows exactly
/// which bytes arrived and whether the stream ended, was reset, or went quiet.
final class RawHTTPConnection {
    enum Ending: Equatable {
        case endOfStream
        case reset
        case quiet
    }

    struct Received {
        var bytes: [UInt8]
        var ending: Ending

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let descriptor: Int32
    private var pending: [UInt8] = []

    init(port: UInt16, quietAfter timeout: Duration = .seconds(5)) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(description: "connect: \(String(cString: strerror(code)))")
        }
        let (seconds, attoseconds) = timeout.components
        var interval = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(descriptor)
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw Failure(description: "send failed") }
    }

    /// Sends a request for `target` (GET unless told) with a Host header and the given extra header lines.
    func request(_ target: String, method: String = "GET", headers: [String] = []) throws {
        try send(([ "\(method) \(target) HTTP/1.1", "Host: loopback.test"] + headers).joined(separator: "\r\n") + "\r\n\r\n")
    }

    /// Everything until the server closes, resets, or sends nothing for the quiet timeout.
    func receiveUntilEnd() -> Received {
        var bytes = pending
        pending = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                bytes += buffer[..<count]
            } else if count == 0 {
                return Received(bytes: bytes, ending: .endOfStream)
            } else if errno == EINTR {
                continue
            } else {
                return Received(bytes: bytes, ending: errno == ECONNRESET ? .reset : .quiet)
            }
        }
    }

    /// One response framed by its `Content-Length` (or none, for HEAD, 204 and 304), leaving later bytes for the next call.
    func receiveResponse(bodyExpected: Bool = true) throws -> Response {
        while true {
            if let headEnd = Self.endOfHead(in: pending) {
                let head = String(decoding: pending[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
                guard let status = head.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
                    throw Failure(description: "bad status line \(head.first ?? "")")
                }
                var headers: [String: String] = [:]
                for line in head.dropFirst() where line.contains(":") {
                    let name = line.prefix { $0 != ":" }
                    headers[name.lowercased()] = line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
                }
                let length = bodyExpected && status != 304 && status != 204 ? Int(headers["content-length"] ?? "0") ?? 0 : 0
                while pending.count < headEnd + length { try receiveSome() }
                let body = Array(pending[headEnd..<(headEnd + length)])
                pending.removeFirst(headEnd + length)
                return Response(status: status, headers: headers, body: body)
            }
            try receiveSome()
        }
    }

    private func receiveSome() throws {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw Failure(description: "connection ended before a whole response") }
        pending += buffer[..<count]
    }

    private static func endOfHead(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index..<(index + 4)].elementsEqual([13, 10, 13, 10]) {
            return index + 4
        }
        return nil
    }
}

extension RawHTTPConnection.Received {
    /// The bytes after the response head.
    var body: [UInt8] {
        guard bytes.count >= 4,
              let index = (0...(bytes.count - 4)).first(where: { bytes[$0..<($0 + 4)].elementsEqual([13, 10, 13, 10]) })
        else { return [] }
        return Array(bytes[(index + 4)...])
    }
}
