import DossierCore
@testable import DossierMeetings
import DossierSettings
import DossierTestSupport
import Foundation
import Testing

@Suite("letters")
struct LetterTests {
    private let banks = try! BankFiles.load(shippedDirectory: SharedWorkspace.repository.appendingPathComponent("Banks.d"), userDirectory: nil)
    /// 2026-11-30, before the meeting.
    private let now = Date(timeIntervalSince1970: 1_796_000_000)

    private func meeting(via: String? = "Ana Costa") -> Meeting {
        Meeting(id: 1, person: "Jane Doe", slug: "jane-doe", startsAt: Date(timeIntervalSince1970: 1_796_306_400), timeZone: "UTC",
                company: "Acme Robotics", via: via, callBy: "2026-11-27")
    }

    /// The paragraphs of a letter: the text between blank lines.
    private func paragraphs(_ letter: String) -> [String] {
        letter.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    @Test("the introduction names the network contact and promises a call by the agreed day, in words; each paragraph is one line")
    func introduction() throws {
        let writer = LetterWriter(templates: banks.letters, profile: UserProfile(name: "Sam Rivera", background: "I build logistics software."))
        let letter = try #require(writer.introduction(for: meeting(), at: now))
        #expect(letter.contains("Dear Jane,"))
        #expect(letter.contains("Ana Costa suggested that I write to you. I build logistics software."))
        #expect(letter.contains("I will call you on Friday 27 November to ask"))
        #expect(letter.contains("Acme Robotics"))
        #expect(letter.hasSuffix("Sam Rivera\n"))
        let body = paragraphs(letter).filter { $0.count > 80 }
        #expect(!body.isEmpty && body.allSatisfy { !$0.contains("\n") }, "paragraphs are not hard-wrapped: \(body)")
    }

    @Test("without a network contact the introduction is a cold e-mail that names no one")
    func coldEmail() throws {
        let writer = LetterWriter(templates: banks.letters, profile: UserProfile(name: "Sam Rivera"))
        let letter = try #require(writer.introduction(for: meeting(via: nil), at: now))
        #expect(letter.contains("Subject: A question about your work at Acme Robotics"))
        #expect(letter.contains("I came across your work at Acme Robotics"))
        #expect(!letter.contains("suggested") && !letter.contains("[network contact]"))
    }

    @Test("the thank-you note comes with a recap to the contact; the notes are listed after them, marked private, never in a letter")
    func thanks() throws {
        let writer = LetterWriter(templates: banks.letters, profile: UserProfile())
        let notes = [MeetingNote(meetingID: 1, text: "Start with the customer's problem\nSalary band seemed low", createdAt: now)]
        let letter = try #require(writer.thanks(for: meeting(), notes: notes, at: now))
        let parts = letter.components(separatedBy: "\n===\n")
        try #require(parts.count == 2)
        #expect(!parts[0].contains("Salary band"), "a private note is not in a letter")
        #expect(parts[0].contains("on Thursday 3 December"))
        #expect(parts[0].contains("Dear Ana Costa,"))
        #expect(parts[0].contains("[your name]"))
        #expect(parts[1].contains(LetterWriter.notesHeading))
        #expect(parts[1].contains("- Start with the customer's problem\n- Salary band seemed low"))
    }

    @Test("a day in another year is written with its year")
    func dayInWords() {
        let utc = TimeZone(identifier: "UTC")!
        #expect(LetterWriter.day(inWords: "2027-01-04", now: now, in: utc) == "Monday 4 January 2027")
        #expect(LetterWriter.day(inWords: "2026-12-03", now: now, in: utc) == "Thursday 3 December")
        #expect(LetterWriter.day(inWords: "soon", now: now, in: utc) == nil)
    }

    @Test("the README's own [me] example gives an introduction whose background reads as a sentence of its own")
    func readmeBackground() throws {
        let readme = try String(contentsOf: SharedWorkspace.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix("background = \"") })
        let background = try #require(line.split(separator: "\"").dropFirst().first.map(String.init))
        let writer = LetterWriter(templates: banks.letters, profile: UserProfile(name: "Sam Rivera", background: background))
        let letter = try #require(writer.introduction(for: meeting(), at: now))
        #expect(background.hasPrefix("I "), "a first-person sentence: \(background)")
        #expect(letter.contains("Ana Costa suggested that I write to you. \(background)"))
    }
}
