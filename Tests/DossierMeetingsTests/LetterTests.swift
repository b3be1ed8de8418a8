import DossierCore
@testable import DossierMeetings
import DossierSettings
import DossierTestSupport
import Foundation
import Testing

@Suite("letters")
struct LetterTests {
    private let banks = try! BankFiles.load(shippedDirectory: SharedWorkspace.repository.appendingPathComponent("Banks.d"), userDirectory: nil)

    private func meeting() -> Meeting {
        Meeting(id: 1, person: "Jane Doe", slug: "jane-doe", startsAt: Date(timeIntervalSince1970: 1_796_306_400), timeZone: "UTC",
                company: "Acme Robotics", via: "Ana Costa", callBy: "2026-11-27")
    }

    @Test("the introduction names the network contact and promises a call by the agreed date")
    func introduction() throws {
        let writer = LetterWriter(templates: banks.letters, profile: UserProfile(name: "Sam Rivera", background: "I build logistics software."))
        let letter = try #require(writer.introduction(for: meeting()))
        #expect(letter.contains("Dear Jane,"))
        #expect(letter.contains("Ana Costa suggested that I write to you."))
        #expect(letter.contains("I will call you by 2026-11-27"))
        #expect(letter.contains("Acme Robotics"))
        #expect(letter.hasSuffix("Sam Rivera\n"))
    }

    @Test("the thank-you note draws on the notes and comes with a recap to the contact; missing values are bracketed")
    func thanks() throws {
        let writer = LetterWriter(templates: banks.letters, profile: UserProfile())
        let notes = [MeetingNote(meetingID: 1, text: "Start with the customer's problem\nAsk Bo about the meetup", createdAt: Date())]
        let letter = try #require(writer.thanks(for: meeting(), notes: notes))
        #expect(letter.contains("- Start with the customer's problem\n- Ask Bo about the meetup"))
        #expect(letter.contains("on 2026-12-03"))
        #expect(letter.contains("Dear Ana Costa,"))
        #expect(letter.contains("[your name]"))
    }
}
