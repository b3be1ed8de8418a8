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
    public var bodyWordBudget = 950
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
        let pool = SentencePool(documents: documents, person: personMatcher, companies: companyNames,
                                ownDomain: discovery.identity.domain, personName: subject.name)
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
        func citeEvent(_ event: CareerEvent) -> Int? {
            if let document = event.document { return citations.number(for: documents[document]) }
            if let url = event.factURL { return citations.number(factURL: url, readAt: generatedAt) }
            return nil
        }

        // The career: events from structured data and from every sentence about the person.
        let knowledge = CareerKnowledge(
            pool: pool.sentences, documents: documents, facts: discovery.personFacts, personName: subject.name,
            companies: companyNames,
            pageOrganisation: { index in
                Self.isCompanySite(documents[index], companies: companyNames, domain: discovery.company.domain ?? subject.domain)
                    || Self.isAboutCompany(documents[index], companies: companyNames)
                    ? (discovery.company.name ?? subject.company) : nil
            })
        let career = CareerSections(steps: knowledge.steps, documents: documents, companyNames: companyNames.map(NameMatcher.fold),
                                    readAt: generatedAt)
        var profileLines = career.profile(cite: citeEvent, personalAnswers: knowledge.personalAnswers) { sentence in
            citations.number(for: documents[sentence.document])
        }
        let timeline = career.timeline(cite: citeEvent)

        let all = Array(sentences.indices)
        // Small talk they offered (favourite athletes, childhood memories) is for the profile's
        // "Outside work" line only.
        let smallTalk = { (sentence: PoolSentence) in sentence.question.map(CareerKnowledge.isPersonalQuestion) == true }
        let aboutPerson = all.filter {
            sentences[$0].person != .none && !Sensitivity.touches(sentences[$0].text) && !smallTalk(sentences[$0])
                && sentences[$0].wordCount >= 6
        }
        // A short biography after the profile lines: the best sentences naming the person, from
        // a by-line, an author box or an article's lead.
        // A biography's sentence opens with their name ("Michael Larabel is the principal author …").
        let biography = picker.pick(aboutPerson.filter {
            sentences[$0].person == .named && sentences[$0].wordCount <= 35 && sentences[$0].speaker == .narrator
                && !Self.isPreamble(sentences[$0].folded)
                && personMatcher.isNamed(inSentence: NameMatcher.fold(sentences[$0].text.split(separator: " ").prefix(3).joined(separator: " ")))
                && SentenceCues.matches(SentenceCues.career, in: sentences[$0].folded)
        }, count: 1)
        // The people they name most when they tell their own story: whom they may speak of.
        if let story = StoryPeople.names(documents: documents, pool: pool.sentences, personName: subject.name, companies: companyNames) {
            let unsourced = profileLines.firstIndex { $0.source == nil } ?? profileLines.endIndex
            profileLines.insert(ProfileLine(label: "People in their story", text: story.names.joined(separator: "; "),
                                            source: citations.number(for: documents[story.document])), at: unsourced)
        }
        let missing = profileLines.firstIndex { $0.source == nil } ?? profileLines.endIndex
        profileLines.insert(contentsOf: biography.map { index in
            let cited = cite(index)
            return ProfileLine(label: "Bio", text: cited.text, source: cited.source)
        }, at: missing)

        // Four quotes are shown; two more, a second lesson of an answer, may be said back to them in a question.
        let (quotes, spareQuotes) = OwnWordsPicker(person: personMatcher, avoid: banks.avoid)
            .pick(from: sentences, ranker: ranker, count: 4, spare: 2)
        let usedTexts = Set(quotes.map(\.sentence.text))
        let ownWords = quotes.map { pick in
            CitedQuote(label: pick.label, text: pick.text, source: citations.number(for: documents[pick.sentence.document]))
        }
        let questionQuotes = spareQuotes.map { pick in
            (pick.label, pick.text, citations.number(for: documents[pick.sentence.document]), false)
        } + ownWords.map { ($0.label, $0.text, $0.source, true) }
        // What the company does: sentences about it by a narrator, or by the person when they
        // name it ("Axios launched in 2017 with a mission …").
        let companyCandidates = all.filter {
            let sentence = sentences[$0]
            // Their answers about the business count too ("What's on the horizon for the business?").
            let aboutBusiness = sentence.speaker == .subject && sentence.question.map(Self.asksAboutBusiness) == true
            // About the organisation, not about the speaker: no "I" or "my".
            let aboutThemselves = ["i", "my", "me", "i'm", "i've"].contains { NameMatcher.containsWords($0, in: sentence.folded) }
            // "Axios' Erica Pandey writes: Microsoft announced …" is another story, reported.
            let reported = sentence.text.split(separator: " ").prefix(8).contains { $0.hasSuffix(":") }
            // "You can also contribute …" asks the reader; it says nothing of the company.
            let addressesReader = ["You", "Your"].contains(sentence.text.split(separator: " ").first.map(String.init) ?? "")
            return (sentence.company && (sentence.person == .none || sentence.person == .firstPerson) || aboutBusiness)
                && !aboutThemselves && !reported && !addressesReader && !usedTexts.contains(sentence.text)
                && !Sensitivity.touches(sentence.text) && SentenceCues.matches(SentenceCues.company, in: sentence.folded)
        }
        // The company speaking of itself ("our outstanding 350 partners") only when little else is said of it.
        // Where it stands now: a sentence whose years are all long past says only how it began.
        let timely = companyCandidates.filter { index in
            let sentence = sentences[index]
            let founding = ["founded", "established", "incorporated", "launched"].contains { NameMatcher.containsWords($0, in: sentence.folded) }
            return founding || sentence.years.isEmpty || sentence.years.contains { $0 >= currentYear - 15 }
        }
        let othersOnCompany = timely.filter { !Self.speaksAsCompany(sentences[$0]) }
        // What the company does, as its own front page sums it up ("Phoronix is the leading technology
        // website for Linux hardware reviews …"), comes first.
        let frontPage = documents.indices.first { index in
            guard let summary = documents[index].profileSummary, summary.split(separator: " ").count >= 6,
                  SourceDocument.isFrontPage(documents[index].url),
                  Self.isCompanySite(documents[index], companies: companyNames, domain: discovery.company.domain ?? subject.domain)
            else { return false }
            return companyNames.contains { SentencePool.occursCapitalised($0, in: summary) } && !Sensitivity.touches(summary)
        }
        // Without a front page, the opening of a page about the company says what it is ("Mozilla is a
        // free software community founded in 1998 by members of Netscape.").
        let definition = frontPage == nil ? pool.sentences.first { sentence in
            sentence.paragraph >= 0 && Self.isAboutCompany(documents[sentence.document], companies: companyNames)
                && companyNames.contains { name in
                    // "Mozilla is …", "Microsoft Corporation is …", "Axios (stylized …) is …".
                    guard sentence.text.hasPrefix(name + " ") else { return false }
                    let opening = sentence.text.split(separator: " ").prefix(8).map { $0.lowercased() }
                    return opening.contains("is") || opening.contains("was")
                }
                && !Sensitivity.touches(sentence.text) && sentence.wordCount <= 40
        } : nil
        // Without either, what it says of itself on its own pages, in its own voice ("Our mobile commerce,
        // flexible ticket sales, and data solutions empower …"): a footer's or sidebar's line, read last.
        let companyDomain = discovery.company.domain ?? subject.domain
        let selfDescription = frontPage == nil && definition == nil ? pool.sentences.last { sentence in
            sentence.speaker == .narrator && sentence.person == .none && sentence.paragraph >= 0 && sentence.wordCount >= 10
                && !Self.isPreamble(sentence.folded)
                && (sentence.text.hasPrefix("Our ") || sentence.text.hasPrefix("We "))
                && !["i", "my", "me"].contains { NameMatcher.containsWords($0, in: sentence.folded) }
                && Self.isCompanySite(documents[sentence.document], companies: companyNames, domain: companyDomain)
                && SentenceCues.matches(SentenceCues.company, in: sentence.folded) && !Sensitivity.touches(sentence.text)
        } : nil
        if let selfDescription, let ranked = sentences.firstIndex(where: { $0.id == selfDescription.id }) { picker.include(ranked) }
        // What the definition says is not said again ("The corporate headquarters … in Redmond").
        if let definition, let ranked = sentences.firstIndex(where: { $0.id == definition.id }) { picker.include(ranked) }
        let companyPool = (othersOnCompany.count >= 2 ? othersOnCompany : timely).filter {
            sentences[$0].id != definition?.id && sentences[$0].id != selfDescription?.id
        }
        // Where it stands: the best sentence about its last four years first, then the rest.
        let latest = picker.pick(companyPool.filter { index in
            sentences[index].years.contains { ($0 >= currentYear - 4) && $0 <= currentYear }
        }, count: 1)
        // Its scale: of the sentences that measure its money or size (revenue, a deal, a fund, staff) with a
        // figure, the newest of the last fifteen years, the best-ranked among equals. The year it names
        // dates it for the reader ("their total revenue for 2011 was $163 million").
        let measured = companyPool.filter { index in
            Self.hasFigure(sentences[index].text) && SentenceCues.matches(Self.sizeCues, in: sentences[index].folded)
                && sentences[index].years.contains { $0 >= currentYear - 15 && $0 <= currentYear }
        }
        let newestMeasured = measured.compactMap { sentences[$0].years.filter { $0 <= currentYear }.max() }.max()
        let scale = picker.pick(measured.filter { sentences[$0].years.filter { $0 <= currentYear }.max() == newestMeasured }, count: 1)
        var companySentences = latest + scale
            + picker.pick(companyPool, count: (frontPage == nil && definition == nil && selfDescription == nil ? 5 : 4) - latest.count - scale.count)
        // At most three lines in one speaker's words, more reads as a pasted interview: the one that most
        // repeats the others goes ("a section just for subscription" beside the subscription offering).
        for speaker in Set(companySentences.map { sentences[$0].speaker }) where speaker != .narrator {
            var theirs = companySentences.filter { sentences[$0].speaker == speaker }
            while theirs.count > 3 {
                let redundancy = theirs.map { line in theirs.filter { $0 != line }.map { ranker.similarity(line, $0) }.max() ?? 0 }
                let most = redundancy.indices.max { (redundancy[$0], $1) < (redundancy[$1], $0) }!
                companySentences.removeAll { $0 == theirs[most] }
                theirs.remove(at: most)
            }
        }
        // Pages that speak of the person are read in their sections; news is the company's.
        var anchoredCount: [Int: Int] = [:]
        for sentence in pool.sentences where sentence.person != .none { anchoredCount[sentence.document, default: 0] += 1 }
        let aboutPersonDocuments = Set(anchoredCount.filter { $0.value >= 5 }.map(\.key))
        let writing = writingItems(documents: documents, person: personMatcher, ownDomain: discovery.identity.domain,
                                   sentences: sentences, pool: pool, used: Set(picker.used), citations: &citations)
        // What the company's front page leads with, as read: the newest the sources hold.
        let frontPageStories = documents.first { document in
            SourceDocument.isFrontPage(document.url) && !document.headlines.isEmpty
                && Self.isCompanySite(document, companies: companyNames, domain: companyDomain)
        }.map { document in
            NewsItem(date: DateText.day(document.fetchedAt), title: "Headlines on its front page",
                     sentence: document.headlines.joined(separator: "; "), source: citations.number(for: document))
        }
        let news = Array(([frontPageStories].compactMap { $0 } + newsItems(
            documents: documents, excluding: aboutPersonDocuments.union(writing.documents), sentences: sentences, ranker: ranker,
            pool: pool, person: personMatcher, companies: companyNames.map(NameMatcher.init), used: Set(picker.used),
            citations: &citations)).prefix(5))
        // What else its own site offers, as the pages read show it (a newsletter, a podcast): an undated page
        // of its site that does not name the person, by its title and the section of the site it sits in.
        let offered = documents.lazy.compactMap { document -> CitedSentence? in
            guard document.published == nil, !SourceDocument.isFrontPage(document.url),
                  Self.isCompanySite(document, companies: companyNames, domain: companyDomain),
                  let title = document.title, (1...5).contains(title.split(separator: " ").count),
                  let section = Self.siteSection(document.url), NameMatcher.fold(section) != NameMatcher.fold(title),
                  !personMatcher.isMentioned(in: NameMatcher.fold(title + " " + document.text)) else { return nil }
            return CitedSentence(text: "Also on its site: " + title + " (" + section + "), which does not mention " + subject.name,
                                 source: citations.number(for: document))
        }.first
        // A fact read from a page (the address in its footer) cites the page.
        let companyFacts = discovery.companyFacts.map { fact in
            TimelineEntry(fact, source: documents.first { $0.url == fact.sourceURL }.map { citations.number(for: $0) }
                          ?? citations.number(forFact: fact, readAt: generatedAt))
        }

        // More about the person: what no other section holds, fact-dense sentences and table rows first.
        // A sentence in their own words (their site, an interview's answers) counts only when it
        // tells a dated step of the career, and is quoted; the rest of their words have their section.
        // Nor what a news item or their writing already tells.
        let toldElsewhere = writing.items.compactMap(\.sentence) + news.compactMap(\.sentence)
        let stepEvidence = Set(knowledge.steps.map(\.event.evidence))
        let candidates = aboutPerson.filter {
            let sentence = sentences[$0]
            guard !usedTexts.contains(sentence.text), !toldElsewhere.contains(where: { $0.contains(sentence.text) }), sentence.wordCount <= 50
            else { return false }
            // A by-line ("Written by Michael Larabel in Valve on 1 June 2019") and the publisher's own
            // "we" ("Experience is thrilled to have … as our new CEO") are no facts about them.
            if Self.isByline(sentence.text) || Self.speaksAsCompany(sentence) && sentence.person == .named { return false }
            // Nor is a preamble, or a roll of names they are one of ("Members of the board are …").
            if Self.isPreamble(sentence.folded) || Self.isNameList(sentence.text) { return false }
            // Their own words that the profile and timeline already tell as steps are not quoted again, nor
            // a step's sentence that names them only by a pronoun ("Together, they led …"): out of its
            // paragraph it says less than the profile line.
            if sentence.person == .firstPerson || sentence.person == .pronoun, stepEvidence.contains(sentence.text) { return false }
            // An exclamation is the page's enthusiasm, not a fact ("… couldn't ignore the connection!").
            if sentence.text.hasSuffix("!") { return false }
            return sentence.person != .firstPerson
                || (SentenceCues.matches(SentenceCues.career, in: sentence.folded) && Self.hasYear(sentence.text))
        }
        // Rows of a profile's tables (a list naming them) first; a publication list is read as their works.
        // A row of the company's page ("Key people · …") is the company's, not theirs.
        let rows = picker.pick(candidates.filter {
            sentences[$0].paragraph < 0 && !knowledge.publicationLists.contains(sentences[$0].document)
                && !Self.isAboutCompany(documents[sentences[$0].document], companies: companyNames)
        }, count: 3)
        let mentions = rows + picker.pick(candidates.filter { sentences[$0].paragraph >= 0 }, count: 12 - rows.count)
        let goal = meeting?.goal ?? profile.goals.first ?? profile.careerGoals.first
        let latestYear = documents.compactMap { $0.published.flatMap(EventDate.init(iso:))?.year }.max()
        // What pages report them saying ("… said that …"), for questions about their views.
        var views: [(text: String, source: Int)] = []
        for index in aboutPerson where sentences[index].speaker == .narrator && views.count < 3 {
            if let view = QuestionPlanner.reportedView(in: sentences[index].text, person: personMatcher) {
                views.append((view, citations.number(for: documents[sentences[index].document])))
            }
        }
        // The industry their own words or the company's pages name, for the question on what is changing in it.
        // A company page's sentence counts when it names a recent year: "as the smartphone industry boomed in
        // the late 2000s" is history.
        let industry = (all.filter { sentences[$0].person == .firstPerson }
                        + all.filter { sentences[$0].company && sentences[$0].years.contains { $0 >= currentYear - 8 } })
            .lazy.compactMap { index in
                QuestionPlanner.industry(in: sentences[index].text).map { ($0, citations.number(for: documents[sentences[index].document])) }
            }.first
        // What they said they were making or planning, in their own words, dated by the page.
        var offerings: [(name: String, year: Int?, source: Int)] = []
        let namingWords = ["called", "named", "launch", "introduc", "unveil"]
        for index in all where (sentences[index].speaker == .subject || sentences[index].person == .firstPerson)
            && offerings.count < 2 && namingWords.contains(where: { TextSearch.occurs($0, in: sentences[index].folded) })
            && !Sensitivity.touches(sentences[index].text) {
            guard let name = QuestionPlanner.offering(in: sentences[index].text, excluding: companyNames + [subject.name]),
                  !offerings.contains(where: { $0.name == name }) else { continue }
            let document = documents[sentences[index].document]
            offerings.append((name, document.published.flatMap(EventDate.init(iso:))?.year, citations.number(for: document)))
        }
        let slots = QuestionPlanner.slots(
            steps: knowledge.steps, current: career.currentRole, quotes: questionQuotes, views: views, industry: industry,
            offerings: offerings,
            goal: goal,
            latestYear: latestYear, cite: citeEvent)
        let questions = QuestionPlanner(banks: banks, companyName: companyNames.first, goal: goal).questions(from: slots)

        let commonGround = CommonGround.lines(profile: profile, steps: knowledge.steps, cite: citeEvent)

        // Where the company is, when the headline names it: "President and CEO, Experience (Atlanta)".
        var headline = career.headline
        if let text = headline, companyNames.contains(where: { SentencePool.occursCapitalised($0, in: text) }),
           let town = discovery.companyFacts.lazy.filter({ $0.kind == .address }).compactMap({ PostalAddress.town(in: $0.value) }).first {
            headline = text + " (" + town + ")"
        }

        var dossier = Dossier(
            subject: subject, identity: discovery.identity, company: discovery.company, headline: headline,
            meeting: MeetingLine(when: meeting?.whenText, place: meeting?.place, via: meeting?.via, goal: meeting?.goal ?? profile.goals.first),
            profile: profileLines, timeline: timeline, ownWords: ownWords, mentions: mentions.map { index in
                var cited = cite(index)
                if sentences[index].person == .firstPerson {
                    cited.text = "“" + cited.text + "”"
                } else {
                    cited.text = Self.withAntecedent(sentences[index], pool: pool)
                }
                return cited
            },
            writing: writing.items,
            companyProfile: CompanyProfile(facts: companyFacts, sentences: (frontPage.map { index in
                [CitedSentence(text: documents[index].profileSummary!, source: citations.number(for: documents[index]))]
            } ?? definition.map { [CitedSentence(text: $0.text, source: citations.number(for: documents[$0.document]))] }
                ?? selfDescription.map { sentence in
                    [CitedSentence(text: (discovery.company.name ?? subject.company ?? "The company") + ", on its own site: “" + sentence.text + "”",
                                   source: citations.number(for: documents[sentence.document]))]
                } ?? [])
                + companySentences.map { index in
                // Another speaker's words keep their name, as the page gives it ("Rick: All of our ads …").
                var cited = cite(index)
                // A measure goes on with the sentence that says more of the same measure ("… roughly 85% of
                // their revenue comes from their contract with Google").
                if scale.contains(index), let next = pool.after(sentences[index]), Self.hasFigure(next.text),
                   Self.sizeCues.contains(where: { NameMatcher.containsWords($0, in: next.folded) && NameMatcher.containsWords($0, in: sentences[index].folded) }),
                   next.wordCount + sentences[index].wordCount <= 50, !Sensitivity.touches(next.text) {
                    cited.text += " " + next.text
                }
                // A speaker's words are dated by their page: what they planned then may have changed.
                let said = documents[sentences[index].document].published.flatMap(EventDate.init(iso:)).map { ", " + $0.text } ?? ""
                switch sentences[index].speaker {
                case .other(let name):
                    let full = SpeakerReader.fullName(of: name, in: documents[sentences[index].document].text)
                    cited.text = full + said + ": “" + cited.text + "”"
                // Their own answer about the business is quoted as theirs, not stated as fact.
                case .subject: cited.text = subject.name + said + ": “" + cited.text + "”"
                default: break
                }
                return cited
            } + [offered].compactMap { $0 }, news: news),
            industry: IndustryContext(),
            questions: questions, commonGround: commonGround,
            // Counted in the budget with every page cited so far; written again below for the
            // pages left once it is fitted (notes only go, never come).
            careNotes: CareNotes.notes(documents: documents, pool: pool.sentences, person: personMatcher, subject: subject,
                                       companies: companyNames, cited: Set(citations.sources.map(\.url)), generatedAt: generatedAt),
            preparation: PreparationNotes(name: profile.name, meetingGoals: [], careerGoals: profile.careerGoals,
                                          background: profile.background, practiceQuestions: banks.practice),
            checklist: checklist(),
            sources: [], failed: Self.listed(discovery.outcomes, .failed), skipped: Self.listed(discovery.outcomes, .skipped),
            generatedAt: generatedAt
        )
        // The note on the sources heads the body: counted in the budget as the pages cited so far give
        // it, written again below for the pages left.
        dossier.sourceNote = Self.sourceNote(sources: citations.sources, generatedAt: generatedAt)
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
        // The notes speak of the pages the reader holds: written again only when fitting the
        // budget left a page uncited.
        if dossier.sources.count < citations.sources.count {
            dossier.careNotes = CareNotes.notes(documents: documents, pool: pool.sentences, person: personMatcher, subject: subject,
                                                companies: companyNames, cited: Set(dossier.sources.map(\.url)), generatedAt: generatedAt)
        }
        dossier.sourceNote = Self.sourceNote(sources: dossier.sources, generatedAt: generatedAt)
        return dossier
    }

    /// Whether a sentence names a year (four digits from 1900 to 2099 standing alone).
    static func hasYear(_ text: String) -> Bool {
        text.split(whereSeparator: { !$0.isNumber }).contains { EventReader.year(String($0)) != nil }
    }

    /// Words that say what a figure measures of an organisation: its money, its deals, its size.
    static let sizeCues = ["revenue", "revenues", "sales", "profit", "income", "employees", "employs", "staff", "workforce",
                           "funding", "raised", "valuation", "valued", "deal", "fund", "customers", "users", "subscribers",
                           "members", "partners", "readers", "visitors", "budget"]

    /// Whether a sentence gives a measured figure: a number with a percent or currency sign or a
    /// thousands separator, or followed by "percent", "per cent", "million" or "billion".
    static func hasFigure(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        for (index, word) in words.enumerated() where word.contains(where: \.isNumber) {
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:)(”\""))
            if bare.contains("%") || bare.hasPrefix("$") || bare.hasPrefix("€") || bare.hasPrefix("£") { return true }
            // "20,000", not a version or a date ("17.2", "01.02.2021").
            if bare.range(of: #"^[0-9]{1,3}(,[0-9]{3})+$"#, options: .regularExpression) != nil { return true }
            let next = words.dropFirst(index + 1).prefix(2).map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }
            if let unit = next.first, ["percent", "million", "billion"].contains(unit) || unit == "per" && next.dropFirst().first == "cent" {
                return true
            }
        }
        return false
    }

    /// The sentence, with the one before it when it leans on it ("… acknowledged that this is not a
    /// complete solution": what "this" is comes first), short and free of sensitive topics.
    static func withAntecedent(_ sentence: PoolSentence, pool: SentencePool) -> String {
        guard pointsBack(sentence.text), let before = pool.before(sentence), before.wordCount + sentence.wordCount <= 50,
              !Sensitivity.touches(before.text) else { return sentence.text }
        return before.text + " " + sentence.text
    }

    /// Whether a sentence leans on the one before it for what it speaks of: "this" or "these" as a
    /// subject, or an opening "That" ("… acknowledged that this is not a complete solution").
    static func pointsBack(_ text: String) -> Bool {
        let words = text.split(separator: " ").map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }
        let verbs: Set<String> = ["is", "was", "are", "were", "has", "had", "would", "will", "could", "led", "meant", "means"]
        // "that" after a noun starts a relative clause ("the team that is rebuilding …"): only "that"
        // opening the sentence points back.
        return words.indices.dropLast().contains { index in
            (["this", "these"].contains(words[index]) || words[index] == "that" && index == 0) && verbs.contains(words[index + 1])
                && (index == 0 || !["all", "and", "so", "such"].contains(words[index - 1]))
        }
    }

    /// Whether a sentence only announces what follows it ("… shared the below communication with
    /// employees this morning"): a preamble, not a statement.
    static func isPreamble(_ folded: String) -> Bool {
        ["the below", "below is", "as follows"].contains { NameMatcher.containsWords($0, in: folded) } || folded.hasSuffix(":")
    }

    /// Whether a sentence is mostly a roll of people's names: five or more items, separated by commas
    /// and a last "and", most of them two to four capitalised words, particles aside ("Satya
    /// Nadella, Reid Hoffman, Hugh Johnston, … and Padmasree Warrior").
    static func isNameList(_ text: String) -> Bool {
        let items = text.replacingOccurrences(of: " and ", with: ", ").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
        guard items.count >= 5 else { return false }
        let names = items.filter { item in
            let words = item.split(separator: " ").filter { !NameMatcher.particles.contains(String($0)) }
            return (2...4).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
        }
        return Double(names.count) >= 0.6 * Double(items.count)
    }

    /// "Written by …", "Posted by …", "By …": a page's by-line.
    static func isByline(_ text: String) -> Bool {
        ["written by ", "posted by ", "by ", "published by "].contains { text.lowercased().hasPrefix($0) }
    }

    /// The day a by-line gives ("… on 1 June 2019 at 08:34 PM EDT"), as `yyyy-MM-dd`.
    static func bylineDate(_ text: String) -> String? {
        let words = text.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
        for index in words.indices.dropFirst().dropLast() {
            guard let month = EventDate.monthNames.firstIndex(of: words[index].lowercased()) else { continue }
            let day = Int(words[index - 1]) ?? Int(words[index + 1])
            let yearWord = Int(words[index - 1]) != nil ? words[index + 1] : (index + 2 < words.count ? words[index + 2] : "")
            guard let day, (1...31).contains(day), let year = EventReader.year(yearWord) else { continue }
            return String(format: "%04d-%02d-%02d", year, month + 1, day)
        }
        return nil
    }

    /// Whether a narrator's sentence speaks in the company's own voice ("we", "our").
    static func speaksAsCompany(_ sentence: PoolSentence) -> Bool {
        sentence.speaker == .narrator && ["we", "our", "us", "we're", "we've"].contains { NameMatcher.containsWords($0, in: sentence.folded) }
    }

    /// Whether an interview question asks about the organisation: its business, plans or products.
    static func asksAboutBusiness(_ question: String) -> Bool {
        let folded = NameMatcher.fold(question)
        return ["business", "company", "horizon", "plans", "product", "products", "customers", "partners", "mission", "strategy",
                "next for", "team"].contains { NameMatcher.containsWords($0, in: folded) }
    }

    /// Whether a page is about the company: titled with its name ("Microsoft — Wikipedia").
    static func isAboutCompany(_ document: SourceDocument, companies: [String]) -> Bool {
        guard let title = document.title.map(NameMatcher.fold) else { return false }
        return companies.map(NameMatcher.fold).contains { title == $0 || title.hasPrefix($0 + " - ") || title.hasPrefix($0 + " — ") }
    }

    /// Whether a page is the company's own: on its domain, or its site named as the company.
    static func isCompanySite(_ document: SourceDocument, companies: [String], domain: String?) -> Bool {
        if let domain, SentencePool.isOnDomain(document.url, domain) { return true }
        // A host named as the company: phoronix.com for Phoronix Media's core name "Phoronix".
        let labels = (URLComponents(string: document.url)?.host?.lowercased() ?? "").split(separator: ".").map(String.init)
        let squashed = companies.map { NameMatcher.fold($0).filter { $0.isLetter || $0.isNumber } }
        if labels.dropLast().contains(where: { label in squashed.contains { $0.count >= 4 && $0 == label } }) { return true }
        guard let site = document.siteName.map(NameMatcher.fold), !site.isEmpty else { return false }
        return companies.map(NameMatcher.fold).contains { $0 == site || NameMatcher.containsWords($0, in: site) && site.count <= $0.count + 12 }
    }

    /// What the cited sources are and how old, so the reader knows what to confirm: "One source:
    /// Experience, 2018-04-09. It is 8 years old: check that the role is still current."
    static func sourceNote(sources: [CitedSource], generatedAt: Date) -> String? {
        guard !sources.isEmpty else { return nil }
        let dates = sources.compactMap { ($0.updated ?? $0.published).flatMap(EventDate.init(iso:)) }.sorted()
        var note: String
        if sources.count == 1, let only = sources.first {
            let named = [only.site ?? only.title, only.published].compactMap { $0 }
            note = named.isEmpty ? "One source" : "One source: " + named.joined(separator: ", ")
        } else {
            note = "\(sources.count) sources"
            if let first = dates.first, let last = dates.last, first != last { note += ", dated \(first.text) to \(last.text)" }
        }
        let year = Calendar(identifier: .gregorian).component(.year, from: generatedAt)
        if let last = dates.last, year - last.year >= 2 {
            note += ". The newest is \(year - last.year) years old: check that the role is still current"
        }
        return note + "."
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

    /// Up to five pages with a publication date (encyclopedia articles aside): those naming the
    /// person first, then those naming the company, then the rest, newest first within each;
    /// shown newest first, each with its best-ranked sentence (or its first, when none was
    /// ranked) unless that only repeats the title.
    private func newsItems(documents: [SourceDocument], excluding: Set<Int>, sentences: [PoolSentence], ranker: SentenceRanker,
                           pool: SentencePool, person: NameMatcher, companies: [NameMatcher], used: Set<Int>,
                           citations: inout CitationTable) -> [NewsItem] {
        let encyclopedias = ["wikipedia.org", "wikidata.org"]
        let dated = documents.indices.filter { index in
            guard let published = documents[index].published, published.count >= 4, Int(published.prefix(4)) != nil else { return false }
            let host = URLComponents(string: documents[index].url)?.host?.lowercased() ?? ""
            return !encyclopedias.contains { host == $0 || host.hasSuffix("." + $0) }
        }
        // A page about the person (titled with their name) is their profile, not news.
        let datedNews = dated.filter { !excluding.contains($0) }
        func tier(_ index: Int) -> Int {
            let folded = NameMatcher.fold((documents[index].title ?? "") + " " + documents[index].text)
            return person.isMentioned(in: folded) ? 0 : companies.contains { $0.isMentioned(in: folded) } ? 1 : 2
        }
        let tiers = Dictionary(uniqueKeysWithValues: datedNews.map { ($0, tier($0)) })
        var seenTitles = Set<String>()
        let chosen = datedNews
            .sorted { (tiers[$0]!, documents[$1].published!, $0) < (tiers[$1]!, documents[$0].published!, $1) }
            .filter { seenTitles.insert(NameMatcher.fold(documents[$0].title ?? documents[$0].url)).inserted }
            .prefix(5)
            .sorted { (documents[$1].published!, $0) < (documents[$0].published!, $1) }
        return chosen.map { index in
            let document = documents[index]
            return NewsItem(date: String(document.published!.prefix(10)), title: document.title ?? document.url,
                            sentence: telling(index, documents: documents, sentences: sentences, ranker: ranker, pool: pool, used: used),
                            source: citations.number(for: document))
        }
    }

    /// Up to three pages the person wrote (their by-line, or their own site beyond its homepage and
    /// about pages; an interview is not theirs), newest first (undated last), each with its most
    /// telling sentence.
    private func writingItems(documents: [SourceDocument], person: NameMatcher, ownDomain: String?, sentences: [PoolSentence],
                              pool: SentencePool, used: Set<Int>,
                              citations: inout CitationTable) -> (items: [NewsItem], documents: Set<Int>) {
        let written = documents.indices.filter { index in
            let document = documents[index]
            guard document.title != nil, !document.interviewsPerson else { return false }
            if document.authors.contains(where: { person.matchesFullName(in: NameMatcher.fold($0)) }) { return true }
            guard let ownDomain, SentencePool.isOnDomain(document.url, ownDomain) else { return false }
            let path = URLComponents(string: document.url)?.path.lowercased() ?? ""
            let profilePages = ["about", "bio", "cv", "resume", "contact"]
            return !SourceDocument.isFrontPage(document.url) && !profilePages.contains { path.contains($0) }
        }
        let newestFirst = written.sorted { ((documents[$1].published ?? ""), $0) < ((documents[$0].published ?? ""), $1) }.prefix(3)
        // What a piece is about is in its opening: the first sentence of its text, a by-line naming
        // them aside ("Written by Michael Larabel in Valve on 1 June 2019").
        let usedIDs = Set(used.map { sentences[$0].id })
        let items = newestFirst.map { index in
            let document = documents[index]
            let foldedTitle = NameMatcher.fold(document.title ?? document.url)
            let text = pool.sentences.filter { $0.document == index && $0.paragraph >= 0 }
            let first = text.firstIndex {
                $0.wordCount >= 8 && $0.person != .named && !$0.folded.contains(foldedTitle) && !usedIDs.contains($0.id)
                    && !Sensitivity.touches($0.text)
            }
            // Without a published date, the by-line's ("Written by … on 1 June 2019").
            var date = document.published.map { String($0.prefix(10)) }
                ?? text.lazy.filter { Self.isByline($0.text) }.compactMap { Self.bylineDate($0.text) }.first ?? ""
            var lead: String?
            if let first {
                var opening = Self.withoutDateline(text[first].text)
                if date.isEmpty, let dateline = opening.date { date = dateline }
                // A short opening leaves the point to the sentence after it, in the same paragraph.
                let next = first + 1
                if text[first].wordCount < 20, next < text.count, text[next].paragraph == text[first].paragraph,
                   text[first].wordCount + text[next].wordCount <= 40, !usedIDs.contains(text[next].id),
                   !Sensitivity.touches(text[next].text),
                   text[next].text.filter({ $0 == "(" }).count == text[next].text.filter({ $0 == ")" }).count {
                    opening.text += " " + text[next].text
                }
                // A report's point is often its first figure ("… rose to 0.84%"): when the opening has
                // none, the first of the next three sentences that has one follows it.
                if !Self.hasFigure(opening.text),
                   let figure = text.indices.dropFirst(first + 1).prefix(3).first(where: { Self.hasFigure(text[$0].text) }),
                   !usedIDs.contains(text[figure].id), !Sensitivity.touches(text[figure].text),
                   text[first].wordCount + text[figure].wordCount <= 50 {
                    opening.text = Self.withoutDateline(text[first].text).text
                        + (figure == first + 1 ? " " : " … ") + text[figure].text
                }
                lead = opening.text
            }
            return NewsItem(date: date, title: document.title ?? document.url, sentence: lead, source: citations.number(for: document))
        }
        return (items, Set(written))
    }

    /// An essay's opening sentence without the dateline the page begins with ("October 2014(This
    /// essay is derived from …" is "This essay is derived from …", dated "2014-10"), and without a
    /// parenthesis the sentence opens and never closes.
    static func withoutDateline(_ sentence: String) -> (text: String, date: String?) {
        var text = Substring(sentence)
        var date: String?
        let words = text.split(separator: " ", maxSplits: 2)
        if words.count >= 2, let month = EventDate.monthNames.firstIndex(of: words[0].lowercased()) {
            let digits = words[1].prefix { $0.isNumber }
            if digits.count == 4, let year = Int(digits), EventReader.year(String(digits)) != nil {
                date = String(format: "%04d-%02d", year, month + 1)
                text = text.dropFirst(words[0].count + 1 + digits.count).drop { $0 == " " }
            }
        }
        if text.first == "(", !text.contains(")") { text = text.dropFirst() }
        return (String(text), date)
    }

    /// A page's most telling sentence: its best-ranked one not yet used elsewhere, else the
    /// opening sentence that carries most of the page's own key phrases; never one that only
    /// repeats the title.
    private func telling(_ index: Int, documents: [SourceDocument], sentences: [PoolSentence], ranker: SentenceRanker,
                         pool: SentencePool, used: Set<Int>) -> String? {
        let document = documents[index]
        let foldedTitle = NameMatcher.fold(document.title ?? document.url)
        let best = sentences.indices.filter {
            sentences[$0].document == index && !sentences[$0].folded.contains(foldedTitle) && !used.contains($0)
                && !Self.isPreamble(sentences[$0].folded)
        }
            .max { (ranker.scores[$0], $1) < (ranker.scores[$1], $0) }
        if let best {
            let sentence = sentences[best]
            // A line of a labelled card ("Notable feature: …") goes with the card's line just before it, which
            // names what it is about ("Product in focus: Microsoft Cloud for Healthcare").
            if Self.labelledLine(sentence.text), let found = document.text.range(of: sentence.text),
               let previous = document.text[..<found.lowerBound].split(separator: "\n").last.map(String.init),
               document.text[..<found.lowerBound].hasSuffix("\n"), previous.split(separator: " ").count <= 10,
               Self.labelledLine(previous), !previous.hasSuffix(".") {
                return previous + " · " + sentence.text
            }
            return Self.withAntecedent(sentence, pool: pool)
        }
        let usedIDs = Set(used.map { sentences[$0].id })
        let opening = pool.sentences.filter {
            $0.document == index && $0.wordCount >= 8 && $0.paragraph >= 0 && !$0.folded.contains(foldedTitle)
                && !usedIDs.contains($0.id) && !Self.isPreamble($0.folded)
        }.prefix(10)
        let phrases = KeyPhraseExtractor.keyPhrases(in: document.text, count: 5).map(NameMatcher.fold)
        return opening.enumerated().max { a, b in
            func score(_ item: (offset: Int, element: PoolSentence)) -> Double {
                Double(phrases.filter { NameMatcher.containsWords($0, in: item.element.folded) }.count) - Double(item.offset) * 0.1
            }
            return (score(a), b.offset) < (score(b), a.offset)
        }?.element.text
    }

    /// The section of a site a page sits in, as its address names it: "newsletters" for
    /// /newsletters/axios-future-7120…; nil for a page at the root or a section that is no word.
    static func siteSection(_ url: String) -> String? {
        guard let path = URLComponents(string: url)?.path else { return nil }
        let segments = path.split(separator: "/")
        guard segments.count >= 2, let first = segments.first, first.count >= 3,
              first.allSatisfy({ $0.isLetter || $0 == "-" }), !["index", "en", "de", "fr", "www"].contains(first.lowercased()) else { return nil }
        return first.replacingOccurrences(of: "-", with: " ").lowercased()
    }

    /// "Notable feature: …": a line that opens with a short label (one to four words) and a colon.
    static func labelledLine(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let label = text[..<colon].split(separator: " ")
        return (1...4).contains(label.count) && label.first?.first?.isUppercase == true && text[text.index(after: colon)...].hasPrefix(" ")
    }

    /// What `current` has that `previous` did not, at most five lines: timeline lines first
    /// (changed roles), then news, then other sentences.
    static func changes(from previous: Dossier, to current: Dossier) -> DossierChanges {
        func sentences(_ dossier: Dossier) -> [CitedSentence] {
            dossier.profile.compactMap { line in line.source.map { CitedSentence(text: line.text, source: $0) } }
                + dossier.ownWords.map { CitedSentence(text: $0.text, source: $0.source) } + dossier.companyProfile.sentences
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

    /// Drops the least necessary lines until the body fits: key phrases and trends, news beyond
    /// two, company lines beyond two, quotes beyond three, biography lines, timeline lines
    /// beyond eight, practice questions, questions beyond eight, the checklist beyond four.
    static func fitBudget(_ dossier: inout Dossier, words budget: Int) {
        // Rendering is exact but costs a full render: drop lines by their estimated words,
        // and render again only to check when the estimate says the body fits.
        var words = bodyWords(dossier)
        while words > budget {
            var removed: String?
            if !dossier.industry.trends.isEmpty { removed = dossier.industry.trends.removeLast().text }
            else if !dossier.industry.keyPhrases.isEmpty { removed = dossier.industry.keyPhrases.removeLast() }
            // Past six lines, more about them says less than the news.
            else if dossier.mentions.count > 6 { removed = dossier.mentions.removeLast().text }
            else if dossier.companyProfile.news.count > 2 {
                // News naming the person outlasts news about the company alone.
                let person = NameMatcher(dossier.subject.name)
                let news = dossier.companyProfile.news
                let index = news.lastIndex { !person.isMentioned(in: NameMatcher.fold($0.title + " " + ($0.sentence ?? ""))) } ?? news.count - 1
                removed = newsLine(dossier.companyProfile.news.remove(at: index))
            }
            else if (dossier.writing?.count ?? 0) > 2 { removed = newsLine(dossier.writing!.removeLast()) }
            else if dossier.companyProfile.sentences.count > 2 { removed = dossier.companyProfile.sentences.removeLast().text }
            else if dossier.mentions.count > 3 { removed = dossier.mentions.removeLast().text }
            else if !dossier.preparation.practiceQuestions.isEmpty {
                removed = dossier.preparation.practiceQuestions.joined(separator: " ")
                dossier.preparation.practiceQuestions = []
            }
            else if dossier.ownWords.count > 3 { removed = dossier.ownWords.removeLast().text }
            else if let index = dossier.profile.lastIndex(where: { $0.label == "Bio" }) { removed = dossier.profile.remove(at: index).text }
            // The oldest steps go first: the latest matter most for the meeting.
            else if dossier.timeline.count > 8 { removed = dossier.timeline.removeFirst().text }
            else if dossier.checklist.count > 4 { removed = dossier.checklist.removeLast().text }
            else if dossier.questions.count > 8 { removed = dossier.questions.remove(at: dossier.questions.count - 2).text }
            else if dossier.companyProfile.facts.count > 3 { removed = TimelineWording.line(dossier.companyProfile.facts.removeLast()) }
            else if dossier.companyProfile.news.count > 1 { removed = newsLine(dossier.companyProfile.news.removeLast()) }
            else if (dossier.writing?.count ?? 0) > 1 { removed = newsLine(dossier.writing!.removeLast()) }
            else if dossier.ownWords.count > 2 { removed = dossier.ownWords.removeLast().text }
            else if !dossier.mentions.isEmpty { removed = dossier.mentions.removeLast().text }
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

    /// Counts a sentence shown elsewhere as picked, so what follows is not its near repeat.
    mutating func include(_ index: Int) {
        if !used.contains(index) { used.append(index) }
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
        number(factURL: fact.sourceURL, readAt: readAt)
    }

    /// A fact is cited to the registry record it came from, named by that registry.
    mutating func number(factURL: String, readAt: Date) -> Int {
        number(url: factURL, title: Self.registryName(of: factURL) + " record", site: nil, published: nil, fetchedAt: readAt)
    }

    /// "Wikidata", "OpenAlex", "ORCID": the name a registry goes by, else the record's host.
    static func registryName(of url: String) -> String {
        let host = URL(string: url)?.host()?.lowercased() ?? url
        let known = ["wikidata.org": "Wikidata", "openalex.org": "OpenAlex", "orcid.org": "ORCID", "dblp.org": "dblp",
                     "github.com": "GitHub", "ycombinator.com": "Hacker News"]
        if let name = known.first(where: { host == $0.key || host.hasSuffix("." + $0.key) })?.value { return name }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
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


