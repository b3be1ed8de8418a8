import LoopbackServer
import Testing

@Suite("redirects and retries")
struct RedirectAndRetryTests {
    @Test("redirects carry their status and Location verbatim", arguments: [
        (301, "/loop"), (302, "file:///etc/passwd"), (307, "http://10.0.0.1/admin"),
    ])
    func redirect(status: Int, location: String) throws {
        let server = try LoopbackServer { _ in .redirect(to: location, status: status) }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("/loop")
        let response = try connection.receiveResponse()
        #expect(response.status == status)
        #expect(response.headers["location"] == location)
    }

    @Test("a redirect loop makes curl stop at its redirect limit")
    func redirectLoop() throws {
        let server = try LoopbackServer { _ in .redirect(to: "/loop", status: 302) }
        let result = try Shell.curl("-L --max-redirs 5 -o /dev/null '\(server.url("/loop"))'")
        #expect(result.status == 47)  // CURLE_TOO_MANY_REDIRECTS
        #expect(server.requests.count == 6)
        #expect(server.connectionCount == 1)
    }

    @Test("429 and 503 carry Retry-After", arguments: [429, 503])
    func retryAfter(status: Int) throws {
        let server = try LoopbackServer { _ in .retryLater(status: status, retryAfter: "7") }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("/")
        let response = try connection.receiveResponse()
        #expect(response.status == status)
        #expect(response.headers["retry-after"] == "7")
    }

    @Test("a HitCounter scripts 503 the first time and 200 after, per path")
    func failsOnceThenSucceeds() throws {
        let hits = HitCounter()
        let server = try LoopbackServer { request in
            hits.increment(request.path) == 1 ? .retryLater(status: 503, retryAfter: "0") : .ok("fine")
        }
        let codes = try (0..<3).map { _ in try Shell.curl("-o /dev/null -w '%{http_code}' '\(server.url("/a"))'").output }
        #expect(codes == ["503", "200", "200"])
        #expect(try Shell.curl("-o /dev/null -w '%{http_code}' '\(server.url("/b"))'").output == "503")
        #expect(hits.count("/a") == 3)
    }
}
