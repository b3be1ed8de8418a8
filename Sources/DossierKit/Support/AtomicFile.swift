import Foundation

/// Writes files so a reader sees either the old or the new complete version, never a
/// part: the bytes go to a temporary file in the same directory, are flushed, and
/// the file is renamed over the target.
public enum AtomicFile {
    /// An environment failure while writing, naming the file.
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, url.path) == 0 else {
                throw WriteError(path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as WriteError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: url.path, reason: (error as NSError).localizedDescription)
        }
    }
}
