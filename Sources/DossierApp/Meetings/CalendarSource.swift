import AtomicFiles
import DossierFetch
import DossierSettings
import Foundation
import Logging

/// Where a calendar comes from: a file, or an https URL (a private calendar feed). A calendar
/// URL is a secret: it is kept in `<config dir>/calendar-url` with mode 0600 so that
/// `dossier refresh` can import it again, and shown only as its scheme and host.
public enum CalendarSource {
    public static let secretFileName = "calendar-url"

    /// Failures reading a calendar, with what was being read.
    public enum ReadError: Error, Sendable, CustomStringConvertible {
        case unreadableFile(path: String, reason: String)
        case fetchFailed(url: String, reason: String)
        case notText(source: String)

        public var description: String {
            switch self {
            case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
            case .fetchFailed(let url, let reason): "cannot fetch the calendar \(url): \(reason)"
            case .notText(let source): "\(source) is not UTF-8 text"
            }
        }
    }

    /// A URL as it may be shown: scheme and host only (`https://calendar.example/…`).
    public static func redacted(_ url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else {
            return "(a calendar URL)"
        }
        return "\(scheme)://\(host)/…"
    }

    public static func isURL(_ argument: String) -> Bool {
        let scheme = URLComponents(string: argument)?.scheme?.lowercased()
        return scheme == "https" || scheme == "http"
    }

    /// The text of a calendar file.
    public static func read(file path: String) throws(ReadError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableFile(path: path, reason: (error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .notText(source: path) }
        return text
    }

    /// The text of a calendar URL, fetched with the fetcher's policy (only http(s), robots
    /// and address checks, body cap); errors name the URL redacted.
    public static func fetch(_ url: String, config: DossierConfig, logger: Logger) async throws(ReadError) -> String {
        let policy = FetchPolicy(config: config)
        let result = await CurlMultiEngine.run(maximumConnections: 1) { engine in
            await Fetcher(engine: engine, policy: policy, logger: logger).fetch(FetchRequest(url: url))
        }
        if let failure = result.failure {
            throw .fetchFailed(url: redacted(url), reason: "\(failure)")
        }
        guard let text = String(data: result.body, encoding: .utf8) else { throw .notText(source: redacted(url)) }
        return text
    }

    /// Keeps a calendar URL for later imports, readable by the user only.
    public static func saveSecret(_ url: String, paths: DossierPaths) throws {
        try FileManager.default.createDirectory(at: paths.configDirectory, withIntermediateDirectories: true)
        try AtomicFile.write(Data((url + "\n").utf8), to: paths.configDirectory.appending(path: secretFileName), permissions: 0o600)
    }

    /// The calendar URL kept by an earlier import, if any.
    public static func savedSecret(paths: DossierPaths) -> String? {
        let file = paths.configDirectory.appending(path: secretFileName)
        return (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
    }
}

extension String {
    /// nil for an empty string (an empty option value clears a field).
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
