/// One block of main text, in reading order.
public struct TextBlock: Sendable, Equatable, Codable {
    /// What kind of block the text came from; renderers use it, plain text ignores it.
    public enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case listItem(ordered: Bool)
        case quote
        case preformatted
        case tableRow
    }

    public var kind: Kind
    /// The text, whitespace collapsed; `\n` marks a `<br>` (or a line break in preformatted text).
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// JSON form: `{"kind": "heading", "level": 2, "text": "..."}`, `{"kind": "listItem", "ordered": true, ...}`,
/// `{"kind": "paragraph" | "quote" | "preformatted" | "tableRow", "text": "..."}`.
extension TextBlock {
    private enum CodingKeys: String, CodingKey {
        case kind, level, ordered, text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch kind {
        case .heading(let level):
            try container.encode("heading", forKey: .kind)
            try container.encode(level, forKey: .level)
        case .listItem(let ordered):
            try container.encode("listItem", forKey: .kind)
            try container.encode(ordered, forKey: .ordered)
        case .paragraph: try container.encode("paragraph", forKey: .kind)
        case .quote: try container.encode("quote", forKey: .kind)
        case .preformatted: try container.encode("preformatted", forKey: .kind)
        case .tableRow: try container.encode("tableRow", forKey: .kind)
        }
        try container.encode(text, forKey: .text)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        switch try container.decode(String.self, forKey: .kind) {
        case "heading": kind = .heading(level: try container.decode(Int.self, forKey: .level))
        case "listItem": kind = .listItem(ordered: try container.decodeIfPresent(Bool.self, forKey: .ordered) ?? false)
        case "quote": kind = .quote
        case "preformatted": kind = .preformatted
        case "tableRow": kind = .tableRow
        default: kind = .paragraph
        }
    }
}
