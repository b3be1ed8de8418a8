import DossierCore
@testable import DossierDiscover
import DossierFetch
import Foundation
import Testing

@Suite("source readers")
struct ReaderTests {
    @Test("SearXNG results become pages with title and snippet")
    func searxng() throws {
        let body = Data(#"{"query":"ada","results":[{"url":"https://a.test/x","title":"Ada","content":"Ada Lovelace was"},{"url":"https://b.test/"}]}"#.utf8)
        let pages = try SearchResultReaders.searxng(body)
        #expect(pages == [DiscoveredPage(url: "https://a.test/x", title: "Ada", snippet: "Ada Lovelace was"), DiscoveredPage(url: "https://b.test/")])
    }

    @Test("a broken answer names the reader")
    func brokenAnswer() {
        #expect(throws: ReaderError.self) { try SearchResultReaders.searxng(Data("<html>".utf8)) }
        do {
            _ = try SearchResultReaders.searxng(Data("{}".utf8))
            Issue.record("an answer without results was accepted")
        } catch {
            #expect(error.reader == "searxng-json")
        }
    }

    @Test("Wikipedia search titles become article URLs on the answering wiki")
    func wikipediaSearch() throws {
        let body = Data(#"{"query":{"search":[{"title":"Ada Lovelace","snippet":"<span class=\"searchmatch\">Ada</span> was"}]}}"#.utf8)
        let pages = try SearchResultReaders.wikipediaSearch(body, answeredBy: "https://de.wikipedia.org/w/api.php?x")
        #expect(pages.first?.url == "https://de.wikipedia.org/wiki/Ada_Lovelace")
        #expect(pages.first?.snippet == "Ada was")
    }

    @Test("Wikidata claims become dated facts; deprecated and valueless statements are dropped")
    func wikidataEntity() throws {
        let json = """
        {"entities":{"Q7":{"id":"Q7","labels":{"en":{"value":"Jane Doe"}},"descriptions":{"en":{"value":"engineer"}},
        "sitelinks":{"enwiki":{"title":"Jane Doe"}},
        "claims":{
          "P31":[{"rank":"normal","mainsnak":{"snaktype":"value","datavalue":{"type":"wikibase-entityid","value":{"id":"Q5"}}}}],
          "P108":[{"rank":"normal","mainsnak":{"snaktype":"value","datavalue":{"type":"wikibase-entityid","value":{"id":"Q42"}}},
                   "qualifiers":{"P580":[{"datavalue":{"value":{"time":"+2014-03-24T00:00:00Z","precision":11}}}],
                                 "P582":[{"datavalue":{"value":{"time":"+2019-00-00T00:00:00Z","precision":9}}}]}},
                  {"rank":"deprecated","mainsnak":{"snaktype":"value","datavalue":{"type":"wikibase-entityid","value":{"id":"Q99"}}}},
                  {"rank":"normal","mainsnak":{"snaktype":"novalue"}}],
          "P1128":[{"rank":"normal","mainsnak":{"snaktype":"value","datavalue":{"type":"quantity","value":{"amount":"+221000"}}}}],
          "P856":[{"rank":"normal","mainsnak":{"snaktype":"value","datavalue":{"type":"string","value":"https://acme.test/"}}}]
        }}}}
        """
        let entity = try WikidataReaders.entity(Data(json.utf8), id: "Q7", sourceURL: "https://www.wikidata.org/wiki/Q7")
        #expect(entity.isHuman)
        #expect(entity.label == "Jane Doe")
        #expect(entity.englishWikipediaTitle == "Jane Doe")
        let employers = entity.facts.filter { $0.kind == .employer }
        #expect(employers == [StructuredFact(kind: .employer, value: "Q42", valueID: "Q42", start: "2014-03-24", end: "2019", sourceURL: "https://www.wikidata.org/wiki/Q7")])
        #expect(entity.facts.contains { $0.kind == .employees && $0.value == "221000" })
        #expect(entity.facts.contains { $0.kind == .website && $0.value == "https://acme.test/" })
    }

    @Test("Wikidata search and labels")
    func wikidataSearchAndLabels() throws {
        let hits = try WikidataReaders.search(Data(#"{"search":[{"id":"Q1","label":"A","description":"d"}]}"#.utf8))
        #expect(hits == [EntityCandidate(id: "Q1", label: "A", description: "d")])
        let labels = try WikidataReaders.labels(Data(#"{"entities":{"Q42":{"labels":{"en":{"value":"Acme"}}},"Q5":{"labels":{}}}}"#.utf8))
        #expect(labels == ["Q42": "Acme"])
    }

    @Test("a GitHub user: the profile, a blog without a scheme made absolute, an organisation's @ taken off")
    func githubUser() throws {
        let user = try GitHubUser.read(Data(#"{"login":"jd","html_url":"https://github.com/jd","name":"Jane  Doe","company":" @acme ","bio":"b\r\nc","blog":"jane.test"}"#.utf8))
        #expect(user == GitHubUser(login: "jd", profileURL: "https://github.com/jd", name: "Jane Doe", company: "acme",
                                   location: nil, bio: "b c", blog: "https://jane.test"))
    }
}

@Suite("outcome categories")
struct OutcomeCategoryTests {
    @Test("every fetch failure category has the outcome category of the same name")
    func fetchCategories() {
        for category in FetchErrorCategory.allCases {
            #expect(SourceOutcome.Category(category).rawValue == category.rawValue)
        }
    }
}
