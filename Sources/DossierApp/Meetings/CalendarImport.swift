import DossierMeetings
import Foundation

/// `meeting import` and the first step of the nightly refresh: a calendar's informational
/// interviews into the store. A URL is kept (mode 0600) for later imports and never shown whole.
public struct CalendarImport: Sendable {
    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Whether an earlier import kept a calendar URL to import again.
    public var hasSavedCalendar: Bool { CalendarSource.savedSecret(paths: workspace.paths) != nil }

    /// Imports `source` (an .ics file, an https URL or a webcal:// link), or the URL kept by an earlier import when
    /// nil; `tag` and `attendees` choose the interviews (the config's when not given). `announce`
    /// hears which saved calendar is imported, redacted.
    public func run(source: String?, tag: String?, attendees: [String], at now: Date,
                    announce: (String) -> Void = { _ in }) async throws(AppError) -> CalendarImportReport {
        let text: String
        do {
            if let source, CalendarSource.isURL(source) {
                let url = CalendarSource.fetchableURL(source)
                guard URLComponents(string: url)?.scheme?.lowercased() == "https" else {
                    throw AppError(.usage, "a calendar URL must be https (or webcal://): it carries a secret")
                }
                text = try await CalendarSource.fetch(url, config: workspace.config, logger: workspace.logger)
                try CalendarSource.saveSecret(url, paths: workspace.paths)
            } else if let source {
                text = try CalendarSource.read(file: source)
            } else if let saved = CalendarSource.savedSecret(paths: workspace.paths) {
                announce("importing \(CalendarSource.redacted(saved))")
                text = try await CalendarSource.fetch(saved, config: workspace.config, logger: workspace.logger)
            } else {
                throw AppError(.usage, "give an .ics file or an https URL; no calendar URL was imported before")
            }
        } catch {
            throw AppError(error)
        }
        let selection = InterviewSelection(tag: tag ?? workspace.config.calendar.tag,
                                           attendees: attendees.isEmpty ? workspace.config.calendar.attendees : attendees)
        let importer = CalendarImporter(selection: selection)
        do {
            return try await workspace.writingStore(command: "dossier meeting import") { store in
                try importer.importCalendar(text, into: store, at: now)
            }
        } catch where error.status == .dataError {
            let label = source.map { CalendarSource.isURL($0) ? CalendarSource.redacted($0) : $0 } ?? "the calendar"
            throw AppError(.dataError, "\(label): \(error.message)")
        }
    }
}
