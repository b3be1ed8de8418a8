import ArgumentParser
import DossierApp
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
        core; DIR is --out or $EXTRACT_OUT. A gzip file (page.html.gz) is unpacked first; a page \
        with no main text is a warning.

        Exit status: 0 when every page was extracted, 1 when a --batch input could not be read, \
        extracted or written, 64 on usage errors, 65 when an input is not HTML or text (a PDF, an \
        image, binary data), 66 when a file cannot be read, 78 when config.toml is broken (URLs).

        Examples:
          dossier extract page.html
          dossier extract page.html --format json --url https://example.org/news/1
          dossier extract https://example.org/news/1 --format markdown
          curl -s https://example.org/ | dossier extract - --content-type text/html
          dossier extract --batch --out texts/ pages/*.html
          EXTRACT_OUT=texts dossier extract --batch pages/*.html
        """
    )

    @Argument(help: "HTML files, '-' for standard input, or http(s) URLs.", completion: .file())
    var inputs: [String] = []

    @Option(help: "Output format: text, json or markdown.")
    var format: PageExtraction.Format = .text

    @Flag(help: "Write one output file per input into --out DIR (or $EXTRACT_OUT), in parallel.")
    var batch = false

    @Option(help: "Output directory for --batch (default: $EXTRACT_OUT).", completion: .directory)
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
        do {
            try await extract()
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }

    /// Files and standard input need no configuration; URLs are fetched with the user's.
    private func extract() async throws {
        let extraction = PageExtraction(format: format, contentType: contentType, url: url)
        if batch, let outputDirectory {
            let failures = extraction.runBatch(files: inputs, into: outputDirectory)
            for failure in failures { StandardError.write("error: \(failure)") }
            if !failures.isEmpty { throw ExitCode.failure }
            return
        }
        let pages = try inputs.map { input throws -> PageExtraction.Input in
            Self.isURL(input) ? .url(input) : .bytes(try InputFile.read(input), name: input == "-" ? "standard input" : input)
        }
        let workspace = inputs.contains(where: Self.isURL) ? try global.workspace() : nil
        let output = try await extraction.run(pages, workspace: workspace)
        if !global.quiet { for warning in output.warnings { StandardError.write("warning: \(warning)") } }
        print(output.text)
    }
}

extension PageExtraction.Format: ExpressibleByArgument {}

/// Reads a file, or standard input for "-", as bytes.
enum InputFile {
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw AppError(.noInput, "cannot read \(path): \(reason)")
        }
        return [UInt8](data)
    }
}
