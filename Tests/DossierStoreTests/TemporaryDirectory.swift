import Foundation

/// A fresh directory under the system temporary directory, removed by ``remove()``.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appending(path: "dossier-store-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A fixed instant with whole seconds, which survives the store's millisecond date precision.
func instant(_ secondsAfterBase: TimeInterval = 0) -> Date {
    Date(timeIntervalSince1970: 1_780_000_000 + secondsAfterBase)
}
