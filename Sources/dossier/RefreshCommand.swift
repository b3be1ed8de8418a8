import ArgumentParser
import DossierApp
import DossierCore
import Foundation

/// `dossier refresh`: the nightly job that keeps the dossiers of upcoming meetings fresh.
struct RefreshCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Refresh the dossiers of upcoming meetings: conditional requests, a rebuild only when something changed.",
        discussion: """
        Imports the saved calendar URL again (if `meeting import` was given one), then rebuilds the \
        dossier of each upcoming meeting: stored pages are requested conditionally, discovery runs \
        again, and the dossier is rewritten only when it says something new, with a "What changed \
        since" section; otherwise its files keep their bytes and modification times. When nothing \
        can be fetched, the last good dossier stays and the failure is reported. One line per \
        meeting; <data dir>/last-refresh-success is stamped when every meeting refreshed.

        Exit status: 0 when every meeting refreshed (failed sources are reported), 1 when a meeting \
        could not be refreshed (its last good dossier stays) or the saved calendar could not be \
        imported again (the stored meetings are refreshed all the same), 64 on usage errors, 73 when one could \
        not be because the disk refused a write (full, read-only), 75 when another dossier process \
        holds the store, 78 when config.toml, a bank or a source file is broken (a broken source file \
        is skipped: the dossiers are refreshed from the others).

        Examples:
          dossier refresh                 # meetings in the next 7 days
          dossier refresh --within 14d
          dossier refresh --all --json
          dossier schedule install        # every night at 02:30
        """
    )

    @Option(help: "Refresh meetings starting within this span: 7d, 2w, 36h.")
    var within = "7d"

    @Flag(help: "Refresh every upcoming meeting, however far off.")
    var all = false

    @Flag(help: "Print a JSON report: one object per meeting.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        _ = try span()
    }

    private func span() throws -> TimeInterval {
        do {
            return try MeetingTime.span(within)
        } catch {
            throw ValidationError("--within: \(error)")
        }
    }

    func run(in workspace: Workspace) async throws {
        let span = try span()
        let json = json
        let report = try await RefreshJob(workspace: workspace).run(within: all ? nil : span, at: Date()) { line in
            if !json { print(line.text) }
        }
        for problem in report.calendarProblems where !global.quiet {
            StandardError.write("warning: calendar: \(problem)")
        }
        // Printed even with --quiet (the nightly run's flag): new meetings may be missing.
        if let calendarError = report.calendarError {
            StandardError.write("error: the calendar could not be imported again (\(calendarError)); refreshed the stored meetings")
        }
        if json { try StandardOutput.writeJSON(report.lines) }
        if let stampError = report.stampError { StandardError.write("warning: cannot write the refresh stamp: \(stampError)") }
        if !global.quiet && report.lines.isEmpty {
            StandardError.write("no upcoming meetings\(all ? "" : " in the next \(within)")")
        }
        if let refused = report.refusedWrite { throw refused }
        for error in report.sourceFileErrors { StandardError.write("error: \(error)") }
        if !report.sourceFileErrors.isEmpty {
            throw AppError(.configuration, "\(report.sourceFileErrors.count) source file(s) could not be loaded; "
                + "the dossiers were refreshed from the others (see `dossier sources list`)")
        }
        if !report.allRefreshed || report.calendarError != nil { throw ExitCode.failure }
    }
}
