import Foundation
import LoopbackServer
import Testing

/// `dossier meeting import` as a user meets it with real calendars (issue 14, points 6, 7, 13, 22).
@Suite("meeting import", .serialized)
struct CalendarImportCommandTests {
    static func calendar(_ events: [[String]]) -> String {
        (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
            + events.flatMap { ["BEGIN:VEVENT"] + $0 + ["END:VEVENT"] } + ["END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n"
    }

    static let outlookEvent = [
        "UID:outlook-1@test", "DTSTAMP:20261101T120000Z", "DTSTART;TZID=W. Europe Standard Time:20261203T150000",
        "DTEND;TZID=W. Europe Standard Time:20261203T154500", "SUMMARY:[info] Coffee with Dr. María-José Ferreira (Lumiar Health)",
        "DESCRIPTION:Intro via Ana Costa\\, who worked with her in Lisbon.",
    ]

    @Test("a calendar with bad events: the good ones are imported, each bad one listed with its line; exit 0")
    func partialImport() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        let file = dossier.home.appendingPathComponent("cal.ics")
        try Self.calendar([
            Self.outlookEvent,
            ["UID:bad-start@test", "DTSTART:next tuesday", "SUMMARY:[info] Coffee with Jo Roe"],
            ["UID:bad-line@test", "DTSTART:20261205T090000Z", "SUMMARY [info] Lunch with Bo Lind"],
            ["UID:no-start@test", "SUMMARY:[info] Call with Al Gore"],
            ["UID:good-2@test", "DTSTAMP:20261101T120000Z", "DTSTART:20261206T090000Z", "SUMMARY:[info] Call with Kim Park"],
        ]).write(to: file, atomically: true, encoding: .utf8)
        let result = try dossier(["meeting", "import", file.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("added: [info] Coffee with Dr. María-José Ferreira (Lumiar Health)"))
        #expect(result.output.contains("added: [info] Call with Kim Park"))
        #expect(result.output.contains("unreadable: line 14: DTSTART \"next tuesday\" is neither a DATE"))
        #expect(result.output.contains("unreadable: line 20: no ':' between the property name and its value"))
        #expect(result.output.contains("unreadable: line 22: VEVENT \"no-start@test\" has no DTSTART"))
        #expect(result.errors.contains("2 added, 0 updated, 0 cancelled, 0 unchanged, 0 skipped, 3 unreadable, 0 other events"))
    }

    @Test("Outlook's zone, an honorific and \"Intro via\": the meeting is with María-José Ferreira at 15:00 Berlin, via Ana Costa; her letter greets her by name")
    func outlookInvitation() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        let file = dossier.home.appendingPathComponent("outlook.ics")
        try Self.calendar([Self.outlookEvent]).write(to: file, atomically: true, encoding: .utf8)
        var result = try dossier(["meeting", "import", file.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(!result.errors.contains("unknown time zone"), "\(result.errors)")
        result = try dossier(["meeting", "list", "--json"])
        let meeting = try #require((try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])?.first)
        #expect(meeting["person"] as? String == "María-José Ferreira")
        #expect(meeting["slug"] as? String == "maria-jose-ferreira")
        #expect(meeting["starts_at"] as? String == "2026-12-03T14:00:00Z")
        #expect(meeting["time_zone"] as? String == "Europe/Berlin")
        #expect(meeting["duration_minutes"] as? Int == 45)
        #expect(meeting["company"] as? String == "Lumiar Health")
        #expect(meeting["via"] as? String == "Ana Costa")
        result = try dossier(["letter", "intro", "1", "--json"])
        let letter = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect((letter?["text"] as? String)?.contains("Dear María-José,") == true, "\(result.output)")
    }

    @Test("a removed imported meeting stays removed through the next import and refresh")
    func removedStaysRemoved() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        let file = dossier.home.appendingPathComponent("cal.ics")
        try Self.calendar([Self.outlookEvent]).write(to: file, atomically: true, encoding: .utf8)
        _ = try dossier(["meeting", "import", file.path])
        var result = try dossier(["meeting", "remove", "1"])
        #expect(result.status == 0, "\(result.errors)")
        result = try dossier(["meeting", "import", file.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("removed earlier, not imported again: [info] Coffee with Dr. María-José Ferreira"))
        result = try dossier(["meeting", "list", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [Any])?.isEmpty == true)
    }

    @Test("a webcal:// link is the calendar over https; the saved address is imported again by refresh, and a removed meeting stays removed")
    func webcal() throws {
        let event = ["UID:web-1@test", "DTSTAMP:20261101T120000Z", "DTSTART:20300105T100000Z", "SUMMARY:[info] Coffee with Jo Roe"]
        let server = try LoopbackServer { request in
            request.path == "/calendar.example/private/abc123.ics" ? .ok(Self.calendar([event]), contentType: "text/calendar") : .notFound
        }
        defer { server.stop() }
        let dossier = try DossierRun()
        defer { dossier.remove() }
        try dossier.useDemoWeb(server, network: ["retries = 0"])
        var result = try dossier(["meeting", "import", "webcal://calendar.example/private/abc123.ics"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("added: [info] Coffee with Jo Roe"))
        let saved = try String(contentsOf: dossier.home.appendingPathComponent("config/calendar-url"), encoding: .utf8)
        #expect(saved == "https://calendar.example/private/abc123.ics\n")
        _ = try dossier(["meeting", "remove", "Jo Roe"])
        result = try dossier(["refresh", "--all"])
        #expect(result.status == 0, "\(result.errors)")
        result = try dossier(["meeting", "list", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [Any])?.isEmpty == true, "\(result.output)")
    }

    @Test("importing an event for a meeting added by hand at the same time links them: one meeting, what was typed kept")
    func noDuplicateOfHandAdded() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        _ = try dossier(["meeting", "add", "María-José Ferreira", "--at", "2026-12-03 15:00", "--tz", "Europe/Berlin", "--goal", "how hospitals buy"])
        let file = dossier.home.appendingPathComponent("cal.ics")
        try Self.calendar([Self.outlookEvent]).write(to: file, atomically: true, encoding: .utf8)
        var result = try dossier(["meeting", "import", file.path])
        #expect(result.output.contains("updated: [info] Coffee with Dr. María-José Ferreira"), "\(result.output)")
        result = try dossier(["meeting", "list", "--json"])
        let meetings = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(meetings.count == 1)
        #expect(meetings.first?["goal"] as? String == "how hospitals buy")
        #expect(meetings.first?["calendar_uid"] as? String == "outlook-1@test")
    }
}
