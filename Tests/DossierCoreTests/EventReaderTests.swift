@testable import DossierCore
import Testing

@Suite("career events in sentences")
struct EventReaderTests {
    private func events(_ sentence: String, person: String = "Marissa Halpert", ownWords: Bool = false,
                        pageOrganisation: String? = nil, pageDate: EventDate? = nil) -> [CareerEvent] {
        var subject = Set(NameMatcher.fold(person).split(separator: " ").map(String.init))
        subject.formUnion(ownWords ? ["i"] : ["he", "she", "they"])
        return EventReader(subjectWords: subject, pageOrganisation: pageOrganisation, pageDate: pageDate)
            .events(in: sentence, ownWords: ownWords, document: 0)
    }

    private func summary(_ events: [CareerEvent]) -> [String] {
        events.map { [$0.kind.rawValue, $0.organisation ?? "-", $0.detail ?? "-", $0.date?.text ?? "-"].joined(separator: "|") }
    }

    @Test("an interview answer: education with its field, earlier work, joining with month and year")
    func firstPersonPath() {
        let found = summary(events(
            "I was introduced to programming in high school before going on to study computer science at James Madison University.",
            ownWords: true))
        #expect(found == ["education|James Madison University|computer science|-"])
        let joined = summary(events(
            "Since then, I have done full-stack development at a Fortune 500 company and led front-end web projects at a digital agency, before joining Axios in April of 2019.",
            ownWords: true))
        #expect(joined.contains("joined|Axios|-|April 2019"))
        #expect(joined.contains("joined|a Fortune 500 company|full-stack development|-"))
        #expect(joined.contains("joined|a digital agency|led front-end web projects|-"))
    }

    @Test("transferring to a university is study, with the degrees' field named later in the clause")
    func transferWithDegree() {
        let found = summary(events("Jo Roe later transferred to the University of Pennsylvania and received bachelor's degrees in economics and physics.",
                                   person: "Jo Roe"))
        #expect(found == ["education|University of Pennsylvania|economics and physics|-"], "\(found)")
        #expect(summary(events("He matriculated at Queen's University at Kingston in Canada.", person: "Jo Roe"))
            .contains { $0.hasPrefix("education|Queen's University") })
        #expect(summary(events("Jo Roe transferred to Paris in 2010.", person: "Jo Roe")).isEmpty)
    }

    @Test("'the company's CEO' is the organisation just named, not part of the title; a name ends at a dash")
    func possessiveTitleAndDash() {
        let found = summary(events("With $100 million of his own money, Jo Roe founded Skyward in May 2002 and became the company's CEO and Chief Engineer.",
                                   person: "Jo Roe"))
        #expect(found.contains("founded|Skyward|-|May 2002"))
        #expect(found.contains("role|Skyward|CEO and Chief Engineer|-"), "\(found)")
        #expect(!found.contains { $0.contains("company's") })
        #expect(summary(events("In 2016, Jo Roe co-founded Braincell—a neurotechnology company.", person: "Jo Roe"))
            .contains("founded|Braincell|-|2016"))
    }

    @Test("an organisation that names someone to a post is its whole name before the verb, not its last word")
    func namedByOrganisation() {
        #expect(summary(events("Lumen Grid named Ada Quill its chief executive in 2026.", person: "Ada Quill"))
            .contains("role|Lumen Grid|chief executive|2026"))
        #expect(summary(events("In 2014, Mozilla promoted Jo Roe to the role of CEO.", person: "Jo Roe"))
            .contains("role|Mozilla|CEO|2014"))
        #expect(summary(events("The board named Jo Roe its chair.", person: "Jo Roe")).allSatisfy { !$0.contains("The") })
    }

    @Test("a role with the page's own organisation, a title before a name, an apposition")
    func roles() {
        #expect(summary(events("Experience is thrilled to have Junior Gaspard, long time ExpApper, as our new President and CEO.",
                               person: "Junior Gaspard", pageOrganisation: "Experience"))
            .contains("role|Experience|President and CEO|-"))
        #expect(summary(events("Microsoft CEO Satya Nadella said the company would cut 10,000 jobs in 2023.", person: "Satya Nadella"))
            .contains("role|Microsoft|CEO|2023"))
        #expect(summary(events("Satya Nadella, chief executive of Microsoft, spoke in Redmond.", person: "Satya Nadella"))
            .contains("role|Microsoft|chief executive|-"))
        #expect(summary(events("Marissa Halpert, a front end engineer working out of Washington, D.C., led the work.")).contains {
            $0.hasPrefix("role|-|front end engineer")
        })
    }

    @Test("a post called new begins about the page's date; one not called new is only held by then")
    func newPost() {
        let page = EventDate(year: 2026, month: 4)
        #expect(summary(events("Lumen Grid is thrilled to have Ada Quill, long time engineer, as our new President and CEO.",
                               person: "Ada Quill", pageOrganisation: "Lumen Grid", pageDate: page))
            .contains("role|Lumen Grid|President and CEO|April 2026"))
        #expect(summary(events("Ada Quill is the President and CEO of Lumen Grid.", person: "Ada Quill", pageDate: page))
            .contains("role|Lumen Grid|President and CEO|-"))
        // A date the sentence gives stands.
        #expect(summary(events("In 2015, Ada Quill became the new chief executive of Lumen Grid.", person: "Ada Quill", pageDate: page))
            .contains("role|Lumen Grid|chief executive|2015"))
    }

    @Test("a change led together with others is said to be shared")
    func sharedLead() {
        let together = events("Together, they led Lumen Grid's shift to solar storage.", person: "Ada Quill")
        #expect(together.first { $0.kind == .led }?.context == "with others")
        let alone = events("Ada Quill led Lumen Grid's shift to solar storage.", person: "Ada Quill")
        #expect(alone.contains { $0.kind == .led })
        #expect(alone.first { $0.kind == .led }?.context == nil)
        // "they" alone may be one person, or others in another clause.
        let afterMerger = events("After they merged, Ada Quill led the migration to solar storage.", person: "Ada Quill")
        #expect(afterMerger.first { $0.kind == .led }?.context == nil)
    }

    @Test("places, founding, awards, reckoned dates")
    func placesFoundingAwards() {
        #expect(summary(events("Marissa Halpert, a front end engineer working out of Washington, D.C., and Rick Terrill led it."))
            .contains("based|-|Washington, D.C.|-"))
        #expect(summary(events("Michael Larabel is the principal author of Phoronix.com and founded the site in 2004.",
                               person: "Michael Larabel", pageOrganisation: "Phoronix"))
            == ["role|Phoronix.com|principal author|-", "founded|Phoronix|-|2004"])
        #expect(summary(events("I am very honored to be on the SBJ 40 Under 40 list.", person: "Junior Gaspard", ownWords: true))
            .contains("award|-|SBJ 40 Under 40 list|-"))
        #expect(summary(events("There has been a lot of change in the industry over the past six years since I joined the company.",
                               person: "Junior Gaspard", ownWords: true, pageOrganisation: "Experience", pageDate: EventDate(year: 2018, month: 4)))
            == ["joined|Experience|-|c. 2012"])
    }

    @Test("someone else's step is not the person's")
    func otherSubjects() {
        #expect(events("Rick's team wrote most of the beta code before I joined Axios.", ownWords: true).count == 1)
        #expect(events("Her colleague Rick joined Axios in 2018.").isEmpty)
        #expect(events("Halpert's manager founded Axios in 2017.").isEmpty)
    }

    @Test("a successor named after 'succeeded by' takes the leaver's title and organisation, and the step says whom they succeeded")
    func succession() {
        let passive = events("On February 4, 2014, Jan Berg stepped down as CEO of Lumen Grid and was succeeded by Ada Quill, who led its storage unit.",
                             person: "Ada Quill")
        #expect(summary(passive).contains("role|Lumen Grid|CEO|February 2014"), "\(summary(passive))")
        #expect(passive.first { $0.kind == .role }?.context == "succeeding Jan Berg")
        let active = events("In 2015 Ada Quill succeeded Jan Berg as chief executive of Lumen Grid.", person: "Ada Quill")
        #expect(summary(active).contains("role|Lumen Grid|chief executive|2015"), "\(summary(active))")
        #expect(active.first { $0.kind == .role }?.context == "succeeding Jan Berg")
        // Being succeeded is leaving, not taking the post.
        #expect(!summary(events("Ada Quill was succeeded by Jan Berg as CEO of Lumen Grid.", person: "Ada Quill"))
            .contains { $0.hasPrefix("role|") })
    }

    @Test("founding with partners, a described organisation, and 'we' in their own words")
    func foundingWithPartners() {
        let described = events("He moved to Lisbon in 1995 to study, but left after two days and, with his brother Tom, co-founded online city guide software company Mapwise.",
                               person: "Jo Roe")
        let founded = described.first { $0.kind == .founded }
        #expect(founded?.organisation == "Mapwise", "\(summary(described))")
        #expect(founded?.context == "with his brother Tom")
        #expect(events("Jo Roe founded Lumen Grid with Tomas Berg in 2001.", person: "Jo Roe").first { $0.kind == .founded }?.context
            == "with Tomas Berg")
        // An amount is no partner.
        #expect(events("Jo Roe founded Lumen Grid with $12 million of his own money.", person: "Jo Roe")
            .first { $0.kind == .founded }?.context == nil)
        let own = events("We started a new company we called Viaweb, after the fact that our software worked via the web.", ownWords: true)
        #expect(summary(own).contains("founded|Viaweb|-|-"), "\(summary(own))")
        // Someone else's "we" is not theirs.
        #expect(events("We started a new company we called Viaweb.").isEmpty)
    }

    @Test("a name in a board's member list is a board seat; an investor is in what they invest in")
    func boardAndInvestor() {
        let board = events("Members of the board of directors as of December 2023 are Ada Quill, Jan Berg and Tomas Berg.",
                           person: "Ada Quill", pageOrganisation: "Lumen Grid")
        #expect(summary(board) == ["role|Lumen Grid|member of the board of directors|December 2023"], "\(summary(board))")
        let investor = events("In 2004, Jo Roe became an early investor in electric vehicle manufacturer Voltway Motors.", person: "Jo Roe")
        #expect(summary(investor).contains("role|Voltway Motors|early investor|2004"), "\(summary(investor))")
        // A superlative is how they stood, not the title.
        #expect(summary(events("As of 2019, Jo Roe was the longest-tenured CEO of Voltway.", person: "Jo Roe"))
            .contains("role|Voltway|CEO|2019"))
        // Applying for a job is not working there.
        #expect(!summary(events("Jo Roe decided to join the boom, applying for a job at Netscape, which never answered.", person: "Jo Roe"))
            .contains { $0.hasPrefix("joined|Netscape") })
    }

    @Test("who bought an organisation they founded, and when")
    func acquisition() {
        #expect(CareerKnowledge.acquisition(of: "Mapwise", in: "Compaq acquired Mapwise for $307 million in cash in February 1999.")
            == "acquired by Compaq, February 1999")
        #expect(CareerKnowledge.acquisition(of: "Mapwise", in: "Mapwise was acquired by Yahoo in 1998.") == "acquired by Yahoo, 1998")
        #expect(CareerKnowledge.acquisition(of: "Mapwise", in: "Mapwise acquired a small studio in 2003.") == nil)
        #expect(CareerKnowledge.acquisition(of: "X.com", in: "X.com merged with Confinity in 2000 to form PayPal.")
            == "merged with Confinity to form PayPal, 2000")
    }

    @Test("another name right before the verb is its subject; a one-word name loses its 'the'; 'a business' is no work")
    func nameRightBeforeVerb() {
        #expect(events("Despite both Jo Roe and Errol previously stating that Errol was a part owner of a mine, nothing came of it.",
                       person: "Jo Roe").isEmpty)
        #expect(summary(events("In 2018, Jo Roe left the OpenAI board to avoid conflicts.", person: "Jo Roe")).contains("left|OpenAI|-|2018"))
        #expect(summary(events("Jo Roe is president of the Roe Foundation.", person: "Jo Roe")).contains("role|the Roe Foundation|president|-"))
        #expect(!summary(events("Jo Roe is known for a business that failed.", person: "Jo Roe")).contains { $0.hasPrefix("known_for") })
    }

    @Test("a unit led is followed to where the change went: 'Axios' shift to AMP-first'")
    func unitWithDirection() {
        #expect(summary(events("Together, they led Axios’ shift to AMP-first.", person: "Marissa Halpert"))
            == ["led|-|Axios’ shift to AMP-first|-"])
    }

    @Test("'was selected as Time's \"Person of the Year\" for 2021' is an award, with 'the' inside its name")
    func selectedAs() {
        #expect(summary(events("Jo Roe was selected as Time's \"Person of the Year\" for 2021.", person: "Jo Roe"))
            == ["award|-|Time's Person of the Year|2021"])
    }

    @Test("in their own words: a work they name, a language they called something, a job they got")
    func ownWorks() {
        #expect(summary(events("The book, On Lisp, wasn't published till 1993, but I wrote much of it in grad school.", ownWords: true))
            .contains("known_for|-|On Lisp|1993"))
        #expect(summary(events("So we switched to this new dialect of Lisp, which I called Arc, in a house I bought.", ownWords: true))
            .contains("known_for|-|Arc|-"))
        #expect(summary(events("In a matter of days we cooked up something we called the Summer Founders Program.", ownWords: true))
            .contains("known_for|-|the Summer Founders Program|-"))
        #expect(summary(events("I got one at a company called Interleaf, which made software for creating documents.", ownWords: true))
            .contains("joined|Interleaf|-|-"))
        // Another's book is not theirs to be known for.
        #expect(!summary(events("The book, On Lisp, was written by Paul Graham.")).contains { $0.hasPrefix("known_for") })
    }

    @Test("a company they bought, with its price; a company buying another is not theirs")
    func acquiredCompany() {
        let bought = events("In 2022, Jo Roe acquired Chirp for $44 billion.", person: "Jo Roe")
        #expect(summary(bought) == ["acquired|Chirp|-|2022"], "\(summary(bought))")
        #expect(bought.first?.context == "for $44 billion")
        #expect(events("Compaq acquired Mapwise for $307 million in 1999.", person: "Jo Roe").isEmpty)
    }
}
