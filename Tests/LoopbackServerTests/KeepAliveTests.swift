import LoopbackServer
import Testing

@Suite("keep-alive")
struct KeepAliveTests {
    @Test("curl fetching three URLs reuses one connection")
    func curlReusesConnection() throws {
        let server = try LoopbackServer { request in .ok(request.path) }
        let result = try Shell.curl("'\(server.url("/1"))' '\(server.url("/2"))' '\(server.url("/3"))'")
        #expect(result.output == "/1/2/3")
        #expect(server.connectionCount == 1)
        #expect(server.requests.map(\.connectionNumber) == [1, 1, 1])
        #expect(server.requests.map(\.requestNumberOnConnection) == [1, 2, 3])
    }

    @Test("separate curl runs open separate connections")
    func separateConnections() throws {
        let server = try LoopbackServer { _ in .ok("") }
        _ = try Shell.curl("'\(server.url("/a"))'")
        _ = try Shell.curl("'\(server.url("/b"))'")
        #expect(server.connectionCount == 2)
        #expect(server.requests.map(\.connectionNumber) == [1, 2])
    }

    @Test("Connection: close is honoured: the response says so and the server closes")
    func connectionClose() throws {
        let server = try LoopbackServer { _ in .ok("bye") }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("/", headers: ["Connection: close"])
        let received = connection.receiveUntilEnd()
        #expect(received.text.contains("Connection: close\r\n"))
        #expect(received.body == Array("bye".utf8))
        #expect(received.ending == .endOfStream)
    }

    @Test("HTTP/1.0 requests are answered and closed")
    func http10Closes() throws {
        let server = try LoopbackServer { _ in .ok("old") }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("GET / HTTP/1.0\r\n\r\n")
        let received = connection.receiveUntilEnd()
        #expect(received.body == Array("old".utf8))
        #expect(received.ending == .endOfStream)
    }
}
