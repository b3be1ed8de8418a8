import ArgumentParser
import DossierApp
import DossierDiscover
import Foundation

/// `dossier sources`: what the `Sources.d` directories define.
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Show the sources dossier asks, as the Sources.d directories define them.",
        discussion: """
        Sources are drop-in TOML files read from the shipped Sources.d, then \
        $XDG_CONFIG_HOME/dossier/sources.d (under $DOSSIER_HOME/config when set), then --sources DIR; \
        a later file of the same name replaces an earlier one and an empty file masks it. \
        Sources.d/README.md documents the format.

        Examples:
          dossier sources list
          dossier sources check
        """,
        subcommands: [List.self, Check.self]
    )

    static func warnWithoutShippedSources(_ workspace: Workspace, quiet: Bool) {
        if workspace.shippedSources == nil && !quiet {
            StandardError.write("warning: no shipped Sources.d found; set DOSSIER_SOURCES_DIR to point at one")
        }
    }

    /// The catalog from the shipped, the user's and the `--sources` directories.
    struct Check: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask each enabled source a sample query and print its status and latency.",
            discussion: """
            Expands each enabled source's URL template with sample values and fetches it through the \
            fetcher (robots.txt, rewrites and limits apply). A source whose template needs a value the \
            sample lacks is reported as skipped.

            Exit status: 0 when every source answered, 1 when any failed, 78 when config.toml is \
            broken (a broken source file is reported and left out).

            Examples:
              dossier sources check
              dossier sources check --person "Grace Hopper" --company Mozilla
            """
        )

        @Option(help: "The sample person.") var person = "Ada Lovelace"
        @Option(help: "The sample person's Wikidata id.") var qid = "Q7259"
        @Option(help: "The sample person's Wikipedia title.") var title = "Ada Lovelace"
        @Option(help: "The sample company.") var company = "Mozilla"
        @Option(help: "The sample company's domain.") var domain = "www.mozilla.org"
        @Option(help: "The sample GitHub login.") var github = "octocat"
        @Option(help: "The sample ORCID iD.") var orcid = "0000-0002-1825-0097"
        @Option(help: ArgumentHelp("A directory of source files read last.", valueName: "dir"), completion: .directory) var sources: String?
        @OptionGroup var global: GlobalOptions

        func run(in workspace: Workspace) async throws {
            let checks = SourceChecks(workspace: workspace)
            let loaded = checks.catalog(extraDirectory: sources.map { URL(filePath: $0, directoryHint: .isDirectory) })
            SourcesCommand.warnWithoutShippedSources(workspace, quiet: global.quiet)
            var sample = SourceChecks.Sample()
            sample.person = person
            sample.qid = qid
            sample.title = title
            sample.company = company
            sample.domain = domain
            sample.github = github
            sample.orcid = orcid
            var failed = 0
            for answer in await checks.check(loaded.catalog, sample: sample) {
                guard let url = answer.url else {
                    print("\(answer.source)\tskipped\tthe sample lacks a value its template needs")
                    continue
                }
                if let failure = answer.failure {
                    failed += 1
                    print("\(answer.source)\tFAILED \(failure.category)\t\(answer.milliseconds) ms\t\(url)\t\(failure.message)")
                } else {
                    print("\(answer.source)\t\(answer.status ?? 0)\t\(answer.milliseconds) ms\t\(url)")
                }
            }
            if failed > 0 { throw ExitCode.failure }
        }
    }

    /// `dossier sources list`: one row per loaded source; broken files reported on stderr.
    struct List: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the loaded sources and whether each is enabled.",
            discussion: """
            Prints name, kind, about, enabled (with the reason when not), trust and the file that defined \
            each source, in file-name order; --json prints an array with the same facts and the URL \
            template, reader and rate. A file that cannot be used is reported on stderr as \
            'error: FILE:LINE: message' after the list.

            Exit status: 0 when every file loaded, 78 when a source file or config.toml is broken.

            Examples:
              dossier sources list
              dossier sources list --json
              dossier sources list --sources ./my-sources
              BRAVE_API_KEY=... dossier sources list      # 80-brave becomes enabled
            """
        )

        @Option(help: ArgumentHelp("A directory of source files read last, after yours.", valueName: "dir"), completion: .directory)
        var sources: String?

        @Flag(help: "Print a JSON array (stable snake_case keys).")
        var json = false

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if let sources {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: sources, isDirectory: &isDirectory), isDirectory.boolValue else {
                    throw ValidationError("--sources \(sources) is not a directory")
                }
            }
        }

        func run(in workspace: Workspace) async throws {
            let loaded = SourceChecks(workspace: workspace).catalog(extraDirectory: sources.map { URL(filePath: $0, directoryHint: .isDirectory) })
            SourcesCommand.warnWithoutShippedSources(workspace, quiet: global.quiet)
            if json {
                try StandardOutput.writeJSON(loaded.catalog.entries.map(SourceListing.init))
            } else {
                print(Self.table(loaded.catalog.entries), terminator: "")
            }
            for error in loaded.errors { StandardError.write("error: \(error)") }
            if !loaded.errors.isEmpty { throw ExitCode(ExitStatus.configuration.rawValue) }
        }

        /// Left-aligned columns two spaces apart, with a header row.
        private static func table(_ entries: [SourceCatalog.Entry]) -> String {
            let rows = [["NAME", "KIND", "ABOUT", "ENABLED", "TRUST", "FILE"]] + entries.map { entry in
                let enabled = switch entry.availability {
                case .enabled: "yes"
                case .disabled(let reason): "no (\(reason))"
                }
                return [
                    entry.definition.name, entry.definition.kind.rawValue, entry.definition.about.rawValue, enabled,
                    String(entry.definition.trust), entry.file.path(percentEncoded: false),
                ]
            }
            let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
            return rows.map { row in
                row.enumerated().map { column, cell in
                    column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                }.joined(separator: "  ")
            }.joined(separator: "\n") + "\n"
        }
    }
}

/// One source as `dossier sources list --json` prints it. Keys are only ever added to, never renamed.
private struct SourceListing: Encodable {
    let name: String
    let about: String
    let kind: String
    let reader: String
    let url: String?
    let enabled: Bool
    let disabledReason: String?
    let trust: Double
    let minIntervalMs: Double
    let requires: [String]
    let keyEnv: String?
    let maxResults: Int?
    let description: String?
    let file: String

    enum CodingKeys: String, CodingKey {
        case name, about, kind, reader, url, enabled, trust, requires, description, file
        case disabledReason = "disabled_reason"
        case minIntervalMs = "min_interval_ms"
        case keyEnv = "key_env"
        case maxResults = "max_results"
    }

    init(_ entry: SourceCatalog.Entry) {
        let definition = entry.definition
        name = definition.name
        about = definition.about.rawValue
        kind = definition.kind.rawValue
        reader = definition.reader.rawValue
        url = definition.urlTemplate?.description
        enabled = entry.availability.isEnabled
        disabledReason = if case .disabled(let reason) = entry.availability { reason } else { nil }
        trust = definition.trust
        minIntervalMs = definition.minimumInterval * 1000
        requires = definition.requiredValues.map(\.rawValue)
        keyEnv = definition.keyEnvironmentVariable
        maxResults = definition.maxResults
        description = definition.description
        file = entry.file.path(percentEncoded: false)
    }
}
