/// A parsed document as flat tables in document order: the descendants of node `i` are exactly
/// the nodes `i + 1 ..< nodes[i].end`, so every walk is a loop over a range, never a recursion.
struct FlatDocument: Sendable {
    /// One element or text node.
    struct Node: Sendable {
        /// The element's tag (`.other` for text nodes and unknown elements).
        var tag: Tag
        /// True for text nodes.
        var isText: Bool
        /// Index into `names`, or -1 for text nodes.
        var name: Int32
        /// Index of the parent element, or -1 at the top.
        var parent: Int32
        /// One past the last descendant.
        var end: Int32
        var firstAttribute: Int32
        var attributeCount: Int32
        /// Text nodes: the UTF-8 bytes in `pool`.
        var textStart: UInt32
        var textLength: UInt32
    }

    /// One attribute: an interned name and a value in `pool`.
    struct Attribute: Sendable {
        var name: Int32
        var valueStart: UInt32
        var valueLength: UInt32
    }

    var nodes: [Node] = []
    var attributes: [Attribute] = []
    /// Interned element and attribute names.
    var names: [String] = []
    /// UTF-8 bytes of every text and attribute value.
    var pool: [UInt8] = []

    /// The index of an interned name, or nil when the document never uses it.
    func nameIndex(_ name: String) -> Int32? {
        names.firstIndex(of: name).map { Int32($0) }
    }

    /// The name of element `index`.
    func elementName(_ index: Int) -> String {
        let name = nodes[index].name
        return name >= 0 ? names[Int(name)] : ""
    }

    /// The value of attribute `name` (an interned index) on element `index`.
    func attribute(_ index: Int, _ name: Int32?) -> String? {
        attributeBytes(index, name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of the value of attribute `name` (an interned index) on element `index`.
    func attributeBytes(_ index: Int, _ name: Int32?) -> ArraySlice<UInt8>? {
        guard let name else { return nil }
        let node = nodes[index]
        var a = Int(node.firstAttribute)
        let end = a + Int(node.attributeCount)
        while a < end {
            let attribute = attributes[a]
            if attribute.name == name {
                let start = Int(attribute.valueStart)
                return pool[start ..< start + Int(attribute.valueLength)]
            }
            a += 1
        }
        return nil
    }

    /// The value of attribute `name` on element `index`.
    func attribute(_ index: Int, named name: String) -> String? {
        attribute(index, nameIndex(name))
    }

    /// True when element `index` has attribute `name` (an interned index).
    func hasAttribute(_ index: Int, _ name: Int32?) -> Bool {
        guard let name else { return false }
        let node = nodes[index]
        let start = Int(node.firstAttribute)
        return attributes[start ..< start + Int(node.attributeCount)].contains { $0.name == name }
    }

    /// The bytes of text node `index`.
    func textBytes(_ index: Int) -> ArraySlice<UInt8> {
        let node = nodes[index]
        let start = Int(node.textStart)
        return pool[start ..< start + Int(node.textLength)]
    }

    /// The interned names of the attributes that hide an element, looked up once per document.
    struct HiddenMarkers: Sendable {
        let hidden: Int32?
        let ariaHidden: Int32?
        let style: Int32?

        init(_ document: FlatDocument) {
            hidden = document.nameIndex("hidden")
            ariaHidden = document.nameIndex("aria-hidden")
            style = document.nameIndex("style")
        }
    }

    /// Whether element `index` is not shown: `hidden`, `aria-hidden="true"`, or an inline style
    /// with `display: none` or `visibility: hidden` (a sort key such as an infobox's hidden ISO date).
    func isHidden(_ index: Int, _ markers: HiddenMarkers) -> Bool {
        if hasAttribute(index, markers.hidden) || attribute(index, markers.ariaHidden) == "true" { return true }
        guard let style = attributeBytes(index, markers.style) else { return false }
        let compact = style.compactMap { $0 == 0x20 ? nil : ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) }
        return Self.contains(compact, Self.displayNone) || Self.contains(compact, Self.visibilityHidden)
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    /// Whether `pattern` occurs in `text` (bytes compared as they are).
    static func contains(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard pattern.count <= text.count, let first = pattern.first else { return false }
        var i = 0
        let last = text.count - pattern.count
        while i <= last {
            if text[i] == first, text[i ..< i + pattern.count].elementsEqual(pattern) { return true }
            i += 1
        }
        return false
    }

    /// The `class` and `id` values of element `index` (interned names given), lower-cased ASCII
    /// bytes joined by a space; empty when it has neither.
    func classAndID(_ index: Int, classIndex: Int32?, idIndex: Int32?) -> [UInt8] {
        guard nodes[index].attributeCount > 0 else { return [] }
        var bytes: [UInt8] = []
        for name in [classIndex, idIndex] {
            guard let value = attributeBytes(index, name) else { continue }
            if !bytes.isEmpty { bytes.append(0x20) }
            for byte in value { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        }
        return bytes
    }

    /// All text below element `index`, concatenated, whitespace collapsed; with `markers`, the
    /// text of hidden elements is left out.
    func text(of index: Int, hiding markers: HiddenMarkers? = nil) -> String {
        var buffer = TextBuffer()
        var i = index + 1
        let end = Int(nodes[index].end)
        while i < end {
            let node = nodes[i]
            if node.isText {
                buffer.append(textBytes(i))
            } else if node.tag == .script || node.tag == .style || node.tag == .template
                        || (markers.map { node.attributeCount > 0 && isHidden(i, $0) } ?? false) {
                i = Int(node.end)
                continue
            } else if node.tag.isBlock || node.tag == .br {
                buffer.appendSpace()
            }
            i += 1
        }
        return buffer.string
    }

    /// The raw text of element `index` without whitespace changes (script bodies, for instance).
    func rawText(of index: Int) -> String {
        var bytes: [UInt8] = []
        for i in index + 1 ..< Int(nodes[index].end) where nodes[i].isText {
            bytes.append(contentsOf: textBytes(i))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The outermost visible elements that `matches`, in document order: the subtree of a match, of a
    /// hidden element and of an element that never holds text (a script) is not looked into.
    func outermostVisibleElements(hidden: HiddenMarkers, where matches: (Int) -> Bool) -> [Int] {
        var found: [Int] = []
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            if node.isText {
                index += 1
            } else if node.tag.neverHoldsText || (node.attributeCount > 0 && isHidden(index, hidden)) {
                index = Int(node.end)
            } else if matches(index) {
                found.append(index)
                index = Int(node.end)
            } else {
                index += 1
            }
        }
        return found
    }

    /// Walks the visible text below element `container` in document order: `text` gets each text
    /// node's bytes and whether they sit inside a link, `blockBreak` each block element or `<br>` that
    /// begins. Hidden subtrees and elements that never hold text are skipped.
    func walkText(below container: Int, hidden: HiddenMarkers, text: (ArraySlice<UInt8>, _ linked: Bool) -> Void,
                  blockBreak: () -> Void) {
        var index = container + 1
        var linkEnd = -1
        let end = Int(nodes[container].end)
        while index < end {
            let node = nodes[index]
            if node.isText {
                text(textBytes(index), index < linkEnd)
                index += 1
                continue
            }
            if node.tag.neverHoldsText || (node.attributeCount > 0 && isHidden(index, hidden)) {
                index = Int(node.end)
                continue
            }
            if node.tag.isBlock || node.tag == .br { blockBreak() }
            if node.tag == .a { linkEnd = max(linkEnd, Int(node.end)) }
            index += 1
        }
    }

    /// Indices of the elements named `tag`, in document order.
    func elements(_ tag: Tag) -> [Int] {
        nodes.indices.filter { !nodes[$0].isText && nodes[$0].tag == tag }
    }
}
