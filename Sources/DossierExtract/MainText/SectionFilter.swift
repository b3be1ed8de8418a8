/// Drops whole sections of boilerplate from the blocks of a body: a heading that announces
/// related reading, comments, the author, contact details or sources takes its short blocks with
/// it, and section headings left heading nothing go, with a closing label.
enum SectionFilter {
    /// A heading longer than this (in bytes) is a lead set in large type, not a section's title.
    private static let sectionHeading = 100
    /// Blocks of an announced section shorter than this (in bytes) are its teasers and go with it;
    /// a longer one is the article again.
    private static let teaser = 200

    /// A line this short (in bytes) that announces boilerplate is a heading set as a paragraph.
    private static let label = 60

    static func filtered(_ blocks: [TextBlock]) -> [TextBlock] {
        withoutEmptySections(withoutAnnouncedSections(blocks))
    }

    /// Drops each heading (or short line) that announces boilerplate and, after it, the short
    /// blocks up to the next heading or the first long block.
    private static func withoutAnnouncedSections(_ blocks: [TextBlock]) -> [TextBlock] {
        var kept: [TextBlock] = []
        kept.reserveCapacity(blocks.count)
        var inAnnouncedSection = false
        for block in blocks {
            let bytes = Array(block.text.utf8)
            let isHeading = if case .heading = block.kind { true } else { bytes.count <= label }
            if isHeading, BoilerplateText.announcesBoilerplate(bytes) {
                inAnnouncedSection = true
                continue
            }
            if case .heading = block.kind {
                inAnnouncedSection = false
            } else if inAnnouncedSection {
                if bytes.count < teaser { continue }
                inAnnouncedSection = false
            }
            kept.append(block)
        }
        return kept
    }

    /// Drops the section headings that head nothing (the next block is a heading of the same or a
    /// higher rank, or there is none: what followed was boilerplate, dropped), and labels ending
    /// in a colon that end the text ("Contact:", "Read more:").
    private static func withoutEmptySections(_ blocks: [TextBlock]) -> [TextBlock] {
        var kept: [TextBlock] = []
        kept.reserveCapacity(blocks.count)
        var nextLevel: Int? = nil
        var atEnd = true
        for block in blocks.reversed() {
            switch block.kind {
            case .heading(let level) where block.text.utf8.count <= sectionHeading:
                if atEnd || (nextLevel.map { $0 <= level } ?? false) { continue }
                nextLevel = level
            default:
                if atEnd, block.text.count <= 40, block.text.last == ":" { continue }
                nextLevel = nil
            }
            atEnd = false
            kept.append(block)
        }
        return kept.reversed()
    }
}
