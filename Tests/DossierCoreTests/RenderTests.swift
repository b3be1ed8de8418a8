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
            profile: [ProfileLine(label: "Bio", text: sentence, source: 1)], timeline: [], ownWords: [],
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

    @Test("an exclamation mark stays as written: with its bracket escaped it can start no image")
    func exclamationMark() {
        let markdown = MarkdownRenderer.render(dossier(sentence: "Inspired and humbled! ![x](https://evil.test/x.png)", url: "https://a.test/"))
        #expect(markdown.contains("Inspired and humbled! !\\[x\\](https://evil.test/x.png)"))
    }

    @Test("the 'Same person?' line is printed only when the identity is unsure or namesakes were set aside")
    func samePersonLine() {
        var sure = dossier(sentence: "x", url: "https://a.test/")
        sure.identity.confidence = 0.6
        #expect(!MarkdownRenderer.render(sure).contains("Same person?"))
        #expect(!HTMLRenderer.render(sure).contains("Same person?"))
        #expect(!PlainTextRenderer.render(sure).contains("Same person?"))
        var unsure = sure
        unsure.identity.confidence = 0.3
        #expect(MarkdownRenderer.render(unsure).contains("**Same person?** 30 % — x"))
        var namesakes = sure
        namesakes.skipped = [SourceOutcome(sourceName: "orcid", url: "https://orcid.test/1", kind: .skipped, category: .namesake)]
        #expect(PlainTextRenderer.render(namesakes).contains("Same person? 60 %"))
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
        var plain = SampleDossiers.full()
        plain.sources = Array(plain.sources.prefix(5))
        plain.mentions = []
        var changed = plain
        changed.changes = DossierChanges(since: SampleDossiers.generatedAt, newSentences: plain.companyProfile.sentences + plain.commonGround,
                                         newNews: plain.companyProfile.news, newTimeline: plain.timeline)
        #expect(NoteSpace.height(of: changed) > NoteSpace.height(of: plain))
        #expect(NoteSpace.lines(for: changed) < NoteSpace.lines(for: plain))
    }

    @Test("every format prints the sections in the outline's order")
    func sectionsInOutlineOrder() {
        var dossier = SampleDossiers.full()
        dossier.changes = DossierChanges(since: SampleDossiers.generatedAt, newSentences: dossier.companyProfile.sentences)
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

    @Test("the meeting line, with blanks to fill when no meeting is stored, and the sources note head every format")
    func header() {
        var dossier = SampleDossiers.full()
        for rendered in [MarkdownRenderer.render(dossier), PlainTextRenderer.render(dossier), HTMLRenderer.render(dossier)] {
            #expect(rendered.contains("Elena Marsh: Chief technology officer, Tidewater Analytics"))
            #expect(rendered.contains("introduced by Ana Costa"))
            #expect(rendered.contains("25 pages read"))
        }
        dossier.meeting = MeetingLine()
        #expect(MarkdownRenderer.render(dossier).contains("**Meeting:** when \\_\\_\\_\\_ · where"))
        #expect(PlainTextRenderer.render(dossier).contains("Meeting: when ____ · where ____ · introduced by ____ · my goal ____"))
    }

    @Test("failed and skipped sources and the timeline's source sentences are on screen only; the page size is the paper's")
    func printOnly() {
        let html = HTMLRenderer.render(SampleDossiers.full(), paper: .letter)
        #expect(html.contains("@page{size:letter;"))
        #expect(HTMLRenderer.render(SampleDossiers.full(), paper: .a4).contains("@page{size:A4;"))
        #expect(HTMLRenderer.render(SampleDossiers.full()).contains("@page{size:auto;"))
        #expect(html.contains("<div class=\"screen-only\">\n<h3>Failed sources</h3>"))
        #expect(html.contains(".screen-only,.evidence{display:none}"))
        #expect(html.contains("<span class=\"evidence\">Marsh led the rollout"))
        #expect(!MarkdownRenderer.render(SampleDossiers.full()).contains("Marsh led the rollout of the port"))
    }

    @Test("the paper follows the locale: Letter in the United States and Canada, A4 elsewhere")
    func paperFromLocale() {
        #expect(PaperSize.fromLocale(["LANG": "en_US.UTF-8"]) == .letter)
        #expect(PaperSize.fromLocale(["LC_PAPER": "en_CA.UTF-8", "LANG": "de_DE.UTF-8"]) == .letter)
        #expect(PaperSize.fromLocale(["LANG": "de_DE.UTF-8"]) == .a4)
        #expect(PaperSize.fromLocale([:]) == .a4)
        #expect(PaperSize.fromLocale(["LC_ALL": "C.UTF-8", "LC_PAPER": "en_US.UTF-8"]) == .a4, "LC_ALL overrides every LC_ variable")
    }

    @Test("a page laid out for A4 is resized to Letter for print --paper, and only its @page size changes")
    func resizedPage() {
        let a4 = HTMLRenderer.render(SampleDossiers.full(), paper: .a4)
        #expect(a4.contains("@page{size:A4;"))
        let letter = HTMLRenderer.resized(a4, to: .letter)
        #expect(letter.contains("@page{size:letter;") && !letter.contains("size:A4"))
        #expect(letter == HTMLRenderer.render(SampleDossiers.full(), paper: .letter))
    }
}
