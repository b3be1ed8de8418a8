import DossierSettings
import Foundation

/// The sources defined by the `Sources.d` directories, one per `.toml` file, in file-name order.
///
/// Directories are read in order: the shipped one, the user's, then an extra one (`--sources`).
/// A file in a later directory replaces the file of the same name in an earlier one; a file that
/// defines nothing (empty, or only whitespace and comments) masks it. A file that cannot be used is
/// a ``SourceLoadError`` and defines no source, even where it replaced a shipped file; the other files
/// still load. A missing directory is skipped; other files (`README.md`, dot files) are ignored.
public struct SourceCatalog: Sendable {
    /// A loaded source, where it came from, and whether it will be asked.
    public struct Entry: Sendable, Equatable {
        public let definition: SourceDefinition
        /// The file that defined it.
        public let file: URL
        public let availability: SourceAvailability
    }

    /// In file-name order.
    public let entries: [Entry]

    /// The entries whose availability is ``SourceAvailability/enabled``.
    public var enabledEntries: [Entry] { entries.filter(\.availability.isEnabled) }

    /// The user's drop-in directory: `sources.d` in the configuration directory.
    public static func userDirectory(paths: DossierPaths) -> URL {
        paths.configDirectory.appending(path: "sources.d", directoryHint: .isDirectory)
    }

    /// Reads the directories in order of precedence. `environment` supplies API keys (`key_env`) and
    /// `HOME` for `~/` in manual files; `search` the SearXNG instance.
    public static func load(
        shippedDirectory: URL?,
        userDirectory: URL?,
        extraDirectory: URL?,
        environment: [String: String],
        search: SearchSettings = SearchSettings()
    ) -> LoadedSourceCatalog {
        var errors: [SourceLoadError] = []
        var fileByName: [String: URL] = [:]
        for directory in [shippedDirectory, userDirectory, extraDirectory].compactMap(\.self) {
            do throws(SourceLoadError) {
                for file in try sourceFiles(in: directory) { fileByName[file.lastPathComponent] = file }
            } catch {
                errors.append(error)
            }
        }
        let homeDirectory = environment["HOME"].flatMap { $0.isEmpty ? nil : URL(filePath: $0, directoryHint: .isDirectory) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        var entries: [Entry] = []
        for (fileName, file) in fileByName.sorted(by: { $0.key < $1.key }) {
            do throws(SourceLoadError) {
                let document = try SourceFile(contentsOf: file).document
                guard !document.isEmpty else { continue }
                var decoder = SourceFileDecoder(file: file, document: document, homeDirectory: homeDirectory)
                guard let definition = decoder.decode(name: String(fileName.dropLast(".toml".count))) else {
                    errors += decoder.errors.sorted { ($0.line ?? .max) < ($1.line ?? .max) }
                    continue
                }
                let availability = SourceAvailability.of(definition, environment: environment, search: search)
                entries.append(Entry(definition: definition, file: file, availability: availability))
            } catch {
                errors.append(error)
            }
        }
        return LoadedSourceCatalog(catalog: SourceCatalog(entries: entries), errors: errors)
    }

    /// The `.toml` files of `directory`, not hidden; none when it does not exist.
    private static func sourceFiles(in directory: URL) throws(SourceLoadError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))
        } catch CocoaError.fileReadNoSuchFile {
            return []
        } catch {
            throw SourceLoadError(file: directory, line: nil, message: "cannot read the directory: \(ConfigLoader.reason(error))")
        }
        return names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") && $0 != ".toml" }
            .map { directory.appending(path: $0, directoryHint: .notDirectory) }
    }
}

/// A catalog and the files that could not be used, in the order the catalog read them.
public struct LoadedSourceCatalog: Sendable {
    public let catalog: SourceCatalog
    public let errors: [SourceLoadError]
}
