/// How many ruled note lines fit between the dossier proper and its Sources list without the
/// printout running to a third page. CSS cannot drop a box that does not fit, so the HTML
/// renderer asks here.
///
/// The estimate mirrors the print style of `HTMLRenderer` (9pt type, 1.25 line height, Sources
/// in 7pt, 14mm and 13mm margins, 6.5mm rules) on the tighter paper in each direction:
/// Letter's height and A4's width, with characters as wide as a wide serif's. It errs towards
/// too few lines: a dossier that leaves no room gets none.
enum NoteSpace {
    /// At most this many lines, however short the dossier.
    static let maximumLines = 12

    /// Heights in points.
    private static let contentHeightPerPage = 715.0
    private static let lineHeight = 9 * 1.25
    private static let itemSpacing = 0.6
    private static let listSpacing = 2.0
    private static let sectionHeading = 20.5
    private static let subheading = 19.0
    private static let header = 30.0
    private static let rule = 18.4
    /// A line of the Sources list, and its characters.
    private static let sourceLineHeight = 7 * 1.2
    private static let sourceCharactersPerLine = 140
    /// Space lost at the page break when a heading or an item moves to the next page whole.
    private static let pageBreakAllowance = 30.0
    /// Characters on a list item's line, A4 width, including the loss to ragged right.
    private static let charactersPerLine = 118
    /// What a citation marker (`[12]`) and the space before it add to a line.
    private static let citationCharacters = 5
    /// What another source's date adds to a timeline line (`1994 [4], `).
    private static let otherDateCharacters = 18

    static func lines(for dossier: Dossier) -> Int {
        let room = 2 * contentHeightPerPage - pageBreakAllowance - height(of: dossier) - sectionHeading - sourcesHeight(dossier)
        return min(maximumLines, max(0, Int(room / rule)))
    }

    /// The Sources list: its heading and one or two small lines per source.
    static func sourcesHeight(_ dossier: Dossier) -> Double {
        sectionHeading + dossier.sources.reduce(0) { total, source in
            let characters = (source.title ?? "").count + (source.site ?? "").count + source.url.count + 20
            return total + Double((characters + sourceCharactersPerLine - 1) / sourceCharactersPerLine) * sourceLineHeight
        }
    }

    /// The estimated height of everything before the notes: the header, then each section
    /// of the outline as the HTML renderer prints it.
    static func height(of dossier: Dossier) -> Double {
        var meta = [dossier.identity.description.map { "Who: \($0)" }, dossier.sourceNote].compactMap { $0 }.map(\.count)
        meta.append(60 + HeaderWording.meetingParts(dossier.meeting).reduce(0) { $0 + $1.value.count })
        meta.append(20 + HeaderWording.identity(dossier.identity).count)
        var height = header + meta.map(textHeight).reduce(0, +)
        for section in DossierOutline(dossier).sections {
            height += sectionHeading + section.blocks.reduce(0) { $0 + listSpacing + self.height(of: $1) }
        }
        return height
    }

    private static func height(of block: DossierOutline.Block) -> Double {
        switch block {
        case let .list(_, lines): lines.reduce(0) { $0 + textHeight(characters(of: $1)) + itemSpacing }
        case let .phrases(label, phrases): textHeight(label.count + 2 + phrases.reduce(0) { $0 + $1.count + 3 })
        case let .titled(_, inner): subheading + height(of: inner)
        }
    }

    private static func characters(of line: DossierOutline.Line) -> Int {
        let lead = switch line.lead {
        case let .when(when)?: when.count + 1
        case let .label(label)?: label.count + 2
        case nil: 0
        }
        return lead + line.text.count + (line.source == nil ? 0 : citationCharacters) + line.otherDates.count * otherDateCharacters
    }

    private static func textHeight(_ characters: Int) -> Double {
        Double(max(1, (characters + charactersPerLine - 1) / charactersPerLine)) * lineHeight
    }
}
