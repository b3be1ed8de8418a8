import ArgumentParser
import DossierApp
import Foundation

/// `dossier demo`: the whole pipeline on a fictional person, offline.
struct DemoCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the dossier of a fictional person from pages served on loopback (no network needed).",
        discussion: """
        Serves a small web written for this repository (Mara Quintero of Fernhill Robotics: the company \
        site, a news feed, a press release, a magazine interview and a search answer) on 127.0.0.1 and \
        builds her dossier through the same pipeline as `dossier build`. The other shipped sources \
        (Wikipedia, Wikidata, …) reach the same server and are reported as having nothing (404). The \
        demo keeps its store in a temporary folder; the dossier goes to the usual output folder, \
        where `dossier print "Mara Quintero"` prints it. Her pages exist only while the demo runs: \
        a later `dossier build` or `refresh` of her finds nothing and leaves the demo's files as \
        they are.

        Exit status: 0 when the dossier was written, 1 when the PDF could not be made, 64 on usage \
        errors, 69 when the demo site cannot be served, 73 when the output cannot be written, 78 \
        when a shipped source or bank file is broken (the dossier is built from the other files).

        Examples:
          dossier demo
          dossier demo --output /tmp/demo --json
          dossier demo --format md,html,json,txt,pdf
        """
    )

    @Option(help: "The folder to write into (default: as for `dossier build`).", completion: .directory)
    var output: String?

    @OptionGroup var format: FormatOptions

    @Flag(help: "Print the JSON report instead of the paths.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run(in workspace: Workspace) async throws {
        let status = StatusLine(quiet: global.quiet)
        let summary = try await DemoRun(workspace: workspace).run(
            outputRoot: output.map { URL(fileURLWithPath: $0, isDirectory: true) }, formats: format.formats,
            progress: { status.show($0) })
        status.finish()
        if json {
            try StandardOutput.writeJSON(summary)
        } else {
            for file in summary.files { print(file) }
        }
        try summary.failIfIncomplete()
    }
}
