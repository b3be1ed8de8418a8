import ArgumentParser
import DossierKit
import DossierStore
import Foundation

/// `dossier print`: the last dossier built for a person, as a PDF, sent to a printer if asked.
struct PrintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Render a person's dossier to PDF and send it to a printer.",
        discussion: """
        Prints the last dossier built for the person (build or refresh first), rendered from its \
        HTML by headless Chromium or WeasyPrint, whichever is installed: the dossier on at most two \
        pages, A4 or Letter, with room for notes, the Sources list after it. With --printer the PDF \
        goes to `lp -d NAME`.

        Exit status: 0 when printed, 66 when no dossier was built for the person, 69 when no PDF \
        renderer or no `lp` is installed (the message names what to install), 1 when printing failed.

        Examples:
          dossier print "Jane Doe"                     # writes <output>/jane-doe/dossier.pdf
          dossier print "Jane Doe" --pdf ~/jane.pdf
          dossier print "Jane Doe" --printer office
        """
    )

    @Argument(help: "The person's name (or a meeting's number).")
    var person: MeetingReference

    @Option(help: "Where to write the PDF (default: dossier.pdf next to the dossier).")
    var pdf: String?

    @Option(help: "Send the PDF to this printer with lp.")
    var printer: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = try global.loadEnvironment()
        let (slug, json) = try StoreAccess.read(environment) { store -> (String, String?) in
            let slug = try person.slug(in: store)
            let version = try store.person(slug: slug).flatMap { try store.dossierVersion(personID: $0.id!) }
            return (slug, version?.json)
        }
        guard let json, let dossier = try? JSONRenderer.decode(Data(json.utf8)) else {
            StandardError.write("error: no dossier built for \(person.text) yet; run `dossier build \"\(person.text)\"` first")
            throw ExitCode(66)  // EX_NOINPUT
        }
        let target = pdf.map { URL(fileURLWithPath: $0) }
            ?? OutputLocation.defaultRoot(paths: environment.paths).appendingPathComponent(slug).appendingPathComponent("dossier.pdf")
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try await PDFRenderer(environment: ProcessInfo.processInfo.environment).render(html: HTMLRenderer.render(dossier), to: target)
        } catch let error as PDFRenderer.RenderError {
            StandardError.write("error: \(error)")
            throw ExitCode(error == .noRenderer ? 69 : 1)
        }
        print(target.path)
        guard let printer else { return }
        try Printing.send(target, to: printer)
        if !global.quiet { StandardError.write("sent to \(printer)") }
    }
}

/// Hands a file to the system's print spooler.
enum Printing {
    static func send(_ file: URL, to printer: String) throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let lp = path.split(separator: ":").map({ "\($0)/lp" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            StandardError.write("error: no `lp` to print with; install CUPS (apt-get install cups-client)")
            throw ExitCode(69)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lp)
        process.arguments = ["-d", printer, "--", file.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            StandardError.write("error: lp -d \(printer) failed with status \(process.terminationStatus)")
            throw ExitCode.failure
        }
    }
}
