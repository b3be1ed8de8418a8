import DossierCore
import Foundation

/// Dossiers written for the render tests: a full one about a fictional person, sized like
/// a rich real build, and one with hostile text from the web in every field.
public enum SampleDossiers {
    public static let generatedAt = Date(timeIntervalSince1970: 1_795_000_000)

    /// About 1,000 words of body text, 10 questions, a dated checklist and 25 sources: a long real build.
    public static func full() -> Dossier {
        let sources = (1...25).map { number in
            CitedSource(
                number: number, title: "Source \(number): notes on Tidewater Analytics and its people, part \(number)",
                site: number.isMultiple(of: 3) ? "Harbour Business Review" : "tidewater-analytics.example",
                published: number.isMultiple(of: 2) ? "2025-0\(number % 9 + 1)-1\(number % 10)" : nil,
                url: "https://tidewater-analytics.example/press/2025/\(number)/a-fairly-long-article-slug-about-the-company-\(number)",
                fetchedAt: generatedAt
            )
        }
        return Dossier(
            subject: Subject(name: "Elena Marsh", company: "Tidewater Analytics"),
            identity: Identity(
                name: "Elena Marsh", wikidataID: "Q98765432",
                description: "Chief technology officer of Tidewater Analytics, a maritime data company",
                confidence: 0.86, evidence: ["Wikidata employer matches the company", "official team page names her"],
                wikipediaTitle: "Elena Marsh", domain: "tidewater-analytics.example", github: nil
            ),
            company: CompanyIdentity(name: "Tidewater Analytics", wikidataID: "Q12345678",
                                     domain: "tidewater-analytics.example", wikipediaTitle: nil),
            headline: "Chief technology officer, Tidewater Analytics",
            meeting: MeetingLine(when: "Wed 3 Dec 2025, 10:00 (Europe/Amsterdam)", place: "Tidewater office, Halvard",
                                 via: "Ana Costa", goal: "understand how data teams work in shipping"),
            sourceNote: "25 pages read, 18 about her, dated Jan 2025 to Sep 2025.",
            profile: [
                ProfileLine(label: "Role", text: "Chief technology officer, Tidewater Analytics (since 2021)", source: 8),
                ProfileLine(label: "Before", text: "systems engineer, later head of planning systems, Port of Halvard (2009)", source: 6),
                ProfileLine(label: "Education", text: "naval architecture, Northern Technical University (2004); MSc statistics, Open Statistics Institute (2016)", source: 6),
                ProfileLine(label: "Known for", text: "an open report on measuring fuel savings from hull cleaning (2024)", source: 13),
                ProfileLine(label: "Based", text: "Halvard", source: 1),
                ProfileLine(label: "Bio", text: "Elena Marsh is the chief technology officer of Tidewater Analytics, a company that turns ship sensor data into fuel and maintenance forecasts for mid-sized shipping lines.", source: 1),
                ProfileLine(label: "Bio", text: "Before Tidewater she spent nine years at a port authority, where she led the team that replaced paper berth schedules with a live planning system used by three terminals.", source: 2),
            ],
            timeline: [
                TimelineItem(when: "2004", text: "Studies naval architecture at Northern Technical University", verbatim: false, source: 6),
                TimelineItem(when: "2009", text: "Systems engineer, Port of Halvard", verbatim: false, source: 6,
                             otherDates: [CitedDate(date: "2010", source: 7)]),
                TimelineItem(when: "2014", text: "Leads the rollout of the port's live berth planning system", verbatim: false, source: 2,
                             evidence: "Marsh led the rollout of the port's live berth planning system, which cut average waiting times for feeder ships by a fifth."),
                TimelineItem(when: "2016", text: "Studies statistics at Open Statistics Institute", verbatim: false, source: 7),
                TimelineItem(when: "2019", text: "Joins Tidewater Analytics as its first engineer", verbatim: false, source: 4),
                TimelineItem(when: "2021", text: "Chief technology officer, Tidewater Analytics", verbatim: false, source: 8),
            ],
            ownWords: [
                CitedQuote(label: "Lesson", text: "I learned more about software on a tugboat at three in the morning than in any classroom", source: 9),
                CitedQuote(label: "Advice", text: "The best advice I ever got was to sit with the people who will use the system before writing a line of it", source: 9),
                CitedQuote(label: nil, text: "We hire for curiosity first; the maritime knowledge comes in about six months if people are willing to ask naive questions", source: 10),
                CitedQuote(label: "Lesson", text: "My biggest mistake early on was building for the largest customers; the small operators taught us what the product really had to do", source: 11),
            ],
            mentions: [
                CitedSentence(text: "Marsh serves on the advisory board of a regional programme that trains former seafarers as data analysts.", source: 12),
                CitedSentence(text: "In 2024 she co-authored an open report on measuring fuel savings from hull cleaning, which several operators now use as a reference.", source: 13),
            ],
            companyProfile: CompanyProfile(
                facts: [
                    TimelineEntry(kind: .inception, value: "2017", start: nil, end: nil, source: 15),
                    TimelineEntry(kind: .headquarters, value: "Halvard", start: nil, end: nil, source: 15),
                    TimelineEntry(kind: .industry, value: "maritime software", start: nil, end: nil, source: 15),
                    TimelineEntry(kind: .employees, value: "140", start: "2025", end: nil, source: 16),
                    TimelineEntry(kind: .ceo, value: "Jonas Ferreira", start: "2017", end: nil, source: 16),
                ],
                sentences: [
                    CitedSentence(text: "Tidewater Analytics sells a subscription service that predicts fuel use and engine wear for each voyage from sensor readings and weather forecasts.", source: 17),
                    CitedSentence(text: "The company says its customers cut fuel consumption by six to nine percent in the first year, mostly through better speed planning.", source: 17),
                    CitedSentence(text: "About a third of its staff work in engineering, and the company has offices in Halvard and Rotterdam.", source: 18),
                ],
                news: [
                    NewsItem(date: "2025-09-14", title: "Tidewater Analytics opens Rotterdam office",
                             sentence: "The new office will host the customer success team for northern European operators.", source: 19),
                    NewsItem(date: "2025-05-02", title: "Tidewater raises Series B",
                             sentence: "The company raised 42 million euros to expand its forecasting service to container feeders.", source: 20),
                    NewsItem(date: "2024-11-20", title: "Partnership with a classification society", sentence: nil, source: 21),
                ]
            ),
            industry: IndustryContext(
                keyPhrases: ["fuel forecasting", "short-sea shipping", "hull performance", "emissions reporting",
                             "voyage optimisation", "sensor data", "port call planning", "decarbonisation"],
                trends: [
                    CitedSentence(text: "New emissions rules require operators to report fuel use per voyage, which has pushed many smaller lines to buy monitoring software for the first time.", source: 22),
                    CitedSentence(text: "Analysts expect slow steaming and just-in-time arrival to remain the cheapest ways to cut emissions for the rest of the decade.", source: 23),
                    CitedSentence(text: "Software firms that combine engine data with port schedules are attracting investment, because waiting at anchor wastes fuel that no hull coating or engine upgrade can save.", source: 24),
                ]
            ),
            questions: [
                SuggestedQuestion(topic: .motivation, text: "What drew you from port planning systems to a young software company like Tidewater in 2019?", source: 4),
                SuggestedQuestion(topic: .career, text: "You said you learned more on a tugboat than in a classroom; how do you give new engineers that kind of exposure today?", source: 9),
                SuggestedQuestion(topic: .lessons, text: "What was hardest about moving from first engineer to chief technology officer in two years?", source: 8),
                SuggestedQuestion(topic: .company, text: "How are the new emissions reporting rules changing what small operators ask of your product?", source: 22),
                SuggestedQuestion(topic: .industry, text: "Which skills will matter most for people entering maritime software over the next five years?", source: nil),
                SuggestedQuestion(topic: .company, text: "What did the small operators teach you that the largest customers could not?", source: 11),
                SuggestedQuestion(topic: .company, text: "How will the Rotterdam office change the way the engineering team works with customers?", source: 19),
                SuggestedQuestion(topic: .advice, text: "If you were starting out today with a statistics background, where would you begin?", source: nil),
                SuggestedQuestion(topic: .advice, text: "What do you wish you had known in your first year at the port authority?", source: nil),
                SuggestedQuestion(topic: .referral, text: "Who else should I talk to to learn more about data work in shipping?", source: nil),
            ],
            commonGround: [CitedSentence(text: "You have both worked at Port of Halvard.", source: 6)],
            careNotes: ["Colleagues' descriptions of her character come from a company page: read them as promotion.",
                        "Ask about their path and their work; don't guess at age, pay or private life."],
            preparation: PreparationNotes(
                name: "Sam Rivera",
                meetingGoals: ["understand how data teams work in shipping", "learn which skills to build first"],
                careerGoals: ["move from logistics analysis into data engineering within two years"],
                background: "Four years as a logistics analyst at a freight forwarder; evening course in Python and SQL.",
                practiceQuestions: ["What brings you to maritime data?", "What have you built so far?", "Where do you see yourself in two years?"]
            ),
            checklist: [
                ChecklistItem(text: "Send the introduction letter naming Ana Costa and proposing a call", due: "2025-11-24"),
                ChecklistItem(text: "Call to agree on a time if there is no answer", due: "2025-11-28"),
                ChecklistItem(text: "Confirm the meeting the morning of", due: "2025-12-03"),
                ChecklistItem(text: "Bring a résumé, but do not offer it unless asked", due: "2025-12-03"),
                ChecklistItem(text: "Take notes and end on time (10:30)", due: "2025-12-03"),
                ChecklistItem(text: "Send a thank-you note", due: "2025-12-04"),
                ChecklistItem(text: "Send a recap to Ana Costa, who introduced you", due: "2025-12-05"),
            ],
            sources: sources,
            failed: [SourceOutcome(sourceName: "31-duckduckgo", url: "https://html.duckduckgo.com/html/?q=Elena%20Marsh",
                                   kind: .failed, category: .httpStatus, message: "HTTP 503", status: 503)],
            skipped: [SourceOutcome(sourceName: "30-searxng", url: "https://example.org/other-elena-marsh", kind: .skipped,
                                    category: .notAboutSubject, message: "mentions neither Elena Marsh nor Tidewater Analytics")],
            generatedAt: generatedAt
        )
    }

    /// Markup, script URLs, a right-to-left override, control characters and a very long
    /// word in every text field.
    public static let hostileText = "x<script>alert(1)</script><img src=x onerror=alert(2)>\u{202E}evil\u{0007}\u{0085} "
        + String(repeating: "W", count: 300) + " & 'q' \"d\""

    public static let hostileURLs = ["javascript:alert(1)", "data:text/html,<script>alert(3)</script>", " JavaScript:alert(4)",
                              "https://a.example/\"onmouseover=\"alert(5)", "http://a.example/<script>"]

    public static func hostile() -> Dossier {
        let text = hostileText
        let cited = [CitedSentence(text: text, source: 1)]
        return Dossier(
            subject: Subject(name: "Jane " + text, company: text, domain: text, extraURLs: hostileURLs),
            identity: Identity(name: text, wikidataID: text, description: text, confidence: 0.5, evidence: [text, text],
                               wikipediaTitle: text, domain: text, github: text),
            company: CompanyIdentity(name: text, wikidataID: text, domain: text, wikipediaTitle: text),
            headline: text, meeting: MeetingLine(when: text, place: text, via: text, goal: text), sourceNote: text,
            profile: [ProfileLine(label: text, text: text, source: 1), ProfileLine(label: text, text: text, source: nil)],
            timeline: [TimelineItem(when: text, text: text, verbatim: true, source: 1, otherDates: [CitedDate(date: text, source: 2)],
                                    evidence: text)],
            ownWords: [CitedQuote(label: text, text: text, source: 1)],
            companyProfile: CompanyProfile(
                facts: [TimelineEntry(kind: FactKind(rawValue: text), value: text, start: text, end: text, source: 1)], sentences: cited,
                news: [NewsItem(date: text, title: text, sentence: text, source: 1)]
            ),
            industry: IndustryContext(keyPhrases: [text, text], trends: cited),
            questions: [SuggestedQuestion(topic: .motivation, text: text, source: 1), SuggestedQuestion(topic: .referral, text: text, source: nil)],
            commonGround: cited, careNotes: [text],
            preparation: PreparationNotes(name: text, meetingGoals: [text], careerGoals: [text], background: text,
                                          practiceQuestions: [text]),
            checklist: [ChecklistItem(text: text, due: text)],
            sources: hostileURLs.enumerated().map { index, url in
                CitedSource(number: index + 1, title: text, site: text, published: text, url: url, fetchedAt: generatedAt)
            },
            failed: [SourceOutcome(sourceName: text, url: hostileURLs[0], kind: .failed, category: .httpStatus, message: text)],
            skipped: [SourceOutcome(sourceName: text, url: hostileURLs[1], kind: .skipped, category: .notAboutSubject, message: text)],
            generatedAt: generatedAt
        )
    }
}
