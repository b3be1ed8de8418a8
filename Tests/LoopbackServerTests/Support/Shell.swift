import ExternalCommands
import Foundation

/// Runs a command line (through `/bin/sh -c`) and collects its standard output and exit status.
enum Shell {
    struct Result {
        let status: Int32
        let output: String
    }

    static func run(_ command: String) throws -> Result {
        let result = try ProcessCommandRunner(path: "").run(ExternalCommand("/bin/sh", ["-c", command]))
        return Result(status: result.status, output: result.output)
    }

    /// curl, silent, with `arguments` as written on a command line.
    static func curl(_ arguments: String) throws -> Result {
        try run("/usr/bin/curl --silent --show-error \(arguments)")
    }
}
