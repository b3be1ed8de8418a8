@testable import DossierCore
import Foundation
import Testing

/// How steps become the profile, the timeline and questions: publication lists, posts held beside
/// the role, posts left behind, one citation per source.
@Suite("career profile")
struct CareerProfileTests {
    static func dossier(_ documents: [SourceDocument], banks: SummaryBanks = SummaryFixture.banks) -> Dossier {
        let discovery = DiscoveryResult(
            identity: Identity(name: "Ada Quill", wikidataID: nil, description: nil, confidence: 0.7, evidence: ["test"],
                               wikipediaTitle: nil, domain: nil, github: nil),
            company: CompanyIdentity(name: "Lumen Grid", wikidataID: nil, domain: nil, wikipediaTitle: nil),
            documents: documents, personFacts: [], companyFacts: [], outcomes: [], pagesAboutPerson: 1)
        return DossierSummarizer(banks: banks).summarize(discovery, subject: Subject(name: "Ada Quill", company: "Lumen Grid"),
                                                         generatedAt: SummaryFixture.generatedAt)
    }

    static func row(_ cells: String...) -> SourceDocument.TableRow {
        SourceDocument.TableRow(cells: cells, headings: cells.map { _ in nil })
    }

    static let publications = SourceDocument(
        url: "https://scholar.test/citations?user=ada", title: "Ada Quill", siteName: nil, published: nil,
        text: "Ada Quill. Professor of Electrical Engineering, Harlow University.", sourceName: "test", trust: 0.5,
        fetchedAt: SummaryFixture.generatedAt,
        tableRows: [
            row("Citations", "12034", "5012"),
            row("Grid storage at scale J Berg, A Quill Energy Journal 12 (3), 44-51, 2016", "812", "2016"),
            row("Battery ageing in cold climates A Quill, T Berg, M van der Linde, K Osei, P Ruiz Nature Energy 3, 2012", "2301*", "2012"),
            row("A note on inverters A Quill Grid Letters, 2009", "15", "2009"),
            row("Storage markets L van der Maaten, A Quill Utilities Review, 2019", "140", "2019"),
            row("Flow batteries revisited K Osei, A Quill Chemistry of Storage 4, 2021", "97", "2021"),
            row("Inverter sizing for homes A Quill, J Berg Home Energy 2, 2022", "41", "2022"),
            row("Peak shaving in practice T Berg, A Quill Grid Letters 7, 2023", "30", "2023"),
        ])

    @Test("a publication row is split into title, co-authors, year and citations by the citation form of its authors")
    func publicationRow() throws {
        let work = try #require(PublicationRow(
            cells: ["Deep nets for grids Y Lee, Y Bengtsson, A Quill Nature 521 (7553), 436-44, 2015", "108431", "2015"], surname: "Quill"))
        #expect(work == PublicationRow.init(cells: ["Deep nets for grids Y Lee, Y Bengtsson, A Quill Nature", "108431", "2015"], surname: "Quill"))
        #expect(work.title == "Deep nets for grids")
        #expect(work.coauthors == ["Y Lee", "Y Bengtsson"])
        #expect(work.year == 2015)
        #expect(work.count == 108_431)
        #expect(PublicationRow(cells: ["Visualizing grids L van der Maaten, A Quill Journal 9, 2008", "66057"], surname: "Quill")?.coauthors
            == ["L van der Maaten"])
        // A row without the person among its authors, or without an author list, is no work of theirs.
        #expect(PublicationRow(cells: ["Grid storage J Berg, T Berg Energy Journal, 2016", "812"], surname: "Quill") == nil)
        #expect(PublicationRow(cells: ["h-index", "189", "129"], surname: "Quill") == nil)
    }

    @Test("a publication list gives the most cited works, dated, with their co-authors, and its rows are not repeated as mentions")
    func mostCitedWorks() {
        let dossier = Self.dossier([Self.publications])
        let lines = dossier.timeline.map(\.text)
        #expect(lines.contains("Battery ageing in cold climates, with T Berg, M van der Linde, K Osei and others"), "\(lines)")
        #expect(lines.contains("Grid storage at scale, with J Berg"))
        #expect(dossier.timeline.first { $0.text.hasPrefix("Battery ageing") }?.when == "2012")
        // The six most cited: the single-author note with 15 citations is left out.
        #expect(!lines.contains { $0.hasPrefix("A note on inverters") })
        #expect(!dossier.mentions.contains { $0.text.contains("Battery ageing") })
    }

    @Test("the counts beside a publication list are read as citations and h-index, in any language")
    func citationMetrics() throws {
        let bulgarian = [Self.row("Позовавания", "1014339", "553808"), Self.row("h-индекс", "189", "129"), Self.row("i10-индекс", "522", "376")]
        let metrics = try #require(CareerKnowledge.citationMetrics(bulgarian))
        #expect(metrics.text == "1,014,339 times; h-index 189")
        #expect(metrics.evidence == "Позовавания · 1014339 · 553808; h-индекс · 189 · 129")
        #expect(CareerKnowledge.citationMetrics([Self.row("Citations", "12 034", "5 012"), Self.row("h-index", "48", "30")])?.text
            == "12,034 times; h-index 48")
        // Without an h-index the counts could be anything: nothing is said.
        #expect(CareerKnowledge.citationMetrics([Self.row("Citations", "12034", "5012")]) == nil)
        #expect(CareerKnowledge.citationMetrics([Self.row("Visitors", "a lot"), Self.row("h-index", "many")]) == nil)
        var page = Self.publications
        page.tableRows.insert(Self.row("h-index", "48", "30"), at: 1)
        let dossier = Self.dossier([page])
        #expect(dossier.profile.first { $0.label == "Cited" }?.text == "12,034 times; h-index 48")
        #expect(!dossier.timeline.contains { $0.text.contains("h-index") })
    }

    @Test("a school called by the first word of its name goes by the whole name its page gives")
    func fullSchoolName() {
        let text = "I applied to the Accademia di Belli Arti in Florence, which was the oldest. Later I was a student at the Accademia for a year."
        #expect(CareerKnowledge.fullName(of: "Accademia", in: text) == "Accademia di Belli Arti in Florence")
        #expect(CareerKnowledge.fullName(of: "Harlow", in: "She studied at Harlow and then at Harlow University.") == nil)
        #expect(CareerKnowledge.fullName(of: "Accademia", in: "She enrolled at the Accademia di Belle Arti in September 1985.")
            == "Accademia di Belle Arti")
        #expect(CareerKnowledge.fullName(of: "Accademia", in: "She enrolled at the Accademia di Belle Arti in New Orleans, then left.")
            == "Accademia di Belle Arti in New Orleans")
        #expect(CareerKnowledge.fullName(of: "Bank", in: "He joined the Bank of Lumen Grid in 2001.") == "Bank of Lumen Grid")
        // "for" joins a name to what follows it, not the name's own words ("Tesla for CO2 …").
        #expect(CareerKnowledge.fullName(of: "Tesla", in: "Credits sold by Tesla for CO2 emissions rose.") == nil)
        let page = SourceDocument(url: "https://encyclopedia.test/Ada_Quill", title: "Ada Quill", siteName: nil, published: nil,
                                  text: "Ada Quill applied to the Accademia di Belli Arti in Florence, the oldest art school. "
                                      + "In 1990, Quill studied painting at the Accademia.",
                                  sourceName: "test", trust: 0.5, fetchedAt: SummaryFixture.generatedAt)
        let education = Self.dossier([page]).profile.first { $0.label == "Education" }?.text
        #expect(education?.contains("Accademia di Belli Arti in Florence") == true, "\(String(describing: education))")
    }

    @Test("a change led together names who led it with them, from the sentence before")
    func coLead() {
        #expect(CareerKnowledge.namedBeside("Ada Quill", in: "Ada Quill, an engineer in Porto, and Jon Berg, leading the crews out of Lyon, met.")
            == "Jon Berg")
        #expect(CareerKnowledge.namedBeside("Ada Quill", in: "Ada Quill and her team met in Porto.") == nil)
        #expect(CareerKnowledge.namedBeside("Ada Quill", in: "Ada Quill and The Grid Company met in Porto.") == nil)
        let page = SourceDocument(url: "https://gridnews.test/solar", title: "The solar shift", siteName: nil, published: "2026-01-02",
                                  text: "Ada Quill, an engineer in Porto, and Jon Berg, leading the crews out of Lyon, saw the same chance. "
                                      + "Together, they led Lumen Grid's shift to solar storage.",
                                  sourceName: "test", trust: 0.5, fetchedAt: SummaryFixture.generatedAt)
        let led = Self.dossier([page]).profile.first { $0.label == "Led" }?.text
        #expect(led == "Lumen Grid's shift to solar storage (with Jon Berg)", "\(String(describing: led))")
    }

    @Test("leaving is said in the source's verb, on the timeline and in the profile")
    func leavingVerb() {
        func left(_ evidence: String, detail: String? = nil) -> CareerEvent {
            CareerEvent(kind: .left, organisation: "Lumen Grid", detail: detail, date: EventDate(year: 2014), evidence: evidence, document: 0)
        }
        let steppedDown = left("Quill stepped down on April 3, 2014.")
        #expect(CareerSections.leavingText(steppedDown, past: false) == "Steps down from Lumen Grid")
        #expect(CareerSections.leavingText(steppedDown, past: true) == "stepped down from Lumen Grid")
        #expect(CareerSections.leavingText(left("Quill resigned as CEO in 2014.", detail: "CEO"), past: true) == "resigned as CEO, Lumen Grid")
        #expect(CareerSections.leavingText(left("Quill left Lumen Grid in 2014."), past: true) == "left Lumen Grid")
        #expect(CareerSections.leavingText(left("Quill left Lumen Grid in 2014."), past: false) == "Leaves Lumen Grid")
    }

    @Test("each profile line cites the source of every item on it")
    func oneSourcePerLine() {
        let first = SummaryFixture.document("https://one.test/a", "Ada Quill created GridSim, an open simulator.", title: "GridSim")
        let second = SummaryFixture.document("https://two.test/b", "Ada Quill created FlowCheck in 2019.", title: "FlowCheck")
        let dossier = Self.dossier([first, second])
        let known = dossier.profile.filter { $0.label == "Known for" }
        #expect(known.count == 2, "\(dossier.profile)")
        for line in known {
            let cited = dossier.sources.first { $0.number == line.source }?.url
            #expect(line.text.contains("GridSim") ? cited == "https://one.test/a" : cited == "https://two.test/b")
        }
    }

    @Test("what they are known for best comes first, by how often the sources name it; a fourth short name fits the line")
    func knownForBySalience() throws {
        let page = SummaryFixture.document("https://adaquill.test/story", """
            Ada Quill created GridSim, an open simulator. Ada Quill created FlowCheck in 2019. Ada Quill created PeakPlan, a planning tool for utilities.
            Ada Quill created Sun Ledger in 2021. Sun Ledger runs in forty utilities, and Sun Ledger is free. People still ask about Sun Ledger.
            PeakPlan is read by thousands.
            """, title: "Ada Quill's story")
        let known = try #require(Self.dossier([page]).profile.first { $0.label == "Known for" })
        #expect(known.text == "Sun Ledger (2021); PeakPlan; GridSim; FlowCheck (2019)", "\(known.text)")
    }

    @Test("the people they name most in their own story: called by first name alone, never a place, an adjective or their family")
    func storyPeople() throws {
        let story = """
            I grew up in Harlow and moved to New York City in 2001. I met Tomas Berg at a storage fair in Delft, Netherlands.
            I liked Tomas at once. Tomas and I built the first inverter in my kitchen. I asked Tomas to be my partner.
            I then hired Kofi Osei, who had built grids in Ghana. Kofi wrote our first simulator. I still call Kofi every week.
            Kofi and Tomas argued a lot, and I learned from both. I moved to Delft, South Holland, in 2005. I loved Delft.
            I met my wife Maria Ruiz in Delft. Maria and I married in 2008. Maria reads every essay I write. I thank Maria often.
            I worked with Native American tribal utilities. I learned from Native American engineers. I admire Native American designers.
            I wrote about New York City often. I left New York City in 2004. I miss New York City. I think about York now and then.
            """
        let essay = SummaryFixture.document("https://adaquill.test/story", story, title: "My story")
        let pool = SentencePool(documents: [essay], person: NameMatcher("Ada Quill"), companies: ["Lumen Grid"], ownDomain: "adaquill.test",
                                personName: "Ada Quill")
        let found = try #require(StoryPeople.names(documents: [essay], pool: pool.sentences, personName: "Ada Quill", companies: ["Lumen Grid"]))
        #expect(found.names == ["Tomas Berg", "Kofi Osei"], "\(found.names)")
        // A page that is not their own story names nobody.
        let report = SummaryFixture.document("https://news.test/a", story.replacingOccurrences(of: "I ", with: "She "), title: "Report")
        let reportPool = SentencePool(documents: [report], person: NameMatcher("Ada Quill"), companies: [], ownDomain: "adaquill.test",
                                      personName: "Ada Quill")
        #expect(StoryPeople.names(documents: [report], pool: reportPool.sentences, personName: "Ada Quill", companies: []) == nil)
    }

    @Test("a post said in the present is held beside the role; an older post at another organisation is behind them")
    func alsoAndBefore() throws {
        let page = SummaryFixture.document("https://lumengrid.test/team/ada", """
            Ada Quill is the chief executive of Lumen Grid.
            Ada Quill is also the lead developer of the GridSim, FlowCheck, and OpenGrid.org tools.
            In 2004 Ada Quill worked as a field engineer at Harlow Power, and she joined Lumen Grid in 2009. In 2006 Quill was appointed site manager at Harlow Power.
            """, title: "Ada Quill")
        let banks = SummaryBanks(questions: SummaryFixture.banks.questions + [
            QuestionTemplate(topic: .career, fills: .alsoRole, text: "Besides {current}, you are also {title} at {organisation}. How do the two feed each other?"),
        ], avoid: [], checklist: [], practice: [])
        let dossier = Self.dossier([page], banks: banks)
        let also = try #require(dossier.profile.first { $0.label == "Also" })
        #expect(also.text == "lead developer, GridSim, FlowCheck and OpenGrid.org", "\(dossier.profile)")
        #expect(dossier.profile.first { $0.label == "Role" }?.text.hasPrefix("chief executive, Lumen Grid") == true)
        #expect(dossier.profile.first { $0.label == "Before" }?.text.contains("site manager, Harlow Power (2006)") == true, "\(dossier.profile) \(dossier.timeline)")
        #expect(dossier.questions.contains { $0.text == "Besides Lumen Grid, you are also a lead developer at GridSim, FlowCheck and OpenGrid.org. How do the two feed each other?" })
        // A post beside the current one is no move from it.
        #expect(!dossier.questions.contains { $0.text.contains("move from the GridSim") })
    }

    @Test("with few facts, a fact is asked about once more under another topic, never twice under one")
    func reuseForFewFacts() {
        let banks = SummaryBanks(questions: [
            QuestionTemplate(topic: .motivation, fills: .founded, text: "What problem made you start {organisation}{in year}?"),
            QuestionTemplate(topic: .lessons, fills: .founded, text: "What was the hardest early decision at {organisation}?"),
            QuestionTemplate(topic: .lessons, fills: .founded, text: "What would you tell yourself on the first day of {organisation}?"),
            QuestionTemplate(topic: .industry, fills: nil, text: "What is changing fastest in your field?"),
            QuestionTemplate(topic: .referral, fills: nil, text: "Who else should I talk to?"),
        ], avoid: [], checklist: [], practice: [])
        let page = SummaryFixture.document("https://gridsim.test/about", "Ada Quill founded GridSim in 2014.", title: "About")
        let texts = Self.dossier([page], banks: banks).questions.map(\.text)
        #expect(texts.contains("What problem made you start GridSim in 2014?"))
        #expect(texts.contains("What was the hardest early decision at GridSim?"))
        // Under the same topic (lessons) the fact is not asked a third time.
        #expect(!texts.contains("What would you tell yourself on the first day of GridSim?"), "\(texts)")
    }

    @Test("taking a post over from someone gives a question about what they changed")
    func successionQuestion() {
        let banks = SummaryBanks(questions: [
            QuestionTemplate(topic: .career, fills: .succession,
                             text: "You took over from {predecessor} as {title}{in year}. What did you change first, and what did you keep?"),
            QuestionTemplate(topic: .referral, fills: nil, text: "Who else should I talk to?"),
        ], avoid: [], checklist: [], practice: [])
        let page = SummaryFixture.document("https://encyclopedia.test/Lumen_Grid",
                                           "On May 2, 2015, Jan Berg stepped down as CEO of Lumen Grid and was succeeded by Ada Quill.",
                                           title: "Lumen Grid")
        let dossier = Self.dossier([page], banks: banks)
        #expect(dossier.timeline.map(\.text).contains("CEO, Lumen Grid, succeeding Jan Berg"), "\(dossier.timeline)")
        #expect(dossier.questions.map(\.text).contains("You took over from Jan Berg as CEO in 2015. What did you change first, and what did you keep?"))
    }

    @Test("a profile page's summary of short lower-case topics gives the fields they work on; a sentence does not")
    func topicsFromSummary() {
        let profile = SourceDocument(
            url: "https://scholar.test/ada", title: "Ada Quill", siteName: nil, published: nil, text: "Ada Quill.", sourceName: "test",
            trust: 0.5, fetchedAt: SummaryFixture.generatedAt,
            profileSummary: "Professor, Harlow University - Cited by 12 034 - battery storage - power electronics - grid control")
        let line = Self.dossier([profile]).profile.first { $0.label == "Works on" }?.text
        #expect(line == "battery storage; power electronics; grid control")
        let prose = SourceDocument(
            url: "https://ada.test/", title: "Ada Quill", siteName: nil, published: nil, text: "Ada Quill.", sourceName: "test",
            trust: 0.5, fetchedAt: SummaryFixture.generatedAt, profileSummary: "Ada Quill writes about storage and hiring.")
        #expect(Self.dossier([prose]).profile.first { $0.label == "Works on" } == nil)
    }

    @Test("a long career keeps its latest twelve steps, places leaving first")
    func latestSteps() {
        let years = (2001...2014).map { "In \($0), Ada Quill founded Venture\($0)." }.joined(separator: " ")
        let page = SummaryFixture.document("https://encyclopedia.test/Ada_Quill", "Ada Quill moved to Bilbao in 2000. " + years, title: "Ada Quill")
        let timeline = Self.dossier([page]).timeline
        #expect(timeline.count <= 12)
        #expect(timeline.last?.text == "Founds Venture2014", "\(timeline.map(\.text))")
        #expect(!timeline.contains { $0.text.hasPrefix("Based in") })
    }
}
