/// A table while its document is read. How each table came to be decides what may still be added
/// to it, which is how the parser refuses what TOML 1.0 forbids: a key defined twice, a table
/// defined twice, dotted keys adding to a table defined elsewhere, `[[x]]` appending to an array
/// value, and anything added to an inline table (stored as a finished value).
final class TOMLTableBuilder {
    enum Origin {
        /// Named only as the parent in a header (`a` in `[a.b]`): a later `[a]` may still define it.
        case implicit
        /// Defined where its keys are written: the document, a `[header]`, an `[[element]]`, an
        /// inline table. Dotted keys from another table cannot add to it.
        case defined
        /// Created by dotted keys (`a.b = 1` creates `a`): no header may define it again, though a
        /// header may define a table inside it.
        case dotted
    }

    private enum Content {
        /// A value that is complete as written; inline tables and arrays are values.
        case value(TOMLValue)
        case table(TOMLTableBuilder)
        /// The elements `[[key]]` headers opened, the last one receiving the keys that follow.
        case arrayOfTables([TOMLTableBuilder])
    }

    private struct Entry {
        var content: Content
        let line: Int
    }

    private var origin: Origin
    /// The key of the table in the document, for messages.
    let path: [String]
    private let line: Int?
    private var keys: [String] = []
    private var entries: [String: Entry] = [:]

    init(origin: Origin, path: [String], line: Int?) {
        self.origin = origin
        self.path = path
        self.line = line
    }

    /// `key = value` written in this table; `key` may be dotted.
    func define(_ key: [String], _ value: TOMLValue, line: Int) throws(TOMLProblem) {
        var table = self
        for part in key.dropLast() {
            guard let entry = table.entries[part] else {
                table = table.insertTable(part, origin: .dotted, line: line)
                continue
            }
            switch entry.content {
            case .table(let child) where child.origin == .defined:
                throw TOMLProblem("table [\(child.name)] is defined on line \(entry.line); dotted keys elsewhere cannot add to it")
            case .table(let child):
                child.origin = .dotted
                table = child
            case .arrayOfTables:
                throw TOMLProblem("\(table.name(part)) is an array of tables (line \(entry.line)); dotted keys cannot add to it")
            case .value(let value):
                throw table.notATable(part, value, line: entry.line)
            }
        }
        let last = key[key.count - 1]
        if let existing = table.entries[last] {
            throw TOMLProblem("\(table.name(last)) is defined twice (first on line \(existing.line))")
        }
        table.insert(last, Entry(content: .value(value), line: line))
    }

    /// `[key]`: the table the keys that follow go into.
    func openTable(_ key: [String], line: Int) throws(TOMLProblem) -> TOMLTableBuilder {
        let parent = try parentForHeader(key, line: line)
        let last = key[key.count - 1]
        guard let existing = parent.entries[last] else { return parent.insertTable(last, origin: .defined, line: line) }
        switch existing.content {
        case .table(let table) where table.origin == .implicit:
            table.origin = .defined
            return table
        case .table(let table):
            let how = table.origin == .dotted ? "by dotted keys on line \(existing.line)" : "on line \(existing.line)"
            throw TOMLProblem("table [\(table.name)] is already defined \(how)")
        case .arrayOfTables:
            let name = parent.name(last)
            throw TOMLProblem("\(name) is an array of tables (line \(existing.line)); [[\(name)]] adds an element to it")
        case .value(let value):
            throw parent.notATable(last, value, line: existing.line)
        }
    }

    /// `[[key]]`: a new last element of the array of tables `key`, the table the keys that follow go into.
    func appendTable(_ key: [String], line: Int) throws(TOMLProblem) -> TOMLTableBuilder {
        let parent = try parentForHeader(key, line: line)
        let last = key[key.count - 1]
        let element = TOMLTableBuilder(origin: .defined, path: parent.path + [last], line: line)
        guard let existing = parent.entries[last] else {
            parent.insert(last, Entry(content: .arrayOfTables([element]), line: line))
            return element
        }
        guard case .arrayOfTables(let elements) = existing.content else {
            let name = parent.name(last)
            let what = if case .value(.array) = existing.content { "an array value" } else { "not an array of tables" }
            throw TOMLProblem("\(name) (line \(existing.line)) is \(what); [[\(name)]] cannot add to it")
        }
        parent.entries[last]?.content = .arrayOfTables(elements + [element])
        return element
    }

    /// The finished table.
    func build() -> TOMLTable {
        var table = TOMLTable(line: line)
        for key in keys {
            guard let entry = entries[key] else { continue }
            let value: TOMLValue =
                switch entry.content {
                case .value(let value): value
                case .table(let builder): .table(builder.build())
                case .arrayOfTables(let elements): .array(elements.map { .table($0.build()) })
                }
            table.append(key, value, line: entry.line)
        }
        return table
    }

    /// The table that receives the last part of a header's key: the parts before it are tables
    /// (created when missing) or arrays of tables (their last element).
    private func parentForHeader(_ key: [String], line: Int) throws(TOMLProblem) -> TOMLTableBuilder {
        var table = self
        for part in key.dropLast() {
            guard let entry = table.entries[part] else {
                table = table.insertTable(part, origin: .implicit, line: line)
                continue
            }
            switch entry.content {
            case .table(let child): table = child
            case .arrayOfTables(let elements): table = elements[elements.count - 1]
            case .value(let value): throw table.notATable(part, value, line: entry.line)
            }
        }
        return table
    }

    private func insertTable(_ key: String, origin: Origin, line: Int) -> TOMLTableBuilder {
        let table = TOMLTableBuilder(origin: origin, path: path + [key], line: line)
        insert(key, Entry(content: .table(table), line: line))
        return table
    }

    private func insert(_ key: String, _ entry: Entry) {
        keys.append(key)
        entries[key] = entry
    }

    private func notATable(_ key: String, _ value: TOMLValue, line: Int) -> TOMLProblem {
        if case .table = value {
            return TOMLProblem("\(name(key)) is an inline table (line \(line)), which cannot be extended")
        }
        return TOMLProblem("\(name(key)) is a value of type \(value.typeName) (line \(line)), not a table")
    }

    /// The table's key as messages write it, dotted.
    private var name: String {
        path.map(TOMLSyntax.key).joined(separator: ".")
    }

    /// The dotted key of `key` in this table.
    private func name(_ key: String) -> String {
        (path + [key]).map(TOMLSyntax.key).joined(separator: ".")
    }
}

/// A problem found where no position is known (what ``TOMLTableBuilder`` refuses to add, a number
/// out of range); the parser gives it the position of the key or value concerned.
struct TOMLProblem: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
