/// Reads the JSON that pages actually publish in `<script type="application/ld+json">`: it
/// tolerates comments, trailing commas, raw control characters and line breaks in strings, single
/// quotes, an HTML comment or CDATA wrapper, several values in a row, and a truncated end (open
/// containers are closed). Depth is bounded, so hostile nesting cannot exhaust the stack.
struct LenientJSONParser {
    private let bytes: [UInt8]
    private var position = 0
    private static let maximumDepth = 64

    private init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Every top-level value in `text`, in order.
    static func parseAll(_ text: String) -> [JSONValue] {
        var parser = LenientJSONParser(text)
        var values: [JSONValue] = []
        while true {
            parser.skipNoise()
            guard parser.position < parser.bytes.count else { break }
            let start = parser.position
            if let value = parser.value(depth: 0) {
                values.append(value)
            }
            if parser.position == start { parser.position += 1 }
        }
        return values
    }

    /// Skips whitespace, commas between values, comments and HTML comment or CDATA markers.
    private mutating func skipNoise() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x2C || byte == 0x3B {
                position += 1
            } else if skipComment() {
                continue
            } else if starts(with: "<!--") || starts(with: "-->") || starts(with: "<![CDATA[") || starts(with: "]]>") {
                while position < bytes.count, bytes[position] != 0x7B, bytes[position] != 0x5B { position += 1 }
            } else {
                return
            }
        }
    }

    /// Skips a `//` or `/* */` comment at the position; false when there is none.
    private mutating func skipComment() -> Bool {
        if starts(with: "//") {
            while position < bytes.count, bytes[position] != 0x0A { position += 1 }
            return true
        }
        if starts(with: "/*") {
            position += 2
            while position < bytes.count, !starts(with: "*/") { position += 1 }
            position = min(bytes.count, position + 2)
            return true
        }
        return false
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for k in 0 ..< count where bytes[position + k] != text.utf8Start[k] { return false }
        return true
    }

    private mutating func value(depth: Int) -> JSONValue? {
        skipWhitespaceAndComments()
        guard position < bytes.count, depth < Self.maximumDepth else { return nil }
        switch bytes[position] {
        case 0x7B: return object(depth: depth)
        case 0x5B: return array(depth: depth)
        case 0x22, 0x27: return .string(string())
        default: return literal()
        }
    }

    private mutating func skipWhitespaceAndComments() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                position += 1
            } else if skipComment() {
                continue
            } else {
                return
            }
        }
    }

    private mutating func object(depth: Int) -> JSONValue {
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        while true {
            skipWhitespaceAndComments()
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == 0x7D { position += 1; break }
            if byte == 0x2C { position += 1; continue }
            let key: String
            if byte == 0x22 || byte == 0x27 {
                key = string()
            } else {
                // An unquoted key.
                let start = position
                while position < bytes.count, bytes[position] != 0x3A, bytes[position] != 0x7D,
                      bytes[position] != 0x2C { position += 1 }
                key = String(decoding: bytes[start ..< position], as: UTF8.self).trimmingSpaces()
            }
            skipWhitespaceAndComments()
            guard position < bytes.count, bytes[position] == 0x3A else { continue }
            position += 1
            let start = position
            let member = value(depth: depth + 1) ?? .null
            if position == start { position += 1 }
            members.append((key, member))
        }
        return .object(members)
    }

    private mutating func array(depth: Int) -> JSONValue {
        position += 1
        var values: [JSONValue] = []
        while true {
            skipWhitespaceAndComments()
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == 0x5D { position += 1; break }
            if byte == 0x2C { position += 1; continue }
            let start = position
            if let element = value(depth: depth + 1) { values.append(element) }
            if position == start { position += 1 }
        }
        return .array(values)
    }

    private mutating func string() -> String {
        let quote = bytes[position]
        position += 1
        var result: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == quote { break }
            guard byte == 0x5C, position < bytes.count else {
                result.append(byte)
                continue
            }
            let escaped = bytes[position]
            position += 1
            switch escaped {
            case 0x6E: result.append(0x0A)
            case 0x74: result.append(0x09)
            case 0x72: result.append(0x0D)
            case 0x62, 0x66: result.append(0x20)
            case 0x75: appendUnicodeEscape(&result)
            default: result.append(escaped)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `\uXXXX`, with surrogate pairs; anything malformed becomes U+FFFD.
    private mutating func appendUnicodeEscape(_ result: inout [UInt8]) {
        func hex() -> UInt32? {
            guard position + 4 <= bytes.count,
                  let value = UInt32(String(decoding: bytes[position ..< position + 4], as: UTF8.self), radix: 16)
            else { return nil }
            position += 4
            return value
        }
        guard var scalar = hex() else {
            result.append(contentsOf: [0xEF, 0xBF, 0xBD])
            return
        }
        if (0xD800 ..< 0xDC00).contains(scalar), starts(with: "\\u") {
            position += 2
            if let low = hex(), (0xDC00 ..< 0xE000).contains(low) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
        }
        result.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
    }

    private mutating func literal() -> JSONValue? {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x2C || byte == 0x7D || byte == 0x5D || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { break }
            position += 1
        }
        let word = String(decoding: bytes[start ..< position], as: UTF8.self)
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null", "": return word.isEmpty ? nil : .null
        default: return Double(word).map(JSONValue.number) ?? .string(word)
        }
    }
}
