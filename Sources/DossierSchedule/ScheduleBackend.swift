
/// The service that runs `dossier refresh` every night.
public enum ScheduleBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    /// A systemd user timer and service in `$XDG_CONFIG_HOME/systemd/user/`.
    case systemd
    /// A marked block in the user's crontab.
    case cron
    /// A LaunchAgent property list in `~/Library/LaunchAgents/` (macOS).
    case launchd

    public var description: String { rawValue }
}

/// The operating system family, which decides the fallback backend and whether `launchctl` runs.
public enum SchedulePlatform: Sendable, Equatable {
    case macOS
    /// Linux and the other Unix systems, where cron is the fallback.
    case linux

    /// The platform this process runs on.
    public static var current: SchedulePlatform {
        #if os(macOS)
            .macOS
        #else
            .linux
        #endif
    }
}
