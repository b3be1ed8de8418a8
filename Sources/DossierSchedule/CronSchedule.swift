import ExternalCommands

/// The crontab lines that run `dossier refresh --quiet` nightly under `flock`, and the editing of a
/// crontab that keeps every line outside dossier's marked block exactly as it was.
public enum CronSchedule {
    public static let beginMarker = "# BEGIN dossier refresh"
    public static let endMarker = "# END dossier refresh"

    /// What the cron line needs: absolute paths throughout, since cron runs with a bare environment.
    public struct Job: Sendable, Equatable {
        public let time: ScheduleTime
        public let executablePath: String
        public let flockPath: String
        public let lockFile: String
        public let logFile: String
        public let environment: [JobVariable]

        public init(
            time: ScheduleTime, executablePath: String, flockPath: String, lockFile: String, logFile: String,
            environment: [JobVariable]
        ) {
            self.time = time
            self.executablePath = executablePath
            self.flockPath = flockPath
            self.lockFile = lockFile
            self.logFile = logFile
            self.environment = environment
        }
    }

    /// `MM HH * * * [VAR=value ...] <flock> -n <lock> <dossier> refresh --quiet >> <log> 2>&1`.
    /// Variables are set on the command, not as crontab assignments, which would leak into the lines
    /// after the block. `%` is escaped, since cron turns a bare one into a newline.
    public static func line(for job: Job) -> String {
        let assignments = job.environment.map { "\($0.name)=\(ShellQuoting.quoted($0.value))" }
        let command = [job.flockPath, "-n", job.lockFile, job.executablePath, "refresh", "--quiet"]
            .map(ShellQuoting.quoted)
        let shellLine = (assignments + command).joined(separator: " ")
            + " >> \(ShellQuoting.quoted(job.logFile)) 2>&1"
        let timeFields = "\(job.time.minute) \(job.time.hour) * * *"
        return timeFields + " " + shellLine.replacingOccurrences(of: "%", with: #"\%"#)
    }

    /// The marked block, one line each, without a trailing newline.
    public static func block(for job: Job) -> [String] {
        [
            beginMarker,
            "# Managed by `dossier schedule install` and `dossier schedule remove`; edits here are replaced.",
            line(for: job),
            endMarker,
        ]
    }

    /// `crontab` with dossier's block in place of the old one (where the old one was), or appended.
    /// Every other line is kept byte for byte; the result ends with a newline, as cron requires.
    public static func installing(_ job: Job, into crontab: String) throws -> String {
        let lines = splitLines(crontab)
        let newBlock = block(for: job)
        if let range = try blockRange(in: lines) {
            return joinLines(Array(lines[..<range.lowerBound]) + newBlock + Array(lines[range.upperBound...]))
        }
        return joinLines(lines + newBlock)
    }

    /// `crontab` without dossier's block; nil when it has none.
    public static func removing(from crontab: String) throws -> String? {
        let lines = splitLines(crontab)
        guard let range = try blockRange(in: lines) else { return nil }
        return joinLines(Array(lines[..<range.lowerBound]) + Array(lines[range.upperBound...]))
    }

    /// The schedule time in dossier's block, if the crontab has one.
    public static func installedTime(in crontab: String) throws -> ScheduleTime? {
        let lines = splitLines(crontab)
        guard let range = try blockRange(in: lines) else { return nil }
        for line in lines[range] where !line.hasPrefix("#") {
            let fields = line.split(separator: " ", maxSplits: 2)
            guard fields.count >= 2, let minute = Int(fields[0]), let hour = Int(fields[1]) else { continue }
            return ScheduleTime(hour: hour, minute: minute)
        }
        return nil
    }

    /// Whether the crontab holds dossier's block.
    public static func hasBlock(_ crontab: String) throws -> Bool {
        try blockRange(in: splitLines(crontab)) != nil
    }

    /// The lines from the begin marker through the end marker; throws when only one of them is there.
    private static func blockRange(in lines: [String]) throws -> Range<Int>? {
        let begin = lines.firstIndex { $0.trimmingTrailingWhitespace == beginMarker }
        let end = lines.firstIndex { $0.trimmingTrailingWhitespace == endMarker }
        switch (begin, end) {
        case (nil, nil): return nil
        case (let begin?, let end?) where begin < end: return begin..<(end + 1)
        default: throw ScheduleError.brokenCrontabBlock
        }
    }

    /// The lines of `text`; a final newline ends the last line rather than starting an empty one.
    private static func splitLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private static func joinLines(_ lines: [String]) -> String {
        lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate var trimmingTrailingWhitespace: Substring {
        var text = self[...]
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }
}
