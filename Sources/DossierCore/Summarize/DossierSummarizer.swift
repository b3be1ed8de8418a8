import Foundation

/// Turns what discovery found into the dossier: extractive and deterministic. Every
/// sentence is a verbatim span of a source (reference marks and whitespace aside) with its
/// citation; the same discovery, banks and profile give the same dossier, byte for byte.
///
/// Sentences are anchored to the person (name, surname, pronoun follow-ups, first person
/// on their own site) or the company, near-duplicates across pages dropped (the most
/// trusted copy kept), ranked by LexRank biased towards a BM25 prior weighted by trust,
/// position and recency, and picked per section with MMR, within a word budget for the
/// body so the dossier prints on two pages.
public struct DossierSummarizer: Sendable {
    public var banks: SummaryBanks
    public var profile: UserProfile
    /// The meeting the dossier prepares, when one is stored: its goal, the checklist's dates.
    public var meeting: MeetingContext?
    /// The most words the body (everything before the Sources list) may have.
    public var bodyWordBudget = 1_180
    /// How many sentences the graph ranks at most (the best by prior).
    public var rankedSentenceLimit = 600

    public init(banks: SummaryBanks, profile: UserProfile = UserProfile(), meeting: MeetingContext? = nil) {
        self.banks = banks
        self.profile = profile
        self.meeting = meeting
    }

    /// The dossier of `discovery`; with the `previous` dossier of the same person, it also
    /// says what changed since that one.
    public func summarize(_ discovery: DiscoveryResult, subject: Subject, generatedAt: Date, previous: Dossier? = nil) -> Dossier {
        let documents = discovery.documents
        let personMatcher = NameMatcher(subject.name)
        let companyNames = NameMatcher.companyNames(discovery.company.name ?? subject.company)
        let pool = SentencePool(documents: documents, person: personMatcher, companies: companyNames.map(NameMatcher.init),
                                ownDomain: discovery.identity.domain)
        let relevant = Self.withoutNearDuplicates(pool.sentences.filter { $0.person != .none || $0.company }, documents: documents)
        let query = Set(TermVector.terms(NameMatcher.fold(([subject.name] + companyNames).joined(separator: " ")))
                        + SentenceCues.career.flatMap { TermVector.terms($0) })
        let bm25 = BM25.scores(relevant.map(\.terms), query: query)
        let currentYear = Calendar(identifier: .gregorian).component(.year, from: generatedAt)
        // The dossier is written for an English reader: pages and sentences in other
        // languages rank lower.
        let readability = documents.map { Self.englishShare($0.text) }
        var priors = zip(relevant, bm25).map { sentence, relevance in
            Self.prior(sentence, document: documents[sentence.document], relevance: relevance, currentYear: currentYear)
                * readability[sentence.document] * pow(Self.englishShare(sentence.text), 2)
        }
        // The graph is quadratic: rank the best by prior, two thirds of the places for
        // sentences about the person, the rest for the company's.
        let byPrior = priors.indices.sorted { (priors[$1], $0) < (priors[$0], $1) }
        let personPlaces = rankedSentenceLimit * 2 / 3
        let aboutPersonByPrior = byPrior.filter { relevant[$0].person != .none }.prefix(personPlaces)
        let companyByPrior = byPrior.filter { relevant[$0].person == .none }
            .prefix(rankedSentenceLimit - aboutPersonByPrior.count)
        let kept = (aboutPersonByPrior + companyByPrior).sorted()
        let sentences = kept.map { relevant[$0] }
        priors = kept.map { priors[$0] }
        let ranker = SentenceRanker(sentences: sentences, priors: priors)
        var picker = SectionPicker(ranker: ranker)

        var citations = CitationTable()
        func cite(_ index: Int) -> CitedSentence {
            let sentence = sentences[index]
            return CitedSentence(text: sentence.text, source: citations.number(for: documents[sentence.document]))
        }
        let all = Array(sentences.indices)
        let aboutPerson = all.filter { sentences[$0].person != .none }
        // At a glance: sentences naming the person; on their own site, where they write in
        // the first person and rarely name themselves, first-person sentences too.
        let named = aboutPerson.filter { sentences[$0].person == .named && sentences[$0].wordCount <= 60 }
        let glance = picker.pick(named.count >= 3 ? named : aboutPerson.filter {
            [.named, .firstPerson].contains(sentences[$0].person) && sentences[$0].wordCount <= 60
        }, count: 4)
        let careerSentences = picker.pick(aboutPerson.filter {
            !sentences[$0].years.isEmpty && (SentenceCues.matches(SentenceCues.career, in: sentences[$0].folded)
                || SentenceCues.hasSinceYear(sentences[$0].folded))
        }, count: 12)
        let ownWords = picker.pick(aboutPerson.filter { index in
            let sentence = sentences[index]
            return (sentence.person == .firstPerson || SentenceCues.hasQuotation(sentence.text))
                && SentenceCues.matches(SentenceCues.reflection, in: sentence.folded)
                && !banks.avoid.contains { NameMatcher.containsWords($0, in: sentence.folded) }
        }, count: 3)
        let companySentences = picker.pick(all.filter {
            sentences[$0].company && sentences[$0].person == .none && SentenceCues.matches(SentenceCues.company, in: sentences[$0].folded)
        }, count: 8)
        let trends = picker.pick(all.filter { SentenceCues.count(SentenceCues.trend, in: sentences[$0].folded) >= 2 }, count: 2)
        let mentions = picker.pick(aboutPerson, count: 30)

        let news = newsItems(documents: documents, sentences: sentences, ranker: ranker, pool: pool, person: personMatcher,
                             companies: companyNames.map(NameMatcher.init), used: Set(picker.used), citations: &citations)
        let subjectWords = Set(TermVector.terms(NameMatcher.fold(subject.name))).union(["he", "she", "i", "we", "they"])
        var timeline = Self.mergedBySteps(careerSentences.map { sentences[$0] }, subjects: subjectWords) { sentence in
            citations.number(for: documents[sentence.document])
        }
        timeline += structuredTimeline(discovery.personFacts, citations: &citations, readAt: generatedAt)
        // Undated lines come after the dated ones, in the order of their text.
        timeline.sort { first, second in
            switch (first.when, second.when) {
            case let (a?, b?): (a, first.text) < (b, second.text)
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): first.text < second.text
            }
        }
        let companyFacts = discovery.companyFacts.map {
            TimelineEntry($0, source: citations.number(forFact: $0, readAt: generatedAt))
        }
        let citedDocuments = Set(picker.used.map { sentences[$0].document })
        let phraseText = pool.sentences.filter { citedDocuments.contains($0.document) }.map(\.text).joined(separator: "\n")
        let nameWords = Set(TermVector.terms(NameMatcher.fold(([subject.name] + companyNames).joined(separator: " "))))
        let keyPhrases = KeyPhraseExtractor.keyPhrases(in: phraseText, count: 16, excluding: [subject.name] + companyNames)
            .filter { phrase in TermVector.terms(NameMatcher.fold(phrase)).allSatisfy { !nameWords.contains($0) } }
            .prefix(8).map { $0 }

        let questionSentences = (glance + careerSentences + ownWords + mentions).filter { sentences[$0].person != .none }
        var questionWriter = QuestionWriter(banks: banks, companyName: companyNames.first, subjectWords: subjectWords)
        let questions = questionWriter.questions(
            steps: questionSentences.map { (sentences[$0], documents[sentences[$0].document]) },
            news: news.filter { item in documents.contains { ($0.title ?? $0.url) == item.title && Self.englishShare($0.text) > 0.5 } },
            keyPhrases: keyPhrases, documents: documents, citations: &citations
        )

        var dossier = Dossier(
            subject: subject, identity: discovery.identity, company: discovery.company,
            atAGlance: glance.map(cite), timeline: timeline, ownWords: ownWords.map(cite), mentions: mentions.map(cite),
            companyProfile: CompanyProfile(facts: companyFacts, sentences: companySentences.map(cite), news: news),
            industry: IndustryContext(keyPhrases: keyPhrases, trends: trends.map(cite)),
            questions: questions,
            preparation: PreparationNotes(name: profile.name, meetingGoals: (meeting?.goal.map { [$0] } ?? []) + profile.goals,
                                          careerGoals: profile.careerGoals, background: profile.background,
                                          practiceQuestions: banks.practice),
            checklist: checklist(),
            sources: [], failed: Self.listed(discovery.outcomes, .failed), skipped: Self.listed(discovery.outcomes, .skipped),
            generatedAt: generatedAt
        )
        Self.fitBudget(&dossier, words: bodyWordBudget)
        // Compared once both are trimmed to the budget; the section then takes its own room.
        if let previous {
            let changes = Self.changes(from: previous, to: dossier)
            if !changes.isEmpty {
                dossier.changes = changes
                Self.fitBudget(&dossier, words: bodyWordBudget)
            }
        }
        Self.numberSources(&dossier, from: citations.sources)
        return dossier
    }

    /// The routine's steps, `{via}` filled in, dated from the meeting when there is one;
    /// once the meeting is held, only the follow-up steps.
    private func checklist() -> [ChecklistItem] {
        let via = meeting?.via ?? "the network contact"
        return banks.checklist
            .filter { meeting?.held != true || $0.when == .nextDay }
            .map { ChecklistItem(text: $0.text.replacingOccurrences(of: "{via}", with: via), due: meeting?.due($0)) }
    }

    /// Outcomes of one kind as the dossier lists them: without their timings, which differ
    /// from run to run and would make an unchanged dossier look changed.
    private static func listed(_ outcomes: [SourceOutcome], _ kind: SourceOutcome.Kind) -> [SourceOutcome] {
        outcomes.filter { $0.kind == kind }.map { outcome in
            var outcome = outcome
            outcome.seconds = 0
            return outcome
        }
    }

    // MARK: - Sentences

    /// Drops sentences that repeat one already kept (SimHash), visiting the most trusted
    /// documents first so the most trusted copy stays.
    static func withoutNearDuplicates(_ sentences: [PoolSentence], documents: [SourceDocument]) -> [PoolSentence] {
        var filter = NearDuplicateFilter()
        let byTrust = sentences.sorted {
            (documents[$1.document].trust, $0.document, $0.position) < (documents[$0.document].trust, $1.document, $1.position)
        }
        let keptIDs = Set(byTrust.filter { filter.isNew($0.text) }.map(\.id))
        return sentences.filter { keptIDs.contains($0.id) }
    }

    /// How much a sentence deserves a place before the graph has its say: its source's trust,
    /// how early it comes, how recent its page is, how many facts it carries for its length,
    /// how it is anchored, and its BM25 relevance to the person, the company and career words.
    static func prior(_ sentence: PoolSentence, document: SourceDocument, relevance: Double, currentYear: Int) -> Double {
        // The lead of an article sums it up; a personal essay tells a life in order.
        let position = sentence.person == .firstPerson ? 0.5 : 1 / (1 + Double(sentence.position) / 15)
        var recency = 1.0
        if let published = document.published, let year = Int(published.prefix(4)), year <= currentYear {
            recency = 1 + 0.5 * max(0, 1 - Double(currentYear - year) / 10)
        }
        let words = sentence.text.split(separator: " ")
        let firstPerson: Set<Substring> = ["I", "I'm", "I’m", "I'd", "I’d", "I've", "I’ve", "I'll"]
        let names = Set(words.dropFirst().filter { word in
            guard let first = word.first, !firstPerson.contains(word) else { return false }
            return first.isUppercase
        }.map { $0.trimmingCharacters(in: .punctuationCharacters) })
        let numbers = words.filter { $0.first?.isNumber == true }.count
        let facts = Double(names.count) * 0.6 + Double(sentence.years.count) * 0.6 + Double(numbers) * 0.2
        let density = 0.3 + min(3, facts)
        let length = pow(20 / Double(max(20, sentence.wordCount)), 0.8) * (sentence.wordCount < 10 ? 0.7 : 1)
        let anchor: Double = switch sentence.person {
        case .named: 1
        case .firstPerson: 0.8
        case .pronoun: 0.7
        case .none: 0.6
        }
        return document.trust * position * recency * density * length * anchor * (1 + relevance)
    }

    /// How much of a text reads as English, 0.2 to 1: the share of its first 2,000 words that
    /// are common English function words, against the quarter typical of English prose.
    static func englishShare(_ text: String) -> Double {
        let words = text.prefix(20_000).split { !$0.isLetter }.prefix(2_000)
        guard !words.isEmpty else { return 1 }
        let common = words.filter { TermVector.stopwords.contains($0.lowercased()) }.count
        return max(0.2, min(1, Double(common) / Double(words.count) / 0.25))
    }

    // MARK: - Sections

    /// Timeline lines from career sentences (best first), merged by the step they tell (its
    /// kind and organisation or title): a later sentence with the same step adds its year
    /// beside the first when it differs, rather than a line of its own.
    static func mergedBySteps(_ career: [PoolSentence], subjects: Set<String>, cite: (PoolSentence) -> Int) -> [TimelineItem] {
        var items: [TimelineItem] = []
        var itemByStep: [StepKey: Int] = [:]
        for sentence in career {
            let source = cite(sentence)
            let year = sentence.years.first.map(String.init)
            let keys = CareerStep.steps(in: sentence.text, subjects: subjects).map { StepKey(kind: $0.kind.rawValue, name: NameMatcher.fold($0.name)) }
            if let existing = keys.lazy.compactMap({ itemByStep[$0] }).first {
                if let year, year != items[existing].when, !items[existing].otherDates.contains(where: { $0.date == year }) {
                    items[existing].otherDates.append(CitedDate(date: year, source: source))
                }
                continue
            }
            for key in keys { itemByStep[key] = items.count }
            items.append(TimelineItem(when: year, text: sentence.text, verbatim: true, source: source))
        }
        return items
    }

    /// Up to five pages with a publication date (encyclopedia articles aside): those naming the
    /// person first, then those naming the company, then the rest, newest first within each;
    /// shown newest first, each with its best-ranked sentence (or its first, when none was
    /// ranked) unless that only repeats the title.
    private func newsItems(documents: [SourceDocument], sentences: [PoolSentence], ranker: SentenceRanker,
                           pool: SentencePool, person: NameMatcher, companies: [NameMatcher], used: Set<Int>,
                           citations: inout CitationTable) -> [NewsItem] {
        let encyclopedias = ["wikipedia.org", "wikidata.org"]
        let dated = documents.indices.filter { index in
            guard let published = documents[index].published, published.count >= 4, Int(published.prefix(4)) != nil else { return false }
            let host = URLComponents(string: documents[index].url)?.host?.lowercased() ?? ""
            return !encyclopedias.contains { host == $0 || host.hasSuffix("." + $0) }
        }
        func tier(_ index: Int) -> Int {
            let folded = NameMatcher.fold((documents[index].title ?? "") + " " + documents[index].text)
            return person.isMentioned(in: folded) ? 0 : companies.contains { $0.isMentioned(in: folded) } ? 1 : 2
        }
        let tiers = Dictionary(uniqueKeysWithValues: dated.map { ($0, tier($0)) })
        var seenTitles = Set<String>()
        let chosen = dated
            .sorted { (tiers[$0]!, documents[$1].published!, $0) < (tiers[$1]!, documents[$0].published!, $1) }
            .filter { seenTitles.insert(NameMatcher.fold(documents[$0].title ?? documents[$0].url)).inserted }
            .prefix(5)
            .sorted { (documents[$1].published!, $0) < (documents[$0].published!, $1) }
        return chosen.map { index in
            let document = documents[index]
            let title = document.title ?? document.url
            let foldedTitle = NameMatcher.fold(title)
            let best = sentences.indices.filter {
                sentences[$0].document == index && !sentences[$0].folded.contains(foldedTitle) && !used.contains($0)
            }
                .max { (ranker.scores[$0], $1) < (ranker.scores[$1], $0) }
            let usedIDs = Set(used.map { sentences[$0].id })
            let opening = pool.sentences.filter {
                $0.document == index && $0.wordCount >= 8 && $0.paragraph >= 0 && !$0.folded.contains(foldedTitle)
                    && !usedIDs.contains($0.id)
            }.prefix(10)
            // The opening sentence that carries most of the page's own key phrases.
            let phrases = KeyPhraseExtractor.keyPhrases(in: document.text, count: 5).map(NameMatcher.fold)
            let lead = opening.enumerated().max { a, b in
                func score(_ item: (offset: Int, element: PoolSentence)) -> Double {
                    Double(phrases.filter { NameMatcher.containsWords($0, in: item.element.folded) }.count) - Double(item.offset) * 0.1
                }
                return (score(a), b.offset) < (score(b), a.offset)
            }?.element
            return NewsItem(date: String(document.published!.prefix(10)), title: title,
                            sentence: best.map { sentences[$0].text } ?? lead?.text, source: citations.number(for: document))
        }
    }

    /// Employer, position and education claims; the same claim with different dates from
    /// different sources is one line with the other dates beside it.
    /// Kinds of person facts that say where to find them rather than what they did.
    static let identityKinds: Set<FactKind> = [.website, .github, .twitter, .instanceOf]

    private func structuredTimeline(_ facts: [StructuredFact], citations: inout CitationTable, readAt: Date) -> [TimelineItem] {
        var items: [TimelineItem] = []
        var indexByClaim: [StepKey: Int] = [:]
        for fact in facts where !Self.identityKinds.contains(fact.kind) {
            let source = citations.number(forFact: fact, readAt: readAt)
            let entry = TimelineEntry(fact, source: source)
            let key = StepKey(kind: fact.kind.rawValue, name: NameMatcher.fold(fact.value))
            if let existing = indexByClaim[key] {
                if let date = fact.date, date != items[existing].when, source != items[existing].source {
                    items[existing].otherDates.append(CitedDate(date: date, source: source))
                }
                continue
            }
            // A statement whose value is itself a date (a birth date) is placed at it.
            let valueIsDate = fact.value.wholeMatch(of: /[0-9]{4}(-[0-9]{2}){0,2}/) != nil
            let span = fact.start != nil || fact.end != nil
                ? [fact.start, fact.end].compactMap { $0?.prefix(4) }.joined(separator: " – ")
                : (fact.pointInTime ?? (valueIsDate ? fact.value : nil)).map { String($0.prefix(4)) } ?? ""
            indexByClaim[key] = items.count
            items.append(TimelineItem(when: span.isEmpty ? nil : span, text: TimelineWording.line(entry), verbatim: false, source: source))
        }
        return items
    }

    /// What `current` has that `previous` did not, at most five lines: timeline lines first
    /// (changed roles), then news, then other sentences.
    static func changes(from previous: Dossier, to current: Dossier) -> DossierChanges {
        func sentences(_ dossier: Dossier) -> [CitedSentence] {
            dossier.atAGlance + dossier.ownWords + dossier.mentions + dossier.companyProfile.sentences
        }
        let known = Set(sentences(previous).map(\.text) + previous.timeline.map(\.text))
        let knownNews = Set(previous.companyProfile.news.map(\.title))
        let timeline = current.timeline.filter { !known.contains($0.text) }.prefix(5)
        let news = current.companyProfile.news.filter { !knownNews.contains($0.title) }.prefix(5 - timeline.count)
        let new = sentences(current).filter { !known.contains($0.text) }.prefix(5 - timeline.count - news.count)
        return DossierChanges(since: previous.generatedAt, newSentences: Array(new), newNews: Array(news), newTimeline: Array(timeline))
    }

    /// Whether two dossiers say the same, whenever they were built and their sources fetched,
    /// and whichever sources failed this time (failures are reported by the command and kept in
    /// the store; a dossier whose content stands is not rewritten for them).
    public static func sameContent(_ first: Dossier, _ second: Dossier) -> Bool {
        var first = first
        var second = second
        first.generatedAt = second.generatedAt
        first.failed = second.failed
        first.skipped = second.skipped
        first.changes = nil
        second.changes = nil
        for index in first.sources.indices where index < second.sources.count {
            first.sources[index].fetchedAt = second.sources[index].fetchedAt
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .secondsSince1970
        return (try? encoder.encode(first)) == (try? encoder.encode(second))
    }

    // MARK: - Budget and numbering

    /// Drops the least necessary lines until the body fits: trends, news beyond three and
    /// company sentences beyond three first (the person comes first), then further mentions,
    /// then company lines down to two each, timeline lines beyond five, own words beyond one
    /// and glance sentences beyond three.
    static func fitBudget(_ dossier: inout Dossier, words budget: Int) {
        // Rendering is exact but costs a full render: drop lines by their estimated words,
        // and render again only to check when the estimate says the body fits.
        var words = bodyWords(dossier)
        while words > budget {
            var removed: String?
            if !dossier.industry.trends.isEmpty { removed = dossier.industry.trends.removeLast().text }
            else if dossier.companyProfile.news.count > 3 { removed = newsLine(dossier.companyProfile.news.removeLast()) }
            else if dossier.companyProfile.sentences.count > 3 { removed = dossier.companyProfile.sentences.removeLast().text }
            else if !dossier.mentions.isEmpty { removed = dossier.mentions.removeLast().text }
            else if dossier.companyProfile.news.count > 2 { removed = newsLine(dossier.companyProfile.news.removeLast()) }
            else if dossier.companyProfile.sentences.count > 2 { removed = dossier.companyProfile.sentences.removeLast().text }
            else if let index = dossier.timeline.lastIndex(where: \.verbatim), dossier.timeline.count > 5 { removed = dossier.timeline.remove(at: index).text }
            else if dossier.ownWords.count > 1 { removed = dossier.ownWords.removeLast().text }
            else if dossier.atAGlance.count > 3 { removed = dossier.atAGlance.removeLast().text }
            guard let removed else { return }
            words -= removed.split(separator: " ").count + 1
            if words <= budget + 25 { words = bodyWords(dossier) }
        }
    }

    private static func newsLine(_ item: NewsItem) -> String {
        [item.date, item.title, item.sentence ?? ""].joined(separator: " ")
    }

    /// Words of the printed body: the Markdown dossier before its Sources list.
    static func bodyWords(_ dossier: Dossier) -> Int {
        var probe = dossier
        probe.sources = []
        probe.failed = []
        probe.skipped = []
        return MarkdownRenderer.render(probe).split(whereSeparator: \.isWhitespace).count
    }

    /// Numbers the sources still cited after the budget, once and in the order a reader meets
    /// them in print: until here a citation holds the source's place in `table`.
    static func numberSources(_ dossier: inout Dossier, from table: [CitedSource]) {
        let order = DossierOutline(dossier).citationOrder
        let number = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0 + 1) })
        dossier.renumberCitations { number[$0]! }
        let byPlace = Dictionary(uniqueKeysWithValues: table.map { ($0.number, $0) })
        dossier.sources = order.enumerated().map { offset, place in
            var source = byPlace[place]!
            source.number = offset + 1
            return source
        }
    }
}

/// Picks sentences section by section, never the same sentence twice, each section's MMR
/// aware of everything picked before.
struct SectionPicker {
    let ranker: SentenceRanker
    private(set) var used: [Int] = []

    init(ranker: SentenceRanker) {
        self.ranker = ranker
    }

    mutating func pick(_ candidates: [Int], count: Int) -> [Int] {
        let fresh = candidates.filter { !used.contains($0) }
        let chosen = ranker.select(fresh, count: count, alreadyChosen: used)
        used += chosen
        return chosen
    }
}

/// Numbers sources in the order the summary first cites them.
struct CitationTable {
    private(set) var sources: [CitedSource] = []
    private var numberByURL: [String: Int] = [:]

    mutating func number(for document: SourceDocument) -> Int {
        number(url: document.url, title: document.title, site: document.siteName, published: document.published,
               updated: document.updated, fetchedAt: document.fetchedAt)
    }

    /// Structured facts are cited to their entity page, read during this build.
    mutating func number(forFact fact: StructuredFact, readAt: Date) -> Int {
        number(url: fact.sourceURL, title: "Wikidata", site: "Wikidata", published: nil, fetchedAt: readAt)
    }

    private mutating func number(url: String, title: String?, site: String?, published: String?, updated: String? = nil,
                                 fetchedAt: Date) -> Int {
        if let number = numberByURL[url] { return number }
        let number = sources.count + 1
        numberByURL[url] = number
        sources.append(CitedSource(number: number, title: title, site: site, published: published, updated: updated, url: url,
                                   fetchedAt: fetchedAt))
        return number
    }
}

/// One step of a career, as the timeline merges it: its kind and the organisation, title or
/// value it names (folded).
struct StepKey: Hashable {
    var kind: String
    var name: String
}
