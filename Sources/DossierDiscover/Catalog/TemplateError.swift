/// Why a URL or header template in a source file cannot be used, e.g. an unknown placeholder.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
