@testable import DossierMeetings
import Foundation
import Testing

@Suite("iCalendar parser")
struct CalendarParserTests {
    private let tokyo = TimeZone(identifier: "Asia/Tokyo")!

    /// A calendar with one event whose properties start on line 5; `lineEnd` joins every line.
    private func calendar(_ eventLines: [String], lineEnd: String = "\r\n") -> String {
        let lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//dossier//tests//EN", "BEGIN:VEVENT"]
            + eventLines + ["END:VEVENT", "END:VCALENDAR"]
        return lines.joined(separator: lineEnd) + lineEnd
    }

    /// The single event of a calendar built by `calendar(_:)`, read with Tokyo as the default zone.
    private func event(_ eventLines: [String]) throws -> CalendarEvent {
        let result = try CalendarParser.parse(calendar(eventLines), defaultTimeZone: tokyo)
        try #require(result.events.count == 1)
        return result.events[0]
    }

    private func utc(_ iso: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: iso))
    }

    private func parseError(_ text: String) -> CalendarParseError? {
        do {
            _ = try CalendarParser.parse(text, defaultTimeZone: tokyo)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Lines

    @Test("folded lines are joined, also in the middle of a word, after CRLF or LF and a space or tab")
    func folding() throws {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:fold-1\r\nDTSTART:20261203T140000Z\r\n"
            + "SUMMARY:Informational inter\r\n view with Jürgen Mül\n\tler\r\n"
            + "DESCRIPTION:first \r\n second\r\n  third\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n"
        let event = try #require(try CalendarParser.parse(text, defaultTimeZone: tokyo).events.first)
        #expect(event.summary == "Informational interview with Jürgen Müller")
        #expect(event.description == "first second third")
    }

    @Test("a fold between a letter and its combining accent joins them into one character again")
    func foldInsideGraphemeCluster() throws {
        let event = try event(["UID:fold-2", "DTSTART:20261203T140000Z", "SUMMARY:Rene\r\n \u{301}e"])
        #expect(event.summary == "Rene\u{301}e")
        #expect(event.summary?.count == 5)
    }

    @Test("CRLF, bare LF and a UTF-8 byte order mark give the same events")
    func lineEndsAndByteOrderMark() throws {
        let lines = ["UID:le-1", "DTSTART;TZID=Europe/Berlin:20261203T150000", "SUMMARY:Coffee with Jane Doe",
                     "DESCRIPTION:long\r\n  text"]
        let crlf = try CalendarParser.parse(calendar(lines, lineEnd: "\r\n"), defaultTimeZone: tokyo)
        let lf = try CalendarParser.parse(calendar(lines, lineEnd: "\n").replacingOccurrences(of: "\r", with: ""), defaultTimeZone: tokyo)
        let bom = try CalendarParser.parse("\u{FEFF}" + calendar(lines), defaultTimeZone: tokyo)
        #expect(crlf.events.count == 1)
        #expect(crlf.events[0].description == "long text")
        #expect(lf == crlf)
        #expect(bom == crlf)
    }

    @Test("quoted parameter values keep ':', ';' and ','; names of properties and parameters ignore case")
    func quotedParameters() throws {
        let event = try event([
            "uid:param-1",
            "dtstart;tzid=\"Europe/Berlin\":20261203T150000",
            "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=\"Doe, Jane: VP; Eng\";PARTSTAT=ACCEPTED:mailto:jane@acme.example",
            "ATTENDEE;Cn=\"Sam ^'the Man^' O^^Neil\":MAILTO:sam@acme.example",
            "ORGANIZER;CN=Alex Learner:mailto:alex@example.org",
            "ATTENDEE;CN=Room 4;CUTYPE=ROOM:urn:uuid:0b6c2f0e",
        ])
        #expect(event.start == .dateTime(try utc("2026-12-03T14:00:00Z"), timeZone: "Europe/Berlin"))
        #expect(event.attendees == [
            CalendarPerson(email: "jane@acme.example", name: "Doe, Jane: VP; Eng"),
            CalendarPerson(email: "sam@acme.example", name: "Sam \"the Man\" O^Neil"),
            CalendarPerson(email: nil, name: "Room 4"),
        ])
        #expect(event.organizer == CalendarPerson(email: "alex@example.org", name: "Alex Learner"))
    }

    @Test("TEXT escapes \\\\ \\; \\, \\n and \\N are undone; other backslashes stay")
    func textEscapes() throws {
        let event = try event([
            "UID:esc-1", "DTSTART:20261203T140000Z",
            #"SUMMARY:Coffee\, tea \; cake with A\\B"#,
            #"DESCRIPTION:Line one\nLine two\NLine three C:\Users"#,
            #"LOCATION:Café Nord\, Berlin"#,
        ])
        #expect(event.summary == #"Coffee, tea ; cake with A\B"#)
        #expect(event.description == "Line one\nLine two\nLine three C:\\Users")
        #expect(event.location == "Café Nord, Berlin")
    }

    // MARK: - Times

    @Test("a TZID with daylight saving time gives the right UTC instant in summer and in winter",
          arguments: [
              ("Europe/Berlin", "20260715T150000", "2026-07-15T13:00:00Z"),
              ("Europe/Berlin", "20261203T150000", "2026-12-03T14:00:00Z"),
              ("America/New_York", "20260715T090000", "2026-07-15T13:00:00Z"),
              ("America/New_York", "20261203T090000", "2026-12-03T14:00:00Z"),
          ])
    func zoneWithDaylightSaving(zone: String, local: String, expected: String) throws {
        let event = try event(["UID:tz-1", "DTSTART;TZID=\(zone):\(local)"])
        #expect(event.start == .dateTime(try utc(expected), timeZone: zone))
    }

    @Test("a time repeated when clocks go back is its first occurrence; a skipped time uses the offset before the jump")
    func daylightSavingEdges() throws {
        let repeated = try event(["UID:tz-2", "DTSTART;TZID=Europe/Berlin:20261025T023000"])
        #expect(repeated.start == .dateTime(try utc("2026-10-25T00:30:00Z"), timeZone: "Europe/Berlin"))
        let skipped = try event(["UID:tz-3", "DTSTART;TZID=Europe/Berlin:20260329T023000"])
        #expect(skipped.start == .dateTime(try utc("2026-03-29T01:30:00Z"), timeZone: "Europe/Berlin"))
    }

    @Test("a UTC time has no zone; a floating time is read in the caller's zone")
    func utcAndFloating() throws {
        let utcEvent = try event(["UID:utc-1", "DTSTART:20261203T140000Z", "DTEND:20261203T143000Z"])
        #expect(utcEvent.start == .dateTime(try utc("2026-12-03T14:00:00Z"), timeZone: nil))
        #expect(utcEvent.end == .dateTime(try utc("2026-12-03T14:30:00Z"), timeZone: nil))
        #expect(utcEvent.duration == nil)

        let floating = calendar(["UID:float-1", "DTSTART:20261203T150000"])
        let inTokyo = try CalendarParser.parse(floating, defaultTimeZone: tokyo).events[0]
        #expect(inTokyo.start == .dateTime(try utc("2026-12-03T06:00:00Z"), timeZone: "Asia/Tokyo"))
        let inNewYork = try CalendarParser.parse(floating, defaultTimeZone: TimeZone(identifier: "America/New_York")!).events[0]
        #expect(inNewYork.start == .dateTime(try utc("2026-12-03T20:00:00Z"), timeZone: "America/New_York"))
    }

    @Test("an all-day event keeps its dates, which get an instant only when a zone is chosen")
    func allDay() throws {
        let event = try event(["UID:day-1", "DTSTART;VALUE=DATE:20261203", "DTEND;VALUE=DATE:20261204"])
        #expect(event.start == .allDay(year: 2026, month: 12, day: 3))
        #expect(event.end == .allDay(year: 2026, month: 12, day: 4))
        #expect(event.start.date(in: tokyo) == (try utc("2026-12-02T15:00:00Z")))
    }

    @Test("without DTEND the end is start plus DURATION; days keep the wall-clock time across a DST change")
    func durations() throws {
        let halfHour = try event(["UID:dur-1", "DTSTART:20261203T140000Z", "DURATION:PT30M"])
        #expect(halfHour.duration == 1_800)
        #expect(halfHour.end == .dateTime(try utc("2026-12-03T14:30:00Z"), timeZone: nil))

        let overNight = try event(["UID:dur-2", "DTSTART;TZID=Europe/Berlin:20261024T100000", "DURATION:P1D"])
        #expect(overNight.duration == 86_400)
        #expect(overNight.end == .dateTime(try utc("2026-10-25T09:00:00Z"), timeZone: "Europe/Berlin"))

        let mixed = try event(["UID:dur-3", "DTSTART:20261203T140000Z", "DURATION:P1DT2H30M15S"])
        #expect(mixed.duration == 95_415)  // 1 day, 2 h 30 min 15 s

        let weeks = try event(["UID:dur-4", "DTSTART;VALUE=DATE:20261230", "DURATION:P1W"])
        #expect(weeks.end == .allDay(year: 2027, month: 1, day: 6))

        let negative = try event(["UID:dur-5", "DTSTART:20261203T140000Z", "DURATION:-PT15M"])
        #expect(negative.duration == -900)
    }

    @Test("DTEND wins over DURATION, which is still reported as written")
    func endAndDuration() throws {
        let event = try event(["UID:dur-6", "DTSTART:20261203T140000Z", "DTEND:20261203T150000Z", "DURATION:PT30M"])
        #expect(event.end == .dateTime(try utc("2026-12-03T15:00:00Z"), timeZone: nil))
        #expect(event.duration == 1_800)
    }

    @Test("durations are read only when complete and in designator order",
          arguments: [
              ("PT30M", 0, 1_800), ("P1D", 1, 0), ("P2W", 14, 0), ("-PT15M", 0, -900), ("+PT1H", 0, 3_600),
              ("P1DT2H", 1, 7_200), ("pt1h30m5s", 0, 5_405), ("P0D", 0, 0),
          ])
    func validDurations(text: String, days: Int, seconds: Int) throws {
        let duration = try #require(CalendarValues.NominalDuration(text))
        #expect(duration.days == days)
        #expect(duration.seconds == seconds)
    }

    @Test("malformed durations are rejected", arguments: ["", "P", "PT", "P1DT", "P1H", "PT1D", "PT30", "P1D1W", "PT1M1H", "30M", "P-1D"])
    func invalidDurations(text: String) {
        #expect(CalendarValues.NominalDuration(text) == nil)
    }

    @Test("an unknown TZID falls back to the caller's zone with one warning naming it and its line")
    func unknownTimeZone() throws {
        let result = try CalendarParser.parse(calendar([
            "UID:tz-4", "DTSTART;TZID=Mars/Olympus_Mons:20261203T150000", "DTEND;TZID=Mars/Olympus_Mons:20261203T160000",
        ]), defaultTimeZone: tokyo)
        #expect(result.events[0].start == .dateTime(try utc("2026-12-03T06:00:00Z"), timeZone: "Asia/Tokyo"))
        #expect(result.events[0].end == .dateTime(try utc("2026-12-03T07:00:00Z"), timeZone: "Asia/Tokyo"))
        #expect(result.warnings == [#"line 6: unknown time zone "Mars/Olympus_Mons"; its times are read in Asia/Tokyo"#])
    }

    @Test("a TZID with the RFC 5545 '/' prefix resolves by its IANA name")
    func prefixedTimeZone() throws {
        let event = try event(["UID:tz-5", "DTSTART;TZID=/America/New_York:20261203T090000"])
        #expect(event.start == .dateTime(try utc("2026-12-03T14:00:00Z"), timeZone: "America/New_York"))
    }

    // MARK: - Event properties

    @Test("STATUS, SEQUENCE, LAST-MODIFIED and DTSTAMP are read; SEQUENCE defaults to 0")
    func revisionProperties() throws {
        let cancelled = try event([
            "UID:rev-1", "DTSTART:20261203T140000Z", "STATUS:cancelled", "SEQUENCE:3",
            "LAST-MODIFIED:20261101T120000Z", "DTSTAMP:20261102T080910Z",
        ])
        #expect(cancelled.status == "CANCELLED")
        #expect(cancelled.isCancelled)
        #expect(cancelled.sequence == 3)
        #expect(cancelled.lastModified == (try utc("2026-11-01T12:00:00Z")))
        #expect(cancelled.stamp == (try utc("2026-11-02T08:09:10Z")))

        let plain = try event(["UID:rev-2", "DTSTART:20261203T140000Z"])
        #expect(plain.sequence == 0)
        #expect(plain.status == nil)
        #expect(!plain.isCancelled)
        #expect(plain.lastModified == nil)
    }

    @Test("a malformed SEQUENCE or DTEND is a warning in file order, not an error")
    func malformedValuesWarn() throws {
        let result = try CalendarParser.parse(calendar(["UID:bad-1", "DTSTART:20261203T140000Z", "SEQUENCE:two", "DTEND:tomorrow"]),
                                              defaultTimeZone: tokyo)
        #expect(result.events[0].sequence == 0)
        #expect(result.events[0].end == nil)
        #expect(result.warnings == [
            #"line 7: SEQUENCE "two" is not an integer; read as 0"#,
            #"line 8: DTEND "tomorrow" is not a DATE or DATE-TIME; ignored"#,
        ])
    }

    @Test("RRULE or RDATE make an event recurring; RECURRENCE-ID marks an override")
    func recurrence() throws {
        #expect(try event(["UID:r-1", "DTSTART:20261203T140000Z", "RRULE:FREQ=WEEKLY;COUNT=4"]).isRecurring)
        #expect(try event(["UID:r-2", "DTSTART:20261203T140000Z", "RDATE:20261210T140000Z"]).isRecurring)
        let override = try event(["UID:r-1", "RECURRENCE-ID;TZID=Europe/Berlin:20261210T150000", "DTSTART:20261211T140000Z"])
        #expect(!override.isRecurring)
        #expect(override.recurrenceID == "20261210T150000")
        #expect(try event(["UID:r-3", "DTSTART:20261203T140000Z"]).recurrenceID == nil)
    }

    @Test("unknown properties and components are skipped; a VALARM's properties do not leak into its event")
    func unknownAndNested() throws {
        let text = """
            BEGIN:VCALENDAR
            X-WR-CALNAME:Work
            BEGIN:VTIMEZONE
            TZID:Europe/Berlin
            BEGIN:STANDARD
            DTSTART:19701025T030000
            END:STANDARD
            END:VTIMEZONE
            BEGIN:VTODO
            UID:todo-1
            SUMMARY:Not an event
            END:VTODO
            BEGIN:VEVENT
            UID:ev-1
            DTSTART:20261203T140000Z
            X-MICROSOFT-CDO-BUSYSTATUS:BUSY
            BEGIN:VALARM
            ACTION:DISPLAY
            DESCRIPTION:Reminder
            TRIGGER:-PT15M
            DURATION:PT5M
            ATTENDEE:mailto:alarm@example.org
            END:VALARM
            END:VEVENT
            BEGIN:VEVENT
            UID:ev-2
            DTSTART;VALUE=DATE:20261204
            END:VEVENT
            END:VCALENDAR
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:ev-3
            DTSTART:20261205T140000Z
            END:VEVENT
            END:VCALENDAR

            """
        let result = try CalendarParser.parse(text, defaultTimeZone: tokyo)
        #expect(result.events.map(\.uid) == ["ev-1", "ev-2", "ev-3"])
        #expect(result.events[0].description == nil)
        #expect(result.events[0].duration == nil)
        #expect(result.events[0].attendees.isEmpty)
        #expect(result.warnings.isEmpty)
    }

    // MARK: - Errors

    @Test("text with no calendar in it throws",
          arguments: ["", "\u{FEFF}\r\n\r\n", "BEGIN:VEVENT\nUID:x\nEND:VEVENT\n", "Dear Jane,\nsee you Tuesday.\n"])
    func notACalendar(text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.message.contains("no BEGIN:VCALENDAR"), "\(error)")
    }

    @Test("a problem skips its event, or the stray line, and is reported with the line where it starts",
          arguments: [
              ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nSUMMARY Coffee\n", 4, "no ':' between the property name and its value"),
              ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART;TZID=Europe/Berlin\n", 4, "no ':' between the property name and its value"),
              ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDESCRIPTION:a\n b\n c\nSUMMARY\n", 7, "no ':'"),
              ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20261203T140000Z\nEND:VTODO\n", 5,
               "END:VTODO does not close BEGIN:VEVENT from line 2"),
              ("BEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VCALENDAR\n", 3, "END:VCALENDAR has no matching BEGIN:VCALENDAR"),
              ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20261203T140000Z\n", 2, "BEGIN:VEVENT is never closed by END:VEVENT"),
              ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nBEGIN:VALARM\nDTSTART:20261203T140000Z\nEND:VEVENT\nEND:VCALENDAR\n", 4,
               "BEGIN:VALARM is never closed by END:VALARM"),
              ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Coffee\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", 2,
               "VEVENT \"x\" has no DTSTART"),
              ("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART:20261203T140000Z\nEND:VEVENT\nEND:VCALENDAR\n", 3, "VEVENT has no UID"),
              ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20261332T140000Z\nEND:VEVENT\nEND:VCALENDAR\n", 4,
               "DTSTART \"20261332T140000Z\" is neither a DATE"),
              ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nATTENDEE;CN=\"Jane:mailto:j@x\nEND:VEVENT\nEND:VCALENDAR\n", 4,
               "the quoted value of parameter CN is not closed"),
              ("BEGIN:VEVENT\nUID:x\nEND:VEVENT\nBEGIN:VCALENDAR\nEND:VCALENDAR\n", 1, "expected BEGIN:VCALENDAR, found BEGIN:VEVENT"),
              ("PRODID:x\nBEGIN:VCALENDAR\nEND:VCALENDAR\n", 1, "PRODID is outside BEGIN:VCALENDAR"),
              (" folded\nBEGIN:VCALENDAR\nEND:VCALENDAR\n", 1, "no ':'"),
          ])
    func problems(text: String, line: Int, message: String) throws {
        let result = try CalendarParser.parse(text, defaultTimeZone: tokyo)
        #expect(result.events.isEmpty)
        let problem = try #require(result.problems.first)
        #expect(problem.line == line)
        #expect(problem.message.contains(message), "\(problem)")
        #expect(problem.description.hasPrefix("line \(line): "))
    }

    @Test("the good events of a calendar are read around the bad ones, each bad one named with its line and title")
    func goodEventsAroundBadOnes() throws {
        let text = [
            "BEGIN:VCALENDAR", "VERSION:2.0",
            "BEGIN:VEVENT", "UID:good-1", "DTSTART:20261203T140000Z", "SUMMARY:First", "END:VEVENT",
            "BEGIN:VEVENT", "UID:bad-1", "DTSTART:tomorrow", "SUMMARY:[info] Coffee with Jo Roe", "END:VEVENT",
            "BEGIN:VEVENT", "UID:bad-2", "SUMMARY Broken line", "DTSTART:20261204T140000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:no-start", "SUMMARY:No start", "END:VEVENT",
            "junk between events",
            "BEGIN:VEVENT", "UID:good-2", "DTSTART:20261205T140000Z", "SUMMARY:Last", "END:VEVENT",
            "END:VCALENDAR",
        ].joined(separator: "\r\n")
        let result = try CalendarParser.parse(text, defaultTimeZone: tokyo)
        #expect(result.events.map(\.uid) == ["good-1", "good-2"])
        #expect(result.problems.map(\.line) == [10, 15, 18, 22])
        #expect(result.problems[0].message.contains("(\"[info] Coffee with Jo Roe\") is skipped"), "\(result.problems[0])")
        #expect(result.problems[1].message.contains("the event from line 13 is skipped"), "\(result.problems[1])")
        #expect(result.problems[3].message.contains("the line is passed over"), "\(result.problems[3])")
    }
}
