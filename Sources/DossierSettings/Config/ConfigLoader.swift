import Foundation

/// A configuration together with the warnings found while reading it.
public struct LoadedConfig: Sendable, Equatable {
    public var config: DossierConfig
    /// Ordered by line.
    public var warnings: [ConfigWarning]

    public init(config: DossierConfig, warnings: [ConfigWarning]) {
        self.config = config
        self.warnings = warnings
    }
}

/// Reads `config.toml`.
///
/// A missing file gives the defaults. A file that cannot be read, is not UTF-8, is not valid TOML, or
/// gives a known key a value of the wrong type or range is a ``ConfigError`` naming the file, and the
/// line and key where known. An unknown key is a ``ConfigWarning`` and is otherwise ignored.
public enum ConfigLoader {
    public static func load(file: URL) throws(ConfigError) -> LoadedConfig {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch CocoaError.fileReadNoSuchFile {
            return LoadedConfig(config: DossierConfig(), warnings: [])
        } catch {
            throw ConfigError(file: file, reason: .unreadable(Self.reason(error)))
        }
        return try parse(Self.text(of: data, file: file), file: file)
    }

    /// Parses configuration text; `file` is only used to name it in diagnostics.
    public static func parse(_ text: String, file: URL) throws(ConfigError) -> LoadedConfig {
        var decoder = ConfigDecoder(file: file, document: try table(parsing: text, file: file))
        let config = try decoder.decode()
        let warnings = decoder.warnings.enumerated().sorted { first, second in
            (first.element.line ?? .max, first.offset) < (second.element.line ?? .max, second.offset)
        }.map(\.element)
        return LoadedConfig(config: config, warnings: warnings)
    }

    /// The TOML document in `text`; a syntax error is a ``ConfigError`` with the parser's line and column.
    static func table(parsing text: String, file: URL) throws(ConfigError) -> TOMLTable {
        do {
            return try TOMLTable(parsing: text)
        } catch {
            throw ConfigError(file: file, line: error.line, column: error.column, reason: .malformedTOML(error.message))
        }
    }

    /// The file as UTF-8 text, which TOML requires; a NUL byte, which TOML allows nowhere, is refused
    /// here too, as unreadable.
    static func text(of data: Data, file: URL) throws(ConfigError) -> String {
        var line = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var text = ""
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\0" {
                    throw ConfigError(file: file, line: line, reason: .unreadable("contains a NUL character"))
                }
                if scalar == "\n" { line += 1 }
                text.unicodeScalars.append(scalar)
            case .emptyInput:
                return text
            case .error:
                throw ConfigError(file: file, line: line, reason: .unreadable("not valid UTF-8"))
            }
        }
    }

    /// The operating system's reason ("is a directory", "permission denied") when Foundation has one.
    public static func reason(_ error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error {
            let posixError = underlying as NSError
            if posixError.domain == NSPOSIXErrorDomain {
                return String(cString: strerror(Int32(posixError.code))).lowercased()
            }
        }
        return error.localizedDescription
    }
}
