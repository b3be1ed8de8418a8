import ArgumentParser
import DossierFetch
import DossierKit
import Foundation
import Synchronization
import Locking

/// `dossier fetch`: the fetcher on its own, for checking what a source answers.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch URLs politely (robots.txt, per-host limits) and report what each answered.",
        discussion: """
        Prints one line per URL on stdout (or a JSON array with --json); with --out, also writes \
        each body to a file there. Exits 1 when any URL failed.

        Examples:
          dossier fetch https://en.wikipedia.org/wiki/Ada_Lovelace
          dossier fetch --json --out pages/ https://example.org/ https://example.org/about
          dossier fetch --urls list.txt --out pages/
          dossier fetch --if-none-match '"abc"' https://example.org/   # conditional: 304 → not modified
        """
    )

    @Argument(help: "The http(s) URLs to fetch.")
    var urls: [String] = []

    @Option(name: .customLong("urls"), help: "A file with one URL per line (blank lines and # comments ignored).")
    var urlFile: String?

    @Option(help: "Write each body into this directory.")
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
    }

    func run() async throws {
        let environment = try global.loadEnvironment()
        var list = urls
        if let urlFile {
            list += try URLListFile.read(urlFile)
        }
        let validators = Validators(etag: etag, lastModified: lastModified)
        let requests = list.map { FetchRequest(url: $0, validators: validators) }
        // Opened (and created) once; the report names files by absolute path, as URL resolves it.
        let outputDirectory = try out.map {
            try AtomicFile.Directory(creatingIfNeeded: URL(fileURLWithPath: $0, isDirectory: true).path)
        }
        let progress = ProgressLine(total: requests.count, label: "fetched", quiet: global.quiet)
        let policy = FetchPolicy(config: environment.config)
        let reports = Locked([FetchReport?](repeating: nil, count: requests.count))
        let writeErrors = Locked<[String]>([])
        try await Interruptible.run {
            await CurlMultiEngine.run(maximumConnections: policy.maximumConcurrency) { engine in
                await Fetcher(engine: engine, policy: policy, logger: environment.logger).fetchEach(requests) { index, result in
                    var file: String?
                    if let outputDirectory, case .fetched = result.outcome {
                        let name = BodyFileName.make(for: result)
                        do {
                            try outputDirectory.write(result.body, name: name)
                            file = outputDirectory.path(of: name)
                        } catch {
                            writeErrors.withLock { $0.append("\(error)") }
                        }
                    }
                    reports.withLock { $0[index] = FetchReport(result, file: file) }
                    progress.advance()
                }
            }
        }
        progress.finish()
        for error in writeErrors.withLock({ $0 }) { StandardError.write("error: \(error)") }
        let results = reports.withLock { $0.map { $0! } }
        if json {
            try StandardOutput.writeJSON(results)
        } else {
            StandardOutput.writeLines(results.lazy.map(\.line))
        }
        let failed = results.filter { $0.error != nil }.count
        if !global.quiet {
            StandardError.write("\(results.count - failed) of \(results.count) fetched, \(failed) failed")
        }
        if failed > 0 || !writeErrors.withLock(\.isEmpty) { throw ExitCode.failure }
    }
}
