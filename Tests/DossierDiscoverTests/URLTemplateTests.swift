import DossierCore
@testable import DossierDiscover
import DossierExtract
import Foundation
import Testing

@Suite("URLTemplate")
struct URLTemplateTests {
    private func expand(_ template: String, _ values: [TemplatePlaceholder: String]) throws -> String? {
        try URLTemplate(template).expand(TemplateValues(values))
    }

    @Test("query values are percent-encoded: spaces, &, =, +, / and # cannot add parameters")
    func queryEncoding() throws {
        let url = try expand(
            "https://html.duckduckgo.com/html/?q={query}&kl=us-en",
            [.query: "\"R&D\" a=b+c/d #1 50%"])
        #expect(url == "https://html.duckduckgo.com/html/?q=%22R%26D%22%20a%3Db%2Bc%2Fd%20%231%2050%25&kl=us-en")
        let components = try #require(URLComponents(string: url ?? ""))
        #expect(components.queryItems?.map(\.name) == ["q", "kl"])
        #expect(components.queryItems?.first?.value == "\"R&D\" a=b+c/d #1 50%")
    }

    @Test("Unicode names are encoded as UTF-8 after NFC normalisation")
    func unicodeNames() throws {
        let template = "https://www.wikidata.org/w/api.php?action=wbsearchentities&search={person}&format=json"
        let composed = try expand(template, [.person: "José Ángel Gurría"])
        #expect(composed == "https://www.wikidata.org/w/api.php?action=wbsearchentities&search=Jos%C3%A9%20%C3%81ngel%20Gurr%C3%ADa&format=json")
        let decomposed = try expand(template, [.person: "José Ángel Gurría".decomposedStringWithCanonicalMapping])
        #expect(decomposed == composed)
    }

    @Test("a path value is one segment: / is encoded and ../../etc cannot climb")
    func pathEncoding() throws {
        let template = "https://en.wikipedia.org/api/rest_v1/page/summary/{title}"
        #expect(try expand(template, [.title: "AC/DC"]) == "https://en.wikipedia.org/api/rest_v1/page/summary/AC%2FDC")
        // A title is written as MediaWiki writes it, so the URL is the canonical one, not a redirect to it.
        #expect(try expand(template, [.title: "Ada Lovelace"]) == "https://en.wikipedia.org/api/rest_v1/page/summary/Ada_Lovelace")
        #expect(try expand("https://en.wikipedia.org/wiki/{title}", [.title: "William Clark (inventor)"])
            == "https://en.wikipedia.org/wiki/William_Clark_(inventor)")
        #expect(try expand("https://en.wikipedia.org/wiki/{title}", [.title: "Gödel, Escher, Bach"])
            == "https://en.wikipedia.org/wiki/G%C3%B6del,_Escher,_Bach")
        let climbing = try #require(try expand(template, [.title: "../../etc/passwd"]))
        #expect(climbing == "https://en.wikipedia.org/api/rest_v1/page/summary/..%2F..%2Fetc%2Fpasswd")
        #expect(URL(string: climbing)?.host() == "en.wikipedia.org")
        #expect(try expand(template, [.title: ".."]) == nil)
        #expect(try expand(template, [.title: "."]) == nil)
        #expect(try expand("https://example.org/{title}?x={query}", [.title: "a?b#c", .query: ".."])
            == "https://example.org/a%3Fb%23c?x=..")
    }

    @Test("expansion is nil when a value is missing, empty or only whitespace; values are trimmed")
    func missingValues() throws {
        let template = try URLTemplate("https://news.google.com/rss/search?q={query}&hl=en-US")
        #expect(template.expand(TemplateValues()) == nil)
        #expect(template.expand(TemplateValues([.query: ""])) == nil)
        #expect(template.expand(TemplateValues([.query: " \n "])) == nil)
        #expect(template.expand(TemplateValues([.person: "Jane Doe"])) == nil)
        #expect(template.expand(TemplateValues([.query: "  Acme  "])) == "https://news.google.com/rss/search?q=Acme&hl=en-US")
    }

    @Test("{domain} is a host name, written lower-case; anything else gives nil")
    func domainAsHost() throws {
        let template = "https://{domain}/about"
        #expect(try expand(template, [.domain: "Acme.Example"]) == "https://acme.example/about")
        #expect(try expand(template, [.domain: "acme.example."]) == "https://acme.example/about")
        #expect(try expand("https://www.{domain}/", [.domain: "acme.example"]) == "https://www.acme.example/")
        for bad in ["evil.example/x", "evil.example?x", "user@evil.example", "acme example", "-acme.example", "a..b",
            "acme.example:8080", "ácme.example"]
        {
            #expect(try expand(template, [.domain: bad]) == nil, "\(bad)")
        }
    }

    @Test("{searxng} is inserted as a base URL without trailing slashes")
    func searxngBase() throws {
        let template = "{searxng}/search?q={query}&format=json"
        #expect(try expand(template, [.searxng: "https://searx.example.org/", .query: "a b"])
            == "https://searx.example.org/search?q=a%20b&format=json")
        #expect(try expand(template, [.searxng: "http://127.0.0.1:8888/searx", .query: "x"])
            == "http://127.0.0.1:8888/searx/search?q=x&format=json")
        for bad in ["searx.example.org", "ftp://searx.example.org", "https://searx.example.org/?a=b", "https:///x",
            "https://user:pw@searx.example.org", "https://searx.example.org/#top"]
        {
            #expect(try expand(template, [.searxng: bad, .query: "x"]) == nil, "\(bad)")
        }
    }

    @Test("the template's placeholders are listed once each, in a fixed order")
    func placeholderList() throws {
        let template = try URLTemplate("https://{domain}/{query}/{person}?q={query}&k={key}")
        #expect(template.placeholders == [.person, .query, .domain, .key])
        #expect(template.description == "https://{domain}/{query}/{person}?q={query}&k={key}")
    }

    @Test(
        "a template that is not a safe http(s) URL is refused with a reason",
        arguments: [
            ("https://example.org/?q={persn}", "unknown placeholder {persn}"),
            ("https://example.org/?q={person", "is not closed"),
            ("https://example.org/?q=person}", "has no `{`"),
            ("https://{person}.example.org/", "only {domain} may stand in the host"),
            ("https://example.org/{searxng}/x", "{searxng} may only start"),
            ("{searxng}search?q={query}", "must be followed by `/` or `?`"),
            ("ftp://example.org/{query}", "must start with http://"),
            ("example.org/{query}", "must start with http://"),
            ("https://example.org/a b?q={query}", "must be percent-encoded"),
            ("https://example.org/é", "must be percent-encoded"),
            ("https:///path", "no host"),
            ("https://", "no host"),
            ("https://user@{domain}/", "user names"),
        ])
    func invalidTemplates(template: String, reason: String) {
        #expect {
            try URLTemplate(template)
        } throws: { error in
            (error as? TemplateError)?.description.contains(reason) == true
        }
    }

    @Test("header values may use placeholders but never carry a line break")
    func headerTemplate() throws {
        let header = try HeaderTemplate("Bearer {key}")
        #expect(header.placeholders == [.key])
        #expect(header.expand(TemplateValues([.key: "abc123"])) == "Bearer abc123")
        #expect(header.expand(TemplateValues([.key: "abc\r\nX-Evil: 1"])) == nil)
        #expect(header.expand(TemplateValues()) == nil)
        #expect(throws: TemplateError.self) { try HeaderTemplate("a\nb") }
        #expect(throws: TemplateError.self) { try HeaderTemplate("{token}") }
    }
}
