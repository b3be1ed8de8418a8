import Foundation

/// What the dossier needs to know of the meeting it prepares: when it is, who introduced the
/// person, what the user wants from it, the date the introduction promised a call by, and
/// whether it has been held.
public struct MeetingContext: Sendable, Equatable {
    public var startsAt: Date
    public var timeZone: TimeZone
    public var via: String?
    public var goal: String?
    /// `yyyy-MM-dd`.
    public var callBy: String?
    public var held: Bool
    /// Where: an address or a video link.
    public var place: String?

    public init(startsAt: Date, timeZone: TimeZone, via: String? = nil, goal: String? = nil, callBy: String? = nil, held: Bool = false,
                place: String? = nil) {
        self.startsAt = startsAt
        self.timeZone = timeZone
        self.via = via
        self.goal = goal
        self.callBy = callBy
        self.held = held
        self.place = place
    }

    /// The start as the dossier's first line shows it: "Tue 8 Dec 2026, 10:00 (Europe/Berlin)".
    public var whenText: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE d MMM yyyy, HH:mm"
        return formatter.string(from: startsAt) + " (\(timeZone.identifier))"
    }

    /// The day (`yyyy-MM-dd`) a step of the routine is due: the letter a week before the
    /// promised call (two weeks before the meeting without one), the call on the promised
    /// date (a week before without one), the confirmation and the meeting on its day, the
    /// follow-up the next day.
    public func due(_ step: RoutineStep) -> String? {
        let meetingDay = MeetingTime.day(of: startsAt, in: timeZone)
        switch step.when {
        case .letter:
            if let callBy, let date = Self.date(callBy) { return MeetingTime.day(of: date, in: Self.utc, addingDays: -7) }
            return MeetingTime.day(of: startsAt, in: timeZone, addingDays: -14)
        case .call: return callBy ?? MeetingTime.day(of: startsAt, in: timeZone, addingDays: -7)
        case .morning, .meeting: return meetingDay
        case .nextDay: return MeetingTime.day(of: startsAt, in: timeZone, addingDays: 1)
        }
    }

    private static let utc = TimeZone(identifier: "UTC")!

    private static func date(_ day: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = utc
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: day)
    }
}
