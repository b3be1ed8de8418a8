import ArgumentParser
import DossierApp
import DossierCore
import Foundation

/// `dossier print`: the last dossier built for a person, as a PDF, sent to a printer if asked.
struct PrintCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Render a person's dossier to PDF and send it to a printer.",
        discussion: """
        Prints the dossier in the person's folder: <output>/<slug>/dossier.html as the last build, \
        refresh or demo wrote it (without that file, the dossier last stored), rendered by headless \
        Chromium or WeasyPrint, whichever is installed: the dossier on at most two pages, A4 or \
        Letter, with room for notes, the Sources list after it. With --printer the PDF goes to \
        `lp -d NAME`.

        Exit status: 0 when printed, 66 when there is no dossier of the person, 69 when no PDF \
        renderer or no `lp` is installed (the message names what to install), 73 when the PDF \
        cannot be written, 1 when printing failed.

        Examples:
          dossier print "Jane Doe"        # writes <output>/jane-doe/dossier.pdf
          dossier print "Jane Doe" --pdf ~/jane.pdf
          dossier print "Jane Doe" --paper letter
          dossier print "Jane Doe" --printer office
        """
    )

    @Argument(help: "The person's name (or a meeting's number).")
    var person: MeetingReference

    @Option(help: "Where to write the PDF (default: dossier.pdf next to the dossier).", completion: .file(extensions: ["pdf"]))
    var pdf: String?

    @Option(help: "The paper to print on, a4 or letter (default: as the dossier was laid out: [print] paper, else the locale's).")
    var paper: PaperSize?

    @Option(help: "Send the PDF to this printer with lp.", completion: .shellCommand("lpstat -a 2>/dev/null | cut -d' ' -f1"))
    var printer: String?

    @OptionGroup var global: GlobalOptions

    func run(in workspace: Workspace) async throws {
        let printing = DossierPrinter(workspace: workspace)
        let target = try await printing.pdf(for: person, to: pdf.map { URL(fileURLWithPath: $0) }, paper: paper)
        print(target.path)
        guard let printer else { return }
        try printing.send(target, to: printer)
        if !global.quiet { StandardError.write("sent to \(printer)") }
    }
}

extension PaperSize: ExpressibleByArgument {
    /// `a4`, `A4`, `letter`, `Letter`: any case, as in the config.
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
