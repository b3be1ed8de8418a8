import LoopbackServer
import Testing

@Suite("huge bodies")
struct LargeBodyTests {
    static let size = 50_000_000

    @Test("a 50 MB body is streamed in full with each framing", arguments: [
        ResponsePlan.Framing.contentLength, .chunked, .closeDelimited,
    ])
    func streamsHugeBody(framing: ResponsePlan.Framing) throws {
        let server = try LoopbackServer { _ in
            ResponsePlan.ok(.repeating(Array("0123456789abcdef".utf8), count: Self.size), contentType: "application/octet-stream")
                .framed(framing)
        }
        let result = try Shell.curl("-o /dev/null -w '%{size_download} %{header_json}' '\(server.url("/big"))'")
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("\(Self.size) "))
        let headers = result.output.lowercased()
        switch framing {
        case .contentLength: #expect(headers.contains("\"content-length\":[\"\(Self.size)\"]"))
        case .chunked: #expect(headers.contains("\"transfer-encoding\":[\"chunked\"]"))
        case .closeDelimited: #expect(headers.contains("\"connection\":[\"close\"]") && !headers.contains("content-length"))
        }
    }

    @Test("a generated body is the pattern repeated and cut to the exact size")
    func generatedBytesAreExact() throws {
        let server = try LoopbackServer { _ in .ok(.repeating(Array("xyz".utf8), count: 200_001)) }
        let result = try Shell.curl("'\(server.url("/"))'")
        #expect(result.output == String(String(repeating: "xyz", count: 66_667).prefix(200_001)))
    }
}
