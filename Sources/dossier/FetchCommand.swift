import ArgumentParser
import DossierApp
import Foundation

/// `dossier fetch`: the fetcher on its own, for checking what a source answers.
struct FetchCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch URLs politely (robots.txt, per-host limits) and report what each answered.",
        discussion: """
        Prints one line per URL on stdout (or a JSON array with --json); with --out, also writes \
        each body to a file there. Only http(s) URLs: `dossier extract FILE` reads a saved page.

        Exit status: 0 when every URL was fetched or not modified, 1 when any failed, 64 on usage \
        errors (a file or a word instead of a URL), 66 when --urls cannot be read, 78 when \
        config.toml is broken, 130 after Ctrl-C.

        Examples:
          dossier fetch https://en.wikipedia.org/wiki/Ada_Lovelace
          dossier fetch --json --out pages/ https://example.org/
          dossier fetch --urls list.txt --out pages/
          dossier fetch --if-none-match '"abc"' https://example.org/  # 304: unchanged
        """
    )

    @Argument(help: "The http(s) URLs to fetch.")
    var urls: [String] = []

    @Option(name: .customLong("urls"), help: "A file with one URL per line (blank lines and # comments ignored).", completion: .file())
    var urlFile: String?

    @Option(help: "Write each body into this directory.", completion: .directory)
    var out: String?

    @Flag(help: "Print the results as a JSON array (stable keys, see README).")
    var json = false

    @Option(name: .customLong("if-none-match"), help: "Send this ETag as If-None-Match.")
    var etag: String?

    @Option(name: .customLong("if-modified-since"), help: "Send this HTTP date as If-Modified-Since.")
    var lastModified: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if urls.isEmpty && urlFile == nil {
            throw ValidationError("give at least one URL, or --urls FILE")
        }
        for url in urls {
            if let problem = Self.problem(with: url) { throw ValidationError(problem) }
        }
    }

    /// Why `argument` cannot be fetched: a file (which `dossier extract` reads), or not an
    /// http(s) URL with a host; nil for a URL.
    static func problem(with argument: String) -> String? {
        if let components = URLComponents(string: argument), let scheme = components.scheme?.lowercased(),
           scheme == "http" || scheme == "https", components.host?.isEmpty == false {
            return nil
        }
        if FileManager.default.fileExists(atPath: argument) {
            return "\(argument) is a file: `dossier fetch` takes http(s) URLs; read a file with `dossier extract \(argument)`"
        }
        return "'\(argument)' is not an http(s) URL such as https://example.org/ (`dossier extract FILE` reads a file)"
    }

    func run(in workspace: Workspace) async throws {
        var list = urls
        if let urlFile {
            let listed = try URLListFile.read(urlFile)
            if let bad = listed.first(where: { Self.problem(with: $0) != nil }) {
                throw AppError(.usage, "\(urlFile): '\(bad)' is not an http(s) URL such as https://example.org/")
            }
            list += listed
        }
        let progress = ProgressLine(total: list.count, label: "fetched", quiet: global.quiet)
        let tool = FetchTool(workspace: workspace)
        let (results, writeErrors) = try await Interruptible.run { [list, etag, lastModified, out] in
            try await tool.run(list, etag: etag, lastModified: lastModified, outputDirectory: out, progress: { progress.advance() })
        }
        progress.finish()
        for error in writeErrors { StandardError.write("error: \(error)") }
        if json {
            try StandardOutput.writeJSON(results)
        } else {
            StandardOutput.writeLines(results.lazy.map(\.line))
        }
        let failed = results.filter { $0.error != nil }.count
        if !global.quiet {
            StandardError.write("\(results.count - failed) of \(results.count) fetched, \(failed) failed")
        }
        if failed > 0 || !writeErrors.isEmpty { throw ExitCode.failure }
    }
}
