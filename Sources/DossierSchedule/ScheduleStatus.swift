import Foundation

/// What `dossier schedule status` reports.
public struct ScheduleStatus: Sendable, Equatable {
    /// The installed backend, or the one `install` would choose when none is installed.
    public let backend: ScheduleBackend
    public let installed: Bool
    /// The installed time of day; nil when not installed or unreadable.
    public let time: ScheduleTime?
    /// systemd's own answer for a systemd timer, else the next occurrence of ``time``; nil when the
    /// timer is inactive or nothing is installed.
    public let nextRun: Date?
    /// The time in `<data dir>/last-refresh-success`, written by a successful `dossier refresh`.
    public let lastRefresh: Date?
    /// Where the scheduled runs append their output (cron and launchd; systemd uses the journal).
    public let logFile: String?
    /// The files and crontab that hold the schedule.
    public let locations: [String]
    /// Oddities found, such as an inactive timer or schedules from several backends.
    public let warnings: [String]
    /// When nothing is installed: why ``backend`` cannot be installed on this machine, or nil when
    /// it can.
    public let unavailable: ScheduleError?

    public init(
        backend: ScheduleBackend, installed: Bool, time: ScheduleTime?, nextRun: Date?, lastRefresh: Date?,
        logFile: String?, locations: [String], warnings: [String], unavailable: ScheduleError? = nil
    ) {
        self.unavailable = unavailable
        self.backend = backend
        self.installed = installed
        self.time = time
        self.nextRun = nextRun
        self.lastRefresh = lastRefresh
        self.logFile = logFile
        self.locations = locations
        self.warnings = warnings
    }
}
