import Foundation
import Testing

/// The checkout and `../shared` beside it: real saved pages, recorded answers of the real
/// services and the tools that serve them. Tests that need them are skipped with a message when
/// `../shared` is absent (a user's clone).
public enum SharedWorkspace {
    /// The repository root (the folder holding Package.swift).
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
    /// The mini web: saved pages about people, and their facts.
    public static let web = shared.appendingPathComponent("corpus/web")
    /// Whether the mini web is there.
    public static var isAvailable: Bool { FileManager.default.fileExists(atPath: web.appendingPathComponent("manifest.json").path) }
    /// Whether `../shared/corpus` is there.
    public static var hasCorpus: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus").path) }
    public static let absentCorpus = Comment(rawValue: "../shared/corpus is absent: tests on real pages skipped")

    /// A file of `../shared/corpus`, by its path there.
    public static func corpusFile(_ relativePath: String) -> URL {
        shared.appendingPathComponent("corpus").appendingPathComponent(relativePath)
    }

    /// The bytes of a file of `../shared/corpus`.
    public static func corpusBytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: corpusFile(relativePath)))
    }
}

/// A folder of its own under the temporary directory, for one test; `remove()` deletes it.
public struct TemporaryFolder: Sendable {
    public let url: URL

    /// Creates `<tmp>/dossier-<label>-<uuid>`.
    public init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
