@testable import DossierCore
import Testing

@Suite("speakers of an interview")
struct SpeakerReaderTests {
    @Test("Q: and A: on a page about the person: the answers are theirs, the questions the interviewer's")
    func questionsAndAnswers() {
        let turns = SpeakerReader(personName: "Junior Gaspard").turns(of: """
            Experience is thrilled to have Junior Gaspard as our new President and CEO.
            Q: How do you prioritize your day?
            A: I block time for meetings and separate time for emails.
            Q: Where did you grow up?
            A: St. Croix in the U.S. Virgin Islands.
            """, title: "Introducing Junior Gaspard")
        #expect(turns.map(\.speaker) == [.narrator, .question, .subject, .question, .subject])
        #expect(turns[2].text == "I block time for meetings and separate time for emails.")
    }

    @Test("answers labelled with names: the person's by first name, another speaker's kept apart, unlabelled questions")
    func labelledSpeakers() {
        let turns = SpeakerReader(personName: "Marissa Halpert").turns(of: """
            Marissa Halpert and Rick Terrill led the shift.
            Could you share a bit about your background?
            Rick: I got into tech through a love of video games.
            Marissa: I was introduced to programming in high school.
            Rick: It was a two-phase approach.
            Marissa: Being AMP-first means constantly flexing your creative muscles.
            """, title: "People behind the code")
        #expect(turns.map(\.speaker) == [.narrator, .question, .other("Rick"), .subject, .other("Rick"), .subject])
    }

    @Test("a page that is not an interview is the narrator's, a one-off 'Update:' label included")
    func narration() {
        let turns = SpeakerReader(personName: "Ada Quill").turns(of: "Update: Ada Quill joined Lumen Grid.\\nShe leads its storage team.", title: nil)
        #expect(turns.allSatisfy { $0.speaker == .narrator })
    }

    @Test("in a Q&A, a paragraph after an answer and before the next question goes on with that answer")
    func answerGoesOn() {
        let turns = SpeakerReader(personName: "Junior Gaspard").turns(of: """
            Experience is thrilled to have Junior Gaspard as our new President and CEO.
            Q: How do you prioritize your day?
            A: I block time for meetings and separate time for emails.
            The best thing about Experience are the people who work here.
            Q: Where did you grow up?
            A: St. Croix in the U.S. Virgin Islands.
            Thanks for reading, and stay tuned.
            """, title: "Introducing Junior Gaspard")
        #expect(turns.map(\.speaker) == [.narrator, .question, .subject, .subject, .question, .subject, .narrator])
    }

    @Test("a speaker labelled by first name goes by the full name the page gives them")
    func speakerFullName() {
        let text = "Ada Quill, an engineer in Porto, and Jon Berg, leading the field crews out of Lyon, ran the move.\nJon: We planned it for a year."
        #expect(SpeakerReader.fullName(of: "Jon", in: text) == "Jon Berg")
        #expect(SpeakerReader.fullName(of: "Pia", in: text) == "Pia")
        #expect(SpeakerReader.fullName(of: "Jon", in: "Jon: We planned it. Jon The Builder said so.") == "Jon")
        // Only the introduction before their first turn names them, not a namesake quoted later.
        #expect(SpeakerReader.fullName(of: "Steve", in: "Our guest today.\nSteve: As Steve Jobs once said, ship it.") == "Steve")
    }
}
