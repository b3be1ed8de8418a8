@testable import DossierMeetings
import Foundation
import Testing

@Suite("interview selection")
struct InterviewSelectionTests {
    private let tagged = InterviewSelection(tag: "[info]")

    private func meeting(
        _ summary: String?, organizer: CalendarPerson? = nil, attendees: [CalendarPerson] = []
    ) -> CalendarEvent {
        CalendarEvent(
            uid: "uid-1", summary: summary, start: .dateTime(Date(timeIntervalSince1970: 1_796_306_400), timeZone: nil),
            organizer: organizer, attendees: attendees
        )
    }

    @Test("the tag matches anywhere in the summary, ignoring case")
    func tagMatches() {
        #expect(tagged.matches(meeting("[INFO] Coffee with Jane Doe")))
        #expect(tagged.matches(meeting("Coffee with Jane Doe [Info]")))
        #expect(!tagged.matches(meeting("Coffee with Jane Doe")))
        #expect(!tagged.matches(meeting(nil)))
    }

    @Test("a listed address matches as attendee or organizer, ignoring case and mailto:")
    func attendeeMatches() {
        let selection = InterviewSelection(attendees: ["Jane.Doe@Acme.example", "mailto:sam@beta.example"])
        let jane = CalendarPerson(email: "jane.doe@acme.example", name: "Jane Doe")
        let me = CalendarPerson(email: "alex@example.org", name: "Alex")
        #expect(selection.matches(meeting("Catch-up", organizer: me, attendees: [me, jane])))
        #expect(selection.matches(meeting("Catch-up", organizer: CalendarPerson(email: "SAM@beta.example", name: nil))))
        #expect(!selection.matches(meeting("Catch-up", organizer: me, attendees: [me])))
    }

    @Test("with neither a tag nor addresses nothing matches")
    func emptySelection() {
        let event = meeting("[info] Coffee", attendees: [CalendarPerson(email: "jane@acme.example", name: "Jane")])
        #expect(!InterviewSelection().matches(event))
        #expect(!InterviewSelection(tag: "  ", attendees: []).matches(event))
    }

    @Test("the person and company are read from the title without the tag",
          arguments: [
              ("[info] Coffee with Jane Doe", "Jane Doe", nil),
              ("[INFO] Informational interview: Jane Doe", "Jane Doe", nil),
              ("Jane Doe (Acme Robotics) [info]", "Jane Doe", "Acme Robotics"),
              ("[info] Jane Doe - intro call", "Jane Doe", nil),
              ("[info] Quick chat with Jane Doe from Acme Robotics", "Jane Doe", "Acme Robotics"),
              ("[info] Informational interview with Jane Doe, VP Engineering (virtual)", "Jane Doe", nil),
              ("[info] Jane Doe (Zoom) (Acme) (30 min)", "Jane Doe", "Acme"),
              ("[info] Coffee chat | José Ángel Gurría", "José Ángel Gurría", nil),
              ("[info] Call Jane Doe @ Acme", "Jane Doe", "Acme"),
              ("[info] Informational interview", nil, nil),
              ("[info] Q3 planning 2026", nil, nil),
          ] as [(String, String?, String?)])
    func titleReading(summary: String, person: String?, company: String?) {
        let event = meeting(summary)
        #expect(tagged.personName(for: event) == person)
        #expect(tagged.company(for: event) == company)
    }

    @Test("without a name in the title, the first attendee's CN that is not the organizer is used")
    func attendeeFallback() {
        let me = CalendarPerson(email: "alex@example.org", name: "Alex Learner")
        let event = meeting(
            "[info] Informational interview", organizer: me,
            attendees: [me, CalendarPerson(email: "room@example.org", name: nil),
                        CalendarPerson(email: "jane@acme.example", name: "jane@acme.example"),
                        CalendarPerson(email: "sam@acme.example", name: "Sam Lee")])
        #expect(tagged.personName(for: event) == "Sam Lee")
    }

    @Test("a participant with a listed address is preferred, even when they organized the meeting")
    func listedParticipantFallback() {
        let jane = CalendarPerson(email: "jane@acme.example", name: "Jane Doe")
        let me = CalendarPerson(email: "alex@example.org", name: "Alex Learner")
        let selection = InterviewSelection(tag: "[info]", attendees: ["JANE@acme.example"])
        #expect(selection.personName(for: meeting("Informational interview", organizer: jane, attendees: [me, jane])) == "Jane Doe")
        #expect(selection.personName(for: meeting(nil, organizer: me, attendees: [me])) == nil)
    }

    @Test("every occurrence of the tag is removed from the title, ignoring case")
    func tagRemoval() {
        #expect(tagged.titleWithoutTag(of: " [info] Coffee [INFO] ") == "Coffee")
        #expect(InterviewSelection().titleWithoutTag(of: " Coffee ") == "Coffee")
    }

    @Test("an address's domain is a company's, never a free-mail provider's or a calendar service's", arguments: [
        ("jane@acme-robotics.com", "acme-robotics.com"),
        ("mailto:Jane.Doe@CS.Bangor.ac.uk", "cs.bangor.ac.uk"),
        ("jane@mail.acme.example", "mail.acme.example"),
        ("staff@orange.com", "orange.com"),
        ("jane@gmail.com", nil),
        ("jane@yahoo.co.uk", nil),
        ("jane@hotmail.fr", nil),
        ("jane@proton.me", nil),
        ("c_123@group.calendar.google.com", nil),
        ("not an address", nil),
        ("jane@localhost", nil),
    ])
    func companyDomains(email: String, expected: String?) {
        #expect(CompanyDomain.of(email: email) == expected)
    }

    @Test("the invitation's domain is the person's: by their name, their address, a listed address, or the one company domain there")
    func invitationDomain() {
        let me = CalendarPerson(email: "sam.rivera@gmail.com", name: "Sam Rivera")
        let colleague = CalendarPerson(email: "ana@logistics.example", name: "Ana Costa")
        // Named in the CN.
        #expect(tagged.companyDomain(for: meeting("[info] Jane Doe", organizer: colleague, attendees: [
            colleague, CalendarPerson(email: "jane@acme-robotics.com", name: "Jane Doe"), me,
        ]), person: "Jane Doe") == "acme-robotics.com")
        // Named by the address alone.
        #expect(tagged.companyDomain(for: meeting("[info] Jane Doe", organizer: colleague, attendees: [
            colleague, CalendarPerson(email: "jdoe@acme-robotics.com", name: nil),
        ]), person: "Jane Doe") == nil)
        #expect(tagged.companyDomain(for: meeting("[info] Jane Ferreira", organizer: colleague, attendees: [
            colleague, CalendarPerson(email: "jferreira@acme-robotics.com", name: nil),
        ]), person: "Jane Ferreira") == "acme-robotics.com")
        // The only company domain, the user's own address being free mail.
        #expect(tagged.companyDomain(for: meeting("[info] Coffee with Jane Doe", organizer: me, attendees: [
            me, CalendarPerson(email: "office@acme-robotics.com", name: "Acme front desk"),
        ]), person: "Jane Doe") == "acme-robotics.com")
        // Her own address is free mail: no company domain, whoever else is invited.
        #expect(tagged.companyDomain(for: meeting("[info] Jane Doe", organizer: colleague, attendees: [
            colleague, me, CalendarPerson(email: "jane.doe@gmail.com", name: "Jane Doe"),
        ]), person: "Jane Doe") == nil)
        // Two company domains and nothing naming her: no guess.
        #expect(tagged.companyDomain(for: meeting("[info] Jane Doe", organizer: colleague, attendees: [
            colleague, CalendarPerson(email: "office@acme-robotics.com", name: nil),
        ]), person: "Jane Doe") == nil)
    }
}

