import DossierSchedule
import ExternalCommands
import Foundation
import Locking
import Testing

/// A ``CommandRunner`` that runs nothing: it records every command, keeps a crontab in memory and
/// answers systemctl, loginctl and launchctl as a test configures it.
public final class FakeCommandRunner: CommandRunner {
    private struct State {
        public var programs: [String: String]
        public var crontab: String?
        public var commands: [ExternalCommand] = []
    }

    private let state: Locked<State>
    /// Whether `systemctl --user show-environment` succeeds.
    public let userManagerReachable: Bool
    /// What `loginctl show-user … -p Linger` prints, e.g. "Linger=no".
    public let linger: String
    /// What `systemctl --user list-timers …` prints.
    public let listTimersOutput: String

    public init(
        programs: [String] = ["systemctl", "crontab", "flock", "loginctl", "launchctl"],
        crontab: String? = nil,
        userManagerReachable: Bool = true,
        linger: String = "Linger=yes",
        listTimersOutput: String = ""
    ) {
        var located: [String: String] = [:]
        for program in programs { located[program] = "/usr/bin/" + program }
        state = Locked(State(programs: located, crontab: crontab))
        self.userManagerReachable = userManagerReachable
        self.linger = linger
        self.listTimersOutput = listTimersOutput
    }

    /// The crontab as cron would hold it now; nil when the user has none.
    public var crontab: String? { state.withLock { $0.crontab } }
    /// Every command run so far, in order.
    public var commands: [ExternalCommand] { state.withLock { $0.commands } }
    /// The commands as shell lines.
    public var commandLines: [String] { commands.map(\.description) }

    public func locate(_ program: String) -> String? { state.withLock { $0.programs[program] } }

    public func run(_ command: ExternalCommand) throws -> CommandResult {
        try state.withLock { state in
            state.commands.append(command)
            guard state.programs[command.program] != nil else {
                Issue.record("ran \(command.program), which the test did not install")
                return CommandResult(status: 127)
            }
            switch (command.program, command.arguments) {
            case ("crontab", ["-l"]):
                guard let crontab = state.crontab else {
                    return CommandResult(status: 1, errorOutput: "no crontab for tester\n")
                }
                return CommandResult(status: 0, output: crontab)
            case ("crontab", ["-"]):
                state.crontab = command.input ?? ""
                return CommandResult(status: 0)
            case ("crontab", ["-r"]):
                state.crontab = nil
                return CommandResult(status: 0)
            case ("systemctl", ["--user", "show-environment"]):
                return userManagerReachable
                    ? CommandResult(status: 0, output: "HOME=/home/tester\n")
                    : CommandResult(status: 1, errorOutput: "Failed to connect to bus: No medium found\n")
            case ("systemctl", let arguments) where arguments.starts(with: ["--user", "list-timers"]):
                return CommandResult(status: 0, output: listTimersOutput)
            case ("systemctl", _), ("launchctl", _):
                return CommandResult(status: 0)
            case ("loginctl", let arguments) where arguments.first == "show-user" && arguments.suffix(2) == ["-p", "Linger"]:
                return CommandResult(status: 0, output: linger + "\n")
            default:
                throw FakeRunnerError.unexpected(command.description)
            }
        }
    }

    public enum FakeRunnerError: Error {
        case unexpected(String)
    }
}

/// A temporary home directory with a few files of the user's own, removed when the test ends.
public final class TemporaryHome {
    public let path: String

    public init() throws {
        path = FileManager.default.temporaryDirectory
            .appending(path: "dossier-schedule-\(UUID().uuidString)").path(percentEncoded: false)
        try FileManager.default.createDirectory(atPath: path + "/.config/other-tool", withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: URL(filePath: path + "/.config/other-tool/settings"))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Every directory and file below the home, with file contents, to compare before and after.
    public func snapshot() -> [String: String] {
        var tree: [String: String] = [:]
        let files = FileManager.default
        guard let enumerator = files.enumerator(atPath: path) else { return tree }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path + "/" + relative, isDirectory: &isDirectory) else { continue }
            tree[relative] =
                isDirectory.boolValue
                ? "<directory>"
                : (files.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) } ?? "<unreadable>")
        }
        return tree
    }

    /// A scheduler working in this home, with `runner` and a fixed clock in UTC.
    public func scheduler(
        runner: FakeCommandRunner,
        platform: SchedulePlatform = .linux,
        variables: [String: String] = [:],
        executablePath: String = "/opt/dossier/bin/dossier",
        now: Date = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    ) -> Scheduler {
        Scheduler(
            environment: ScheduleEnvironment(
                variables: ["HOME": path].merging(variables) { $1 },
                executablePath: executablePath, userName: "tester", userID: 501, platform: platform,
                runner: runner, now: now, timeZone: TimeZone(identifier: "UTC")!))
    }
}
