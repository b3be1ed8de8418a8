import ExternalCommands
import AtomicFiles
import Foundation

/// Installs, removes and inspects the nightly `dossier refresh` with systemd, cron or launchd, against
/// an injected ``ScheduleEnvironment``.
///
/// Install and remove are planned first (``planInstall(at:backend:)``, ``planRemove()``), reading only,
/// then carried out with ``apply(_:)``. Installing is idempotent: a second install leaves one schedule,
/// with the new time, and a schedule left by another backend is removed. Removing deletes what install
/// wrote, restores the crontab lines around dossier's block and prunes the directories install created
/// once they are empty.
public struct Scheduler: Sendable {
    public let environment: ScheduleEnvironment

    public init(environment: ScheduleEnvironment) {
        self.environment = environment
    }

    private var runner: any CommandRunner { environment.runner }
    private var servicePath: String { environment.systemdUnitDirectory + "/" + SystemdSchedule.serviceName }
    private var timerPath: String { environment.systemdUnitDirectory + "/" + SystemdSchedule.timerName }
    private var plistPath: String { environment.launchAgentsDirectory + "/" + LaunchdSchedule.fileName }
    private var launchdService: String {
        LaunchdSchedule.domain(userID: environment.userID) + "/" + LaunchdSchedule.label
    }

    // MARK: Choosing a backend

    /// systemd when `systemctl` is installed and a user manager answers, else launchd on macOS and
    /// cron elsewhere.
    public func defaultBackend() -> ScheduleBackend {
        systemdUnreachableReason() == nil ? .systemd : fallbackBackend
    }

    private var fallbackBackend: ScheduleBackend { environment.platform == .macOS ? .launchd : .cron }

    /// Why `systemctl --user` cannot be used, or nil when it can.
    private func systemdUnreachableReason() -> String? {
        guard runner.locate("systemctl") != nil else { return "systemctl is not installed" }
        guard let result = try? runner.run(ExternalCommand("systemctl", ["--user", "show-environment"])) else {
            return "systemctl could not be started"
        }
        return result.succeeded ? nil : Self.firstLine(result.errorOutput, orStatus: result.status)
    }

    /// The backends that have a dossier schedule in place, in ``ScheduleBackend/allCases`` order.
    public func installedBackends() throws -> [ScheduleBackend] {
        var found: [ScheduleBackend] = []
        let files = FileManager.default
        if files.fileExists(atPath: servicePath) || files.fileExists(atPath: timerPath) { found.append(.systemd) }
        if let crontab = try currentCrontab(), try CronSchedule.hasBlock(crontab) { found.append(.cron) }
        if files.fileExists(atPath: plistPath) { found.append(.launchd) }
        return found
    }

    // MARK: Planning

    /// Why `backend` cannot be installed on this machine, saying what to do instead; nil when it
    /// can. The advice names the other backend only when that one can be used.
    public func blocker(for backend: ScheduleBackend) -> ScheduleError? {
        switch backend {
        case .systemd:
            guard let reason = systemdUnreachableReason() else { return nil }
            let cronUsable = runner.locate("crontab") != nil && runner.locate("flock") != nil
            let advice = cronUsable ? "use --backend cron"
                : "install cron (apt-get install cron) and use --backend cron, or run this in a login session with a systemd user manager"
            guard runner.locate("systemctl") != nil else {
                return .programMissing(program: "systemctl", purpose: "for the systemd backend; \(advice)")
            }
            return .systemdUnreachable(reason: reason, advice: advice)
        case .cron:
            let systemdUsable = systemdUnreachableReason() == nil
            if runner.locate("crontab") == nil {
                return .programMissing(
                    program: "crontab",
                    purpose: "for the cron backend (install cron: apt-get install cron" + (systemdUsable ? "; or choose --backend systemd)" : ")"))
            }
            if runner.locate("flock") == nil {
                return .programMissing(
                    program: "flock", purpose: "to keep two nightly refreshes from overlapping (it comes with util-linux)")
            }
            return nil
        case .launchd:
            return nil
        }
    }

    /// The steps that schedule `dossier refresh --quiet` daily at `time` with `backend` (by default
    /// ``defaultBackend()``), replacing any schedule already installed. Reads only. What keeps the
    /// plan from working here is among its blockers, not thrown: a dry run shows what would be
    /// installed whatever is present.
    public func planInstall(at time: ScheduleTime, backend requested: ScheduleBackend? = nil) throws -> SchedulePlan {
        try checkPaths()
        let backend = requested ?? defaultBackend()
        var steps: [SchedulePlan.Step]
        var warnings: [String] = []
        switch backend {
        case .systemd:
            (steps, warnings) = systemdInstallSteps(at: time)
        case .cron:
            steps = try cronInstallSteps(at: time)
        case .launchd:
            (steps, warnings) = launchdInstallSteps(at: time)
        }
        for other in try installedBackends() where other != backend {
            steps += try removalSteps(for: other)
            warnings.append("the \(other) schedule is replaced by the \(backend) one")
        }
        if environment.executablePath.contains("/.build/") {
            warnings.append(
                "the schedule runs \(environment.executablePath), a build product; "
                    + "install dossier and run this command from the installed copy to keep it working")
        }
        return SchedulePlan(
            backend: backend, steps: steps, warnings: warnings, blockers: blocker(for: backend).map { [$0] } ?? [],
            summary: "dossier refresh runs daily at \(time) (\(backend))")
    }

    /// The steps that undo every installed schedule; an empty plan when none is installed. Reads only.
    public func planRemove() throws -> SchedulePlan {
        let installed = try installedBackends()
        guard !installed.isEmpty else {
            return SchedulePlan(
                backend: nil, steps: [], warnings: [], summary: "nothing to remove: no dossier schedule is installed")
        }
        let steps = try installed.flatMap(removalSteps(for:))
        let names = installed.map(\.rawValue).joined(separator: " and ")
        return SchedulePlan(backend: nil, steps: steps, warnings: [], summary: "removed the \(names) schedule")
    }

    private func systemdInstallSteps(at time: ScheduleTime) -> ([SchedulePlan.Step], [String]) {
        let replacing = FileManager.default.fileExists(atPath: timerPath)
        var steps = createDirectorySteps([environment.systemdUnitDirectory])
        steps += [
            .writeFile(
                path: servicePath,
                contents: SystemdSchedule.service(
                    executablePath: environment.executablePath, environment: environment.passedVariables)),
            .writeFile(path: timerPath, contents: SystemdSchedule.timer(at: time)),
            .run(ExternalCommand("systemctl", ["--user", "daemon-reload"]), required: true),
            .run(ExternalCommand("systemctl", ["--user", "enable", "--now", SystemdSchedule.timerName]), required: true),
        ]
        if replacing {
            // An active timer keeps its old elapse time until restarted.
            steps.append(.run(ExternalCommand("systemctl", ["--user", "restart", SystemdSchedule.timerName]), required: true))
        }
        return (steps, lingerWarning().map { [$0] } ?? [])
    }

    /// The warning for a user whose manager stops at logout, when `loginctl` says lingering is off.
    private func lingerWarning() -> String? {
        guard runner.locate("loginctl") != nil,
            let result = try? runner.run(ExternalCommand("loginctl", ["show-user", environment.userName, "-p", "Linger"])),
            result.succeeded,
            result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "Linger=no"
        else { return nil }
        return "the timer runs only while you are logged in; "
            + "enable lingering with: loginctl enable-linger \(environment.userName)"
    }

    /// The crontab steps; without `crontab` or `flock` (a blocker of the plan) they show what would
    /// be installed, with `flock` at its usual place.
    private func cronInstallSteps(at time: ScheduleTime) throws -> [SchedulePlan.Step] {
        let flock = runner.locate("flock") ?? "/usr/bin/flock"
        let crontab = try currentCrontab() ?? ""
        let job = CronSchedule.Job(
            time: time, executablePath: environment.executablePath, flockPath: flock,
            lockFile: environment.lockFile, logFile: environment.logFile, environment: environment.passedVariables)
        let updated = try CronSchedule.installing(job, into: crontab)
        var steps = createDirectorySteps([
            environment.directory(environment.paths.dataDirectory),
            environment.directory(environment.paths.cacheDirectory),
        ])
        if updated != crontab {
            steps.append(.run(ExternalCommand("crontab", ["-"], input: updated), required: true))
        }
        return steps
    }

    private func launchdInstallSteps(at time: ScheduleTime) -> ([SchedulePlan.Step], [String]) {
        let onMacOS = environment.platform == .macOS
        var steps = createDirectorySteps([
            environment.launchAgentsDirectory, environment.directory(environment.paths.dataDirectory),
        ])
        if onMacOS && FileManager.default.fileExists(atPath: plistPath) {
            steps.append(.run(ExternalCommand("launchctl", ["bootout", launchdService]), required: false))
        }
        steps.append(
            .writeFile(
                path: plistPath,
                contents: LaunchdSchedule.propertyList(
                    time: time, executablePath: environment.executablePath, logFile: environment.logFile,
                    environment: environment.passedVariables)))
        guard onMacOS else {
            return (steps, ["launchctl runs only on macOS: the agent is written but not loaded"])
        }
        let domain = LaunchdSchedule.domain(userID: environment.userID)
        steps.append(.run(ExternalCommand("launchctl", ["bootstrap", domain, plistPath]), required: true))
        return (steps, [])
    }

    /// The steps that undo what installing with `backend` did.
    private func removalSteps(for backend: ScheduleBackend) throws -> [SchedulePlan.Step] {
        switch backend {
        case .systemd:
            var steps: [SchedulePlan.Step] = []
            let canRunSystemctl = runner.locate("systemctl") != nil
            if canRunSystemctl {
                steps.append(
                    .run(ExternalCommand("systemctl", ["--user", "disable", "--now", SystemdSchedule.timerName]), required: false))
            }
            steps += [.deleteFile(servicePath), .deleteFile(timerPath)]
            if canRunSystemctl {
                steps.append(.run(ExternalCommand("systemctl", ["--user", "daemon-reload"]), required: false))
            }
            steps.append(
                .pruneEmptyDirectories([environment.systemdUnitDirectory + "/timers.target.wants", environment.systemdUnitDirectory]))
            return steps
        case .cron:
            guard let crontab = try currentCrontab(), let remaining = try CronSchedule.removing(from: crontab) else { return [] }
            let rewrite =
                remaining.isEmpty
                ? ExternalCommand("crontab", ["-r"]) : ExternalCommand("crontab", ["-"], input: remaining)
            return [
                .run(rewrite, required: true),
                .deleteFile(environment.lockFile),
                .pruneEmptyDirectories([
                    environment.directory(environment.paths.cacheDirectory),
                    environment.directory(environment.paths.dataDirectory),
                ]),
            ]
        case .launchd:
            var steps: [SchedulePlan.Step] = []
            if environment.platform == .macOS {
                steps.append(.run(ExternalCommand("launchctl", ["bootout", launchdService]), required: false))
            }
            steps += [
                .deleteFile(plistPath),
                .pruneEmptyDirectories([
                    environment.launchAgentsDirectory, environment.directory(environment.paths.dataDirectory),
                ]),
            ]
            return steps
        }
    }

    private func createDirectorySteps(_ directories: [String]) -> [SchedulePlan.Step] {
        directories.filter { !FileManager.default.fileExists(atPath: $0) }.map { .createDirectory($0) }
    }

    /// The paths written into unit files, crontab lines and plists must be single-line text.
    private func checkPaths() throws {
        let paths = [environment.executablePath, environment.logFile, environment.lockFile, environment.configHome]
            + environment.passedVariables.map(\.value)
        if let bad = paths.first(where: { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            throw ScheduleError.unsupportedPath(bad)
        }
    }

    // MARK: Applying

    /// Carries out `plan` in order; returns warnings for optional steps that failed. Throws the plan's
    /// first blocker before doing anything, and at the first failed required step, leaving the steps
    /// before it done.
    public func apply(_ plan: SchedulePlan) throws -> [String] {
        if let blocker = plan.blockers.first { throw blocker }
        var warnings: [String] = []
        let files = FileManager.default
        for step in plan.steps {
            switch step {
            case .createDirectory(let path):
                do {
                    try files.createDirectory(atPath: path, withIntermediateDirectories: true)
                } catch {
                    throw ScheduleError.cannotWrite(path: path, reason: Self.reason(error))
                }
            case .writeFile(let path, let contents):
                do {
                    try AtomicFile.write(Data(contents.utf8), toPath: path)
                } catch let error as AtomicFile.WriteError {
                    throw ScheduleError.cannotWrite(path: path, reason: error.reason)
                }
            case .deleteFile(let path):
                guard files.fileExists(atPath: path) else { continue }
                do {
                    try files.removeItem(atPath: path)
                } catch {
                    throw ScheduleError.cannotWrite(path: path, reason: Self.reason(error))
                }
            case .run(let command, let required):
                let result = try runChecked(command, required: required)
                if let result, !result.succeeded {
                    warnings.append("\(command) failed: \(Self.firstLine(result.errorOutput, orStatus: result.status))")
                }
            case .pruneEmptyDirectories(let directories):
                for directory in directories { pruneEmptyDirectories(from: directory) }
            }
        }
        return warnings
    }

    /// Runs `command`; throws when it is required and fails, else returns the result (nil if it could
    /// not start).
    private func runChecked(_ command: ExternalCommand, required: Bool) throws -> CommandResult? {
        let result: CommandResult
        do {
            result = try runner.run(command)
        } catch {
            if required {
                throw ScheduleError.commandFailed(command: command.description, status: 127, message: Self.reason(error))
            }
            return nil
        }
        if required && !result.succeeded {
            throw ScheduleError.commandFailed(
                command: command.description, status: result.status,
                message: result.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result
    }

    /// Removes `directory` and then its parents while they are empty, never an anchor or above one.
    private func pruneEmptyDirectories(from directory: String) {
        let anchors = environment.pruningAnchors
        var current = ScheduleEnvironment.withoutTrailingSlash(directory)
        while !anchors.contains(current), anchors.contains(where: { current.hasPrefix($0 == "/" ? "/" : $0 + "/") }) {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: current), entries.isEmpty,
                (try? FileManager.default.removeItem(atPath: current)) != nil
            else { return }
            current = (current as NSString).deletingLastPathComponent
        }
    }

    // MARK: Status

    /// The installed schedule (or the backend install would choose), its time, next run and the last
    /// successful refresh.
    public func status() throws -> ScheduleStatus {
        let installed = try installedBackends()
        var warnings: [String] = []
        if installed.count > 1 {
            warnings.append(
                "schedules from several backends are installed (\(installed.map(\.rawValue).joined(separator: ", "))); "
                    + "run dossier schedule install to keep one")
        }
        let lastRefresh = readLastRefresh(warnings: &warnings)
        guard let backend = installed.first else {
            let backend = defaultBackend()
            return ScheduleStatus(
                backend: backend, installed: false, time: nil, nextRun: nil, lastRefresh: lastRefresh,
                logFile: nil, locations: [], warnings: warnings, unavailable: blocker(for: backend))
        }
        let time: ScheduleTime?
        var nextRun: Date?
        let locations: [String]
        var logFile: String? = environment.logFile
        switch backend {
        case .systemd:
            time = (try? String(contentsOfFile: timerPath, encoding: .utf8)).flatMap(SystemdSchedule.time(inTimer:))
            locations = [servicePath, timerPath]
            logFile = nil
            switch systemdNextElapse() {
            case .scheduled(let date): nextRun = date
            case .inactive:
                warnings.append("the timer is not active; run dossier schedule install again to enable it")
            case .unknown: nextRun = time.flatMap { $0.nextOccurrence(after: environment.now, in: environment.timeZone) }
            }
        case .cron:
            time = try currentCrontab().flatMap(CronSchedule.installedTime(in:))
            locations = ["crontab of \(environment.userName)"]
        case .launchd:
            time = FileManager.default.contents(atPath: plistPath).flatMap(LaunchdSchedule.time(inPropertyList:))
            locations = [plistPath]
        }
        if backend != .systemd {
            nextRun = time.flatMap { $0.nextOccurrence(after: environment.now, in: environment.timeZone) }
        }
        if time == nil { warnings.append("the installed \(backend) schedule has no time dossier can read") }
        return ScheduleStatus(
            backend: backend, installed: true, time: time, nextRun: nextRun, lastRefresh: lastRefresh,
            logFile: logFile, locations: locations, warnings: warnings)
    }

    /// systemd's next elapse of the timer, from `list-timers` with Unix timestamps (systemd 251+).
    private enum NextElapse {
        case scheduled(Date)
        case inactive
        /// systemctl failed or printed something unexpected (older systemd); the caller computes one.
        case unknown
    }

    private func systemdNextElapse() -> NextElapse {
        let command = ExternalCommand(
            "systemctl",
            ["--user", "list-timers", SystemdSchedule.timerName, "--all", "--no-legend", "--timestamp=unix"])
        guard runner.locate("systemctl") != nil, let result = try? runner.run(command), result.succeeded else {
            return .unknown
        }
        guard let line = result.output.split(whereSeparator: \.isNewline).first(where: { $0.contains(SystemdSchedule.timerName) }),
            let next = line.split(separator: " ").first
        else { return .inactive }
        if next == "-" || next == "n/a" { return .inactive }
        guard next.hasPrefix("@"), let seconds = TimeInterval(next.dropFirst()) else { return .unknown }
        return .scheduled(Date(timeIntervalSince1970: seconds))
    }

    private func readLastRefresh(warnings: inout [String]) -> Date? {
        guard let text = try? String(contentsOfFile: environment.lastSuccessFile, encoding: .utf8) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: trimmed) { return date }
        formatter.formatOptions.insert(.withFractionalSeconds)
        if let date = formatter.date(from: trimmed) { return date }
        warnings.append("\(environment.lastSuccessFile) does not hold an ISO 8601 time: \(trimmed.debugDescription)")
        return nil
    }

    // MARK: Crontab

    /// The user's crontab; "" when they have none; nil when `crontab` is not installed.
    private func currentCrontab() throws -> String? {
        guard runner.locate("crontab") != nil else { return nil }
        let command = ExternalCommand("crontab", ["-l"])
        let result: CommandResult
        do {
            result = try runner.run(command)
        } catch {
            throw ScheduleError.commandFailed(command: command.description, status: 127, message: Self.reason(error))
        }
        if result.succeeded { return result.output }
        if result.errorOutput.lowercased().contains("no crontab") { return "" }
        throw ScheduleError.commandFailed(
            command: command.description, status: result.status,
            message: result.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func firstLine(_ text: String, orStatus status: Int32) -> String {
        text.split(whereSeparator: \.isNewline).first.map(String.init) ?? "exit status \(status)"
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
