import Foundation

/// Writes a dossier in the chosen formats side by side in one folder (`dossier.md`,
/// `dossier.html`, `dossier.json`, `dossier.txt`, `dossier.pdf`).
///
/// Every file is first written complete beside its target; only when all of them are, and
/// the caller's `beforeReplacing` step (the store's commit) has succeeded, are they renamed into
/// place. A full disk or a failed commit therefore leaves the previous dossier as it was.
///
/// The PDF is rendered from the same HTML: when it cannot be (no renderer, a renderer
/// failure), the other files are still written and the reason is returned rather than
/// thrown. Disk errors are thrown.
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
                             keepingExisting: Bool = false,
                             beforeReplacing: () throws -> Void = {}) async throws -> Written {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.WriteError(path: folder.path, reason: "cannot create the folder: \((error as NSError).localizedDescription)",
                                        code: Int32((error as NSError).code))
        }
        var written = Written(files: [], pdfError: nil)
        var staged: [AtomicFile.Staged] = []
        do {
            let html = HTMLRenderer.render(dossier)
            for format in OutputFormat.allCases where formats.contains(format) {
                let file = folder.appendingPathComponent(format.fileName)
                if keepingExisting && FileManager.default.fileExists(atPath: file.path) {
                    written.files.append(file.path)
                    continue
                }
                let bytes: Data
                switch format {
                case .md: bytes = Data(MarkdownRenderer.render(dossier).utf8)
                case .html: bytes = Data(html.utf8)
                case .json: bytes = try JSONRenderer.render(dossier)
                case .txt: bytes = Data(PlainTextRenderer.render(dossier).utf8)
                case .pdf:
                    do {
                        bytes = try await pdf.pdf(html: html)
                    } catch let error as PDFRenderer.RenderError {
                        written.pdfError = error
                        continue
                    }
                }
                staged.append(try AtomicFile.stage(bytes, toPath: file.path))
                written.files.append(file.path)
            }
            try beforeReplacing()
        } catch {
            for file in staged { file.discard() }
            throw error
        }
        for (index, file) in staged.enumerated() {
            do {
                try file.replaceTarget()
            } catch {
                for rest in staged[(index + 1)...] { rest.discard() }
                throw error
            }
        }
        return written
    }
}
