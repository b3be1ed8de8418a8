import Foundation

/// A source file (or directory) that could not be used; the source it defines is left out and the
/// others still load. The description reads `<file>:<line>: <message>`, without the line when unknown.
public struct SourceLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: URL
    /// 1-based line of the problem, when known.
    public let line: Int?
    public let message: String

    public init(file: URL, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        let path = file.path(percentEncoded: false)
        return line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}
