import Foundation

/// The events of a calendar and what the parser noticed but could read past.
public struct CalendarParseResult: Sendable, Equatable {
    /// Every VEVENT that could be read, in file order, including cancelled ones and overrides of
    /// recurring events.
    public var events: [CalendarEvent]
    /// Human-readable notes such as `line 7: unknown time zone "Mars/Olympus"; ...`, one per problem
    /// confined to one value of an event that was read.
    public var warnings: [String]
    /// What could not be read, in file order: each VEVENT skipped (with the first problem found
    /// in it, and the line where the event begins) and each line outside an event that was passed
    /// over. The other events are read all the same.
    public var problems: [CalendarParseError]

    public init(events: [CalendarEvent], warnings: [String], problems: [CalendarParseError] = []) {
        self.events = events
        self.warnings = warnings
        self.problems = problems
    }
}

/// Reads iCalendar (RFC 5545) text, such as an `.ics` export or feed, into its VEVENTs.
///
/// Accepts CRLF or bare LF line ends, a UTF-8 byte order mark, folded lines and several VCALENDARs
/// one after another. Unknown properties and components (VTODO, VALARM, VTIMEZONE, X-...) are
/// skipped; time zones are resolved by their IANA name (or their Windows name, as Outlook writes
/// them) instead of the file's VTIMEZONE blocks.
///
/// One bad event does not spoil the others: an event with a line that cannot be read, no UID,
/// no usable DTSTART, or no END is skipped and listed in ``CalendarParseResult/problems`` with its
/// line, as is a stray line outside any event; problems confined to one value (an unknown TZID, a
/// malformed SEQUENCE) are warnings. Only text with no calendar at all throws.
public enum CalendarParser {
    /// Parses `text`. Floating times (no `Z`, no TZID) and times whose TZID is unknown are read in
    /// `defaultTimeZone`.
    public static func parse(_ text: String, defaultTimeZone: TimeZone = .current) throws(CalendarParseError) -> CalendarParseResult {
        var state = ParseState(reader: EventReader(defaultTimeZone: defaultTimeZone))
        for unfolded in ContentLineReader.unfold(text) {
            do {
                state.take(try ContentLineReader.parse(unfolded))
            } catch {
                state.unreadable(error)
            }
        }
        state.finish()
        guard state.sawCalendar else {
            throw CalendarParseError(line: 1, message: "no calendar data: the text has no BEGIN:VCALENDAR")
        }
        return CalendarParseResult(events: state.events, warnings: state.reader.warnings,
                                   problems: state.problems.sorted { $0.line < $1.line })
    }
}

/// The parser's progress through the lines: the components open, the properties of the event
/// being read, and the first problem in it.
private struct ParseState {
    var reader: EventReader
    var events: [CalendarEvent] = []
    var problems: [CalendarParseError] = []
    var sawCalendar = false
    private var open: [(name: String, line: Int)] = []
    private var eventProperties: [ContentLine] = []
    private var eventProblem: CalendarParseError?

    init(reader: EventReader) {
        self.reader = reader
    }

    /// Whether the innermost open component is a VEVENT directly inside a VCALENDAR.
    private var isInEvent: Bool { open.count >= 2 && open[1].name == "VEVENT" }

    /// A line that could not be read: it spoils the event it is in, or is passed over.
    mutating func unreadable(_ error: CalendarParseError) {
        if isInEvent {
            eventProblem = eventProblem ?? error
        } else {
            problems.append(CalendarParseError(line: error.line, message: error.message + "; the line is passed over"))
        }
    }

    mutating func take(_ content: ContentLine) {
        switch content.name {
        case "BEGIN":
            guard let component = Self.componentName(of: content) else {
                return unreadable(CalendarParseError(line: content.line, message: "BEGIN has no component name"))
            }
            if open.isEmpty {
                guard component == "VCALENDAR" else {
                    return unreadable(CalendarParseError(line: content.line, message: "expected BEGIN:VCALENDAR, found BEGIN:\(component)"))
                }
                sawCalendar = true
            } else if component == "VEVENT", isInEvent {
                // An event that never ended: it is skipped, and this one starts.
                closeEvent(unclosed: open.last)
                open.removeSubrange(1...)
            }
            open.append((component, content.line))
            if isInEvent && open.count == 2 {
                eventProperties = []
                eventProblem = nil
            }
        case "END":
            guard let component = Self.componentName(of: content) else {
                return unreadable(CalendarParseError(line: content.line, message: "END has no component name"))
            }
            guard let index = open.lastIndex(where: { $0.name == component }) else {
                let message = open.last.map { "END:\(component) does not close BEGIN:\($0.name) from line \($0.line)" }
                    ?? "END:\(component) has no matching BEGIN:\(component)"
                return unreadable(CalendarParseError(line: content.line, message: message))
            }
            // Components left open inside the one that ends end with it; an event among them
            // that is not whole is skipped.
            if index < 2, isInEvent {
                closeEvent(unclosed: index == 1 && open.count == 2 ? nil : open.last)
            }
            open.removeSubrange(index...)
        default:
            guard !open.isEmpty else {
                return unreadable(CalendarParseError(line: content.line, message: "\(content.name) is outside BEGIN:VCALENDAR ... END:VCALENDAR"))
            }
            if isInEvent && open.count == 2 {
                eventProperties.append(content)
            }
        }
    }

    /// The end of the text: an event still open is skipped.
    mutating func finish() {
        if isInEvent { closeEvent(unclosed: open.last) }
    }

    /// Ends the open event: read when it is whole, else listed as skipped. `unclosed` is the
    /// innermost component left without its END, if any.
    private mutating func closeEvent(unclosed: (name: String, line: Int)?) {
        let begin = open[1].line
        var problem = eventProblem
        if problem == nil, let unclosed {
            problem = CalendarParseError(line: unclosed.line, message: "BEGIN:\(unclosed.name) is never closed by END:\(unclosed.name)")
        }
        if problem == nil {
            do {
                events.append(try reader.event(from: eventProperties, beginLine: begin))
                return
            } catch {
                problem = error
            }
        }
        guard let problem else { return }
        let summary = eventProperties.first { $0.name == "SUMMARY" }.map { " (\"\(CalendarValues.unescapeText($0.value))\")" } ?? ""
        let event = problem.line == begin ? "the event\(summary) is skipped" : "the event from line \(begin)\(summary) is skipped"
        problems.append(CalendarParseError(line: problem.line, message: "\(problem.message); \(event)"))
        eventProperties = []
        eventProblem = nil
    }

    private static func componentName(of content: ContentLine) -> String? {
        let name = content.value.trimmingCharacters(in: .whitespaces).uppercased()
        return name.isEmpty ? nil : name
    }
}
