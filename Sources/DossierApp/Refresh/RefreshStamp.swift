import AtomicFiles
import DossierSettings
import Foundation

/// `<data dir>/last-refresh-success`: when `dossier refresh` last finished without a failure,
/// as ISO 8601. `dossier schedule status` shows it; interactive commands warn when meetings
/// are near and it is old.
public enum RefreshStamp {
    public static let fileName = "last-refresh-success"

    public static func read(paths: DossierPaths) -> Date? {
        let file = paths.dataDirectory.appending(path: fileName, directoryHint: .notDirectory)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        return ISO8601DateFormatter().date(from: text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    public static func write(_ date: Date, paths: DossierPaths) throws {
        try FileManager.default.createDirectory(at: paths.dataDirectory, withIntermediateDirectories: true)
        let file = paths.dataDirectory.appending(path: fileName, directoryHint: .notDirectory)
        try AtomicFile.write(Data((ISO8601DateFormatter().string(from: date) + "\n").utf8), to: file, durable: false)
    }

    /// The warning to show when meetings start within a week and the last successful
    /// refresh is more than two days old (or never happened); nil otherwise.
    public static func staleWarning(upcoming: [Date], lastSuccess: Date?, now: Date) -> String? {
        let soon = upcoming.filter { $0 >= now && $0 <= now.addingTimeInterval(7 * 86_400) }
        guard !soon.isEmpty else { return nil }
        if let lastSuccess, now.timeIntervalSince(lastSuccess) <= 2 * 86_400 { return nil }
        let when = lastSuccess.map { "last succeeded \(ISO8601DateFormatter().string(from: $0))" } ?? "has never succeeded"
        return "\(soon.count) meeting(s) within a week, but `dossier refresh` \(when); run it, or `dossier schedule install`"
    }
}

extension Workspace {
    /// The warning interactive commands print when meetings are near and their dossiers have not
    /// been refreshed for more than two days; nil when all is well or the store cannot be read.
    public func staleRefreshWarning(at now: Date = Date()) -> String? {
        let upcoming: [Date]
        do {
            upcoming = try readingStore { store in try store.meetings(status: .upcoming).map(\.startsAt) }
        } catch {
            // A warning beside another command: that command reports a store it cannot read.
            upcoming = []
        }
        return RefreshStamp.staleWarning(upcoming: upcoming, lastSuccess: RefreshStamp.read(paths: paths), now: now)
    }
}
