import Foundation

/// The local wall-clock time of day at which the nightly refresh runs, as given to `--at`.
///
/// Parsing accepts a 24-hour `HH:MM` (the hour may have one digit, minutes always two), so the value is
/// always a valid time of day; ``description`` prints it back as `HH:MM`.
public struct ScheduleTime: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// 0...23.
    public let hour: Int
    /// 0...59.
    public let minute: Int

    /// The time `dossier schedule install` uses without `--at`.
    public static let defaultTime = ScheduleTime(validHour: 2, minute: 30)

    /// A time from its parts; nil unless `hour` is 0...23 and `minute` 0...59.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.init(validHour: hour, minute: minute)
    }

    private init(validHour hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (24-hour); throws ``ScheduleError/invalidTime(_:)`` with the text otherwise.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2,
            (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]),
            let time = ScheduleTime(hour: hour, minute: minute)
        else { throw ScheduleError.invalidTime(text) }
        self = time
    }

    /// `HH:MM`, zero-padded.
    public var description: String { Self.twoDigits(hour) + ":" + Self.twoDigits(minute) }

    /// The first moment after `date` at which the local clock of `timeZone` shows this time.
    /// On a day when a DST change skips the time, the next existing moment is used, as cron and
    /// systemd do.
    public func nextOccurrence(after date: Date, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.nextDate(
            after: date, matching: DateComponents(hour: hour, minute: minute, second: 0),
            matchingPolicy: .nextTime)
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
