import CHTMLShim

/// The adapter to libxml2: the only place that touches C pointers. It hands the bytes and the
/// chosen charset to the C shim, copies the flat tables into Swift arrays and frees the C memory
/// before returning.
enum MarkupParser {
    /// Which libxml2 parser reads the bytes.
    enum Syntax: Sendable {
        case html, xml
    }

    private static let initialized: Bool = {
        dossier_html_initialize()
        return true
    }()

    /// Parses `bytes` (without a byte order mark) read in `charset`, an iconv name.
    /// Never fails: input libxml2 cannot read at all yields an empty document.
    static func parse(_ bytes: some Collection<UInt8>, charset: String, syntax: Syntax) -> FlatDocument {
        precondition(initialized)
        let mode = syntax == .xml ? Int32(DOSSIER_SYNTAX_XML) : Int32(DOSSIER_SYNTAX_HTML)
        let parsed: UnsafeMutablePointer<dossier_document>? =
            bytes.withContiguousStorageIfAvailable { buffer in
                dossier_parse(buffer.baseAddress, buffer.count, charset, mode)
            } ?? Array(bytes).withUnsafeBufferPointer { buffer in
                dossier_parse(buffer.baseAddress, buffer.count, charset, mode)
            }
        guard let parsed else { return FlatDocument() }
        defer { dossier_document_free(parsed) }
        return copy(parsed.pointee)
    }

    /// Runs libxml2's HTML parser alone over `bytes` read in `charset` and discards the tree.
    /// Returns false when libxml2 built no document.
    static func parseAndDiscard(_ bytes: some Collection<UInt8>, charset: String) -> Bool {
        precondition(initialized)
        let parsed = bytes.withContiguousStorageIfAvailable { buffer in
            dossier_html_parse_only(buffer.baseAddress, buffer.count, charset)
        } ?? Array(bytes).withUnsafeBufferPointer { buffer in
            dossier_html_parse_only(buffer.baseAddress, buffer.count, charset)
        }
        return parsed != 0
    }

    /// True when `bytes` are well-formed UTF-8 (the C validator: this runs over whole pages).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        dossier_is_valid_utf8(bytes.baseAddress, bytes.count) != 0
    }

    private static func copy(_ c: dossier_document) -> FlatDocument {
        var document = FlatDocument()
        document.names.reserveCapacity(Int(c.name_count))
        var tags: [Tag] = []
        for i in 0 ..< Int(c.name_count) {
            let start = Int(c.name_starts[i]), length = Int(c.name_lengths[i])
            let name = String(decoding: UnsafeBufferPointer(start: c.pool + start, count: length), as: UTF8.self)
            document.names.append(name)
            tags.append(Tag(name: name))
        }
        document.pool = Array(UnsafeBufferPointer(start: c.pool, count: c.pool_length))
        document.attributes = UnsafeBufferPointer(start: c.attributes, count: Int(c.attribute_count)).map {
            FlatDocument.Attribute(name: $0.name, valueStart: $0.value_start, valueLength: $0.value_length)
        }
        document.nodes = UnsafeBufferPointer(start: c.nodes, count: Int(c.node_count)).map {
            let isText = $0.kind == Int32(DOSSIER_NODE_TEXT)
            return FlatDocument.Node(
                tag: isText || $0.name < 0 ? .other : tags[Int($0.name)],
                isText: isText,
                name: $0.name,
                parent: $0.parent,
                end: $0.end,
                firstAttribute: $0.first_attribute,
                attributeCount: $0.attribute_count,
                textStart: $0.text_start,
                textLength: $0.text_length
            )
        }
        return document
    }
}
