import ExternalCommands

/// What an install or remove will do, computed before anything changes, so `--dry-run` can print it
/// and ``Scheduler/apply(_:)`` can carry it out.
public struct SchedulePlan: Sendable, Equatable {
    /// One change to the world.
    public enum Step: Sendable, Equatable {
        case createDirectory(String)
        case writeFile(path: String, contents: String)
        /// Deleting a file that is already gone is not an error.
        case deleteFile(String)
        /// A failure of a command that is not `required` becomes a warning (cleanup of what may already
        /// be gone); a required one stops the plan.
        case run(ExternalCommand, required: Bool)
        /// Each directory, then its parents, is removed while empty, stopping below the home directory,
        /// `DOSSIER_HOME` and any explicitly set XDG base directory.
        case pruneEmptyDirectories([String])
    }

    /// The backend the plan installs, or nil for a removal.
    public let backend: ScheduleBackend?
    public let steps: [Step]
    /// Things the user should know that do not stop the plan (for example lingering being off).
    public let warnings: [String]
    /// What keeps the plan from being carried out on this machine (a program missing, no systemd
    /// user manager): `--dry-run` still shows the plan, ``Scheduler/apply(_:)`` refuses it.
    public let blockers: [ScheduleError]
    /// One line saying what the plan achieves, for the user.
    public let summary: String

    public init(backend: ScheduleBackend?, steps: [Step], warnings: [String], blockers: [ScheduleError] = [], summary: String) {
        self.backend = backend
        self.steps = steps
        self.warnings = warnings
        self.blockers = blockers
        self.summary = summary
    }

    /// The steps as `--dry-run` prints them: each file's full contents, each command with its input.
    public var dryRunDescription: String {
        var lines: [String] = []
        for step in steps {
            switch step {
            case .createDirectory(let path):
                lines.append("would create directory \(path)")
            case .writeFile(let path, let contents):
                lines.append("would write \(path):")
                lines += indented(contents)
            case .deleteFile(let path):
                lines.append("would delete \(path)")
            case .run(let command, _):
                if let input = command.input {
                    lines.append("would run: \(command) with this input:")
                    lines += indented(input)
                } else {
                    lines.append("would run: \(command)")
                }
            case .pruneEmptyDirectories(let directories):
                lines.append("would remove, if left empty: \(directories.joined(separator: ", "))")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func indented(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
            .map { $0.isEmpty ? "" : "    " + $0 }
    }
}
