import ArgumentParser
import DossierApp
import DossierCore
import Foundation

/// `dossier build`: the main job, from a name to a dossier on disk.
struct BuildCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the prep dossier of a person: discover, fetch, extract, store, summarize, render.",
        discussion: """
        Writes <output>/<slug>/dossier.md and dossier.html (or the formats chosen with --format: md, \
        html, json, txt, pdf) and prints their paths (a JSON report with --json). A page given with \
        --url stays among the dossier's inputs, for later builds and refreshes, until --remove-url; \
        one the dossier does not use is listed as skipped. The PDF is rendered \
        from the HTML by headless Chromium or WeasyPrint, whichever is installed. Sources come from Sources.d (see `dossier sources list`). The output folder is Output/ \
        when run inside the dossier repository, else $XDG_DATA_HOME/dossier/output.

        Exit status: 0 when the dossier was written (failed sources are listed as warnings), 1 when \
        the PDF could not be made (the other files are written), 64 on usage errors, 69 when \
        nothing about the person was found (no file is written; the last dossier stays), 73 when \
        the output or the store cannot be written (nothing changes), 75 when another dossier \
        process holds the store, 78 when config.toml, a bank or a source file is broken (a broken \
        source file is skipped: the dossier is built from the others, then the command exits 78).

        Examples:
          dossier build "Ada Lovelace"
          dossier build "Jane Doe" --company "Acme Robotics" --domain acme.example
          dossier build "Jane Doe" --url https://acme.example/team/jane --json
          dossier build "Jane Doe" --format md,html,pdf
          dossier build "Jane Doe" --offline     # from the store, no network
        """
    )

    @Argument(help: "The person's name, as you would write it.")
    var name: String

    @Option(help: "Their company, to tell them apart from namesakes.")
    var company: String?

    @Option(help: "The company's web domain (e.g. acme.example).")
    var domain: String?

    @Option(name: .customLong("url"), help: "An extra page about them, kept for later builds and refreshes (repeatable).")
    var urls: [String] = []

    @Option(name: .customLong("remove-url"), help: "A page given with --url before, no longer to be read (repeatable).")
    var removedURLs: [String] = []

    @Option(help: "The folder to write into (default: Output/ in the repository, else the data folder).", completion: .directory)
    var output: String?

    @OptionGroup var format: FormatOptions

    @Option(help: "The paper to lay the dossier out for, a4 or letter (default: [print] paper in the config, else the locale's).")
    var paper: PaperSize?

    @Flag(help: "Rebuild from the store without network.")
    var offline = false

    @Flag(help: "Print a JSON report instead of the paths.")
    var json = false

    @Option(name: .customLong("sources"), help: "A directory of extra source files, read last.", completion: .directory)
    var sourcesDirectory: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        do {
            try NameInput.validate(name)
        } catch {
            throw ValidationError(error.message)
        }
        for url in urls {
            let scheme = URLComponents(string: url)?.scheme?.lowercased()
            guard scheme == "http" || scheme == "https" else { throw ValidationError("--url \(url): only http(s) URLs") }
        }
        if let domain, domain.contains("/") || domain.contains(" ") {
            throw ValidationError("--domain takes a host name such as acme.example, not \(domain)")
        }
    }

    func run(in workspace: Workspace) async throws {
        let subject = Subject(
            name: name.trimmingCharacters(in: .whitespacesAndNewlines), company: company, domain: domain, extraURLs: urls
        )
        if !offline && !global.quiet && ContactHint.isDue(config: workspace.config, paths: workspace.paths) {
            StandardError.write("note: " + ContactHint.advice)
        }
        let status = StatusLine(quiet: global.quiet)
        let pipeline = workspace.pipeline(progress: { status.show($0) })
        let request = BuildRequest(
            subject: subject, outputRoot: output.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? workspace.outputRoot,
            formats: format.formats, offline: offline,
            extraSourcesDirectory: sourcesDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }, removedURLs: removedURLs,
            paper: paper
        )
        let summary = try await Interruptible.run { try await pipeline.run(request) }
        status.finish()
        let kept = summary.extraURLs.filter { !urls.contains($0) }
        if !global.quiet && !kept.isEmpty {
            StandardError.write("note: also read, as given with --url before (drop one with --remove-url URL): " + kept.joined(separator: ", "))
        }
        if json {
            try StandardOutput.writeJSON(summary)
        } else if !summary.foundNothing {
            for file in summary.files { print(file) }
        }
        if !global.quiet && !summary.failures.isEmpty {
            StandardError.write("warning: \(summary.failures.count) source request(s) failed:")
            for failure in summary.failures.prefix(20) {
                StandardError.write("  \(failure.sourceName): \(failure.url ?? "") — \(failure.category?.rawValue ?? ""): \(failure.message ?? "")")
            }
        }
        if summary.foundNothing { throw AppError(.unavailable, summary.foundNothingMessage) }
        if !global.quiet, let warning = workspace.staleRefreshWarning() { StandardError.write("warning: \(warning)") }
        try summary.failIfIncomplete()
    }
}

extension BuildSummary {
    /// Ends a build whose dossier was written, but not from everything it should have been: a
    /// broken source file (each printed as an error, then exit 78; the dossier is built from the
    /// other files), or a PDF asked for that could not be made (exit 1; the other files were).
    /// Their paths are printed before.
    func failIfIncomplete() throws {
        for error in sourceFileErrors { StandardError.write("error: \(error)") }
        if !sourceFileErrors.isEmpty {
            throw AppError(.configuration, "\(sourceFileErrors.count) source file(s) could not be loaded; "
                + "the dossier was built from the others (see `dossier sources list`)")
        }
        guard let pdfError else { return }
        throw AppError(.failure, pdfError)
    }
}
