import DossierExtract
import Foundation

/// The pages of an extraction corpus in ../shared, and their main text as `dossier extract --batch`
/// computes it.
enum CorpusPages {
    /// One page of an extraction corpus: `name` is the file name without `.html`.
    struct Page: Sendable {
        let name: String
        let url: URL
    }

    /// The `.html` pages of a corpus directory, by name.
    static func pages(in directory: URL) throws -> [Page] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".html") }.sorted()
            .map { Page(name: String($0.dropLast(5)), url: directory.appendingPathComponent($0)) }
    }

    /// The main text of each page (no Content-Type, main-text scope), in order; an
    /// unreadable page gives an empty text.
    ///
    /// The pages are read one after another on a thread of their own, not as tasks: hundreds of
    /// CPU-bound tasks queued on the two threads of the cooperative pool kept every other test
    /// from resuming (for a minute under AddressSanitizer), which failed their timing bounds.
    static func mainTexts(of pages: [Page]) async -> [String] {
        await withCheckedContinuation { continuation in
            let reader = Thread {
                continuation.resume(returning: pages.map { page in
                    guard let data = FileManager.default.contents(atPath: page.url.path) else { return "" }
                    return HTMLExtractor.extract(bytes: [UInt8](data), scope: .mainText).mainText
                })
            }
            reader.stackSize = 16 << 20
            reader.start()
        }
    }
}
