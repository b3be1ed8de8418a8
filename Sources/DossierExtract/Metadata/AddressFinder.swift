/// Finds the postal addresses a page marks up as such: `<address>` elements, hCard `adr`
/// elements and the `address` of the organizations in its JSON-LD. Each address is one string,
/// its lines joined by ", " ("3535 Piedmont Rd NE #415, Atlanta, GA 30305"). Whether a text is
/// postal, and which town it names, is for the reader of the page to judge.
struct AddressFinder {
    let document: FlatDocument

    /// The most addresses kept per page, and the most characters of each.
    static let maximumAddresses = 5
    static let maximumLength = 300

    func addresses(structured: [StructuredItem]) -> [String] {
        var result: [String] = []
        for case .organization(let organization) in structured {
            if let address = organization.address { result.append(address) }
        }
        let classIndex = document.nameIndex("class")
        let hidden = FlatDocument.HiddenMarkers(document)
        var index = 0
        while index < document.nodes.count, result.count < Self.maximumAddresses {
            let node = document.nodes[index]
            guard !node.isText, !node.tag.neverHoldsText else {
                index = node.isText ? index + 1 : Int(node.end)
                continue
            }
            if node.attributeCount > 0, document.isHidden(index, hidden) {
                index = Int(node.end)
                continue
            }
            guard node.tag == .address || Self.isHCardAddress(document.attribute(index, classIndex)) else {
                index += 1
                continue
            }
            let address = lines(of: index, hidden: hidden).joined(separator: ", ")
            if !address.isEmpty, address.count <= Self.maximumLength, !result.contains(address) { result.append(address) }
            index = Int(node.end)
        }
        return Array(result.prefix(Self.maximumAddresses))
    }

    /// An hCard address: a class list with the word `adr` (microformats 1) or `p-adr`/`h-adr` (2).
    static func isHCardAddress(_ classes: String?) -> Bool {
        guard let classes else { return false }
        return classes.split(separator: " ").contains { ["adr", "p-adr", "h-adr"].contains($0.lowercased()) }
    }

    /// The element's text, one entry per line: a line ends at a line break in the text, a `<br>`
    /// or a block element. Lines holding an e-mail address or a web address are not the address's.
    private func lines(of container: Int, hidden: FlatDocument.HiddenMarkers) -> [String] {
        var lines: [String] = []
        var buffer = TextBuffer()
        func endLine() {
            let line = buffer.string
            if !line.isEmpty, !line.contains("@"), !line.contains("://") { lines.append(line) }
            buffer = TextBuffer()
        }
        var index = container + 1
        let end = Int(document.nodes[container].end)
        while index < end {
            let node = document.nodes[index]
            if node.isText {
                let bytes = document.textBytes(index)
                var start = bytes.startIndex
                while let newline = bytes[start...].firstIndex(of: 0x0A) {
                    buffer.append(bytes[start ..< newline])
                    endLine()
                    start = newline + 1
                }
                buffer.append(bytes[start...])
                index += 1
                continue
            }
            if node.tag.neverHoldsText || (node.attributeCount > 0 && document.isHidden(index, hidden)) {
                index = Int(node.end)
                continue
            }
            if node.tag.isBlock || node.tag == .br { endLine() }
            index += 1
        }
        endLine()
        // A line that ends with the comma the joining adds again ("3535 Piedmont Rd NE,").
        return lines.map { line in line.hasSuffix(",") ? String(line.dropLast()) : line }
    }
}
