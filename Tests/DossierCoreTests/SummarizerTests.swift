@testable import DossierCore
import Foundation
import Testing

/// A small world about a made-up person, written for these tests.
enum SummaryFixture {
    static let generatedAt = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21

    static func document(_ url: String, _ text: String, title: String? = nil, published: String? = nil,
                         trust: Double = 0.5, rows: [SourceDocument.TableRow] = []) -> SourceDocument {
        SourceDocument(url: url, title: title, siteName: nil, published: published, text: text, sourceName: "test",
                       trust: trust, fetchedAt: generatedAt, tableRows: rows)
    }

    static let biography = document("https://encyclopedia.test/Ada_Quill", """
        Ada Quill is an engineer and executive known for leading Lumen Grid, a maker of battery storage systems.
        Quill studied physics at Harlow University and graduated in 2004. She joined Lumen Grid in 2009 as a field engineer. In 2015, Quill was appointed chief executive of Lumen Grid.
        Lumen Grid was founded in 2001 by Tomas Berg and is headquartered in Rotterdam. The company employs about 900 people.
        Quill said the hardest lesson was "learning to hire people who disagree with me, because they make the product better."
        The weather in Rotterdam was mild that year.
        Retrieved 4 May 2021. "Quill named chief executive". Grid Weekly.
        """, title: "Ada Quill", trust: 0.6)

    static let news = document("https://news.test/lumen-grid-expands", """
        Lumen Grid opened a second factory in Bilbao, its chief executive Ada Quill said on Tuesday.
        Demand for grid-scale battery storage is growing as utilities shift to renewable energy, and the market is expected to double.
        """, title: "Lumen Grid opens Bilbao factory", published: "2026-03-02", trust: 0.4)

    static let discovery = DiscoveryResult(
        identity: Identity(name: "Ada Quill", wikidataID: nil, description: nil, confidence: 0.7, evidence: ["test"],
                           wikipediaTitle: nil, domain: nil, github: nil),
        company: CompanyIdentity(name: "Lumen Grid", wikidataID: nil, domain: nil, wikipediaTitle: nil),
        documents: [biography, news],
        personFacts: [
            StructuredFact(kind: .employer, value: "Lumen Grid", start: "2009", sourceURL: "https://data.test/Q1"),
            StructuredFact(kind: .employer, value: "Lumen Grid", start: "2010", sourceURL: "https://other-data.test/Q1"),
        ],
        companyFacts: [StructuredFact(kind: .headquarters, value: "Rotterdam", sourceURL: "https://data.test/Q2")],
        outcomes: [SourceOutcome(sourceName: "broken", url: "https://broken.test/", kind: .failed, category: .timeout)],
        pagesAboutPerson: 1
    )

    static let banks = SummaryBanks(
        questions: [
            QuestionTemplate(topic: .career, fills: .joined, text: "What made {organisation} the right move for you{in year}?"),
            QuestionTemplate(topic: .opening, fills: .role, text: "What does your work as {title} at {organisation} look like day to day now?"),
            QuestionTemplate(topic: .advice, fills: .goal, text: "With my goal in mind ({goal}), what would you do first in my place?"),
            QuestionTemplate(topic: .advice, fills: nil, text: "What would you do first if starting today?"),
            QuestionTemplate(topic: .industry, fills: nil, text: "What is changing fastest in your field?"),
            QuestionTemplate(topic: .referral, fills: nil, text: "Who else should I talk to?"),
        ],
        avoid: ["salary"],
        checklist: [RoutineStep(when: .letter, text: "Letter sent, naming {via}."), RoutineStep(when: .nextDay, text: "Thank-you note sent by the next day.")],
        practice: ["Tell me about yourself."]
    )

    static func summarize(_ discovery: DiscoveryResult = discovery, banks: SummaryBanks = banks,
                          profile: UserProfile = UserProfile()) -> Dossier {
        DossierSummarizer(banks: banks, profile: profile).summarize(discovery, subject: Subject(name: "Ada Quill", company: "Lumen Grid"),
                                                                  generatedAt: generatedAt)
    }
}

@Suite("summarizer")
struct SummarizerTests {
    @Test("every sentence shown is a sentence of the page it cites; every quotation is verbatim")
    func citationsAreRight() {
        let dossier = SummaryFixture.summarize()
        let cited = dossier.mentions + dossier.companyProfile.sentences + dossier.industry.trends
            + dossier.profile.filter { $0.label == "Bio" }.map { CitedSentence(text: $0.text, source: $0.source!) }
            + dossier.ownWords.map { CitedSentence(text: $0.text.replacingOccurrences(of: " …", with: ""), source: $0.source) }
        #expect(!cited.isEmpty)
        for sentence in cited {
            let source = dossier.sources[sentence.source - 1]
            let document = SummaryFixture.discovery.documents.first { $0.url == source.url }
            #expect(document?.text.contains(sentence.text) == true, "\(sentence.text) is not in \(source.url)")
        }
        for item in dossier.timeline {
            let source = dossier.sources[item.source - 1]
            if let evidence = item.evidence {
                #expect(SummaryFixture.discovery.documents.first { $0.url == source.url }?.text.contains(evidence) == true)
            }
        }
    }

    @Test("the same discovery gives the same dossier, byte for byte")
    func deterministic() throws {
        let first = try JSONRenderer.render(SummaryFixture.summarize())
        let second = try JSONRenderer.render(SummaryFixture.summarize())
        #expect(first == second)
        #expect(MarkdownRenderer.render(SummaryFixture.summarize()) == MarkdownRenderer.render(SummaryFixture.summarize()))
    }

    @Test("the profile has the current role with its date, education and earlier steps; gaps are said")
    func profile() {
        let dossier = SummaryFixture.summarize()
        let lines = Dictionary(dossier.profile.map { ($0.label, $0.text) }, uniquingKeysWith: { first, _ in first })
        #expect(lines["Role"] == "chief executive, Lumen Grid (since 2015; joined 2009)")
        #expect(lines["Education"] == "physics, Harlow University")
        #expect(dossier.headline == "chief executive, Lumen Grid")
        #expect(lines["Not in the sources, so ask"]?.contains("where they are based") == true)
        #expect(dossier.profile.filter { $0.source == nil }.map(\.label) == ["Not in the sources, so ask"])
    }

    @Test("pronoun follow-ups are about the person; unrelated sentences and reference entries are left out")
    func anchoring() {
        let dossier = SummaryFixture.summarize()
        #expect(dossier.timeline.contains { $0.when == "2009" && $0.text == "Joins Lumen Grid" })
        let everything = MarkdownRenderer.render(dossier)
        #expect(!everything.contains("weather"))
        #expect(!everything.contains("Retrieved"))
        #expect(!everything.contains("Grid Weekly"))
    }

    @Test("the timeline is in date order, short, and a step two sources date differently shows both dates")
    func timeline() {
        let dossier = SummaryFixture.summarize()
        let years = dossier.timeline.compactMap { $0.when.map { String($0.suffix(4)) } }
        #expect(years == years.sorted())
        #expect(dossier.timeline.allSatisfy { $0.text.split(separator: " ").count <= 12 })
        let joined = dossier.timeline.first { $0.text == "Joins Lumen Grid" }
        #expect(joined?.when == "2009")
        #expect(joined?.otherDates.map(\.date) == ["2010"])
        #expect(dossier.timeline.contains { $0.when == "2015" && $0.text == "chief executive, Lumen Grid" })
    }

    @Test("quoted lessons go to their own words; the company section has its basics and dated news")
    func sections() {
        let dossier = SummaryFixture.summarize()
        #expect(dossier.ownWords.contains { $0.text.contains("learning to hire people who disagree with me") && $0.label == "Lesson" })
        #expect(dossier.companyProfile.sentences.contains { $0.text.contains("founded in 2001") })
        #expect(dossier.companyProfile.facts.map(\.value) == ["Rotterdam"])
        #expect(dossier.companyProfile.news.map(\.date) == ["2026-03-02"])
        #expect(dossier.companyProfile.news.first?.title == "Lumen Grid opens Bilbao factory")
        #expect(dossier.failed.map(\.sourceName) == ["broken"])
        #expect(dossier.checklist.map(\.text) == ["Letter sent, naming the network contact.", "Thank-you note sent by the next day."])
        #expect(dossier.checklist.allSatisfy { $0.due == nil })
        #expect(dossier.preparation.practiceQuestions == ["Tell me about yourself."])
    }

    /// The citation numbers of a Markdown dossier's body in the order they appear, each once.
    private func citationsInPrint(_ dossier: Dossier) -> [Int] {
        let markdown = MarkdownRenderer.render(dossier)
        let body = markdown[..<markdown.range(of: "\n## Sources")!.lowerBound]
        var seen = Set<Int>()
        return body.matches(of: /\[(\d+)\]/).compactMap { Int($0.output.1) }.filter { seen.insert($0).inserted }
    }

    @Test("sources are numbered in the order a reader meets them, and only cited sources are listed")
    func sourceNumbering() {
        let dossier = SummaryFixture.summarize()
        #expect(dossier.sources.map(\.number) == Array(1...dossier.sources.count))
        #expect(citationsInPrint(dossier) == Array(1...dossier.sources.count))
        #expect(!dossier.sources.contains { $0.url == "https://broken.test/" })
    }

    @Test("a 'what changed' section, printed first, cites the lowest numbers")
    func changedSourcesNumberedFirst() throws {
        var earlier = SummaryFixture.discovery
        earlier.documents = [SummaryFixture.biography]
        let previous = SummaryFixture.summarize(earlier)
        let dossier = DossierSummarizer(banks: SummaryFixture.banks, profile: UserProfile())
            .summarize(SummaryFixture.discovery, subject: Subject(name: "Ada Quill", company: "Lumen Grid"),
                       generatedAt: SummaryFixture.generatedAt.addingTimeInterval(86_400), previous: previous)
        let changes = try #require(dossier.changes)
        #expect(!changes.isEmpty)
        #expect(citationsInPrint(dossier) == Array(1...dossier.sources.count))
    }

    @Test("specific questions are built from typed career values and cite them; generic ones fill; the referral is last")
    func questions() {
        let dossier = SummaryFixture.summarize()
        let specific = dossier.questions.filter { $0.source != nil }
        #expect(specific.contains { $0.text == "What made Lumen Grid the right move for you in 2009?" })
        #expect(specific.contains { $0.text == "What does your work as a chief executive at Lumen Grid look like day to day now?" })
        for question in specific {
            let url = dossier.sources[question.source! - 1].url
            #expect(SummaryFixture.discovery.documents.contains { $0.url == url } || url.hasPrefix("https://data.test"))
        }
        #expect(dossier.questions.last?.topic == .referral)
        #expect(dossier.questions.map(\.topic) == dossier.questions.map(\.topic).sorted())
        #expect(!dossier.questions.contains { $0.text.contains("{") })
    }

    @Test("a fact whose sentence touches an avoided word, or a sensitive topic, never fills a question")
    func avoidedTopics() {
        var banks = SummaryFixture.banks
        banks.avoid = ["learning"]
        let dossier = SummaryFixture.summarize(banks: banks)
        #expect(!dossier.ownWords.contains { $0.text.contains("learning to hire") })
        var world = SummaryFixture.discovery
        world.documents.append(SummaryFixture.document("https://gossip.test/", "Ada Quill joined Harbour Trust in 2012 after her divorce.", trust: 0.9))
        let sensitive = SummaryFixture.summarize(world)
        #expect(!sensitive.questions.contains { $0.text.contains("Harbour Trust") })
        #expect(sensitive.careNotes.contains { $0.contains("family") })
    }

    @Test("the body stays within the word budget")
    func budget() {
        var long = SummaryFixture.discovery
        long.documents.append(SummaryFixture.document("https://long.test/", (1...200).map { number in
            "In \(1900 + number % 120), Ada Quill joined Project \(number) at Site \(number) with colleague Person \(number)."
        }.joined(separator: " "), trust: 0.3))
        var summarizer = DossierSummarizer(banks: SummaryFixture.banks)
        summarizer.bodyWordBudget = 400
        let dossier = summarizer.summarize(long, subject: Subject(name: "Ada Quill"), generatedAt: SummaryFixture.generatedAt)
        #expect(DossierSummarizer.bodyWords(dossier) <= 400)
        #expect(dossier.profile.count >= 2)
    }

    @Test("a meeting is on the first line, dates the checklist and names the contact; once held only follow-ups remain")
    func meeting() {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let startsAt = Date(timeIntervalSince1970: 1_796_308_200)  // 2026-12-03 14:30 UTC, 15:30 in Berlin
        var context = MeetingContext(startsAt: startsAt, timeZone: berlin, via: "Ana Costa", goal: "hear how sales work", callBy: "2026-11-20",
                                     place: "Harbour Café")
        var summarizer = DossierSummarizer(banks: SummaryFixture.banks, meeting: context)
        var dossier = summarizer.summarize(SummaryFixture.discovery, subject: Subject(name: "Ada Quill"), generatedAt: SummaryFixture.generatedAt)
        #expect(dossier.meeting == MeetingLine(when: "Thu 3 Dec 2026, 15:30 (Europe/Berlin)", place: "Harbour Café", via: "Ana Costa",
                                               goal: "hear how sales work"))
        #expect(MarkdownRenderer.render(dossier).contains("**Meeting:** when Thu 3 Dec 2026, 15:30 (Europe/Berlin) · where Harbour Café"))
        #expect(dossier.checklist == [ChecklistItem(text: "Letter sent, naming Ana Costa.", due: "2026-11-13"),
                                      ChecklistItem(text: "Thank-you note sent by the next day.", due: "2026-12-04")])
        #expect(dossier.questions.contains { $0.text.contains("hear how sales work") })
        context.held = true
        summarizer.meeting = context
        dossier = summarizer.summarize(SummaryFixture.discovery, subject: Subject(name: "Ada Quill"), generatedAt: SummaryFixture.generatedAt)
        #expect(dossier.checklist.map(\.text) == ["Thank-you note sent by the next day."])
    }

    @Test("the reader's background and goals come from the [me] table; common ground is proved by a source")
    func preparation() {
        let profile = UserProfile(name: "Sam", goals: ["learn how grid storage is sold"], careerGoals: ["move into energy"],
                                  background: "Ten years in logistics software.", schools: ["Harlow University"])
        let dossier = SummaryFixture.summarize(profile: profile)
        #expect(dossier.meeting.goal == "learn how grid storage is sold")
        #expect(MarkdownRenderer.render(dossier).contains("Career goals: move into energy"))
        #expect(dossier.commonGround.map(\.text) == ["You both studied at Harlow University."])
    }

    @Test("a field they work on that the reader named among their interests is common ground, cited to its record")
    func sharedInterest() {
        var discovery = SummaryFixture.discovery
        discovery.personFacts.append(StructuredFact(kind: .field, value: "grid storage", sourceURL: "https://openalex.org/A1"))
        let dossier = SummaryFixture.summarize(discovery, profile: UserProfile(name: "Sam", interests: ["Grid Storage", "sailing"]))
        #expect(dossier.commonGround.map(\.text) == ["You share an interest in grid storage."])
        let source = try? #require(dossier.commonGround.first?.source)
        #expect(dossier.sources.first { $0.number == source }?.title == "OpenAlex record")
        #expect(dossier.profile.contains { $0.label == "Works on" && $0.text.contains("grid storage") })
    }

    @Test("a table row naming the person becomes a line with its column headings")
    func tableRows() {
        var world = SummaryFixture.discovery
        world.documents.append(SummaryFixture.document("https://list.test/awards", "A list of awards.", title: "List of engineering awards", rows: [
            SourceDocument.TableRow(cells: ["2021", "Ada Quill", "Storage", "Rotterdam", "Grid"], headings: ["Year", "Laureate", "Field", "City", "Note"]),
        ]))
        let lines = SentencePool(documents: world.documents, person: NameMatcher("Ada Quill"), companies: [], ownDomain: nil, personName: "Ada Quill")
            .sentences.map(\.text)
        #expect(lines.contains("List of engineering awards: Year: 2021 · Laureate: Ada Quill"))
        // A navigation box ("v t e") on a page about them is a list of links.
        let navigation = SourceDocument.TableRow(cells: ["v t e Lumen Grid", "Ada Quill · Jan Berg · Tomas Berg"], headings: [nil, nil])
        #expect(SentencePool.line(for: navigation, in: SummaryFixture.biography, person: NameMatcher("Ada Quill")) == nil)
    }
}

@Suite("sentence pool")
struct SentencePoolTests {
    @Test("reference marks go, whitespace is made plain")
    func cleaning() {
        #expect(SentencePool.clean("He founded it in 1999.[12] Then\u{00A0}more[citation needed].") == "He founded it in 1999. Then more.")
        #expect(SentencePool.clean("A list [a] of \\[3\\] marks.") == "A list of marks.")
    }

    @Test("headings, reference entries and link lines are not usable sentences")
    func usable() {
        #expect(SentencePool.isUsable("She joined the company in 2009 as an engineer.", wordCount: 9))
        #expect(!SentencePool.isUsable("Early life and education", wordCount: 4))
        #expect(!SentencePool.isUsable("\"Quill named chief executive\". Grid Weekly.", wordCount: 6))
        #expect(!SentencePool.isUsable("Smith, J. Retrieved 4 May 2021 from the archive of the site.", wordCount: 12))
        #expect(SentencePool.isUsable("Opponents noted that she also wrote much of the JavaScript code herself.", wordCount: 12))
    }

    @Test("on the person's own site, first-person sentences are theirs")
    func firstPerson() {
        let essay = SummaryFixture.document("https://adaquill.test/essay", "I started my first company in 2003 because nobody would hire me. The sky was grey over the harbour that day.")
        let pool = SentencePool(documents: [essay], person: NameMatcher("Ada Quill"), companies: [], ownDomain: "adaquill.test", personName: "Ada Quill")
        #expect(pool.sentences.map(\.person) == [.firstPerson, .none])
        let elsewhere = SentencePool(documents: [essay], person: NameMatcher("Ada Quill"), companies: [], ownDomain: "other.test", personName: "Ada Quill")
        #expect(elsewhere.sentences.allSatisfy { $0.person == .none })
    }

    @Test("years are four-digit numbers from 1900 to 2099 standing alone")
    func years() {
        #expect(SentencePool.years(in: "In 1995, then 2004–2010, not 12345 nor 1899 nor 2004s.") == [1995, 2004, 2010])
    }
}

@Suite("sentence splitting")
struct SentenceSplitterTests {
    @Test("abbreviations, initials and decimals do not end sentences; a company suffix before a new sentence does")
    func splitting() {
        #expect(SentenceSplitter.sentences(in: "Dr. J. Smith paid 3.5 million. He left.") == ["Dr. J. Smith paid 3.5 million.", "He left."])
        #expect(SentenceSplitter.sentences(in: "She runs Acme, Inc. Other work includes teaching.")
                == ["She runs Acme, Inc.", "Other work includes teaching."])
        #expect(SentenceSplitter.sentences(in: "He joined Acme Inc. Boston in 2004.") == ["He joined Acme Inc. Boston in 2004."])
    }
}

@Suite("sentence cues")
struct SentenceCueTests {
    @Test("'since' counts as a career pattern only before a year")
    func sinceYear() {
        #expect(SentenceCues.hasSinceYear("she has led the group since 2014."))
        #expect(!SentenceCues.hasSinceYear("since we were going to california, i bought a car."))
    }

    @Test("'The company' and 'It' continue a paragraph about the company")
    func companyFollowUp() {
        let page = SummaryFixture.document("https://c.test/", "Lumen Grid makes batteries for utilities. The company employs 900 people in three countries. Rain fell all week on the coast.")
        let pool = SentencePool(documents: [page], person: NameMatcher("Ada Quill"), companies: ["Lumen Grid"], ownDomain: nil, personName: "Ada Quill")
        #expect(pool.sentences.map(\.company) == [true, true, false])
    }
}

@Suite("question wording and care notes")
struct QuestionWordingTests {
    @Test("a title in lower case takes an article in a question; a capitalised one stands as it is")
    func articles() {
        #expect(QuestionPlanner.withArticle("front end engineer") == "a front end engineer")
        #expect(QuestionPlanner.withArticle("engineering manager") == "an engineering manager")
        #expect(QuestionPlanner.withArticle("President and CEO") == "President and CEO")
        #expect(QuestionPlanner.withArticle("user researcher") == "a user researcher")
        #expect(QuestionPlanner.withArticle("university lecturer") == "a university lecturer")
        #expect(QuestionPlanner.withArticle("honorary professor") == "an honorary professor")
    }

    @Test("care notes speak of the cited pages only: a company page read but not cited is not 'from the company itself'")
    func careNotesOnCitedPages() {
        func page(_ url: String, _ text: String = "Jo Roe joins Acme.") -> SourceDocument {
            SourceDocument(url: url, title: "A page", siteName: nil, published: nil, text: text, sourceName: "test", trust: 0.5,
                           fetchedAt: SummaryFixture.generatedAt)
        }
        let documents = [page("https://blog.example.org/interview"), page("https://www.acme.example/news"),
                         page("https://www.acme.example/newsletters/weekly", "Welcome back to the weekly. Thanks for subscribing.")]
        let subject = Subject(name: "Jo Roe", company: "Acme", domain: "acme.example")
        func notes(citing cited: Set<String>) -> [String] {
            CareNotes.notes(documents: documents, pool: [], person: NameMatcher("Jo Roe"), subject: subject, companies: ["Acme"],
                            cited: cited, generatedAt: SummaryFixture.generatedAt)
        }
        #expect(!notes(citing: ["https://blog.example.org/interview"]).contains { $0.contains("itself") })
        #expect(notes(citing: Set(documents.map(\.url))).contains("One page comes from Acme itself: read its praise as promotion."))
        // Its own newsletter, which does not name them, praises no one.
        #expect(!notes(citing: ["https://www.acme.example/newsletters/weekly"]).contains { $0.contains("itself") })
    }
}
