import Foundation
import Testing

/// `../shared/corpus/realweb`: recorded answers of the real services the shipped sources call,
/// with their provenance in `manifest.json`. Used in place, never copied; tests that need it are
/// skipped with a message when it is absent (a user's clone).
public enum RealWeb {
    public static let root: URL? = {
        let folder = SharedWorkspace.shared.appendingPathComponent("corpus/realweb")
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.json").path) ? folder : nil
    }()

    public static let isPresent = root != nil
    public static let absent = Comment(rawValue: "../shared/corpus/realweb is absent: tests on recorded answers of the real services skipped")

    /// The bytes of a recorded file, by its path in the folder.
    public static func data(_ file: String) throws -> Data {
        guard let root else { throw CocoaError(.fileNoSuchFile) }
        return try Data(contentsOf: root.appendingPathComponent(file))
    }

    /// One recorded answer: what was asked, and how to serve it.
    public struct Entry: Sendable {
        public var file: String
        public var url: String
        public var status: Int
        public var contentType: String
    }

    /// The manifest's entries.
    public static let entries: [Entry] = {
        guard let root, let data = try? Data(contentsOf: root.appendingPathComponent("manifest.json")),
              let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let entries = manifest["entries"] as? [[String: Any]] else { return [] }
        return entries.compactMap { entry in
            guard let file = entry["file"] as? String, let request = entry["request"] as? [String: Any],
                  let url = request["url"] as? String, let serve = entry["serve"] as? [String: Any] else { return nil }
            return Entry(file: file, url: url, status: serve["status"] as? Int ?? 200,
                         contentType: serve["content_type"] as? String ?? "application/octet-stream")
        }
    }()
}
