import Foundation

/// Writes a dossier in the chosen formats side by side in one folder (`dossier.md`,
/// `dossier.html`, `dossier.json`, `dossier.txt`, `dossier.pdf`), each file atomically.
///
/// The PDF comes last, from the same HTML: when it cannot be rendered (no renderer, a
/// renderer failure), the other files are already written and the reason is returned
/// rather than thrown. Disk errors are thrown.
public enum DossierFiles {
    /// What was written, in the order of `OutputFormat.allCases`.
    public struct Written: Sendable, Equatable {
        /// Paths of the files written.
        public var files: [String]
        /// Why the PDF asked for was not written.
        public var pdfError: PDFRenderer.RenderError?
    }

    /// Writes each of `formats`; with `keepingExisting`, a file already there is left as it
    /// is (same bytes, same modification time) and only missing ones are written.
    public static func write(_ dossier: Dossier, formats: [OutputFormat], to folder: URL, pdf: PDFRenderer,
                             keepingExisting: Bool = false) async throws -> Written {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.WriteError(path: folder.path, reason: "cannot create the folder: \((error as NSError).localizedDescription)",
                                        code: Int32((error as NSError).code))
        }
        var written = Written(files: [], pdfError: nil)
        let html = HTMLRenderer.render(dossier)
        for format in OutputFormat.allCases where formats.contains(format) {
            let file = folder.appendingPathComponent(format.fileName)
            if keepingExisting && FileManager.default.fileExists(atPath: file.path) {
                written.files.append(file.path)
                continue
            }
            switch format {
            case .md: try AtomicFile.write(Data(MarkdownRenderer.render(dossier).utf8), to: file)
            case .html: try AtomicFile.write(Data(html.utf8), to: file)
            case .json: try AtomicFile.write(try JSONRenderer.render(dossier), to: file)
            case .txt: try AtomicFile.write(Data(PlainTextRenderer.render(dossier).utf8), to: file)
            case .pdf:
                do {
                    try await pdf.render(html: html, to: file)
                } catch let error as PDFRenderer.RenderError {
                    written.pdfError = error
                    continue
                }
            }
            written.files.append(file.path)
        }
        return written
    }
}
