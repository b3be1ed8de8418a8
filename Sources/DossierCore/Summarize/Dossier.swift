import Foundation

/// A sentence quoted verbatim from a source, with the number of that source in the dossier.
public struct CitedSentence: Sendable, Equatable, Codable {
    public var text: String
    public var source: Int

    public init(text: String, source: Int) {
        self.text = text
        self.source = source
    }
}

/// A structured fact (a Wikidata claim, a JSON-LD property), worded by `TimelineWording`, cited.
public struct TimelineEntry: Sendable, Equatable, Codable {
    public var kind: FactKind
    public var value: String
    public var start: String?
    public var end: String?
    /// When the statement held at one moment (an award's year).
    public var pointInTime: String?
    /// The source's name for a kind dossier has no wording for (a Wikidata property's label).
    public var kindLabel: String?
    public var source: Int

    public init(kind: FactKind, value: String, start: String?, end: String?, pointInTime: String? = nil,
                kindLabel: String? = nil, source: Int) {
        self.kind = kind
        self.value = value
        self.start = start
        self.end = end
        self.pointInTime = pointInTime
        self.kindLabel = kindLabel
        self.source = source
    }

    /// The entry for a structured fact, cited by `source`.
    init(_ fact: StructuredFact, source: Int) {
        self.init(kind: fact.kind, value: fact.value, start: fact.start, end: fact.end, pointInTime: fact.pointInTime,
                  kindLabel: fact.kindLabel, source: source)
    }
}

/// A date as one source gives it, for conflicts shown side by side.
public struct CitedDate: Sendable, Equatable, Codable {
    public var date: String
    public var source: Int

    public init(date: String, source: Int) {
        self.date = date
        self.source = source
    }
}

/// One line of the career timeline: a structured fact or a verbatim sentence with a career
/// pattern (joined, founded, appointed …), placed at its year.
public struct TimelineItem: Sendable, Equatable, Codable {
    /// The year or span the line is placed at (`1995`, `2014 – 2020`), when known.
    public var when: String?
    /// The worded structured fact, or the sentence verbatim.
    public var text: String
    /// Whether `text` is a verbatim span of the cited source (else a worded structured fact).
    public var verbatim: Bool
    public var source: Int
    /// Other dates other sources give for the same fact, shown beside it and not resolved.
    public var otherDates: [CitedDate]
    /// The source's sentence that tells the step, verbatim, when `text` is a short wording of it
    /// (shown on screen in the HTML, not printed).
    public var evidence: String?

    public init(when: String?, text: String, verbatim: Bool, source: Int, otherDates: [CitedDate] = [], evidence: String? = nil) {
        self.when = when
        self.text = text
        self.verbatim = verbatim
        self.source = source
        self.otherDates = otherDates
        self.evidence = evidence
    }
}

/// A dated news item: a page with a publication date, and its most telling sentence.
public struct NewsItem: Sendable, Equatable, Codable {
    /// `yyyy-MM-dd` (or as precise as the page gave it).
    public var date: String
    public var title: String
    public var sentence: String?
    public var source: Int

    public init(date: String, title: String, sentence: String?, source: Int) {
        self.date = date
        self.title = title
        self.sentence = sentence
        self.source = source
    }
}

/// What the dossier says about the company.
public struct CompanyProfile: Sendable, Equatable, Codable {
    /// Structured facts: inception, headquarters, industry, employees, leadership.
    public var facts: [TimelineEntry]
    /// Sentences about founding, headquarters, size, leadership and business, verbatim.
    public var sentences: [CitedSentence]
    /// Dated news, newest first.
    public var news: [NewsItem]

    public init(facts: [TimelineEntry] = [], sentences: [CitedSentence] = [], news: [NewsItem] = []) {
        self.facts = facts
        self.sentences = sentences
        self.news = news
    }

    public var isEmpty: Bool { facts.isEmpty && sentences.isEmpty && news.isEmpty }
}

/// The industry around the company: key phrases of what was read, and sentences on trends.
public struct IndustryContext: Sendable, Equatable, Codable {
    /// Key phrases, most telling first.
    public var keyPhrases: [String]
    public var trends: [CitedSentence]

    public init(keyPhrases: [String] = [], trends: [CitedSentence] = []) {
        self.keyPhrases = keyPhrases
        self.trends = trends
    }

    public var isEmpty: Bool { keyPhrases.isEmpty && trends.isEmpty }
}

/// A question to ask in the meeting. A specific question is built from a cited fact and
/// cites it; a generic backup has no source.
public struct SuggestedQuestion: Sendable, Equatable, Codable {
    /// `motivation`, `career`, `industry`, `company`, `advice` or `referral`.
    public var topic: QuestionTopic
    public var text: String
    public var source: Int?

    public init(topic: QuestionTopic, text: String, source: Int?) {
        self.topic = topic
        self.text = text
        self.source = source
    }
}

/// The reader's side of the meeting: their goals and background (from the `[me]` table of
/// the config and the meeting), and questions the person may ask them, to practise.
public struct PreparationNotes: Sendable, Equatable, Codable {
    public var name: String?
    public var meetingGoals: [String]
    public var careerGoals: [String]
    public var background: String?
    public var practiceQuestions: [String]

    public init(name: String? = nil, meetingGoals: [String] = [], careerGoals: [String] = [], background: String? = nil,
                practiceQuestions: [String] = []) {
        self.name = name
        self.meetingGoals = meetingGoals
        self.careerGoals = careerGoals
        self.background = background
        self.practiceQuestions = practiceQuestions
    }
}

/// One step of the informational-interview routine, dated once a meeting exists.
public struct ChecklistItem: Sendable, Equatable, Codable {
    public var text: String
    /// `yyyy-MM-dd` when a meeting gives the step a date.
    public var due: String?

    public init(text: String, due: String? = nil) {
        self.text = text
        self.due = due
    }
}

/// What a rebuild found that the dossier before it did not have: new sentences about the
/// person and the company, new news, new timeline lines (changed roles). Citations are the
/// new dossier's.
public struct DossierChanges: Sendable, Equatable, Codable {
    /// When the dossier compared against was built.
    public var since: Date
    public var newSentences: [CitedSentence]
    public var newNews: [NewsItem]
    public var newTimeline: [TimelineItem]

    public init(since: Date, newSentences: [CitedSentence] = [], newNews: [NewsItem] = [], newTimeline: [TimelineItem] = []) {
        self.since = since
        self.newSentences = newSentences
        self.newNews = newNews
        self.newTimeline = newTimeline
    }

    public var isEmpty: Bool { newSentences.isEmpty && newNews.isEmpty && newTimeline.isEmpty }
}

/// One line of the profile ("At a glance"): a slot and what the sources say for it, cited;
/// without a citation when it says what the sources do not give ("not in the sources").
public struct ProfileLine: Sendable, Equatable, Codable {
    /// The slot: "Role", "Before", "Education", "Known for", "Based" …
    public var label: String
    public var text: String
    public var source: Int?

    public init(label: String, text: String, source: Int?) {
        self.label = label
        self.text = text
        self.source = source
    }
}

/// The person's own words: a quotation, verbatim (an ellipsis may mark a cut), with what it is
/// about.
public struct CitedQuote: Sendable, Equatable, Codable {
    /// What the words are about ("On deciding"), when the page says it (the question answered).
    public var label: String?
    public var text: String
    public var source: Int

    public init(label: String?, text: String, source: Int) {
        self.label = label
        self.text = text
        self.source = source
    }
}

/// The meeting the dossier prepares, as its first line shows it; a missing part is a blank to
/// fill in by hand.
public struct MeetingLine: Sendable, Equatable, Codable {
    /// "Tue 8 Dec 2026, 10:00 (Europe/Berlin)".
    public var when: String?
    public var place: String?
    /// Who introduced the person.
    public var via: String?
    public var goal: String?

    public init(when: String? = nil, place: String? = nil, via: String? = nil, goal: String? = nil) {
        self.when = when
        self.place = place
        self.via = via
        self.goal = goal
    }
}

/// A source as the dossier's Sources list shows it.
public struct CitedSource: Sendable, Equatable, Codable {
    public var number: Int
    public var title: String?
    public var site: String?
    public var published: String?
    /// When the page was last revised, as it says (a wiki article's last edit).
    public var updated: String?
    public var url: String
    public var fetchedAt: Date

    public init(number: Int, title: String?, site: String?, published: String?, updated: String? = nil, url: String,
                fetchedAt: Date) {
        self.number = number
        self.title = title
        self.site = site
        self.published = published
        self.updated = updated
        self.url = url
        self.fetchedAt = fetchedAt
    }
}

/// The content of a dossier, before rendering: every statement cites a source, and every
/// quotation is a verbatim span of it. Its JSON form (`schemaVersion`) is documented in
/// docs/dossier-json.md.
public struct Dossier: Sendable, Codable {
    /// The version of the JSON schema; raised on any incompatible change.
    public static let schemaVersion = 3

    public var subject: Subject
    public var identity: Identity
    public var company: CompanyIdentity
    /// The person's current role and organisation as the sources give it, for the heading.
    public var headline: String?
    public var meeting: MeetingLine
    /// What the sources are and how old: what to check before the meeting.
    public var sourceNote: String?
    /// "At a glance": one short line per slot.
    public var profile: [ProfileLine]
    public var timeline: [TimelineItem]
    /// Their own words on why they do the work and what they learned.
    public var ownWords: [CitedQuote]
    /// Further sentences about the person that no other section holds, most telling first.
    public var mentions: [CitedSentence]
    /// Pages the person wrote (their by-line, their own site), newest first, each with its most
    /// telling sentence. Optional only so that a `dossier/3` file written before it existed still
    /// reads; a dossier built now always has it.
    public var writing: [NewsItem]?
    public var companyProfile: CompanyProfile
    public var industry: IndustryContext
    public var questions: [SuggestedQuestion]
    /// What the reader and the person share, as the sources prove it ("You both studied at …").
    public var commonGround: [CitedSentence]
    /// What to keep out of the conversation, and how to read the sources.
    public var careNotes: [String]
    public var preparation: PreparationNotes
    public var checklist: [ChecklistItem]
    public var sources: [CitedSource]
    /// Sources that failed, with the reason (on screen and in JSON; not printed).
    public var failed: [SourceOutcome]
    /// Pages left out as not about the subject, and sources that had nothing (not printed).
    public var skipped: [SourceOutcome]
    public var generatedAt: Date
    /// Set by a rebuild that found something the previous dossier did not have.
    public var changes: DossierChanges?

    public init(subject: Subject, identity: Identity, company: CompanyIdentity, headline: String? = nil,
                meeting: MeetingLine = MeetingLine(), sourceNote: String? = nil, profile: [ProfileLine],
                timeline: [TimelineItem], ownWords: [CitedQuote], mentions: [CitedSentence] = [], writing: [NewsItem] = [],
                companyProfile: CompanyProfile,
                industry: IndustryContext,
                questions: [SuggestedQuestion], commonGround: [CitedSentence] = [], careNotes: [String] = [],
                preparation: PreparationNotes, checklist: [ChecklistItem], sources: [CitedSource],
                failed: [SourceOutcome], skipped: [SourceOutcome], generatedAt: Date, changes: DossierChanges? = nil) {
        self.subject = subject
        self.identity = identity
        self.company = company
        self.headline = headline
        self.meeting = meeting
        self.sourceNote = sourceNote
        self.profile = profile
        self.timeline = timeline
        self.ownWords = ownWords
        self.mentions = mentions
        self.writing = writing
        self.companyProfile = companyProfile
        self.industry = industry
        self.questions = questions
        self.commonGround = commonGround
        self.careNotes = careNotes
        self.preparation = preparation
        self.checklist = checklist
        self.sources = sources
        self.failed = failed
        self.skipped = skipped
        self.generatedAt = generatedAt
        self.changes = changes
    }
}

extension Dossier {
    /// Replaces every citation's source number with `number(old)`, in every section.
    mutating func renumberCitations(_ number: (Int) -> Int) {
        func renumber(_ sentences: inout [CitedSentence]) {
            for index in sentences.indices { sentences[index].source = number(sentences[index].source) }
        }
        func renumber(_ items: inout [TimelineItem]) {
            for index in items.indices {
                items[index].source = number(items[index].source)
                for other in items[index].otherDates.indices {
                    items[index].otherDates[other].source = number(items[index].otherDates[other].source)
                }
            }
        }
        func renumber(_ news: inout [NewsItem]) {
            for index in news.indices { news[index].source = number(news[index].source) }
        }
        for index in profile.indices { profile[index].source = profile[index].source.map(number) }
        renumber(&timeline)
        for index in ownWords.indices { ownWords[index].source = number(ownWords[index].source) }
        renumber(&commonGround)
        renumber(&mentions)
        if var writing {
            renumber(&writing)
            self.writing = writing
        }
        for index in companyProfile.facts.indices { companyProfile.facts[index].source = number(companyProfile.facts[index].source) }
        renumber(&companyProfile.sentences)
        renumber(&companyProfile.news)
        renumber(&industry.trends)
        for index in questions.indices { questions[index].source = questions[index].source.map(number) }
        if var changes {
            renumber(&changes.newSentences)
            renumber(&changes.newNews)
            renumber(&changes.newTimeline)
            self.changes = changes
        }
    }
}
