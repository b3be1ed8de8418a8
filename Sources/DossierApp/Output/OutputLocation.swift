import DossierSettings
import Foundation

/// Where dossiers go by default: `Output/` when run inside the dossier repository (a
/// folder above the current one holding `Package.swift`, `Sources.d` and `Output`),
/// else the data folder's `output` (always so when `DOSSIER_HOME` is set).
public enum OutputLocation {
    public static func defaultRoot(
        paths: DossierPaths,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> URL {
        if let home = environment["DOSSIER_HOME"], !home.isEmpty { return paths.outputDirectory }
        var directory = currentDirectory.standardizedFileURL
        while true {
            let manager = FileManager.default
            if manager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path),
               manager.fileExists(atPath: directory.appendingPathComponent("Sources.d").path),
               manager.fileExists(atPath: directory.appendingPathComponent("Output").path) {
                return directory.appendingPathComponent("Output", isDirectory: true)
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return paths.outputDirectory }
            directory = parent
        }
    }
}
