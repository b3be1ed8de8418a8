import DossierApp
import Foundation
import LoopbackServer
import Testing

/// The first steps of a new user, as issue 14 tried them: the demo, printing it, building the
/// same person without network, a meeting and a refresh. Nothing the demo wrote may be lost.
@Suite("from the demo on, without network", .serialized)
struct DemoJourneyTests {
    /// A fake Chromium that "prints" the HTML it is given: a PDF header followed by the HTML, so
    /// a test can tell which HTML was printed.
    static func installFakeChromium(_ dossier: inout DossierRun) throws {
        try dossier.install(script: "chromium", """
        for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file://*) in="${a#file://}";; esac; done
        { printf '%%PDF-1.4\\n'; cat "$in"; } > "$out"
        """)
    }

    @Test("demo; print; build with no network; meeting add; refresh: exit 69, then a kept dossier; the demo's files keep their bytes and times")
    func demoThenNoNetwork() throws {
        var dossier = try DossierRun()
        defer { dossier.remove() }
        try Self.installFakeChromium(&dossier)
        var result = try dossier(["demo", "--quiet"])
        #expect(result.status == 0, "\(result.errors)")
        let folder = dossier.home.appendingPathComponent("output/mara-quintero")
        let markdown = folder.appendingPathComponent("dossier.md"), html = folder.appendingPathComponent("dossier.html")
        let demoFiles = try [markdown, html].map { try Data(contentsOf: $0) }
        let demoTimes = try [markdown, html].map { try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date }

        // Point 2: the demo's dossier prints, from the HTML beside it.
        result = try dossier(["print", "Mara Quintero"])
        #expect(result.status == 0, "\(result.errors)")
        let pdf = try Data(contentsOf: folder.appendingPathComponent("dossier.pdf"))
        #expect(pdf == Data("%PDF-1.4\n".utf8) + demoFiles[1])

        // Point 1: no network from here on (every host sent to a closed port).
        let closed = try LoopbackServer { _ in .notFound }
        closed.stop()
        try dossier.useDemoWeb(closed, network: ["retries = 0"])
        result = try dossier(["build", "Mara Quintero"])
        #expect(result.status == 69)
        #expect(result.errors.contains("the last dossier stays as it was: \(folder.path)"))
        #expect(result.output.isEmpty, "no path printed for files not written")

        let tomorrow = ISO8601DateFormatter().string(from: Date().addingTimeInterval(86_400))
        result = try dossier(["meeting", "add", "Mara Quintero", "--at", tomorrow])
        #expect(result.status == 0, "\(result.errors)")
        result = try dossier(["refresh"])
        #expect(result.status == 1)
        #expect(result.output.contains("Mara Quintero: kept the last good dossier"))
        #expect(try [markdown, html].map { try Data(contentsOf: $0) } == demoFiles)
        #expect(try [markdown, html].map { try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date } == demoTimes)

        // The PDF printed again still matches the files beside it.
        result = try dossier(["print", "Mara Quintero"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("dossier.pdf")) == Data("%PDF-1.4\n".utf8) + demoFiles[1])
    }
}
