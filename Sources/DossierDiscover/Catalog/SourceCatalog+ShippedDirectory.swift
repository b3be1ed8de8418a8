import Foundation

extension SourceCatalog {
    /// Where the shipped `Sources.d` is for the binary at `executablePath` (symbolic links resolved):
    /// - `DOSSIER_SOURCES_DIR` in `environment`, when set and not empty;
    /// - run from a checkout (`.build/release/dossier`): `Sources.d` in the nearest directory above the
    ///   executable that holds both `Package.swift` and `Sources.d`;
    /// - installed (`$PREFIX/bin/dossier`): `$PREFIX/share/dossier/Sources.d`;
    /// - otherwise nil.
    public static func shippedDirectory(
        executablePath: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL? {
        if let override = environment["DOSSIER_SOURCES_DIR"], !override.isEmpty {
            return URL(filePath: override, directoryHint: .isDirectory).standardizedFileURL
        }
        let executable = URL(filePath: executablePath, directoryHint: .notDirectory).standardizedFileURL
            .resolvingSymlinksInPath()
        let binDirectory = executable.deletingLastPathComponent()
        var directory = binDirectory
        while true {
            let sources = directory.appending(path: "Sources.d", directoryHint: .isDirectory)
            if isDirectory(sources), exists(directory.appending(path: "Package.swift", directoryHint: .notDirectory)) {
                return sources
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path(percentEncoded: false) == directory.path(percentEncoded: false) { break }
            directory = parent
        }
        let installed = binDirectory.deletingLastPathComponent()
            .appending(path: "share/dossier/Sources.d", directoryHint: .isDirectory)
        return isDirectory(installed) ? installed : nil
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path(percentEncoded: false), isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    private static func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path(percentEncoded: false))
    }
}
