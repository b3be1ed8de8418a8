import DossierCore
import DossierMeetings
import Foundation

/// A meeting as the commands show it (`meeting list`, `show`, `add`, `edit`, `done`, `remove`),
/// the same in text and in JSON: its details, its notes, where its dossier is, and where it
/// stands now.
public struct MeetingListing: Sendable, Encodable, Equatable {
    /// Where a meeting stands when it is shown.
    public enum Standing: String, Sendable, Encodable {
        /// Still to come (or under way).
        case upcoming
        /// Over, but not marked held with `meeting done`.
        case past
        case held
        case cancelled
    }

    public var id: Int64
    public var person: String
    public var slug: String
    public var startsAt: Date
    public var endsAt: Date
    public var timeZone: String
    public var allDay: Bool
    public var durationMinutes: Int
    public var company: String?
    public var domain: String?
    public var via: String?
    public var goal: String?
    public var location: String?
    /// `yyyy-MM-dd`.
    public var callBy: String?
    public var status: Standing
    public var calendarUID: String?
    public var notes: [String]
    /// The folder of the person's dossier, when one is there.
    public var dossier: String?

    /// `meeting` with `notes`, as it stands at `now`; `folder` is where its dossier goes.
    public init(_ meeting: Meeting, notes: [MeetingNote], folder: URL, at now: Date) {
        id = meeting.id
        person = meeting.person
        slug = meeting.slug
        startsAt = meeting.startsAt
        endsAt = meeting.startsAt.addingTimeInterval(TimeInterval(meeting.isAllDay ? 86_400 : meeting.durationMinutes * 60))
        timeZone = meeting.timeZone
        allDay = meeting.isAllDay
        durationMinutes = meeting.durationMinutes
        company = meeting.company
        domain = meeting.domain
        via = meeting.via
        goal = meeting.goal
        location = meeting.location
        callBy = meeting.callBy
        switch meeting.status {
        case .upcoming: status = endsAt < now ? .past : .upcoming
        case .held: status = .held
        case .cancelled: status = .cancelled
        }
        calendarUID = meeting.calendarUID
        self.notes = notes.map(\.text)
        dossier = FileManager.default.fileExists(atPath: folder.path) ? folder.path : nil
    }

    /// One line: number, time, person, company, network contact, and the status unless upcoming.
    public var line: String {
        var line = "#\(id)  \(MeetingTime.display(startsAt, in: TimeZone(identifier: timeZone) ?? .current, allDay: allDay))  \(person)"
        if let company { line += " (\(company))" }
        if let via { line += ", via \(via)" }
        if status != .upcoming { line += "  [\(status.rawValue)]" }
        return line
    }
}
