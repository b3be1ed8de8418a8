import Foundation

/// The parsed TOML of one source or bank file, read the way `config.toml` is (UTF-8, no NUL).
public struct SourceFile {
    /// The document, with the line of each key.
    public let document: TOMLTable

    public init(contentsOf file: URL) throws(SourceLoadError) {
        do throws(ConfigError) {
            let data: Data
            do {
                data = try Data(contentsOf: file)
            } catch {
                throw ConfigError(file: file, reason: .unreadable(ConfigLoader.reason(error)))
            }
            document = try ConfigLoader.table(parsing: ConfigLoader.text(of: data, file: file), file: file)
        } catch {
            throw SourceLoadError(file: file, line: error.line, message: Self.message(error.reason))
        }
    }

    private static func message(_ reason: ConfigError.Reason) -> String {
        switch reason {
        case .unreadable(let detail): "cannot read: \(detail)"
        case .malformedTOML(let detail): "malformed TOML: \(detail)"
        case .invalidValue(let keyPath, let detail): "\(keyPath): \(detail)"
        }
    }
}
