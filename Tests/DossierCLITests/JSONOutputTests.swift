import DossierApp
import Foundation
import LoopbackServer
import Testing

/// Every command's JSON follows one convention: snake_case keys, every key present (null when
/// absent). Point 10 of issue 14.
@Suite("JSON output of the commands", .serialized)
struct JSONOutputTests {
    /// The keys of `value` and of everything inside it, except inside data published by others.
    static func keys(of value: Any, skipping: Set<String> = ["json_ld"]) -> [String] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, member in [key] + (skipping.contains(key) ? [] : keys(of: member, skipping: skipping)) }
        }
        if let array = value as? [Any] { return array.flatMap { keys(of: $0, skipping: skipping) } }
        return []
    }

    static func isSnakeCase(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    @Test("meeting list, fetch, demo and extract: snake_case keys only, absent values as null")
    func snakeCaseEverywhere() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        var result = try dossier(["meeting", "add", "Jane Doe", "--at", "2026-12-03 15:00", "--json"])
        #expect(result.status == 0, "\(result.errors)")
        result = try dossier(["meeting", "list", "--json"])
        let meetings = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(meetings.first?["company"] is NSNull, "an absent company is null, not left out")
        #expect(meetings.first?["via"] is NSNull)

        result = try dossier(["fetch", "--json", "http://127.0.0.1:9/nothing"])
        #expect(result.status == 1)
        let fetched = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(fetched.first?["status"] is NSNull)
        #expect(fetched.first?["etag"] is NSNull)
        #expect(fetched.first?["file"] is NSNull)

        result = try dossier(["demo", "--json", "--quiet"])
        #expect(result.status == 0, "\(result.errors)")
        let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        let reportKeys = Self.keys(of: report)
        #expect(reportKeys.contains("source_name") && reportKeys.contains("found_nothing") && reportKeys.contains("pdf_error"))
        #expect(reportKeys.filter { !Self.isSnakeCase($0) } == [])

        let page = dossier.home.appendingPathComponent("page.html")
        try """
        <html><head><title>Jane Doe</title><script type="application/ld+json">{"@type": "Person", "name": "Jane Doe", "jobTitle": "CEO"}</script>
        </head><body><p>Jane Doe leads Acme Robotics, a maker of small robots for farms.</p></body></html>
        """.write(to: page, atomically: true, encoding: .utf8)
        result = try dossier(["extract", page.path, "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let extracted = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(extracted["json_ld"] != nil && extracted["structured_data"] != nil && extracted["twitter_card"] != nil)
        #expect(Self.keys(of: extracted).filter { !Self.isSnakeCase($0) } == [])
        let published = try #require((extracted["json_ld"] as? [[String: Any]])?.first)
        #expect(published["jobTitle"] as? String == "CEO", "published JSON-LD keeps its own keys")
    }
}
