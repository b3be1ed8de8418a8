import ArgumentParser
import DossierApp
import DossierCore

/// `--format`: the files a build writes, shared by `build` and `demo`.
struct FormatOptions: ParsableArguments {
    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "The files to write: md, html, json, txt, pdf (comma-separated or repeated; default md,html). "
                + "pdf needs Chromium or WeasyPrint.",
            valueName: "list"
        ),
        completion: .list(OutputFormat.allCases.map(\.rawValue))
    )
    var lists: [String] = []

    func validate() throws {
        do {
            _ = try OutputFormat.parse(lists)
        } catch {
            throw ValidationError("--format: \(error)")
        }
    }

    /// The chosen formats, or the defaults when none was given.
    var formats: [OutputFormat] {
        let chosen = (try? OutputFormat.parse(lists)) ?? []
        return chosen.isEmpty ? OutputFormat.defaults : chosen
    }
}
