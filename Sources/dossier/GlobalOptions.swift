import ArgumentParser
import DossierApp
import Foundation
import Logging

/// Options every command shares: how chatty to be.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log what happens (to stderr).")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print only the product and errors.")
    var quiet = false

    func validate() throws {
        if verbose && quiet { throw ValidationError("--verbose and --quiet contradict each other") }
    }

    /// The workspace of this run: paths, configuration (its warnings printed) and a logger.
    func workspace() throws(AppError) -> Workspace {
        var logger = Logger(label: "dossier")
        logger.logLevel = verbose ? .debug : .warning
        let workspace = try Workspace.load(executablePath: CommandLine.arguments[0], logger: logger)
        if !quiet {
            for warning in workspace.warnings { StandardError.write("warning: \(warning)") }
        }
        return workspace
    }
}

/// A command that runs in the workspace, set up once, and reaches the user through one mapping
/// from failures to messages and exit statuses.
protocol WorkspaceCommand: AsyncParsableCommand {
    var global: GlobalOptions { get }
    func run(in workspace: Workspace) async throws
}

extension WorkspaceCommand {
    func run() async throws {
        do {
            try await run(in: try global.workspace())
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}

/// The one mapping from a failure to what the user sees: `error: <message>` on stderr and the
/// failure's exit status. Argument-parser's own outcomes (`--help`, an exit already chosen) pass
/// through; a usage error found while running is exit 64 without the usage of the whole tool
/// (which argument-parser would print, not knowing the command).
enum CommandFailure {
    static func exit(for error: any Error) -> any Error {
        switch error {
        case is ExitCode, is CleanExit:
            return error
        case let error as ValidationError:
            StandardError.write("error: \(error.description)")
            return ExitCode(ExitStatus.usage.rawValue)
        default:
            let failure = AppError(error)
            StandardError.write("error: \(failure.message)")
            return ExitCode(failure.status.rawValue)
        }
    }
}
