@testable import DossierSchedule
import DossierTestSupport
import Foundation
import Testing

@Suite("Scheduler")
struct SchedulerTests {
    static let usersCrontab = "# mine\nMAILTO=\"\"\n0 4 * * * /usr/bin/backup   # nightly\n"
    static let at0230 = ScheduleTime(hour: 2, minute: 30)!
    static let at0445 = ScheduleTime(hour: 4, minute: 45)!

    /// The commands that change something, leaving out the read-only queries.
    static func changingCommands(_ runner: FakeCommandRunner) -> [String] {
        runner.commands.filter { command in
            !(command.arguments == ["-l"]
                || command.arguments == ["--user", "show-environment"]
                || command.program == "loginctl"
                || command.arguments.starts(with: ["--user", "list-timers"]))
        }.map(\.description)
    }

    // MARK: Choosing a backend

    @Test("systemd is chosen when a user manager answers, else cron on Linux and launchd on macOS")
    func defaultBackend() throws {
        let home = try TemporaryHome()
        #expect(home.scheduler(runner: FakeCommandRunner()).defaultBackend() == .systemd)
        #expect(home.scheduler(runner: FakeCommandRunner(userManagerReachable: false)).defaultBackend() == .cron)
        #expect(home.scheduler(runner: FakeCommandRunner(programs: ["crontab", "flock"])).defaultBackend() == .cron)
        #expect(
            home.scheduler(runner: FakeCommandRunner(programs: ["launchctl"]), platform: .macOS).defaultBackend() == .launchd)
    }

    // MARK: systemd

    @Test("a systemd install writes both units, reloads and enables the timer")
    func systemdInstall() throws {
        let home = try TemporaryHome()
        let runner = FakeCommandRunner()
        let scheduler = home.scheduler(runner: runner, variables: ["DOSSIER_HOME": home.path + "/dh"])
        let plan = try scheduler.planInstall(at: Self.at0230, backend: nil)
        #expect(plan.backend == .systemd)
        #expect(plan.warnings.isEmpty)
        #expect(try scheduler.apply(plan).isEmpty)

        let unitDirectory = home.path + "/.config/systemd/user/"
        let service = try String(contentsOfFile: unitDirectory + "dossier-refresh.service", encoding: .utf8)
        #expect(service.contains("\nExecStart=/opt/dossier/bin/dossier refresh --quiet\n"))
        #expect(service.contains("\nEnvironment=DOSSIER_HOME=\(home.path)/dh\n"))
        let timer = try String(contentsOfFile: unitDirectory + "dossier-refresh.timer", encoding: .utf8)
        #expect(SystemdSchedule.time(inTimer: timer) == Self.at0230)
        #expect(
            Self.changingCommands(runner) == [
                "systemctl --user daemon-reload", "systemctl --user enable --now dossier-refresh.timer",
            ])
        #expect(runner.commandLines.contains("loginctl show-user tester -p Linger"))
    }

    @Test("units go to $XDG_CONFIG_HOME/systemd/user, and the XDG variables set are passed on")
    func systemdXDGConfigHome() throws {
        let home = try TemporaryHome()
        let configHome = home.path + "/xdg-config"
        let scheduler = home.scheduler(runner: FakeCommandRunner(), variables: ["XDG_CONFIG_HOME": configHome])
        _ = try scheduler.apply(try scheduler.planInstall(at: Self.at0230, backend: .systemd))
        let service = try String(contentsOfFile: configHome + "/systemd/user/dossier-refresh.service", encoding: .utf8)
        #expect(service.contains("\nEnvironment=XDG_CONFIG_HOME=\(configHome)\n"))
        #expect(!service.contains("DOSSIER_HOME"))
    }

    @Test("with lingering off, install warns that the timer runs only while logged in")
    func lingerWarning() throws {
        let home = try TemporaryHome()
        let scheduler = home.scheduler(runner: FakeCommandRunner(linger: "Linger=no"))
        let plan = try scheduler.planInstall(at: Self.at0230, backend: .systemd)
        #expect(
            plan.warnings == [
                "the timer runs only while you are logged in; enable lingering with: loginctl enable-linger tester"
            ])
    }

    @Test("choosing systemd without a reachable user manager is an error naming the cause; the dry-run plan is still there")
    func systemdUnreachable() throws {
        let home = try TemporaryHome()
        let scheduler = home.scheduler(runner: FakeCommandRunner(userManagerReachable: false))
        let plan = try scheduler.planInstall(at: Self.at0230, backend: .systemd)
        #expect(plan.steps.contains { if case .writeFile(let path, _) = $0 { path.hasSuffix("dossier-refresh.timer") } else { false } })
        #expect(throws: ScheduleError.systemdUnreachable(reason: "Failed to connect to bus: No medium found", advice: "use --backend cron")) {
            try scheduler.apply(plan)
        }
    }

    @Test("with neither a user manager nor crontab, each backend's error says what to install rather than pointing at the other")
    func nothingAvailable() throws {
        let home = try TemporaryHome()
        let scheduler = home.scheduler(runner: FakeCommandRunner(programs: ["systemctl"], userManagerReachable: false))
        let systemd = try #require(scheduler.blocker(for: .systemd))
        #expect(systemd.description.contains("install cron (apt-get install cron) and use --backend cron"))
        let cron = try #require(scheduler.blocker(for: .cron))
        #expect(cron.description == "crontab is not on PATH; it is needed for the cron backend (install cron: apt-get install cron)")
        let plan = try scheduler.planInstall(at: Self.at0230, backend: .cron)
        #expect(plan.dryRunDescription.contains("would run: crontab -"), "\(plan.dryRunDescription)")
        #expect(plan.blockers == [cron])
        let status = try scheduler.status()
        #expect(status.unavailable == scheduler.blocker(for: status.backend))
        #expect(status.unavailable != nil)
    }

    @Test("installing systemd twice leaves the same files; a new time replaces the old and restarts the timer")
    func systemdIdempotent() throws {
        let home = try TemporaryHome()
        let runner = FakeCommandRunner()
        let scheduler = home.scheduler(runner: runner)
        _ = try scheduler.apply(try scheduler.planInstall(at: Self.at0230))
        let once = home.snapshot()
        _ = try scheduler.apply(try scheduler.planInstall(at: Self.at0230))
        #expect(home.snapshot() == once)
        _ = try scheduler.apply(try scheduler.planInstall(at: Self.at0445))
        #expect(try scheduler.status().time == Self.at0445)
        #expect(Self.changingCommands(runner).last == "systemctl --user restart dossier-refresh.timer")
    }

    @Test("removing a systemd schedule disables the timer and leaves the home as it was before install")
    func systemdRemove() throws {
        let home = try TemporaryHome()
        let runner = FakeCommandRunner()
        let scheduler = home.scheduler(runner: runner)
        let before = home.snapshot()
        _ = try scheduler.apply(try scheduler.planInstall(at: Self.at0230))
        #expect(home.snapshot() != before)
        let removal = try scheduler.planRemove()
        #expect(try scheduler.apply(removal).isEmpty)
        #expect(home.snapshot() == before)
        #expect(
            Self.changingCommands(runner).suffix(2) == [
                "systemctl --user disable --now dossier-refresh.timer", "systemctl --user daemon-reload",
            ])
    }

    // MARK: cron

    @Test("a cron install adds one block and keeps the user's lines; installing again changes nothing")
    func cronInstall() throws {
        let home = try TemporaryHome()
        let runner = FakeCommandRunner(crontab: Self.usersCrontab, userManagerReachable: false)
        let scheduler = home.scheduler(runner: runner)
        let plan = try scheduler.planInstall(at: Self.at0230)
        #expect(plan.backend == .cron)
        _ = try scheduler.apply(plan)
        let crontab = try #require(runner.crontab)
        #expect(crontab.hasPrefix(Self.usersCrontab))
        #expect(
            crontab.contains(
                "\n30 2 * * * /usr/bin/flock -n \(home.path)/.cache/dossier/refresh.lock /opt/dossier/bin/dossier refresh --quiet"
                    + " >> \(home.path)/.local/share/dossier/refresh.log 2>&1\n"))
        // cron opens the log and lock in these directories, so install creates them.
        #expect(FileManager.default.fileExists(atPath: home.path + "/.local/share/dossier"))
        #expect(FileManager.default.fileExists(atPath: home.path + "/.cache/dossier"))

        let tree = home.snapshot()
        _ = try scheduler.apply(try scheduler.planInstall(at: Self.at0230))
        #expect(runner.crontab == crontab)
        #expect(home.snapshot() == tree)
        _ = try scheduler.apply(try scheduler.planInstall(at: Self.at0445))
        #expect(try CronSchedule.installedTime(in: runner.crontab ?? "") == Self.at0445)
        #expect(runner.crontab?.components(separatedBy: CronSchedule.beginMarker).count == 2)
    }

    @Test("removing a cron schedule restores the crontab and the home exactly")
    func cronRemove() throws {
        let home = try TemporaryHome()
        let runner = FakeCommandRunner(crontab: Self.usersCrontab, userManagerReachable: false)
        let scheduler = home.scheduler(runner: runner)
        let before = home.snapshot()
        _ = try scheduler.apply(try scheduler.planInstall(at: Self.at0230))
        _ = try scheduler.apply(try scheduler.planRemove())
        #expect(runner.crontab == Self.usersCrontab)
        #expect(home.snapshot() == before)
    }

    @Test("a user who had no crontab has none again after remove")
    func cronRemoveToNothing() throws {
        let home = try TemporaryHome()
        let runner = FakeCommandRunner(crontab: nil, userManagerReachable: false)
        let scheduler = home.scheduler(runner: runner)
        _ = try scheduler.apply(try scheduler.planInstall(at: Self.at0230))
        #expect(runner.crontab != nil)
        _ = try scheduler.apply(try scheduler.planRemove())
        #expect(runner.crontab == nil)
        #expect(runner.commandLines.last == "crontab -r")
    }

    @Test("cron without flock on PATH is a clear error")
    func cronNeedsFlock() throws {
        let home = try TemporaryHome()
        let scheduler = home.scheduler(runner: FakeCommandRunner(programs: ["crontab"]))
        let plan = try scheduler.planInstall(at: Self.at0230, backend: .cron)
        #expect(throws: ScheduleError.self) { try scheduler.apply(plan) }
        do {
            _ = try scheduler.apply(plan)
        } catch let error as ScheduleError {
            guard case .programMissing(program: "flock", _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(error.description.hasPrefix("flock is not on PATH"))
        }
    }

    // MARK: launchd

    @Test("a launchd install writes the agent and bootstraps it on macOS; remove boots it out")
    func launchd() throws {
        let home = try TemporaryHome()
        let runner = FakeCommandRunner(programs: ["launchctl"])
        let scheduler = home.scheduler(runner: runner, platform: .macOS, variables: ["DOSSIER_HOME": home.path + "/dh"])
        try FileManager.default.createDirectory(atPath: home.path + "/dh", withIntermediateDirectories: false)
        let before = home.snapshot()
        let plan = try scheduler.planInstall(at: Self.at0230)
        #expect(plan.backend == .launchd)
        _ = try scheduler.apply(plan)
        let plistPath = home.path + "/Library/LaunchAgents/org.dossier.refresh.plist"
        let data = try #require(FileManager.default.contents(atPath: plistPath))
        let root = try #require(try PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any])
        #expect(root["ProgramArguments"] as? [String] == ["/opt/dossier/bin/dossier", "refresh", "--quiet"])
        #expect(root["EnvironmentVariables"] as? [String: String] == ["DOSSIER_HOME": home.path + "/dh"])
        #expect(root["StandardOutPath"] as? String == home.path + "/dh/data/refresh.log")
        #expect(runner.commandLines == ["launchctl bootstrap gui/501 \(plistPath)"])

        _ = try scheduler.apply(try scheduler.planInstall(at: Self.at0445))
        #expect(LaunchdSchedule.time(inPropertyList: FileManager.default.contents(atPath: plistPath) ?? Data()) == Self.at0445)
        #expect(runner.commandLines.suffix(2) == ["launchctl bootout gui/501/org.dossier.refresh", "launchctl bootstrap gui/501 \(plistPath)"])

        _ = try scheduler.apply(try scheduler.planRemove())
        #expect(runner.commandLines.last == "launchctl bootout gui/501/org.dossier.refresh")
        #expect(home.snapshot() == before)
    }

    @Test("off macOS the launchd agent is written but launchctl is not run, with a warning")
    func launchdOffMacOS() throws {
        let home = try TemporaryHome()
        let runner = FakeCommandRunner(programs: [])
        let scheduler = home.scheduler(runner: runner, platform: .linux)
        let plan = try scheduler.planInstall(at: Self.at0230, backend: .launchd)
        #expect(plan.warnings == ["launchctl runs only on macOS: the agent is written but not loaded"])
        _ = try scheduler.apply(plan)
        #expect(runner.commands.isEmpty)
    }

    // MARK: Across backends

    @Test("a dry run changes no file, no crontab and runs only read-only queries, but shows the files")
    func dryRun() throws {
        for (backend, platform) in [(ScheduleBackend.systemd, SchedulePlatform.linux), (.cron, .linux), (.launchd, .macOS)] {
            let home = try TemporaryHome()
            let runner = FakeCommandRunner(crontab: Self.usersCrontab)
            let scheduler = home.scheduler(runner: runner, platform: platform)
            let before = home.snapshot()
            let plan = try scheduler.planInstall(at: Self.at0230, backend: backend)
            #expect(home.snapshot() == before)
            #expect(runner.crontab == Self.usersCrontab)
            #expect(Self.changingCommands(runner).isEmpty, "\(backend)")
            let description = plan.dryRunDescription
            switch backend {
            case .systemd:
                #expect(description.contains("    OnCalendar=*-*-* 02:30:00"))
                #expect(description.contains("would run: systemctl --user enable --now dossier-refresh.timer"))
            case .cron:
                #expect(description.contains("would run: crontab - with this input:\n    # mine\n"))
                #expect(description.contains("    " + CronSchedule.beginMarker))
            case .launchd:
                #expect(description.contains("    \t<key>StartCalendarInterval</key>"))
                #expect(description.contains("would run: launchctl bootstrap gui/501 "))
            }
        }
    }

    @Test("installing with another backend removes the schedule the first one left")
    func switchingBackends() throws {
        let home = try TemporaryHome()
        let runner = FakeCommandRunner(crontab: Self.usersCrontab)
        let scheduler = home.scheduler(runner: runner)
        _ = try scheduler.apply(try scheduler.planInstall(at: Self.at0230, backend: .cron))
        let plan = try scheduler.planInstall(at: Self.at0230, backend: .systemd)
        #expect(plan.warnings.contains("the cron schedule is replaced by the systemd one"))
        _ = try scheduler.apply(plan)
        #expect(runner.crontab == Self.usersCrontab)
        #expect(try scheduler.installedBackends() == [.systemd])
    }

    @Test("remove with nothing installed changes nothing and says so")
    func removeNothing() throws {
        let home = try TemporaryHome()
        let runner = FakeCommandRunner(crontab: Self.usersCrontab)
        let scheduler = home.scheduler(runner: runner)
        let before = home.snapshot()
        let plan = try scheduler.planRemove()
        #expect(plan.steps.isEmpty)
        #expect(plan.summary == "nothing to remove: no dossier schedule is installed")
        #expect(try scheduler.apply(plan).isEmpty)
        #expect(home.snapshot() == before)
        #expect(runner.crontab == Self.usersCrontab)
    }

    @Test("a path with a newline is refused before anything is written")
    func controlCharacters() throws {
        let home = try TemporaryHome()
        let scheduler = home.scheduler(runner: FakeCommandRunner(), executablePath: "/opt/dossier\n/bin/dossier")
        #expect(throws: ScheduleError.unsupportedPath("/opt/dossier\n/bin/dossier")) {
            try scheduler.planInstall(at: Self.at0230)
        }
    }

    // MARK: Status

    @Test("status without a schedule names the backend install would use and the last refresh")
    func statusNotInstalled() throws {
        let home = try TemporaryHome()
        let scheduler = home.scheduler(runner: FakeCommandRunner(userManagerReachable: false))
        let dataDirectory = home.path + "/.local/share/dossier"
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try "2025-12-31T02:31:07Z\n".write(toFile: dataDirectory + "/last-refresh-success", atomically: true, encoding: .utf8)
        let status = try scheduler.status()
        #expect(status.backend == .cron)
        #expect(!status.installed)
        #expect(status.time == nil)
        #expect(status.nextRun == nil)
        #expect(status.lastRefresh == Date(timeIntervalSince1970: 1_767_148_267))
    }

    @Test("status of a cron schedule reads the time from the crontab and computes the next run")
    func statusCron() throws {
        let home = try TemporaryHome()
        let runner = FakeCommandRunner(crontab: Self.usersCrontab, userManagerReachable: false)
        let scheduler = home.scheduler(runner: runner)
        _ = try scheduler.apply(try scheduler.planInstall(at: Self.at0230))
        let status = try scheduler.status()
        #expect(status.backend == .cron)
        #expect(status.installed)
        #expect(status.time == Self.at0230)
        #expect(status.nextRun == Date(timeIntervalSince1970: 1_767_225_600 + 9_000))  // 2026-01-01T02:30Z
        #expect(status.logFile == home.path + "/.local/share/dossier/refresh.log")
        #expect(status.lastRefresh == nil)
        #expect(status.warnings.isEmpty)
    }

    @Test("status of a systemd timer takes the next run from list-timers, and flags an inactive timer")
    func statusSystemd() throws {
        let home = try TemporaryHome()
        let listing = "@1767231187 1h 38min left - - dossier-refresh.timer dossier-refresh.service\n"
        let active = home.scheduler(runner: FakeCommandRunner(listTimersOutput: listing))
        _ = try active.apply(try active.planInstall(at: Self.at0230))
        let status = try active.status()
        #expect(status.backend == .systemd)
        #expect(status.time == Self.at0230)
        #expect(status.nextRun == Date(timeIntervalSince1970: 1_767_231_187))
        #expect(status.logFile == nil)

        let inactive = try home.scheduler(runner: FakeCommandRunner(listTimersOutput: "")).status()
        #expect(inactive.nextRun == nil)
        #expect(inactive.warnings == ["the timer is not active; run dossier schedule install again to enable it"])
    }

    @Test("a last-refresh stamp that is not ISO 8601 is reported as a warning")
    func statusBadStamp() throws {
        let home = try TemporaryHome()
        let scheduler = home.scheduler(runner: FakeCommandRunner(), variables: ["DOSSIER_HOME": home.path + "/dh"])
        try FileManager.default.createDirectory(atPath: home.path + "/dh/data", withIntermediateDirectories: true)
        try "yesterday".write(toFile: home.path + "/dh/data/last-refresh-success", atomically: true, encoding: .utf8)
        let status = try scheduler.status()
        #expect(status.lastRefresh == nil)
        #expect(status.warnings.count == 1)
        #expect(status.warnings.first?.contains("does not hold an ISO 8601 time") == true)
    }
}
