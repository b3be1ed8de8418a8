import ArgumentParser
import DossierKit
import Foundation
import LoopbackServer

/// `dossier demo`: the whole pipeline on a fictional person, offline.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the dossier of a fictional person from pages served on loopback (no network needed).",
        discussion: """
        Serves a small web written for this repository (Mara Quintero of Fernhill Robotics: the company \
        site, a news feed, a press release, a magazine interview and a search answer) on 127.0.0.1 and \
        builds her dossier through the same pipeline as `dossier build`. The other shipped sources \
        (Wikipedia, Wikidata, …) reach the same server and are reported as having nothing (404). The \
        demo keeps its store in a temporary folder; the dossier goes to the usual output folder.

        Examples:
          dossier demo
          dossier demo --output /tmp/demo --json
          dossier demo --format md,html,json,txt,pdf
        """
    )

    @Option(help: "The folder to write into (default: as for `dossier build`).")
    var output: String?

    @OptionGroup var format: FormatOptions

    @Flag(help: "Print the JSON report instead of the paths.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = try global.loadEnvironment()
        let server = try LoopbackServer { request in
            guard let page = DemoSite.page(forTarget: request.target) else { return .notFound }
            return .ok(page.body, contentType: page.contentType)
        }
        defer { server.stop() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-demo-\(getpid())")
        defer { try? FileManager.default.removeItem(at: home) }
        let status = StatusLine(quiet: global.quiet)
        let pipeline = BuildPipeline(
            config: DemoSite.config(serverBase: server.baseURL),
            paths: DossierPaths(environment: ["DOSSIER_HOME": home.path]),
            shippedSources: SourceCatalog.shippedDirectory(executablePath: CommandLine.arguments[0]),
            // No keys or settings from the environment; only PATH, to find a PDF renderer.
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""], logger: environment.logger,
            progress: { status.show($0) }
        )
        let outputRoot = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? OutputLocation.defaultRoot(paths: environment.paths)
        let summary = try await pipeline.run(BuildRequest(
            subject: DemoSite.subject, outputRoot: outputRoot, formats: format.formats
        ))
        status.finish()
        if json {
            try StandardOutput.writeJSON(summary)
        } else {
            for file in summary.files { print(file) }
        }
        try summary.failIfPDFMissing()
    }
}
