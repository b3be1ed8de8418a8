@testable import DossierApp
import DossierExtract
import Foundation
import Testing

@Suite("the JSON convention of command output")
struct CommandJSONTests {
    struct Sample: Encodable {
        var sourceName = "wikipedia"
        var finalURL: String? = nil
        var jsonLD: [JSONValue] = [.object([("@type", .string("Person")), ("jobTitle", .string("CEO"))])]
        var labels: [String: Int] = ["camelCase": 1]
        var when = Date(timeIntervalSince1970: 1_796_306_400)
        var ratio = 0.25
        var count = 3.0
    }

    @Test("keys are snake_case, an absent value is null, data keeps its keys, dates are ISO 8601")
    func convention() throws {
        let text = String(decoding: try CommandJSON.encode(Sample()), as: UTF8.self)
        #expect(text == """
        {
          "count" : 3,
          "final_url" : null,
          "json_ld" : [
            {
              "@type" : "Person",
              "jobTitle" : "CEO"
            }
          ],
          "labels" : {
            "camelCase" : 1
          },
          "ratio" : 0.25,
          "source_name" : "wikipedia",
          "when" : "2026-12-03T14:00:00Z"
        }

        """)
    }

    @Test("names become snake_case word by word, acronyms included")
    func snakeCase() {
        #expect(CommandJSON.snakeCase("pagesAboutPerson") == "pages_about_person")
        #expect(CommandJSON.snakeCase("finalURL") == "final_url")
        #expect(CommandJSON.snakeCase("URLList") == "url_list")
        #expect(CommandJSON.snakeCase("http_version") == "http_version")
        #expect(CommandJSON.snakeCase("h2Enabled") == "h2_enabled")
        #expect(CommandJSON.snakeCase("extraURLs") == "extra_urls")
        #expect(CommandJSON.snakeCase("URLsSeen") == "urls_seen")
    }

    @Test("strings are escaped as JSON asks, slashes are not; empty containers stay on one line")
    func escaping() throws {
        let text = String(decoding: try CommandJSON.encode(["a/b \"q\" \\ \n\u{01}", ""]), as: UTF8.self)
        #expect(text == "[\n  \"a/b \\\"q\\\" \\\\ \\n\\u0001\",\n  \"\"\n]\n")
        #expect(String(decoding: try CommandJSON.encode([String]()), as: UTF8.self) == "[]\n")
        let parsed = try JSONSerialization.jsonObject(with: try CommandJSON.encode(["a/b \"q\" \\ \n\u{01}"])) as? [String]
        #expect(parsed == ["a/b \"q\" \\ \n\u{01}"])
    }
}
