import ArgumentParser
import DossierKit
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

    /// Paths, configuration (warnings printed) and a logger for this run.
    func loadEnvironment() throws -> CommandEnvironment {
        let paths = DossierPaths()
        let loaded: LoadedConfig
        do {
            loaded = try ConfigLoader.load(file: paths.configFile)
        } catch {
            StandardError.write("error: \(error)")
            throw ExitCode(78)  // EX_CONFIG
        }
        if !quiet {
            for warning in loaded.warnings { StandardError.write("warning: \(warning)") }
        }
        var logger = Logger(label: "dossier")
        logger.logLevel = verbose ? .debug : .warning
        return CommandEnvironment(paths: paths, config: loaded.config, logger: logger)
    }
}

/// What a command runs with.
struct CommandEnvironment {
    let paths: DossierPaths
    let config: DossierConfig
    let logger: Logger
}
