import ExternalCommands
import DossierSettings
import Foundation

/// Everything the scheduler reads from the world, injectable so tests work in a temporary home with a
/// fake ``CommandRunner``.
///
/// The scheduled job must see the same directories as the user's shell, so the variables that choose
/// them (`DOSSIER_HOME` and the absolute `XDG_CONFIG_HOME`, `XDG_DATA_HOME`, `XDG_CACHE_HOME`) are passed
/// on to it when set: cron, launchd and the systemd user manager do not read the shell's profile.
public struct ScheduleEnvironment: Sendable {
    /// The user's home directory, without a trailing slash.
    public let homeDirectory: String
    /// `$XDG_CONFIG_HOME` when absolute, else `~/.config`; systemd reads user units below it.
    public let configHome: String
    /// dossier's own directories; the refresh log, lock and last-success stamp live in them.
    public let paths: DossierPaths
    /// The absolute path of the `dossier` binary the schedule runs.
    public let executablePath: String
    /// Variables written into the job's environment, sorted by name.
    public let passedVariables: [JobVariable]
    /// The login name, for `loginctl show-user`.
    public let userName: String
    /// The numeric user id, for `launchctl`'s `gui/<uid>` domain.
    public let userID: UInt32
    public let platform: SchedulePlatform
    public let runner: any CommandRunner
    /// "Now", for the next run computed from the schedule time.
    public let now: Date
    /// The zone the schedulers read wall-clock times in (the system's local zone).
    public let timeZone: TimeZone
    /// Directories that pruning after `remove` never deletes or climbs above: the home directory,
    /// `DOSSIER_HOME` and explicitly set XDG base directories.
    let pruningAnchors: Set<String>

    /// An environment from process-style `variables` (`HOME`, `XDG_*`, `DOSSIER_HOME`).
    public init(
        variables: [String: String],
        executablePath: String,
        userName: String,
        userID: UInt32,
        platform: SchedulePlatform,
        runner: any CommandRunner,
        now: Date = Date(),
        timeZone: TimeZone = .current
    ) {
        let home = Self.withoutTrailingSlash(
            variables["HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? FileManager.default.homeDirectoryForCurrentUser.path(percentEncoded: false))
        homeDirectory = home
        let xdgConfig = variables["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? Self.withoutTrailingSlash($0) : nil }
        configHome = xdgConfig ?? home + "/.config"
        paths = DossierPaths(environment: variables)
        self.executablePath = executablePath
        var passed: [JobVariable] = []
        var anchors: Set<String> = [home]
        if let dossierHome = variables["DOSSIER_HOME"], !dossierHome.isEmpty {
            passed.append(JobVariable(name: "DOSSIER_HOME", value: dossierHome))
            anchors.insert(Self.withoutTrailingSlash(dossierHome))
        }
        for name in ["XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"] {
            if let value = variables[name], value.hasPrefix("/") {
                passed.append(JobVariable(name: name, value: value))
                anchors.insert(Self.withoutTrailingSlash(value))
            }
        }
        passedVariables = passed.sorted { $0.name < $1.name }
        pruningAnchors = anchors
        self.userName = userName
        self.userID = userID
        self.platform = platform
        self.runner = runner
        self.now = now
        self.timeZone = timeZone
    }

    /// This process's environment, user and platform, with programs run as child processes.
    public static func current(executablePath: String) -> ScheduleEnvironment {
        let variables = ProcessInfo.processInfo.environment
        return ScheduleEnvironment(
            variables: variables,
            executablePath: executablePath,
            userName: variables["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? ProcessInfo.processInfo.userName,
            userID: UInt32(getuid()),
            platform: .current,
            runner: ProcessCommandRunner(path: variables["PATH"] ?? "/usr/bin:/bin"))
    }

    /// The `refresh` log that cron and launchd append to.
    public var logFile: String { directory(paths.dataDirectory) + "/refresh.log" }
    /// The file `flock` holds while a cron-started refresh runs.
    public var lockFile: String { directory(paths.cacheDirectory) + "/refresh.lock" }
    /// Written by `dossier refresh` after a successful run: an ISO 8601 time.
    public var lastSuccessFile: String { directory(paths.dataDirectory) + "/last-refresh-success" }
    /// Where systemd looks for user units.
    public var systemdUnitDirectory: String { configHome + "/systemd/user" }
    /// Where launchd looks for the user's agents.
    public var launchAgentsDirectory: String { homeDirectory + "/Library/LaunchAgents" }

    func directory(_ url: URL) -> String { Self.withoutTrailingSlash(url.path(percentEncoded: false)) }

    static func withoutTrailingSlash(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

/// An environment variable set for the scheduled job.
public struct JobVariable: Sendable, Equatable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
