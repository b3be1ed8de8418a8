import DossierCore
import ExternalCommands
import Foundation

/// `dossier print`: the last dossier built for a person, as a PDF (through the installed
/// renderer) and, if asked, on paper (through `lp`).
public struct DossierPrinter: Sendable {
    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Renders the stored dossier of the person meant to `target` (default: `dossier.pdf` beside
    /// it) and returns the file. No dossier built yet is exit 66, no renderer 69.
    public func pdf(for reference: MeetingReference, to target: URL?) async throws(AppError) -> URL {
        let book = MeetingBook(workspace: workspace)
        let slug = try book.slug(of: reference)
        let json = try workspace.readingStore { store in
            try store.person(slug: slug).flatMap { try store.dossierVersion(personID: $0.id!) }?.json
        }
        guard let json, let dossier = try? JSONRenderer.decode(Data(json.utf8)) else {
            throw AppError(.noInput, "no dossier built for \(reference.text) yet; run `dossier build \"\(reference.text)\"` first")
        }
        let file = target ?? workspace.folder(slug: slug).appendingPathComponent("dossier.pdf")
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try await PDFRenderer(environment: workspace.environment).render(html: HTMLRenderer.render(dossier), to: file)
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
