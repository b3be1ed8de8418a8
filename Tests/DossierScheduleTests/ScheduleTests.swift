@testable import DossierSchedule
import DossierTestSupport
import ExternalCommands
import Foundation
import Testing

@Suite("Schedule time")
struct ScheduleTimeTests {
    @Test("--at accepts 24-hour HH:MM (one-digit hours too) and prints it back zero-padded")
    func validTimes() throws {
        #expect(try ScheduleTime(parsing: "02:30") == ScheduleTime(hour: 2, minute: 30))
        #expect(try ScheduleTime(parsing: "2:30").description == "02:30")
        #expect(try ScheduleTime(parsing: "00:00").description == "00:00")
        #expect(try ScheduleTime(parsing: "23:59").description == "23:59")
    }

    @Test(
        "--at rejects anything but a 24-hour HH:MM, naming the value",
        arguments: ["24:00", "12:60", "2:3", "02:30:00", "0230", "ab:cd", "", " 02:30", "02:30 ", "-1:30", "+2:30", "٠٢:٣٠", "2pm"])
    func invalidTimes(_ text: String) {
        #expect(throws: ScheduleError.invalidTime(text)) { try ScheduleTime(parsing: text) }
        #expect(ScheduleError.invalidTime(text).description.contains("HH:MM"))
    }

    @Test("the next run is the next local occurrence of the time")
    func nextOccurrence() throws {
        let utc = TimeZone(identifier: "UTC")!
        let midnight = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        let time = try ScheduleTime(parsing: "02:30")
        #expect(time.nextOccurrence(after: midnight, in: utc) == midnight.addingTimeInterval(2.5 * 3600))
        let afterIt = midnight.addingTimeInterval(3 * 3600)
        #expect(time.nextOccurrence(after: afterIt, in: utc) == midnight.addingTimeInterval(26.5 * 3600))
    }
}

@Suite("systemd schedule")
struct SystemdScheduleTests {
    @Test("the service is a niced oneshot running refresh --quiet, with DOSSIER_HOME only when set")
    func service() {
        let plain = SystemdSchedule.service(executablePath: "/opt/dossier/bin/dossier", environment: [])
        let lines = plain.split(separator: "\n").map(String.init)
        #expect(lines.contains("Type=oneshot"))
        #expect(lines.contains("ExecStart=/opt/dossier/bin/dossier refresh --quiet"))
        #expect(lines.contains("Nice=10"))
        #expect(!plain.contains("Environment="))
        let withHome = SystemdSchedule.service(
            executablePath: "/opt/dossier/bin/dossier", environment: [JobVariable(name: "DOSSIER_HOME", value: "/srv/d")])
        #expect(withHome.split(separator: "\n").contains("Environment=DOSSIER_HOME=/srv/d"))
    }

    @Test("paths with spaces, percent signs and dollars are quoted and escaped for systemd")
    func escaping() {
        let text = SystemdSchedule.service(
            executablePath: "/opt/my tools/50%/$dossier",
            environment: [JobVariable(name: "DOSSIER_HOME", value: "/srv/a \"b\"")])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains(#"ExecStart="/opt/my tools/50%%/$$dossier" refresh --quiet"#))
        #expect(lines.contains(#"Environment="DOSSIER_HOME=/srv/a \"b\"""#))
    }

    @Test("the timer fires daily at the time, catches up missed runs and is wanted by timers.target")
    func timer() throws {
        let text = SystemdSchedule.timer(at: try ScheduleTime(parsing: "05:07"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("OnCalendar=*-*-* 05:07:00"))
        #expect(lines.contains("Persistent=true"))
        #expect(lines.contains("RandomizedDelaySec=5min"))
        #expect(lines.contains("WantedBy=timers.target"))
        #expect(SystemdSchedule.time(inTimer: text) == ScheduleTime(hour: 5, minute: 7))
    }

    @Test(
        "systemd-analyze verify accepts the generated service and timer",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze"), "needs /usr/bin/systemd-analyze"))
    func systemdAnalyzeVerify() throws {
        let home = try TemporaryHome()
        // verify checks that ExecStart's binary exists: an awkward path to /bin/true tests the escaping too.
        let binDirectory = home.path + "/bin with space/100%"
        try FileManager.default.createDirectory(atPath: binDirectory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: binDirectory + "/dossier", withDestinationPath: "/bin/true")
        let unitDirectory = home.path + "/units"
        let runtimeDirectory = home.path + "/runtime"
        for directory in [unitDirectory, runtimeDirectory] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let service = unitDirectory + "/" + SystemdSchedule.serviceName
        let timer = unitDirectory + "/" + SystemdSchedule.timerName
        try SystemdSchedule.service(
            executablePath: binDirectory + "/dossier",
            environment: [JobVariable(name: "DOSSIER_HOME", value: home.path + "/dossier home")]
        ).write(toFile: service, atomically: true, encoding: .utf8)
        try SystemdSchedule.timer(at: try ScheduleTime(parsing: "02:30")).write(toFile: timer, atomically: true, encoding: .utf8)

        let result = try ProcessCommandRunner(path: "").run(ExternalCommand("/usr/bin/systemd-analyze", ["--user", "verify", service, timer], environment: [
            "HOME": home.path, "XDG_RUNTIME_DIR": runtimeDirectory, "PATH": "/usr/bin:/bin", "SYSTEMD_PAGER": "",
        ]))
        let text = result.output + result.errorOutput
        #expect(result.succeeded, "systemd-analyze verify: \(text)")
        let complaints = text.split(separator: "\n").filter { $0.contains(unitDirectory) || $0.contains("dossier-refresh") }
        #expect(complaints.isEmpty, "systemd-analyze verify: \(text)")
    }
}

@Suite("cron schedule")
struct CronScheduleTests {
    static func job(_ time: String, environment: [JobVariable] = []) throws -> CronSchedule.Job {
        CronSchedule.Job(
            time: try ScheduleTime(parsing: time), executablePath: "/opt/dossier/bin/dossier", flockPath: "/usr/bin/flock",
            lockFile: "/home/u/.cache/dossier/refresh.lock", logFile: "/home/u/.local/share/dossier/refresh.log",
            environment: environment)
    }

    static let usersCrontab = """
        # my jobs
        MAILTO=me@example.org
        */5 * * * * /usr/local/bin/backup --fast   # trailing comment

        0 12 * * 1 echo 50\\% done

        """

    @Test("the line runs the absolute dossier path under flock, appending to the log")
    func line() throws {
        #expect(
            CronSchedule.line(for: try Self.job("02:30"))
                == "30 2 * * * /usr/bin/flock -n /home/u/.cache/dossier/refresh.lock /opt/dossier/bin/dossier refresh --quiet"
                + " >> /home/u/.local/share/dossier/refresh.log 2>&1")
    }

    @Test("variables are set on the command; odd paths are shell-quoted and % is escaped for cron")
    func lineQuoting() throws {
        let job = CronSchedule.Job(
            time: try ScheduleTime(parsing: "23:05"), executablePath: "/opt/my tools/dossier", flockPath: "/usr/bin/flock",
            lockFile: "/tmp/it's.lock", logFile: "/tmp/100%.log",
            environment: [JobVariable(name: "DOSSIER_HOME", value: "/srv/d h")])
        #expect(
            CronSchedule.line(for: job)
                == #"5 23 * * * DOSSIER_HOME='/srv/d h' /usr/bin/flock -n '/tmp/it'\''s.lock' '/opt/my tools/dossier' refresh --quiet >> /tmp/100\%.log 2>&1"#)
    }

    @Test("installing appends the marked block and keeps every other line as it was")
    func insert() throws {
        let installed = try CronSchedule.installing(try Self.job("02:30"), into: Self.usersCrontab)
        #expect(installed.hasPrefix(Self.usersCrontab))
        let added = installed.dropFirst(Self.usersCrontab.count).split(separator: "\n").map(String.init)
        #expect(added.first == CronSchedule.beginMarker)
        #expect(added.last == CronSchedule.endMarker)
        #expect(added.contains(CronSchedule.line(for: try Self.job("02:30"))))
        #expect(try CronSchedule.installedTime(in: installed) == ScheduleTime(hour: 2, minute: 30))
    }

    @Test("installing into an empty crontab or one without a final newline gives well-formed lines")
    func insertEdgeCases() throws {
        let fromEmpty = try CronSchedule.installing(try Self.job("02:30"), into: "")
        #expect(fromEmpty == CronSchedule.block(for: try Self.job("02:30")).joined(separator: "\n") + "\n")
        let fromUnterminated = try CronSchedule.installing(try Self.job("02:30"), into: "0 1 * * * true")
        #expect(fromUnterminated.hasPrefix("0 1 * * * true\n\(CronSchedule.beginMarker)\n"))
    }

    @Test("installing again replaces the block where it stands, with the new time, leaving one block")
    func replace() throws {
        let first = try CronSchedule.installing(try Self.job("02:30"), into: Self.usersCrontab)
        let withLaterLine = first + "15 3 * * * /usr/bin/true\n"
        let replaced = try CronSchedule.installing(try Self.job("04:45"), into: withLaterLine)
        #expect(replaced.components(separatedBy: CronSchedule.beginMarker).count == 2)
        #expect(try CronSchedule.installedTime(in: replaced) == ScheduleTime(hour: 4, minute: 45))
        #expect(replaced.hasPrefix(Self.usersCrontab + CronSchedule.beginMarker))
        #expect(replaced.hasSuffix(CronSchedule.endMarker + "\n15 3 * * * /usr/bin/true\n"))
        #expect(try CronSchedule.installing(try Self.job("02:30"), into: first) == first)
    }

    @Test("removing the block restores the crontab exactly; a crontab without it is left alone")
    func remove() throws {
        let installed = try CronSchedule.installing(try Self.job("02:30"), into: Self.usersCrontab)
        #expect(try CronSchedule.removing(from: installed) == Self.usersCrontab)
        #expect(try CronSchedule.removing(from: Self.usersCrontab) == nil)
        let middle = "0 1 * * * a\n" + CronSchedule.block(for: try Self.job("02:30")).joined(separator: "\n") + "\n0 2 * * * b\n"
        #expect(try CronSchedule.removing(from: middle) == "0 1 * * * a\n0 2 * * * b\n")
    }

    @Test("a begin marker without its end marker is an error, not a guess")
    func brokenBlock() {
        #expect(throws: ScheduleError.brokenCrontabBlock) {
            try CronSchedule.removing(from: "0 1 * * * a\n\(CronSchedule.beginMarker)\n30 2 * * * x\n")
        }
        #expect(throws: ScheduleError.brokenCrontabBlock) {
            try CronSchedule.installing(try Self.job("02:30"), into: "\(CronSchedule.endMarker)\n\(CronSchedule.beginMarker)\n")
        }
    }
}

@Suite("launchd schedule")
struct LaunchdScheduleTests {
    @Test("the agent is a property list with the program, calendar interval, logs and environment")
    func propertyList() throws {
        let text = LaunchdSchedule.propertyList(
            time: try ScheduleTime(parsing: "02:30"), executablePath: "/Users/me/bin/dossier & co",
            logFile: "/Users/me/Library/Application Support/dossier/refresh.log",
            environment: [JobVariable(name: "DOSSIER_HOME", value: "/Users/me/<dossier>")])
        let parsed = try PropertyListSerialization.propertyList(from: Data(text.utf8), format: nil)
        let root = try #require(parsed as? [String: Any])
        #expect(root["Label"] as? String == "org.dossier.refresh")
        #expect(root["ProgramArguments"] as? [String] == ["/Users/me/bin/dossier & co", "refresh", "--quiet"])
        let interval = try #require(root["StartCalendarInterval"] as? [String: Any])
        #expect(interval["Hour"] as? Int == 2)
        #expect(interval["Minute"] as? Int == 30)
        #expect(root["StandardOutPath"] as? String == "/Users/me/Library/Application Support/dossier/refresh.log")
        #expect(root["StandardErrorPath"] as? String == "/Users/me/Library/Application Support/dossier/refresh.log")
        #expect(root["EnvironmentVariables"] as? [String: String] == ["DOSSIER_HOME": "/Users/me/<dossier>"])
        #expect(LaunchdSchedule.time(inPropertyList: Data(text.utf8)) == ScheduleTime(hour: 2, minute: 30))
    }

    @Test("without variables to pass on, the agent has no EnvironmentVariables key")
    func noEnvironment() throws {
        let text = LaunchdSchedule.propertyList(
            time: try ScheduleTime(parsing: "02:30"), executablePath: "/usr/local/bin/dossier", logFile: "/tmp/l",
            environment: [])
        let root = try #require(try PropertyListSerialization.propertyList(from: Data(text.utf8), format: nil) as? [String: Any])
        #expect(root["EnvironmentVariables"] == nil)
    }
}

@Suite("Process command runner")
struct ProcessCommandRunnerTests {
    let runner = ProcessCommandRunner(path: "/nonexistent-dir:relative/dir:/usr/bin:/bin")

    @Test("programs are found on the absolute PATH entries; unknown ones are nil")
    func locate() {
        #expect(runner.locate("sh")?.hasSuffix("/sh") == true)
        #expect(runner.locate("dossier-no-such-program") == nil)
    }

    @Test("stdin is written, and stdout, stderr and the exit status come back")
    func run() throws {
        let echoed = try runner.run(ExternalCommand("cat", [], input: "first\nsecond\n"))
        #expect(echoed == CommandResult(status: 0, output: "first\nsecond\n"))
        let failed = try runner.run(ExternalCommand("sh", ["-c", "echo out; echo err >&2; exit 3"]))
        #expect(failed == CommandResult(status: 3, output: "out\n", errorOutput: "err\n"))
        #expect(try runner.run(ExternalCommand("dossier-no-such-program", [])).status == 127)
    }
}
