/// A value of a TOML document.
public enum TOMLValue: Equatable, Sendable {
    case string(String)
    /// A 64-bit signed integer.
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A moment: date and time with an offset from UTC in minutes, e.g. `1979-05-27T07:32:00-08:00`.
    case offsetDateTime(TOMLDate, TOMLTime, offsetMinutes: Int)
    /// A date and time without an offset, e.g. `1979-05-27T07:32:00`.
    case localDateTime(TOMLDate, TOMLTime)
    /// A date, e.g. `1979-05-27`.
    case localDate(TOMLDate)
    /// A time of day, e.g. `07:32:00.5`.
    case localTime(TOMLTime)
    /// An array; TOML 1.0 lets its elements be of different types.
    case array([TOMLValue])
    case table(TOMLTable)

    public var stringValue: String? {
        if case .string(let string) = self { string } else { nil }
    }

    public var integerValue: Int? {
        if case .integer(let integer) = self { integer } else { nil }
    }

    /// An integer or a float, as a `Double`.
    public var numberValue: Double? {
        switch self {
        case .integer(let integer): Double(integer)
        case .float(let float): float
        default: nil
        }
    }

    public var booleanValue: Bool? {
        if case .boolean(let boolean) = self { boolean } else { nil }
    }

    public var arrayValue: [TOMLValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    public var tableValue: TOMLTable? {
        if case .table(let table) = self { table } else { nil }
    }

    /// What the value is, for messages: `string`, `integer`, `floating-point number`, `boolean`,
    /// `date-time`, `local date-time`, `date`, `time`, `array` or `table`.
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "floating-point number"
        case .boolean: "boolean"
        case .offsetDateTime: "date-time"
        case .localDateTime: "local date-time"
        case .localDate: "date"
        case .localTime: "time"
        case .array: "array"
        case .table: "table"
        }
    }

    /// What a message says it found: the type, then the value unless it is an array or a table,
    /// e.g. `integer 3`, `string "three"`, `table`.
    public var summary: String {
        switch self {
        case .array, .table: typeName
        default: "\(typeName) \(description)"
        }
    }
}

extension TOMLValue: CustomStringConvertible {
    /// The value written as TOML: `"three"`, `3`, `1.5`, `-inf`, `1979-05-27T07:32:00Z`, `[1, 2]`, `{ a = 1 }`.
    public var description: String {
        switch self {
        case .string(let string): TOMLSyntax.quoted(string)
        case .integer(let integer): String(integer)
        case .float(let float):
            if float.isNaN { "nan" } else if float.isInfinite { float < 0 ? "-inf" : "inf" } else { String(float) }
        case .boolean(let boolean): String(boolean)
        case .offsetDateTime(let date, let time, let offsetMinutes):
            "\(date)T\(time)\(TOMLSyntax.offset(minutes: offsetMinutes))"
        case .localDateTime(let date, let time): "\(date)T\(time)"
        case .localDate(let date): date.description
        case .localTime(let time): time.description
        case .array(let elements): "[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .table(let table):
            table.isEmpty ? "{}" : "{ " + table.keys.map { key in
                "\(TOMLSyntax.key(key)) = \(table[key]?.description ?? "")"
            }.joined(separator: ", ") + " }"
        }
    }
}

/// A calendar date of a TOML date or date-time (proleptic Gregorian, as RFC 3339 has it).
public struct TOMLDate: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 to 12.
    public let month: Int
    /// 1 to the number of days in the month.
    public let day: Int

    /// Nil when the month or day is out of range (February 29 only in leap years).
    public init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let daysInMonth = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= daysInMonth else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(TOMLSyntax.digits(year, 4))-\(TOMLSyntax.digits(month, 2))-\(TOMLSyntax.digits(day, 2))"
    }
}

/// A time of day of a TOML time or date-time, to the nanosecond (finer digits are dropped, as the
/// specification asks: truncated, not rounded).
public struct TOMLTime: Hashable, Sendable, CustomStringConvertible {
    /// 0 to 23.
    public let hour: Int
    /// 0 to 59.
    public let minute: Int
    /// 0 to 59: a leap second is refused, as most date libraries refuse it.
    public let second: Int
    /// 0 to 999,999,999.
    public let nanosecond: Int

    /// Nil when a field is out of range.
    public init?(hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
            (0...999_999_999).contains(nanosecond)
        else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    /// `HH:MM:SS`, then the fraction of a second without trailing zeros when there is one.
    public var description: String {
        var text = "\(TOMLSyntax.digits(hour, 2)):\(TOMLSyntax.digits(minute, 2)):\(TOMLSyntax.digits(second, 2))"
        if nanosecond > 0 {
            var fraction = TOMLSyntax.digits(nanosecond, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }
}

/// How TOML writes keys and strings; shared by value descriptions and key paths in messages.
enum TOMLSyntax {
    /// Whether `scalar` may appear in a bare (unquoted) key.
    static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }

    /// The key bare when TOML allows it, else as a basic string.
    static func key(_ key: String) -> String {
        !key.isEmpty && key.unicodeScalars.allSatisfy(isBareKeyScalar) ? key : quoted(key)
    }

    /// A basic string: quotes, backslashes and control characters escaped.
    static func quoted(_ string: String) -> String {
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\u{08}": text += "\\b"
            case "\t": text += "\\t"
            case "\n": text += "\\n"
            case "\u{0C}": text += "\\f"
            case "\r": text += "\\r"
            case _ where isControl(scalar): text += "\\u" + digits(Int(scalar.value), 4, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// The characters TOML calls control characters: U+0000 to U+001F and U+007F.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    /// `Z`, or `+HH:MM` / `-HH:MM`.
    static func offset(minutes: Int) -> String {
        guard minutes != 0 else { return "Z" }
        return (minutes < 0 ? "-" : "+") + digits(abs(minutes) / 60, 2) + ":" + digits(abs(minutes) % 60, 2)
    }

    /// `number` with leading zeros to `width` digits.
    static func digits(_ number: Int, _ width: Int, radix: Int = 10) -> String {
        let text = String(number, radix: radix, uppercase: true)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
