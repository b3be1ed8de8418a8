import DossierCore
import Foundation

/// Drafts the letters around a meeting from the templates of `Banks.d/letters.toml`: the
/// introduction (naming the network contact and promising a call by the agreed date, or a cold
/// e-mail when nobody introduced the user), and after the meeting the thank-you note and the
/// recap to the contact. Nothing is sent; a value that is not known yet becomes a bracketed
/// reminder to fill in. Days are written in words ("Friday 27 November"), as a letter says them.
///
/// The notes the user took are private: they appear in a letter only where a template asks for
/// `{notes}`; otherwise the thank-you draft lists them after the letter, marked as not part of it.
public struct LetterWriter: Sendable {
    public let templates: LetterTemplates
    public let profile: UserProfile

    /// The line that separates a draft from the user's notes listed below it.
    public static let notesHeading = "Your notes, to choose from (private: not part of the letters above)"

    public init(templates: LetterTemplates, profile: UserProfile) {
        self.templates = templates
        self.profile = profile
    }

    /// The introduction letter for a meeting (or a person not met yet): the cold e-mail when the
    /// meeting has no network contact and a `cold` template exists.
    public func introduction(for meeting: Meeting, at now: Date) -> String? {
        let template = meeting.via == nil ? (templates.cold ?? templates.intro) : templates.intro
        return template.map { fill($0, meeting: meeting, notes: [], at: now) }
    }

    /// The thank-you note and, when the meeting has a network contact, the recap to them; then
    /// the notes, listed apart, when no template placed them.
    public func thanks(for meeting: Meeting, notes: [MeetingNote], at now: Date) -> String? {
        guard let thanks = templates.thanks else { return nil }
        var text = fill(thanks, meeting: meeting, notes: notes, at: now)
        var placedNotes = thanks.contains("{notes}")
        if meeting.via != nil, let recap = templates.recap {
            text += "\n---\n\n" + fill(recap, meeting: meeting, notes: notes, at: now)
            placedNotes = placedNotes || recap.contains("{notes}")
        }
        let lines = Self.noteLines(notes)
        if !placedNotes && !lines.isEmpty {
            text += "\n===\n\n" + Self.notesHeading + ":\n\n" + lines.joined(separator: "\n") + "\n"
        }
        return text
    }

    private func fill(_ template: String, meeting: Meeting, notes: [MeetingNote], at now: Date) -> String {
        let noteLines = Self.noteLines(notes)
        let values: [String: String] = [
            "person": meeting.person,
            "first_name": PersonNames.firstName(of: meeting.person),
            "company": meeting.company ?? "[company]",
            "via": meeting.via ?? "[network contact]",
            "call_by": meeting.callBy.flatMap { Self.day(inWords: $0, now: now, in: meeting.zone) } ?? "[call-by date]",
            "meeting_day": Self.day(inWords: MeetingTime.day(of: meeting.startsAt, in: meeting.zone), now: now, in: meeting.zone)
                ?? MeetingTime.day(of: meeting.startsAt, in: meeting.zone),
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

    private static func noteLines(_ notes: [MeetingNote]) -> [String] {
        notes.flatMap { $0.text.split(separator: "\n") }.map { "- " + $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.count > 2 }
    }

    /// A `yyyy-MM-dd` day as a letter writes it: "Friday 27 November", with the year when it is
    /// not the year of `now` ("Monday 4 January 2027"); nil for a text that is not such a day.
    static func day(inWords day: String, now: Date, in zone: TimeZone) -> String? {
        let reader = DateFormatter()
        reader.locale = Locale(identifier: "en_US_POSIX")
        reader.timeZone = zone
        reader.dateFormat = "yyyy-MM-dd"
        guard let date = reader.date(from: day) else { return nil }
        let writer = DateFormatter()
        writer.locale = Locale(identifier: "en_US_POSIX")
        writer.timeZone = zone
        writer.dateFormat = day.prefix(4) == MeetingTime.day(of: now, in: zone).prefix(4) ? "EEEE d MMMM" : "EEEE d MMMM yyyy"
        return writer.string(from: date)
    }
}
