import LoopbackServer
import Testing

@Suite("slow responses")
struct DelayAndStallTests {
    @Test("a delayed first byte trips a client deadline shorter than the delay")
    func slowFirstByte() throws {
        let server = try LoopbackServer { _ in ResponsePlan.ok("late").delayingFirstByte(by: .seconds(3)) }
        let impatient = try RawHTTPConnection(port: server.port, quietAfter: .milliseconds(200))
        try impatient.request("/")
        let received = impatient.receiveUntilEnd()
        #expect(received.ending == .quiet)
        #expect(received.bytes.isEmpty)
    }

    @Test("a short delay is waited out and the response follows")
    func shortDelay() throws {
        let server = try LoopbackServer { _ in ResponsePlan.ok("late").delayingFirstByte(by: .milliseconds(50)) }
        let result = try Shell.curl("'\(server.url("/"))'")
        #expect(result.output == "late")
    }

    @Test("a stall sends the head and K body bytes, then nothing, with the connection open")
    func stallUntilStopped() throws {
        let body = ResponseBody.repeating(Array("0123456789".utf8), count: 5000)
        let server = try LoopbackServer { _ in
            ResponsePlan.ok(body).interrupted(by: .stall(afterBodyBytes: 1000, for: nil))
        }
        let connection = try RawHTTPConnection(port: server.port, quietAfter: .milliseconds(300))
        try connection.request("/")
        let received = connection.receiveUntilEnd()
        #expect(received.ending == .quiet)
        #expect(received.text.contains("Content-Length: 5000\r\n"))
        #expect(received.body == Array(body.materialized().prefix(1000)))
    }

    @Test("curl's deadline expires on a stalled body after the bytes sent before the stall")
    func curlGivesUpOnStall() throws {
        let server = try LoopbackServer { _ in
            ResponsePlan.ok(.repeating([0x61], count: 100_000)).interrupted(by: .stall(afterBodyBytes: 10_000, for: nil))
        }
        let result = try Shell.curl("-o /dev/null -w '%{size_download}' --max-time 0.5 '\(server.url("/"))'")
        #expect(result.status == 28)  // CURLE_OPERATION_TIMEDOUT
        #expect(result.output == "10000")
    }

    @Test("a timed stall resumes and the whole body arrives")
    func timedStallResumes() throws {
        let server = try LoopbackServer { _ in
            ResponsePlan.ok(.repeating([0x62], count: 30_000)).interrupted(by: .stall(afterBodyBytes: 100, for: .milliseconds(100)))
        }
        let result = try Shell.curl("-o /dev/null -w '%{size_download}' '\(server.url("/"))'")
        #expect(result.status == 0)
        #expect(result.output == "30000")
    }

    @Test("a stalled chunked body resumes with correct chunk framing")
    func chunkedStallResumes() throws {
        let server = try LoopbackServer { _ in
            ResponsePlan.ok(.repeating(Array("abc".utf8), count: 10_000)).framed(.chunked)
                .interrupted(by: .stall(afterBodyBytes: 4_321, for: .milliseconds(50)))
        }
        let result = try Shell.curl("'\(server.url("/"))'")
        #expect(result.status == 0)
        #expect(Array(result.output.utf8) == ResponseBody.repeating(Array("abc".utf8), count: 10_000).materialized())
    }
}
