import Foundation
import LoopbackServer
import Testing

@Suite("starting and stopping")
struct LifecycleTests {
    @Test("two servers get different ephemeral ports and a matching base URL")
    func ephemeralPorts() throws {
        let first = try LoopbackServer { _ in .ok("") }
        let second = try LoopbackServer { _ in .ok("") }
        #expect(first.port != 0)
        #expect(first.port != second.port)
        #expect(first.baseURL == "http://127.0.0.1:\(first.port)")
    }

    @Test("stop ends a stall at once, closes the connection and refuses new ones")
    func stopEndsStall() throws {
        let server = try LoopbackServer { _ in
            ResponsePlan.ok(.repeating([1], count: 1_000)).interrupted(by: .stall(afterBodyBytes: 10, for: nil))
        }
        let connection = try RawHTTPConnection(port: server.port, quietAfter: .milliseconds(300))
        try connection.request("/")
        let beforeStop = connection.receiveUntilEnd()
        #expect(beforeStop.ending == .quiet)
        #expect(beforeStop.body.count == 10)
        server.stop()
        #expect(connection.receiveUntilEnd().ending == .endOfStream)
        // Refused; or, when another test's server took the freed port at once, answered by that
        // one: this server accepts nothing more, and a listener left open would answer nothing.
        if let probe = try? RawHTTPConnection(port: server.port, quietAfter: .seconds(10)) {
            try? probe.request("/")
            let answer = probe.receiveUntilEnd()
            #expect(!answer.bytes.isEmpty, "a connection to the stopped server's port got no answer")
        }
        #expect(server.connectionCount == 1)
    }

    @Test("stop also ends idle keep-alive connections and is idempotent")
    func stopClosesIdleConnections() throws {
        let server = try LoopbackServer { _ in .ok("x") }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("/")
        _ = try connection.receiveResponse()
        server.stop()
        server.stop()
        #expect(connection.receiveUntilEnd().ending == .endOfStream)
        #expect(server.connectionCount == 1)
    }

    @Test("a server dropped without stop shuts down in deinit")
    func deinitStops() throws {
        // A token only this server answers with: the freed port may be taken at once by a server
        // of another test running beside this one, so a connection alone proves nothing.
        let token = UUID().uuidString
        var port: UInt16 = 0
        do {
            let server = try LoopbackServer { _ in .ok(token) }
            port = server.port
        }
        // Refused; or answered by whichever server took the port, never by this one. A listener
        // left open would accept and answer nothing.
        guard let connection = try? RawHTTPConnection(port: port, quietAfter: .seconds(10)) else { return }
        try? connection.request("/")
        let answer = connection.receiveUntilEnd()
        #expect(!answer.bytes.isEmpty, "a connection to the dropped server's port got no answer")
        #expect(!String(decoding: answer.bytes, as: UTF8.self).contains(token), "the dropped server still answers")
    }

    @Test("32 concurrent keep-alive connections each get every page intact")
    func concurrentClients() throws {
        let page = ResponseBody.repeating(Array("<p>benchmark</p>".utf8), count: 20_000)
        let server = try LoopbackServer { _ in .ok(page) }
        let urls = (1...20).map { "-o /dev/null \(server.url("/page/\($0)"))" }.joined(separator: " ")
        // Each client gathers its sizes and prints them in one short write, so 32 clients writing
        // to one pipe cannot interleave their lines; xargs runs them at once and reaps each one.
        let client = "sizes=$(/usr/bin/curl -s -w %{size_download}, \(urls)); echo \"$sizes\""
        let result = try Shell.run("seq 32 | xargs -P 32 -n 1 sh -c '\(client)'")
        let sizes = result.output.split(separator: "\n")
        #expect(sizes.count == 32, "status \(result.status), output: \(result.output)")
        #expect(sizes.allSatisfy { $0 == String(repeating: "20000,", count: 20) }, "\(sizes)")
        #expect(server.connectionCount == 32)
        #expect(server.requests.count == 640)
    }
}
