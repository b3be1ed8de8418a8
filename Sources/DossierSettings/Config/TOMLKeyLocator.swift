/// Finds the line on which a key of a TOML document is written.
///
/// TOMLKit reports a line only for syntax errors, not for the values it parsed, so diagnostics about
/// unknown keys and wrong values need the lines found another way. This scans the source of a document
/// that already parsed: table headers (`[a.b]`, `[[a]]`, counting array elements) and `key = value`
/// lines, skipping the bodies of multi-line strings. A key inside an inline table is not indexed;
/// its nearest indexed ancestor answers instead.
public struct TOMLKeyLocator {
    private var lineByPath: [ConfigKeyPath: Int] = [:]

    public init(source: String) {
        var currentTable = ConfigKeyPath.root
        var elementCountByArrayPath: [ConfigKeyPath: Int] = [:]
        var openStringDelimiter: String?
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 1
            if let delimiter = openStringDelimiter {
                if let closing = line.range(of: delimiter) {
                    openStringDelimiter = Self.unclosedMultilineDelimiter(in: line[closing.upperBound...])
                }
                continue
            }
            var scanner = LineScanner(line)
            scanner.skipWhitespace()
            let isArrayHeader = scanner.consume("[[")
            if isArrayHeader || scanner.consume("[") {
                guard let keys = scanner.dottedKey(), scanner.consume(isArrayHeader ? "]]" : "]") else { continue }
                var path = ConfigKeyPath.root
                for (position, key) in keys.enumerated() {
                    path = path.appending(key)
                    record(path, lineNumber)
                    if isArrayHeader && position == keys.count - 1 {
                        let count = elementCountByArrayPath[path, default: 0]
                        elementCountByArrayPath[path] = count + 1
                        path = path.appending(index: count)
                    } else if let count = elementCountByArrayPath[path] {
                        path = path.appending(index: count - 1)
                    }
                }
                record(path, lineNumber)
                currentTable = path
            } else if let keys = scanner.dottedKey(), scanner.consume("=") {
                var path = currentTable
                for key in keys {
                    path = path.appending(key)
                    record(path, lineNumber)
                }
                openStringDelimiter = Self.unclosedMultilineDelimiter(in: scanner.remainder)
            } else {
                openStringDelimiter = Self.unclosedMultilineDelimiter(in: line)
            }
        }
    }

    /// The line of `path`, or of its nearest ancestor that was found.
    public func line(of path: ConfigKeyPath) -> Int? {
        var candidate: ConfigKeyPath? = path
        while let current = candidate, !current.components.isEmpty {
            if let line = lineByPath[current] { return line }
            candidate = current.parent
        }
        return nil
    }

    private mutating func record(_ path: ConfigKeyPath, _ line: Int) {
        if lineByPath[path] == nil { lineByPath[path] = line }
    }

    /// The delimiter of a multi-line string opened but not closed in `text`, if any.
    private static func unclosedMultilineDelimiter(in text: Substring) -> String? {
        var rest = text
        while let opening = [#"""""#, "'''"].compactMap({ delimiter in
            rest.range(of: delimiter).map { (delimiter, $0) }
        }).min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            let (delimiter, range) = opening
            guard let closing = rest[range.upperBound...].range(of: delimiter) else { return delimiter }
            rest = rest[closing.upperBound...]
        }
        return nil
    }
}

/// Reads keys and punctuation at the start of one line of TOML.
private struct LineScanner {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    public init(_ line: Substring) {
        scalars = Array(line.unicodeScalars)
    }

    public var remainder: Substring {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[position...])
        return text[...]
    }

    public mutating func skipWhitespace() {
        while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
    }

    public mutating func consume(_ token: String) -> Bool {
        skipWhitespace()
        let tokenScalars = Array(token.unicodeScalars)
        guard scalars[position...].starts(with: tokenScalars) else { return false }
        position += tokenScalars.count
        return true
    }

    /// A key such as `a`, `"quoted key"`, `'literal'` or `a."b".c`, split into its parts.
    public mutating func dottedKey() -> [String]? {
        var keys: [String] = []
        repeat {
            skipWhitespace()
            guard let key = simpleKey() else { return nil }
            keys.append(key)
            skipWhitespace()
        } while consume(".")
        return keys
    }

    private mutating func simpleKey() -> String? {
        guard position < scalars.count else { return nil }
        switch scalars[position] {
        case "\"": return basicString()
        case "'": return literalString()
        default:
            let start = position
            while position < scalars.count, isBareKeyScalar(scalars[position]) { position += 1 }
            guard position > start else { return nil }
            return string(scalars[start..<position])
        }
    }

    private mutating func literalString() -> String? {
        let start = position + 1
        guard let end = scalars[start...].firstIndex(of: "'") else { return nil }
        position = end + 1
        return string(scalars[start..<end])
    }

    private mutating func basicString() -> String? {
        var text = ""
        position += 1
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            switch scalar {
            case "\"":
                return text
            case "\\":
                guard let escaped = escapeSequence() else { return nil }
                text.unicodeScalars.append(escaped)
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        return nil
    }

    private mutating func escapeSequence() -> Unicode.Scalar? {
        guard position < scalars.count else { return nil }
        let code = scalars[position]
        position += 1
        switch code {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "e": return "\u{1B}"
        case "u", "U":
            let digitCount = code == "u" ? 4 : 8
            guard position + digitCount <= scalars.count,
                let value = UInt32(string(scalars[position..<position + digitCount]), radix: 16)
            else { return nil }
            position += digitCount
            return Unicode.Scalar(value)
        default: return code
        }
    }

    private func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: slice)
        return text
    }
}
