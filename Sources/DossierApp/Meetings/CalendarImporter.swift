import DossierCore
import DossierMeetings
import DossierStore
import Foundation

/// What an import did with each event of a calendar.
public struct CalendarImportReport: Sendable, Equatable, Codable {
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    public var cancelled: [String] = []
    /// Events that are interviews but could not be imported, with why (recurring, no name).
    public var skipped: [String] = []
    /// Events whose meeting the user removed (`meeting remove`): not imported again.
    public var removed: [String] = []
    /// Events that could not be read, each with its line (`line 12: ...; the event is skipped`);
    /// the other events are imported.
    public var unreadable: [String] = []
    /// Events that are not informational interviews (no tag, no listed attendee).
    public var ignored = 0
    /// The parser's warnings (unknown time zones, bad values).
    public var warnings: [String] = []

    public init() {}
}

/// Brings the informational interviews of a calendar into the store, idempotently: an event
/// is keyed by its UID; a later SEQUENCE or LAST-MODIFIED updates the meeting, an older or
/// equal one leaves it; `STATUS:CANCELLED` cancels it; recurring events are skipped with a
/// note; an event whose meeting the user removed stays removed; a meeting added by hand for the
/// same person at the same time becomes the event's (no duplicate). What the user set by hand
/// (`--via`, `--goal`, `--call-by`, `--domain`) is kept on update. Events that cannot be read are listed with
/// their line, and the others imported. The company's domain is read from the person's e-mail
/// address in the invitation.
public struct CalendarImporter: Sendable {
    public var selection: InterviewSelection
    public var defaultTimeZone: TimeZone

    public init(selection: InterviewSelection, defaultTimeZone: TimeZone = .current) {
        self.selection = selection
        self.defaultTimeZone = defaultTimeZone
    }

    public func importCalendar(_ text: String, into store: DossierStore, at now: Date) throws -> CalendarImportReport {
        let parsed = try CalendarParser.parse(text, defaultTimeZone: defaultTimeZone)
        var report = CalendarImportReport()
        report.warnings = parsed.warnings
        report.unreadable = parsed.problems.map(\.description)
        for event in parsed.events {
            guard selection.matches(event) else {
                report.ignored += 1
                continue
            }
            let label = event.summary ?? event.uid
            if event.isRecurring || event.recurrenceID != nil {
                report.skipped.append("\(label): a recurring event (import single events only)")
                continue
            }
            if try store.isRemovedCalendarEvent(uid: event.uid) {
                report.removed.append(label)
                continue
            }
            let existing = try store.meeting(calendarUID: event.uid) ?? addedByHand(for: event, in: store)
            if let existing, existing.calendarUID != nil, !isNewer(event, than: existing) {
                report.unchanged.append(label)
                continue
            }
            guard let meeting = meeting(from: event, replacing: existing, at: now) else {
                report.skipped.append("\(label): no person's name in the title or the attendees")
                continue
            }
            if existing == nil {
                _ = try store.insertMeeting(meeting)
                report.added.append(label)
            } else {
                try store.updateMeeting(meeting)
                if meeting.status == .cancelled && existing?.status != .cancelled {
                    report.cancelled.append(label)
                } else {
                    report.updated.append(label)
                }
            }
        }
        return report
    }

    /// The meeting the user added by hand for the event's person at the event's start, which the
    /// event then updates rather than duplicates.
    private func addedByHand(for event: CalendarEvent, in store: DossierStore) throws -> MeetingRecord? {
        guard let name = selection.personName(for: event) else { return nil }
        let slug = Slug.make(name)
        let start = event.start.date(in: defaultTimeZone)
        return try store.meetings().first { $0.calendarUID == nil && $0.slug == slug && abs($0.startsAt.timeIntervalSince(start)) < 60 }
    }

    /// A later SEQUENCE wins; at the same SEQUENCE, a later LAST-MODIFIED (or DTSTAMP) does.
    private func isNewer(_ event: CalendarEvent, than meeting: MeetingRecord) -> Bool {
        let storedSequence = meeting.calendarSequence ?? 0
        if event.sequence != storedSequence { return event.sequence > storedSequence }
        guard let modified = event.lastModified ?? event.stamp else { return false }
        return meeting.calendarLastModified.map { modified > $0 } ?? true
    }

    private func meeting(from event: CalendarEvent, replacing existing: MeetingRecord?, at now: Date) -> MeetingRecord? {
        guard let name = selection.personName(for: event) ?? existing?.personName else { return nil }
        let zoneName: String
        var isAllDay = false
        switch event.start {
        case .dateTime(_, let zone): zoneName = zone ?? "UTC"
        case .allDay:
            zoneName = defaultTimeZone.identifier
            isAllDay = true
        }
        let zone = TimeZone(identifier: zoneName) ?? defaultTimeZone
        let startsAt = event.start.date(in: zone)
        let minutes = event.end.map { Int(($0.date(in: zone).timeIntervalSince(startsAt) / 60).rounded()) }
            ?? event.duration.map { Int($0 / 60) } ?? 30
        var meeting = existing ?? MeetingRecord(personName: name, slug: Slug.make(name), startsAt: startsAt, timeZone: zone.identifier, at: now)
        meeting.personName = name
        meeting.slug = Slug.make(name)
        meeting.startsAt = startsAt
        meeting.timeZone = zone.identifier
        meeting.isAllDay = isAllDay
        meeting.durationMinutes = max(minutes, 0)
        meeting.company = selection.company(for: event) ?? existing?.company
        // The domain of the person's address in the invitation (never a free-mail one); one the
        // user set by hand, or an earlier import found, stays.
        meeting.domain = existing?.domain ?? selection.companyDomain(for: event, person: name)
        meeting.location = event.location ?? existing?.location
        meeting.via = existing?.via ?? selection.introducer(for: event)
        meeting.status = event.isCancelled ? .cancelled : (existing?.status == .held ? .held : .upcoming)
        meeting.calendarUID = event.uid
        meeting.calendarSequence = event.sequence
        meeting.calendarLastModified = event.lastModified ?? event.stamp
        meeting.updatedAt = now
        return meeting
    }
}
