/// How many ruled note lines fit after the dossier proper without starting a third
/// printed page. CSS cannot drop a box that does not fit, so the HTML renderer asks here.
///
/// The estimate mirrors the print style of `HTMLRenderer` (9.5pt type, 1.28 line height,
/// 14mm and 13mm margins, 7mm rules) on the tighter paper in each direction: Letter's
/// height and A4's width, with characters as wide as a wide serif's. It errs towards too
/// few lines: a dossier that leaves no room gets none.
enum NoteSpace {
    /// At most this many lines, however short the dossier.
    static let maximumLines = 12

    /// Heights in points.
    private static let contentHeightPerPage = 715.0
    private static let lineHeight = 9.5 * 1.28
    private static let itemSpacing = 0.6
    private static let listSpacing = 2.0
    private static let sectionHeading = 20.5
    private static let subheading = 19.0
    private static let header = 30.0
    private static let rule = 19.85
    /// Space lost at the page break when a heading or an item moves to the next page whole.
    private static let pageBreakAllowance = 30.0
    /// Characters on a list item's line, A4 width, including the loss to ragged right.
    private static let charactersPerLine = 112
    /// What a citation marker (`[12]`) and the space before it add to a line.
    private static let citationCharacters = 5

    static func lines(for dossier: Dossier) -> Int {
        let room = 2 * contentHeightPerPage - pageBreakAllowance - height(of: dossier) - sectionHeading
        return min(maximumLines, max(0, Int(room / rule)))
    }

    /// The estimated height of everything before the notes.
    static func height(of dossier: Dossier) -> Double {
        var meta = [dossier.company.name.map { "Company: \($0)" }, dossier.identity.description.map { "Who: \($0)" }]
            .compactMap { $0 }.map(\.count)
        meta.append(20 + dossier.identity.evidence.joined(separator: "; ").count + (dossier.identity.wikidataID?.count ?? 0))
        var height = header + meta.map(textHeight).reduce(0, +)
        height += cited(dossier.atAGlance) + cited(dossier.ownWords) + cited(dossier.mentions)
        height += list(dossier.timeline.map { ($0.when?.count ?? 0) + $0.text.count + $0.otherDates.count * 18 + citationCharacters })
        let company = dossier.companyProfile
        if !company.isEmpty {
            height += list(company.facts.map { 20 + $0.value.count + citationCharacters } + company.sentences.map(citedLength))
            if !company.news.isEmpty {
                height += subheading - sectionHeading
                height += list(company.news.map { 12 + $0.title.count + ($0.sentence?.count ?? 0) + citationCharacters })
            }
        }
        if !dossier.industry.isEmpty {
            height += sectionHeading + listSpacing
            if !dossier.industry.keyPhrases.isEmpty {
                height += textHeight(14 + dossier.industry.keyPhrases.reduce(0) { $0 + $1.count + 3 })
            }
            if !dossier.industry.trends.isEmpty { height += list(dossier.industry.trends.map(citedLength)) - sectionHeading }
        }
        height += list(dossier.questions.map { $0.text.count + citationCharacters })
        let you = dossier.preparation
        if you != PreparationNotes() {
            let lengths = [
                you.meetingGoals.isEmpty ? nil : 25 + you.meetingGoals.reduce(0) { $0 + $1.count + 2 },
                you.careerGoals.isEmpty ? nil : 15 + you.careerGoals.reduce(0) { $0 + $1.count + 2 },
                you.background.map { 12 + $0.count },
                you.practiceQuestions.isEmpty ? nil : 18 + you.practiceQuestions.reduce(0) { $0 + $1.count + 3 },
            ]
            height += list(lengths.compactMap { $0 })
        }
        height += list(dossier.checklist.map { 14 + $0.text.count })
        return height
    }

    private static func cited(_ sentences: [CitedSentence]) -> Double {
        list(sentences.map(citedLength))
    }

    private static func citedLength(_ sentence: CitedSentence) -> Int {
        sentence.text.count + citationCharacters
    }

    /// A section of list items of these lengths, heading included; nothing when empty.
    private static func list(_ lengths: [Int]) -> Double {
        guard !lengths.isEmpty else { return 0 }
        return sectionHeading + listSpacing + lengths.reduce(0) { $0 + textHeight($1) + itemSpacing }
    }

    private static func textHeight(_ characters: Int) -> Double {
        Double(max(1, (characters + charactersPerLine - 1) / charactersPerLine)) * lineHeight
    }
}
