/// A run of inline text inside one block element, with the numbers the scorer needs.
struct Paragraph: Sendable {
    /// The innermost block element holding the text.
    var owner: Int
    var kind: TextBlock.Kind
    var bytes: [UInt8]
    /// Characters other than whitespace.
    var characters: Int
    /// Characters other than whitespace inside links.
    var linkCharacters: Int

    var linkDensity: Double { characters > 0 ? Double(linkCharacters) / Double(characters) : 0 }
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Cuts the text of a document into paragraphs at block-element boundaries, skipping the
/// subtrees the caller rejects. One pass over the flat node table.
struct ParagraphBuilder {
    private let document: FlatDocument
    private var paragraphs: [Paragraph] = []
    private var buffer = TextBuffer()
    private var characters = 0
    private var linkCharacters = 0
    /// Characters of each text node, when the caller has counted them already.
    private let characterCounts: [Int]?

    private struct OpenBlock {
        var index: Int
        var end: Int
        var kind: TextBlock.Kind
    }
    private var open: [OpenBlock] = []

    private init(document: FlatDocument, characterCounts: [Int]?) {
        self.document = document
        self.characterCounts = characterCounts
    }

    /// The paragraphs of `range`, skipping every element for which `skip` is true (and its subtree).
    /// `characterCounts`, when given, holds the characters of each text node (saving a count).
    static func paragraphs(in document: FlatDocument, range: Range<Int>, characterCounts: [Int]? = nil,
                           skip: (Int) -> Bool) -> [Paragraph] {
        var builder = ParagraphBuilder(document: document, characterCounts: characterCounts)
        builder.build(range: range, skip: skip)
        return builder.paragraphs
    }

    private mutating func build(range: Range<Int>, skip: (Int) -> Bool) {
        let nodes = document.nodes
        var linkEnd = -1
        var preEnd = -1
        var i = range.lowerBound
        while i < range.upperBound {
            while let top = open.last, i >= top.end {
                flush()
                open.removeLast()
            }
            let node = nodes[i]
            if node.isText {
                let text = document.textBytes(i)
                let count = characterCounts?[i] ?? Self.countCharacters(text)
                characters += count
                if i < linkEnd { linkCharacters += count }
                if i < preEnd { buffer.appendPreformatted(text) } else { buffer.append(text) }
                i += 1
                continue
            }
            if skip(i) {
                i = Int(node.end)
                continue
            }
            let tag = node.tag
            if tag.isBlock {
                flush()
                let inherited = open.last?.kind ?? .paragraph
                let parentTag = node.parent >= 0 ? nodes[Int(node.parent)].tag : .other
                let kind = Self.kind(of: tag, parent: parentTag, inside: inherited)
                open.append(OpenBlock(index: i, end: Int(node.end), kind: kind))
                if tag == .pre { preEnd = max(preEnd, Int(node.end)) }
            } else if tag == .br {
                buffer.appendLineBreak()
            } else if tag == .a, i >= linkEnd {
                linkEnd = Int(node.end)
            } else if tag == .img || tag == .input || tag == .td || tag == .th {
                buffer.appendSpace()
            }
            i += 1
        }
        while !open.isEmpty {
            flush()
            open.removeLast()
        }
        flush()
    }

    private static func kind(of tag: Tag, parent: Tag, inside inherited: TextBlock.Kind) -> TextBlock.Kind {
        if let level = tag.headingLevel { return .heading(level: level) }
        switch tag {
        case .li: return .listItem(ordered: parent == .ol)
        case .blockquote: return .quote
        case .pre: return .preformatted
        case .tr: return .tableRow
        case .p: return inherited == .tableRow ? .paragraph : inherited
        default: return inherited
        }
    }

    private mutating func flush() {
        defer {
            buffer.removeAll()
            characters = 0
            linkCharacters = 0
        }
        guard !buffer.isEmpty, characters > 0 else { return }
        let kind = open.last?.kind ?? .paragraph
        paragraphs.append(Paragraph(
            owner: open.last?.index ?? -1,
            kind: kind,
            bytes: buffer.bytes,
            characters: characters,
            linkCharacters: min(linkCharacters, characters)
        ))
    }

    /// Characters other than whitespace in UTF-8 bytes.
    static func countCharacters(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            for byte in buffer where byte & 0xC0 != 0x80 && byte > 0x20 {
                count += 1
            }
            return count
        }
    }
}
