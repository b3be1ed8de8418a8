import DossierExtract
import DossierTestSupport
import Testing

/// A wiki article's page as MediaWiki serves it: JSON-LD whose `headline` is the short
/// description, a publisher that is the foundation, not the site, and an infobox with a hidden
/// sort key beside each date.
@Suite("wiki pages")
struct WikiPageTests {
    static let listArticle = """
        <html lang="en"><head><title>List of robotics companies - Wikipedia</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"Article",
        "name":"List of robotics companies","headline":"Wikimedia list article",
        "publisher":{"@type":"Organization","name":"Wikimedia Foundation, Inc."},
        "datePublished":"2006-02-01T10:00:00Z","dateModified":"2024-05-30T08:00:00Z"}</script></head>
        <body><h1>List of robotics companies</h1>
        <table class="infobox"><tr><th>Born</th><td>Jane Doe <span style="display:none">(<span class="bday">1952-03-11</span>)</span>11 March 1952</td></tr>
        <tr><th>Known for</th><td>Robots<span hidden>sort key</span></td></tr></table>
        <p>This is a list of companies that build robots, sorted by the country of their headquarters.</p></body></html>
        """

    let page = HTMLExtractor.extract(bytes: Array(listArticle.utf8), url: "https://en.wikipedia.org/wiki/List_of_robotics_companies")

    @Test("the title is the page's, not JSON-LD's headline (a short description)")
    func title() {
        #expect(page.metadata.title == "List of robotics companies")
    }

    @Test("the site is the name the title gives the host, not the publisher")
    func site() {
        #expect(page.metadata.siteName == "Wikipedia")
        let news = HTMLExtractor.extract(
            bytes: Array(#"<html><head><title>Acme hires - Acme Daily</title><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Acme Media Group"}}</script></head><body><p>x</p></body></html>"#.utf8),
            url: "https://news.example/acme")
        #expect(news.metadata.siteName == "Acme Media Group")
    }

    @Test("both dates are read: the creation as published, the last revision as modified")
    func dates() {
        #expect(page.metadata.published == "2006-02-01")
        #expect(page.metadata.modified == "2024-05-30")
    }

    @Test("hidden text in a table cell (an infobox's sort key) is left out of the row")
    func hiddenCells() {
        #expect(page.tableRows.map(\.cells) == [["Born", "Jane Doe 11 March 1952"], ["Known for", "Robots"]])
    }

    @Test("the real Elon Musk desktop page: title, site, no hidden birth date in the infobox",
          .enabled(if: SharedWorkspace.hasCorpus, SharedWorkspace.absentCorpus))
    func realDesktopPage() throws {
        let bytes = try SharedWorkspace.corpusBytes("realweb/wikipedia/desktop-Elon_Musk-2024-browser-saved.html")
        let page = HTMLExtractor.extract(bytes: bytes, contentType: "text/html; charset=utf-8",
                                         url: "https://en.wikipedia.org/wiki/Elon_Musk")
        #expect(page.metadata.title == "Elon Musk")
        #expect(page.metadata.siteName == "Wikipedia")
        #expect(page.metadata.modified == "2024-06-07")
        let born = try #require(page.tableRows.first { $0.cells.first == "Born" })
        #expect(born.cells[1].hasPrefix("Elon Reeve Musk June 28, 1971"))
        #expect(!born.cells[1].contains("1971-06-28"))
    }
}
