import DossierExtract
import Testing

/// Main text of `html` (a fragment placed in a page's body).
private func mainText(_ body: String) -> String {
    HTMLExtractor.extract(bytes: Array("<html><body>\(body)</body></html>".utf8), scope: .mainText).mainText
}

/// A paragraph of prose, `words` long, that starts with `start`.
private func prose(_ start: String, words: Int = 40) -> String {
    start + String(repeating: " and the work went on as planned", count: max(1, words / 7)) + "."
}

@Suite("main text beyond news articles")
struct GeneralPageTests {
    @Test("an article header gives its lead paragraph, not its title, byline or date")
    func headerLead() {
        let text = mainText("""
            <article><header><h1>The title of the piece</h1><p class="byline">By Ann Lee, March 3, 2024</p>
            <p class="lead">\(prose("A lead paragraph sets out what the article is about", words: 20))</p></header>
            <p>\(prose("The first paragraph of the body"))</p><p>\(prose("The second paragraph of the body"))</p></article>
            <nav><a href="/">Home</a></nav>
            """)
        #expect(text.hasPrefix("A lead paragraph sets out"))
        #expect(text.contains("The second paragraph of the body"))
        #expect(!text.contains("The title of the piece"))
        #expect(!text.contains("By Ann Lee"))
    }

    @Test("prose beside link-heavy paragraphs is read from its parent, not cut to one paragraph")
    func paragraphIsNeverTheContainer() {
        let links = (1 ... 24).map { "<a href='/t\($0)'>Topic number \($0)</a>" }.joined(separator: " ")
        let text = mainText("""
            <div class="entry"><p>\(prose("The longest paragraph of a short post", words: 60))</p>
            <p>\(prose("A second paragraph of the same post", words: 30))</p><p>\(links)</p></div>
            """)
        #expect(text.contains("The longest paragraph of a short post"))
        #expect(text.contains("A second paragraph of the same post"))
        #expect(!text.contains("Topic number"))
    }

    @Test("sections beside the main one, and a link-free list next to it, are part of the body")
    func siblingSections() {
        let menu = (1 ... 8).map { "<li><a href='/p\($0)'>Another recipe with a long name \($0)</a></li>" }.joined()
        let text = mainText("""
            <main><h2>Ingredients</h2><ul><li>200 g flour</li><li>3 eggs</li><li>1 lemon</li></ul>
            <div class="steps"><p>\(prose("Mix the flour with the eggs", words: 60))</p>
            <p>\(prose("Bake it for forty minutes", words: 40))</p></div>
            <section class="faq"><h2>Questions</h2><p>\(prose("Can the lemon be left out? It can", words: 30))</p></section>
            <ul>\(menu)</ul></main>
            """)
        for expected in ["Ingredients", "200 g flour", "3 eggs", "Mix the flour", "Questions", "Can the lemon be left out"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        #expect(!text.contains("Another recipe"))
    }

    @Test("a note and an author box around the article do not widen the body to the page's wrapper")
    func deepestContainer() {
        let text = mainText("""
            <div class="wrapper"><div class="note"><p>Editors pick the products themselves and write about them with care.</p></div>
            <div class="main"><div class="story">\((1 ... 10).map { "<p>\(prose("Paragraph \($0) of the story", words: 50))</p>" }.joined())</div></div>
            <div class="more"><div class="about"><p>\(prose("Jo writes about storage and has done so for years", words: 25))</p></div></div></div>
            """)
        #expect(text.hasPrefix("Paragraph 1 of the story"))
        #expect(text.hasSuffix("Paragraph 10 of the story" + String(repeating: " and the work went on as planned", count: 7) + "."))
        #expect(!text.contains("Editors pick the products"))
        #expect(!text.contains("Jo writes about storage"))
    }

    @Test("headings whose section was boilerplate go, as does a closing label")
    func emptySections() {
        let related = (1 ... 5).map { "<li><a href='/r\($0)'>A related story with a headline \($0)</a></li>" }.joined()
        let text = mainText("""
            <article><p>\(prose("The story itself", words: 60))</p><h2>What happened next</h2>
            <p>\(prose("The story goes on", words: 30))</p><h2>Related stories</h2><ul>\(related)</ul>
            <p>Contact:</p></article>
            """)
        #expect(text.contains("What happened next"))
        #expect(!text.contains("Related stories"))
        #expect(!text.hasSuffix("Contact:"))
    }

    @Test("cookie consent, calls to subscribe or follow, ads labels, copyright lines and picture credits go by their words")
    func boilerplateByWords() {
        let text = mainText("""
            <article><p>\(prose("The article about a newsletter that changed a town", words: 60))</p>
            <p>Anzeige</p><p>Photo: Getty Images</p><p>\(prose("The article goes on", words: 30))</p>
            <p>Subscribe to our newsletter and never miss a story.</p>
            <p>Follow us on Facebook, Instagram and Twitter!</p><p>© 2024 Example Media. All rights reserved.</p>
            <p>Wir verwenden Cookies, um unsere Website für Sie zu verbessern. Mit der Nutzung stimmen Sie zu.</p>
            <h3>Chocolate chip cookies</h3><p>\(prose("Bake the cookies for twelve minutes", words: 30))</p></article>
            """)
        #expect(text.contains("Chocolate chip cookies"))
        #expect(!mainText("<article><p>\(prose("The article", words: 60))</p><p>Advert</p></article>").contains("Advert"))
        for sentence in ["She joined LinkedIn in 2015 as head of design.", "Apple is going after Facebook and Google.",
                         "Browsers keep cookies apart for privacy reasons.", "Anzeige gegen den Fahrer wurde erstattet.",
                         "Printed circuits are cheap now."] {
            #expect(mainText("<article><p>\(prose("The article", words: 60))</p><p>\(sentence)</p></article>").contains(sentence),
                    "dropped: \(sentence)")
        }
        #expect(text.contains("Bake the cookies for twelve minutes"))
        #expect(!text.contains("Wir verwenden Cookies"))
        #expect(text.contains("The article about a newsletter that changed a town"))
        #expect(text.contains("The article goes on"))
        for unwanted in ["Anzeige", "Getty", "Subscribe", "Follow us", "All rights reserved"] {
            #expect(!text.contains(unwanted), "kept: \(unwanted)")
        }
    }

    @Test("a heading that announces related reading, comments or contact details takes its short blocks with it")
    func announcedSections() {
        let text = mainText("""
            <article><p>\(prose("The story itself", words: 60))</p><h3>Das könnte Sie auch interessieren</h3>
            <div>A teaser for another story</div><div>Yet another teaser, short</div>
            <p>\(prose("The story goes on after the box", words: 60))</p><p>Lesen Sie auch:</p><p>Short teaser line</p>
            <h2>Contact lenses explained</h2><p>\(prose("Lenses sit on the eye", words: 30))</p>
            <h2>Comments</h2><p>Great post, thanks!</p><p>Kontakt:</p><p>Dr. Eva Berg</p><p>Tel. 040 123 456</p></article>
            """)
        #expect(text.contains("The story goes on after the box"))
        #expect(text.contains("Contact lenses explained\nLenses sit on the eye"))
        for unwanted in ["Das könnte", "teaser", "Lesen Sie auch", "Comments", "Great post", "Kontakt", "Eva Berg", "Tel."] {
            #expect(!text.contains(unwanted), "kept: \(unwanted)")
        }
    }

    @Test("a post inside <noscript> is read when the page shows nothing else")
    func noscriptPost() {
        let text = mainText("""
            <div id="app"></div><noscript><p>Please enable JavaScript to view this blog.</p>
            <div class="post"><h3>A walk in the hills</h3><div class="post-body">\(prose("We left early in the morning"))
            <br>\(prose("The second day was harder"))</div></div></noscript>
            """)
        #expect(text.contains("A walk in the hills"))
        #expect(text.contains("We left early in the morning"))
        #expect(text.contains("The second day was harder"))
        #expect(!text.contains("enable JavaScript"))
    }

    @Test("<noscript> stays unread when the page has text of its own")
    func noscriptIgnored() {
        let text = mainText("""
            <article><p>\(prose("The page's own article", words: 60))</p></article>
            <noscript><p>\(prose("A fallback text for browsers without scripts"))</p></noscript>
            """)
        #expect(text.hasPrefix("The page's own article"))
        #expect(!text.contains("A fallback text"))
    }

    @Test("a short post made of a link list gives its links, not the site's footer")
    func linkListPost() {
        let text = mainText("""
            <header class="site-header"><nav><a href="/">Home</a> <a href="/about">About</a></nav></header>
            <main><article class="post"><h1>Links for the weekend</h1><div class="entry-content"><ul>
            <li><a href="/a">A long read on river restoration in the Alps</a></li>
            <li><a href="/b">Why bridges sing in the wind, explained by engineers</a></li></ul></div></article></main>
            <div class="site-info">Proudly powered by a blogging tool, with a theme made by a friend of ours.</div>
            """)
        #expect(text == "A long read on river restoration in the Alps\nWhy bridges sing in the wind, explained by engineers")
    }

    @Test("a short post of bare text in a <div> gives its text, not a caption or the footer")
    func bareTextPost() {
        let text = mainText("""
            <div class="post"><h2>Back home</h2><div class="post-body">We are back from the coast. The weather was kind
            to us all week<br>and the children learned to swim.<br><br>More photos soon.</div>
            <img src="a.jpg"><div class="caption">Photo: the beach at dawn, taken from the old lighthouse on the hill</div></div>
            <div class="footer">Copyright 2024 by the family. All the pictures on this blog are ours, please ask first.</div>
            """)
        #expect(text == "Back home\nWe are back from the coast. The weather was kind to us all week\nand the children learned to swim.\nMore photos soon.")
    }

    @Test("a team page keeps each member's name, role and bio, whose cards and bios are named as such")
    func teamPage() {
        let members = [("Jane Doe", "Chief Executive Officer", "Jane founded the company in 2012 after ten years as an engineer at a robotics lab."),
                       ("Omar Haddad", "Head of Engineering", "Omar joined in 2015 from a car maker and runs the hardware and software teams."),
                       ("Li Wei", "Head of Sales", "Li built the sales team of a logistics start-up in Shanghai from three people to sixty.")]
        let cards = members.map { name, role, bio in
            "<div class='team-member card'><h3>\(name)</h3><p class='role'>\(role)</p><p class='bio'>\(bio)</p>" +
                "<a href='https://example.org/in/x'>Profile</a></div>"
        }.joined()
        let text = mainText("""
            <header><nav><a href="/">Home</a><a href="/team">Team</a></nav></header>
            <main><h1>Our team</h1><div class="team-grid">\(cards)</div></main>
            <footer><p>Acme Robotics, 12 rue de la Paix, Lyon.</p></footer>
            """)
        #expect(text.split(separator: "\n").map(String.init) == members.flatMap { [$0.0, $0.1, $0.2] })
    }

    @Test("server warnings printed into a sidebar do not draw the body away from a short post")
    func serverWarnings() {
        let warning = "Warning: Use of undefined constant comments - assumed 'comments' in /var/www/site/wp-content/plugins/recent.php on line 92. "
        let text = mainText("""
            <div id="content"><div class="post"><p>\(prose("Our second child was born last week", words: 14))</p>
            <p>\(prose("Her brother looked at her for a long time", words: 14))</p></div></div>
            <div id="sidebar"><ul><li>\(String(repeating: warning, count: 6))</li></ul></div>
            """)
        #expect(text.hasPrefix("Our second child was born last week"))
        #expect(!text.contains("Warning"))
    }
}
