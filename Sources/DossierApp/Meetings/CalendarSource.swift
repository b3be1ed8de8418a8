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

    /// Whether `argument` is a calendar address rather than a file: http(s), or a `webcal:`
    /// subscription link.
    public static func isURL(_ argument: String) -> Bool {
        let scheme = URLComponents(string: argument)?.scheme?.lowercased()
        return ["https", "http", "webcal", "webcals"].contains(scheme)
    }

    /// The address to fetch: a `webcal://` (or `webcals://`) subscription link is the same
    /// calendar over https, as calendar applications read it.
    public static func fetchableURL(_ url: String) -> String {
        guard var components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "webcal" || scheme == "webcals" else { return url }
        components.scheme = "https"
        return components.string ?? url
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

    /// The text of a calendar URL, fetched with the fetcher's policy (only http(s), address
    /// checks, body cap). robots.txt does not apply: a calendar the user gave is not crawled.
    /// The URL is a secret: the fetcher does not log it, and errors name it redacted.
    public static func fetch(_ url: String, config: DossierConfig, logger: Logger) async throws(ReadError) -> String {
        var policy = FetchPolicy(config: config)
        policy.obeyRobots = false
        // The fetcher logs each URL it fetches at debug level (`-v`): not this one.
        var quietLogger = logger
        quietLogger.logLevel = max(logger.logLevel, .info)
        logger.debug("fetching the calendar", metadata: ["url": "\(redacted(url))"])
        let fetcherLogger = quietLogger
        let result = await CurlMultiEngine.run(maximumConnections: 1) { engine in
            await Fetcher(engine: engine, policy: policy, logger: fetcherLogger).fetch(FetchRequest(url: url))
        }
        if let failure = result.failure {
            throw .fetchFailed(url: redacted(url), reason: scrub(failure.description, secret: url))
        }
        guard let text = String(data: result.body, encoding: .utf8) else { throw .notText(source: redacted(url)) }
        return text
    }

    /// `message` with the secret URL, its path and any other URL (a redirect's) cut to scheme and
    /// host, so that no part of a private address is shown.
    static func scrub(_ message: String, secret: String) -> String {
        var text = message
        var secrets = [secret]
        if let components = URLComponents(string: secret) {
            secrets.append(components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? ""))
            secrets.append(components.percentEncodedPath)
            secrets.append(components.path)
        }
        for part in secrets where part.count > 1 {
            text = text.replacingOccurrences(of: part, with: part == secret ? redacted(secret) : "/…")
        }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let lower = word.lowercased()
            return lower.hasPrefix("http://") || lower.hasPrefix("https://") ? redacted(String(word)) : String(word)
        }.joined(separator: " ")
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
