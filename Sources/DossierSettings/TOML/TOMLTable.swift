/// A TOML table: keys in the order they were written, each with its value and, for a parsed
/// document, the 1-based line where the key was first written, so that messages about a value can
/// name its line.
///
/// Two tables are equal when they hold the same keys with equal values; key order and lines are
/// not compared.
public struct TOMLTable: Equatable, Sendable, ExpressibleByDictionaryLiteral {
    private struct Entry: Sendable {
        var value: TOMLValue
        var line: Int?
    }

    /// The keys, in the order they were first written.
    public private(set) var keys: [String] = []
    private var entries: [String: Entry] = [:]
    /// The line where the table was first named: its `[header]` or `[[header]]`, its `{`, or the
    /// header or dotted key naming it as a parent; nil for a whole document and a table made in code.
    public let line: Int?

    /// Parses a TOML 1.0 document.
    public init(parsing text: String) throws(TOMLParseError) {
        var parser = TOMLParser(text)
        self = try parser.parseDocument()
    }

    /// A table made in code, without lines.
    public init(dictionaryLiteral elements: (String, TOMLValue)...) {
        self.init(line: nil)
        for (key, value) in elements {
            precondition(entries[key] == nil, "duplicate key \(key)")
            append(key, value, line: nil)
        }
    }

    init(line: Int?) {
        self.line = line
    }

    public subscript(key: String) -> TOMLValue? {
        entries[key]?.value
    }

    /// The line where `key` was first written (its own line, or the header or dotted key that
    /// created it as a table), or nil when the table has no such key or was made in code.
    public func line(of key: String) -> Int? {
        entries[key]?.line
    }

    public var isEmpty: Bool { keys.isEmpty }

    /// Adds a key the table does not have yet.
    mutating func append(_ key: String, _ value: TOMLValue, line: Int?) {
        keys.append(key)
        entries[key] = Entry(value: value, line: line)
    }

    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        lhs.keys.count == rhs.keys.count && lhs.keys.allSatisfy { lhs[$0] == rhs[$0] }
    }
}
