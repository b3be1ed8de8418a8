
/// The systemd user service and timer that run `dossier refresh --quiet` nightly: pure text generation
/// and reading the time back from an installed timer.
public enum SystemdSchedule {
    public static let serviceName = "dossier-refresh.service"
    public static let timerName = "dossier-refresh.timer"
    /// How far systemd may delay each run at random, so many machines do not start at the same second.
    public static let randomizedDelay = "5min"

    /// `dossier-refresh.service`: a oneshot, niced run of `<executable> refresh --quiet` with
    /// `environment` set.
    public static func service(executablePath: String, environment: [JobVariable]) -> String {
        var lines = [
            "# Written by `dossier schedule install`; `dossier schedule remove` deletes it.",
            "[Unit]",
            "Description=Refresh the dossiers of upcoming meetings",
            "",
            "[Service]",
            "Type=oneshot",
            "ExecStart=\(execWord(executablePath)) refresh --quiet",
        ]
        for variable in environment {
            lines.append("Environment=\(quotedIfNeeded(escapingSpecifiers(variable.name + "=" + variable.value)))")
        }
        lines.append("Nice=10")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `dossier-refresh.timer`: daily at `time` local time, catching up a run missed while off.
    public static func timer(at time: ScheduleTime) -> String {
        """
        # Written by `dossier schedule install`; `dossier schedule remove` deletes it.
        [Unit]
        Description=Refresh the dossiers of upcoming meetings daily at \(time)

        [Timer]
        OnCalendar=*-*-* \(time):00
        Persistent=true
        RandomizedDelaySec=\(randomizedDelay)

        [Install]
        WantedBy=timers.target

        """
    }

    /// The time in a timer this module wrote, from its `OnCalendar=*-*-* HH:MM:00` line.
    public static func time(inTimer text: String) -> ScheduleTime? {
        for line in text.split(whereSeparator: \.isNewline) {
            let prefix = "OnCalendar=*-*-* "
            guard line.hasPrefix(prefix) else { continue }
            let clock = line.dropFirst(prefix.count)
            guard clock.hasSuffix(":00") else { return nil }
            return try? ScheduleTime(parsing: String(clock.dropLast(3)))
        }
        return nil
    }

    /// The executable as the first word of `ExecStart=`: specifiers and `$` escaped, quoted when needed.
    private static func execWord(_ path: String) -> String {
        quotedIfNeeded(escapingSpecifiers(path).replacingOccurrences(of: "$", with: "$$"))
    }

    /// `%` starts a specifier in unit files; `%%` is a literal percent sign.
    private static func escapingSpecifiers(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%%")
    }

    /// systemd splits these settings at whitespace and reads quotes and backslash escapes, so a value
    /// holding any of them is double-quoted with `\` and `"` escaped.
    private static func quotedIfNeeded(_ word: String) -> String {
        guard word.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "'" || $0 == "\\" || $0 == ";" }) else {
            return word
        }
        let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + escaped + "\""
    }
}
