import Foundation

/// One VEVENT of an iCalendar (RFC 5545) file, reduced to what meeting import needs.
///
/// Text values are unescaped and trimmed; an absent or empty text property is `nil`. Only the
/// event's own properties are read: those of nested components (a VALARM's DESCRIPTION or
/// ATTENDEE) never leak into it.
public struct CalendarEvent: Sendable, Hashable {
    /// UID: the event's identity across updates (with `recurrenceID` for one occurrence of a series).
    public var uid: String
    /// SUMMARY: the title.
    public var summary: String?
    /// DESCRIPTION: the notes, with `\n` escapes turned into line breaks.
    public var description: String?
    /// LOCATION: a place or a meeting link, as written.
    public var location: String?
    /// DTSTART.
    public var start: EventTime
    /// DTEND when given; otherwise `start` plus DURATION when given; otherwise `nil`
    /// (RFC 5545 then means one day for an all-day start and an instant for a date-time start).
    public var end: EventTime?
    /// DURATION in seconds, as written (a day counts 86 400 s; negative when written with `-`);
    /// `nil` when the event has no DURATION property.
    public var duration: TimeInterval?
    /// STATUS, upper-cased: `TENTATIVE`, `CONFIRMED` or `CANCELLED` in well-formed files.
    public var status: String?
    /// SEQUENCE: the revision number; a higher one supersedes a lower one with the same UID. 0 when absent.
    public var sequence: Int
    /// LAST-MODIFIED.
    public var lastModified: Date?
    /// DTSTAMP: when the calendar data was created.
    public var stamp: Date?
    /// ORGANIZER.
    public var organizer: CalendarPerson?
    /// ATTENDEE properties, in file order.
    public var attendees: [CalendarPerson]
    /// Whether the event is a series (it has an RRULE or RDATE); only its first occurrence is `start`.
    public var isRecurring: Bool
    /// RECURRENCE-ID as written (for example `20261203T150000`): present when this event overrides
    /// one occurrence of the series with the same UID.
    public var recurrenceID: String?

    public init(
        uid: String, summary: String? = nil, description: String? = nil, location: String? = nil,
        start: EventTime, end: EventTime? = nil, duration: TimeInterval? = nil, status: String? = nil,
        sequence: Int = 0, lastModified: Date? = nil, stamp: Date? = nil, organizer: CalendarPerson? = nil,
        attendees: [CalendarPerson] = [], isRecurring: Bool = false, recurrenceID: String? = nil
    ) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.location = location
        self.start = start
        self.end = end
        self.duration = duration
        self.status = status
        self.sequence = sequence
        self.lastModified = lastModified
        self.stamp = stamp
        self.organizer = organizer
        self.attendees = attendees
        self.isRecurring = isRecurring
        self.recurrenceID = recurrenceID
    }

    /// Whether the organizer called the event off (STATUS:CANCELLED).
    public var isCancelled: Bool { status == "CANCELLED" }
}

/// When an event starts or ends: an instant, or a calendar day for all-day events.
public enum EventTime: Sendable, Hashable {
    /// An instant. `timeZone` is the identifier of the zone the wall-clock time was written in
    /// (the TZID, or the caller's zone for floating times and unknown TZIDs); `nil` for UTC times.
    case dateTime(Date, timeZone: String?)
    /// A whole day (`VALUE=DATE`), which has no instant until a time zone is chosen.
    case allDay(year: Int, month: Int, day: Int)

    /// The instant, with an all-day time taken as the start of its day in `zone`.
    public func date(in zone: TimeZone) -> Date {
        switch self {
        case .dateTime(let date, _):
            return date
        case .allDay(let year, let month, let day):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let midnight = DateComponents(year: year, month: month, day: day)
            guard let date = calendar.date(from: midnight) else {
                preconditionFailure("an all-day EventTime holds a valid Gregorian date")
            }
            return date
        }
    }
}

/// An ORGANIZER or ATTENDEE: the address and the display name (CN parameter).
public struct CalendarPerson: Sendable, Hashable {
    /// The e-mail address from a `mailto:` value (or the EMAIL parameter); `nil` for other URIs.
    public var email: String?
    /// The CN parameter, as written; some calendars put the e-mail address here.
    public var name: String?

    public init(email: String?, name: String?) {
        self.email = email
        self.name = name
    }
}
