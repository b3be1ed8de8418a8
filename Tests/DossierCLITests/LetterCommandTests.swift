import Foundation
import Testing

/// The letters as a user drafts, edits and drafts them again (issue 14, points 4 and 21).
@Suite("letters", .serialized)
struct LetterCommandTests {
    @Test("a draft the user edited is left as it is (exit 73); --force replaces it and keeps their version beside it")
    func editedDraftKept() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        _ = try dossier(["meeting", "add", "Jane Doe", "--at", "2030-12-03 15:00", "--via", "Ana Costa", "--call-by", "2030-11-27"])
        var result = try dossier(["letter", "intro", "1"])
        #expect(result.status == 0, "\(result.errors)")
        let file = URL(fileURLWithPath: result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        // Drafting again with new details, unedited: replaced.
        _ = try dossier(["meeting", "edit", "1", "--call-by", "2030-11-28"])
        result = try dossier(["letter", "intro", "1"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("Thursday 28 November 2030"))

        let edited = "Dear Jane,\n\nMy own words, which took an hour.\n"
        try edited.write(to: file, atomically: true, encoding: .utf8)
        result = try dossier(["letter", "intro", "1"])
        #expect(result.status == 73)
        #expect(result.errors.contains("was changed since dossier drafted it, and is left as it is; add --force"))
        #expect(try String(contentsOf: file, encoding: .utf8) == edited)

        result = try dossier(["letter", "intro", "1", "--force"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("Ana Costa suggested"))
        let kept = file.deletingLastPathComponent().appendingPathComponent("letter-intro.edited.md")
        #expect(try String(contentsOf: kept, encoding: .utf8) == edited)
    }

    @Test("an introduction needs no meeting; without a network contact it is a cold e-mail")
    func introWithoutMeeting() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        var result = try dossier(["letter", "intro", "Jo Roe", "--via", "Ana Costa", "--call-by", "2030-11-27", "--company", "Acme", "--json"])
        #expect(result.status == 0, "\(result.errors)")
        let letter = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(letter["meeting"] is NSNull)
        let text = try #require(letter["text"] as? String)
        #expect(text.contains("Dear Jo,") && text.contains("Ana Costa suggested") && text.contains("Wednesday 27 November 2030"))
        #expect((letter["file"] as? String)?.hasSuffix("/jo-roe/letter-intro.md") == true)

        result = try dossier(["letter", "intro", "Kim Park", "--company", "Acme"])
        #expect(result.status == 0, "\(result.errors)")
        let cold = try String(contentsOfFile: result.output.trimmingCharacters(in: .whitespacesAndNewlines), encoding: .utf8)
        #expect(cold.contains("I came across your work at Acme"))
        result = try dossier(["letter", "intro", "Kim Park", "--call-by", "someday"])
        #expect(result.status == 64)
    }

    @Test("a thank-you before the meeting warns; the notes are listed apart from the letters")
    func thanksBeforeMeeting() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        _ = try dossier(["meeting", "add", "Jane Doe", "--at", "2030-12-03 15:00", "--via", "Ana Costa"])
        _ = try dossier(["notes", "1", "--text", "Salary band seemed low"])
        var result = try dossier(["letter", "thanks", "1"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("warning: the meeting with Jane Doe is on 2030-12-03 15:00: it has not happened yet"))
        let text = try String(contentsOfFile: result.output.trimmingCharacters(in: .whitespacesAndNewlines), encoding: .utf8)
        let letters = try #require(text.components(separatedBy: "\n===\n").first)
        #expect(!letters.contains("Salary band"))
        #expect(text.contains("(private: not part of the letters above):\n\n- Salary band seemed low"))
        result = try dossier(["letter", "thanks", "Nobody"])
        #expect(result.status == 64)
    }
}
