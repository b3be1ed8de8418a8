import Foundation

/// The dossier as every printed form lays it out: its sections in order, each made of a few
/// blocks of lines. Markdown, plain text and HTML walk this one outline and decide only how a
/// block looks; which sections there are, in what order, under what title and what each line
/// says is stated here once. Citation numbers follow it too (``citationOrder``), and so does
/// the HTML notes estimate (`NoteSpace`).
///
/// The header (name, company, identity) before the sections and the Sources list after them
/// are each format's own.
struct DossierOutline {
    /// A titled section; never empty.
    struct Section {
        var title: String
        var blocks: [Block]
    }

    /// A part of a section.
    enum Block {
        /// Lines in a list of this style.
        case list(ListStyle, [Line])
        /// A labelled run of short phrases (key phrases), not cited.
        case phrases(label: String, [String])
        /// A block under a subheading (the company's news).
        indirect case titled(String, Block)
    }

    /// How a list's items are marked.
    enum ListStyle {
        case bullets
        /// Bullets whose lines lead with a date.
        case timeline
        case numbered
        /// Boxes to tick.
        case checklist
    }

    /// One item: an optional lead, the text (from the web: each format escapes it), its
    /// citation, and the other dates other sources give for it.
    struct Line {
        enum Lead {
            /// A date or time, set apart from the text.
            case when(String)
            /// A label the text belongs to ("Career goals").
            case label(String)
        }

        var lead: Lead?
        var text: String
        var source: Int?
        var otherDates: [CitedDate] = []
        /// Shown on screen beside the line, never printed (the sentence a timeline step is read from).
        var screenNote: String?

        init(lead: Lead? = nil, text: String, source: Int? = nil, otherDates: [CitedDate] = [], screenNote: String? = nil) {
            self.lead = lead
            self.text = text
            self.source = source
            self.otherDates = otherDates
            self.screenNote = screenNote
        }

        init(_ sentence: CitedSentence) {
            self.init(text: sentence.text, source: sentence.source)
        }

        /// Every citation of the line, in reading order.
        var citations: [Int] {
            (source.map { [$0] } ?? []) + otherDates.map(\.source)
        }
    }

    let sections: [Section]

    init(_ dossier: Dossier) {
        var sections: [Section] = []
        func add(_ title: String, _ blocks: [Block]) {
            let kept = blocks.filter { !$0.isEmpty }
            if !kept.isEmpty { sections.append(Section(title: title, blocks: kept)) }
        }
        if let changes = dossier.changes {
            add(SectionTitle.changes(changes.since), [.list(.bullets, ChangeWording.lines(changes).map(Line.init))])
        }
        add(SectionTitle.atAGlance, [.list(.bullets, dossier.profile.map { line in
            Line(lead: .label(line.label), text: line.text, source: line.source)
        })])
        add(SectionTitle.timeline, [.list(.timeline, dossier.timeline.map { item in
            Line(lead: item.when.map(Line.Lead.when), text: item.text, source: item.source, otherDates: item.otherDates,
                 screenNote: item.evidence)
        })])
        add(SectionTitle.ownWords, [.list(.bullets, dossier.ownWords.map { quote in
            Line(lead: quote.label.map(Line.Lead.label), text: "“" + quote.text + "”", source: quote.source)
        })])
        add(SectionTitle.writing, [.list(.bullets, (dossier.writing ?? []).map { item in
            Line(lead: item.date.isEmpty ? nil : .when(item.date), text: item.title + (item.sentence.map { ": " + $0 } ?? ""),
                 source: item.source)
        })])
        add(SectionTitle.mentions(dossier.subject.name), [.list(.bullets, dossier.mentions.map(Line.init))])
        let company = dossier.companyProfile
        add(SectionTitle.company(dossier.company.name), [
            .list(.bullets, company.facts.map { Line(text: TimelineWording.line($0), source: $0.source) }
                + company.sentences.map(Line.init)),
            .titled(SectionTitle.news, .list(.bullets, company.news.map { item in
                Line(lead: .when(item.date), text: item.title + (item.sentence.map { ": " + $0 } ?? ""), source: item.source)
            })),
        ])
        add(SectionTitle.industry, [
            .phrases(label: "Key phrases", dossier.industry.keyPhrases),
            .list(.bullets, dossier.industry.trends.map(Line.init)),
        ])
        add(SectionTitle.questions, [.list(.numbered, dossier.questions.map { Line(text: $0.text, source: $0.source) })])
        add(SectionTitle.commonGround, [.list(.bullets, dossier.commonGround.map(Line.init))])
        add(SectionTitle.care, [.list(.bullets, dossier.careNotes.map { Line(text: $0) })])
        let you = dossier.preparation
        add(SectionTitle.you, [.list(.bullets, [
            you.meetingGoals.isEmpty ? nil : Line(lead: .label("Goals for this meeting"), text: you.meetingGoals.joined(separator: "; ")),
            you.careerGoals.isEmpty ? nil : Line(lead: .label("Career goals"), text: you.careerGoals.joined(separator: "; ")),
            you.background.map { Line(lead: .label("Background"), text: $0) },
            you.practiceQuestions.isEmpty ? nil
                : Line(lead: .label("They may ask you"), text: you.practiceQuestions.joined(separator: " / ")),
        ].compactMap { $0 })])
        add(SectionTitle.checklist, [.list(.checklist, dossier.checklist.map { Line(lead: $0.due.map(Line.Lead.when), text: $0.text) })])
        self.sections = sections
    }

    /// The cited source numbers in the order a reader meets them, each once.
    var citationOrder: [Int] {
        var seen = Set<Int>()
        return sections.flatMap(\.blocks).flatMap(\.lines).flatMap(\.citations).filter { seen.insert($0).inserted }
    }
}

extension DossierOutline.Block {
    /// The lines of the block, a subheading's included.
    var lines: [DossierOutline.Line] {
        switch self {
        case let .list(_, lines): lines
        case .phrases: []
        case let .titled(_, block): block.lines
        }
    }

    var isEmpty: Bool {
        switch self {
        case let .list(_, lines): lines.isEmpty
        case let .phrases(_, phrases): phrases.isEmpty
        case let .titled(_, block): block.isEmpty
        }
    }
}

/// Section titles shared by the renderers.
enum SectionTitle {
    static let atAGlance = "At a glance"
    static let timeline = "Career timeline"
    static let ownWords = "In their own words"
    static let writing = "Their writing"
    static func mentions(_ name: String) -> String { "More about \(name)" }
    static func company(_ name: String?) -> String { name.map { "Company: \($0)" } ?? "Company" }
    static let news = "Recent news"
    static let industry = "Industry"
    static let questions = "Suggested questions"
    static let commonGround = "Common ground"
    static let care = "Be careful"
    static let you = "You"
    static let checklist = "Checklist"
    static let sources = "Sources"
    static func changes(_ since: Date) -> String { "What changed since \(DateText.day(since))" }
    static let meeting = "Meeting"
}

/// The lines before the first section, the same in every format: the heading's second part,
/// the meeting, what the sources are, whether they are about the right person.
enum HeaderWording {
    /// "Junior Gaspard: President and CEO, Experience".
    static func title(_ dossier: Dossier) -> String {
        dossier.subject.name + (dossier.headline.map { ": " + $0 } ?? "")
    }

    /// The meeting line's parts, each filled or a blank.
    static func meetingParts(_ meeting: MeetingLine) -> [(label: String, value: String)] {
        [("when", meeting.when ?? "____"), ("where", meeting.place ?? "____"), ("introduced by", meeting.via ?? "____"),
         ("my goal", meeting.goal ?? "____")]
    }

    /// The "Same person?" line, printed only where it helps: the identity is unsure (under 50 %) or
    /// namesakes were set aside. A sure identity's evidence is in the JSON and the build report.
    static func identityLine(_ dossier: Dossier) -> String? {
        guard dossier.identity.confidence < 0.5 || dossier.skipped.contains(where: { $0.category == .namesake }) else { return nil }
        return identity(dossier.identity)
    }

    static func identity(_ identity: Identity) -> String {
        var line = "\(Int((identity.confidence * 100).rounded())) %"
        let evidence = identity.evidence.joined(separator: "; ")
        if !evidence.isEmpty { line += " — " + evidence }
        if let id = identity.wikidataID { line += " (Wikidata \(id))" }
        return line
    }
}

/// The "What changed" section as cited lines, the same in every format.
enum ChangeWording {
    static func lines(_ changes: DossierChanges) -> [CitedSentence] {
        changes.newTimeline.map { CitedSentence(text: "Timeline: " + ($0.when.map { "\($0) " } ?? "") + $0.text, source: $0.source) }
            + changes.newNews.map { CitedSentence(text: "News, \($0.date): \($0.title)", source: $0.source) }
            + changes.newSentences.map { CitedSentence(text: "New: " + $0.text, source: $0.source) }
    }
}
