import ArgumentParser
import DossierKit
import DossierStore
import Foundation

/// `dossier meeting import`: the informational interviews of a calendar.
struct MeetingImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the informational interviews of an iCalendar file or URL.",
        discussion: """
        An event is an informational interview when its title holds the tag ([calendar] tag in \
        config.toml, default "[info]") or one of the [calendar] attendees is invited. The person is \
        read from the title ("[info] Coffee with Jane Doe (Acme Robotics)"), else from the attendees. \
        Importing again updates events whose SEQUENCE or LAST-MODIFIED moved on, cancels those marked \
        CANCELLED and leaves the rest; recurring events are skipped with a note. A calendar URL is kept \
        (mode 0600, in the config folder) for `dossier refresh` to import again, and never printed in full.

        Examples:
          dossier meeting import ~/Downloads/calendar.ics
          dossier meeting import https://calendar.example/private/abc123/basic.ics
          dossier meeting import            # the calendar URL imported before
          dossier meeting import work.ics --tag "#coffee" --json
        """
    )

    @Argument(help: "An .ics file or an https URL (default: the calendar URL imported before).")
    var source: String?

    @Option(help: "The tag that marks an interview in event titles (default from config, else \"[info]\").")
    var tag: String?

    @Option(name: .customLong("attendee"), help: "An e-mail address whose invitations are interviews (repeatable).")
    var attendees: [String] = []

    @Flag(help: "Print a JSON report.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = try global.loadEnvironment()
        let report = try await Self.importCalendar(
            source: source, tag: tag, attendees: attendees, environment: environment, quiet: global.quiet)
        if json {
            try StandardOutput.writeJSON(report)
            return
        }
        var lines: [String] = []
        lines += report.added.map { "added: \($0)" }
        lines += report.updated.map { "updated: \($0)" }
        lines += report.cancelled.map { "cancelled: \($0)" }
        lines += report.skipped.map { "skipped: \($0)" }
        StandardOutput.writeLines(lines)
        if !global.quiet {
            for warning in report.warnings { StandardError.write("warning: \(warning)") }
            StandardError.write("\(report.added.count) added, \(report.updated.count) updated, \(report.cancelled.count) cancelled, "
                + "\(report.unchanged.count) unchanged, \(report.skipped.count) skipped, \(report.ignored) other events")
        }
    }

    /// Reads the calendar (a file, a URL, or the saved URL), keeps a URL as a secret, and imports.
    static func importCalendar(source: String?, tag: String?, attendees: [String], environment: CommandEnvironment,
                               quiet: Bool) async throws -> CalendarImportReport {
        let text: String
        do {
            if let source, CalendarSource.isURL(source) {
                guard URLComponents(string: source)?.scheme?.lowercased() == "https" else {
                    throw ValidationError("a calendar URL must be https: it carries a secret")
                }
                text = try await CalendarSource.fetch(source, config: environment.config, logger: environment.logger)
                try CalendarSource.saveSecret(source, paths: environment.paths)
            } else if let source {
                text = try CalendarSource.read(file: source)
            } else if let saved = CalendarSource.savedSecret(paths: environment.paths) {
                if !quiet { StandardError.write("importing \(CalendarSource.redacted(saved))") }
                text = try await CalendarSource.fetch(saved, config: environment.config, logger: environment.logger)
            } else {
                throw ValidationError("give an .ics file or an https URL; no calendar URL was imported before")
            }
        } catch let error as CalendarSource.ReadError {
            StandardError.write("error: \(error)")
            throw ExitCode(66)  // EX_NOINPUT
        }
        let selection = InterviewSelection(tag: tag ?? environment.config.calendar.tag,
                                           attendees: attendees.isEmpty ? environment.config.calendar.attendees : attendees)
        let importer = CalendarImporter(selection: selection)
        do {
            return try await StoreAccess.write(environment, command: "dossier meeting import") { store in
                try importer.importCalendar(text, into: store, at: Date())
            }
        } catch let error as CalendarParseError {
            StandardError.write("error: \(source ?? "the calendar"): \(error)")
            throw ExitCode(65)  // EX_DATAERR
        }
    }
}
