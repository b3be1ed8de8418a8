import ArgumentParser
import DossierKit
import DossierStore
import Foundation

/// The build pipeline as the commands run it, with its failures turned into exit statuses.
enum PipelineRunner {
    static func pipeline(environment: CommandEnvironment, progress: @escaping @Sendable (String) -> Void) -> BuildPipeline {
        BuildPipeline(
            config: environment.config, paths: environment.paths,
            shippedSources: SourceCatalog.shippedDirectory(executablePath: CommandLine.arguments[0]),
            logger: environment.logger, progress: progress
        )
    }

    /// Runs a build that Ctrl-C can stop; a failure below is written to stderr and exits with
    /// its ``exitStatus(of:)``.
    static func run(_ pipeline: BuildPipeline, _ request: BuildRequest) async throws -> BuildSummary {
        do {
            return try await Interruptible.run { () async -> Result<BuildSummary, any Error> in
                do { return .success(try await pipeline.run(request)) } catch { return .failure(error) }
            }.get()
        } catch {
            guard let status = exitStatus(of: error) else { throw error }
            StandardError.write("error: \(error)")
            throw ExitCode(status)
        }
    }

    /// The exit status of a build's environment failure: the store's own (75 when busy, 73 when the
    /// disk refused a write), 73 (EX_CANTCREAT) for a file that cannot be written, 78 (EX_CONFIG)
    /// for a broken bank file; nil for anything else.
    static func exitStatus(of error: any Error) -> Int32? {
        switch error {
        case let error as StoreError: error.exitCode
        case is AtomicFile.WriteError: 73
        case is SourceLoadError: 78
        default: nil
        }
    }
}
