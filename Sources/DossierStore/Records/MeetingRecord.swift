import Foundation
import GRDB

/// A meeting with a person: an informational interview, added by hand or imported from a calendar.
public struct MeetingRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "meetings"

    /// Where a meeting stands: still to come, held (the checklist moves to the follow-up), or
    /// cancelled in the calendar.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case upcoming
        case held
        case cancelled
    }

    /// Row id; `nil` until stored.
    public var id: Int64?
    public var personName: String
    /// The person's slug, the folder of their dossier.
    public var slug: String
    /// When it starts (for an all-day meeting, midnight in `timeZone`).
    public var startsAt: Date
    /// The IANA time zone it was given in, for showing it as the user wrote it.
    public var timeZone: String
    public var isAllDay: Bool
    public var durationMinutes: Int
    public var company: String?
    public var domain: String?
    /// The network contact who introduced the person.
    public var via: String?
    /// What the user wants from this meeting.
    public var goal: String?
    public var location: String?
    /// The date (`yyyy-MM-dd`) the letter of introduction promises a call by.
    public var callBy: String?
    public var status: Status
    /// The calendar event's UID, for idempotent imports; nil for meetings added by hand.
    public var calendarUID: String?
    public var calendarSequence: Int?
    public var calendarLastModified: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64? = nil, personName: String, slug: String, startsAt: Date, timeZone: String, isAllDay: Bool = false,
        durationMinutes: Int = 30, company: String? = nil, domain: String? = nil, via: String? = nil, goal: String? = nil,
        location: String? = nil, callBy: String? = nil, status: Status = .upcoming, calendarUID: String? = nil,
        calendarSequence: Int? = nil, calendarLastModified: Date? = nil, at date: Date
    ) {
        self.id = id
        self.personName = personName
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
        self.calendarSequence = calendarSequence
        self.calendarLastModified = calendarLastModified
        self.createdAt = date
        self.updatedAt = date
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// Notes taken at or after a meeting, in the order written.
public struct MeetingNoteRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "meeting_notes"

    public var id: Int64?
    public var meetingID: Int64
    public var text: String
    public var createdAt: Date

    public init(id: Int64? = nil, meetingID: Int64, text: String, createdAt: Date) {
        self.id = id
        self.meetingID = meetingID
        self.text = text
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// The last dossier written for a person, as its JSON, so a refresh can tell what changed and
/// leave the files alone when nothing did.
public struct DossierVersionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "dossier_versions"

    public var personID: Int64
    public var json: String
    public var generatedAt: Date
    /// The hash of everything the dossier was made from: equal inputs, equal dossier.
    public var inputsHash: String

    public init(personID: Int64, json: String, generatedAt: Date, inputsHash: String) {
        self.personID = personID
        self.json = json
        self.generatedAt = generatedAt
        self.inputsHash = inputsHash
    }
}
