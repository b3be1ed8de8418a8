@testable import DossierApp
import DossierExtract
import DossierSchedule
import DossierSettings
import DossierTestSupport
import Foundation
import Logging
import LoopbackServer
import Testing

/// A URL compared the way the recordings are looked up: scheme dropped, host lower-cased, query
/// parameters percent-decoded (`+` read as a space) and sorted.
struct NormalizedURL: Hashable, CustomStringConvertible {
    let description: String

    init(_ url: String) {
        var rest = url
        if let scheme = rest.range(of: "://") { rest = String(rest[scheme.upperBound...]) }
        let (beforeQuery, query) = rest.firstIndex(of: "?").map { (String(rest[..<$0]), String(rest[rest.index(after: $0)...])) }
            ?? (rest, "")
        let slash = beforeQuery.firstIndex(of: "/") ?? beforeQuery.endIndex
        let host = beforeQuery[..<slash].lowercased()
        let path = String(beforeQuery[slash...]).removingPercentEncoding ?? String(beforeQuery[slash...])
        let parameters = query.split(separator: "&").map { pair in
            String(pair).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(pair)
        }.sorted()
        description = host + (path.isEmpty ? "/" : path) + (parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&"))
    }
}

/// The recorded answers of the real services on loopback, reached through rewrite rules
/// (`https://HOST/…` → `http://127.0.0.1:PORT/HOST/…`). Each host answers `/robots.txt` with its
/// service's real file (the Wikimedia one for en.wikipedia.org and www.wikidata.org, as the
/// recordings' README says); every other host answers 404 for robots.txt, which RFC 9309 reads as
/// "no rules" (decided here, in the test). A URL that was not recorded answers with a fixture of
/// the test's own (by URL, else from `answer`), else 404.
final class RecordedWeb: Sendable {
    /// An answer written for a test, in the service's exact schema, where no recording exists.
    struct Fixture: Sendable {
        var status = 200
        var contentType: String
        var body: [UInt8]

        static func json(_ text: String) -> Fixture {
            Fixture(contentType: "application/json; charset=utf-8", body: Array(text.utf8))
        }
    }

    static let robotsByHost = [
        "en.wikipedia.org": "robots/robots-wikipedia.org-2015.txt",
        "www.wikidata.org": "robots/robots-wikipedia.org-2015.txt",
        "duckduckgo.com": "robots/robots-duckduckgo.com-2015.txt",
        "github.com": "robots/robots-github.com-2015.txt",
        "www.google.com": "robots/robots-google.com-2015.txt",
        "news.google.com": "robots/robots-news.google.com.txt",
        "dblp.uni-trier.de": "robots/robots-dblp.uni-trier.de.txt",
    ]

    let server: LoopbackServer

    /// A request as `answer` sees it: the original host, path and query parameters (decoded).
    struct Asked: Sendable {
        var host: String
        var path: String
        var parameters: [String: String]
    }

    init(fixtures: [String: Fixture] = [:], answer: @escaping @Sendable (Asked) -> Fixture? = { _ in nil }) throws {
        var answers: [NormalizedURL: Fixture] = [:]
        for entry in RealWeb.entries where !entry.url.contains(" ") {
            guard let body = try? RealWeb.data(entry.file) else { continue }
            answers[NormalizedURL(entry.url)] = Fixture(status: entry.status, contentType: entry.contentType, body: [UInt8](body))
        }
        for (url, fixture) in fixtures { answers[NormalizedURL(url)] = fixture }
        var robots: [String: [UInt8]] = [:]
        for (host, file) in Self.robotsByHost { robots[host] = (try? RealWeb.data(file)).map { [UInt8]($0) } }
        let served = answers
        let robotsFiles = robots
        server = try LoopbackServer { request in
            // The target is /HOST/PATH?QUERY; the host is the original one.
            let original = String(request.target.dropFirst())
            let host = String(original.prefix { $0 != "/" && $0 != "?" })
            if request.path == "/\(host)/robots.txt" {
                guard let file = robotsFiles[host] else { return .notFound }
                return .ok(.bytes(file), contentType: "text/plain; charset=utf-8")
            }
            guard let found = served[NormalizedURL(original)] ?? answer(Self.asked(original)) else { return .notFound }
            var plan = ResponsePlan.ok(.bytes(found.body), contentType: found.contentType)
            plan.status = found.status
            return plan
        }
    }

    static func asked(_ original: String) -> Asked {
        let components = URLComponents(string: "https://" + original)
        var parameters: [String: String] = [:]
        for item in components?.queryItems ?? [] { parameters[item.name] = item.value ?? "" }
        return Asked(host: components?.host ?? "", path: components?.path ?? "", parameters: parameters)
    }

    /// A pipeline with default settings but the user's contact, every URL sent here.
    func pipeline(home: URL) -> BuildPipeline {
        let base = server.baseURL
        let config = DossierConfig(
            network: NetworkSettings(contact: "tests@dossier.example"),
            rewrites: [RewriteRule(from: "https://", to: base + "/"), RewriteRule(from: "http://", to: base + "/")]
        )
        return BuildPipeline(
            config: config, paths: DossierPaths(environment: ["DOSSIER_HOME": home.path]),
            shippedSources: SharedWorkspace.repository.appendingPathComponent("Sources.d"), environment: [:],
            logger: .init(label: "test")
        )
    }

    /// The requests made, as original URLs (`HOST/PATH?QUERY`) with their headers.
    var requests: [(url: String, request: ReceivedRequest)] {
        server.requests.map { (String($0.target.dropFirst()), $0) }
    }

    func stop() { server.stop() }
}
