/// Calendar text whose structure cannot be read: a line that is not `NAME[;PARAM=...]:VALUE`,
/// BEGIN/END that do not pair up, or a VEVENT without UID or a usable DTSTART.
/// The description reads `line <n>: <message>`.
public struct CalendarParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based number of the physical line where the offending (unfolded) line starts.
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
