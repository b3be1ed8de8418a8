import ArgumentParser
import DossierExtract
import DossierFetch
import DossierKit
import Foundation

/// `dossier extract`: the extraction stage on its own, for pages on disk or on standard input.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the main text and metadata of HTML pages.",
        discussion: """
        Reads each page as bytes; the charset comes from --content-type, then a byte order mark, \
        then the page's <meta> declaration, then UTF-8 (a guess when the bytes are not UTF-8). \
        Prints the main text (text), the text with headings and lists (markdown), or everything \
        extracted: metadata, JSON-LD, OpenGraph, links and people (json).

        With --batch, writes DIR/<name>.txt (.md, .json) for each input <name>.html, using every \
        core; DIR is --out or $EXTRACT_OUT. Exits 1 when any input could not be read or written.

        Examples:
          dossier extract page.html
          dossier extract page.html --format json --url https://example.org/news/1
          dossier extract https://example.org/news/1 --format markdown
          curl -s https://example.org/ | dossier extract - --content-type 'text/html; charset=utf-8'
          dossier extract --batch --out texts/ pages/*.html
          EXTRACT_OUT=texts dossier extract --batch pages/*.html
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown

        var fileExtension: String {
            switch self {
            case .text: "txt"
            case .json: "json"
            case .markdown: "md"
            }
        }
    }

    @Argument(help: "HTML files, '-' for standard input, or http(s) URLs.")
    var inputs: [String] = []

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Flag(help: "Write one output file per input into --out DIR (or $EXTRACT_OUT), in parallel.")
    var batch = false

    @Option(help: "Output directory for --batch (default: $EXTRACT_OUT).")
    var out: String?

    @Option(name: .customLong("content-type"), help: "The HTTP Content-Type of the input; its charset wins.")
    var contentType: String?

    @Option(help: "The URL the page came from: resolves relative links, and dates can come from it.")
    var url: String?

    func validate() throws {
        if inputs.isEmpty {
            throw ValidationError("give at least one FILE, '-' or URL")
        }
        if batch {
            if outputDirectory == nil {
                throw ValidationError("--batch needs --out DIR or the EXTRACT_OUT environment variable")
            }
            if let input = inputs.first(where: { $0 == "-" || Self.isURL($0) }) {
                throw ValidationError("--batch reads files only, not '\(input)'")
            }
        } else if out != nil {
            throw ValidationError("--out is for --batch; without it the output goes to stdout")
        }
        if inputs.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input ('-') can be read only once")
        }
    }

    private var outputDirectory: String? {
        out ?? ProcessInfo.processInfo.environment["EXTRACT_OUT"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func isURL(_ input: String) -> Bool {
        let lower = input.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        if batch, let outputDirectory {
            let failures = ExtractBatch(format: format, contentType: contentType)
                .run(files: inputs, into: outputDirectory)
            for failure in failures { StandardError.write("error: \(failure)") }
            if !failures.isEmpty { throw ExitCode.failure }
            return
        }
        let fetched = try await fetchURLs()
        var pages: [ExtractedPage] = []
        let scope: HTMLExtractor.Scope = format == .json || format == .markdown ? .everything : .mainText
        for input in inputs {
            if let result = fetched[input] {
                let served = result.contentType.map { type in type + (result.charset.map { "; charset=\($0)" } ?? "") }
                pages.append(HTMLExtractor.extract(bytes: result.body, contentType: contentType ?? served,
                                                   url: url ?? result.finalURL, scope: scope))
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(input)
            } catch {
                StandardError.write("error: \(error)")
                throw ExitCode.failure
            }
            pages.append(HTMLExtractor.extract(bytes: bytes, contentType: contentType, url: url, scope: scope))
        }
        switch format {
        case .json:
            if pages.count == 1 { try StandardOutput.writeJSON(pages[0]) } else { try StandardOutput.writeJSON(pages) }
        case .text:
            print(pages.map(\.mainText).joined(separator: "\n\n"))
        case .markdown:
            print(pages.map(MarkdownRenderer.render).joined(separator: "\n\n---\n\n"))
        }
    }
}

/// Reads a file, or standard input for "-", as bytes.
enum InputFile {
    struct ReadError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "cannot read \(path): \(reason)" }
    }

    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw ReadError(path: path, reason: reason)
        }
        return [UInt8](data)
    }
}

extension ExtractCommand {
    /// Fetches the URL arguments with the configured fetcher (robots.txt, limits, rewrites).
    private func fetchURLs() async throws -> [String: FetchResult] {
        let urls = inputs.filter(Self.isURL)
        guard !urls.isEmpty else { return [:] }
        let environment = try global.loadEnvironment()
        let policy = FetchPolicy(config: environment.config)
        let results = await Fetcher.fetchAll(urls.map { FetchRequest(url: $0) }, policy: policy, logger: environment.logger)
        var fetched: [String: FetchResult] = [:]
        for result in results {
            if let failure = result.failure {
                StandardError.write("error: \(result.originalURL): \(failure)")
                throw ExitCode.failure
            }
            fetched[result.originalURL] = result
        }
        return fetched
    }
}
