import ArgumentParser
import DossierApp
import DossierSchedule
import Foundation

/// `dossier schedule`: the nightly `dossier refresh` as a systemd user timer, a crontab line or a
/// LaunchAgent.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Run 'dossier refresh' every night with systemd, cron or launchd.",
        discussion: """
        The schedule runs this dossier binary by its absolute path with 'refresh --quiet', passing on \
        DOSSIER_HOME and the XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME set now, so the nightly run \
        sees the same files as you do. Without --backend, install uses systemd when a user manager \
        answers 'systemctl --user', else launchd on macOS and cron elsewhere.

        Examples:
          dossier schedule install                  # daily at 02:30
          dossier schedule install --at 23:15 --dry-run
          dossier schedule install --backend cron
          dossier schedule status --json
          dossier schedule remove
        """,
        subcommands: [Install.self, Status.self, Remove.self]
    )

    /// The scheduler for this process: its environment, user and the binary it runs as. The
    /// configuration is loaded first, since a broken one would make every nightly run fail (exit 78).
    static func warn(_ warnings: [String], quiet: Bool) {
        guard !quiet else { return }
        for warning in warnings { StandardError.write("warning: \(warning)") }
    }

    /// Applies `plan`, or prints it with `--dry-run` (whatever is missing to carry it out here,
    /// which is then a warning); then prints its summary.
    static func carryOut(_ plan: SchedulePlan, with scheduler: Scheduler, dryRun: Bool, quiet: Bool) throws {
        warn(plan.warnings, quiet: quiet)
        if dryRun {
            if !plan.steps.isEmpty { print(plan.dryRunDescription) }
            warn(plan.blockers.map { "installing would fail on this machine: \($0)" }, quiet: quiet)
            if !quiet { StandardError.write("dry run: nothing was changed") }
            return
        }
        warn(try scheduler.apply(plan), quiet: quiet)
        print(plan.summary)
    }

    /// `dossier schedule install`.
    struct Install: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schedule the nightly refresh, replacing any schedule installed before.",
            discussion: """
            Installing again changes the time and leaves one schedule; a schedule from another backend \
            is removed.

            systemd: dossier-refresh.service and dossier-refresh.timer in $XDG_CONFIG_HOME/systemd/user, \
            enabled with 'systemctl --user'. Without lingering the timer runs only while you are logged in.

            cron: a block between '# BEGIN dossier refresh' and '# END dossier refresh' in your crontab, \
            run under flock; every other crontab line is kept. Output goes to refresh.log in the data \
            directory.

            launchd: ~/Library/LaunchAgents/org.dossier.refresh.plist, loaded with 'launchctl bootstrap'. \
            Output goes to refresh.log in the data directory.

            --dry-run prints the files and commands install would write and run, whatever is \
            installed on this machine, and warns when installing would fail here.

            Exit status: 0 when installed (or shown), 64 on a bad --at or --backend, 65 when the \
            crontab holds a broken dossier block, 69 when the backend cannot be used here (the \
            message says what to install), 73 when a file cannot be written, 1 when a command failed.

            Examples:
              dossier schedule install
              dossier schedule install --at 05:45 --backend cron
              dossier schedule install --dry-run    # show files and commands only
            """
        )

        @Option(help: ArgumentHelp("The local time to run at, 24-hour HH:MM.", valueName: "HH:MM"))
        var at = ScheduleTime.defaultTime.description

        @Option(help: ArgumentHelp("systemd, cron or launchd (default: detected).", valueName: "backend"),
                completion: .list(ScheduleBackend.allCases.map(\.rawValue)))
        var backend: String?

        @Flag(help: "Print what would be written and run; change nothing.")
        var dryRun = false

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            do {
                _ = try ScheduleTime(parsing: at)
            } catch {
                throw ValidationError("\(error)")
            }
            if let backend, ScheduleBackend(rawValue: backend) == nil {
                throw ValidationError("--backend must be systemd, cron or launchd, not '\(backend)'")
            }
        }

        func run(in workspace: Workspace) async throws {
            let scheduler = workspace.scheduler()
            let plan = try scheduler.planInstall(
                at: try ScheduleTime(parsing: at), backend: backend.flatMap(ScheduleBackend.init(rawValue:)))
            try ScheduleCommand.carryOut(plan, with: scheduler, dryRun: dryRun, quiet: global.quiet)
        }
    }

    /// `dossier schedule remove`.
    struct Remove: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the nightly refresh schedule, whichever backend installed it.",
            discussion: """
            Disables the timer or agent, deletes the files install wrote, removes dossier's block from \
            the crontab (keeping every other line) and deletes directories install created once empty. \
            The refresh log is kept. Does nothing, and says so, when no schedule is installed.

            Exit status: 0 when removed (or nothing was installed), 65 when the crontab holds a broken \
            dossier block, 73 when a file cannot be deleted, 1 when a command failed.

            Examples:
              dossier schedule remove
              dossier schedule remove --dry-run
            """
        )

        @Flag(help: "Print what would be deleted and run; change nothing.")
        var dryRun = false

        @OptionGroup var global: GlobalOptions

        func run(in workspace: Workspace) async throws {
            let scheduler = workspace.scheduler()
            let plan = try scheduler.planRemove()
            if plan.steps.isEmpty {
                print(plan.summary)
                return
            }
            try ScheduleCommand.carryOut(plan, with: scheduler, dryRun: dryRun, quiet: global.quiet)
        }
    }

    /// `dossier schedule status`.
    struct Status: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the backend, whether a schedule is installed, its time and the next run.",
            discussion: """
            The next run is systemd's own answer for a timer (systemd 251 or later), else computed from \
            the installed time in local time. The last refresh is read from last-refresh-success in the \
            data directory.

            --json prints one object with these keys (times are ISO 8601 with the local offset):
              backend       "systemd", "cron" or "launchd" (when none: what install uses)
              unavailable   why that backend cannot be installed here, or null
              installed     true or false
              time          "HH:MM" or null
              next_run      time or null
              last_refresh  time or null (no successful refresh recorded)
              log_file      path, or null for systemd (which logs to the journal)
              locations     array of the files (or crontab) holding the schedule
              warnings      array of strings

            Exit status: 0 when shown (also when nothing is installed), 1 when the crontab cannot be read.

            Examples:
              dossier schedule status
              dossier schedule status --json
            """
        )

        @Flag(help: "Print a JSON object (stable keys, listed above).")
        var json = false

        @OptionGroup var global: GlobalOptions

        func run(in workspace: Workspace) async throws {
            let scheduler = workspace.scheduler()
            let status = try scheduler.status()
            let listing = StatusListing(status, timeZone: scheduler.environment.timeZone)
            if json {
                try StandardOutput.writeJSON(listing)
                return
            }
            ScheduleCommand.warn(status.warnings, quiet: global.quiet)
            if status.installed {
                print("backend:      \(listing.backend)")
            } else if let unavailable = status.unavailable {
                print("backend:      \(listing.backend) would be used, but cannot be here: \(unavailable)")
            } else {
                print("backend:      \(listing.backend) (would be used)")
            }
            print("installed:    \(status.installed ? "yes" : "no")")
            if status.installed {
                print("time:         \(listing.time.map { "daily at \($0)" } ?? "unknown")")
                print("next run:     \(listing.nextRun ?? "unknown")")
            }
            print("last refresh: \(listing.lastRefresh ?? "never")")
            if let logFile = listing.logFile {
                print("log:          \(logFile)")
            } else if status.installed && status.backend == .systemd {
                print("log:          journalctl --user -u \(SystemdSchedule.serviceName)")
            }
            for location in listing.locations { print("location:     \(location)") }
        }
    }
}

/// `dossier schedule status --json`: keys are stable and listed in the command's help.
private struct StatusListing: Encodable {
    let backend: String
    let installed: Bool
    let time: String?
    let nextRun: String?
    let lastRefresh: String?
    let logFile: String?
    let locations: [String]
    let warnings: [String]
    let unavailable: String?

    enum CodingKeys: String, CodingKey {
        case backend, installed, time, locations, warnings, unavailable
        case nextRun = "next_run"
        case lastRefresh = "last_refresh"
        case logFile = "log_file"
    }

    init(_ status: ScheduleStatus, timeZone: TimeZone) {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        backend = status.backend.rawValue
        installed = status.installed
        time = status.time?.description
        nextRun = status.nextRun.map(formatter.string(from:))
        lastRefresh = status.lastRefresh.map(formatter.string(from:))
        logFile = status.logFile
        locations = status.locations
        warnings = status.warnings
        unavailable = status.unavailable?.description
    }
}
