import Foundation
import Testing

/// `dossier extract` on what users actually hand it (issue 14, point 23).
@Suite("extract on files that are not pages", .serialized)
struct ExtractCommandTests {
    @Test("a PDF, an image or binary data is a data error naming the file and what it is (exit 65), also in --batch")
    func binaryFiles() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        let pdf = dossier.home.appendingPathComponent("cv.pdf"), blob = dossier.home.appendingPathComponent("page.html")
        try Data("%PDF-1.7\n%\u{e2}\u{e3}\n1 0 obj\n".utf8).write(to: pdf)
        try Data([0x3C, 0x70, 0x3E, 0x00, 0x01, 0x02, 0xFF, 0x00]).write(to: blob)
        var result = try dossier(["extract", pdf.path])
        #expect(result.status == 65)
        #expect(result.errors.contains("error: \(pdf.path) is a PDF document: dossier extract reads HTML pages (and text)"))
        #expect(result.output.isEmpty)
        result = try dossier(["extract", blob.path, "--format", "json"])
        #expect(result.status == 65)
        #expect(result.errors.contains("\(blob.path) is binary data, not HTML or text"))
        result = try dossier(["extract", "--batch", "--out", dossier.home.appendingPathComponent("texts").path, pdf.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("\(pdf.path) is a PDF document"))
    }

    @Test("a gzip page is unpacked; a page with no main text is a warning; UTF-16 is text")
    func gzipAndEmpty() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        let page = dossier.home.appendingPathComponent("page.html")
        try "<html><body><p>Jane Doe leads the robotics team at Acme, which builds farm machines.</p></body></html>"
            .write(to: page, atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-k", page.path]
        try gzip.run()
        gzip.waitUntilExit()
        var result = try dossier(["extract", page.path + ".gz"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Jane Doe leads the robotics team at Acme"))

        let empty = dossier.home.appendingPathComponent("empty.html")
        try "<html><body><nav><a href='/'>Home</a></nav></body></html>".write(to: empty, atomically: true, encoding: .utf8)
        result = try dossier(["extract", empty.path])
        #expect(result.status == 0)
        #expect(result.errors.contains("warning: \(empty.path): no main text found"))

        let utf16 = dossier.home.appendingPathComponent("utf16.html")
        try "<html><body><p>Jane Doe leads the robotics team at Acme, which builds farm machines.</p></body></html>"
            .write(to: utf16, atomically: true, encoding: .utf16)
        result = try dossier(["extract", utf16.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Jane Doe leads the robotics team"))
    }
}
