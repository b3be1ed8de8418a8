import DossierCore
@testable import DossierDiscover
import Foundation
import Testing

@Suite("discovery state")
struct DiscoveryStateTests {
    private let search = SourceDefinition(
        name: "30-search", about: .person, kind: .search, input: .text(""), reader: .searxngJSON, robots: .obey, trust: 0.3,
        minimumInterval: 0, isEnabled: true, requires: [], keyEnvironmentVariable: nil, headers: [], maxResults: 10,
        description: nil, subject: nil, follow: [], claims: [], qualifiers: []
    )

    @Test("a search hit on a domain that carries the name becomes the personal site; others do not")
    func personalSiteFromSearchHit() {
        var state = DiscoveryState(subject: Subject(name: "Paul Graham", company: "Y Combinator"))
        state.queuePages([DiscoveredPage(url: "https://news.ycombinator.com/"), DiscoveredPage(url: "https://grahamdesign.example/")], source: search)
        #expect(state.identity.domain == nil)
        state.queuePages([DiscoveredPage(url: "https://www.paulgraham.com/worked.html")], source: search)
        #expect(state.identity.domain == "www.paulgraham.com")
        #expect(state.values(for: .person)[.domain] == "www.paulgraham.com")
    }

    @Test("JSON-LD sameAs gives the personal site, skipping platform profiles and other people")
    func personalSiteFromSameAs() {
        var state = DiscoveryState(subject: Subject(name: "Jane Doe"))
        state.adoptStructuredPerson(name: "John Roe", sameAs: ["https://johnroe.example/"])
        #expect(state.identity.domain == nil)
        state.adoptStructuredPerson(name: "Jane Doe", sameAs: ["https://twitter.com/jane", "https://www.linkedin.com/in/jane", "https://janedoe.example/about"])
        #expect(state.identity.domain == "janedoe.example")
    }

    @Test("pages naming the person with the company raise the same-person confidence")
    func coOccurrence() {
        var state = DiscoveryState(subject: Subject(name: "Jane Doe", company: "Acme Robotics"))
        for index in 0..<3 {
            state.addDocument(text: "Jane Doe leads Acme Robotics, she said (\(index)).", url: "https://a.test/\(index)", title: nil,
                              source: search, fetchedAt: Date(timeIntervalSince1970: 0))
        }
        let result = state.result()
        #expect(result.identity.confidence == 0.75)
        #expect(result.identity.evidence.contains("3 pages name Jane Doe with Acme Robotics"))
    }

    @Test("a front page is a site's root, without a path or a query")
    func frontPage() {
        #expect(SourceDocument.isFrontPage("https://www.phoronix.com/"))
        #expect(SourceDocument.isFrontPage("https://www.phoronix.com"))
        #expect(!SourceDocument.isFrontPage("https://www.phoronix.com/scan.php?page=news_item"))
        #expect(!SourceDocument.isFrontPage("https://www.phoronix.com/?page=2"))
    }
}
