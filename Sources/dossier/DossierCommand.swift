import ArgumentParser
import DossierApp
import DossierCore

/// The `dossier` command line: parses, wires the library, prints, and maps errors to exit codes.
@main
struct DossierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Prepare a cited, printable dossier before an informational interview.",
        discussion: """
        Examples:
          dossier demo          # the whole flow offline
          dossier build "Jane Doe" --company "Acme Robotics"
          dossier meeting import ~/calendar.ics
          dossier meeting add "Jane Doe" --at "2026-12-03 15:00" --via "Ana Costa"
          dossier letter intro "Jane Doe" --via "Ana Costa" --call-by 2026-11-27
          dossier refresh && dossier print "Jane Doe"
          dossier letter thanks "Jane Doe"
          dossier schedule install --at 02:30
          dossier sources list
          dossier doctor        # what is missing or broken, and how to fix it
          dossier fetch https://example.org/ --json
          dossier extract page.html --format markdown
        """,
        version: DossierVersion.current,
        subcommands: [
            BuildCommand.self, MeetingCommand.self, RefreshCommand.self, PrintCommand.self, NotesCommand.self,
            LetterCommand.self, ScheduleCommand.self, DemoCommand.self, FetchCommand.self, ExtractCommand.self,
            SourcesCommand.self, DoctorCommand.self,
        ]
    )

    /// Every error starts as dossier's own messages do, argument-parser's included: `error: …`.
    static var _errorPrefix: String { "error: " }
}
