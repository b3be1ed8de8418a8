import Foundation

/// The events of a calendar and what the parser noticed but could read past.
public struct CalendarParseResult: Sendable, Equatable {
    /// Every VEVENT in file order, including cancelled ones and overrides of recurring events.
    public var events: [CalendarEvent]
    /// Human-readable notes such as `line 7: unknown time zone "Mars/Olympus"; ...`, one per problem.
    public var warnings: [String]

    public init(events: [CalendarEvent], warnings: [String]) {
        self.events = events
        self.warnings = warnings
    }
}

/// Reads iCalendar (RFC 5545) text, such as an `.ics` export or feed, into its VEVENTs.
///
/// Accepts CRLF or bare LF line ends, a UTF-8 byte order mark, folded lines and several VCALENDARs
/// one after another. Unknown properties and components (VTODO, VALARM, VTIMEZONE, X-...) are
/// skipped; time zones are resolved by their IANA name instead of the file's VTIMEZONE blocks.
/// Structural problems throw ``CalendarParseError`` with the line number; problems confined to one
/// value (an unknown TZID, a malformed SEQUENCE) become warnings.
public enum CalendarParser {
    /// Parses `text`. Floating times (no `Z`, no TZID) and times whose TZID is unknown are read in
    /// `defaultTimeZone`.
    public static func parse(_ text: String, defaultTimeZone: TimeZone = .current) throws(CalendarParseError) -> CalendarParseResult {
        var reader = EventReader(defaultTimeZone: defaultTimeZone)
        var events: [CalendarEvent] = []
        var openComponents: [(name: String, line: Int)] = []
        var eventProperties: [ContentLine] = []
        var sawCalendar = false

        for unfolded in try ContentLineReader.unfold(text) {
            let content = try ContentLineReader.parse(unfolded)
            switch content.name {
            case "BEGIN":
                let component = try componentName(of: content)
                if openComponents.isEmpty {
                    guard component == "VCALENDAR" else {
                        throw CalendarParseError(line: content.line, message: "expected BEGIN:VCALENDAR, found BEGIN:\(component)")
                    }
                    sawCalendar = true
                }
                openComponents.append((component, content.line))
                if isEventLevel(openComponents) {
                    eventProperties = []
                }
            case "END":
                let component = try componentName(of: content)
                guard let open = openComponents.last else {
                    throw CalendarParseError(line: content.line, message: "END:\(component) has no matching BEGIN:\(component)")
                }
                guard open.name == component else {
                    throw CalendarParseError(
                        line: content.line, message: "END:\(component) does not close BEGIN:\(open.name) from line \(open.line)")
                }
                if isEventLevel(openComponents) {
                    events.append(try reader.event(from: eventProperties, beginLine: open.line))
                }
                openComponents.removeLast()
            default:
                guard !openComponents.isEmpty else {
                    throw CalendarParseError(
                        line: content.line, message: "\(content.name) is outside BEGIN:VCALENDAR ... END:VCALENDAR")
                }
                if isEventLevel(openComponents) {
                    eventProperties.append(content)
                }
            }
        }
        if let unclosed = openComponents.last {
            throw CalendarParseError(line: unclosed.line, message: "BEGIN:\(unclosed.name) is never closed by END:\(unclosed.name)")
        }
        guard sawCalendar else {
            throw CalendarParseError(line: 1, message: "no calendar data: the text has no BEGIN:VCALENDAR")
        }
        return CalendarParseResult(events: events, warnings: reader.warnings)
    }

    /// Whether the innermost open component is a VEVENT directly inside a VCALENDAR.
    private static func isEventLevel(_ open: [(name: String, line: Int)]) -> Bool {
        open.count == 2 && open[1].name == "VEVENT"
    }

    private static func componentName(of content: ContentLine) throws(CalendarParseError) -> String {
        let name = content.value.trimmingCharacters(in: .whitespaces).uppercased()
        guard !name.isEmpty else {
            throw CalendarParseError(line: content.line, message: "\(content.name) has no component name")
        }
        return name
    }
}
