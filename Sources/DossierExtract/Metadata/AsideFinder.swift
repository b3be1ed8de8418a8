/// Finds the text a page keeps beside its main text that tells who wrote or runs it: by-lines,
/// author boxes, "about" widgets and profile cards in sidebars. The main text leaves these out
/// (rightly, for reading the article), yet for ordinary professionals they are where the bio is.
///
/// A container is an `<aside>`, an `<address>`, or an element whose class or id names such a part
/// (`author`, `byline`, `bio`, `about`, `profile`, `vcard`, `contributor`, `sidebar`, `widget`);
/// its text is split into blocks at block elements. Blocks that are mostly link text (menus, lists
/// of teasers), hidden, short, or already part of the main text are left out.
struct AsideFinder {
    let document: FlatDocument

    /// The most blocks kept per page, and the most characters per block.
    static let maximumBlocks = 30
    static let maximumBlockLength = 1_500

    private static let hints = ["author", "byline", "bio", "about", "profile", "vcard", "contributor", "writer",
                                "sidebar", "widget", "masthead", "team-member", "person"].map { Array($0.utf8) }

    /// The aside blocks, none of them one of `mainText`'s blocks.
    func asides(excluding mainText: [String]) -> [String] {
        let classIndex = document.nameIndex("class"), idIndex = document.nameIndex("id")
        let hidden = FlatDocument.HiddenMarkers(document)
        var result: [String] = []
        var seen = Set<String>()
        var main: Set<String>?
        let containers = document.outermostVisibleElements(hidden: hidden) { index in
            let node = document.nodes[index]
            if node.tag == .html || node.tag == .body || node.tag == .main || node.tag == .article { return false }
            if node.tag == .aside || node.tag == .address { return true }
            let marked = document.classAndID(index, classIndex: classIndex, idIndex: idIndex)
            return !marked.isEmpty && Self.hints.contains { FlatDocument.contains(marked, $0) }
        }
        for container in containers where result.count < Self.maximumBlocks {
            for block in blocks(of: container, hidden: hidden) where result.count < Self.maximumBlocks {
                if main == nil { main = Set(mainText) }
                if main?.contains(block) == false, seen.insert(block).inserted { result.append(block) }
            }
        }
        return result
    }

    /// The readable blocks below element `container`: text split at block elements, each with
    /// at least five words and at most half of its characters in links.
    private func blocks(of container: Int, hidden: FlatDocument.HiddenMarkers) -> [String] {
        var blocks: [String] = []
        var buffer = TextBuffer()
        var linkedCharacters = 0
        func flush() {
            let text = buffer.string
            let words = text.split(separator: " ").count
            if words >= 5, linkedCharacters * 2 <= text.utf8.count {
                blocks.append(String(text.prefix(Self.maximumBlockLength)))
            }
            buffer = TextBuffer()
            linkedCharacters = 0
        }
        document.walkText(below: container, hidden: hidden, text: { bytes, linked in
            buffer.append(bytes)
            if linked { linkedCharacters += bytes.count }
        }, blockBreak: flush)
        flush()
        return blocks
    }
}
