import AtomicFiles
import DossierFetch
import Foundation
import Locking

/// `dossier fetch`: the fetcher on its own, politely (robots.txt, per-host limits, the user's
/// rewrites), one report per URL, bodies written to a folder when asked.
public struct FetchTool: Sendable {
    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Fetches `urls` (conditionally with `etag` and `lastModified`), writing each fetched body into
    /// `outputDirectory` when given; `progress` hears each finished URL. Returns the reports in the
    /// order of `urls` and the files that could not be written.
    public func run(
        _ urls: [String], etag: String?, lastModified: String?, outputDirectory: String?,
        progress: @escaping @Sendable () -> Void = {}
    ) async throws(AppError) -> (reports: [FetchReport], writeErrors: [String]) {
        let validators = Validators(etag: etag, lastModified: lastModified)
        let requests = urls.map { FetchRequest(url: $0, validators: validators) }
        // Opened (and created) once; the report names files by absolute path, as URL resolves it.
        let directory: AtomicFile.Directory?
        do {
            directory = try outputDirectory.map {
                try AtomicFile.Directory(creatingIfNeeded: URL(fileURLWithPath: $0, isDirectory: true).path)
            }
        } catch {
            throw AppError(error)
        }
        let policy = FetchPolicy(config: workspace.config)
        let reports = Locked([FetchReport?](repeating: nil, count: requests.count))
        let writeErrors = Locked<[String]>([])
        await CurlMultiEngine.run(maximumConnections: policy.maximumConcurrency) { engine in
            await Fetcher(engine: engine, policy: policy, logger: workspace.logger).fetchEach(requests) { index, result in
                var file: String?
                if let directory, case .fetched = result.outcome {
                    let name = BodyFileName.make(for: result)
                    do {
                        try directory.write(result.body, name: name)
                        file = directory.path(of: name)
                    } catch {
                        writeErrors.withLock { $0.append("\(error)") }
                    }
                }
                reports.withLock { $0[index] = FetchReport(result, file: file) }
                progress()
            }
        }
        return (reports.withLock { $0.map { $0! } }, writeErrors.withLock { $0 })
    }
}
