
/// Why a schedule cannot be planned, installed or removed; each message names what to do.
public enum ScheduleError: Error, Equatable, CustomStringConvertible {
    /// `--at` was not a 24-hour `HH:MM`.
    case invalidTime(String)
    /// A program the backend needs is not on `PATH`.
    case programMissing(program: String, purpose: String)
    /// `systemctl --user` cannot reach a user manager; `advice` says what to do instead.
    case systemdUnreachable(reason: String, advice: String)
    /// A path cannot be written into a unit file, crontab or plist (it holds a control character).
    case unsupportedPath(String)
    /// The crontab holds a begin marker without its end marker (or the reverse).
    case brokenCrontabBlock
    /// A file or directory could not be written or deleted.
    case cannotWrite(path: String, reason: String)
    /// An external command exited with a failure status.
    case commandFailed(command: String, status: Int32, message: String)

    public var description: String {
        switch self {
        case .invalidTime(let text):
            "--at expects a 24-hour time HH:MM such as 02:30 or 23:05, not '\(text)'"
        case .programMissing(let program, let purpose):
            "\(program) is not on PATH; it is needed \(purpose)"
        case .systemdUnreachable(let reason, let advice):
            "no systemd user manager is reachable (systemctl --user show-environment: \(reason)); \(advice)"
        case .unsupportedPath(let path):
            "cannot schedule with a path holding a control character: \(path.debugDescription)"
        case .brokenCrontabBlock:
            "the crontab has an unmatched '\(CronSchedule.beginMarker)' or '\(CronSchedule.endMarker)' line; "
                + "fix it with crontab -e, then run the command again"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        case .commandFailed(let command, let status, let message):
            "\(command) exited with status \(status)" + (message.isEmpty ? "" : ": \(message)")
        }
    }
}
