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
        read from the title ("[info] Coffee with Dr. Jane Doe (Acme Robotics)" gives Jane Doe of Acme \
        Robotics), else from the attendees; the network contact from the description ("Intro via Ana \
        Costa"). Times in IANA zones and in Outlook's Windows zones are read.

        Importing again updates events whose SEQUENCE or LAST-MODIFIED moved on, cancels those marked \
        CANCELLED and leaves the rest; recurring events are skipped with a note. A meeting you added \
        by hand for the same person and time becomes the event's; a meeting you removed is not \
        imported again. An event that cannot be read is listed with its line, and the others are \
        imported. A calendar URL (https, or a webcal:// link) is kept (mode 0600, in the config \
        folder) for `dossier refresh` to import again, and never printed in full; robots.txt does \
        not apply to it.

        Exit status: 0 when the calendar was read (unreadable events are listed), 64 for an http \
        URL, 65 when the text is not a calendar, 66 when the file cannot be read or the URL fetched, \
        73 when the store cannot be written, 75 when another dossier process holds the store.

        Examples:
          dossier meeting import ~/Downloads/calendar.ics
          dossier meeting import webcal://calendar.example/private/abc123.ics
          dossier meeting import            # the calendar URL imported before
          dossier meeting import work.ics --tag "#coffee" --json
        """
    )

    @Argument(help: "An .ics file, an https URL or a webcal:// link (default: the calendar URL imported before).",
              completion: .file(extensions: ["ics"]))
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
        lines += report.removed.map { "removed earlier, not imported again: \($0)" }
        lines += report.unreadable.map { "unreadable: \($0)" }
        StandardOutput.writeLines(lines)
        if !global.quiet {
            for warning in report.warnings { StandardError.write("warning: \(warning)") }
            var summary = "\(report.added.count) added, \(report.updated.count) updated, \(report.cancelled.count) cancelled, "
                + "\(report.unchanged.count) unchanged, \(report.skipped.count) skipped, "
            if !report.removed.isEmpty { summary += "\(report.removed.count) removed earlier, " }
            if !report.unreadable.isEmpty { summary += "\(report.unreadable.count) unreadable, " }
            StandardError.write(summary + "\(report.ignored) other events")
        }
    }
}
