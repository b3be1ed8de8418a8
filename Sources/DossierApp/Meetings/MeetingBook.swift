import DossierCore
import DossierMeetings
import DossierStore
import Foundation

/// A meeting named by the user: its number (`12` or `#12`) or the person's name.
public struct MeetingReference: Sendable, Equatable {
    public let text: String

    /// Nil for an empty or blank text.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        self.text = trimmed
    }

    /// The meeting's number, when the reference is one.
    public var meetingID: Int64? { Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text) }
}

/// What `meeting add` and `meeting edit` set: nil leaves a detail as it is; an empty text
/// clears an optional one.
public struct MeetingChanges: Sendable, Equatable {
    public var startsAt: Date?
    /// The IANA zone `startsAt` was given in; without `startsAt`, the zone the meeting moves to
    /// at the same clock time.
    public var timeZone: String?
    public var durationMinutes: Int?
    public var company: String?
    public var domain: String?
    public var via: String?
    public var goal: String?
    public var location: String?
    /// `yyyy-MM-dd`.
    public var callBy: String?

    public init(startsAt: Date? = nil, timeZone: String? = nil, durationMinutes: Int? = nil, company: String? = nil,
                domain: String? = nil, via: String? = nil, goal: String? = nil, location: String? = nil, callBy: String? = nil) {
        self.startsAt = startsAt
        self.timeZone = timeZone
        self.durationMinutes = durationMinutes
        self.company = company
        self.domain = domain
        self.via = via
        self.goal = goal
        self.location = location
        self.callBy = callBy
    }

    func apply(to meeting: inout MeetingRecord) {
        if let startsAt {
            meeting.startsAt = startsAt
            meeting.timeZone = timeZone ?? meeting.timeZone
            meeting.isAllDay = false
        } else if let timeZone, timeZone != meeting.timeZone, let zone = TimeZone(identifier: timeZone) {
            meeting.startsAt = Self.sameClockTime(as: meeting.startsAt, in: TimeZone(identifier: meeting.timeZone) ?? .current, movedTo: zone)
            meeting.timeZone = timeZone
        }
        if let durationMinutes { meeting.durationMinutes = durationMinutes }
        if let callBy { meeting.callBy = callBy.isEmpty ? nil : callBy }
        if let company { meeting.company = company.isEmpty ? nil : company }
        if let domain { meeting.domain = domain.isEmpty ? nil : domain }
        if let via { meeting.via = via.isEmpty ? nil : via }
        if let goal { meeting.goal = goal.isEmpty ? nil : goal }
        if let location { meeting.location = location.isEmpty ? nil : location }
    }

    /// The instant that shows the same date and clock time in `zone` as `date` does in `old`
    /// (15:00 in Berlin becomes 15:00 in Tokyo); a time the clocks skip there moves past the gap.
    static func sameClockTime(as date: Date, in old: TimeZone, movedTo zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = old
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        calendar.timeZone = zone
        return calendar.date(from: parts) ?? date
    }
}

/// The user's informational interviews: added, changed, marked held, removed, listed, found by
/// number or by name, with the notes taken about them.
public struct MeetingBook: Sendable {
    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Stores a new meeting; the same person at the same time twice is a usage error naming the
    /// meeting already stored.
    public func add(person: String, changes: MeetingChanges, at now: Date) async throws(AppError) -> Meeting {
        var record = MeetingRecord(personName: person, slug: Slug.make(person), startsAt: now,
                                   timeZone: TimeZone.current.identifier, at: now)
        changes.apply(to: &record)
        let stored = try await workspace.writingStore(command: "dossier meeting add") { store in
            if let twin = try store.meetings().first(where: { $0.slug == record.slug && abs($0.startsAt.timeIntervalSince(record.startsAt)) < 60 }) {
                throw AppError(.usage, "\(Meeting(twin).person) already has meeting #\(twin.id!) at that time; "
                    + "change it with `dossier meeting edit \(twin.id!)`")
            }
            return try store.insertMeeting(record)
        }
        return Meeting(stored)
    }

    /// Every meeting with its notes, soonest first; with `span`, only the upcoming ones starting
    /// within it.
    public func list(upcomingWithin span: TimeInterval?, at now: Date) throws(AppError) -> [MeetingListing] {
        let range = span.map { now...now.addingTimeInterval($0) }
        return try workspace.readingStore { store in
            try store.meetings(status: range == nil ? nil : .upcoming, startingIn: range).map { record in
                listing(of: Meeting(record), notes: try store.notes(meetingID: record.id!).map(MeetingNote.init), at: now)
            }
        }
    }

    /// The meeting meant, with its notes.
    public func show(_ reference: MeetingReference, at now: Date) throws(AppError) -> (Meeting, [MeetingNote]) {
        try workspace.readingStore { store in
            let record = try Self.resolve(reference, in: store, at: now)
            return (Meeting(record), try store.notes(meetingID: record.id!).map(MeetingNote.init))
        }
    }

    /// The meeting meant, with its notes; nil when the reference is a name with no meeting
    /// (a number that is no meeting, or a name with several, is still an error).
    public func find(_ reference: MeetingReference, at now: Date) throws(AppError) -> (Meeting, [MeetingNote])? {
        try workspace.readingStore { store in
            let slug = Slug.make(reference.text)
            guard try reference.meetingID != nil || store.meetings().contains(where: { $0.slug == slug }) else { return nil }
            let record = try Self.resolve(reference, in: store, at: now)
            return (Meeting(record), try store.notes(meetingID: record.id!).map(MeetingNote.init))
        }
    }

    /// The meeting meant, as the commands show it.
    public func listing(_ reference: MeetingReference, at now: Date) throws(AppError) -> MeetingListing {
        let (meeting, notes) = try show(reference, at: now)
        return listing(of: meeting, notes: notes, at: now)
    }

    /// `meeting` as the commands show it.
    public func listing(of meeting: Meeting, notes: [MeetingNote], at now: Date) -> MeetingListing {
        MeetingListing(meeting, notes: notes, folder: workspace.folder(slug: meeting.slug), at: now)
    }

    public func edit(_ reference: MeetingReference, changes: MeetingChanges, at now: Date) async throws(AppError) -> Meeting {
        try await change(reference, command: "dossier meeting edit", at: now) { changes.apply(to: &$0) }
    }

    /// Marks the meeting held: its dossier's checklist moves on to the follow-up steps.
    public func markHeld(_ reference: MeetingReference, at now: Date) async throws(AppError) -> Meeting {
        try await change(reference, command: "dossier meeting done", at: now) { $0.status = .held }
    }

    /// Removes the meeting and its notes (the dossier's files stay).
    public func remove(_ reference: MeetingReference, at now: Date) async throws(AppError) -> Meeting {
        try await workspace.writingStore(command: "dossier meeting remove") { store in
            let record = try Self.resolve(reference, in: store, at: now)
            _ = try store.deleteMeeting(id: record.id!, at: now)
            return Meeting(record)
        }
    }

    public func notes(of reference: MeetingReference, at now: Date) throws(AppError) -> [MeetingNote] {
        try show(reference, at: now).1
    }

    public func addNote(_ text: String, to reference: MeetingReference, at now: Date) async throws(AppError) -> (Meeting, MeetingNote) {
        try await workspace.writingStore(command: "dossier notes") { store in
            let record = try Self.resolve(reference, in: store, at: now)
            let note = try store.addNote(MeetingNoteRecord(meetingID: record.id!, text: text, createdAt: now))
            return (Meeting(record), MeetingNote(note))
        }
    }

    /// The folder name of the person meant: the meeting's person for a number, else the name's.
    /// Naming a person needs no meeting: their dossier may have been built without one.
    public func slug(of reference: MeetingReference) throws(AppError) -> String {
        try workspace.readingStore { store in
            try reference.meetingID.flatMap { try store.meeting(id: $0)?.slug } ?? Slug.make(reference.text)
        }
    }

    private func change(
        _ reference: MeetingReference, command: String, at now: Date, _ edit: @escaping (inout MeetingRecord) -> Void
    ) async throws(AppError) -> Meeting {
        try await workspace.writingStore(command: command) { store in
            var record = try Self.resolve(reference, in: store, at: now)
            edit(&record)
            record.updatedAt = now
            try store.updateMeeting(record)
            return Meeting(record)
        }
    }

    /// The meeting meant, by one rule for every command: its number, or a person's name that
    /// has exactly one meeting. No meeting, or several (listed, to choose from by number), is a
    /// usage error.
    static func resolve(_ reference: MeetingReference, in store: DossierStore, at now: Date) throws -> MeetingRecord {
        if let id = reference.meetingID {
            guard let meeting = try store.meeting(id: id) else {
                throw AppError(.usage, "no meeting #\(id) (see `dossier meeting list`)")
            }
            return meeting
        }
        let slug = Slug.make(reference.text)
        let theirs = try store.meetings().filter { $0.slug == slug }
        guard theirs.count <= 1 else {
            let candidates = theirs.map { "  " + MeetingListing(Meeting($0), notes: [], folder: URL(fileURLWithPath: "/"), at: now).line }
            throw AppError(.usage, "\(reference.text) has \(theirs.count) meetings; name one by its number:\n"
                + candidates.joined(separator: "\n"))
        }
        guard let only = theirs.first else {
            throw AppError(.usage, "no meeting with \(reference.text) (see `dossier meeting list`)")
        }
        return only
    }
}

extension Meeting {
    /// The meeting a stored record holds.
    init(_ record: MeetingRecord) {
        self.init(
            id: record.id ?? 0, person: record.personName, slug: record.slug, startsAt: record.startsAt,
            timeZone: record.timeZone, isAllDay: record.isAllDay, durationMinutes: record.durationMinutes,
            company: record.company, domain: record.domain, via: record.via, goal: record.goal, location: record.location,
            callBy: record.callBy, status: Meeting.Status(rawValue: record.status.rawValue) ?? .upcoming,
            calendarUID: record.calendarUID
        )
    }
}

extension MeetingNote {
    init(_ record: MeetingNoteRecord) {
        self.init(meetingID: record.meetingID, text: record.text, createdAt: record.createdAt)
    }
}
