import DossierCore
import ExternalCommands
import Foundation

/// `dossier print`: the dossier in a person's folder, as a PDF (through the installed renderer)
/// and, if asked, on paper (through `lp`). The PDF is made from the `dossier.html` beside it, so
/// it shows what the other files show, whichever command wrote them (a build, a refresh, the
/// demo, whose store is temporary); without that file, from the dossier last stored.
public struct DossierPrinter: Sendable {
    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Renders the dossier of the person meant to `target` (default: `dossier.pdf` beside it) and
    /// returns the file, on `paper` when given (else as the HTML was laid out). No dossier in the
    /// folder nor in the store is exit 66, no renderer 69.
    public func pdf(for reference: MeetingReference, to target: URL?, paper: PaperSize? = nil) async throws(AppError) -> URL {
        let book = MeetingBook(workspace: workspace)
        let slug = try book.slug(of: reference)
        let folder = workspace.folder(slug: slug)
        let html: String
        if let written = FileManager.default.contents(atPath: folder.appendingPathComponent(OutputFormat.html.fileName).path) {
            html = String(decoding: written, as: UTF8.self)
        } else {
            let json = try workspace.readingStore { store in
                try store.person(slug: slug).flatMap { try store.dossierVersion(personID: $0.id!) }?.json
            }
            guard let json, let dossier = try? JSONRenderer.decode(Data(json.utf8)) else {
                throw AppError(.noInput, "no dossier built for \(reference.text) yet (nothing in \(folder.path)); "
                    + "run `dossier build \"\(reference.text)\"` first")
            }
            html = HTMLRenderer.render(dossier, paper: paper ?? workspace.config.paper(environment: workspace.environment))
        }
        let file = target ?? folder.appendingPathComponent(OutputFormat.pdf.fileName)
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try await PDFRenderer(environment: workspace.environment).render(html: paper.map { HTMLRenderer.resized(html, to: $0) } ?? html, to: file)
        } catch {
            throw AppError(error)
        }
        return file
    }

    /// Sends `file` to `printer` with `lp -d`; no `lp` is exit 69.
    public func send(_ file: URL, to printer: String) throws(AppError) {
        let commands = workspace.commands
        guard commands.locate("lp") != nil else {
            throw AppError(.unavailable, "no `lp` to print with; install CUPS (apt-get install cups-client)")
        }
        let result: CommandResult
        do {
            result = try commands.run(ExternalCommand("lp", ["-d", printer, "--", file.path]))
        } catch {
            throw AppError(.failure, "cannot run lp: \(error)")
        }
        guard result.succeeded else {
            throw AppError(.failure, "lp -d \(printer) failed with status \(result.status)"
                + (result.errorOutput.isEmpty ? "" : ": \(result.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines))"))
        }
    }
}
