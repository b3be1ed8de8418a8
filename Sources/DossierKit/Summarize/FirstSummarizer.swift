import Foundation

/// The first summary: sentences that name the person, ranked by the trust of their
/// source and how early they come in it, without repeats; company sentences the same
/// way; the timeline from structured facts. Deterministic: the same discovery gives
/// the same dossier.
public struct FirstSummarizer: Sendable {
    public var atAGlanceCount = 5
    public var mentionCount = 12
    public var companySentenceCount = 5

    public init() {}

    public func summarize(_ discovery: DiscoveryResult, subject: Subject, generatedAt: Date) -> Dossier {
        var citations = CitationTable()
        let person = NameMatcher(subject.name)
        let companyMatcher = discovery.company.name.map(NameMatcher.init)
        var personCandidates: [RankedSentence] = []
        var companyCandidates: [RankedSentence] = []
        for (documentIndex, document) in discovery.documents.enumerated() {
            var position = 0
            for paragraph in document.text.split(separator: "\n") {
                for sentence in SentenceSplitter.sentences(in: String(paragraph)) {
                    position += 1
                    guard (25...400).contains(sentence.count) else { continue }
                    let folded = NameMatcher.fold(sentence)
                    let score = document.trust / (1 + Double(position) / 25)
                    let ranked = RankedSentence(text: sentence, folded: folded, document: documentIndex, position: position, score: score)
                    if person.isNamed(inSentence: folded) {
                        personCandidates.append(ranked)
                    } else if companyMatcher?.isMentioned(in: folded) == true {
                        companyCandidates.append(ranked)
                    }
                }
            }
        }
        let chosenPerson = Self.best(personCandidates, count: atAGlanceCount + mentionCount)
        let chosenCompany = Self.best(companyCandidates, count: companySentenceCount)
        func cite(_ sentence: RankedSentence) -> CitedSentence {
            CitedSentence(text: sentence.text, source: citations.number(for: discovery.documents[sentence.document]))
        }
        let atAGlance = chosenPerson.prefix(atAGlanceCount).map(cite)
        let mentions = chosenPerson.dropFirst(atAGlanceCount).map(cite)
        let companySentences = chosenCompany.map(cite)
        let timeline = discovery.personFacts
            .filter { ["employer", "position", "education"].contains($0.kind) }
            .map { TimelineEntry(kind: $0.kind, value: $0.value, start: $0.start, end: $0.end, source: citations.number(forFact: $0, readAt: generatedAt)) }
            .sorted { ($0.start ?? "9999", $0.kind, $0.value) < ($1.start ?? "9999", $1.kind, $1.value) }
            .map { TimelineItem(when: $0.start, text: TimelineWording.line($0), verbatim: false, source: $0.source) }
        let companyFacts = discovery.companyFacts
            .map { TimelineEntry(kind: $0.kind, value: $0.value, start: $0.start, end: $0.end, source: citations.number(forFact: $0, readAt: generatedAt)) }
        let failed = discovery.outcomes.filter { $0.kind == .failed }
        let skipped = discovery.outcomes.filter { $0.kind == .skipped }
        return Dossier(
            subject: subject, identity: discovery.identity, company: discovery.company, atAGlance: atAGlance,
            timeline: timeline, ownWords: [], mentions: mentions,
            companyProfile: CompanyProfile(facts: companyFacts, sentences: companySentences), industry: IndustryContext(),
            questions: [], preparation: PreparationNotes(), checklist: [], sources: citations.sources, failed: failed, skipped: skipped, generatedAt: generatedAt
        )
    }

    /// The highest-scoring sentences, one of each (near-)repeat, in score order with a
    /// stable tie-break (document, then position).
    private static func best(_ candidates: [RankedSentence], count: Int) -> [RankedSentence] {
        let ordered = candidates.sorted {
            ($1.score, $0.document, $0.position) < ($0.score, $1.document, $1.position)
        }
        var seen = Set<String>()
        var chosen: [RankedSentence] = []
        for candidate in ordered where chosen.count < count {
            let key = candidate.folded.filter { $0.isLetter || $0.isNumber }
            if seen.insert(key).inserted { chosen.append(candidate) }
        }
        return chosen
    }
}

private struct RankedSentence {
    let text: String
    let folded: String
    let document: Int
    let position: Int
    let score: Double
}

/// Numbers sources in the order the dossier first cites them.
private struct CitationTable {
    private(set) var sources: [CitedSource] = []
    private var numberByURL: [String: Int] = [:]

    mutating func number(for document: SourceDocument) -> Int {
        number(url: document.url, title: document.title, site: document.siteName, published: document.published, fetchedAt: document.fetchedAt)
    }

    /// Structured facts are cited to their entity page, read during this build.
    mutating func number(forFact fact: StructuredFact, readAt: Date) -> Int {
        number(url: fact.sourceURL, title: "Wikidata", site: "Wikidata", published: nil, fetchedAt: readAt)
    }

    private mutating func number(url: String, title: String?, site: String?, published: String?, fetchedAt: Date) -> Int {
        if let number = numberByURL[url] { return number }
        let number = sources.count + 1
        numberByURL[url] = number
        sources.append(CitedSource(number: number, title: title, site: site, published: published, url: url, fetchedAt: fetchedAt))
        return number
    }
}
