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

/// One line of the career timeline, from structured data, cited.
public struct TimelineEntry: Sendable, Equatable, Codable {
    /// `employer`, `position`, `education`.
    public var kind: String
    public var value: String
    public var start: String?
    public var end: String?
    public var source: Int

    public init(kind: String, value: String, start: String?, end: String?, source: Int) {
        self.kind = kind
        self.value = value
        self.start = start
        self.end = end
        self.source = source
    }
}

/// A source as the dossier's Sources list shows it.
public struct CitedSource: Sendable, Equatable, Codable {
    public var number: Int
    public var title: String?
    public var site: String?
    public var published: String?
    public var url: String
    public var fetchedAt: Date

    public init(number: Int, title: String?, site: String?, published: String?, url: String, fetchedAt: Date) {
        self.number = number
        self.title = title
        self.site = site
        self.published = published
        self.url = url
        self.fetchedAt = fetchedAt
    }
}

/// The content of a dossier, before rendering: every sentence about the person is a
/// verbatim span of a source, and every entry cites one.
public struct Dossier: Sendable, Codable {
    public var subject: Subject
    public var identity: Identity
    public var company: CompanyIdentity
    public var atAGlance: [CitedSentence]
    public var timeline: [TimelineEntry]
    public var mentions: [CitedSentence]
    public var companyFacts: [TimelineEntry]
    public var companySentences: [CitedSentence]
    public var sources: [CitedSource]
    /// Sources that failed, with the reason.
    public var failed: [SourceOutcome]
    /// Pages left out as not about the subject, and sources that had nothing.
    public var skipped: [SourceOutcome]
    public var generatedAt: Date

    public init(subject: Subject, identity: Identity, company: CompanyIdentity, atAGlance: [CitedSentence], timeline: [TimelineEntry], mentions: [CitedSentence], companyFacts: [TimelineEntry], companySentences: [CitedSentence], sources: [CitedSource], failed: [SourceOutcome], skipped: [SourceOutcome], generatedAt: Date) {
        self.subject = subject
        self.identity = identity
        self.company = company
        self.atAGlance = atAGlance
        self.timeline = timeline
        self.mentions = mentions
        self.companyFacts = companyFacts
        self.companySentences = companySentences
        self.sources = sources
        self.failed = failed
        self.skipped = skipped
        self.generatedAt = generatedAt
    }
}
