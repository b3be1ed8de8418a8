import LoopbackServer
import Testing

@Suite("broken connections")
struct ConnectionFaultTests {
    @Test("a reset mid-body delivers the head and K bytes, then a connection reset")
    func resetMidBody() throws {
        let server = try LoopbackServer { _ in
            ResponsePlan.ok(.repeating([0x41], count: 10_000)).interrupted(by: .reset(afterBodyBytes: 2_500))
        }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("/")
        let received = connection.receiveUntilEnd()
        #expect(received.ending == .reset)
        #expect(received.text.contains("Content-Length: 10000\r\n"))
        #expect(received.body.count == 2_500)
    }

    @Test("curl reports the reset as a receive error")
    func curlSeesReset() throws {
        let server = try LoopbackServer { _ in
            ResponsePlan.ok(.repeating([0x41], count: 10_000)).interrupted(by: .reset(afterBodyBytes: 2_500))
        }
        let result = try Shell.curl("-o /dev/null '\(server.url("/"))'")
        #expect(result.status == 56)  // CURLE_RECV_ERROR
    }

    @Test("a Content-Length larger than the body is followed by a close, which curl reports as a partial file")
    func declaredLengthTooLong() throws {
        let server = try LoopbackServer { _ in ResponsePlan.ok("only ten b").withHeader("Content-Length", "100") }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("/")
        let received = connection.receiveUntilEnd()
        #expect(received.ending == .endOfStream)
        #expect(received.text.contains("Content-Length: 100\r\n"))
        #expect(received.body == Array("only ten b".utf8))

        let result = try Shell.curl("-o /dev/null -w '%{size_download}' '\(server.url("/"))'")
        #expect(result.status == 18)  // CURLE_PARTIAL_FILE
        #expect(result.output == "10")
    }

    @Test("closing after K bytes leaves the automatic Content-Length unmet")
    func closeMidBody() throws {
        let server = try LoopbackServer { _ in
            ResponsePlan.ok(.repeating([0x42], count: 8_000)).interrupted(by: .close(afterBodyBytes: 3_000))
        }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("/")
        let received = connection.receiveUntilEnd()
        #expect(received.ending == .endOfStream)
        #expect(received.text.contains("Content-Length: 8000\r\n"))
        #expect(received.body.count == 3_000)
    }
}
