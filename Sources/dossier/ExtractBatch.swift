import DossierExtract
import Foundation
import Locking

/// `dossier extract --batch`: one output file per input, written atomically, all cores busy.
struct ExtractBatch: Sendable {
    let format: ExtractCommand.Format
    let contentType: String?

    /// Extracts every file into `directory` and returns one message per failure.
    func run(files: [String], into directory: String) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return ["cannot create \(directory): \(error.localizedDescription)"]
        }
        // Largest first, so no core is left with one big page at the end.
        let sizes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
        let order = files.indices.sorted { sizes[$0] > sizes[$1] }
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: order.count) { k in
            let file = files[order[k]]
            do {
                try extract(file, into: directory)
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        return failures.withLock { $0 }
    }

    private func extract(_ file: String, into directory: String) throws {
        let bytes = try InputFile.read(file)
        let scope: HTMLExtractor.Scope = format == .text ? .mainText : .everything
        let page = HTMLExtractor.extract(bytes: bytes, contentType: contentType, scope: scope)
        let output: Data
        switch format {
        case .text: output = Data((page.mainText + "\n").utf8)
        case .markdown: output = Data((MarkdownRenderer.render(page) + "\n").utf8)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            output = try encoder.encode(page)
        }
        let target = URL(fileURLWithPath: directory).appendingPathComponent(Self.outputName(for: file, format: format))
        do {
            try output.write(to: target, options: .atomic)
        } catch {
            throw InputFile.ReadError(path: target.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// `dir/page.html` → `page.txt` (or `.md`, `.json`).
    static func outputName(for file: String, format: ExtractCommand.Format) -> String {
        var name = (file as NSString).lastPathComponent
        for suffix in [".html", ".htm", ".xhtml"] where name.lowercased().hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            break
        }
        return name + "." + format.fileExtension
    }
}
