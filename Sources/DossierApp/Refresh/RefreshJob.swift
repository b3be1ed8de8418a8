import DossierCore
import DossierMeetings
import Foundation

/// `dossier refresh`, the nightly job: imports the saved calendar again, then rebuilds the dossier
/// of each upcoming meeting (the soonest per person) with conditional requests, and stamps the
/// success when every meeting refreshed.
public struct RefreshJob: Sendable {
    /// One meeting's refresh, as the report shows it (stable snake_case keys in JSON).
    public struct Line: Sendable, Encodable, Equatable {
        public var meeting: Int64
        public var person: String
        /// ISO 8601 in UTC.
        public var startsAt: String
        public var outcome: String
        public var notModified = 0
        public var fetched = 0
        public var failed = 0
        public var changes = 0
        public var error: String?

        enum CodingKeys: String, CodingKey {
            case meeting, person, outcome, fetched, failed, changes, error
            case startsAt = "starts_at", notModified = "not_modified"
        }

        public var text: String {
            var line = "#\(meeting) \(person): \(outcome)"
            if outcome == BuildSummary.DossierOutcome.updated.rawValue { line += " (\(changes) new line\(changes == 1 ? "" : "s"))" }
            line += "; \(notModified) not modified, \(fetched) fetched, \(failed) failed"
            if let error { line += " — \(error)" }
            return line
        }
    }

    /// What a refresh did.
    public struct Report: Sendable {
        public var lines: [Line] = []
        /// Why the calendar kept by an earlier import could not be imported again (the stored
        /// meetings were refreshed), its address redacted; nil when it was, or there is none.
        public var calendarError: String?
        /// Events of the calendar that could not be read this time, each with its line.
        public var calendarProblems: [String] = []
        /// Why the success could not be stamped, when it could not.
        public var stampError: String?
        /// A disk that refused a write while a meeting was refreshed (exit 73, once every meeting
        /// was tried).
        public var refusedWrite: AppError?
        /// Source files that could not be loaded (`FILE:LINE: message`), once each: the dossiers
        /// were refreshed from the others (exit 78).
        public var sourceFileErrors: [String] = []
        /// True when every meeting refreshed: the success was stamped.
        public var allRefreshed: Bool { lines.allSatisfy { $0.error == nil } }
    }

    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Refreshes the meetings starting within `span` (from an hour ago; every upcoming one when
    /// nil), each line handed to `line` as it is done. Another process holding the store is exit 75.
    public func run(within span: TimeInterval?, at now: Date, line report: (Line) -> Void = { _ in }) async throws(AppError) -> Report {
        var result = Report()
        let calendar = CalendarImport(workspace: workspace)
        if calendar.hasSavedCalendar {
            do {
                result.calendarProblems = try await calendar.run(source: nil, tag: nil, attendees: [], at: now).unreadable
            } catch {
                result.calendarError = error.message
            }
        }
        let meetings = try workspace.readingStore { store in
            try store.meetings(status: .upcoming, startingIn: span.map { now.addingTimeInterval(-3_600)...now.addingTimeInterval($0) })
        }.map(Meeting.init).filter { span != nil || $0.startsAt >= now.addingTimeInterval(-3_600) }
        var seen = Set<String>()
        let soonestPerPerson = meetings.filter { seen.insert($0.slug).inserted }
        let pipeline = workspace.pipeline()
        for meeting in soonestPerPerson {
            // The dossier's inputs are those of its last build (its company and domain, its
            // --url pages, which the pipeline keeps), unless the meeting says otherwise.
            let last = try workspace.readingStore { store in try BuildPipeline.lastSubject(slug: meeting.slug, in: store) }
            let request = BuildRequest(
                subject: Subject(name: meeting.person, company: meeting.company ?? last?.company, domain: meeting.domain ?? last?.domain),
                outputRoot: workspace.outputRoot, meeting: meeting.context)
            var line = Line(meeting: meeting.id, person: meeting.person,
                            startsAt: ISO8601DateFormatter().string(from: meeting.startsAt), outcome: "failed")
            do {
                let summary = try await pipeline.run(request)
                line.outcome = summary.foundNothing
                    ? "kept the last good dossier (nothing about the person was found)" : summary.dossier.rawValue
                for error in summary.sourceFileErrors where !result.sourceFileErrors.contains(error) {
                    result.sourceFileErrors.append(error)
                }
                line.notModified = summary.outcomes.filter { $0.kind == .notModified }.count
                line.fetched = summary.outcomes.filter { $0.kind == .fetched }.count
                line.failed = summary.failures.count
                line.changes = summary.changes.map { $0.newSentences.count + $0.newNews.count + $0.newTimeline.count } ?? 0
                if summary.foundNothing {
                    line.error = summary.seemsOffline ? "no host name could be resolved: is this machine offline?"
                        : summary.failures.first.map { "\($0.category?.rawValue ?? "failed"): \($0.message ?? "")" }
                }
            } catch {
                let failure = AppError(error)
                if failure.status == .tryAgain { throw failure }
                line.error = failure.message
                if failure.status == .cannotCreate { result.refusedWrite = failure }
            }
            report(line)
            result.lines.append(line)
        }
        if result.allRefreshed {
            do {
                try RefreshStamp.write(now, paths: workspace.paths)
            } catch {
                result.stampError = "\(error)"
            }
        }
        return result
    }
}
