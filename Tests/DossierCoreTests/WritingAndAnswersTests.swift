@testable import DossierCore
import Foundation
import Testing

/// Pages the person wrote, and what an interview's answers say in their own words.
@Suite("their writing and their answers")
struct WritingAndAnswersTests {
    static func discovery(_ documents: [SourceDocument], domain: String? = nil) -> DiscoveryResult {
        DiscoveryResult(
            identity: Identity(name: "Ada Quill", wikidataID: nil, description: nil, confidence: 0.7, evidence: ["test"],
                               wikipediaTitle: nil, domain: domain, github: nil),
            company: CompanyIdentity(name: "Lumen Grid", wikidataID: nil, domain: nil, wikipediaTitle: nil),
            documents: documents, personFacts: [], companyFacts: [], outcomes: [], pagesAboutPerson: 1)
    }

    static func page(_ url: String, _ text: String, title: String, published: String? = nil, authors: [String] = [],
                     interview: Bool = false) -> SourceDocument {
        SourceDocument(url: url, title: title, siteName: nil, published: published, text: text, sourceName: "test", trust: 0.5,
                       fetchedAt: SummaryFixture.generatedAt, authors: authors, interviewsPerson: interview)
    }

    static let byline = page("https://gridnews.test/2026/storage-prices", """
        Written by Ada Quill in Storage on 2 May 2026.
        Battery storage prices fell again this spring across European grid operators. Utilities in Spain ordered twice as many systems as a year before, and I expect more to follow.
        """, title: "Storage prices fall again", published: "2026-05-02", authors: ["Ada Quill"])

    static let essay = page("https://adaquill.test/essays/hiring.html", """
        March 2021(This essay is derived from a talk I gave to engineering students at Harlow.
        Hiring people who disagree with me made Lumen Grid better, and I learned to look for it.
        """, title: "Hiring for disagreement")

    static let homepage = page("https://adaquill.test/", """
        I am an engineer and the chief executive of Lumen Grid, and I write about energy storage and hiring.
        """, title: "Ada Quill")

    static let interview = page("https://gridnews.test/interview-ada-quill", """
        Ada Quill leads Lumen Grid, a maker of battery storage systems.
        Q: What is the one thing you have learned that helps you most as chief executive?
        A: Listening before deciding is the biggest lesson of my career. I would also add that deciding fast is critical, even when you are unsure.
        Q: How did it feel on your first day?
        A: Nervous and proud! To lead the people I had worked beside for years was a privilege.
        Q: What surprised you most?
        A: The most surprising thing is the number of people outside the company who need time from the chief executive.
        """, title: "Ten questions for Ada Quill", authors: ["Gridnews staff"], interview: true)

    static func summarize(_ documents: [SourceDocument], domain: String? = nil, banks: SummaryBanks = SummaryFixture.banks) -> Dossier {
        DossierSummarizer(banks: banks).summarize(
            discovery(documents, domain: domain), subject: Subject(name: "Ada Quill", company: "Lumen Grid"),
            generatedAt: SummaryFixture.generatedAt)
    }

    @Test("a page with their by-line and a page of their own site are their writing, with the opening that says what each is")
    func writing() throws {
        let dossier = Self.summarize([Self.byline, Self.essay, Self.homepage, Self.interview], domain: "adaquill.test")
        let writing = try #require(dossier.writing)
        #expect(writing.map(\.title) == ["Storage prices fall again", "Hiring for disagreement"])
        // The by-line is no opening: the first sentence after it is, with the next when it is short.
        #expect(writing[0].date == "2026-05-02")
        #expect(writing[0].sentence == "Battery storage prices fell again this spring across European grid operators. "
            + "Utilities in Spain ordered twice as many systems as a year before, and I expect more to follow.")
        // The dateline the essay opens with dates it, and leaves the sentence with its open parenthesis.
        #expect(writing[1].date == "2021-03")
        #expect(writing[1].sentence?.hasPrefix("This essay is derived from a talk I gave") == true)
        // The homepage is their profile and the interview is the interviewer's page: neither is their writing.
        let markdown = MarkdownRenderer.render(dossier)
        #expect(markdown.contains("## Their writing"))
        #expect(!markdown.contains("Ten questions for Ada Quill:"))
        // A page of theirs is not news about the company.
        #expect(!dossier.companyProfile.news.contains { $0.title == "Storage prices fall again" })
    }

    @Test("a dateline is read only as a month and a four-digit year at the start")
    func dateline() {
        #expect(DossierSummarizer.withoutDateline("October 2014(This essay is derived from a lecture.")
            == ("This essay is derived from a lecture.", "2014-10"))
        #expect(DossierSummarizer.withoutDateline("May the best team win (at last).") == ("May the best team win (at last).", nil))
        #expect(DossierSummarizer.withoutDateline("March 12 was the day we shipped.") == ("March 12 was the day we shipped.", nil))
    }

    @Test("an answer's first sentence answers the question; a few words are quoted with the sentence after them")
    func answers() {
        let dossier = Self.summarize([Self.interview])
        let quotes = dossier.ownWords.map(\.text)
        #expect(quotes.contains("Listening before deciding is the biggest lesson of my career."))
        #expect(quotes.contains("Nervous and proud! To lead the people I had worked beside for years was a privilege."))
        // A second lesson of the same answer comes once every kind and every question has one quote.
        #expect(quotes.contains("I would also add that deciding fast is critical, even when you are unsure."))
        // An answer is theirs whatever its grammar: no "I" needed.
        #expect(quotes.contains("The most surprising thing is the number of people outside the company who need time from the chief executive."))
        #expect(!quotes.contains("Nervous and proud!"))
        // What the question asked names the words: a surprise, though they say "need".
        #expect(dossier.ownWords.first { $0.text.hasPrefix("The most surprising") }?.label == "Surprise")
    }

    @Test("a sentence that only says the opposite of a cue is no such quote")
    func negatedCue() {
        let page = Self.page("https://gridnews.test/ada-quill-looks-back", """
            Q: What do you remember of your first product?
            A: I'm not surprised I can't remember much of it, because it did little. We were surprised to find that most buyers were farms, not utilities.
            Q: What came next?
            A: We built a second product for the utilities, and it sold from the first month.
            """, title: "Ada Quill looks back", interview: true)
        let quotes = Self.summarize([page]).ownWords
        #expect(quotes.first { $0.label == "Surprise" }?.text == "We were surprised to find that most buyers were farms, not utilities.")
        #expect(!quotes.contains { $0.text.hasPrefix("I'm not surprised") && $0.label == "Surprise" })
        #expect(OwnWordsPicker.says("surprised", in: "we were surprised"))
        #expect(!OwnWordsPicker.says("surprised", in: "i m not surprised"))
    }

    @Test("a preamble to what follows and a roll of names are no lines about them")
    func preamblesAndRolls() {
        #expect(DossierSummarizer.isPreamble(NameMatcher.fold("Ada Quill, CEO, shared the below communication with employees this morning.")))
        #expect(!DossierSummarizer.isPreamble(NameMatcher.fold("Ada Quill joined Lumen Grid the following year.")))
        #expect(DossierSummarizer.isNameList("Members of the board are Ada Quill, Jon Berg, Kofi Osei, Maria van Linde, Pia Ruiz and Tom Berg."))
        #expect(!DossierSummarizer.isNameList("Ada Quill led the grid, storage, metering, billing and inverter teams at Lumen Grid."))
        let page = Self.page("https://gridnews.test/board", """
            Ada Quill, chief executive, shared the below communication with employees this morning.
            Members of the Lumen Grid board are Ada Quill, Jon Berg, Kofi Osei, Maria Linde, Pia Ruiz and Tom Berg.
            Ada Quill announced in March 2026 that Lumen Grid would open a plant in Porto.
            """, title: "Lumen Grid board", published: "2026-03-02")
        let memo = Self.page("https://lumengrid.test/news/jon-berg", """
            Ada Quill, chief executive, shared the below communication with employees this morning.
            When I look to the next phase, it is clear that we need to keep adding exceptional talent at every level.
            """, title: "Lumen Grid names Jon Berg to its leadership team", published: "2026-02-10")
        let dossier = Self.summarize([page, memo])
        let lines = dossier.mentions.map(\.text) + dossier.profile.map(\.text) + dossier.companyProfile.news.compactMap(\.sentence)
        #expect(!lines.contains { $0.contains("below communication") || $0.hasPrefix("Members of") }, "\(lines)")
        #expect(dossier.companyProfile.news.contains { $0.title.hasPrefix("Lumen Grid names Jon Berg") && $0.sentence?.hasPrefix("When I look") == true })
    }

    @Test("a report they wrote is summed up by its opening and its first figure")
    func reportFigure() throws {
        let report = Self.page("https://gridnews.test/2026/survey", """
            Written by Ada Quill in Storage on 4 June 2026.
            With the start of a new month, the grid operators have published their survey for the month before. For May 2026, home storage did tick up slightly.
            For last month, the share of homes with a battery rose to 4.2%, up 0.3% from April. Prices held steady.
            """, title: "Home batteries tick up", published: "2026-06-04", authors: ["Ada Quill"])
        let item = try #require(Self.summarize([report]).writing?.first)
        #expect(item.sentence == "With the start of a new month, the grid operators have published their survey for the month before. … "
            + "For last month, the share of homes with a battery rose to 4.2%, up 0.3% from April.")
        #expect(DossierSummarizer.hasFigure("Revenue was $163 million."))
        #expect(DossierSummarizer.hasFigure("It has 20,000 articles."))
        #expect(DossierSummarizer.hasFigure("Sales grew 12 percent."))
        #expect(!DossierSummarizer.hasFigure("For May 2019, usage did tick up."))
        #expect(!DossierSummarizer.hasFigure("Firefox 85 ships on 26 January."))
        #expect(!DossierSummarizer.hasFigure("It runs on iOS 17.2 since 01.02.2021."))
        #expect(DossierSummarizer.hasFigure("Sales rose 5 per cent."))
    }

    @Test("a line about them that says 'this' brings the sentence it points back to")
    func pointsBack() {
        #expect(DossierSummarizer.pointsBack("Lumen Grid's chief executive, Ada Quill, acknowledged that this is not a complete solution."))
        #expect(!DossierSummarizer.pointsBack("Ada Quill said that Lumen Grid will open a plant in Porto."))
        #expect(!DossierSummarizer.pointsBack("This year Ada Quill opened a plant in Porto."))
        #expect(!DossierSummarizer.pointsBack("Ada Quill leads the team that is rebuilding the inverters."))
        let page = Self.page("https://gridnews.test/2026/inverters", """
            Lumen Grid signed a deal with Volt Parts to use its inverters in every storage system. Volt Parts would pay the certification fees. Lumen Grid's chief executive, Ada Quill, acknowledged that this is not a complete solution.
            """, title: "Lumen Grid signs inverter deal", published: "2026-01-05")
        // Told by the news item of its page, or else under "More about".
        let dossier = Self.summarize([page])
        let told = dossier.mentions.map(\.text) + dossier.companyProfile.news.compactMap(\.sentence)
        #expect(told.contains("Volt Parts would pay the certification fees. Lumen Grid's chief executive, Ada Quill, acknowledged that this is not a complete solution."),
                "\(told)")
        // Once.
        #expect(told.filter { $0.contains("acknowledged that this") }.count == 1, "\(told)")
    }

    @Test("'it' after an opening phrase goes on about the company the paragraph named")
    func companyPronoun() {
        let page = Self.page("https://encyclopedia.test/Lumen_Grid", """
            Lumen Grid is a maker of battery storage systems, founded in 2001. Since the 2010s, it has bought three smaller firms, the largest for $40 million in 2024.
            """, title: "Lumen Grid")
        let pool = SentencePool(documents: [page], person: NameMatcher("Ada Quill"), companies: ["Lumen Grid"], ownDomain: nil, personName: "Ada Quill")
        #expect(pool.sentences.first { $0.text.hasPrefix("Since the 2010s") }?.company == true)
        let dummy = Self.page("https://encyclopedia.test/Lumen_Grid", """
            Lumen Grid is a maker of battery storage systems, founded in 2001. In 2020, it was reported that storage prices had halved.
            """, title: "Lumen Grid")
        let dummyPool = SentencePool(documents: [dummy], person: NameMatcher("Ada Quill"), companies: ["Lumen Grid"], ownDomain: nil,
                                     personName: "Ada Quill")
        #expect(dummyPool.sentences.first { $0.text.hasPrefix("In 2020") }?.company == false)
    }

    @Test("a long quote is cut at its last clause within thirty-four words, a colon's too, so its point stays")
    func longQuoteCut() {
        let sentence = "But the most important thing I learned, and which I used at both Lumen Grid and Volt Parts, is that the low end "
            + "eats the high end: that it's good to be the cheap option, even though that will be less prestigious, because if you're not, "
            + "someone else will be, and will squash you against the ceiling."
        #expect(OwnWordsPicker.trimmed(sentence)
            == "But the most important thing I learned, and which I used at both Lumen Grid and Volt Parts, is that the low end eats the high end …")
        #expect(OwnWordsPicker.trimmed("Short words stay whole.") == "Short words stay whole.")
    }

    @Test("the industry their own words name grounds the question on what is changing in it")
    func industryQuestion() {
        #expect(QuestionPlanner.industry(in: "There has been a lot of change in the grid storage and metering industry since I joined.")
            == "the grid storage and metering industry")
        #expect(QuestionPlanner.industry(in: "Shares fell as the stock market slid.") == nil)
        #expect(QuestionPlanner.industry(in: "They stayed in the same industry for years.") == nil)
        #expect(QuestionPlanner.industry(in: "Lumen Grid leads the Storage Industry Council.") == nil)
        let page = Self.page("https://gridnews.test/interview-ada-quill-2", """
            Q: What has changed since you joined?
            A: There has been a lot of change in the grid storage and metering industry since I joined the company.
            Q: What did you learn?
            A: I learned that listening before deciding is the biggest lesson of my career.
            """, title: "Ada Quill on ten years at Lumen Grid", interview: true)
        let banks = SummaryBanks(questions: SummaryFixture.banks.questions + [
            QuestionTemplate(topic: .industry, fills: .industry, text: "What is changing fastest in {industry}, and who is handling it well?"),
        ], avoid: SummaryFixture.banks.avoid, checklist: SummaryFixture.banks.checklist)
        let questions = Self.summarize([page], banks: banks).questions
        #expect(questions.contains { $0.text == "What is changing fastest in the grid storage and metering industry, and who is handling it well?"
            && $0.source != nil }, "\(questions.map(\.text))")
        // A company page's history is no industry to ask about now.
        let history = Self.page("https://encyclopedia.test/Lumen_Grid", """
            Lumen Grid is a maker of battery storage systems. As the lead acid battery industry shrank in the late 1990s, Lumen Grid grew.
            """, title: "Lumen Grid")
        #expect(!Self.summarize([history], banks: banks).questions.contains { $0.text.contains("lead acid") })
    }

    @Test("a product or plan their own words name grounds a company question, dated by the page; a habit of theirs, the advice question")
    func offeringAndHabitQuestions() {
        let companies = ["Lumen Grid"]
        #expect(QuestionPlanner.offering(in: "We are moving storage to the next level with our direct to utility offering called GRIDPASS which offers flat fees.",
                                         excluding: companies) == "GRIDPASS")
        #expect(QuestionPlanner.offering(in: "Last spring we launched Volt Cloud for small utilities.", excluding: companies) == "Volt Cloud")
        #expect(QuestionPlanner.offering(in: "Lumen Grid launched in 2001 with a mission.", excluding: companies) == nil)
        #expect(QuestionPlanner.offering(in: "We launched Lumen Grid in a garage.", excluding: companies) == nil)
        #expect(QuestionPlanner.offering(in: "I have a dog called Rex.", excluding: companies) == nil)
        #expect(QuestionPlanner.offering(in: "We launched The new site in May.", excluding: companies) == nil)
        let page = Self.page("https://www.lumengrid.test/news/ada-qa", """
            Q: What is next for the business?
            A: We are moving storage to the next level with our direct to utility offering called GRIDPASS which offers flat fees.
            Q: How do you plan your day?
            A: I block two hours for deep work every morning, a habit that keeps me focused.
            Q: What did you learn?
            A: I learned that listening before deciding is the biggest lesson of my career.
            """, title: "Ada Quill on what comes next", published: "2025-03-01", interview: true)
        let banks = SummaryBanks(questions: SummaryFixture.banks.questions + [
            QuestionTemplate(topic: .company, fills: .offering,
                             text: "How did {offering} work out after you spoke of it{in year}, and what did it teach you about your customers?"),
            QuestionTemplate(topic: .advice, fills: .habit, text: "You have said: “{quote}” Which habits would you urge on someone starting out?"),
        ], avoid: SummaryFixture.banks.avoid, checklist: SummaryFixture.banks.checklist)
        let questions = Self.summarize([page], banks: banks).questions
        #expect(questions.contains { $0.text == "How did GRIDPASS work out after you spoke of it in 2025, and what did it teach you about your customers?"
            && $0.source != nil }, "\(questions.map(\.text))")
        #expect(questions.contains { $0.text.hasPrefix("You have said: “I block two hours for deep work every morning")
            && $0.text.hasSuffix("Which habits would you urge on someone starting out?") }, "\(questions.map(\.text))")
        // A habit is never asked about as a story or a lesson.
        #expect(!questions.contains { $0.text.contains("block two hours") && !$0.text.hasSuffix("starting out?") })
    }

    @Test("their words said back as reported speech: persons turned to 'you', the opening word lower-cased unless a name")
    func reportedSpeech() {
        #expect(QuestionPlanner.reported("Being AMP-first means constantly flexing your creative muscles.")
            == "being AMP-first means constantly flexing your creative muscles")
        #expect(QuestionPlanner.reported("We chose Next.js 9.1 because of our team’s existing React knowledge.")
            == "you chose Next.js 9.1 because of your team’s existing React knowledge")
        #expect(QuestionPlanner.reported("…being comfortable making decisions with imperfect information is critical.")
            == "being comfortable making decisions with imperfect information is critical")
        #expect(QuestionPlanner.reported("I was lucky, and I am still learning from my mistakes.")
            == "you were lucky, and you are still learning from your mistakes")
        #expect(QuestionPlanner.reported("Inspired and humbled! To be here is tremendous.") == nil)
        #expect(QuestionPlanner.reported("Why would anyone build that?") == nil)
        #expect(QuestionPlanner.reported("He said “no” to me.") == nil)
    }

    @Test("the opening question names the year their role began when the sources say it, and asks the role once")
    func openingWithYear() {
        let banks = SummaryBanks(questions: SummaryFixture.banks.questions + [
            QuestionTemplate(topic: .opening, fills: .roleSince, text: "You became {title} at {organisation}{in year}. How has the role changed since?"),
            QuestionTemplate(topic: .opening, fills: .role, text: "What does your work as {title} at {organisation} look like now?"),
        ], avoid: SummaryFixture.banks.avoid, checklist: SummaryFixture.banks.checklist)
        let named = Self.page("https://gridnews.test/2026/new-chief", "Lumen Grid named Ada Quill its chief executive in 2025, after a long search.",
                              title: "Lumen Grid names a chief executive", published: "2026-01-05")
        let questions = Self.summarize([named], banks: banks).questions.map(\.text)
        #expect(questions.contains("You became a chief executive at Lumen Grid in 2025. How has the role changed since?"), "\(questions)")
        #expect(!questions.contains { $0.hasPrefix("What does your work as") }, "\(questions)")
        // Without the year, the role is asked about as it is now.
        let undated = Self.page("https://gridnews.test/2026/profile", "Ada Quill is the chief executive of Lumen Grid, a maker of batteries.",
                                title: "Profile", published: "2026-01-05")
        #expect(Self.summarize([undated], banks: banks).questions.contains { $0.text.hasPrefix("What does your work as") })
    }

    @Test("a move from an organisation the page only describes is asked about, once with joining the new one")
    func moveFromDescribed() {
        let page = Self.page("https://gridnews.test/interview-ada-quill-3", """
            Ada Quill is a front end engineer at Lumen Grid, working out of Delft.
            Q: How did you get here?
            A: I did full-stack development at a Fortune 500 company and led front-end web projects at a digital agency, before joining Lumen Grid in April of 2019.
            Q: Where did you study?
            A: I went on to study computer science at Harlow University after a summer of coding.
            Q: What did you learn?
            A: I learned that listening before deciding is the biggest lesson of my career.
            """, title: "Ada Quill on her path", published: "2024-05-01", interview: true)
        let banks = SummaryBanks(questions: SummaryFixture.banks.questions + [
            QuestionTemplate(topic: .career, fills: .move, text: "What made you move from {from} to {organisation}{in year}?"),
            QuestionTemplate(topic: .career, fills: .joined, text: "What drew you to {organisation}{in year}?"),
            QuestionTemplate(topic: .career, fills: .tenure, text: "You had been at {organisation} for about {years} years{in year}. What kept you there?"),
            QuestionTemplate(topic: .career, fills: .education, text: "You studied{field of} {school}. How did those years shape you?"),
        ], avoid: SummaryFixture.banks.avoid, checklist: SummaryFixture.banks.checklist)
        let dossier = Self.summarize([page], banks: banks)
        // The path in the order it was walked: school before the move.
        let school = dossier.questions.firstIndex { $0.text.hasPrefix("You studied") }
        let move = dossier.questions.firstIndex { $0.text.hasPrefix("What made you move") }
        #expect(school != nil && move != nil && school! < move!, "\(dossier.questions.map(\.text))")
        let questions = dossier.questions.map(\.text)
        #expect(questions.contains("What made you move from a digital agency to Lumen Grid in 2019?"), "\(questions)")
        // Whom they worked for before is not said: the profile says to ask.
        #expect(dossier.profile.contains { $0.label == "Not in the sources, so ask" && $0.text.contains("the names of earlier employers") })
        // Joining Lumen Grid and the years there are the same fact as the move: asked once.
        #expect(!questions.contains { $0.hasPrefix("What drew you to Lumen Grid") || $0.hasPrefix("You had been at Lumen Grid") }, "\(questions)")
    }

    @Test("a quote said back to them starts at its point, not at the words that led into it")
    func quoteLeadIn() {
        #expect(QuestionPlanner.withoutLeadIn("I would also add being comfortable making decisions with imperfect information is critical.")
            == "…being comfortable making decisions with imperfect information is critical.")
        #expect(QuestionPlanner.withoutLeadIn("I think listening is the biggest lesson.") == "…listening is the biggest lesson.")
        #expect(QuestionPlanner.withoutLeadIn("I learned to listen first.") == "I learned to listen first.")
        #expect(QuestionPlanner.withoutLeadIn("I think about failure every day.") == "I think about failure every day.")
        // Too little would be left: the words stay as they are.
        #expect(QuestionPlanner.withoutLeadIn("But it worked.") == "But it worked.")
    }

    @Test("a stored dossier/3 without the writing list still reads")
    func olderFileReads() throws {
        let dossier = Self.summarize([Self.byline])
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        var object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(dossier)) as? [String: Any])
        #expect(object["writing"] != nil)
        object["writing"] = nil
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let read = try decoder.decode(Dossier.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(read.writing == nil)
        #expect(MarkdownRenderer.render(read).contains("## Suggested questions"))
    }

    /// An interview in which the person answers a question about the business.
    static let businessInterview = page("https://gridnews.test/ada-on-lumen", """
        Ada Quill leads Lumen Grid, a maker of battery storage systems.
        Q: What is on the horizon for the business?
        A: We are launching a subscription service for Lumen Grid customers in Bilbao next year.
        Q: What else should readers know?
        A: Thanks for having me.
        """, title: "Ada Quill on what comes next", interview: true)

    @Test("their answer about the business is quoted under their name; the company praising itself gives way to others' words")
    func companyLines() {
        let interview = Self.businessInterview
        let press = Self.page("https://lumengrid.test/press", """
            Our outstanding Lumen Grid team serves 900 customers and we love every one of them.
            Lumen Grid was founded in 2001 and is headquartered in Rotterdam.
            Lumen Grid employs about 900 people and sells storage systems to utilities.
            """, title: "Press")
        let lines = Self.summarize([interview, press]).companyProfile.sentences.map(\.text)
        #expect(lines.contains("Ada Quill: “We are launching a subscription service for Lumen Grid customers in Bilbao next year.”"), "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("Our outstanding") })
    }

    @Test("the company's front page sums up what it does, first in the company section")
    func frontPage() {
        let home = SourceDocument(
            url: "https://lumengrid.test/", title: "Lumen Grid | Storage", siteName: "Lumen Grid", published: nil,
            text: "Lumen Grid storage for utilities. Lumen Grid ships worldwide.", sourceName: "test", trust: 0.7,
            fetchedAt: SummaryFixture.generatedAt,
            profileSummary: "Lumen Grid makes battery storage systems for utilities and grid operators in Europe.")
        let dossier = Self.summarize([Self.byline, home])
        #expect(dossier.companyProfile.sentences.first?.text == "Lumen Grid makes battery storage systems for utilities and grid operators in Europe.")
        // Not a sentence about the person.
        #expect(!dossier.mentions.contains { $0.text.contains("makes battery storage systems") })
    }

    @Test("without a front page, a page about the company opens the section with what it is; long-past trivia gives way")
    func companyDefinition() {
        let article = Self.page("https://encyclopedia.test/Lumen_Grid", """
            Lumen Grid B.V. is a Dutch maker of battery storage systems, founded in 2001 by Tomas Berg.
            Lumen Grid moved its headquarters to Delft in January 1979 after a fire at its first site.
            In 2024, Lumen Grid opened a factory in Bilbao that builds storage systems for utilities.
            Lumen Grid agreed to sell it, marketing it as GridBox.: 108, 112–114 Berg and Quill founded the venture on April 4, 2001.
            """, title: "Lumen Grid")
        let lines = Self.summarize([Self.byline, article]).companyProfile.sentences.map(\.text)
        #expect(lines.first == "Lumen Grid B.V. is a Dutch maker of battery storage systems, founded in 2001 by Tomas Berg.", "\(lines)")
        #expect(!lines.contains { $0.contains("1979") })
        // Where it stands now follows what it is.
        #expect(lines.dropFirst().first?.hasPrefix("In 2024, Lumen Grid opened a factory") == true, "\(lines)")
        #expect(!lines.contains { $0.contains("112–114") })
    }

    @Test("with no front page and no page about the company, what it says of itself on its own site comes first, as its words")
    func selfDescription() throws {
        var page = Self.page("https://www.lumengrid.test/news/welcome-ada", """
            Lumen Grid is proud to welcome Ada Quill as its chief executive.
            Ada Quill said the storage business will double its partners in 2026.
            Our battery storage systems and software help utilities earn new revenue and keep the lights on.
            """, title: "Welcome, Ada Quill", published: "2026-02-01")
        page.siteName = "Lumen Grid"
        let sentences = Self.summarize([page]).companyProfile.sentences.map(\.text)
        #expect(sentences.first == "Lumen Grid, on its own site: “Our battery storage systems and software help utilities earn new revenue and keep the lights on.”")
    }

    @Test("the company's address from its own page is cited to that page, and its town follows the company in the headline")
    func companyAddress() throws {
        let page = Self.page("https://www.lumengrid.test/news/welcome-ada", """
            Lumen Grid named Ada Quill its chief executive in 2026.
            Ada Quill said the storage business will double its partners in 2026.
            """, title: "Welcome, Ada Quill", published: "2026-02-01")
        var discovery = Self.discovery([page])
        discovery.companyFacts = [StructuredFact(kind: .address, value: "3535 Piedmont Rd NE #415, Atlanta, GA 30305",
                                                 sourceURL: page.url)]
        let dossier = DossierSummarizer(banks: SummaryFixture.banks).summarize(
            discovery, subject: Subject(name: "Ada Quill", company: "Lumen Grid"), generatedAt: SummaryFixture.generatedAt)
        let address = try #require(dossier.companyProfile.facts.first { $0.kind == .address })
        #expect(address.value == "3535 Piedmont Rd NE #415, Atlanta, GA 30305")
        #expect(TimelineWording.line(address) == "Based in Atlanta")
        #expect(dossier.sources.first { $0.number == address.source }?.url == page.url)
        #expect(dossier.sources.first { $0.number == address.source }?.title == "Welcome, Ada Quill")
        #expect(dossier.headline == "chief executive, Lumen Grid (Atlanta)", "\(dossier.headline ?? "")")
    }

    @Test("the company's scale is its newest measured line, and a line asking the reader for support is none of the company's")
    func companyScaleAndAppeals() {
        let article = Self.page("https://encyclopedia.test/Lumen_Grid", """
            Lumen Grid is a maker of battery storage systems, founded in 2001 by Tomas Berg.
            In 2014, Lumen Grid reported revenue of $40 million from storage contracts.
            In a report released in 2020, Lumen Grid said its revenue for 2019 was $163 million, up 33% from the year before. Lumen Grid noted that roughly 85% of its revenue comes from its contract with Volt Parts.
            You can also support Lumen Grid's open data work through donations via its foundation.
            """, title: "Lumen Grid")
        let lines = Self.summarize([Self.byline, article]).companyProfile.sentences.map(\.text)
        // The newest figure comes right after what the company is; an older one, if at all, after it.
        #expect(lines.dropFirst().first?.contains("$163 million") == true, "\(lines)")
        // With the sentence that goes on about the same measure: where the revenue comes from.
        #expect(lines.dropFirst().first?.hasSuffix("roughly 85% of its revenue comes from its contract with Volt Parts.") == true, "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("You can") }, "\(lines)")
    }

    @Test("a news item told by a line of a labelled card keeps the card's line before it, which names what it is about")
    func labelledCardNews() throws {
        let listicle = Self.page("https://trends.test/top-10-storage", """
            Ten storage trends to watch this year, from grid batteries to home systems.
            4. Grid-scale storage
            Company in focus: Lumen Grid
            Product in focus: Lumen GridBox
            Notable feature: Stacks Lumen Grid battery modules so utilities can add storage to a substation in a week.
            Utilities are buying more storage than ever as solar and wind grow.
            """, title: "Top 10 storage trends", published: "2026-01-10")
        let news = try #require(Self.summarize([Self.byline, listicle]).companyProfile.news.first { $0.title == "Top 10 storage trends" })
        #expect(news.sentence?.hasPrefix("Product in focus: Lumen GridBox · Notable feature: Stacks Lumen Grid battery modules") == true,
                "\(news.sentence ?? "")")
        #expect(DossierSummarizer.labelledLine("Notable feature: Stacks battery modules."))
        #expect(!DossierSummarizer.labelledLine("In the end the board decided: no."))
        #expect(!DossierSummarizer.labelledLine("https://example.test"))
    }

    @Test("what a news item tells is not told again under 'More about'")
    func newsNotRepeated() {
        let story = Self.page("https://gridnews.test/2026/ada-quill-substations", """
            Speaking at the storage fair in Delft, chief executive Ada Quill said that utilities need storage at every substation by 2030.
            Lumen Grid will open two more factories this year.
            """, title: "Lumen Grid plans two factories", published: "2026-03-01")
        let dossier = Self.summarize([Self.byline, story])
        let told = Set(dossier.companyProfile.news.compactMap(\.sentence))
        #expect(!told.isEmpty)
        #expect(!dossier.mentions.contains { told.contains($0.text) }, "\(dossier.mentions.map(\.text))")
    }

    @Test("an undated page of the company's own site that does not name them tells what else the site offers")
    func alsoOnItsSite() {
        var newsletter = Self.page("https://www.lumengrid.test/newsletters/lumen-weekly-7120a6cf", """
            Welcome back to Lumen Weekly. Thanks for subscribing. Storage prices fell again this week across Europe.
            """, title: "Lumen Weekly")
        newsletter.siteName = "Lumen Grid"
        let lines = Self.summarize([Self.byline, newsletter]).companyProfile.sentences.map(\.text)
        #expect(lines.contains("Also on its site: Lumen Weekly (newsletters), which does not mention Ada Quill"), "\(lines)")
        // A page that names them is about them, not an offer of the company's.
        var naming = newsletter
        naming.text += "\nAda Quill writes the opening letter."
        #expect(!Self.summarize([Self.byline, naming]).companyProfile.sentences.contains { $0.text.hasPrefix("Also on its site") })
        #expect(DossierSummarizer.siteSection("https://www.axios.test/newsletters/axios-future-7120") == "newsletters")
        #expect(DossierSummarizer.siteSection("https://www.axios.test/axios-future") == nil)
        #expect(DossierSummarizer.siteSection("https://www.axios.test/2019/01/story") == nil)
    }

    @Test("a piece with no published date is dated by its by-line, and the by-line is no line about them")
    func bylineDate() {
        var undated = Self.byline
        undated.published = nil
        let dossier = Self.summarize([undated])
        #expect(dossier.writing?.first?.date == "2026-05-02")
        #expect(!dossier.mentions.contains { $0.text.hasPrefix("Written by") })
        #expect(DossierSummarizer.bylineDate("Written by Michael Larabel in Valve on 1 June 2019 at 08:34 PM EDT.") == "2019-06-01")
        #expect(DossierSummarizer.bylineDate("Posted by Ada Quill, March 3, 2021") == "2021-03-03")
        #expect(DossierSummarizer.bylineDate("By Ada Quill in May") == nil)
    }

    @Test("a speaker's words about the business carry their page's date")
    func datedAnswers() {
        var interview = Self.businessInterview
        interview.published = "2018-04-09"
        let dossier = Self.summarize([interview])
        #expect(dossier.companyProfile.sentences.map(\.text).contains {
            $0 == "Ada Quill, April 2018: “We are launching a subscription service for Lumen Grid customers in Bilbao next year.”"
        }, "\(dossier.companyProfile.sentences)")
    }

    @Test("at most three company lines in one speaker's words: the one that most repeats the others goes")
    func threeLinesPerSpeaker() {
        let interview = Self.page("https://gridnews.test/ada-on-lumen-2", """
            Ada Quill leads Lumen Grid, a maker of battery storage systems.
            Q: What is on the horizon for the business?
            A: We are launching a subscription service for Lumen Grid customers in Bilbao next year. The subscription service for Lumen Grid customers will have a section just for subscription customers. Our products will use data to predict when a Lumen Grid battery needs service. Lumen Grid has 350 partners across Europe and our partners sell most of our systems.
            Q: What else should readers know?
            A: Thanks for having me.
            """, title: "Ada Quill on what comes next", interview: true)
        let lines = Self.summarize([interview]).companyProfile.sentences.map(\.text).filter { $0.hasPrefix("Ada Quill") }
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.contains { $0.contains("350 partners") } && lines.contains { $0.contains("predict") }, "\(lines)")
    }

    @Test("one question reads their own words back to them, two when their career gives few facts, never the same words twice")
    func readBacks() {
        let banks = SummaryBanks(questions: SummaryFixture.banks.questions + [
            QuestionTemplate(topic: .motivation, fills: .quote, text: "You once put it this way: “{quote}” What is the story behind that?"),
            QuestionTemplate(topic: .lessons, fills: .lesson, text: "You have said: “{quote}” Can you recall a moment that taught you that?"),
            QuestionTemplate(topic: .lessons, fills: .decision, text: "You have said: “{quote}” How did you make that call?"),
        ], avoid: SummaryFixture.banks.avoid, checklist: SummaryFixture.banks.checklist)
        let questions = Self.summarize([Self.interview], banks: banks).questions
        let readBacks = questions.filter { $0.text.contains("“") }
        #expect(readBacks.count == 2, "\(questions.map(\.text))")
        let quoted = readBacks.map { $0.text.split(separator: "“").last.map { $0.split(separator: "”").first.map(String.init) ?? "" } ?? "" }
        #expect(Set(quoted).count == quoted.count)
        // A second read-back only stands in for facts the career does not give.
        if readBacks.count == 2 { #expect(questions.filter { $0.source != nil }.count <= 6) }
    }
}
