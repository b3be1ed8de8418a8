import Foundation
import GRDB

/// Meetings, their notes, and the last dossier written per person.
extension DossierStore {
    /// Stores a new meeting; returns it with its id.
    public func insertMeeting(_ meeting: MeetingRecord) throws -> MeetingRecord {
        try write("store the meeting with \(meeting.personName)") { db in
            var meeting = meeting
            try meeting.insert(db)
            return meeting
        }
    }

    /// Overwrites a stored meeting (matched by id).
    public func updateMeeting(_ meeting: MeetingRecord) throws {
        try write("update meeting \(meeting.id.map(String.init) ?? "?")") { db in
            try meeting.update(db)
        }
    }

    /// Deletes a meeting and its notes; false when there was none with that id. An imported
    /// meeting's calendar UID is kept in the same transaction, so that the next import of the
    /// calendar does not bring the meeting back (``isRemovedCalendarEvent(uid:)``).
    @discardableResult
    public func deleteMeeting(id: Int64, at date: Date) throws -> Bool {
        try write("delete meeting \(id)") { db in
            if let uid = try MeetingRecord.fetchOne(db, key: id)?.calendarUID {
                try db.execute(sql: "INSERT OR REPLACE INTO removed_calendar_events (calendarUID, removedAt) VALUES (?, ?)",
                               arguments: [uid, date])
            }
            return try MeetingRecord.deleteOne(db, key: id)
        }
    }

    /// Whether the user removed the meeting imported from the calendar event with this UID.
    public func isRemovedCalendarEvent(uid: String) throws -> Bool {
        try read("look up removed calendar event \(uid)") { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM removed_calendar_events WHERE calendarUID = ?)", arguments: [uid])
                ?? false
        }
    }

    public func meeting(id: Int64) throws -> MeetingRecord? {
        try read("load meeting \(id)") { db in
            try MeetingRecord.fetchOne(db, key: id)
        }
    }

    /// The meeting imported from the calendar event with this UID, if any.
    public func meeting(calendarUID: String) throws -> MeetingRecord? {
        try read("load the meeting of calendar event \(calendarUID)") { db in
            try MeetingRecord.filter(Column("calendarUID") == calendarUID).fetchOne(db)
        }
    }

    /// Meetings by start time, optionally only those with `status` starting in `range`.
    public func meetings(status: MeetingRecord.Status? = nil, startingIn range: ClosedRange<Date>? = nil) throws -> [MeetingRecord] {
        try read("list meetings") { db in
            var request = MeetingRecord.all()
            if let status { request = request.filter(Column("status") == status.rawValue) }
            if let range {
                request = request.filter(Column("startsAt") >= range.lowerBound && Column("startsAt") <= range.upperBound)
            }
            return try request.order(Column("startsAt"), Column("id")).fetchAll(db)
        }
    }

    /// Appends a note to a meeting; returns it with its id.
    public func addNote(_ note: MeetingNoteRecord) throws -> MeetingNoteRecord {
        try write("store a note for meeting \(note.meetingID)") { db in
            var note = note
            try note.insert(db)
            return note
        }
    }

    /// A meeting's notes, oldest first.
    public func notes(meetingID: Int64) throws -> [MeetingNoteRecord] {
        try read("load the notes of meeting \(meetingID)") { db in
            try MeetingNoteRecord.filter(Column("meetingID") == meetingID).order(Column("createdAt"), Column("id")).fetchAll(db)
        }
    }

    /// Puts back `previous` as the dossier of `personID`, or forgets the person's dossier when
    /// there was none: for a build whose files could not be put in place after it was stored.
    public func restoreDossierVersion(personID: Int64, to previous: DossierVersionRecord?) throws {
        try write("restore the dossier of person \(personID)") { db in
            if let previous {
                try previous.save(db)
            } else {
                _ = try DossierVersionRecord.deleteOne(db, key: personID)
            }
        }
    }

    /// The dossier last written for a person, if any.
    public func dossierVersion(personID: Int64) throws -> DossierVersionRecord? {
        try read("load the dossier of person \(personID)") { db in
            try DossierVersionRecord.fetchOne(db, key: personID)
        }
    }
}
