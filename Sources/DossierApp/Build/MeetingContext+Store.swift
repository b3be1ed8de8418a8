import DossierCore
import DossierStore
import Foundation

extension MeetingContext {
    /// The context of a stored meeting.
    public init(_ meeting: MeetingRecord) {
        self.init(startsAt: meeting.startsAt, timeZone: TimeZone(identifier: meeting.timeZone) ?? .current, via: meeting.via,
                  goal: meeting.goal, callBy: meeting.callBy, held: meeting.status == .held)
    }

    /// The meeting a dossier of the person with `slug` prepares: the next one not cancelled
    /// (from a day ago on), else the last one held.
    public static func current(slug: String, in store: DossierStore, at now: Date) throws -> MeetingRecord? {
        let meetings = try store.meetings().filter { $0.slug == slug && $0.status != .cancelled }
        let dayAgo = now.addingTimeInterval(-86_400)
        return meetings.first { $0.status == .upcoming && $0.startsAt >= dayAgo }
            ?? meetings.last { $0.status == .held }
    }
}
