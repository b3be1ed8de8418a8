import Foundation

/// ../shared beside the checkout, found from this file's path; nil when it is absent.
enum SharedCorpus {
    static let root: URL? = {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus").path) ? shared : nil
    }()

    static let isPresent = root != nil
    static let absentMessage = "../shared/corpus is absent: tests on real pages skipped"

    static func file(_ relativePath: String) -> URL? {
        root?.appendingPathComponent("corpus").appendingPathComponent(relativePath)
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        guard let url = file(relativePath) else { return [] }
        return [UInt8](try Data(contentsOf: url))
    }
}
