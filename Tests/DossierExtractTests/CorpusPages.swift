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

    /// The main text of each page (no Content-Type, main-text scope), on all cores; an
    /// unreadable page gives an empty text.
    static func mainTexts(of pages: [Page]) async -> [String] {
        await withTaskGroup(of: (Int, String).self) { group in
            for (index, page) in pages.enumerated() {
                group.addTask {
                    guard let data = FileManager.default.contents(atPath: page.url.path) else { return (index, "") }
                    return (index, HTMLExtractor.extract(bytes: [UInt8](data), scope: .mainText).mainText)
                }
            }
            var texts = [String](repeating: "", count: pages.count)
            for await (index, text) in group { texts[index] = text }
            return texts
        }
    }
}
