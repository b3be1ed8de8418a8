import Foundation

/// A date-time, duration, date or time span that a user typed, with why it could not be read.
public struct MeetingTimeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let input: String
    public let expected: String
    /// Why an input of the right form names no time, when that is the problem (a clock time
    /// skipped when summer time starts).
    public var reason: String?

    public var description: String {
        reason.map { "\"\(input)\" \($0)" } ?? "cannot read \"\(input)\": expected \(expected)"
    }
}

/// Reads the times users type on the command line: meeting starts (ISO 8601 with an offset or
/// `Z`, or local `2026-12-03 15:00` / `2026-12-03T15:00` in a given time zone), durations
/// (`30m`, `1h`, `1h30m`, `45`), calendar dates (`2026-12-01`) and spans (`14d`, `2w`, `36h`).
public enum MeetingTime {
    /// The instant a typed date-time names; local forms are read in `timeZone`.
    public static func dateTime(_ input: String, in timeZone: TimeZone) throws(MeetingTimeError) -> Date {
        let text = input.trimmingCharacters(in: .whitespaces)
        let expected = "a date and time such as 2026-12-03 15:00, 2026-12-03T15:00 or 2026-12-03T14:00:00Z"
        let normalised = text.replacingOccurrences(of: "T", with: " ")
        // With an offset or Z first (they name the instant), then local times in `timeZone`.
        for pattern in ["yyyy-MM-dd HH:mm:ssXXXXX", "yyyy-MM-dd HH:mmXXXXX", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = pattern
            formatter.isLenient = false
            if let date = formatter.date(from: normalised) { return date }
        }
        // A local time that reads as a clock time but names no instant in the zone: the hour the
        // clocks skip when summer time starts.
        let wallClock = DateFormatter()
        wallClock.locale = Locale(identifier: "en_US_POSIX")
        wallClock.timeZone = TimeZone(identifier: "UTC")
        wallClock.dateFormat = "yyyy-MM-dd HH:mm"
        wallClock.isLenient = false
        if wallClock.date(from: normalised) != nil {
            throw MeetingTimeError(
                input: input, expected: expected,
                reason: "does not exist in \(timeZone.identifier): the clocks skip that time when summer time starts; "
                    + "give a time before or after the change")
        }
        throw MeetingTimeError(input: input, expected: expected)
    }

    /// Minutes in a typed duration: `30m`, `1h`, `1h30m`, `90` (minutes).
    public static func minutes(_ input: String) throws(MeetingTimeError) -> Int {
        let text = input.trimmingCharacters(in: .whitespaces).lowercased()
        let error = MeetingTimeError(input: input, expected: "a duration such as 30m, 1h or 1h30m")
        if let plain = Int(text) {
            guard plain > 0 else { throw error }
            return plain
        }
        var total = 0
        var digits = ""
        for character in text {
            if character.isNumber {
                digits.append(character)
            } else if let value = Int(digits), character == "h" || character == "m" {
                total += character == "h" ? value * 60 : value
                digits = ""
            } else {
                throw error
            }
        }
        guard digits.isEmpty, total > 0, total <= 24 * 60 else { throw error }
        return total
    }

    /// A span such as `14d`, `2w`, `36h` in seconds.
    public static func span(_ input: String) throws(MeetingTimeError) -> TimeInterval {
        let text = input.trimmingCharacters(in: .whitespaces).lowercased()
        let error = MeetingTimeError(input: input, expected: "a span such as 7d, 2w or 36h")
        guard let unit = text.last, let value = Int(text.dropLast()), value > 0 else { throw error }
        switch unit {
        case "h": return TimeInterval(value) * 3_600
        case "d": return TimeInterval(value) * 86_400
        case "w": return TimeInterval(value) * 7 * 86_400
        default: throw error
        }
    }

    /// A calendar date `yyyy-MM-dd`, checked and returned as written.
    public static func day(_ input: String) throws(MeetingTimeError) -> String {
        let text = input.trimmingCharacters(in: .whitespaces)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.isLenient = false
        guard text.count == 10, let date = formatter.date(from: text), formatter.string(from: date) == text else {
            throw MeetingTimeError(input: input, expected: "a date such as 2026-12-01")
        }
        return text
    }

    /// The calendar day (`yyyy-MM-dd`) of an instant in a time zone, moved by `days`.
    public static func day(of date: Date, in timeZone: TimeZone, addingDays days: Int = 0) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let moved = calendar.date(byAdding: .day, value: days, to: date) ?? date
        let parts = calendar.dateComponents([.year, .month, .day], from: moved)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// An instant as the user reads it: `2026-12-03 15:00` in the time zone (followed by the
    /// zone's name when it is not the zone of the machine).
    public static func display(_ date: Date, in timeZone: TimeZone, allDay: Bool = false) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = allDay ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm"
        var text = formatter.string(from: date)
        if !allDay, timeZone.identifier != TimeZone.current.identifier {
            text += " " + timeZone.identifier
        }
        return text
    }
}
