import Foundation

/// Turns the properties of one VEVENT into a ``CalendarEvent``, resolving time zones and collecting
/// warnings for values it reads past. Of a property that should appear once, the first is used.
struct EventReader {
    let defaultTimeZone: TimeZone
    private var notes: [(line: Int, message: String)] = []
    private var zones: [String: TimeZone?] = [:]

    init(defaultTimeZone: TimeZone) {
        self.defaultTimeZone = defaultTimeZone
    }

    mutating func event(from properties: [ContentLine], beginLine: Int) throws(CalendarParseError) -> CalendarEvent {
        func first(_ name: String) -> ContentLine? { properties.first { $0.name == name } }
        func text(_ name: String) -> String? { first(name).flatMap(Self.text) }

        guard let uid = text("UID") else {
            throw CalendarParseError(line: beginLine, message: "VEVENT has no UID")
        }
        guard let startLine = first("DTSTART") else {
            throw CalendarParseError(line: beginLine, message: "VEVENT \"\(uid)\" has no DTSTART")
        }
        guard let start = time(startLine) else {
            throw CalendarParseError(
                line: startLine.line, message: "DTSTART \"\(startLine.value)\" is neither a DATE (20261203) nor a DATE-TIME (20261203T150000)")
        }
        let written = first("DURATION").flatMap { duration($0) }
        let end = first("DTEND").flatMap { time($0) } ?? written.map { Self.adding($0, to: start) }
        return CalendarEvent(
            uid: uid,
            summary: text("SUMMARY"),
            description: text("DESCRIPTION"),
            location: text("LOCATION"),
            start: start,
            end: end,
            duration: written?.nominalSeconds,
            status: text("STATUS")?.uppercased(),
            sequence: first("SEQUENCE").map { sequence($0) } ?? 0,
            lastModified: first("LAST-MODIFIED").flatMap { instant($0) },
            stamp: first("DTSTAMP").flatMap { instant($0) },
            organizer: first("ORGANIZER").map(Self.person),
            attendees: properties.filter { $0.name == "ATTENDEE" }.map(Self.person),
            isRecurring: properties.contains { $0.name == "RRULE" || $0.name == "RDATE" },
            recurrenceID: first("RECURRENCE-ID").map { $0.value.trimmingCharacters(in: .whitespaces) }
        )
    }

    /// A DATE or DATE-TIME property: UTC when it ends in `Z`, else in its TZID, else floating.
    /// An unreadable value is a warning, except for DTSTART, which the caller turns into an error.
    private mutating func time(_ property: ContentLine) -> EventTime? {
        guard let value = CalendarValues.dateValue(property.value) else {
            if property.name != "DTSTART" {
                warn(property, "\(property.name) \"\(property.value)\" is not a DATE or DATE-TIME; ignored")
            }
            return nil
        }
        switch value {
        case .date(let year, let month, let day):
            return .allDay(year: year, month: month, day: day)
        case .dateTime(let clock, isUTC: true):
            return .dateTime(CalendarValues.instant(of: clock, in: .gmt), timeZone: nil)
        case .dateTime(let clock, isUTC: false):
            let writtenIn = property.parameter("TZID").map { zone(named: $0, at: property) } ?? defaultTimeZone
            return .dateTime(CalendarValues.instant(of: clock, in: writtenIn), timeZone: writtenIn.identifier)
        }
    }

    /// LAST-MODIFIED and DTSTAMP are UTC date-times in well-formed files; other forms are read like DTSTART.
    private mutating func instant(_ property: ContentLine) -> Date? {
        switch time(property) {
        case .dateTime(let date, _): date
        case .allDay(let year, let month, let day): EventTime.allDay(year: year, month: month, day: day).date(in: .gmt)
        case nil: nil
        }
    }

    private mutating func duration(_ property: ContentLine) -> CalendarValues.NominalDuration? {
        guard let duration = CalendarValues.NominalDuration(property.value) else {
            warn(property, "DURATION \"\(property.value)\" is not a duration such as PT30M or P1D; ignored")
            return nil
        }
        return duration
    }

    private mutating func sequence(_ property: ContentLine) -> Int {
        guard let number = Int(property.value.trimmingCharacters(in: .whitespaces)) else {
            warn(property, "SEQUENCE \"\(property.value)\" is not an integer; read as 0")
            return 0
        }
        return number
    }

    /// An IANA zone name, with the RFC 5545 "globally unique" `/` prefix tolerated, or a Windows
    /// zone name as Outlook writes it. An unknown name falls back to the default zone, with one
    /// warning per name.
    private mutating func zone(named name: String, at property: ContentLine) -> TimeZone {
        if let known = zones[name] {
            return known ?? defaultTimeZone
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let unprefixed = trimmed.hasPrefix("/") ? String(trimmed.dropFirst()) : trimmed
        let zone = TimeZone(identifier: unprefixed)
            ?? WindowsTimeZones.ianaIdentifier(for: unprefixed).flatMap(TimeZone.init(identifier:))
        zones[name] = .some(zone)
        if zone == nil {
            warn(property, "unknown time zone \"\(name)\"; its times are read in \(defaultTimeZone.identifier)")
        }
        return zone ?? defaultTimeZone
    }

    /// What was read past, in file order, each as `line <n>: <message>`.
    var warnings: [String] {
        notes.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map { "line \($0.element.line): \($0.element.message)" }
    }

    private mutating func warn(_ property: ContentLine, _ message: String) {
        notes.append((property.line, message))
    }

    private static func text(_ property: ContentLine) -> String? {
        let text = CalendarValues.unescapeText(property.value).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// ORGANIZER or ATTENDEE: the address from a `mailto:` value (or, for other URIs, the EMAIL
    /// parameter) and the CN parameter.
    private static func person(_ property: ContentLine) -> CalendarPerson {
        let value = property.value.trimmingCharacters(in: .whitespaces)
        var email: String?
        if value.lowercased().hasPrefix("mailto:") {
            let address = String(value.dropFirst("mailto:".count))
            email = address.removingPercentEncoding ?? address
        } else if !value.contains(":"), value.contains("@") {
            email = value
        }
        email = (email ?? property.parameter("EMAIL"))?.trimmingCharacters(in: .whitespaces)
        let name = property.parameter("CN")?.trimmingCharacters(in: .whitespaces)
        return CalendarPerson(email: email?.isEmpty == false ? email : nil, name: name?.isEmpty == false ? name : nil)
    }

    /// `start` plus a DURATION: days move the date and keep the wall-clock time in the event's zone;
    /// an all-day start moves by whole days only.
    private static func adding(_ duration: CalendarValues.NominalDuration, to start: EventTime) -> EventTime {
        switch start {
        case .allDay(let year, let month, let day):
            let end = CalendarValues.day(year: year, month: month, day: day, adding: duration.days + duration.seconds / 86_400)
            return .allDay(year: end.year, month: end.month, day: end.day)
        case .dateTime(let date, let zoneName):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zoneName.flatMap(TimeZone.init(identifier:)) ?? .gmt
            let shifted = calendar.date(byAdding: .day, value: duration.days, to: date) ?? date
            return .dateTime(shifted.addingTimeInterval(TimeInterval(duration.seconds)), timeZone: zoneName)
        }
    }
}
