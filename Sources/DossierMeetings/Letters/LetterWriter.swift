import DossierCore
import Foundation

/// Drafts the letters around a meeting from the templates of `Banks.d/letters.toml`: the
/// introduction (naming the network contact and promising a call by the agreed date), and after
/// the meeting the thank-you note and the recap to the contact, both drawing on the notes.
/// Nothing is sent; a value that is not known yet becomes a bracketed reminder to fill in.
public struct LetterWriter: Sendable {
    public let templates: LetterTemplates
    public let profile: UserProfile

    public init(templates: LetterTemplates, profile: UserProfile) {
        self.templates = templates
        self.profile = profile
    }

    /// The introduction letter for a meeting.
    public func introduction(for meeting: Meeting) -> String? {
        templates.intro.map { fill($0, meeting: meeting, notes: []) }
    }

    /// The thank-you note and, when the meeting has a network contact, the recap to them.
    public func thanks(for meeting: Meeting, notes: [MeetingNote]) -> String? {
        guard let thanks = templates.thanks else { return nil }
        var text = fill(thanks, meeting: meeting, notes: notes)
        if meeting.via != nil, let recap = templates.recap {
            text += "\n---\n\n" + fill(recap, meeting: meeting, notes: notes)
        }
        return text
    }

    private func fill(_ template: String, meeting: Meeting, notes: [MeetingNote]) -> String {
        let firstName = PersonNames.firstName(of: meeting.person)
        let noteLines = notes.flatMap { $0.text.split(separator: "\n") }.map { "- " + $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.count > 2 }
        let values: [String: String] = [
            "person": meeting.person,
            "first_name": firstName,
            "company": meeting.company ?? "[company]",
            "via": meeting.via ?? "[network contact]",
            "call_by": meeting.callBy ?? "[call-by date]",
            "meeting_day": MeetingTime.day(of: meeting.startsAt, in: meeting.zone),
            "goal": meeting.goal ?? "[goal]",
            "me": profile.name ?? "[your name]",
            "background": profile.background ?? "",
            "notes": noteLines.isEmpty ? "- [what you learned]" : noteLines.joined(separator: "\n"),
        ]
        var text = template
        for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
        // An empty value leaves no stray blank: "suggested that I write to you. " + "" → one space less.
        text = text.replacingOccurrences(of: " \n", with: "\n")
        return text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }
}
