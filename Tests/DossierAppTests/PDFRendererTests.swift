@testable import DossierApp
import DossierCore
import DossierExtract
import DossierSchedule
import DossierTestSupport
import ExternalCommands
import Foundation
import Logging
import Testing

@Suite("PDF rendering")
struct PDFRendererTests {
    /// A folder of fake renderer programs (shell scripts), removed by the caller.
    private func fakeRenderers(_ scripts: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-fake-renderers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, body) in scripts {
            let file = folder.appendingPathComponent(name)
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        return folder
    }

    private func temporaryTarget() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pdf-test-\(UUID().uuidString).pdf")
    }

    @Test("with no renderer on the search path, rendering throws an error that names what to install")
    func noRenderer() async throws {
        let target = temporaryTarget()
        let renderer = PDFRenderer(searchPath: "")
        #expect(renderer.engine() == nil)
        await #expect(throws: PDFRenderer.RenderError.noRenderer) {
            try await renderer.render(html: "<p>x</p>", to: target)
        }
        let message = "\(PDFRenderer.RenderError.noRenderer)"
        #expect(message.contains("apt-get install chromium"))
        #expect(message.contains("pip install weasyprint"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test("Chromium is preferred to WeasyPrint; relative and missing folders on the path are ignored")
    func engineChoice() throws {
        let both = try fakeRenderers(["weasyprint": "exit 0", "google-chrome": "exit 0"])
        let weasyOnly = try fakeRenderers(["weasyprint": "exit 0"])
        defer {
            try? FileManager.default.removeItem(at: both)
            try? FileManager.default.removeItem(at: weasyOnly)
        }
        let chrome = both.appendingPathComponent("google-chrome").path
        #expect(PDFRenderer(searchPath: "relative:/nonexistent:\(both.path)").engine() == .chromium(executable: chrome))
        #expect(PDFRenderer(searchPath: "\(weasyOnly.path):").engine()
            == .weasyprint(executable: weasyOnly.appendingPathComponent("weasyprint").path))
        #expect(PDFRenderer(environment: ["PATH": both.path]).engine() == .chromium(executable: chrome))
    }

    @Test("the renderer's PDF replaces the target; a failing renderer is reported with its message and leaves no file")
    func fakeWeasyPrint() async throws {
        let working = try fakeRenderers(["weasyprint": "grep -q '<h1>Elena' \"$1\" && printf '%%PDF-1.7 fake' > \"$2\""])
        let failing = try fakeRenderers(["weasyprint": "echo 'cannot load font' >&2; exit 3"])
        let silent = try fakeRenderers(["weasyprint": "exit 0"])
        let target = temporaryTarget()
        defer {
            for folder in [working, failing, silent] { try? FileManager.default.removeItem(at: folder) }
            try? FileManager.default.removeItem(at: target)
        }
        let html = HTMLRenderer.render(SampleDossiers.full())
        try await PDFRenderer(searchPath: working.path).render(html: html, to: target)
        #expect(try Data(contentsOf: target) == Data("%PDF-1.7 fake".utf8))
        try FileManager.default.removeItem(at: target)

        await #expect(throws: PDFRenderer.RenderError.failed(renderer: "weasyprint", status: 3, detail: "cannot load font")) {
            try await PDFRenderer(searchPath: failing.path).render(html: html, to: target)
        }
        await #expect(throws: PDFRenderer.RenderError.noOutput(renderer: "weasyprint", detail: "")) {
            try await PDFRenderer(searchPath: silent.path).render(html: html, to: target)
        }
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test("a renderer that runs past the time limit is killed and reported")
    func timeLimit() async throws {
        let hanging = try fakeRenderers(["chromium": "exec sleep 30"])
        let target = temporaryTarget()
        defer { try? FileManager.default.removeItem(at: hanging) }
        let renderer = PDFRenderer(searchPath: hanging.path, timeLimit: .milliseconds(200))
        await #expect(throws: PDFRenderer.RenderError.timedOut(renderer: "chromium", limit: .milliseconds(200))) {
            try await renderer.render(html: "<p>x</p>", to: target)
        }
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }
}

/// Chromium and poppler's tools as installed on this machine, for the layout tests.
enum InstalledTools {
    static let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""

    static var chromiumAndPoppler: Bool {
        guard case .chromium = PDFRenderer(searchPath: searchPath).engine() else { return false }
        return ["pdfinfo", "pdftotext"].allSatisfy { tool(named: $0) != nil }
    }

    static func tool(named name: String) -> String? {
        ProcessCommandRunner(path: searchPath).locate(name)
    }

    /// The standard output of an installed tool, which must succeed.
    static func output(of tool: String, _ arguments: [String]) throws -> String {
        let result = try ProcessCommandRunner(path: searchPath).run(ExternalCommand(tool, arguments))
        #expect(result.succeeded, "\(tool): \(result.errorOutput)")
        return result.output
    }
}

/// Renders the full sample dossier with the Chromium installed on this machine and reads
/// the PDF back with poppler's tools; skipped where either is missing.
@Suite("PDF layout with Chromium", .serialized,
       .enabled(if: InstalledTools.chromiumAndPoppler, "needs chromium and poppler-utils (pdfinfo, pdftotext) on PATH"))
struct ChromiumLayoutTests {
    @Test("the dossier proper fits on two pages of A4 and of Letter with its notes, and Sources start on the next page",
          arguments: ["auto", "A4", "letter"], [0, 4])
    func twoPages(paperSize: String, extraSentences: Int) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("dossier.pdf")
        var dossier = SampleDossiers.full()
        dossier.mentions += Array(dossier.companyProfile.sentences.prefix(extraSentences))
        let html = HTMLRenderer.render(dossier)
            .replacingOccurrences(of: "@page{size:auto;", with: "@page{size:\(paperSize);")
        try await PDFRenderer(searchPath: InstalledTools.searchPath, timeLimit: .seconds(60)).render(html: html, to: target)

        let info = try InstalledTools.output(of: "pdfinfo", [target.path])
        let pages = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) })
        let text = try InstalledTools.output(of: "pdftotext", ["-layout", target.path, "-"])
        let pageTexts = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        func firstPage(withLine line: String) -> Int? {
            pageTexts.firstIndex { $0.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == line } }
                .map { $0 + 1 }
        }
        let sourcesPage = try #require(firstPage(withLine: "Sources"))
        #expect(sourcesPage <= 3, "Sources start on page \(sourcesPage) of \(pages)")
        #expect(pages >= sourcesPage)
        if html.contains("<h2>Notes</h2>") {
            let notesPage = try #require(firstPage(withLine: "Notes"))
            #expect(notesPage < sourcesPage)
        }
        #expect(pageTexts[0].contains("Elena Marsh"))
        #expect(text.contains("Who else should I talk to to learn more about data work in shipping?"))
    }
}
