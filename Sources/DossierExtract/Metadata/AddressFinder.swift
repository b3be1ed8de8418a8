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
        let containers = document.outermostVisibleElements(hidden: hidden) { index in
            document.nodes[index].tag == .address || Self.isHCardAddress(document.attribute(index, classIndex))
        }
        for container in containers where result.count < Self.maximumAddresses {
            let address = lines(of: container, hidden: hidden).joined(separator: ", ")
            if !address.isEmpty, address.count <= Self.maximumLength, !result.contains(address) { result.append(address) }
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
        document.walkText(below: container, hidden: hidden, text: { bytes, _ in
            var start = bytes.startIndex
            while let newline = bytes[start...].firstIndex(of: 0x0A) {
                buffer.append(bytes[start ..< newline])
                endLine()
                start = newline + 1
            }
            buffer.append(bytes[start...])
        }, blockBreak: endLine)
        endLine()
        // A line that ends with the comma the joining adds again ("3535 Piedmont Rd NE,").
        return lines.map { line in line.hasSuffix(",") ? String(line.dropLast()) : line }
    }
}
