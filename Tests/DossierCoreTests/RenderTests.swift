@testable import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite("rendering")
struct RenderTests {
    private func dossier(sentence: String, url: String) -> Dossier {
        Dossier(
            subject: Subject(name: "Jane <b>Doe</b>"),
            identity: Identity(name: "Jane", wikidataID: nil, description: nil, confidence: 0.5, evidence: ["x"],
                               wikipediaTitle: nil, domain: nil, github: nil),
            company: CompanyIdentity(name: nil, wikidataID: nil, domain: nil, wikipediaTitle: nil),
            atAGlance: [CitedSentence(text: sentence, source: 1)], timeline: [], ownWords: [], mentions: [],
            companyProfile: CompanyProfile(), industry: IndustryContext(), questions: [], preparation: PreparationNotes(), checklist: [],
            sources: [CitedSource(number: 1, title: "<img src=x onerror=alert(1)>", site: nil, published: nil, url: url,
                                  fetchedAt: Date(timeIntervalSince1970: 0))],
            failed: [], skipped: [], generatedAt: Date(timeIntervalSince1970: 0)
        )
    }

    @Test("HTML escapes what came from the web, drops bidi overrides and links only http(s)")
    func hostileHTML() {
        let html = HTMLRenderer.render(dossier(sentence: "Hi <script>document.title='pwned'</script> \u{202E}evil", url: "javascript:alert(1)"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(!html.contains("\u{202E}"))
        #expect(html.contains("Jane &lt;b&gt;Doe&lt;/b&gt;"))
        #expect(html.contains("default-src 'none'"))
    }

    @Test("Markdown escapes structure and HTML from the web")
    func hostileMarkdown() {
        let markdown = MarkdownRenderer.render(dossier(sentence: "# not a heading [link](javascript:x) <b>", url: "https://a.test/x y"))
        #expect(markdown.contains("\\# not a heading \\[link\\](javascript:x) &lt;b&gt;"))
        #expect(markdown.contains("<https://a.test/x%20y>"))
    }

    @Test("Markdown links only http(s) URLs and keeps line breaks and combining marks from breaking out")
    func hostileMarkdownURLs() {
        let markdown = MarkdownRenderer.render(dossier(sentence: "a\r\n# heading [\u{301}x](y)", url: "javascript:alert(1)"))
        #expect(!markdown.contains("<javascript:"))
        #expect(!markdown.contains("\n# heading"))
        #expect(markdown.contains("\\[\u{301}x\\](y)"))
        let newline = MarkdownRenderer.render(dossier(sentence: "x", url: "https://a.test/\n# injected"))
        #expect(newline.contains("<https://a.test/%0A#%20injected>"))
    }

    @Test("the same dossier renders to the same bytes")
    func deterministic() {
        let value = dossier(sentence: "Jane Doe joined Acme in 2014.", url: "https://a.test/")
        #expect(HTMLRenderer.render(value) == HTMLRenderer.render(value))
        #expect(MarkdownRenderer.render(value) == MarkdownRenderer.render(value))
    }

    @Test("the notes space shrinks for every printed section, the 'what changed' one too")
    func noteSpaceCountsEverySection() {
        let plain = SampleDossiers.full()
        var changed = plain
        changed.changes = DossierChanges(since: SampleDossiers.generatedAt, newSentences: plain.atAGlance + plain.mentions,
                                         newNews: plain.companyProfile.news, newTimeline: plain.timeline)
        #expect(NoteSpace.height(of: changed) > NoteSpace.height(of: plain))
        #expect(NoteSpace.lines(for: changed) < NoteSpace.lines(for: plain))
    }

    @Test("every format prints the sections in the outline's order")
    func sectionsInOutlineOrder() {
        var dossier = SampleDossiers.full()
        dossier.changes = DossierChanges(since: SampleDossiers.generatedAt, newSentences: dossier.atAGlance)
        let titles = DossierOutline(dossier).sections.map(\.title)
        #expect(titles.count >= 8)
        for rendered in [MarkdownRenderer.render(dossier), PlainTextRenderer.render(dossier), HTMLRenderer.render(dossier)] {
            // Each title is found after the one before it (the header may name the company too).
            var rest = rendered[...]
            for title in titles {
                let found = rest.range(of: title)
                #expect(found != nil, "\(title) missing or out of order")
                if let found { rest = rest[found.upperBound...] }
            }
        }
    }
}
