import Foundation
@testable import LoopbackServer
import Testing

@Suite("gzip")
struct GzipTests {
    /// Writes `bytes` to a temporary file and returns what `gunzip -c` makes of it, or nil if gunzip refuses.
    func gunzip(_ bytes: [UInt8]) throws -> [UInt8]? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("loopback-\(UUID().uuidString).gz")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Shell.run("gunzip -c '\(file.path)' | base64 -w0")
        let check = try Shell.run("gunzip -t '\(file.path)'")
        guard check.status == 0 else { return nil }
        return Data(base64Encoded: result.output).map { Array($0) }
    }

    static let samples: [(String, [UInt8])] = {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let text = Array(String(repeating: "the quick brown fox jumps over the lazy dog. ", count: 2_000).utf8)
        let longRuns = [UInt8](repeating: 7, count: 100_000) + Array("tail".utf8)
        let farRepeat = random.prefix(40_000) + random.prefix(40_000)  // repeats beyond the 32 KB window
        return [("empty", []), ("one byte", [42]), ("random", random), ("text", text),
                ("long runs", longRuns), ("far repeat", Array(farRepeat))]
    }()

    @Test("Gzip.compress output is restored exactly by gunzip", arguments: 0..<6)
    func compressRoundTrip(sample: Int) throws {
        let (_, input) = Self.samples[sample]
        let compressed = Gzip.compress(input)
        #expect(try gunzip(compressed) == input)
    }

    @Test("Gzip.compress shrinks repetitive text")
    func compressShrinks() {
        let text = Self.samples[3].1
        #expect(Gzip.compress(text).count < text.count / 10)
    }

    @Test("the CRC-32 of zeros combined from runs equals the byte-by-byte CRC-32", arguments: [0, 1, 2, 3, 7, 258, 1_000, 65_537])
    func crcOfZeros(count: Int) {
        #expect(Gzip.checksumOfZeros(count: count) == Gzip.checksum([UInt8](repeating: 0, count: count)))
        #expect(Gzip.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test("small gzip bombs inflate to exactly their stated size", arguments: [0, 1, 2, 258, 259, 260, 1_000, 65_536])
    func smallBombs(size: Int) throws {
        let bytes = GzipBomb.body(decompressedSize: size).materialized()
        #expect(try gunzip(bytes) == [UInt8](repeating: 0, count: size))
    }

    @Test("a served 64 MB gzip bomb is under 70 KB and inflates to 64 MB with a valid checksum")
    func servedBomb() throws {
        let size = 64 << 20
        let server = try LoopbackServer { _ in .gzipBomb(decompressedSize: size) }
        let compressed = try Shell.curl("-o /dev/null -w '%{size_download}' '\(server.url("/bomb"))'")
        #expect(Int(compressed.output).map { $0 < 70_000 } == true)
        let inflated = try Shell.run("/usr/bin/curl -s '\(server.url("/bomb"))' | gunzip -c | wc -c")
        #expect(inflated.output.trimmingCharacters(in: .whitespacesAndNewlines) == String(size))
        #expect(try Shell.run("/usr/bin/curl -s '\(server.url("/bomb"))' | gunzip -t").status == 0)
    }

    @Test("a 1 GB bomb is about a thousandth of its size")
    func gigabyteBombSize() {
        let body = GzipBomb.body(decompressedSize: 1 << 30)
        #expect(body.count < 1_100_000)
        #expect(body.count > 1_000_000)
    }

    @Test("a page is gzip-encoded only for clients that accept gzip, and curl --compressed restores it")
    func negotiatedGzip() throws {
        let html = String(repeating: "<p>compressible paragraph</p>\n", count: 500)
        let server = try LoopbackServer { request in ResponsePlan.ok(html).gzipEncoded(ifAcceptedBy: request) }

        let plain = try RawHTTPConnection(port: server.port)
        try plain.request("/")
        let identity = try plain.receiveResponse()
        #expect(identity.headers["content-encoding"] == nil)
        #expect(identity.body == Array(html.utf8))

        let accepting = try RawHTTPConnection(port: server.port)
        try accepting.request("/", headers: ["Accept-Encoding: br;q=1, gzip;q=0.8"])
        let encoded = try accepting.receiveResponse()
        #expect(encoded.headers["content-encoding"] == "gzip")
        #expect(encoded.headers["vary"] == "Accept-Encoding")
        #expect(encoded.body.count < html.utf8.count / 10)
        #expect(try gunzip(encoded.body) == Array(html.utf8))

        let refusing = try RawHTTPConnection(port: server.port)
        try refusing.request("/", headers: ["Accept-Encoding: gzip;q=0"])
        #expect(try refusing.receiveResponse().headers["content-encoding"] == nil)

        #expect(try Shell.curl("--compressed '\(server.url("/"))'").output == html)
    }
}
