/// One logical line of iCalendar text (RFC 5545 §3.1), unfolded and split into name, parameters
/// and value. Names are upper-cased, parameter values have their quotes removed and RFC 6868
/// caret escapes decoded; the value is left raw for the property's own reader.
struct ContentLine: Sendable {
    /// The property name, upper-cased (`DTSTART`, `X-WR-CALNAME`).
    let name: String
    /// Parameter values by upper-cased parameter name; a parameter may list several values.
    let parameters: [String: [String]]
    /// Everything after the first `:` that is not inside a quoted parameter value.
    let value: String
    /// 1-based number of the physical line the logical line starts on.
    let line: Int

    /// The first value of a parameter, found case-insensitively.
    func parameter(_ name: String) -> String? {
        parameters[name.uppercased()]?.first
    }
}

/// A logical line before it is split: physical lines joined where folding broke them.
struct UnfoldedLine: Sendable {
    var text: String
    let line: Int
}

enum ContentLineReader {
    /// Joins folded lines: a line break (CRLF or bare LF) followed by one space or tab continues the
    /// previous line. A leading UTF-8 byte order mark and blank lines are dropped. Works on Unicode
    /// scalars, so a fold between a base letter and its combining mark joins them again. A
    /// continuation with no line before it is read as a line of its own.
    static func unfold(_ text: String) -> [UnfoldedLine] {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" {
            scalars.removeFirst()
        }
        var lines: [UnfoldedLine] = []
        for (offset, physical) in scalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = physical.last == "\r" ? physical.dropLast() : physical
            guard let first = content.first else { continue }
            if first == " " || first == "\t" {
                guard !lines.isEmpty else {
                    lines.append(UnfoldedLine(text: String(Substring(content.dropFirst())), line: offset + 1))
                    continue
                }
                lines[lines.count - 1].text.unicodeScalars.append(contentsOf: content.dropFirst())
            } else {
                lines.append(UnfoldedLine(text: String(Substring(content)), line: offset + 1))
            }
        }
        return lines
    }

    /// Splits `NAME *(";" PARAM "=" VALUE *("," VALUE)) ":" VALUE`. A `:`, `;` or `,` inside a
    /// double-quoted parameter value belongs to the value.
    static func parse(_ unfolded: UnfoldedLine) throws(CalendarParseError) -> ContentLine {
        let scalars = Array(unfolded.text.unicodeScalars)
        func fail(_ message: String) -> CalendarParseError {
            CalendarParseError(line: unfolded.line, message: message)
        }
        func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        let quotedLine = "\"\(abbreviated(unfolded.text))\""

        guard let nameEnd = scalars.firstIndex(where: { $0 == ";" || $0 == ":" }) else {
            throw fail("no ':' between the property name and its value in \(quotedLine)")
        }
        let name = text(0..<nameEnd).uppercased()
        guard isValidName(name) else {
            throw fail("\"\(abbreviated(name))\" is not a property name (letters, digits and '-') in \(quotedLine)")
        }

        var parameters: [String: [String]] = [:]
        var index = nameEnd
        while scalars[index] == ";" {
            let nameStart = index + 1
            guard let equals = scalars[nameStart...].firstIndex(where: { $0 == "=" || $0 == ";" || $0 == ":" }),
                  scalars[equals] == "="
            else {
                throw fail("a parameter of \(name) has no '=' in \(quotedLine)")
            }
            let parameterName = text(nameStart..<equals).uppercased()
            guard isValidName(parameterName) else {
                throw fail("\"\(abbreviated(parameterName))\" is not a parameter name in \(quotedLine)")
            }
            index = equals + 1
            var values: [String] = []
            while true {
                if index < scalars.count, scalars[index] == "\"" {
                    guard let close = scalars[(index + 1)...].firstIndex(of: "\"") else {
                        throw fail("the quoted value of parameter \(parameterName) is not closed in \(quotedLine)")
                    }
                    values.append(decodeCaretEscapes(text((index + 1)..<close)))
                    index = close + 1
                } else {
                    let stop = scalars[index...].firstIndex(where: { $0 == "," || $0 == ";" || $0 == ":" }) ?? scalars.count
                    values.append(decodeCaretEscapes(text(index..<stop)))
                    index = stop
                }
                guard index < scalars.count else {
                    throw fail("no ':' between the property name and its value in \(quotedLine)")
                }
                guard scalars[index] == "," else { break }
                index += 1
            }
            guard scalars[index] == ";" || scalars[index] == ":" else {
                throw fail("unexpected '\(scalars[index])' after the quoted value of parameter \(parameterName) in \(quotedLine)")
            }
            parameters[parameterName, default: []].append(contentsOf: values)
        }
        return ContentLine(name: name, parameters: parameters, value: text((index + 1)..<scalars.count), line: unfolded.line)
    }

    /// RFC 5545 names are `iana-token` or `x-name`: ASCII letters, digits and hyphens.
    private static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0 == "-" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) }
    }

    /// RFC 6868: `^n` is a line break, `^'` a double quote, `^^` a caret; any other caret stays.
    private static func decodeCaretEscapes(_ value: String) -> String {
        guard value.contains("^") else { return value }
        var decoded = String.UnicodeScalarView()
        var pendingCaret = false
        for scalar in value.unicodeScalars {
            if pendingCaret {
                pendingCaret = false
                switch scalar {
                case "n", "N": decoded.append("\n")
                case "'": decoded.append("\"")
                case "^": decoded.append("^")
                default: decoded.append(contentsOf: ["^", scalar])
                }
            } else if scalar == "^" {
                pendingCaret = true
            } else {
                decoded.append(scalar)
            }
        }
        if pendingCaret {
            decoded.append("^")
        }
        return String(decoded)
    }

    /// The start of a long line, for error messages.
    private static func abbreviated(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "..."
    }
}
