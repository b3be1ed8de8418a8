import DossierCore
import DossierDiscover
import DossierSchedule
import DossierSettings
import DossierStore
import ExternalCommands
import Foundation
import Logging

/// What every use case runs with, set up once per command: where dossier's files are, the user's
/// settings, the shipped Sources.d and Banks.d, the process environment and a logger.
public struct Workspace: Sendable {
    public let paths: DossierPaths
    public let config: DossierConfig
    /// What was wrong but not fatal in `config.toml` (unknown keys), ordered by line.
    public let warnings: [ConfigWarning]
    public let logger: Logger
    /// The shipped `Sources.d` (Banks.d is beside it); nil when none was found.
    public let shippedSources: URL?
    /// The process environment: API keys, `PATH` for renderers and printers, `DOSSIER_HOME`.
    public let environment: [String: String]
    /// The dossier binary's own path (the schedule runs it).
    public let executablePath: String

    public init(
        paths: DossierPaths, config: DossierConfig, warnings: [ConfigWarning] = [], logger: Logger, shippedSources: URL?,
        environment: [String: String], executablePath: String
    ) {
        self.paths = paths
        self.config = config
        self.warnings = warnings
        self.logger = logger
        self.shippedSources = shippedSources
        self.environment = environment
        self.executablePath = executablePath
    }

    /// The workspace of the binary at `executablePath`: paths from the environment (XDG,
    /// `DOSSIER_HOME`), `config.toml` read (a broken file is exit 78), the shipped files found.
    public static func load(
        executablePath: String, environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger
    ) throws(AppError) -> Workspace {
        let paths = DossierPaths(environment: environment)
        let loaded: LoadedConfig
        do {
            loaded = try ConfigLoader.load(file: paths.configFile)
        } catch {
            throw AppError(error)
        }
        return Workspace(
            paths: paths, config: loaded.config, warnings: loaded.warnings, logger: logger,
            shippedSources: SourceCatalog.shippedDirectory(executablePath: executablePath, environment: environment),
            environment: environment, executablePath: Self.absolute(executablePath, environment: environment)
        )
    }

    /// Where dossiers go unless `--output` says otherwise.
    public var outputRoot: URL { OutputLocation.defaultRoot(paths: paths, environment: environment) }

    /// The folder of one person's dossier.
    public func folder(slug: String) -> URL { outputRoot.appendingPathComponent(slug, isDirectory: true) }

    /// The banks of Banks.d (the user's files first); a broken file is exit 78.
    public func banks() throws(AppError) -> SummaryBanks {
        do {
            return try BankFiles.load(besideSources: shippedSources, paths: paths)
        } catch {
            throw AppError(error)
        }
    }

    /// The build pipeline with these settings, reporting its progress to `progress`.
    public func pipeline(progress: @escaping @Sendable (String) -> Void = { _ in }) -> BuildPipeline {
        BuildPipeline(config: config, paths: paths, shippedSources: shippedSources, environment: environment, logger: logger,
                      progress: progress)
    }

    /// The scheduler of the nightly refresh, which runs this binary.
    public func scheduler() -> Scheduler {
        Scheduler(environment: .current(executablePath: executablePath))
    }

    /// The one way this workspace runs other programs, found on its `PATH`.
    public var commands: ProcessCommandRunner {
        ProcessCommandRunner(path: environment["PATH"] ?? "/usr/bin:/bin")
    }

    // MARK: The store

    /// Runs `body` with the store open for reading; store errors become their exit status.
    public func readingStore<T>(_ body: (DossierStore) throws -> T) throws(AppError) -> T {
        do {
            return try Self.withStore(at: paths.dataDirectory, body)
        } catch {
            throw AppError(error)
        }
    }

    /// Runs `body` with the store open for writing under the writer lock (another dossier
    /// process holding it for longer than the wait is exit 75).
    public func writingStore<T>(command: String, _ body: (DossierStore) throws -> T) async throws(AppError) -> T {
        do {
            let lock = try await WriterLock.acquire(directory: paths.dataDirectory, command: command)
            let result = Result { try Self.withStore(at: paths.dataDirectory, body) }
            lock.release()
            return try result.get()
        } catch {
            throw AppError(error)
        }
    }

    /// Opens the store, runs `body` and closes the store; a failure to close after `body` failed
    /// is not reported over `body`'s own.
    static func withStore<T>(at directory: URL, _ body: (DossierStore) throws -> T) throws -> T {
        let store = try DossierStore(directory: directory)
        let value: T
        do {
            value = try body(store)
        } catch {
            do { try store.close() } catch {}
            throw error
        }
        try store.close()
        return value
    }

    /// The binary's absolute path: as invoked when that holds a `/`, else found on `PATH`.
    private static func absolute(_ invoked: String, environment: [String: String]) -> String {
        if invoked.contains("/") {
            let base = URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory)
            return URL(filePath: invoked, relativeTo: base).standardizedFileURL.path(percentEncoded: false)
        }
        return ProcessCommandRunner(path: environment["PATH"] ?? "").locate(invoked) ?? Bundle.main.executablePath ?? invoked
    }
}
