/// The value of an HTTP header a source sends, with placeholders, e.g. `X-Subscription-Token = "{key}"`.
///
/// The written text may not hold control characters, and ``expand(_:)`` refuses a value that holds
/// one, so a value can never add a header or end the request head.
public struct HeaderTemplate: Sendable, Hashable, CustomStringConvertible {
    /// The template as written in the source file.
    public let description: String
    private let tokens: [TemplateToken]

    public init(_ text: String) throws(TemplateError) {
        tokens = try TemplateToken.split(text)
        if text.unicodeScalars.contains(where: Self.isControl) {
            throw TemplateError("a header value must not contain control characters")
        }
        description = text
    }

    /// The placeholders the template uses, each once, in ``TemplatePlaceholder`` order.
    public var placeholders: [TemplatePlaceholder] {
        Set(tokens.compactMap { token in
            if case .placeholder(let placeholder) = token { placeholder } else { nil }
        }).sorted()
    }

    /// The header value for `values`, or nil when a value is unknown or holds a control character.
    public func expand(_ values: TemplateValues) -> String? {
        var text = ""
        for token in tokens {
            switch token {
            case .literal(let literal):
                text += literal
            case .placeholder(let placeholder):
                guard let value = values[placeholder], !value.unicodeScalars.contains(where: Self.isControl) else {
                    return nil
                }
                text += value
            }
        }
        return text
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
    }
}
