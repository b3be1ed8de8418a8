@testable import DossierMeetings
import Foundation
import Testing

@Suite("names around a meeting")
struct PersonNamesTests {
    @Test("honorifics are not part of a name, nor the first name a letter greets")
    func honorifics() {
        #expect(PersonNames.withoutHonorifics("Dr. María-José Ferreira") == "María-José Ferreira")
        #expect(PersonNames.withoutHonorifics("Prof. Dr. Jo Roe") == "Jo Roe")
        #expect(PersonNames.withoutHonorifics("Mme Camille Durand") == "Camille Durand")
        #expect(PersonNames.withoutHonorifics("Drew Barrymore") == "Drew Barrymore")
        #expect(PersonNames.withoutHonorifics("Dr.") == "Dr.")
        #expect(PersonNames.firstName(of: "Dr. María-José Ferreira") == "María-José")
        #expect(PersonNames.firstName(of: "Jane Doe") == "Jane")
    }

    @Test("a calendar title with an honorific gives the name without it")
    func titleWithHonorific() {
        let event = CalendarEvent(uid: "x", summary: "[info] Coffee with Dr. María-José Ferreira (Hospital Lumiar)",
                                  start: .dateTime(Date(timeIntervalSince1970: 0), timeZone: nil))
        let selection = InterviewSelection(tag: "[info]")
        #expect(selection.personName(for: event) == "María-José Ferreira")
        #expect(selection.company(for: event) == "Hospital Lumiar")
    }

    @Test("the network contact is read from the description",
          arguments: [
              ("Intro via Ana Costa", "Ana Costa"),
              ("Agenda: careers in energy.\nIntroduced by Dr. Ana de la Costa, who worked with her.", "Ana de la Costa"),
              ("referred by Jan van Dijk (ex-colleague)", "Jan van Dijk"),
              ("Intro via ana costa", nil),
              ("We met via the meetup", nil),
              ("Call me on 555 1234", nil),
          ] as [(String, String?)])
    func introducer(description: String, expected: String?) {
        #expect(MeetingDescription.introducer(in: description) == expected)
    }

    @Test("every Windows zone name maps to a zone this system knows; Outlook's names are read in their zone")
    func windowsZones() throws {
        let unknown = WindowsTimeZones.table.values.filter { TimeZone(identifier: $0) == nil }
        #expect(unknown.isEmpty, "\(unknown)")
        #expect(WindowsTimeZones.ianaIdentifier(for: "W. Europe Standard Time") == "Europe/Berlin")
        let text = [
            "BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:outlook-1", "DTSTART;TZID=W. Europe Standard Time:20261203T150000",
            "SUMMARY:[info] Coffee with Jo Roe", "END:VEVENT", "END:VCALENDAR",
        ].joined(separator: "\r\n")
        let result = try CalendarParser.parse(text, defaultTimeZone: TimeZone(identifier: "Asia/Tokyo")!)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.events.first?.start == .dateTime(ISO8601DateFormatter().date(from: "2026-12-03T14:00:00Z")!, timeZone: "Europe/Berlin"))
    }
}
