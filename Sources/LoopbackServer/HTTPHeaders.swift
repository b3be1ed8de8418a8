/// An ordered list of HTTP header fields with case-insensitive lookup by name.
///
/// Order and spelling are kept as given, so a response is written exactly as planned
/// and a recorded request shows exactly what the client sent.
public struct HTTPHeaders: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
    /// One header line.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The first value for `name` (any case); setting replaces every field of that name, `nil` removes them.
    public subscript(name: String) -> String? {
        get { fields.first { $0.name.lowercased() == name.lowercased() }?.value }
        set {
            let lowered = name.lowercased()
            guard let newValue else {
                fields.removeAll { $0.name.lowercased() == lowered }
                return
            }
            if let index = fields.firstIndex(where: { $0.name.lowercased() == lowered }) {
                fields[index].value = newValue
                fields[(index + 1)...].removeAll { $0.name.lowercased() == lowered }
            } else {
                fields.append(Field(name: name, value: newValue))
            }
        }
    }

    /// Every value sent for `name` (any case), in order.
    public func values(for name: String) -> [String] {
        let lowered = name.lowercased()
        return fields.filter { $0.name.lowercased() == lowered }.map(\.value)
    }

    /// Whether a comma-separated header (such as `Connection` or `Accept-Encoding`) lists `token`, ignoring case;
    /// a token weighted `q=0` counts as absent.
    public func contains(token: String, in name: String) -> Bool {
        values(for: name)
            .flatMap { $0.split(separator: ",") }
            .contains { element in
                let parts = element.split(separator: ";").map { $0.trimmingASCIISpaces().lowercased() }
                guard parts.first == token.lowercased() else { return false }
                let refused = parts.dropFirst().contains { $0.hasPrefix("q=") && Double($0.dropFirst(2)) == 0 }
                return !refused
            }
    }

    /// Adds a field after the existing ones, even if one of that name is already there.
    public mutating func append(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }
}

extension StringProtocol {
    func trimmingASCIISpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
