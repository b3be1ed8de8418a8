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

    /// Runs a build that Ctrl-C can stop: a busy store exits 75, a file that cannot be written
    /// 73, a broken bank file 78.
    static func run(_ pipeline: BuildPipeline, _ request: BuildRequest) async throws -> BuildSummary {
        do {
            return try await Interruptible.run { () async -> Result<BuildSummary, any Error> in
                do { return .success(try await pipeline.run(request)) } catch { return .failure(error) }
            }.get()
        } catch let error as StoreError {
            StandardError.write("error: \(error)")
            throw ExitCode(error.exitCode)
        } catch let error as AtomicFile.WriteError {
            StandardError.write("error: \(error)")
            throw ExitCode(73)  // EX_CANTCREAT
        } catch let error as SourceLoadError {
            StandardError.write("error: \(error)")
            throw ExitCode(78)  // EX_CONFIG
        }
    }
}
