/// A piece of a template: text kept as written, or a placeholder to fill in.
enum TemplateToken: Hashable, Sendable {
    case literal(String)
    case placeholder(TemplatePlaceholder)

    /// Splits `text` at its `{name}`s; an unknown name or an unbalanced brace is an error.
    static func split(_ text: String) throws(TemplateError) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            switch character {
            case "{":
                let nameStart = text.index(after: index)
                guard let close = text[nameStart...].firstIndex(where: { $0 == "}" || $0 == "{" }), text[close] == "}"
                else { throw TemplateError("`{` at offset \(text.distance(from: text.startIndex, to: index)) is not closed") }
                let name = String(text[nameStart..<close])
                guard let placeholder = TemplatePlaceholder(rawValue: name) else {
                    let known = TemplatePlaceholder.allCases.map(\.token).joined(separator: ", ")
                    throw TemplateError("unknown placeholder {\(name)}; known: \(known)")
                }
                if !literal.isEmpty { tokens.append(.literal(literal)) }
                literal = ""
                tokens.append(.placeholder(placeholder))
                index = text.index(after: close)
            case "}":
                throw TemplateError("`}` at offset \(text.distance(from: text.startIndex, to: index)) has no `{`")
            default:
                literal.append(character)
                index = text.index(after: index)
            }
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        return tokens
    }
}
