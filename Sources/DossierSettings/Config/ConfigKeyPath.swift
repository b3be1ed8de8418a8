/// The position of a value in a TOML document, e.g. `network.retries` or `rewrite[0].from`,
/// used to name keys in diagnostics and to find their lines (``TOMLTable/line(at:)``).
public struct ConfigKeyPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    private(set) var components: [Component]

    public static let root = ConfigKeyPath(components: [])

    public func appending(_ key: String) -> ConfigKeyPath {
        ConfigKeyPath(components: components + [.key(key)])
    }

    public func appending(index: Int) -> ConfigKeyPath {
        ConfigKeyPath(components: components + [.index(index)])
    }

    /// Keys are written bare when TOML allows it and quoted otherwise; indexes count from 0.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += TOMLSyntax.key(key)
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}

extension TOMLTable {
    /// The line of the value at `path` in this document, or of its nearest ancestor with a known
    /// line: a key's line, or for an element of an array of tables, the line of its `[[header]]`
    /// (of its `{` when inline).
    public func line(at path: ConfigKeyPath) -> Int? {
        var value = TOMLValue.table(self)
        var line: Int?
        for component in path.components {
            switch (component, value) {
            case (.key(let key), .table(let table)):
                guard let child = table[key] else { return line }
                value = child
                line = table.line(of: key) ?? line
            case (.index(let index), .array(let elements)) where elements.indices.contains(index):
                value = elements[index]
                line = value.tableValue?.line ?? line
            default:
                return line
            }
        }
        return line
    }
}
