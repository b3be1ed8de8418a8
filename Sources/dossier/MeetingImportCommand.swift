import ArgumentParser
import DossierApp
import Foundation

/// `dossier meeting import`: the informational interviews of a calendar.
struct MeetingImportCommand: WorkspaceCommand {
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

    func run(in workspace: Workspace) async throws {
        let quiet = global.quiet
        let report = try await CalendarImport(workspace: workspace).run(
            source: source, tag: tag, attendees: attendees, at: Date(), announce: { if !quiet { StandardError.write($0) } })
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
}
