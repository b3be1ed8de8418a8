import Foundation

/// Where dossier keeps its configuration, data, cache and output.
///
/// Resolved once from an environment dictionary, so tests can inject one:
/// - `DOSSIER_HOME` set (and not empty): everything lives under it, in `config/`, `data/`, `cache/` and
///   `output/`. Tests and benchmarks use this to stay out of the user's directories.
/// - otherwise the XDG base directories: `$XDG_CONFIG_HOME/dossier` (default `~/.config/dossier`),
///   `$XDG_DATA_HOME/dossier` (default `~/.local/share/dossier`), `$XDG_CACHE_HOME/dossier`
///   (default `~/.cache/dossier`), and `output/` inside the data directory.
///
/// As the XDG specification asks, an XDG variable that is empty or holds a relative path is ignored.
/// Nothing is created on disk; callers create a directory when they first write to it.
public struct DossierPaths: Sendable, Equatable {
    /// Holds `config.toml` and the user's `sources.d/`.
    public let configDirectory: URL
    /// Holds the store (the SQLite database).
    public let dataDirectory: URL
    /// Holds data that can be deleted at any time.
    public let cacheDirectory: URL
    /// Default folder for rendered dossiers, one sub-folder per person.
    public let outputDirectory: URL

    /// The configuration file, `config.toml` in ``configDirectory``.
    public var configFile: URL {
        configDirectory.appending(path: "config.toml", directoryHint: .notDirectory)
    }

    /// Resolves the paths from `environment` (by default the process environment).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let home = environment["DOSSIER_HOME"], !home.isEmpty {
            let root = URL(filePath: home, directoryHint: .isDirectory).standardizedFileURL
            configDirectory = root.appending(path: "config", directoryHint: .isDirectory)
            dataDirectory = root.appending(path: "data", directoryHint: .isDirectory)
            cacheDirectory = root.appending(path: "cache", directoryHint: .isDirectory)
            outputDirectory = root.appending(path: "output", directoryHint: .isDirectory)
            return
        }
        let userHome = Self.userHome(environment)
        func baseDirectory(_ variable: String, default relativeToHome: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(filePath: value, directoryHint: .isDirectory).standardizedFileURL
            }
            return userHome.appending(path: relativeToHome, directoryHint: .isDirectory)
        }
        configDirectory = baseDirectory("XDG_CONFIG_HOME", default: ".config")
            .appending(path: "dossier", directoryHint: .isDirectory)
        dataDirectory = baseDirectory("XDG_DATA_HOME", default: ".local/share")
            .appending(path: "dossier", directoryHint: .isDirectory)
        cacheDirectory = baseDirectory("XDG_CACHE_HOME", default: ".cache")
            .appending(path: "dossier", directoryHint: .isDirectory)
        outputDirectory = dataDirectory.appending(path: "output", directoryHint: .isDirectory)
    }

    private static func userHome(_ environment: [String: String]) -> URL {
        if let home = environment["HOME"], !home.isEmpty {
            return URL(filePath: home, directoryHint: .isDirectory).standardizedFileURL
        }
        return FileManager.default.homeDirectoryForCurrentUser
    }
}
