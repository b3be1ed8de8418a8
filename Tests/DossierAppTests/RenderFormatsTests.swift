@testable import DossierApp
import DossierCore
import DossierDiscover
import DossierExtract
import DossierSchedule
import DossierSettings
import DossierTestSupport
import Foundation
import Logging
import Testing

@Suite("render formats")
struct RenderFormatsTests {
    // MARK: - HTML

    @Test("HTML from hostile text has only the renderer's own tags and attributes, and no script or foreign link")
    func hostileHTMLStructure() throws {
        let html = HTMLRenderer.render(SampleDossiers.hostile())
        let allowedTags: Set<String> = ["html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "h3",
                                        "p", "b", "br", "section", "ul", "ol", "li", "sup", "a", "span", "div", "footer"]
        let allowedAttributes: Set<String> = ["lang", "charset", "http-equiv", "content", "name", "class", "href", "rel", "id", "value"]
        let tag = /<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/
        let attribute = /\s([a-zA-Z-]+)(?:="[^"]*")?/
        for match in html.matches(of: tag) {
            #expect(allowedTags.contains(String(match.output.1).lowercased()), "unexpected tag \(match.output.0)")
            for name in match.output.2.matches(of: attribute) {
                #expect(allowedAttributes.contains(String(name.output.1).lowercased()), "unexpected attribute in \(match.output.0)")
            }
        }
        let hrefs = html.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
        #expect(!hrefs.isEmpty)
        for href in hrefs {
            #expect(href.hasPrefix("#s") || href.hasPrefix("https://") || href.hasPrefix("http://"), "unexpected link \(href)")
            #expect(!href.contains("<") && !href.contains(">") && !href.contains(" "))
        }
        #expect(html.lowercased().components(separatedBy: "<script").count == 1)
        #expect(!html.contains("<img"))
        #expect(!html.contains("\"onmouseover"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("https://a.example/%22onmouseover=%22alert(5)"))
        #expect(html.contains("http://a.example/%3Cscript%3E"))
    }

    @Test("HTML drops bidi overrides and control characters and keeps the restrictive CSP")
    func hostileHTMLCharacters() {
        let html = HTMLRenderer.render(SampleDossiers.hostile())
        #expect(!html.unicodeScalars.contains("\u{202E}"))
        #expect(!html.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        #expect(html.contains(String(repeating: "W", count: 300)))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'"))
        #expect(html.contains("overflow-wrap:anywhere"))
    }

    @Test("HTML cites with superscript links to numbered source anchors, numbers the questions and boxes the checklist")
    func htmlStructure() throws {
        let dossier = SampleDossiers.full()
        let html = HTMLRenderer.render(dossier)
        #expect(html.contains("<sup class=\"cite\"><a href=\"#s4\">[4]</a></sup>"))
        for source in dossier.sources { #expect(html.contains("<li id=\"s\(source.number)\" value=\"\(source.number)\">")) }
        let questions = try #require(html.firstRange(of: "<ol class=\"questions\">"))
        let questionsEnd = try #require(html[questions.upperBound...].firstRange(of: "</ol>"))
        #expect(html[questions.upperBound..<questionsEnd.lowerBound].components(separatedBy: "<li>").count - 1 == 10)
        #expect(html.contains("<ul class=\"checklist\">"))
        #expect(html.contains("ul.checklist li::before{content:\"\";display:inline-block;width:.75em;height:.75em;border:1px solid"))
        #expect(html.contains("<b class=\"when\">2025-12-03</b> Confirm the meeting the morning of"))
        #expect(!html.contains("break-before:page"))
        #expect(html.contains("@page{size:auto;margin:14mm"))
        #expect(html.contains("<h3>Failed sources</h3>"))
        #expect(html.contains("<h3>Skipped</h3>"))
        let order = ["At a glance", "Career timeline", "In their own words", "More about Elena Marsh", "Company: Tidewater Analytics",
                     "Recent news", "Industry", "Suggested questions", "Common ground", "Be careful", "You", "Checklist", "Sources"]
        let positions = try order.map { try #require(html.range(of: ">\($0)</h")).lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test("a long dossier gets fewer ruled note lines than a short one; the notes come before the Sources")
    func noteLines() throws {
        var long = SampleDossiers.full()
        long.sources = Array(long.sources.prefix(8))
        let full = HTMLRenderer.render(long)
        var short = long
        short.timeline = []
        short.ownWords = []
        short.mentions = []
        short.companyProfile = CompanyProfile()
        let shortHTML = HTMLRenderer.render(short)
        let rule = "<div class=\"rule\"></div>"
        let fullLines = full.components(separatedBy: rule).count - 1
        let shortLines = shortHTML.components(separatedBy: rule).count - 1
        #expect(shortLines > fullLines)
        #expect(shortLines >= 3)
        let notes = try #require(shortHTML.range(of: "<h2>Notes</h2>"))
        let sources = try #require(shortHTML.range(of: "<h2>Sources</h2>"))
        #expect(notes.lowerBound < sources.lowerBound)
    }

    // MARK: - Plain text

    @Test("plain text keeps lines within 78 columns, breaks very long words and drops control and bidi characters")
    func hostileText() {
        let text = PlainTextRenderer.render(SampleDossiers.hostile())
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.count <= 78, "line too long: \(line)")
        }
        #expect(!text.unicodeScalars.contains("\u{202E}"))
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        #expect(!text.contains(String(repeating: "W", count: 79)))
        #expect(text.contains("x<script>alert(1)</script>"))
    }

    @Test("plain text has the Markdown sections, citations as [N] and numbered questions")
    func plainTextSections() throws {
        let dossier = SampleDossiers.full()
        let text = PlainTextRenderer.render(dossier)
        for line in text.split(separator: "\n") { #expect(line.count <= 78, "line too long: \(line)") }
        let order = ["Elena Marsh: Chief technology officer, Tidewater Analytics\n=====", "\nAt a glance\n---",
                     "\nCareer timeline\n---", "\nIn their own words\n---", "\nMore about Elena Marsh\n---",
                     "\nCompany: Tidewater Analytics\n---", "\nRecent news:", "\nIndustry\n---", "\nSuggested questions\n---",
                     "\nCommon ground\n---", "\nBe careful\n---", "\nYou\n---", "\nChecklist\n---", "\nSources\n---", "\nBuilt "]
        let positions = try order.map { try #require(text.range(of: $0), "missing \($0)").lowerBound }
        #expect(positions == positions.sorted())
        #expect(text.contains("\n 1. What drew you from port planning systems"))
        #expect(text.contains("\n10. Who else should I talk to to learn more about data work in shipping?"))
        #expect(text.contains("[ ] 2025-12-03 Confirm the meeting the morning of"))
        #expect(text.contains("cheapest ways to cut emissions for the rest of the decade. [23]"))
        #expect(!text.contains("\\"))
        #expect(!text.contains("Failed sources"))
    }

    // MARK: - JSON

    @Test("JSON carries the schema, round-trips to the same dossier and escapes markup and bidi characters")
    func hostileJSON() throws {
        let original = SampleDossiers.hostile()
        let data = try JSONRenderer.render(original)
        let json = String(decoding: data, as: UTF8.self)
        #expect(!json.contains("<"))
        #expect(!json.contains(">"))
        #expect(!json.unicodeScalars.contains("\u{202E}"))
        #expect(!json.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        #expect(json.contains("\\u003cscript\\u003e"))
        #expect(json.contains("\\u202e"))

        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schema"] as? String == "dossier/\(Dossier.schemaVersion)")
        #expect(object["schema"] as? String == "dossier/3")

        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(Dossier.self, from: data)
        #expect(decoded.subject == original.subject)
        #expect(decoded.profile == original.profile)
        #expect(decoded.profile.first?.text == SampleDossiers.hostileText)
        #expect(decoded.meeting == original.meeting)
        #expect(decoded.sources == original.sources)
        #expect(decoded.failed == original.failed)
        #expect(try JSONRenderer.render(decoded) == data)
    }

    @Test("JSON has every dossier field, sorted keys, and dates in ISO 8601 UTC")
    func jsonShape() throws {
        let dossier = SampleDossiers.full()
        let data = try JSONRenderer.render(dossier)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["schema", "subject", "identity", "company", "headline", "meeting", "sourceNote", "profile",
                                     "timeline", "ownWords", "mentions", "writing", "companyProfile", "industry", "questions", "commonGround",
                                     "careNotes", "preparation", "checklist", "sources", "failed", "skipped", "generatedAt"])
        #expect(object["generatedAt"] as? String == "2026-11-18T11:06:40Z")
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.hasPrefix("{\n  \"careNotes\" : ["))
        #expect(json.hasSuffix("}\n"))
        #expect(json.contains("\"url\" : \"https://tidewater-analytics.example/press/2025/1/"))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(Dossier.self, from: data)
        #expect(decoded.questions == dossier.questions)
        #expect(decoded.preparation == dossier.preparation)
        #expect(decoded.companyProfile == dossier.companyProfile)
        #expect(decoded.generatedAt == dossier.generatedAt)
    }

    // MARK: - Determinism

    @Test("each format renders the same dossier to the same bytes")
    func deterministic() throws {
        for dossier in [SampleDossiers.full(), SampleDossiers.hostile()] {
            #expect(HTMLRenderer.render(dossier) == HTMLRenderer.render(dossier))
            #expect(PlainTextRenderer.render(dossier) == PlainTextRenderer.render(dossier))
            #expect(try JSONRenderer.render(dossier) == JSONRenderer.render(dossier))
            #expect(MarkdownRenderer.render(dossier) == MarkdownRenderer.render(dossier))
        }
    }

    // MARK: - Formats and files

    @Test("format lists are comma-separated or repeated, case-insensitive, in canonical order without repeats")
    func parseFormats() throws {
        #expect(try OutputFormat.parse(["pdf,md", "HTML", " txt ", "md"]) == [.md, .html, .txt, .pdf])
        #expect(try OutputFormat.parse(["markdown,text,json"]) == [.md, .json, .txt])
        #expect(try OutputFormat.parse([]) == [])
        #expect(throws: OutputFormat.UnknownFormat(name: "docx")) { try OutputFormat.parse(["md,docx"]) }
        #expect(throws: OutputFormat.UnknownFormat(name: "")) { try OutputFormat.parse(["md,"]) }
        #expect("\(OutputFormat.UnknownFormat(name: "docx"))" == "unknown format 'docx' (choose from md, html, json, txt, pdf)")
    }

    @Test("the chosen formats are written side by side; without a PDF renderer the others are written and the reason returned")
    func writeFiles() async throws {
        let folderFolder = try TemporaryFolder("files")
        defer { folderFolder.remove() }
        let folder = folderFolder.url
        let dossier = SampleDossiers.full()
        let written = try await DossierFiles.write(dossier, formats: OutputFormat.allCases, to: folder,
                                                   paper: .letter, pdf: PDFRenderer(searchPath: ""))
        #expect(written.files == ["md", "html", "json", "txt"].map { folder.appendingPathComponent("dossier.\($0)").path })
        let html = try String(contentsOf: folder.appendingPathComponent("dossier.html"), encoding: .utf8)
        #expect(html.contains("@page{size:letter;"))
        #expect(written.pdfError == .noRenderer)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("dossier.pdf").path))
        #expect(try Data(contentsOf: folder.appendingPathComponent("dossier.json")) == JSONRenderer.render(dossier))
        #expect(try String(contentsOf: folder.appendingPathComponent("dossier.txt"), encoding: .utf8) == PlainTextRenderer.render(dossier))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test("no file is replaced until every one is written and the commit step succeeds; a failed commit leaves the old files and no temporaries")
    func writeOnlyAfterCommit() async throws {
        struct CommitFailed: Error {}
        let folderFolder = try TemporaryFolder("files")
        defer { folderFolder.remove() }
        let folder = folderFolder.url
        let old = SampleDossiers.full()
        _ = try await DossierFiles.write(old, formats: [.md, .json], to: folder, paper: .a4, pdf: PDFRenderer(searchPath: ""))
        var new = old
        new.subject = Subject(name: "Someone Else")
        let markdown = folder.appendingPathComponent("dossier.md"), json = folder.appendingPathComponent("dossier.json")
        await #expect(throws: CommitFailed.self) {
            try await DossierFiles.write(new, formats: [.md, .json], to: folder, paper: .a4, pdf: PDFRenderer(searchPath: "")) {
                // Both new files are complete beside their targets, which still hold the old dossier.
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                #expect(names.filter { $0.hasSuffix(".tmp") }.count == 2)
                #expect((try? String(contentsOf: markdown, encoding: .utf8)) == MarkdownRenderer.render(old))
                throw CommitFailed()
            }
        }
        #expect(try String(contentsOf: markdown, encoding: .utf8) == MarkdownRenderer.render(old))
        #expect(try Data(contentsOf: json) == JSONRenderer.render(old))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["dossier.json", "dossier.md"])
        var committed = false
        _ = try await DossierFiles.write(new, formats: [.md, .json], to: folder, paper: .a4, pdf: PDFRenderer(searchPath: "")) { committed = true }
        #expect(committed)
        #expect(try String(contentsOf: markdown, encoding: .utf8) == MarkdownRenderer.render(new))
    }

    @Test("an unchanged dossier keeps its PDF only beside the same HTML: another paper makes it anew")
    func pdfKeptOnlyForItsHTML() async throws {
        let folderFolder = try TemporaryFolder("files")
        defer { folderFolder.remove() }
        let folder = folderFolder.url
        let dossier = SampleDossiers.full()
        let pdf = folder.appendingPathComponent("dossier.pdf")
        _ = try await DossierFiles.write(dossier, formats: [.html], to: folder, paper: .a4, pdf: PDFRenderer(searchPath: ""))
        try Data("%PDF-1.4 laid out for A4".utf8).write(to: pdf)
        let same = try await DossierFiles.write(dossier, formats: [.html, .pdf], to: folder, paper: .a4, pdf: PDFRenderer(searchPath: ""),
                                                keepingExisting: true)
        #expect(same.pdfError == nil)
        #expect(try Data(contentsOf: pdf) == Data("%PDF-1.4 laid out for A4".utf8))
        // On Letter the HTML changes, so the A4 PDF is not kept; with no renderer it goes, and the reason is returned.
        let letter = try await DossierFiles.write(dossier, formats: [.html, .pdf], to: folder, paper: .letter,
                                                  pdf: PDFRenderer(searchPath: ""), keepingExisting: true)
        #expect(letter.pdfError == .noRenderer)
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
        #expect(try String(contentsOf: folder.appendingPathComponent("dossier.html"), encoding: .utf8).contains("@page{size:letter;"))
    }

    @Test("a renderer that cannot get a working folder is a PDF error: the other files are written and the old PDF goes")
    func pdfWithoutWorkspace() async throws {
        let folderFolder = try TemporaryFolder("files")
        defer { folderFolder.remove() }
        let folder = folderFolder.url
        let renderers = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: renderers, withIntermediateDirectories: true)
        let chromium = renderers.appendingPathComponent("chromium")
        try Data("#!/bin/sh\nexit 0\n".utf8).write(to: chromium)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: chromium.path)
        // A file where the working folder's parent should be: no folder can be made in it, as
        // in a full or read-only TMPDIR.
        let blocked = folder.appendingPathComponent("not-a-folder")
        try Data().write(to: blocked)
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("%PDF-1.4 of the previous dossier".utf8).write(to: output.appendingPathComponent("dossier.pdf"))

        let written = try await DossierFiles.write(SampleDossiers.full(), formats: [.md, .pdf], to: output,
                                                   paper: .a4, pdf: PDFRenderer(searchPath: renderers.path, workspace: blocked))
        guard case .noWorkspace = written.pdfError else {
            Issue.record("expected noWorkspace, got \(String(describing: written.pdfError))")
            return
        }
        #expect(written.files == [output.appendingPathComponent("dossier.md").path])
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["dossier.md"])
    }

    @Test("a build writes the formats it was asked for and reports a missing PDF renderer in the summary")
    func buildFormats() async throws {
        let homeFolder = try TemporaryFolder("formats")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let pipeline = BuildPipeline(
            config: DossierConfig(), paths: DossierPaths(environment: ["DOSSIER_HOME": home.path]),
            shippedSources: nil, environment: [:], logger: Logger(label: "test")
        )
        let out = home.appendingPathComponent("out")
        // Notes pasted by hand: something about her, offline.
        let notes = home.appendingPathComponent("sources")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try """
            about = "person"
            kind = "manual"
            subject = "Jane Doe"
            reader = "manual-text"
            text = "Jane Doe leads the robotics team at Acme, which she joined in 2019."
            """.write(to: notes.appendingPathComponent("90-notes.toml"), atomically: true, encoding: .utf8)
        let summary = try await pipeline.run(BuildRequest(
            subject: Subject(name: "Jane Doe"), outputRoot: out, formats: [.json, .txt, .pdf], offline: true,
            extraSourcesDirectory: notes
        ))
        let folder = out.appendingPathComponent("jane-doe")
        #expect(summary.files == [folder.appendingPathComponent("dossier.json").path, folder.appendingPathComponent("dossier.txt").path])
        #expect(summary.files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        #expect(summary.pdfError?.contains("apt-get install chromium") == true)
    }
}
