import DossierExtract
import DossierFetch
import Foundation
import Locking

/// `dossier extract`: the extractor on its own. Pages (bytes read by the caller, or URLs fetched
/// with the configured fetcher) to their main text, Markdown, or everything extracted as JSON.
public struct PageExtraction: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, markdown

        var fileExtension: String {
            switch self {
            case .text: "txt"
            case .json: "json"
            case .markdown: "md"
            }
        }

        /// Text needs the main text only; the other formats show everything extracted.
        var scope: HTMLExtractor.Scope { self == .text ? .mainText : .everything }
    }

    /// One page to extract: its bytes (and where they came from, for messages), or a URL to
    /// fetch first.
    public enum Input: Sendable {
        case bytes([UInt8], name: String)
        case url(String)
    }

    /// The output of a run, and what the user should know about it (a page with no main text).
    public struct Output: Sendable {
        public var text: String
        public var warnings: [String]
    }

    public let format: Format
    /// The HTTP Content-Type of the input, whose charset wins over the page's own.
    public let contentType: String?
    /// Where the page came from: resolves relative links, and dates can come from it.
    public let url: String?

    public init(format: Format, contentType: String? = nil, url: String? = nil) {
        self.format = format
        self.contentType = contentType
        self.url = url
    }

    /// The output of `inputs` as one text for standard output; URLs are fetched through
    /// `workspace`'s fetcher (which URLs need), and one that cannot be is a failure naming it. An
    /// input that is no page (a PDF, an image, binary data) is a data error (exit 65) naming it; a
    /// gzip file is unpacked first; a page without main text is a warning.
    public func run(_ inputs: [Input], workspace: Workspace?) async throws(AppError) -> Output {
        let urls = inputs.compactMap { input -> String? in if case .url(let url) = input { url } else { nil } }
        var fetched: [String: FetchResult] = [:]
        if !urls.isEmpty {
            guard let workspace else { throw AppError(.usage, "URLs need the workspace to fetch them") }
            let results = await Fetcher.fetchAll(urls.map { FetchRequest(url: $0) }, policy: FetchPolicy(config: workspace.config),
                                                 logger: workspace.logger)
            for result in results {
                if let failure = result.failure { throw AppError(.failure, "\(result.originalURL): \(failure)") }
                fetched[result.originalURL] = result
            }
        }
        var pages: [ExtractedPage] = []
        var warnings: [String] = []
        for input in inputs {
            let page: ExtractedPage
            let name: String
            switch input {
            case .bytes(let raw, let source):
                name = source
                let bytes = PageBytes.unpacked(raw)
                if let kind = PageBytes.unreadableKind(bytes) {
                    throw AppError(.dataError, "\(source) is \(kind): dossier extract reads HTML pages (and text)")
                }
                page = HTMLExtractor.extract(bytes: bytes, contentType: contentType, url: url, scope: format.scope)
            case .url(let address):
                name = address
                let result = fetched[address]!
                if let kind = PageBytes.unreadableKind(Array(result.body)) {
                    throw AppError(.dataError, "\(address) answered with \(kind) (\(result.contentType ?? "no content type")): "
                        + "dossier extract reads HTML pages (and text)")
                }
                let served = result.contentType.map { type in type + (result.charset.map { "; charset=\($0)" } ?? "") }
                page = HTMLExtractor.extract(bytes: result.body, contentType: contentType ?? served, url: url ?? result.finalURL,
                                             scope: format.scope)
            }
            if page.blocks.isEmpty { warnings.append("\(name): no main text found") }
            pages.append(page)
        }
        let text: String
        switch format {
        case .json:
            do {
                let data = pages.count == 1 ? try CommandJSON.encode(pages[0]) : try CommandJSON.encode(pages)
                text = String(decoding: data.dropLast(), as: UTF8.self)
            } catch {
                throw AppError(error)
            }
        case .text:
            text = pages.map(\.mainText).joined(separator: "\n\n")
        case .markdown:
            text = pages.map(PageMarkdown.render).joined(separator: "\n\n---\n\n")
        }
        return Output(text: text, warnings: warnings)
    }

    /// `--batch`: one output file per input file into `directory`, written atomically, all cores
    /// busy; one message per failure.
    public func runBatch(files: [String], into directory: String) -> [String] {
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
        guard let data = FileManager.default.contents(atPath: file) else {
            let reason = FileManager.default.fileExists(atPath: file) ? "permission denied or not a file" : "no such file"
            throw AppError(.noInput, "cannot read \(file): \(reason)")
        }
        let bytes = PageBytes.unpacked([UInt8](data))
        if let kind = PageBytes.unreadableKind(bytes) {
            throw AppError(.dataError, "\(file) is \(kind): dossier extract reads HTML pages (and text)")
        }
        let page = HTMLExtractor.extract(bytes: bytes, contentType: contentType, scope: format.scope)
        let output: Data
        switch format {
        case .text: output = Data((page.mainText + "\n").utf8)
        case .markdown: output = Data((PageMarkdown.render(page) + "\n").utf8)
        case .json: output = try CommandJSON.encode(page)
        }
        let target = URL(fileURLWithPath: directory).appendingPathComponent(Self.outputName(for: file, format: format))
        do {
            try output.write(to: target, options: .atomic)
        } catch {
            throw AppError(.cannotCreate, "cannot write \(target.path): \(error.localizedDescription)")
        }
    }

    /// `dir/page.html` → `page.txt` (or `.md`, `.json`).
    public static func outputName(for file: String, format: Format) -> String {
        var name = (file as NSString).lastPathComponent
        for suffix in [".html", ".htm", ".xhtml"] where name.lowercased().hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            break
        }
        return name + "." + format.fileExtension
    }
}
