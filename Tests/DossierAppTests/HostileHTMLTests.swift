@testable import DossierApp
import DossierCore
import DossierExtract
import DossierSchedule
import DossierTestSupport
import ExternalCommands
import Foundation
import Logging
import Testing

/// The HTML dossier of hostile web text opened in headless Chromium: nothing in it may run.
@Suite("hostile HTML in a browser", .serialized, .enabled(if: InstalledTools.chromiumAndPoppler, "needs chromium"))
struct HostileHTMLTests {
    /// Text that changes the page's title if any of it runs as script or loads as markup.
    static let attacks = [
        "<script>document.title='pwned-1'</script>",
        "<img src=x onerror=\"document.title='pwned-2'\">",
        "<svg onload=\"document.title='pwned-3'\"></svg>",
        "\"><script>document.title='pwned-4'</script>",
        "<a href=\"javascript:document.title='pwned-5'\">x</a>",
        "<style>body{background:url(javascript:alert(1))}</style><div style=\"width:expression(alert(1))\">",
        "\u{202E}gnp.exe \u{202D}" + String(repeating: "W", count: 5_000),
        "</title><script>document.title='pwned-6'</script>",
    ]

    private func domAfterScripts(of html: String) throws -> String {
        guard case .chromium(let executable) = PDFRenderer(searchPath: InstalledTools.searchPath).engine() else {
            Issue.record("no chromium")
            return ""
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("dossier.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        return try ProcessCommandRunner(path: "").run(ExternalCommand(executable, [
            "--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--virtual-time-budget=2000", "--dump-dom", file.absoluteString,
        ])).output
    }

    @Test("no script, handler, javascript: link or CSS expression from the web runs; the title stays the dossier's")
    func nothingRuns() throws {
        var dossier = SampleDossiers.hostile()
        dossier.mentions = Self.attacks.enumerated().map { CitedSentence(text: $1, source: 1 + $0 % max(dossier.sources.count, 1)) }
        dossier.profile = dossier.mentions.map { ProfileLine(label: "Bio", text: $0.text, source: $0.source) }
        dossier.sources[0].url = "javascript:document.title='pwned-7'"
        dossier.sources[0].title = "<script>document.title='pwned-8'</script>"
        let html = HTMLRenderer.render(dossier)
        let dom = try domAfterScripts(of: html)
        #expect(!dom.isEmpty, "chromium printed no DOM")
        // The dumped DOM shows web text as escaped text; an element or attribute made from it
        // would appear as markup, and a script that ran would have changed the title.
        let title = dom.range(of: "<title>").flatMap { start in
            dom.range(of: "</title>", range: start.upperBound..<dom.endIndex).map { String(dom[start.upperBound..<$0.lowerBound]) }
        }
        #expect(title?.hasPrefix("Jane") == true)
        #expect(title?.contains("pwned") == false, "a script ran: \(title ?? "")")
        #expect(!dom.contains("<script"), "no script element may come from the web")
        #expect(!dom.contains("<img"), "no image element may come from the web")
        #expect(!dom.contains("<svg"), "no svg element may come from the web")
        #expect(dom.range(of: #"<a [^>]*href="(?!https?:|#)"#, options: .regularExpression) == nil, "links are http(s) only")
    }
}
