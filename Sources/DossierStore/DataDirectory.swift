import Foundation

/// Creates the data directory the store and its lock live in.
enum DataDirectory {
    /// Creates `directory` and its parents if missing.
    /// - Throws: ``StoreError/cannotCreateDirectory(path:reason:)``.
    /// - Throws: ``StoreError/cannotWrite(operation:path:reason:freeBytes:)`` when the disk is full
    ///   or read-only.
    static func create(_ directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            let code = (error as? CocoaError)?.code
            if code == .fileWriteOutOfSpace || code == .fileWriteVolumeReadOnly {
                throw StoreError.cannotWrite(operation: "create the data directory", path: directory.path,
                                             reason: error.localizedDescription, freeBytes: freeBytes(directory.path))
            }
            throw StoreError.cannotCreateDirectory(path: directory.path, reason: error.localizedDescription)
        }
    }

    /// Whether `code` (an errno) means the disk refused a write: full, over quota, read-only, or
    /// past the file size limit.
    static func refusesWrites(_ code: Int32) -> Bool {
        [ENOSPC, EDQUOT, EROFS, EFBIG].contains(code)
    }

    /// The bytes an unprivileged writer may still use on the file system holding `directory`.
    static func freeBytes(_ directory: String) -> Int64? {
        var status = statvfs()
        guard statvfs(directory, &status) == 0 else { return nil }
        return Int64(status.f_bavail) * Int64(status.f_frsize)
    }
}
