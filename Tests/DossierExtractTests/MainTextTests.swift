import DossierExtract
import Foundation
import Testing

/// A news page with the usual chrome around a short article.
let newsPage = """
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rivers return to the valley | Example News</title></head>
<body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/about">About us</a></li></ul></nav></header>
<div id="cookie-consent">We use cookies to improve your experience. Accept all cookies to continue reading.</div>
<main>
<article class="story">
<h1>Rivers return to the valley</h1>
<div class="byline">By Jane Doe</div>
<div class="social-share"><a href="https://twitter.com/share">Share on Twitter</a> <a href="https://facebook.com/share">Share on Facebook</a></div>
<p>After a decade of drought, the rivers of the northern valley are flowing again, and the farmers who stayed are planting their first full crops in years.</p>
<p>Engineers restored three old dams, rebuilt the irrigation canals and, with the help of the villagers, planted forty thousand trees along the banks.</p>
<h2>What changed this year</h2>
<p>Rainfall in the spring was twice the average, and the new canals kept the water on the fields instead of letting it run into the sea.</p>
<ul><li>Three dams restored to working order</li><li>Forty kilometres of canals rebuilt by hand</li></ul>
<blockquote>We never thought we would see the water come back in our lifetime, said one of the oldest farmers.</blockquote>
<table><tr><td>Year</td><td>Harvest in tonnes</td></tr><tr><td>2023</td><td>1200</td></tr></table>
<figure><img src="dam.jpg"><figcaption>The restored dam at dawn, photographed by the reporter.</figcaption></figure>
<p>The regional government says it will fund two more dams next year if the harvest holds.</p>
</article>
<section class="related-articles"><h3>Related</h3><ul>
<li><a href="/a">Drought hits the southern plains again this summer</a></li>
<li><a href="/b">How canals changed farming in the old kingdom</a></li></ul></section>
<div id="comments"><h3>Comments</h3><p>Great article, I grew up in that valley and I am so glad to read this news today!</p></div>
</main>
<aside class="sidebar"><h3>Most read</h3><p>Ten things you did not know about your kitchen sink and its many hidden uses.</p></aside>
<footer class="site-footer"><p>Copyright 2024 Example News. All rights reserved. Terms of use and privacy policy.</p></footer>
</body></html>
"""

@Suite("main text")
struct MainTextTests {
    let page = HTMLExtractor.extract(bytes: Array(newsPage.utf8))

    @Test("keeps paragraphs, headings, lists, quotes and table text, in order")
    func keepsContent() {
        let text = page.mainText
        #expect(text.hasPrefix("After a decade of drought"))
        for expected in ["What changed this year", "Three dams restored to working order",
                         "We never thought we would see the water come back", "2023 1200",
                         "fund two more dams next year"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        #expect(page.blocks.contains(TextBlock(kind: .heading(level: 2), text: "What changed this year")))
        #expect(page.blocks.contains(TextBlock(kind: .listItem(ordered: false), text: "Forty kilometres of canals rebuilt by hand")))
        #expect(page.blocks.contains { $0.kind == .quote })
        #expect(page.blocks.contains(TextBlock(kind: .tableRow, text: "Year Harvest in tonnes")))
    }

    @Test("drops navigation, title, byline, sharing, captions, related links, comments, sidebar and footer")
    func dropsBoilerplate() {
        let text = page.mainText
        for unwanted in ["Home", "Rivers return to the valley", "By Jane Doe", "Share on Twitter", "cookies",
                         "The restored dam at dawn", "Drought hits the southern plains", "Great article",
                         "kitchen sink", "Copyright"] {
            #expect(!text.contains(unwanted), "kept: \(unwanted)")
        }
    }

    @Test("separates blocks with newlines")
    func newlineSeparated() {
        #expect(page.mainText.split(separator: "\n").count == page.blocks.count)
        #expect(page.mainText.contains("in years.\nEngineers restored"))
    }

    @Test("teaser lists next to a short article stay out")
    func teasersStayOut() {
        let teaser = "<li><h3><a href='/x'>Another story about something else entirely</a></h3><time>May 2</time>" +
            "<div>A summary of that other story that is long enough to look like a paragraph of prose.</div></li>"
        let html = "<html><body><div class='a'><p>" + String(repeating: "The article itself has words, many of them. ", count: 8) +
            "</p><p>" + String(repeating: "A second paragraph follows with more words. ", count: 6) +
            "</p></div><ul class='more'>" + String(repeating: teaser, count: 8) + "</ul></body></html>"
        let text = HTMLExtractor.extract(bytes: Array(html.utf8)).mainText
        #expect(text.contains("The article itself"))
        #expect(!text.contains("A summary of that other story"))
    }

    @Test("a one-paragraph page still gives its paragraph")
    func singleParagraph() {
        let html = "<html><body><nav><a href='/'>Home</a></nav><p>Just one paragraph of real text sits on this page, nothing else.</p></body></html>"
        #expect(HTMLExtractor.extract(bytes: Array(html.utf8)).mainText == "Just one paragraph of real text sits on this page, nothing else.")
    }

    @Test("text hidden with display:none or the hidden attribute is not main text")
    func hiddenText() {
        let html = "<html><body><article><p>Visible paragraph that is long enough to be considered prose.</p>" +
            "<p style='display: none'>Invisible paragraph that should never be part of the main text.</p>" +
            "<p hidden>Another invisible paragraph hidden with the attribute.</p></article></body></html>"
        let text = HTMLExtractor.extract(bytes: Array(html.utf8)).mainText
        #expect(text == "Visible paragraph that is long enough to be considered prose.")
    }

    @Test("soft hyphens, zero-width spaces, word joiners and stray byte order marks are dropped from words")
    func invisibleCharacters() {
        let html = "<html><body><p>Die Not&shy;fall&shy;daten sind ge\u{200B}speichert, und das Wort\u{2060}ende " +
            "bleibt lesbar\u{FEFF}, auch mit&nbsp;festem Leerzeichen.</p></body></html>"
        #expect(HTMLExtractor.extract(bytes: Array(html.utf8)).mainText ==
            "Die Notfalldaten sind gespeichert, und das Wortende bleibt lesbar, auch mit festem Leerzeichen.")
    }

    @Test("markdown keeps the structure and escapes markup characters")
    func markdown() {
        let markdown = PageMarkdown.render(page)
        #expect(markdown.hasPrefix("# Rivers return to the valley\n"))
        #expect(markdown.contains("\n### What changed this year\n"))
        #expect(markdown.contains("\n- Three dams restored to working order\n- Forty kilometres"))
        #expect(markdown.contains("\n> We never thought"))
        let escaped = HTMLExtractor.extract(bytes: Array("<p>Use *stars* and [brackets] in text that is long.</p>".utf8))
        #expect(PageMarkdown.render(escaped).contains("Use \\*stars\\* and \\[brackets\\]"))
    }
}

@Suite("JSON form")
struct JSONFormTests {
    @Test("blocks encode as flat objects and decode back")
    func blockRoundTrip() throws {
        let blocks = [TextBlock(kind: .heading(level: 2), text: "H"), TextBlock(kind: .listItem(ordered: true), text: "L"),
                      TextBlock(kind: .paragraph, text: "P")]
        let data = try JSONEncoder().encode(blocks)
        #expect(try JSONDecoder().decode([TextBlock].self, from: data) == blocks)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"kind\":\"heading\"") && json.contains("\"level\":2"))
    }
}

extension JSONFormTests {
    @Test("a page round-trips through JSON, typed JSON-LD values as single-key objects")
    func pageRoundTrip() throws {
        let page = HTMLExtractor.extract(bytes: Array(articleWithMetadata.utf8), url: "https://acme.example/a")
        let data = try JSONEncoder().encode(page)
        #expect(try JSONDecoder().decode(ExtractedPage.self, from: data).structuredData == page.structuredData)
        #expect(String(decoding: data, as: UTF8.self).contains("{\"article\":{"))
    }
}
