import Foundation

/// Creates the data directory the store and its lock live in.
enum DataDirectory {
    /// Creates `directory` and its parents if missing.
    /// - Throws: ``StoreError/cannotCreateDirectory(path:reason:)``.
    static func create(_ directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreateDirectory(path: directory.path, reason: error.localizedDescription)
        }
    }
}
