import AtomicFiles
import DossierCore
import ExternalCommands
import Foundation

/// Turns the dossier's HTML into a PDF with a real renderer found on a search path:
/// headless Chromium (`chromium`, `chromium-browser`, `google-chrome`,
/// `google-chrome-stable`), else WeasyPrint (`weasyprint`).
///
/// Guarantees: the renderer runs on a private copy of the HTML with a throwaway profile
/// folder, is killed when it exceeds `timeLimit` or the task is cancelled, and the PDF
/// replaces the target atomically, only once the renderer produced a PDF. When no renderer
/// is installed, `RenderError.noRenderer` says what to install.
public struct PDFRenderer: Sendable {
    /// A renderer program and where it is.
    public enum Engine: Sendable, Equatable {
        case chromium(executable: String)
        case weasyprint(executable: String)

        public var executable: String {
            switch self {
            case .chromium(let executable), .weasyprint(let executable): executable
            }
        }

        var name: String { URL(fileURLWithPath: executable).lastPathComponent }
    }

    /// Why no PDF was written.
    public enum RenderError: Error, Equatable, CustomStringConvertible {
        case noRenderer
        case couldNotStart(renderer: String, reason: String)
        case timedOut(renderer: String, limit: Duration)
        case failed(renderer: String, status: Int32, detail: String)
        case noOutput(renderer: String, detail: String)
        /// The renderer's working folder (under `TMPDIR`) could not be prepared: a full or
        /// read-only temporary folder. The other formats are still written.
        case noWorkspace(path: String, reason: String)

        public var description: String {
            switch self {
            case .noRenderer:
                "no PDF renderer found: install Chromium (apt-get install chromium) or WeasyPrint (pip install weasyprint)"
            case let .couldNotStart(renderer, reason):
                "cannot start \(renderer): \(reason)"
            case let .timedOut(renderer, limit):
                "\(renderer) did not finish the PDF within \(limit), and was stopped"
            case let .failed(renderer, status, detail):
                "\(renderer) failed with exit status \(status)" + (detail.isEmpty ? "" : ": \(detail)")
            case let .noOutput(renderer, detail):
                "\(renderer) wrote no PDF" + (detail.isEmpty ? "" : ": \(detail)")
            case let .noWorkspace(path, reason):
                "cannot prepare the PDF renderer's folder \(path): \(reason) (is TMPDIR full or read-only?)"
            }
        }
    }

    /// Program names tried in order; the first found on the search path is used.
    static let chromiumNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    static let weasyprintName = "weasyprint"

    /// Colon-separated folders searched for a renderer, like `PATH`.
    public let searchPath: String
    /// How long the renderer may run before it is killed.
    public let timeLimit: Duration
    /// Where the renderer's throwaway working folder is made (the system's temporary folder).
    public let workspace: URL

    public init(searchPath: String, timeLimit: Duration = .seconds(60),
                workspace: URL = FileManager.default.temporaryDirectory) {
        self.searchPath = searchPath
        self.timeLimit = timeLimit
        self.workspace = workspace
    }

    /// A renderer searching the `PATH` of `environment`.
    public init(environment: [String: String], timeLimit: Duration = .seconds(60)) {
        self.init(searchPath: environment["PATH"] ?? "", timeLimit: timeLimit)
    }

    /// The renderer that `render` would use, or nil when none is installed.
    public func engine() -> Engine? {
        let folders = searchPath.split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
        func find(_ name: String) -> String? {
            folders.lazy.map { URL(fileURLWithPath: $0).appendingPathComponent(name).path }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        for name in Self.chromiumNames {
            if let executable = find(name) { return .chromium(executable: executable) }
        }
        return find(Self.weasyprintName).map { .weasyprint(executable: $0) }
    }

    /// Renders `html` to a PDF at `target`.
    public func render(html: String, to target: URL) async throws {
        try AtomicFile.write(try await pdf(html: html), to: target)
    }

    /// The bytes of `html` rendered as a PDF.
    public func pdf(html: String) async throws -> Data {
        guard let engine = engine() else { throw RenderError.noRenderer }
        let work = workspace
            .appendingPathComponent("dossier-pdf-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let input = work.appendingPathComponent("dossier.html")
        let output = work.appendingPathComponent("dossier.pdf")
        let log = work.appendingPathComponent("renderer.log")
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: input)
            try Data().write(to: log)
        } catch {
            throw RenderError.noWorkspace(path: work.path, reason: (error as NSError).localizedDescription)
        }

        var environment = ProcessInfo.processInfo.environment
        let arguments: [String]
        switch engine {
        case .chromium:
            let profile = work.appendingPathComponent("profile", isDirectory: true)
            // Chromium keeps caches and crash reports under these; keep them in the throwaway folder.
            environment["XDG_CONFIG_HOME"] = profile.path
            environment["XDG_CACHE_HOME"] = profile.path
            arguments = [
                "--headless", "--disable-gpu", "--no-sandbox", "--no-pdf-header-footer", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--mute-audio",
                "--user-data-dir=\(profile.path)", "--print-to-pdf=\(output.path)", input.absoluteString,
            ]
        case .weasyprint:
            arguments = [input.path, output.path]
        }

        let status = try await run(engine.executable, arguments: arguments, environment: environment, log: log)
        let detail = Self.excerpt(of: log)
        guard let status else {
            throw RenderError.timedOut(renderer: engine.name, limit: timeLimit)
        }
        guard status == 0 else { throw RenderError.failed(renderer: engine.name, status: status, detail: detail) }
        guard let pdf = try? Data(contentsOf: output), pdf.starts(with: Data("%PDF-".utf8)) else {
            throw RenderError.noOutput(renderer: engine.name, detail: detail)
        }
        return pdf
    }

    /// Runs the renderer with its output going to `log`; returns the exit status, or nil
    /// when it was killed for running past the time limit.
    private func run(_ executable: String, arguments: [String], environment: [String: String], log: URL) async throws -> Int32? {
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        do {
            return try await ProcessCommandRunner(path: "").run(
                ExternalCommand(executable, arguments, environment: environment), loggingTo: logHandle, timeLimit: timeLimit)
        } catch let error as ExternalCommandError {
            throw RenderError.couldNotStart(renderer: executable, reason: "\(error)")
        }
    }

    /// The last lines the renderer printed, cleaned for one line of an error message.
    private static func excerpt(of log: URL) -> String {
        guard let data = try? Data(contentsOf: log) else { return "" }
        let lines = String(decoding: data.suffix(2_000), as: UTF8.self)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return PlainTextRenderer.clean(lines.suffix(3).joined(separator: " | "))
    }
}
