@testable import DossierApp
import DossierCore
import DossierExtract
import DossierMeetings
import DossierSchedule
import DossierSettings
import DossierStore
import DossierTestSupport
import Foundation
import Logging
import Testing

/// A store in a temporary folder, removed by `remove()`.
struct TemporaryStore {
    let directory: URL
    let store: DossierStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-meetings-\(UUID().uuidString)")
        store = try DossierStore(directory: directory)
    }

    func remove() {
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }
}

@Suite("meeting times")
struct MeetingTimeTests {
    private let berlin = TimeZone(identifier: "Europe/Berlin")!

    @Test("local times are read in the given zone; offsets and Z name the instant")
    func dateTimes() throws {
        let winter = try MeetingTime.dateTime("2026-12-03 15:00", in: berlin)
        #expect(winter == Date(timeIntervalSince1970: 1_796_306_400))  // 14:00 UTC
        #expect(try MeetingTime.dateTime("2026-12-03T15:00", in: berlin) == winter)
        #expect(try MeetingTime.dateTime("2026-12-03T14:00:00Z", in: berlin) == winter)
        #expect(try MeetingTime.dateTime("2026-12-03T09:00-05:00", in: berlin) == winter)
        let summer = try MeetingTime.dateTime("2026-07-01 15:00", in: berlin)
        #expect(summer == Date(timeIntervalSince1970: 1_782_910_800))  // 13:00 UTC
        #expect(throws: MeetingTimeError.self) { try MeetingTime.dateTime("tomorrow at three", in: berlin) }
        #expect(throws: MeetingTimeError.self) { try MeetingTime.dateTime("2026-13-03 15:00", in: berlin) }
    }

    @Test("durations, spans and dates")
    func durations() throws {
        #expect(try MeetingTime.minutes("30m") == 30)
        #expect(try MeetingTime.minutes("1h30m") == 90)
        #expect(try MeetingTime.minutes("45") == 45)
        #expect(throws: MeetingTimeError.self) { try MeetingTime.minutes("0") }
        #expect(throws: MeetingTimeError.self) { try MeetingTime.minutes("half an hour") }
        #expect(try MeetingTime.span("14d") == 14 * 86_400)
        #expect(try MeetingTime.span("2w") == 14 * 86_400)
        #expect(throws: MeetingTimeError.self) { try MeetingTime.span("soon") }
        #expect(try MeetingTime.day("2026-11-27") == "2026-11-27")
        #expect(throws: MeetingTimeError.self) { try MeetingTime.day("2026-02-30") }
        #expect(MeetingTime.day(of: Date(timeIntervalSince1970: 1_796_306_400), in: berlin, addingDays: 1) == "2026-12-04")
    }
}

@Suite("meetings in the store")
struct MeetingStoreTests {
    @Test("meetings are stored, listed by start, updated, noted and removed with their notes")
    func roundTrip() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = temporary.store
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let later = try store.insertMeeting(MeetingRecord(personName: "Jane Doe", slug: "jane-doe", startsAt: now.addingTimeInterval(7_200),
                                                          timeZone: "Europe/Berlin", via: "Ana Costa", at: now))
        let sooner = try store.insertMeeting(MeetingRecord(personName: "Bo Lind", slug: "bo-lind", startsAt: now.addingTimeInterval(3_600),
                                                           timeZone: "UTC", at: now))
        #expect(try store.meetings().map(\.personName) == ["Bo Lind", "Jane Doe"])
        #expect(try store.meetings(startingIn: now...now.addingTimeInterval(5_000)).map(\.id) == [sooner.id])
        var held = later
        held.status = .held
        try store.updateMeeting(held)
        #expect(try store.meetings(status: .upcoming).map(\.personName) == ["Bo Lind"])
        _ = try store.addNote(MeetingNoteRecord(meetingID: later.id!, text: "Start with the problem", createdAt: now))
        #expect(try store.notes(meetingID: later.id!).map(\.text) == ["Start with the problem"])
        #expect(try store.deleteMeeting(id: later.id!, at: now))
        #expect(try store.notes(meetingID: later.id!).isEmpty)
        #expect(try store.deleteMeeting(id: later.id!, at: now) == false)
    }

    @Test("the meeting a dossier prepares: the next one not cancelled, else the last one held")
    func currentMeeting() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        var past = MeetingRecord(personName: "Jane Doe", slug: "jane-doe", startsAt: now.addingTimeInterval(-90 * 86_400), timeZone: "UTC", at: now)
        past.status = .held
        _ = try temporary.store.insertMeeting(past)
        #expect(try MeetingContext.current(slug: "jane-doe", in: temporary.store, at: now)?.status == .held)
        var cancelled = MeetingRecord(personName: "Jane Doe", slug: "jane-doe", startsAt: now.addingTimeInterval(86_400), timeZone: "UTC", at: now)
        cancelled.status = .cancelled
        _ = try temporary.store.insertMeeting(cancelled)
        let next = try temporary.store.insertMeeting(MeetingRecord(personName: "Jane Doe", slug: "jane-doe",
                                                                   startsAt: now.addingTimeInterval(2 * 86_400), timeZone: "UTC", at: now))
        #expect(try MeetingContext.current(slug: "jane-doe", in: temporary.store, at: now)?.id == next.id)
    }
}

@Suite("calendar import")
struct CalendarImportTests {
    private func calendar(_ events: String) -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + events + "END:VCALENDAR\r\n"
    }

    private func event(uid: String, summary: String, start: String = "20261203T140000Z", sequence: Int = 0,
                       status: String? = nil, extra: String = "") -> String {
        "BEGIN:VEVENT\r\nUID:\(uid)\r\nDTSTAMP:20261101T120000Z\r\nDTSTART:\(start)\r\nDURATION:PT45M\r\nSUMMARY:\(summary)\r\n"
            + "SEQUENCE:\(sequence)\r\n" + (status.map { "STATUS:\($0)\r\n" } ?? "") + extra + "END:VEVENT\r\n"
    }

    @Test("tagged events become meetings; importing again changes nothing; a later SEQUENCE updates, CANCELLED cancels")
    func idempotent() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let importer = CalendarImporter(selection: InterviewSelection(tag: "[info]"), defaultTimeZone: TimeZone(identifier: "UTC")!)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let first = calendar(event(uid: "a@test", summary: "[info] Coffee with Jane Doe (Acme Robotics)")
            + event(uid: "b@test", summary: "Dentist")
            + event(uid: "c@test", summary: "[info] Weekly with Bo Lind", extra: "RRULE:FREQ=WEEKLY\r\n"))
        var report = try importer.importCalendar(first, into: temporary.store, at: now)
        #expect(report.added.count == 1 && report.ignored == 1 && report.skipped.count == 1)
        let meeting = try #require(try temporary.store.meeting(calendarUID: "a@test"))
        #expect(meeting.personName == "Jane Doe" && meeting.company == "Acme Robotics" && meeting.durationMinutes == 45)
        #expect(meeting.startsAt == Date(timeIntervalSince1970: 1_796_306_400))

        report = try importer.importCalendar(first, into: temporary.store, at: now)
        #expect(report.added.isEmpty && report.unchanged.count == 1)
        #expect(try temporary.store.meetings().count == 1)

        var edited = meeting
        edited.via = "Ana Costa"
        try temporary.store.updateMeeting(edited)
        let moved = calendar(event(uid: "a@test", summary: "[info] Coffee with Jane Doe (Acme Robotics)", start: "20261204T090000Z", sequence: 1))
        report = try importer.importCalendar(moved, into: temporary.store, at: now)
        #expect(report.updated.count == 1)
        let updated = try #require(try temporary.store.meeting(calendarUID: "a@test"))
        #expect(updated.startsAt == Date(timeIntervalSince1970: 1_796_374_800))
        #expect(updated.via == "Ana Costa", "what the user set by hand is kept")

        let stale = calendar(event(uid: "a@test", summary: "[info] Coffee with Jane Doe", start: "20261205T090000Z", sequence: 0))
        report = try importer.importCalendar(stale, into: temporary.store, at: now)
        #expect(report.unchanged.count == 1)

        let cancelled = calendar(event(uid: "a@test", summary: "[info] Coffee with Jane Doe", sequence: 2, status: "CANCELLED"))
        report = try importer.importCalendar(cancelled, into: temporary.store, at: now)
        #expect(report.cancelled.count == 1)
        #expect(try temporary.store.meeting(calendarUID: "a@test")?.status == .cancelled)
    }

    @Test("an imported meeting keeps the company domain of the person's address in the invitation, never free mail's")
    func invitationDomain() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let importer = CalendarImporter(selection: InterviewSelection(tag: "[info]"), defaultTimeZone: TimeZone(identifier: "UTC")!)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let text = calendar(
            event(uid: "a@test", summary: "[info] Coffee with Jane Doe",
                  extra: "ORGANIZER;CN=Sam Rivera:mailto:sam.rivera@gmail.com\r\nATTENDEE;CN=Jane Doe:mailto:jane@acme-robotics.com\r\n")
            + event(uid: "b@test", summary: "[info] Jo Roe", extra: "ATTENDEE;CN=Jo Roe:mailto:jo.roe@outlook.com\r\n"))
        _ = try importer.importCalendar(text, into: temporary.store, at: now)
        #expect(try temporary.store.meeting(calendarUID: "a@test")?.domain == "acme-robotics.com")
        #expect(try temporary.store.meeting(calendarUID: "b@test")?.domain == nil)
    }

    @Test("a calendar URL is shown without its secret path")
    func redaction() {
        #expect(CalendarSource.redacted("https://calendar.example/private/abc123/basic.ics") == "https://calendar.example/…")
        #expect(!CalendarSource.redacted("https://user:pw@calendar.example/x").contains("pw"))
    }

    @Test("the saved calendar URL is readable by its owner only")
    func secretFile() throws {
        let homeFolder = try TemporaryFolder("secret")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let paths = DossierPaths(environment: ["DOSSIER_HOME": home.path])
        try CalendarSource.saveSecret("https://calendar.example/private/abc123/basic.ics", paths: paths)
        let attributes = try FileManager.default.attributesOfItem(atPath: paths.configDirectory.appending(path: CalendarSource.secretFileName).path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(CalendarSource.savedSecret(paths: paths) == "https://calendar.example/private/abc123/basic.ics")
    }
}

@Suite("refresh stamp")
struct RefreshStampTests {
    @Test("interactive commands warn when meetings are near and the last refresh is more than two days old")
    func staleness() throws {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let soon = [now.addingTimeInterval(3 * 86_400)]
        #expect(RefreshStamp.staleWarning(upcoming: soon, lastSuccess: nil, now: now)?.contains("never succeeded") == true)
        #expect(RefreshStamp.staleWarning(upcoming: soon, lastSuccess: now.addingTimeInterval(-3 * 86_400), now: now) != nil)
        #expect(RefreshStamp.staleWarning(upcoming: soon, lastSuccess: now.addingTimeInterval(-86_400), now: now) == nil)
        #expect(RefreshStamp.staleWarning(upcoming: [now.addingTimeInterval(30 * 86_400)], lastSuccess: nil, now: now) == nil)

        let homeFolder = try TemporaryFolder("stamp")

        defer { homeFolder.remove() }

        let home = homeFolder.url
        let paths = DossierPaths(environment: ["DOSSIER_HOME": home.path])
        #expect(RefreshStamp.read(paths: paths) == nil)
        try RefreshStamp.write(now, paths: paths)
        #expect(RefreshStamp.read(paths: paths) == now)
    }
}
