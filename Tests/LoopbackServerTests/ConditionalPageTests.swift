import Foundation
import LoopbackServer
import Testing

@Suite("conditional requests")
struct ConditionalPageTests {
    static let modified = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
    static let page = ConditionalPage(body: .text("<p>same</p>"), etag: "\"v1\"", lastModified: modified)

    func status(_ headers: [String]) throws -> (Int, [UInt8], [String: String]) {
        let server = try LoopbackServer { Self.page.response(to: $0) }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("/", headers: headers)
        let response = try connection.receiveResponse()
        return (response.status, response.body, response.headers)
    }

    @Test("an unconditional request gets 200 with ETag and Last-Modified")
    func unconditional() throws {
        let (status, body, headers) = try status([])
        #expect(status == 200)
        #expect(body == Array("<p>same</p>".utf8))
        #expect(headers["etag"] == "\"v1\"")
        #expect(headers["last-modified"] == "Tue, 14 Nov 2023 22:13:20 GMT")
    }

    @Test("matching validators get 304 without a body", arguments: [
        "If-None-Match: \"v1\"", "If-None-Match: \"v0\", W/\"v1\"", "If-None-Match: *",
        "If-Modified-Since: Tue, 14 Nov 2023 22:13:20 GMT", "If-Modified-Since: Wed, 15 Nov 2023 00:00:00 GMT",
    ])
    func notModified(header: String) throws {
        let (status, body, headers) = try status([header])
        #expect(status == 304)
        #expect(body.isEmpty)
        #expect(headers["content-length"] == nil)
        #expect(headers["etag"] == "\"v1\"")
    }

    @Test("stale validators get the full page", arguments: [
        "If-None-Match: \"v0\"", "If-Modified-Since: Mon, 13 Nov 2023 00:00:00 GMT",
        // If-None-Match decides when present, even if the date would match.
        "If-None-Match: \"v0\"\r\nIf-Modified-Since: Wed, 15 Nov 2023 00:00:00 GMT",
    ])
    func modified(header: String) throws {
        let (status, body, _) = try status([header])
        #expect(status == 200)
        #expect(body == Array("<p>same</p>".utf8))
    }

    @Test("curl's conditional GET with a stored ETag gets 304")
    func curlConditionalGet() throws {
        let server = try LoopbackServer { Self.page.response(to: $0) }
        let result = try Shell.curl("-o /dev/null -w '%{http_code}' -H 'If-None-Match: \"v1\"' '\(server.url("/"))'")
        #expect(result.output == "304")
    }
}
