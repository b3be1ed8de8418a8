import ArgumentParser
import DossierKit
import DossierStore
import Foundation

/// `dossier build`: the main job, from a name to a dossier on disk.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the prep dossier of a person: discover, fetch, extract, store, summarize, render.",
        discussion: """
        Writes <output>/<slug>/dossier.md and dossier.html (or the formats chosen with --format: md, \
        html, json, txt, pdf) and prints their paths (a JSON report with --json). The PDF is rendered \
        from the HTML by headless Chromium or WeasyPrint, whichever is installed. Sources come from Sources.d (see `dossier sources list`). The output folder is Output/ \
        when run inside the dossier repository, else $XDG_DATA_HOME/dossier/output.

        Exit status: 0 when the dossier was written (failed sources are listed as warnings), 69 when \
        nothing about the person was found (no file is written; the last dossier stays), 1 when the PDF could not be rendered (the other files are written), 64 on \
        usage errors, 75 when another dossier process holds the store.

        Examples:
          dossier build "Ada Lovelace"
          dossier build "Jane Doe" --company "Acme Robotics" --domain acme.example
          dossier build "Jane Doe" --url https://acme.example/team/jane --json
          dossier build "Jane Doe" --format md,html,pdf
          dossier build "Jane Doe" --offline          # re-render from the store, no network
        """
    )

    @Argument(help: "The person's name, as you would write it.")
    var name: String

    @Option(help: "Their company, to tell them apart from namesakes.")
    var company: String?

    @Option(help: "The company's web domain (e.g. acme.example).")
    var domain: String?

    @Option(name: .customLong("url"), help: "An extra page about them to include (repeatable).")
    var urls: [String] = []

    @Option(help: "The folder to write into (default: Output/ in the repository, else the data folder).")
    var output: String?

    @OptionGroup var format: FormatOptions

    @Flag(help: "Rebuild from the store without network.")
    var offline = false

    @Flag(help: "Print a JSON report instead of the paths.")
    var json = false

    @Option(name: .customLong("sources"), help: "A directory of extra source files, read last.")
    var sourcesDirectory: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try PersonName.validate(name)
        for url in urls {
            let scheme = URLComponents(string: url)?.scheme?.lowercased()
            guard scheme == "http" || scheme == "https" else { throw ValidationError("--url \(url): only http(s) URLs") }
        }
        if let domain, domain.contains("/") || domain.contains(" ") {
            throw ValidationError("--domain takes a host name such as acme.example, not \(domain)")
        }
    }

    func run() async throws {
        let environment = try global.loadEnvironment()
        let subject = Subject(
            name: name.trimmingCharacters(in: .whitespacesAndNewlines), company: company, domain: domain, extraURLs: urls
        )
        let outputRoot = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? OutputLocation.defaultRoot(paths: environment.paths)
        if !offline && !global.quiet && ContactHint.isDue(config: environment.config, paths: environment.paths) {
            StandardError.write("note: " + UserAgent.contactAdvice)
        }
        let status = StatusLine(quiet: global.quiet)
        let pipeline = PipelineRunner.pipeline(environment: environment, progress: { status.show($0) })
        let request = BuildRequest(
            subject: subject, outputRoot: outputRoot, formats: format.formats, offline: offline,
            extraSourcesDirectory: sourcesDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }
        )
        let summary = try await PipelineRunner.run(pipeline, request)
        status.finish()
        for error in summary.sourceFileErrors { StandardError.write("warning: \(error)") }
        if json {
            try StandardOutput.writeJSON(summary)
        } else if !summary.foundNothing {
            for file in summary.files { print(file) }
        }
        if !global.quiet && !summary.failures.isEmpty {
            StandardError.write("warning: \(summary.failures.count) source request(s) failed:")
            for failure in summary.failures.prefix(20) {
                StandardError.write("  \(failure.sourceName): \(failure.url ?? "") — \(failure.category ?? ""): \(failure.message ?? "")")
            }
        }
        if summary.foundNothing {
            let failed = summary.failures.count
            let skipped = summary.outcomes.filter { $0.kind == .skipped }.count
            StandardError.write("error: found nothing about \(subject.name) (\(failed) request(s) failed, \(skipped) page(s) were "
                + "about someone else); " + (summary.files.isEmpty ? "no dossier was written"
                    : "the last dossier stays as it was: \(URL(fileURLWithPath: summary.files[0]).deletingLastPathComponent().path)"))
            throw ExitCode(69)  // EX_UNAVAILABLE
        }
        RefreshReminder.warnIfStale(environment: environment, quiet: global.quiet)
        try summary.failIfPDFMissing()
    }
}

extension BuildSummary {
    /// Reports the PDF that was asked for but not written, after the other files were
    /// printed, and fails the command (exit 1).
    func failIfPDFMissing() throws {
        guard let pdfError else { return }
        StandardError.write("error: \(pdfError)")
        throw ExitCode.failure
    }
}
