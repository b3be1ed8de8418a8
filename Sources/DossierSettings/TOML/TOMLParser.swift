/// A document that is not valid TOML 1.0, with the 1-based line and column of the problem
/// (columns count Unicode scalars).
public struct TOMLParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `<line>:<column>: <message>`.
    public var description: String { "\(line):\(column): \(message)" }
}

/// Reads a TOML 1.0 document (see ``TOMLTable/init(parsing:)``): a recursive descent over the text's
/// Unicode scalars, CRLF read as LF and a leading byte order mark skipped. The tables are built by
/// ``TOMLTableBuilder``, which refuses the redefinitions.
struct TOMLParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    /// The last position whose line was asked for, and that line: lines are counted from there.
    private var lineMark = (position: 0, line: 1)
    /// How many arrays and inline tables are open around the position.
    private var depth = 0
    /// The deepest nesting read, so that a pathological document is an error, not a stack overflow.
    private static let maximumDepth = 100

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if previous == "\r" && scalar == "\n" { scalars.removeLast() }
            scalars.append(scalar)
            previous = scalar
        }
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
    }

    mutating func parseDocument() throws(TOMLParseError) -> TOMLTable {
        let root = TOMLTableBuilder(origin: .defined, path: [], line: nil)
        var table = root
        while true {
            skipWhitespace()
            guard let scalar = peek() else { break }
            if scalar == "[" {
                table = try parseHeader(root: root)
            } else if scalar != "#" && scalar != "\n" {
                try parseKeyValue(into: table)
            }
            try finishLine()
        }
        return root.build()
    }

    // MARK: - Lines

    /// Whitespace, an optional comment, then a newline or the end of the document.
    private mutating func finishLine() throws(TOMLParseError) {
        skipWhitespace()
        if peek() == "#" { try skipComment() }
        guard let scalar = peek() else { return }
        guard scalar == "\n" else { throw error("expected the end of the line, found \(Self.describe(scalar))") }
        position += 1
    }

    /// `[key]` or `[[key]]`; the table the keys that follow go into.
    private mutating func parseHeader(root: TOMLTableBuilder) throws(TOMLParseError) -> TOMLTableBuilder {
        let start = position
        let isArrayOfTables = isAt("[[")
        position += isArrayOfTables ? 2 : 1
        skipWhitespace()
        let key = try parseKey()
        skipWhitespace()
        let closing = isArrayOfTables ? "]]" : "]"
        guard isAt(closing) else { throw error("expected `\(closing)` to close the table header, found \(describeNext())") }
        position += closing.unicodeScalars.count
        let line = lineNumber(at: start)
        do {
            return try isArrayOfTables ? root.appendTable(key, line: line) : root.openTable(key, line: line)
        } catch {
            throw self.error(error.message, at: start)
        }
    }

    /// `key = value` into `table`.
    private mutating func parseKeyValue(into table: TOMLTableBuilder) throws(TOMLParseError) {
        let start = position
        let key = try parseKey()
        skipWhitespace()
        guard peek() == "=" else {
            throw error("expected `=` after the key \(key.map(TOMLSyntax.key).joined(separator: ".")), found \(describeNext())")
        }
        position += 1
        skipWhitespace()
        let value = try parseValue(at: table.path + key)
        do {
            try table.define(key, value, line: lineNumber(at: start))
        } catch {
            throw self.error(error.message, at: start)
        }
    }

    /// A key of one or more parts separated by dots: bare, "basic" or 'literal'.
    private mutating func parseKey() throws(TOMLParseError) -> [String] {
        var parts: [String] = []
        while true {
            switch peek() {
            case "\"" where isAt("\"\"\""), "'" where isAt("'''"):
                throw error("a key cannot be a multi-line string")
            case "\"": parts.append(try parseBasicString())
            case "'": parts.append(try parseLiteralString())
            default:
                let start = position
                while let scalar = peek(), TOMLSyntax.isBareKeyScalar(scalar) { position += 1 }
                guard position > start else { throw error("expected a key, found \(describeNext())") }
                parts.append(text(start..<position))
            }
            skipWhitespace()
            guard peek() == "." else { return parts }
            position += 1
            skipWhitespace()
        }
    }

    // MARK: - Values

    /// The value at the current position; `path` is its key, for messages about an inline table.
    private mutating func parseValue(at path: [String]) throws(TOMLParseError) -> TOMLValue {
        switch peek() {
        case nil: throw error("expected a value, found the end of the document")
        case "\"": return .string(isAt("\"\"\"") ? try parseMultilineString(quote: "\"") : try parseBasicString())
        case "'": return .string(isAt("'''") ? try parseMultilineString(quote: "'") : try parseLiteralString())
        case "[", "{":
            guard depth < Self.maximumDepth else { throw error("arrays and inline tables nest more than \(Self.maximumDepth) deep") }
            depth += 1
            defer { depth -= 1 }
            return peek() == "[" ? try parseArray(at: path) : try parseInlineTable(at: path)
        case _ where isDigits(at: position, count: 4) && scalar(at: position + 4) == "-": return try parseDateTime()
        case _ where isDigits(at: position, count: 2) && scalar(at: position + 2) == ":": return .localTime(try parseTime())
        default: return try parseWord()
        }
    }

    /// `true`, `false`, an integer or a float (a run of letters, digits, `_`, `.`, `+` and `-`).
    private mutating func parseWord() throws(TOMLParseError) -> TOMLValue {
        let start = position
        while let scalar = peek(), TOMLSyntax.isBareKeyScalar(scalar) || scalar == "." || scalar == "+" { position += 1 }
        guard position > start else { throw error("expected a value, found \(describeNext())") }
        let word = text(start..<position)
        switch word {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        default:
            guard let first = word.unicodeScalars.first, ("0"..."9").contains(first) || first == "+" || first == "-"
                || word == "inf" || word == "nan"
            else {
                throw error("expected a value, found `\(word)` (a string needs quotes)", at: start)
            }
            do {
                return try Self.number(word)
            } catch {
                throw self.error(error.message, at: start)
            }
        }
    }

    /// An integer (decimal, `0x`, `0o` or `0b`) or a float (fraction, exponent, `inf`, `nan`).
    private static func number(_ word: String) throws(TOMLProblem) -> TOMLValue {
        var digits = Substring(word)
        let sign = digits.first == "+" || digits.first == "-" ? String(digits.removeFirst()) : ""
        switch digits {
        case "inf": return .float(sign == "-" ? -.infinity : .infinity)
        case "nan": return .float(sign == "-" ? -.nan : .nan)
        default: break
        }
        let radixByPrefix = ["0x": 16, "0o": 8, "0b": 2]
        if let radix = radixByPrefix[String(digits.prefix(2))] {
            digits.removeFirst(2)
            guard sign.isEmpty else { throw TOMLProblem("`\(word)`: only a decimal integer may have a sign") }
            guard isDigitRun(digits, radix: radix) else { throw invalidNumber(word) }
            guard let value = Int(digits.filter { $0 != "_" }, radix: radix) else { throw tooLarge(word) }
            return .integer(value)
        }
        let integerPart = digits.prefix { $0 != "." && $0 != "e" && $0 != "E" }
        guard isDigitRun(integerPart, radix: 10) else { throw invalidNumber(word) }
        guard integerPart.count == 1 || integerPart.first != "0" else {
            throw TOMLProblem("`\(word)`: a decimal number cannot have leading zeros")
        }
        var rest = digits[integerPart.endIndex...]
        if rest.isEmpty {
            guard let value = Int(sign + integerPart.filter { $0 != "_" }) else { throw tooLarge(word) }
            return .integer(value)
        }
        if rest.first == "." {
            let fraction = rest.dropFirst().prefix { $0 != "e" && $0 != "E" }
            guard isDigitRun(fraction, radix: 10) else { throw invalidNumber(word) }
            rest = rest[fraction.endIndex...]
        }
        if rest.first == "e" || rest.first == "E" {
            var exponent = rest.dropFirst()
            if exponent.first == "+" || exponent.first == "-" { exponent.removeFirst() }
            guard isDigitRun(exponent, radix: 10) else { throw invalidNumber(word) }
            rest = rest[rest.endIndex...]
        }
        guard rest.isEmpty, let value = Double(sign + digits.filter { $0 != "_" }) else { throw invalidNumber(word) }
        return .float(value)
    }

    /// Digits of `radix`, each underscore between two digits.
    private static func isDigitRun(_ text: Substring, radix: Int) -> Bool {
        let isDigit = { (character: Character) in character.hexDigitValue.map { $0 < radix } ?? false }
        guard let first = text.first, let last = text.last, isDigit(first), isDigit(last) else { return false }
        return !text.contains("__") && text.allSatisfy { $0 == "_" || isDigit($0) }
    }

    private static func invalidNumber(_ word: String) -> TOMLProblem {
        TOMLProblem("`\(word)` is not a valid number")
    }

    private static func tooLarge(_ word: String) -> TOMLProblem {
        TOMLProblem("`\(word)` does not fit in a 64-bit integer")
    }

    /// `1979-05-27`, optionally followed by a time (after `T`, `t` or a space) and an offset.
    private mutating func parseDateTime() throws(TOMLParseError) -> TOMLValue {
        let start = position
        let year = readNumber(digits: 4)
        position += 1
        guard isDigits(at: position, count: 2), scalar(at: position + 2) == "-", isDigits(at: position + 3, count: 2) else {
            throw error("expected a date such as 1979-05-27", at: start)
        }
        let month = readNumber(digits: 2)
        position += 1
        guard let date = TOMLDate(year: year, month: month, day: readNumber(digits: 2)) else {
            throw error("\(text(start..<position)) is not a valid date", at: start)
        }
        guard let separator = peek(), separator == "T" || separator == "t"
            || separator == " " && isDigits(at: position + 1, count: 2) && scalar(at: position + 3) == ":"
        else { return .localDate(date) }
        position += 1
        let time = try parseTime()
        switch peek() {
        case "Z", "z":
            position += 1
            return .offsetDateTime(date, time, offsetMinutes: 0)
        case "+", "-":
            let offsetStart = position
            let sign = peek() == "-" ? -1 : 1
            position += 1
            guard isDigits(at: position, count: 2), scalar(at: position + 2) == ":", isDigits(at: position + 3, count: 2) else {
                throw error("expected an offset such as +01:00 or Z", at: offsetStart)
            }
            let hours = readNumber(digits: 2)
            position += 1
            let minutes = readNumber(digits: 2)
            guard hours <= 23, minutes <= 59 else { throw error("\(text(offsetStart..<position)) is not a valid offset", at: offsetStart) }
            return .offsetDateTime(date, time, offsetMinutes: sign * (hours * 60 + minutes))
        default:
            return .localDateTime(date, time)
        }
    }

    /// `07:32:00`, optionally with a fraction of a second.
    private mutating func parseTime() throws(TOMLParseError) -> TOMLTime {
        let start = position
        guard isDigits(at: position, count: 2), scalar(at: position + 2) == ":", isDigits(at: position + 3, count: 2),
            scalar(at: position + 5) == ":", isDigits(at: position + 6, count: 2)
        else { throw error("expected a time such as 07:32:00", at: start) }
        let hour = readNumber(digits: 2)
        position += 1
        let minute = readNumber(digits: 2)
        position += 1
        let second = readNumber(digits: 2)
        var nanosecond = 0
        if peek() == ".", isDigits(at: position + 1, count: 1) {
            position += 1
            var digitCount = 0
            while isDigits(at: position, count: 1) {
                if digitCount < 9 { nanosecond = nanosecond * 10 + readNumber(digits: 1) } else { position += 1 }
                digitCount += 1
            }
            for _ in digitCount..<max(digitCount, 9) { nanosecond *= 10 }
        } else if peek() == "." {
            throw error("expected the digits of a fraction of a second")
        }
        guard let time = TOMLTime(hour: hour, minute: minute, second: second, nanosecond: nanosecond) else {
            throw error("\(text(start..<position)) is not a valid time", at: start)
        }
        return time
    }

    /// `[value, value, …]`, across lines, with comments and a trailing comma allowed.
    private mutating func parseArray(at path: [String]) throws(TOMLParseError) -> TOMLValue {
        let start = position
        position += 1
        var elements: [TOMLValue] = []
        while true {
            try skipBlankLines()
            switch peek() {
            case "]":
                position += 1
                return .array(elements)
            case nil: throw error("the array opened on line \(lineNumber(at: start)) is not closed")
            default: elements.append(try parseValue(at: path))
            }
            try skipBlankLines()
            switch peek() {
            case ",": position += 1
            case "]", nil: continue
            default: throw error("expected `,` or `]` in the array, found \(describeNext())")
            }
        }
    }

    /// `{ key = value, … }` on one line, without a trailing comma.
    private mutating func parseInlineTable(at path: [String]) throws(TOMLParseError) -> TOMLValue {
        let table = TOMLTableBuilder(origin: .defined, path: path, line: lineNumber(at: position))
        position += 1
        skipWhitespace()
        if peek() == "}" {
            position += 1
            return .table(table.build())
        }
        while true {
            skipWhitespace()
            if peek() == "}" { throw error("an inline table cannot end with a comma") }
            try parseKeyValue(into: table)
            skipWhitespace()
            switch peek() {
            case ",": position += 1
            case "}":
                position += 1
                return .table(table.build())
            case "\n": throw error("an inline table must close on the line it opens (or within a value on it)")
            default: throw error("expected `,` or `}` in the inline table, found \(describeNext())")
            }
        }
    }

    // MARK: - Strings

    /// `"…"` with escapes, on one line.
    private mutating func parseBasicString() throws(TOMLParseError) -> String {
        let start = position
        position += 1
        var string = String.UnicodeScalarView()
        while let scalar = peek(), scalar != "\n" {
            try refuseControl(scalar, in: "a string")
            position += 1
            switch scalar {
            case "\"": return String(string)
            case "\\": string.append(try parseEscape())
            default: string.append(scalar)
            }
        }
        throw error("the string opened here is not closed on its line", at: start)
    }

    /// `'…'` as written, on one line.
    private mutating func parseLiteralString() throws(TOMLParseError) -> String {
        let start = position
        position += 1
        var string = String.UnicodeScalarView()
        while let scalar = peek(), scalar != "\n" {
            try refuseControl(scalar, in: "a string")
            position += 1
            if scalar == "'" { return String(string) }
            string.append(scalar)
        }
        throw error("the string opened here is not closed on its line", at: start)
    }

    /// `"""…"""` (with escapes, and a backslash at the end of a line joining it to the next
    /// non-blank text) or `'''…'''` (as written). A newline right after the opening delimiter is
    /// dropped; one or two quotes may stand right before the closing delimiter.
    private mutating func parseMultilineString(quote: Unicode.Scalar) throws(TOMLParseError) -> String {
        let start = position
        position += 3
        if peek() == "\n" { position += 1 }
        var string = String.UnicodeScalarView()
        while let current = peek() {
            switch current {
            case quote:
                var count = 0
                while peek() == quote {
                    position += 1
                    count += 1
                }
                guard count >= 3 else {
                    string.append(contentsOf: repeatElement(quote, count: count))
                    continue
                }
                guard count <= 5 else { throw error("too many quotes at the end of a multi-line string") }
                string.append(contentsOf: repeatElement(quote, count: count - 3))
                return String(string)
            case "\\" where quote == "\"":
                var next = position + 1
                while scalar(at: next) == " " || scalar(at: next) == "\t" { next += 1 }
                if scalar(at: next) == "\n" {
                    position = next
                    while let blank = peek(), blank == " " || blank == "\t" || blank == "\n" { position += 1 }
                } else {
                    position += 1
                    string.append(try parseEscape())
                }
            case "\n":
                position += 1
                string.append(current)
            default:
                try refuseControl(current, in: "a string")
                position += 1
                string.append(current)
            }
        }
        throw error("the multi-line string opened here is not closed", at: start)
    }

    /// The character an escape stands for; the position is after the backslash.
    private mutating func parseEscape() throws(TOMLParseError) -> Unicode.Scalar {
        let start = position - 1
        guard let code = peek(), code != "\n" else { throw error("a backslash must start an escape such as \\n", at: start) }
        position += 1
        switch code {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            let count = code == "u" ? 4 : 8
            let digits = position..<min(position + count, scalars.count)
            guard digits.count == count, digits.allSatisfy({ scalars[$0].properties.isASCIIHexDigit }) else {
                throw error("\\\(code) needs \(count) hexadecimal digits", at: start)
            }
            position += count
            guard let scalar = UInt32(text(digits), radix: 16).flatMap(Unicode.Scalar.init) else {
                throw error("\\\(code)\(text(digits)) is not a Unicode scalar value", at: start)
            }
            return scalar
        default:
            throw error("invalid escape \\\(Character(code)); the escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX", at: start)
        }
    }

    // MARK: - Blanks and comments

    private mutating func skipWhitespace() {
        while peek() == " " || peek() == "\t" { position += 1 }
    }

    /// Whitespace, newlines and comments, as between the elements of an array.
    private mutating func skipBlankLines() throws(TOMLParseError) {
        while true {
            skipWhitespace()
            switch peek() {
            case "\n": position += 1
            case "#": try skipComment()
            default: return
            }
        }
    }

    /// From `#` to the end of the line, which is left to read.
    private mutating func skipComment() throws(TOMLParseError) {
        while let scalar = peek(), scalar != "\n" {
            try refuseControl(scalar, in: "a comment")
            position += 1
        }
    }

    /// Control characters other than tab may not be written in strings and comments.
    private mutating func refuseControl(_ scalar: Unicode.Scalar, in context: String) throws(TOMLParseError) {
        guard TOMLSyntax.isControl(scalar), scalar != "\t" else { return }
        let what = scalar == "\r" ? "a carriage return not followed by a line feed" : "the control character \(Self.describe(scalar))"
        throw error("\(what) is not allowed in \(context)")
    }

    // MARK: - Scanning

    private func peek() -> Unicode.Scalar? {
        scalar(at: position)
    }

    private func scalar(at index: Int) -> Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    private func isAt(_ token: String) -> Bool {
        scalars[position...].starts(with: token.unicodeScalars)
    }

    private func isDigits(at index: Int, count: Int) -> Bool {
        (index..<index + count).allSatisfy { scalar(at: $0).map { ("0"..."9").contains($0) } ?? false }
    }

    /// The value of the next `digits` decimal digits, which the caller has checked are there.
    private mutating func readNumber(digits: Int) -> Int {
        var value = 0
        for _ in 0..<digits {
            value = value * 10 + Int(scalars[position].value - 48)
            position += 1
        }
        return value
    }

    private func text(_ range: Range<Int>) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[range])
        return String(text)
    }

    // MARK: - Errors

    private mutating func error(_ message: String, at offset: Int? = nil) -> TOMLParseError {
        let offset = offset ?? position
        var lineStart = offset
        while lineStart > 0 && scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        return TOMLParseError(line: lineNumber(at: offset), column: offset - lineStart + 1, message: message)
    }

    /// The 1-based line of `offset`, counted on from the last line asked for when that is before it.
    private mutating func lineNumber(at offset: Int) -> Int {
        if offset < lineMark.position { lineMark = (0, 1) }
        var line = lineMark.line
        for index in lineMark.position..<offset where scalars[index] == "\n" { line += 1 }
        lineMark = (offset, line)
        return line
    }

    private func describeNext() -> String {
        peek().map(Self.describe) ?? "the end of the document"
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "the end of the line"
        case "\r": "U+000D (a carriage return without a line feed)"
        case _ where TOMLSyntax.isControl(scalar) || scalar.properties.isWhitespace:
            "U+" + TOMLSyntax.digits(Int(scalar.value), 4, radix: 16)
        default: "`\(Character(scalar))`"
        }
    }
}
