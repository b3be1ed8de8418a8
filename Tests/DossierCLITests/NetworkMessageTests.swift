import Foundation
import LoopbackServer
import Testing

/// A network failure says what happened and what to do about it (issue 14, points 11 and 16).
@Suite("network messages", .serialized)
struct NetworkMessageTests {
    @Test("a file or a word given to fetch is a usage error pointing to extract")
    func fetchTakesURLs() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        let page = dossier.home.appendingPathComponent("page.html")
        try "<p>hello</p>".write(to: page, atomically: true, encoding: .utf8)
        var result = try dossier(["fetch", page.path])
        #expect(result.status == 64)
        #expect(result.errors.contains("\(page.path) is a file: `dossier fetch` takes http(s) URLs; read a file with `dossier extract \(page.path)`"))
        result = try dossier(["fetch", "not a url"])
        #expect(result.status == 64)
        #expect(result.errors.contains("'not a url' is not an http(s) URL such as https://example.org/"))
        let list = dossier.home.appendingPathComponent("list.txt")
        try "https://example.org/\nexample.org/about\n".write(to: list, atomically: true, encoding: .utf8)
        result = try dossier(["fetch", "--urls", list.path])
        #expect(result.status == 64)
        #expect(result.errors.contains("\(list.path): 'example.org/about' is not an http(s) URL"))
    }

    @Test("a loopback address names allow_private; a body over the cap names max_body_mb; a 503 robots.txt says to try later; an unreachable robots.txt is a connection failure of the site")
    func failuresSayWhatToDo() throws {
        let server = try LoopbackServer { request in
            switch request.path {
            case "/robots.txt": return ResponsePlan(status: 503)
            case "/busy.example/robots.txt": return ResponsePlan(status: 503)
            case "/big.example/robots.txt": return .notFound
            case "/big.example/file": return .ok(.repeating(Array("0123456789abcdef".utf8), count: 3_000_000))
            default: return .ok("fine")
            }
        }
        defer { server.stop() }
        let closed = try LoopbackServer { _ in .notFound }
        closed.stop()
        let dossier = try DossierRun()
        defer { dossier.remove() }
        try """
        [network]
        retries = 0
        max_body_mb = 1
        [[rewrite]]
        from = "https://big.example/"
        to = "\(server.baseURL)/big.example/"
        [[rewrite]]
        from = "https://busy.example/"
        to = "\(server.baseURL)/busy.example/"
        [[rewrite]]
        from = "https://down.example/"
        to = "\(closed.baseURL)/"
        """.write(to: dossier.home.appendingPathComponent("config/config.toml"), atomically: true, encoding: .utf8)
        let result = try dossier(["fetch", "--json", server.url("/page"), "https://big.example/file", "https://busy.example/page",
                                  "https://down.example/page"])
        #expect(result.status == 1)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        let errors = reports.map { ($0["error"] as? [String: Any]) ?? [:] }
        #expect(errors[0]["category"] as? String == "blocked_address")
        #expect((errors[0]["message"] as? String)?.contains("allow_private = true in the [network] table of config.toml") == true, "\(errors[0])")
        #expect(errors[1]["category"] as? String == "too_large")
        #expect((errors[1]["message"] as? String)?.contains("more than 1 MB; raise max_body_mb") == true, "\(errors[1])")
        #expect(errors[2]["category"] as? String == "blocked_by_robots")
        #expect((errors[2]["message"] as? String)?.contains("robots.txt answered HTTP 503") == true, "\(errors[2])")
        #expect((errors[2]["message"] as? String)?.contains("try again later") == true)
        #expect(errors[3]["category"] as? String == "connect")
        let down = try #require(errors[3]["message"] as? String)
        #expect(!down.hasPrefix("robots.txt:") && down.contains("(while asking https://down.example for its robots.txt)"), "\(down)")
    }
}
