import DossierCore
import DossierSettings
import Foundation
import LoopbackServer

/// `dossier demo`: the whole pipeline on the fictional person of ``DemoSite``, served on
/// 127.0.0.1, with a store in a temporary folder that is removed afterwards.
public struct DemoRun: Sendable {
    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Builds the demo dossier into `outputRoot` (the workspace's output folder by default).
    public func run(outputRoot: URL?, formats: [OutputFormat], progress: @escaping @Sendable (String) -> Void) async throws(AppError) -> BuildSummary {
        let server: LoopbackServer
        do {
            server = try LoopbackServer(handler: DemoSite.response(to:))
        } catch {
            throw AppError(.unavailable, "cannot serve the demo site on 127.0.0.1: \(error)")
        }
        defer { server.stop() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-demo-\(getpid())")
        defer { try? FileManager.default.removeItem(at: home) }
        let pipeline = BuildPipeline(
            config: DemoSite.config(serverBase: server.baseURL), paths: DossierPaths(environment: ["DOSSIER_HOME": home.path]),
            shippedSources: workspace.shippedSources,
            // No keys or settings from the environment; only PATH, to find a PDF renderer.
            environment: ["PATH": workspace.environment["PATH"] ?? ""], logger: workspace.logger, progress: progress
        )
        do {
            return try await pipeline.run(BuildRequest(subject: DemoSite.subject, outputRoot: outputRoot ?? workspace.outputRoot,
                                                       formats: formats))
        } catch {
            throw AppError(error)
        }
    }
}
