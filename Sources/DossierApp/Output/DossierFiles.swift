import AtomicFiles
import DossierCore
import Foundation

/// Writes a dossier in the chosen formats side by side in one folder (`dossier.md`,
/// `dossier.html`, `dossier.json`, `dossier.txt`, `dossier.pdf`).
///
/// Every file is first written complete beside its target; only when all of them are, and
/// the caller's `beforeReplacing` step (the store's commit) has succeeded, are they renamed into
/// place. A full disk or a failed commit therefore leaves the previous dossier as it was. The
/// caller holds the writer lock, so the folder has no other writer.
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

    /// Writes each of `formats`, the HTML and PDF laid out for `paper`; with `keepingExisting`, a file already there with the bytes it
    /// should have is left as it is (same modification time), and only missing or differing
    /// ones are written. An existing PDF is kept as it is (a renderer's bytes vary).
    public static func write(_ dossier: Dossier, formats: [OutputFormat], to folder: URL, paper: PaperSize, pdf: PDFRenderer,
                             keepingExisting: Bool = false,
                             beforeReplacing: () throws -> Void = {}) async throws -> Written {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.WriteError(path: folder.path, reason: "cannot create the folder: \(Self.whyNoFolder(folder, error))",
                                        code: Int32((error as NSError).code))
        }
        removeLeftoverTemporaries(in: folder)
        var written = Written(files: [], pdfError: nil)
        let html = HTMLRenderer.render(dossier, paper: paper)
        // The PDF, the one slow step, is rendered before anything is staged.
        var pdfBytes: Data?
        let pdfFile = folder.appendingPathComponent(OutputFormat.pdf.fileName)
        // A PDF is kept only beside the very HTML it was made from: another paper, say, makes it anew.
        let htmlFile = folder.appendingPathComponent(OutputFormat.html.fileName)
        let keptPDF = keepingExisting && FileManager.default.fileExists(atPath: pdfFile.path)
            && FileManager.default.contents(atPath: htmlFile.path) == Data(html.utf8)
        if formats.contains(.pdf) && !keptPDF {
            do {
                pdfBytes = try await pdf.pdf(html: html)
            } catch let error as PDFRenderer.RenderError {
                written.pdfError = error
            }
        }
        var staged: [AtomicFile.Staged] = []
        do {
            for format in OutputFormat.allCases where formats.contains(format) {
                let file = folder.appendingPathComponent(format.fileName)
                let bytes: Data
                switch format {
                case .md: bytes = Data(MarkdownRenderer.render(dossier).utf8)
                case .html: bytes = Data(html.utf8)
                case .json: bytes = try JSONRenderer.render(dossier)
                case .txt: bytes = Data(PlainTextRenderer.render(dossier).utf8)
                case .pdf:
                    guard let pdfBytes else {
                        if keptPDF { written.files.append(file.path) }
                        continue
                    }
                    bytes = pdfBytes
                }
                written.files.append(file.path)
                // Kept files keep their bytes and modification time, but only while they are the
                // dossier's: a file that differs (left by a run killed between storing the
                // dossier and renaming its files, or edited by hand) is written again.
                if keepingExisting && format != .pdf && FileManager.default.contents(atPath: file.path) == bytes { continue }
                staged.append(try AtomicFile.stage(bytes, toPath: file.path))
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
        // A new dossier (or a new layout) whose PDF could not be made must not sit beside the previous PDF.
        if !keptPDF && formats.contains(.pdf) && pdfBytes == nil {
            try? FileManager.default.removeItem(at: pdfFile)
        }
        return written
    }

    /// Why `folder` could not be created, in the user's terms: a file where a folder should be,
    /// a folder that may not be written, or the system's own reason.
    static func whyNoFolder(_ folder: URL, _ error: any Error) -> String {
        var ancestor = folder
        while ancestor.path != "/" {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder) {
                if !isFolder.boolValue { return "\(ancestor.path) is a file, not a folder" }
                if !FileManager.default.isWritableFile(atPath: ancestor.path) { return "\(ancestor.path) may not be written" }
                break
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedFailureReason ?? error.localizedDescription
    }

    /// Removes the temporary files of runs killed before renaming them (`.dossier.md.PID.N.tmp`).
    /// Safe because a build writes a person's folder only while holding the writer lock.
    private static func removeLeftoverTemporaries(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".dossier.") && name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
