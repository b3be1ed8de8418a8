import LoopbackServer

/// The site the benchmark fetches: `pages` deterministic HTML pages of exactly `pageSize` bytes at
/// `/page/1` … `/page/<pages>`, a 404 for everything else (robots.txt included).
///
/// Pages are generated once, up front, so serving costs the server no more than the HTTP work.
struct BenchmarkSite: Sendable {
    let pages: Int
    let pageSize: Int
    private let bodies: [ResponseBody]

    init(pages: Int, pageSize: Int) {
        self.pages = pages
        self.pageSize = pageSize
        self.bodies = (1...pages).map { number in .bytes(Self.page(number, of: pages, size: pageSize)) }
    }

    func respond(to request: ReceivedRequest) -> ResponsePlan {
        guard request.method == "GET" || request.method == "HEAD",
              request.path.hasPrefix("/page/"),
              let number = Int(request.path.dropFirst("/page/".count)),
              (1...pages).contains(number)
        else { return .notFound }
        return .ok(bodies[number - 1])
    }

    private static let words: [[UInt8]] = [
        "alpha", "dossier", "river", "quartz", "lantern", "meadow", "signal", "harbor",
        "copper", "violet", "summit", "orchard", "cipher", "tundra", "beacon", "willow",
    ].map { Array($0.utf8) }

    /// Page `number`: a title, paragraphs of words chosen by a generator seeded with `number`,
    /// links to the next page, cut to `pageSize` bytes with the closing tags kept. Same input, same bytes.
    static func page(_ number: Int, of pages: Int, size pageSize: Int) -> [UInt8] {
        var seed = UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15 | 1
        let footer = Array("</body></html>\n".utf8)
        var bytes = Array("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Page \(number)</title></head>
            <body>
            <h1>Page \(number)</h1>

            """.utf8)
        bytes.reserveCapacity(pageSize + 1_024)
        var paragraph = 0
        while bytes.count + footer.count < pageSize {
            paragraph += 1
            bytes += "<p>".utf8
            for index in 0..<60 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                if index > 0 { bytes.append(UInt8(ascii: " ")) }
                bytes += words[Int(seed >> 60)]
            }
            bytes += " <a href=\"/page/\(number % pages + 1)\">next \(paragraph)</a></p>\n".utf8
        }
        return Array((bytes.prefix(Swift.max(0, pageSize - footer.count)) + footer).prefix(pageSize))
    }
}
