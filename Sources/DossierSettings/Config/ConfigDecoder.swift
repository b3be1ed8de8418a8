import DossierCore
import Foundation

/// Turns a parsed `config.toml` into a ``DossierConfig``: checks each known key's type and range,
/// and collects a warning for each unknown key, each diagnostic with the line of its key.
struct ConfigDecoder {
    let file: URL
    let document: TOMLTable
    private(set) var warnings: [ConfigWarning] = []

    init(file: URL, document: TOMLTable) {
        self.file = file
        self.document = document
    }

    mutating func decode() throws(ConfigError) -> DossierConfig {
        let root = ConfigKeyPath.root
        warnAboutUnknownKeys(in: document, at: root, known: ["network", "rewrite", "search", "me", "calendar", "print"])
        var config = DossierConfig()
        if let network = try table(document, "network", in: root) {
            config.network = try decodeNetwork(network, at: root.appending("network"))
        }
        if let rewrites = try arrayOfTables(document, "rewrite", in: root) {
            config.rewrites = try decodeRewrites(rewrites, at: root.appending("rewrite"))
        }
        if let search = try table(document, "search", in: root) {
            let path = root.appending("search")
            warnAboutUnknownKeys(in: search, at: path, known: ["searxng"])
            config.search.searxngURL = try string(search, "searxng", in: path)
        }
        if let me = try table(document, "me", in: root) {
            let path = root.appending("me")
            warnAboutUnknownKeys(in: me, at: path, known: [
                "name", "goals", "career_goals", "background", "schools", "employers", "places", "interests",
            ])
            config.me = UserProfile(
                name: try string(me, "name", in: path),
                goals: try strings(me, "goals", in: path) ?? [],
                careerGoals: try strings(me, "career_goals", in: path) ?? [],
                background: try string(me, "background", in: path),
                schools: try strings(me, "schools", in: path) ?? [],
                employers: try strings(me, "employers", in: path) ?? [],
                places: try strings(me, "places", in: path) ?? [],
                interests: try strings(me, "interests", in: path) ?? []
            )
        }
        if let calendar = try table(document, "calendar", in: root) {
            let path = root.appending("calendar")
            warnAboutUnknownKeys(in: calendar, at: path, known: ["tag", "attendees"])
            let tag = try string(calendar, "tag", in: path)
            config.calendar = CalendarSettings(tag: tag.flatMap { $0.isEmpty ? nil : $0 } ?? (calendar["tag"] == nil ? "[info]" : nil),
                                               attendees: try strings(calendar, "attendees", in: path) ?? [])
        }
        if let print = try table(document, "print", in: root) {
            let path = root.appending("print")
            warnAboutUnknownKeys(in: print, at: path, known: ["paper"])
            if let paper = try string(print, "paper", in: path) {
                guard let size = PaperSize(rawValue: paper.lowercased()) else {
                    throw invalid(path.appending("paper"), "must be \"a4\" or \"letter\"")
                }
                config.paper = size
            }
        }
        return config
    }

    // MARK: - Tables

    private mutating func decodeNetwork(_ network: TOMLTable, at path: ConfigKeyPath) throws(ConfigError)
        -> NetworkSettings
    {
        warnAboutUnknownKeys(
            in: network, at: path,
            known: [
                "allow_private", "contact", "max_concurrency", "per_host_concurrency", "per_host_delay_ms",
                "connect_timeout_s", "timeout_s", "stall_timeout_s", "stall_min_bytes_per_s", "max_body_mb",
                "max_redirects", "retries", "max_retry_after_s", "robots", "source_rates",
            ])
        var settings = NetworkSettings()
        if let value = try bool(network, "allow_private", in: path) { settings.allowPrivateAddresses = value }
        if let value = try string(network, "contact", in: path) {
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw invalid(path.appending("contact"), "must not contain control characters")
            }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            settings.contact = trimmed.isEmpty ? nil : trimmed
        }
        if let value = try integer(network, "max_concurrency", in: path, atLeast: 1) {
            settings.maxConcurrency = value
        }
        if let value = try integer(network, "per_host_concurrency", in: path, atLeast: 1) {
            settings.perHostConcurrency = value
        }
        if let value = try number(network, "per_host_delay_ms", in: path, positive: false) {
            settings.perHostDelay = value / 1000
        }
        if let value = try number(network, "connect_timeout_s", in: path, positive: true) {
            settings.connectTimeout = value
        }
        if let value = try number(network, "timeout_s", in: path, positive: true) { settings.timeout = value }
        if let value = try number(network, "stall_timeout_s", in: path, positive: true) {
            settings.stallTimeout = value
        }
        if let value = try integer(network, "stall_min_bytes_per_s", in: path, atLeast: 0) {
            settings.stallMinimumBytesPerSecond = value
        }
        if let value = try number(network, "max_body_mb", in: path, positive: true) {
            let bytes = (value * 1024 * 1024).rounded()
            guard bytes < Double(Int.max) else { throw invalid(path.appending("max_body_mb"), "is too large") }
            settings.maxBodyBytes = max(1, Int(bytes))
        }
        if let value = try integer(network, "max_redirects", in: path, atLeast: 0) { settings.maxRedirects = value }
        if let value = try integer(network, "retries", in: path, atLeast: 0) { settings.retries = value }
        if let value = try number(network, "max_retry_after_s", in: path, positive: false) {
            settings.maxRetryAfter = value
        }
        if let value = try bool(network, "robots", in: path) { settings.respectsRobots = value }
        if let value = try bool(network, "source_rates", in: path) { settings.respectsSourceRates = value }
        return settings
    }

    private mutating func decodeRewrites(_ tables: [TOMLTable], at path: ConfigKeyPath) throws(ConfigError)
        -> [RewriteRule]
    {
        var rules: [RewriteRule] = []
        var firstIndexByPrefix: [String: Int] = [:]
        for (index, table) in tables.enumerated() {
            let elementPath = path.appending(index: index)
            warnAboutUnknownKeys(in: table, at: elementPath, known: ["from", "to"])
            guard let from = try string(table, "from", in: elementPath) else {
                throw invalid(elementPath, "needs a `from` string")
            }
            guard let to = try string(table, "to", in: elementPath) else {
                throw invalid(elementPath, "needs a `to` string")
            }
            guard !from.isEmpty else { throw invalid(elementPath.appending("from"), "must not be empty") }
            if let first = firstIndexByPrefix[from] {
                warn(elementPath.appending("from"), "same `from` as \(path.appending(index: first)); that rule wins")
            } else {
                firstIndexByPrefix[from] = index
            }
            rules.append(RewriteRule(from: from, to: to))
        }
        return rules
    }

    // MARK: - Values

    private func table(_ parent: TOMLTable, _ key: String, in path: ConfigKeyPath) throws(ConfigError) -> TOMLTable? {
        guard let value = parent[key] else { return nil }
        guard let table = value.tableValue else { throw wrongType(path.appending(key), expected: "a table", found: value) }
        return table
    }

    /// Accepts `[[key]]` tables and an array of inline tables.
    private func arrayOfTables(_ parent: TOMLTable, _ key: String, in path: ConfigKeyPath) throws(ConfigError)
        -> [TOMLTable]?
    {
        guard let value = parent[key] else { return nil }
        let expected = "an array of tables ([[\(key)]])"
        guard let array = value.arrayValue else { throw wrongType(path.appending(key), expected: expected, found: value) }
        var tables: [TOMLTable] = []
        for (index, element) in array.enumerated() {
            guard let table = element.tableValue else {
                throw wrongType(path.appending(key).appending(index: index), expected: "a table", found: element)
            }
            tables.append(table)
        }
        return tables
    }

    private func bool(_ table: TOMLTable, _ key: String, in path: ConfigKeyPath) throws(ConfigError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let bool = value.booleanValue else { throw wrongType(path.appending(key), expected: "true or false", found: value) }
        return bool
    }

    private func string(_ table: TOMLTable, _ key: String, in path: ConfigKeyPath) throws(ConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.stringValue else { throw wrongType(path.appending(key), expected: "a string", found: value) }
        return string
    }

    /// One string or an array of strings.
    private func strings(_ table: TOMLTable, _ key: String, in path: ConfigKeyPath) throws(ConfigError) -> [String]? {
        guard let value = table[key] else { return nil }
        if let string = value.stringValue { return [string] }
        let expected = "a string or an array of strings"
        guard let array = value.arrayValue else { throw wrongType(path.appending(key), expected: expected, found: value) }
        var strings: [String] = []
        for (index, element) in array.enumerated() {
            guard let string = element.stringValue else {
                throw wrongType(path.appending(key).appending(index: index), expected: "a string", found: element)
            }
            strings.append(string)
        }
        return strings
    }

    private func integer(_ table: TOMLTable, _ key: String, in path: ConfigKeyPath, atLeast minimum: Int)
        throws(ConfigError) -> Int?
    {
        guard let value = table[key] else { return nil }
        let expected = "an integer of at least \(minimum)"
        guard let integer = value.integerValue else { throw wrongType(path.appending(key), expected: expected, found: value) }
        guard integer >= minimum else { throw invalid(path.appending(key), "expected \(expected), found \(integer)") }
        return integer
    }

    /// An integer or a float: positive, or not negative.
    private func number(_ table: TOMLTable, _ key: String, in path: ConfigKeyPath, positive: Bool)
        throws(ConfigError) -> Double?
    {
        guard let value = table[key] else { return nil }
        let expected = positive ? "a number greater than 0" : "a number of at least 0"
        guard let number = value.numberValue else {
            throw wrongType(path.appending(key), expected: expected, found: value)
        }
        guard number.isFinite, positive ? number > 0 : number >= 0 else {
            throw invalid(path.appending(key), "expected \(expected), found \(value)")
        }
        return number
    }

    // MARK: - Diagnostics

    private mutating func warnAboutUnknownKeys(in table: TOMLTable, at path: ConfigKeyPath, known: Set<String>) {
        for key in table.keys where !known.contains(key) {
            warn(path.appending(key), "unknown key, ignored")
        }
    }

    private mutating func warn(_ path: ConfigKeyPath, _ message: String) {
        warnings.append(ConfigWarning(file: file, line: document.line(at: path), keyPath: path.description, message: message))
    }

    private func wrongType(_ path: ConfigKeyPath, expected: String, found value: TOMLValue) -> ConfigError {
        invalid(path, "expected \(expected), found \(value.summary)")
    }

    private func invalid(_ path: ConfigKeyPath, _ message: String) -> ConfigError {
        ConfigError(
            file: file,
            line: document.line(at: path),
            reason: .invalidValue(keyPath: path.description, message)
        )
    }
}
