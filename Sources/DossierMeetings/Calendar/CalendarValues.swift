import Foundation

/// Readers for the RFC 5545 value types the event reader needs: TEXT, DATE, DATE-TIME, DURATION.
enum CalendarValues {
    /// TEXT (§3.3.11): `\\` `\;` `\,` and `\n`/`\N` are unescaped; any other backslash is kept as written.
    static func unescapeText(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var unescaped = String.UnicodeScalarView()
        var pendingBackslash = false
        for scalar in value.unicodeScalars {
            if pendingBackslash {
                pendingBackslash = false
                switch scalar {
                case "\\", ";", ",": unescaped.append(scalar)
                case "n", "N": unescaped.append("\n")
                default: unescaped.append(contentsOf: ["\\", scalar])
                }
            } else if scalar == "\\" {
                pendingBackslash = true
            } else {
                unescaped.append(scalar)
            }
        }
        if pendingBackslash {
            unescaped.append("\\")
        }
        return String(unescaped)
    }

    /// A DATE (`20261203`) or DATE-TIME (`20261203T150000`, `20261203T140000Z`) as written,
    /// before any time zone is applied.
    enum DateValue: Equatable {
        case date(year: Int, month: Int, day: Int)
        case dateTime(WallClock, isUTC: Bool)
    }

    /// A calendar date and time of day with no zone attached.
    struct WallClock: Equatable {
        let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    }

    /// Reads the DATE or DATE-TIME forms by their shape; `nil` for anything else or an impossible date.
    static func dateValue(_ value: String) -> DateValue? {
        let scalars = Array(value.trimmingCharacters(in: .whitespaces).unicodeScalars)
        func number(_ range: Range<Int>) -> Int? {
            var result = 0
            for scalar in scalars[range] {
                guard let digit = asciiDigit(scalar) else { return nil }
                result = result * 10 + digit
            }
            return result
        }
        guard scalars.count >= 8, let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        if scalars.count == 8 {
            return .date(year: year, month: month, day: day)
        }
        let isUTC = scalars.count == 16 && (scalars[15] == "Z" || scalars[15] == "z")
        guard scalars.count == 15 || isUTC, scalars[8] == "T" || scalars[8] == "t",
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
              hour <= 23, minute <= 59, second <= 60
        else { return nil }
        // A leap second has no instant of its own in Foundation; it reads as the second before.
        let clock = WallClock(year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59))
        return .dateTime(clock, isUTC: isUTC)
    }

    /// The instant a wall-clock time names in `zone`. Following RFC 5545 §3.3.5, a time that occurs
    /// twice (the hour repeated when clocks go back) is the first occurrence, and a time skipped when
    /// clocks go forward is read with the offset in force before the jump.
    static func instant(of clock: WallClock, in zone: TimeZone) -> Date {
        let wall = secondsAsIfUTC(clock)
        let nearbyOffsets = Set([-86_400.0, 0, 86_400].map { zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall + $0)) })
        let consistent = nearbyOffsets
            .map { wall - TimeInterval($0) }
            .filter { zone.secondsFromGMT(for: Date(timeIntervalSince1970: $0)) == Int(wall - $0) }
        if let first = consistent.min() {
            return Date(timeIntervalSince1970: first)
        }
        let offsetBeforeGap = zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - 86_400))
        return Date(timeIntervalSince1970: wall - TimeInterval(offsetBeforeGap))
    }

    /// The same calendar day `days` later (or earlier, when negative).
    static func day(year: Int, month: Int, day: Int, adding days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = utcCalendar.date(byAdding: .day, value: days, to: utcDate(year: year, month: month, day: day))!
        let parts = utcCalendar.dateComponents([.year, .month, .day], from: shifted)
        return (parts.year!, parts.month!, parts.day!)
    }

    /// A DURATION (§3.3.6) such as `PT30M`, `P1D`, `P1DT2H`, `P2W` or `-PT15M`. Days and weeks are
    /// nominal (a day is the same wall-clock time on the next date), so they are kept apart from seconds.
    struct NominalDuration: Equatable {
        /// Whole days, weeks counted as seven; negative for a negative duration.
        let days: Int
        /// Hours, minutes and seconds in seconds; negative for a negative duration.
        let seconds: Int

        /// The length in seconds with every day counted as 86 400 s.
        var nominalSeconds: TimeInterval { TimeInterval(days * 86_400 + seconds) }

        /// `nil` unless the text is a complete duration; designators must come in the order W, D, T, H, M, S.
        init?(_ text: String) {
            var scalars = Substring(text.trimmingCharacters(in: .whitespaces).uppercased()).unicodeScalars
            var sign = 1
            if scalars.first == "-" || scalars.first == "+" {
                sign = scalars.removeFirst() == "-" ? -1 : 1
            }
            guard scalars.first == "P" else { return nil }
            scalars.removeFirst()
            let order: [Unicode.Scalar] = ["W", "D", "T", "H", "M", "S"]
            var nextAllowed = 0
            var days = 0, seconds = 0
            var number: Int?
            var sawComponent = false
            var inTimePart = false
            for scalar in scalars {
                if let digit = asciiDigit(scalar) {
                    let (grown, overflow) = (number ?? 0).multipliedReportingOverflow(by: 10)
                    guard !overflow, grown <= 1_000_000_000 else { return nil }
                    number = grown + digit
                    continue
                }
                guard let position = order.firstIndex(of: scalar), position >= nextAllowed else { return nil }
                nextAllowed = position + 1
                if scalar == "T" {
                    guard number == nil else { return nil }
                    inTimePart = true
                    sawComponent = false
                    continue
                }
                guard let value = number, inTimePart == (position > 2) else { return nil }
                number = nil
                sawComponent = true
                switch scalar {
                case "W": days += value * 7
                case "D": days += value
                case "H": seconds += value * 3_600
                case "M": seconds += value * 60
                default: seconds += value
                }
            }
            guard number == nil, sawComponent else { return nil }
            self.days = sign * days
            self.seconds = sign * seconds
        }
    }

    private static func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
        ("0"..."9").contains(scalar) ? Int(scalar.value) - 48 : nil
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    private static func utcDate(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date {
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = utcCalendar.date(from: components) else {
            preconditionFailure("validated Gregorian date \(components) has no instant")
        }
        return date
    }

    private static func secondsAsIfUTC(_ clock: WallClock) -> TimeInterval {
        utcDate(year: clock.year, month: clock.month, day: clock.day, hour: clock.hour, minute: clock.minute, second: clock.second)
            .timeIntervalSince1970
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
