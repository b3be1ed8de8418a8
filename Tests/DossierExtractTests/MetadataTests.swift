import DossierExtract
import DossierTestSupport
import Testing

let articleWithMetadata = """
<html lang="en_GB"><head>
<title>Acme hires a new chief engineer - Acme Daily</title>
<meta property="og:site_name" content="Acme Daily">
<meta property="og:title" content="Acme hires a new chief engineer | Acme Daily">
<meta property="og:description" content="The robotics maker names Jane Doe to lead engineering.">
<meta property="og:image" content="/img/jane.jpg">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<meta name="twitter:card" content="summary_large_image">
<meta name="author" content="Acme Daily Staff">
<link rel="canonical" href="/news/2024/03/05/acme-hires">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
  {"@type":"NewsArticle","headline":"Acme hires a new chief engineer",
   "author":[{"@type":"Person","name":"John Roe"},{"@type":"Organization","name":"Acme Daily Newsroom"}],
   "datePublished":"2024-03-05T09:00:00Z","dateModified":"2024-03-06",
   "publisher":{"@type":"NewsMediaOrganization","name":"Acme Daily","logo":{"@type":"ImageObject","url":"https://acme.example/logo.png"}},},
  {"@type":"Person","name":"Jane Doe","jobTitle":"Chief Engineer","worksFor":{"@type":"Organization","name":"Acme Robotics"},
   "sameAs":["https://example.org/jane"]},
]}
</script>
<script type="application/ld+json">{"@type":"ProfilePage","mainEntity":{"@type":"Person","name":"John Roe","jobTitle":"Reporter"}</script>
</head><body>
<article><p>Acme Robotics has named Jane Doe its chief engineer, the company said on Tuesday in a statement.</p>
<p>Read the <a href="statement.html">full statement</a> or <a href="https://other.example/x?y=1#z">coverage elsewhere</a>.</p>
<p><a href="javascript:void(0)">Print</a> <a href="#top">Top</a> <a href="../about/"><img alt="About Acme" src="a.png"></a></p></article>
</body></html>
"""

@Suite("metadata")
struct MetadataTests {
    let page = HTMLExtractor.extract(bytes: Array(articleWithMetadata.utf8),
                                     url: "https://acme.example/news/2024/03/05/acme-hires")

    @Test("title without the site name, site, description, language, canonical URL and image")
    func basicFacts() {
        #expect(page.metadata.title == "Acme hires a new chief engineer")
        #expect(page.metadata.siteName == "Acme Daily")
        #expect(page.metadata.description == "The robotics maker names Jane Doe to lead engineering.")
        #expect(page.metadata.language == "en-GB")
        #expect(page.metadata.canonicalURL == "https://acme.example/news/2024/03/05/acme-hires")
        #expect(page.metadata.image == "https://acme.example/img/jane.jpg")
    }

    @Test("authors come from JSON-LD and are validated as person names")
    func authors() {
        #expect(page.metadata.authors == ["John Roe"])
    }

    @Test("published and modified dates are normalized")
    func dates() {
        #expect(page.metadata.published == "2024-03-05")
        #expect(page.metadata.modified == "2024-03-06")
    }

    @Test("all JSON-LD objects are read, @graph unpacked, broken JSON tolerated, and typed")
    func structuredData() {
        #expect(page.jsonLD.count == 3)
        guard case .article(let article)? = page.structuredData.first else {
            Issue.record("no article first: \(page.structuredData)")
            return
        }
        #expect(article.type == "NewsArticle")
        #expect(article.publisher == "Acme Daily")
        #expect(page.structuredData.contains { item in
            if case .person(let person) = item {
                return person.name == "Jane Doe" && person.jobTitle == "Chief Engineer" && person.worksFor == ["Acme Robotics"]
                    && person.sameAs == ["https://example.org/jane"]
            }
            return false
        })
        #expect(page.structuredData.contains { item in
            if case .profilePage(let profile) = item { return profile.mainEntity?.name == "John Roe" }
            return false
        })
    }

    @Test("OpenGraph and Twitter card properties are kept in page order")
    func openGraphAndTwitter() {
        #expect(page.openGraph.first == MetaProperty(property: "og:site_name", content: "Acme Daily"))
        #expect(page.openGraph.contains(MetaProperty(property: "article:published_time", content: "2024-03-05T09:00:00Z")))
        #expect(page.twitterCard == [MetaProperty(property: "twitter:card", content: "summary_large_image")])
    }

    @Test("links are resolved against the page URL, with anchor text; dead links are skipped")
    func links() {
        #expect(page.links == [
            PageLink(url: "https://acme.example/news/2024/03/05/statement.html", text: "full statement"),
            PageLink(url: "https://other.example/x?y=1#z", text: "coverage elsewhere"),
            PageLink(url: "https://acme.example/news/2024/03/about/", text: "About Acme"),
        ])
    }

    @Test("dates fall back to <time> and then to the URL")
    func dateFallbacks() {
        let withTime = HTMLExtractor.extract(bytes: Array("<p>Text</p><time datetime='2021-07-04T10:00'>July 4</time>".utf8))
        #expect(withTime.metadata.published == "2021-07-04")
        let fromURL = HTMLExtractor.extract(bytes: Array("<p>Text</p>".utf8), url: "https://x.example/2019/11/19/story")
        #expect(fromURL.metadata.published == "2019-11-19")
    }

    @Test("bylines are split into validated names")
    func bylines() {
        let html = "<meta name='author' content='By Maria de la Cruz and Li Wei, Staff Reporters'><p>Text</p>"
        #expect(HTMLExtractor.extract(bytes: Array(html.utf8)).metadata.authors == ["Maria de la Cruz", "Li Wei"])
    }

    @Test("real news pages give their title, date and canonical URL",
          .enabled(if: SharedWorkspace.hasCorpus, SharedWorkspace.absentCorpus))
    func realPage() throws {
        let bytes = try SharedWorkspace.corpusBytes("web/www.aljazeera.com/ajimpact/nasas-commercial-moon-shot-musk-bezos-firms-bid-191119041538885.html")
        let page = HTMLExtractor.extract(bytes: bytes)
        #expect(page.metadata.title?.hasPrefix("NASA’s commercial moon shot") == true)
        #expect(page.metadata.published == "2019-11-19")
        #expect(page.metadata.siteName == "Al Jazeera")
        #expect(page.mainText.contains("Getting to the Moon"))
    }
}

@Suite("titles")
struct TitleTests {
    @Test("the site suffix goes, named by og:site_name, by the host, or by its shortness")
    func suffixes() {
        func title(_ html: String, url: String? = nil) -> String? {
            HTMLExtractor.extract(bytes: Array(html.utf8), url: url).metadata.title
        }
        #expect(title("<title>Mozilla - Wikipedia</title>", url: "https://en.wikipedia.org/wiki/Mozilla") == "Mozilla")
        #expect(title("<title>Example News | Rivers return to the valley</title><meta property='og:site_name' content='Example News'>")
            == "Rivers return to the valley")
        #expect(title("<title>A long headline about the economy – The Paper</title>") == "A long headline about the economy")
    }
}

@Suite("postal addresses")
struct AddressTests {
    @Test("an <address>, an hCard adr and an organization's JSON-LD address are kept line by line, linked or not")
    func markedUpAddresses() {
        let html = """
        <html><head><script type="application/ld+json">{"@type":"Organization","name":"Acme",
        "address":{"@type":"PostalAddress","streetAddress":"Am Markt 3","postalCode":"10115","addressLocality":"Berlin"}}</script></head>
        <body><article><p>Acme builds robots for warehouses, and has done so for years.</p></article>
        <footer><address><a href="https://maps.example/?q=1">3535 Piedmont Rd NE #415
        Atlanta, GA 30305</a><br><a href="mailto:hi@acme.example">hi@acme.example</a></address>
        <div class="vcard"><span class="adr">1 Main St<br>Springfield, IL 62701</span></div>
        <div hidden><address>9 Hidden Way, Nowhere, CA 90000</address></div></footer></body></html>
        """
        let page = HTMLExtractor.extract(bytes: Array(html.utf8), url: "https://acme.example/")
        #expect(page.addresses == ["Am Markt 3, 10115 Berlin", "3535 Piedmont Rd NE #415, Atlanta, GA 30305",
                                   "1 Main St, Springfield, IL 62701"])
    }

    @Test("a page without marked-up addresses has none, however many postcodes its text holds")
    func none() {
        let html = "<article><p>Our office is at 1 Main St, Springfield, IL 62701, near the station.</p></article>"
        #expect(HTMLExtractor.extract(bytes: Array(html.utf8)).addresses.isEmpty)
    }
}
