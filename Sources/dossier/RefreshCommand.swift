import ArgumentParser
import DossierKit
import DossierStore
import Foundation

/// `dossier refresh`: the nightly job that keeps the dossiers of upcoming meetings fresh.
struct RefreshCommand: AsyncParsableCommand {
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
        could not be refreshed, 73 when one could not be because the disk refused a write (full, \
        read-only), 75 when another dossier process holds the store.

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

    /// One meeting's refresh, as the report shows it.
    struct Line: Encodable {
        var meeting: Int64
        var person: String
        /// ISO 8601 in UTC.
        var startsAt: String
        var outcome: String
        var notModified: Int
        var fetched: Int
        var failed: Int
        var changes: Int
        var error: String?

        enum CodingKeys: String, CodingKey {
            case meeting, person, outcome, fetched, failed, changes, error
            case startsAt = "starts_at", notModified = "not_modified"
        }

        var text: String {
            var line = "#\(meeting) \(person): \(outcome)"
            if outcome == "updated" { line += " (\(changes) new line\(changes == 1 ? "" : "s"))" }
            line += "; \(notModified) not modified, \(fetched) fetched, \(failed) failed"
            if let error { line += " — \(error)" }
            return line
        }
    }

    func run() async throws {
        let environment = try global.loadEnvironment()
        let now = Date()
        let span: TimeInterval
        do {
            span = try MeetingTime.span(within)
        } catch {
            throw ValidationError("--within: \(error)")
        }
        if CalendarSource.savedSecret(paths: environment.paths) != nil {
            do {
                _ = try await MeetingImportCommand.importCalendar(source: nil, tag: nil, attendees: [], environment: environment, quiet: true)
            } catch {
                if !global.quiet { StandardError.write("warning: the calendar could not be imported again; refreshing the stored meetings") }
            }
        }
        let meetings = try StoreAccess.read(environment) { store in
            try store.meetings(status: .upcoming, startingIn: all ? nil : now.addingTimeInterval(-3_600)...now.addingTimeInterval(span))
        }.filter { all ? $0.startsAt >= now.addingTimeInterval(-3_600) : true }
        var seen = Set<String>()
        let soonestPerPerson = meetings.filter { seen.insert($0.slug).inserted }
        let pipeline = PipelineRunner.pipeline(environment: environment, progress: { _ in })
        var lines: [Line] = []
        var refusedWrite: (any Error)?
        for meeting in soonestPerPerson {
            let request = BuildRequest(
                subject: Subject(name: meeting.personName, company: meeting.company, domain: meeting.domain),
                outputRoot: OutputLocation.defaultRoot(paths: environment.paths), meeting: MeetingContext(meeting))
            var line = Line(meeting: meeting.id ?? 0, person: meeting.personName,
                            startsAt: ISO8601DateFormatter().string(from: meeting.startsAt), outcome: "failed",
                            notModified: 0, fetched: 0, failed: 0, changes: 0)
            do {
                let summary = try await pipeline.run(request)
                line.outcome = summary.dossier == .keptAfterFailure ? "kept the last good dossier (nothing about the person was found)" : summary.dossier.rawValue
                line.notModified = summary.outcomes.filter { $0.kind == .notModified }.count
                line.fetched = summary.outcomes.filter { $0.kind == .fetched }.count
                line.failed = summary.failures.count
                line.changes = summary.changes.map { $0.newSentences.count + $0.newNews.count + $0.newTimeline.count } ?? 0
                if summary.foundNothing {
                    line.error = summary.failures.first.map { "\($0.category ?? "failed"): \($0.message ?? "")" }
                }
            } catch let error as StoreError where error.exitCode == 75 {
                StandardError.write("error: \(error)")
                throw ExitCode(75)
            } catch {
                line.error = "\(error)"
                if PipelineRunner.exitStatus(of: error) == 73 { refusedWrite = error }
            }
            if !json { print(line.text) }
            lines.append(line)
        }
        if json { try StandardOutput.writeJSON(lines) }
        let allRefreshed = lines.allSatisfy { $0.error == nil }
        if allRefreshed {
            do {
                try RefreshStamp.write(now, paths: environment.paths)
            } catch {
                StandardError.write("warning: cannot write the refresh stamp: \(error)")
            }
        }
        if !global.quiet && soonestPerPerson.isEmpty {
            StandardError.write("no upcoming meetings\(all ? "" : " in the next \(within)")")
        }
        if let refusedWrite {
            StandardError.write("error: \(refusedWrite)")
            throw ExitCode(73)  // EX_CANTCREAT
        }
        if !allRefreshed { throw ExitCode.failure }
    }
}
