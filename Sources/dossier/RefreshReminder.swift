import DossierKit
import DossierStore
import Foundation

/// The warning interactive commands print when meetings are near and the dossiers have not
/// been refreshed for more than two days.
enum RefreshReminder {
    static func warnIfStale(environment: CommandEnvironment, quiet: Bool, now: Date = Date()) {
        guard !quiet,
              let store = try? DossierStore(directory: environment.paths.dataDirectory) else { return }
        defer { try? store.close() }
        let upcoming = ((try? store.meetings(status: .upcoming)) ?? []).map(\.startsAt)
        if let warning = RefreshStamp.staleWarning(upcoming: upcoming, lastSuccess: RefreshStamp.read(paths: environment.paths), now: now) {
            StandardError.write("warning: \(warning)")
        }
    }
}
