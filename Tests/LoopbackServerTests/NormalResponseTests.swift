import Foundation
import LoopbackServer
import Testing

@Suite("normal responses")
struct NormalResponseTests {
    @Test("a planned 200 arrives with its headers, body and an automatic Content-Length")
    func plainResponse() throws {
        let server = try LoopbackServer { _ in .ok("héllo", contentType: "text/plain; charset=utf-8") }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("/greeting")
        let response = try connection.receiveResponse()
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(response.headers["content-length"] == "6")
        #expect(response.body == Array("héllo".utf8))
    }

    @Test("the request is recorded with method, target, path, query, Host and case-insensitive headers")
    func recordsRequests() throws {
        let server = try LoopbackServer { _ in .ok("") }
        let result = try Shell.curl("-H 'X-Probe: 42' -H 'Host: example.test' '\(server.url("/a/b?x=1&y=2"))'")
        #expect(result.status == 0)
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/a/b?x=1&y=2")
        #expect(request.path == "/a/b")
        #expect(request.query == "x=1&y=2")
        #expect(request.host == "example.test")
        #expect(request.headers["x-probe"] == "42")
        #expect(request.headers["X-PROBE"] == "42")
        #expect(request.connectionNumber == 1)
    }

    @Test("HEAD gets the GET headers, Content-Length included, and no body")
    func headHasNoBody() throws {
        let server = try LoopbackServer { _ in .ok(String(repeating: "x", count: 1000)) }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("/", method: "HEAD")
        let head = try connection.receiveResponse(bodyExpected: false)
        #expect(head.headers["content-length"] == "1000")
        try connection.request("/")
        let get = try connection.receiveResponse()
        #expect(get.body.count == 1000)
    }

    @Test("robots.txt and a charset-bearing Content-Type are ordinary plans")
    func robotsAndCharset() throws {
        let server = try LoopbackServer { request in
            request.path == "/robots.txt"
                ? .ok("User-agent: *\nDisallow: /private\n", contentType: "text/plain")
                : .ok(.bytes([0x63, 0x61, 0x66, 0xE9]), contentType: "text/html; charset=iso-8859-1")
        }
        let robots = try Shell.curl("'\(server.url("/robots.txt"))'")
        #expect(robots.output == "User-agent: *\nDisallow: /private\n")
        let page = try Shell.curl("-o /dev/null -w '%{content_type} %{size_download}' '\(server.url("/"))'")
        #expect(page.output == "text/html; charset=iso-8859-1 4")
    }

    @Test("a request body with Content-Length is read and dropped, and the connection goes on")
    func discardsRequestBody() throws {
        let server = try LoopbackServer { request in .ok(request.path) }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("GET /first HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET /second HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try connection.receiveResponse().body == Array("/first".utf8))
        #expect(try connection.receiveResponse().body == Array("/second".utf8))
        #expect(server.requests.map(\.path) == ["/first", "/second"])
    }

    @Test("a malformed request line gets a 400 and the connection is closed")
    func rejectsGarbage() throws {
        let server = try LoopbackServer { _ in .ok("") }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("NONSENSE\r\n\r\n")
        let received = connection.receiveUntilEnd()
        #expect(received.text.hasPrefix("HTTP/1.1 400 "))
        #expect(received.ending == .endOfStream)
        #expect(server.requests.isEmpty)
    }
}
