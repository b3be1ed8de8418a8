import DossierExtract
import Foundation

/// The one JSON convention of every command's `--json` (and `extract --format json`), whatever
/// type is printed (docs/json-output.md):
///
/// - keys are snake_case (`source_name`, `json_ld`), converted from the Swift names, except the
///   keys of data published by others (a page's JSON-LD) and of dictionaries, which stay as read;
/// - every key is always present: an absent value is `null`, never a left-out key;
/// - dates are ISO 8601 strings in UTC (`2026-12-03T14:00:00Z`);
/// - pretty-printed with two-space indentation, keys sorted, slashes not escaped, a newline at
///   the end, so the same value always gives the same bytes.
public enum CommandJSON {
    /// `value` as the convention writes it.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let root = TreeEncoder(convertsKeys: !(value is any KeysAsWritten))
        try root.encodeValue(value)
        var text = ""
        write(root.node ?? .null, indent: 0, into: &text)
        text += "\n"
        return Data(text.utf8)
    }

    /// The snake_case form of a Swift name: a word starts at a capital that follows a lower-case
    /// letter or a digit, or at the last capital of a run followed by a lower-case word
    /// (`finalURL` → `final_url`, `jsonLD` → `json_ld`, `URLList` → `url_list`); a plural `s`
    /// after a run of capitals belongs to it (`extraURLs` → `extra_urls`).
    static func snakeCase(_ key: String) -> String {
        let characters = Array(key)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let afterNext = index + 2 < characters.count ? characters[index + 2] : nil
                let isPlural = next == "s" && (afterNext == nil || afterNext?.isUppercase == true)
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true && !isPlural) {
                    result += "_"
                }
            }
            result += character.lowercased()
        }
        return result
    }

    // MARK: Writing

    private static func write(_ node: Node, indent: Int, into text: inout String) {
        let inner = String(repeating: "  ", count: indent + 1)
        switch node {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .integer(let value): text += String(value)
        case .unsigned(let value): text += String(value)
        case .number(let value): text += number(value)
        case .string(let value): writeString(value, into: &text)
        case .array(let storage):
            guard !storage.items.isEmpty else {
                text += "[]"
                return
            }
            text += "[\n"
            for (index, item) in storage.items.enumerated() {
                text += inner
                write(item, indent: indent + 1, into: &text)
                text += index + 1 < storage.items.count ? ",\n" : "\n"
            }
            text += String(repeating: "  ", count: indent) + "]"
        case .object(let storage):
            guard !storage.members.isEmpty else {
                text += "{}"
                return
            }
            text += "{\n"
            let keys = storage.members.keys.sorted()
            for (index, key) in keys.enumerated() {
                text += inner
                writeString(key, into: &text)
                text += " : "
                write(storage.members[key]!, indent: indent + 1, into: &text)
                text += index + 1 < keys.count ? ",\n" : "\n"
            }
            text += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// A finite number: integral values without a fraction (`3`, not `3.0`), others in Swift's
    /// shortest form that reads back to the same value.
    private static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private static func writeString(_ value: String, into text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case _ where scalar.value < 0x20:
                text += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

/// A value whose keys are data, not Swift names: they are written as they are.
protocol KeysAsWritten {}

extension JSONValue: KeysAsWritten {}
extension Dictionary: KeysAsWritten where Key == String {}

/// The tree a value encodes into before it is written.
private enum Node {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsigned(UInt64)
    case number(Double)
    case string(String)
    case array(ArrayStorage)
    case object(ObjectStorage)
}

/// The members of an object being encoded (a class: nested containers fill it later).
private final class ObjectStorage {
    var members: [String: Node] = [:]
}

/// The items of an array being encoded.
private final class ArrayStorage {
    var items: [Node] = []
}

/// Encodes a value into a ``Node``: the one place where the convention's rules on keys, absent
/// values and dates are applied.
private final class TreeEncoder: Encoder {
    let convertsKeys: Bool
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What was encoded; nil until something was.
    var node: Node?

    init(convertsKeys: Bool, codingPath: [any CodingKey] = []) {
        self.convertsKeys = convertsKeys
        self.codingPath = codingPath
    }

    func key(_ key: any CodingKey) -> String {
        convertsKeys ? CommandJSON.snakeCase(key.stringValue) : key.stringValue
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let storage: ObjectStorage
        if case .object(let existing) = node {
            storage = existing
        } else {
            storage = ObjectStorage()
            node = .object(storage)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, storage: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let storage: ArrayStorage
        if case .array(let existing) = node {
            storage = existing
        } else {
            storage = ArrayStorage()
            node = .array(storage)
        }
        return UnkeyedContainer(encoder: self, storage: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self, codingPath: codingPath)
    }

    /// The node of `value`, encoded below `key` (the keys of data published by others, and of
    /// dictionaries, are kept as written; their values' own keys are converted again).
    func encodeChild<T: Encodable>(_ value: T, at key: (any CodingKey)?) throws -> Node {
        let child = TreeEncoder(convertsKeys: !(value is any KeysAsWritten), codingPath: codingPath + (key.map { [$0] } ?? []))
        try child.encodeValue(value)
        return child.node ?? .object(ObjectStorage())
    }

    /// Encodes `value` into this encoder: dates, URLs and data by the convention, the rest by
    /// their own `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        switch value {
        case let date as Date:
            node = .string(ISO8601DateFormatter().string(from: date))
        case let url as URL:
            node = .string(url.absoluteString)
        case let data as Data:
            node = .string(data.base64EncodedString())
        default:
            try value.encode(to: self)
        }
    }

    static func number(_ value: Double, codingPath: [any CodingKey]) throws -> Node {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: codingPath, debugDescription: "\(value) is not a JSON number"))
        }
        return .number(value)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    let storage: ObjectStorage
    let codingPath: [any CodingKey]

    private func set(_ node: Node, _ key: Key) { storage.members[encoder.key(key)] = node }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try TreeEncoder.number(value, codingPath: codingPath), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(try TreeEncoder.number(Double(value), codingPath: codingPath), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(.unsigned(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { set(try encoder.encodeChild(value, at: key), key) }

    // An absent value is written as null: the synthesized `encode(to:)` of an optional property
    // calls these, whose default implementations leave the key out.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? set(.null, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        try value.map { try encode($0, forKey: key) } ?? set(.null, key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectStorage()
        set(.object(nested), key)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, storage: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayStorage()
        set(.array(nested), key)
        return UnkeyedContainer(encoder: encoder, storage: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let storage = storage
        return SuperEncoder(parent: encoder, place: { node in storage.members["super"] = node })
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let storage = storage, name = encoder.key(key)
        return SuperEncoder(parent: encoder, place: { node in storage.members[name] = node })
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: TreeEncoder
    let storage: ArrayStorage
    let codingPath: [any CodingKey]
    var count: Int { storage.items.count }

    private struct Index: CodingKey {
        var stringValue: String { String(intValue!) }
        var intValue: Int?
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    mutating func encodeNil() throws { storage.items.append(.null) }
    mutating func encode(_ value: Bool) throws { storage.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { storage.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { storage.items.append(try TreeEncoder.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { storage.items.append(try TreeEncoder.number(Double(value), codingPath: codingPath)) }
    mutating func encode(_ value: Int) throws { storage.items.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int8) throws { storage.items.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int16) throws { storage.items.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int32) throws { storage.items.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) throws { storage.items.append(.integer(value)) }
    mutating func encode(_ value: UInt) throws { storage.items.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { storage.items.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { storage.items.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { storage.items.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { storage.items.append(.unsigned(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        storage.items.append(try encoder.encodeChild(value, at: Index(count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectStorage()
        storage.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, storage: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayStorage()
        storage.items.append(.array(nested))
        return UnkeyedContainer(encoder: encoder, storage: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let position = storage.items.count
        storage.items.append(.null)
        return SuperEncoder(parent: encoder, place: { [storage] node in storage.items[position] = node })
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { encoder.node = .null }
    mutating func encode(_ value: Bool) throws { encoder.node = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.node = try TreeEncoder.number(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws { encoder.node = try TreeEncoder.number(Double(value), codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { encoder.node = .integer(Int64(value)) }
    mutating func encode(_ value: Int8) throws { encoder.node = .integer(Int64(value)) }
    mutating func encode(_ value: Int16) throws { encoder.node = .integer(Int64(value)) }
    mutating func encode(_ value: Int32) throws { encoder.node = .integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { encoder.node = .integer(value) }
    mutating func encode(_ value: UInt) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.node = .unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.node = try encoder.encodeChild(value, at: nil)
    }
}

/// The encoder a class's superclass encodes into; what it encodes is placed when it is done.
private final class SuperEncoder: Encoder {
    let parent: TreeEncoder
    let child: TreeEncoder
    let place: (Node) -> Void

    init(parent: TreeEncoder, place: @escaping (Node) -> Void) {
        self.parent = parent
        self.child = TreeEncoder(convertsKeys: true, codingPath: parent.codingPath)
        self.place = place
    }

    deinit { place(child.node ?? .object(ObjectStorage())) }

    var codingPath: [any CodingKey] { child.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { child.container(keyedBy: type) }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { child.unkeyedContainer() }
    func singleValueContainer() -> any SingleValueEncodingContainer { child.singleValueContainer() }
}
