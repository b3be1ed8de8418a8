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
}
