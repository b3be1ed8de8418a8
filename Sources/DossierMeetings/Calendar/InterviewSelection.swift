import Foundation

/// Which calendar events are informational interviews, and whom each one is with.
///
/// An event is selected by a tag in its title (`[info] Coffee with Jane Doe`) or by who takes part
/// (the interviewee's address among the attendees or as organizer). Both comparisons ignore case.
public struct InterviewSelection: Sendable, Equatable {
    /// Text that marks an interview when the SUMMARY contains it, such as `[info]`; `nil` or empty for none.
    public var tag: String?
    /// E-mail addresses whose presence (attendee or organizer) marks an interview.
    public var attendees: [String]

    public init(tag: String? = nil, attendees: [String] = []) {
        self.tag = tag
        self.attendees = attendees
    }

    /// Whether `event` is an interview: its summary contains the tag, or one of its attendees or its
    /// organizer has a listed address. With neither a tag nor addresses nothing matches.
    public func matches(_ event: CalendarEvent) -> Bool {
        if let tag = activeTag, event.summary?.range(of: tag, options: .caseInsensitive) != nil {
            return true
        }
        return !participants(of: event).filter(isListed).isEmpty
    }

    /// The person to build a dossier for: the name read from the title without the tag (rules on
    /// `MeetingTitle`: "Coffee with Jane Doe", "Informational interview: Jane Doe", "Jane Doe (Acme)"
    /// all give "Jane Doe"), else the CN of a participant with a listed address, else the CN of the
    /// first attendee who is not the organizer. A CN that is an e-mail address is no name.
    /// Honorifics are not part of the name ("Coffee with Dr. Jo Roe" gives "Jo Roe").
    public func personName(for event: CalendarEvent) -> String? {
        if let summary = event.summary, let person = MeetingTitle(titleWithoutTag(of: summary)).person {
            return PersonNames.withoutHonorifics(person)
        }
        let named = participants(of: event).filter { $0.name.map(Self.isUsableName) ?? false }
        if let listed = named.first(where: isListed) {
            return listed.name.map(PersonNames.withoutHonorifics)
        }
        let organizer = event.organizer?.email.map(Self.normalizedAddress)
        return named.first { person in
            person != event.organizer && (organizer == nil || person.email.map(Self.normalizedAddress) != organizer)
        }?.name.map(PersonNames.withoutHonorifics)
    }

    /// The network contact who introduced the user, as the event's DESCRIPTION names them
    /// ("Intro via Ana Costa").
    public func introducer(for event: CalendarEvent) -> String? {
        event.description.flatMap(MeetingDescription.introducer(in:))
    }

    /// The company named in the title: a parenthesised group that is not logistics ("Jane Doe (Acme
    /// Robotics)", but not "(virtual)" or "(30 min)"), else what follows "from" or "@" after the name.
    public func company(for event: CalendarEvent) -> String? {
        event.summary.flatMap { MeetingTitle(titleWithoutTag(of: $0)).company }
    }

    /// The summary with every occurrence of the tag removed and surrounding space trimmed.
    public func titleWithoutTag(of summary: String) -> String {
        guard let tag = activeTag else { return summary.trimmingCharacters(in: .whitespacesAndNewlines) }
        return summary.replacingOccurrences(of: tag, with: " ", options: .caseInsensitive)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private var activeTag: String? {
        guard let tag = tag?.trimmingCharacters(in: .whitespaces), !tag.isEmpty else { return nil }
        return tag
    }

    /// Attendees first, in file order, then the organizer.
    private func participants(of event: CalendarEvent) -> [CalendarPerson] {
        event.attendees + (event.organizer.map { [$0] } ?? [])
    }

    private func isListed(_ person: CalendarPerson) -> Bool {
        guard let email = person.email.map(Self.normalizedAddress) else { return false }
        return attendees.contains { Self.normalizedAddress($0) == email }
    }

    private static func normalizedAddress(_ address: String) -> String {
        var address = address.trimmingCharacters(in: .whitespaces).lowercased()
        if address.hasPrefix("mailto:") {
            address.removeFirst("mailto:".count)
        }
        return address
    }

    private static func isUsableName(_ name: String) -> Bool {
        !name.contains("@") && name.contains(where: \.isLetter)
    }
}
