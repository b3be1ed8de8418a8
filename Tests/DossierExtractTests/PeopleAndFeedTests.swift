import DossierExtract
import DossierTestSupport
import Testing

@Suite("people and feeds")
struct PeopleAndFeedTests {
    @Test("a leadership page yields (name, title) pairs; names are validated")
    func leadershipPage() {
        let html = """
        <html><body><h1>Our leadership</h1>
        <div class="team">
          <div class="card"><h3>Jane Doe</h3><p>Chief Executive Officer</p></div>
          <div class="card"><h3>José María García</h3><p>Vice President, Engineering</p></div>
          <div class="card"><h3>Our Values Matter</h3><p>Head of everything we do</p></div>
        </div>
        <ul><li>Li Wei, Chief Financial Officer</li><li>Contact us - Press office</li></ul>
        </body></html>
        """
        let people = HTMLExtractor.extract(bytes: Array(html.utf8)).people
        #expect(people == [
            PersonCard(name: "Jane Doe", title: "Chief Executive Officer"),
            PersonCard(name: "José María García", title: "Vice President, Engineering"),
            PersonCard(name: "Li Wei", title: "Chief Financial Officer"),
        ])
    }

    @Test("the site's own name above a role-like line is no person (issue 14, point 23)")
    func siteNameIsNoPerson() {
        let html = """
        <html><head><meta property="og:site_name" content="Energy Weekly"><title>Grid storage | Energy Weekly</title></head>
        <body><header><p>Energy Weekly</p><p>Editor's picks</p></header>
        <div class="card"><h3>Priya Raman</h3><p>Editor in chief</p></div></body></html>
        """
        #expect(HTMLExtractor.extract(bytes: Array(html.utf8)).people == [PersonCard(name: "Priya Raman", title: "Editor in chief")])
    }

    @Test("RSS 2.0 items give title, link, date and a plain-text summary")
    func rss() {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
        <title>Acme News</title><link>https://acme.example/</link>
        <item><title>First &amp; best</title><link>https://acme.example/1</link>
        <pubDate>Mon, 09 Dec 2024 16:00:00 +0000</pubDate><dc:creator>Jane Doe</dc:creator>
        <description><![CDATA[<p>Summary with <b>markup</b>.</p>]]></description></item>
        <item><title>Second</title><guid>https://acme.example/2</guid><description>Plain &lt;i&gt;text&lt;/i&gt;</description></item>
        </channel></rss>
        """
        let feed = FeedParser.parse(bytes: Array(xml.utf8))
        #expect(feed.format == .rss)
        #expect(feed.title == "Acme News")
        #expect(feed.link == "https://acme.example/")
        #expect(feed.items.count == 2)
        #expect(feed.items[0].title == "First & best")
        #expect(feed.items[0].link == "https://acme.example/1")
        #expect(feed.items[0].published == "2024-12-09")
        #expect(feed.items[0].author == "Jane Doe")
        #expect(feed.items[0].summary == "Summary with markup.")
        #expect(feed.items[1].link == "https://acme.example/2")
        #expect(feed.items[1].summary == "Plain text")
    }

    @Test("Atom entries give title, alternate link, date and summary")
    func atom() {
        let xml = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Acme Blog</title>
        <link rel="self" href="https://acme.example/feed.atom"/><link href="https://acme.example/blog"/>
        <entry><title type="html">Launch day</title><link rel="alternate" href="https://acme.example/blog/launch"/>
        <published>2023-05-01T08:00:00Z</published><author><name>John Roe</name></author>
        <summary>We shipped it.</summary></entry></feed>
        """
        let feed = FeedParser.parse(bytes: Array(xml.utf8))
        #expect(feed.format == .atom)
        #expect(feed.title == "Acme Blog")
        #expect(feed.link == "https://acme.example/blog")
        #expect(feed.items.first == {
            var item = FeedItem()
            item.title = "Launch day"
            item.link = "https://acme.example/blog/launch"
            item.published = "2023-05-01"
            item.summary = "We shipped it."
            item.author = "John Roe"
            return item
        }())
    }

    @Test("the Microsoft blog feed in ../shared parses into dated items",
          .enabled(if: SharedWorkspace.hasCorpus, SharedWorkspace.absentCorpus))
    func realFeed() throws {
        let feed = FeedParser.parse(bytes: try SharedWorkspace.corpusBytes("web/blogs.microsoft.com/feed/index.xml"))
        #expect(feed.format == .rss)
        #expect(feed.items.count >= 5)
        #expect(feed.items.allSatisfy { $0.title != nil && $0.link?.hasPrefix("https://") == true && $0.published?.hasPrefix("20") == true })
    }
}
