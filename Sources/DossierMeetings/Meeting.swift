import DossierCore
import Foundation

/// An informational interview as the user planned it: whom, when, with whose introduction and
/// what for. The application layer keeps meetings in the store and hands them out as these values.
public struct Meeting: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable, Codable {
        case upcoming
        case held
        case cancelled
    }

    public var id: Int64
    /// The person's name as the user wrote it.
    public var person: String
    /// The folder name of their dossier.
    public var slug: String
    public var startsAt: Date
    /// An IANA time zone identifier.
    public var timeZone: String
    public var isAllDay: Bool
    public var durationMinutes: Int
    public var company: String?
    public var domain: String?
    /// The network contact who introduced the user.
    public var via: String?
    public var goal: String?
    /// An address or a video link.
    public var location: String?
    /// `yyyy-MM-dd`: the day the letter of introduction promised a call by.
    public var callBy: String?
    public var status: Status
    /// The iCalendar UID of an imported meeting.
    public var calendarUID: String?

    public init(
        id: Int64, person: String, slug: String, startsAt: Date, timeZone: String, isAllDay: Bool = false,
        durationMinutes: Int = 30, company: String? = nil, domain: String? = nil, via: String? = nil, goal: String? = nil,
        location: String? = nil, callBy: String? = nil, status: Status = .upcoming, calendarUID: String? = nil
    ) {
        self.id = id
        self.person = person
        self.slug = slug
        self.startsAt = startsAt
        self.timeZone = timeZone
        self.isAllDay = isAllDay
        self.durationMinutes = durationMinutes
        self.company = company
        self.domain = domain
        self.via = via
        self.goal = goal
        self.location = location
        self.callBy = callBy
        self.status = status
        self.calendarUID = calendarUID
    }

    /// The zone the meeting was planned in (this machine's when the identifier is unknown).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? .current }

    /// What the dossier needs to know of the meeting.
    public var context: MeetingContext {
        MeetingContext(startsAt: startsAt, timeZone: zone, via: via, goal: goal, callBy: callBy, held: status == .held, place: location)
    }
}

/// A note the user took about a meeting.
public struct MeetingNote: Sendable, Equatable {
    public var meetingID: Int64
    public var text: String
    public var createdAt: Date

    public init(meetingID: Int64, text: String, createdAt: Date) {
        self.meetingID = meetingID
        self.text = text
        self.createdAt = createdAt
    }
}
