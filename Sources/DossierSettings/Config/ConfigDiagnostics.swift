import Foundation

/// A configuration file that cannot be used. The description reads like a compiler diagnostic,
/// `<file>:<line>:<column>: <message>`, with line and column left out when unknown.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// Why the file cannot be used.
    public enum Reason: Sendable, Equatable {
        /// The file exists but could not be read (a directory, no permission, not UTF-8).
        case unreadable(String)
        /// The file is not valid TOML; the text is the parser's message.
        case malformedTOML(String)
        /// A known key has a value of the wrong type or out of range.
        case invalidValue(keyPath: String, String)
    }

    public let file: URL
    /// 1-based line of the problem, when known.
    public let line: Int?
    /// 1-based column of the problem, when known.
    public let column: Int?
    public let reason: Reason

    public init(file: URL, line: Int? = nil, column: Int? = nil, reason: Reason) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        let message =
            switch reason {
            case .unreadable(let detail): "cannot read configuration: \(detail)"
            case .malformedTOML(let detail): "malformed TOML: \(detail)"
            case .invalidValue(let keyPath, let detail): "\(keyPath): \(detail)"
            }
        return "\(sourceLocation(file: file, line: line, column: column)): \(message)"
    }

    public var errorDescription: String? { description }
}

/// A problem in the configuration that does not stop dossier, such as an unknown key
/// (often a typo: the setting the user meant keeps its default).
public struct ConfigWarning: Sendable, Equatable, CustomStringConvertible {
    public let file: URL
    /// 1-based line of the key, when known.
    public let line: Int?
    /// The key concerned, e.g. `network.alow_private` or `rewrite[1].form`.
    public let keyPath: String
    public let message: String

    public init(file: URL, line: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    /// `<file>:<line>: <key>: <message>`.
    public var description: String {
        "\(sourceLocation(file: file, line: line, column: nil)): \(keyPath): \(message)"
    }
}

private func sourceLocation(file: URL, line: Int?, column: Int?) -> String {
    var location = file.path(percentEncoded: false)
    if let line {
        location += ":\(line)"
        if let column { location += ":\(column)" }
    }
    return location
}
