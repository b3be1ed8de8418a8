import DossierCore
import DossierSettings
import Foundation

/// Turns one parsed source file into a ``SourceDefinition``, collecting every problem with the line
/// of its key rather than stopping at the first.
///
/// An unknown key is an error, not a warning: a misspelt `enabled` or `url` would otherwise fetch
/// something the user meant to change, and leaving the source out is the safe side.
struct SourceFileDecoder {
    static let knownKeys: Set<String> = [
        "description", "about", "kind", "url", "file", "text", "subject", "reader", "trust", "rate",
        "min_interval_ms", "robots", "enabled", "requires", "key_env", "headers", "max_results", "follow", "claims",
        "qualifiers",
    ]

    let file: URL
    let document: TOMLTable
    /// For `~/` in a manual source's `file`.
    let homeDirectory: URL
    private(set) var errors: [SourceLoadError] = []

    init(file: URL, document: TOMLTable, homeDirectory: URL) {
        self.file = file
        self.document = document
        self.homeDirectory = homeDirectory
    }

    /// The definition, or nil when ``errors`` says why not.
    mutating func decode(name: String) -> SourceDefinition? {
        for key in document.keys.sorted() where !Self.knownKeys.contains(key) {
            fail(key, "unknown key (see Sources.d/README.md for the keys a source file may have)")
        }
        for key in ["about", "kind", "reader"] where document[key] == nil { failFile("missing `\(key)`") }
        let about: SourceDefinition.Subject? = choice("about")
        let kind: SourceDefinition.Kind? = choice("kind")
        let reader: SourceReader? = choice("reader")
        let robots: SourceDefinition.Robots? = document["robots"] == nil ? .obey : choice("robots")
        let trust = number("trust", expected: "a number from 0 to 1") { (0...1).contains($0) } ?? 0.5
        let minimumInterval = decodeMinimumInterval()
        let isEnabled = bool("enabled") ?? true
        let requires = placeholders("requires")
        let keyEnvironmentVariable = environmentVariableName("key_env")
        let headers = decodeHeaders()
        let maxResults = integer("max_results", atLeast: 1)
        let description = string("description")
        let subject = string("subject")
        let follow = strings("follow") ?? []
        if follow.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            fail("follow", "a word to follow must not be empty")
        }
        let claims = wikidataIdentifiers("claims")
        let qualifiers = wikidataIdentifiers("qualifiers")
        let input: SourceDefinition.Input? = if let kind { decodeInput(kind: kind) } else { nil }

        if let kind, let reader, (kind == .manual) != (reader == .manualText) {
            fail("reader", "a `manual` source is read with `manual-text`, and `manual-text` reads only `manual` sources")
        }
        if kind == .manual, subject == nil, document["subject"] == nil {
            failFile("a manual source needs `subject`, the person or company its text is about")
        }
        if let kind, kind != .manual, document["subject"] != nil {
            fail("subject", "only a manual source has a subject")
        }
        if kind == .manual, document["robots"] != nil {
            fail("robots", "a manual source fetches nothing")
        }
        if let reader, !reader.followsLinks, document["follow"] != nil {
            fail("follow", "only for the readers \(Self.list(SourceReader.allCases.filter(\.followsLinks)))")
        }
        for key in ["claims", "qualifiers"] where reader != nil && reader != .wikidataEntityJSON && document[key] != nil {
            fail(key, "only for the reader `wikidata-entity-json`")
        }
        if let input, let headers {
            var used = Set(headers.flatMap(\.value.placeholders))
            if case .url(let template) = input { used.formUnion(template.placeholders) }
            if used.contains(.key), keyEnvironmentVariable == nil, document["key_env"] == nil {
                failFile("{key} is used, so `key_env` must name the environment variable holding the key")
            }
            if keyEnvironmentVariable != nil, !used.contains(.key) {
                fail("key_env", "no template uses {key}; put it in `url` or a header")
            }
        }

        guard errors.isEmpty, let about, let kind, let reader, let robots, let input, let minimumInterval, let requires,
            let headers, let claims, let qualifiers
        else { return nil }
        return SourceDefinition(
            name: name, about: about, kind: kind, input: input, reader: reader, robots: robots, trust: trust,
            minimumInterval: minimumInterval, isEnabled: isEnabled, requires: requires,
            keyEnvironmentVariable: keyEnvironmentVariable, headers: headers, maxResults: maxResults,
            description: description, subject: subject, follow: follow, claims: claims, qualifiers: qualifiers)
    }

    // MARK: - Keys

    /// `url` for every kind but `manual`, which has exactly one of `file` and `text`.
    private mutating func decodeInput(kind: SourceDefinition.Kind) -> SourceDefinition.Input? {
        guard kind == .manual else {
            for key in ["file", "text"] where document[key] != nil {
                fail(key, "only a manual source reads a file or text; this one fetches `url`")
            }
            if document["url"] == nil { failFile("missing `url`") }
            guard let text = string("url") else { return nil }
            do {
                return .url(try URLTemplate(text))
            } catch {
                fail("url", error.description)
                return nil
            }
        }
        if document["url"] != nil { fail("url", "a manual source reads `file` or `text`, not a URL") }
        switch (string("file"), string("text")) {
        case (let path?, nil):
            guard !path.isEmpty else {
                fail("file", "must not be empty")
                return nil
            }
            return .file(resolve(path))
        case (nil, let text?):
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                fail("text", "must not be empty")
                return nil
            }
            return .text(text)
        case (.some, .some):
            fail("text", "give `file` or `text`, not both")
            return nil
        case (nil, nil):
            if document["file"] == nil && document["text"] == nil {
                failFile("a manual source needs `file` (a path) or `text`")
            }
            return nil
        }
    }

    /// `rate` (requests per second) or `min_interval_ms`; one request per second when neither is given.
    private mutating func decodeMinimumInterval() -> TimeInterval? {
        let rate = number("rate", expected: "a number greater than 0") { $0 > 0 }
        let milliseconds = number("min_interval_ms", expected: "a number of at least 0") { $0 >= 0 }
        switch (document["rate"], document["min_interval_ms"]) {
        case (nil, nil): return 1
        case (.some, .some):
            fail("min_interval_ms", "give `rate` or `min_interval_ms`, not both")
            return nil
        default: return rate.map { 1 / $0 } ?? milliseconds.map { $0 / 1000 }
        }
    }

    /// `[headers]`: header names to value templates, in name order.
    private mutating func decodeHeaders() -> [SourceDefinition.Header]? {
        guard let value = document["headers"] else { return [] }
        guard let table = value.tableValue else {
            fail("headers", "expected a table of header names to strings, found \(value.summary)")
            return nil
        }
        var headers: [SourceDefinition.Header] = []
        for name in table.keys.sorted() {
            let path = ConfigKeyPath.root.appending("headers").appending(name)
            guard let text = table[name]?.stringValue else {
                fail(at: path, "expected a string, found \(table[name]?.summary ?? "nothing")")
                continue
            }
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(Self.isHeaderNameScalar) else {
                fail(at: path, "not a valid header name")
                continue
            }
            guard !["host", "user-agent"].contains(name.lowercased()) else {
                fail(at: path, "dossier sets \(name) itself")
                continue
            }
            do {
                headers.append(SourceDefinition.Header(name: name, value: try HeaderTemplate(text)))
            } catch {
                fail(at: path, error.description)
            }
        }
        return headers
    }

    private mutating func placeholders(_ key: String) -> [TemplatePlaceholder]? {
        guard let names = strings(key) else { return document[key] == nil ? [] : nil }
        var placeholders: [TemplatePlaceholder] = []
        for name in names {
            guard let placeholder = TemplatePlaceholder(rawValue: name) else {
                fail(key, "unknown value \"\(name)\"; expected one of \(Self.list(TemplatePlaceholder.allCases))")
                return nil
            }
            placeholders.append(placeholder)
        }
        return Array(Set(placeholders)).sorted()
    }

    private mutating func environmentVariableName(_ key: String) -> String? {
        guard let name = string(key) else { return nil }
        let isValid = name.first.map { !$0.isNumber } == true
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
        if !isValid { fail(key, "\"\(name)\" is not an environment variable name") }
        return isValid ? name : nil
    }

    /// An array of Wikidata property ids such as `P108`.
    private mutating func wikidataIdentifiers(_ key: String) -> [String]? {
        guard let identifiers = strings(key) else { return document[key] == nil ? [] : nil }
        let isPropertyIdentifier = { (identifier: String) in
            identifier.count > 1 && identifier.first == "P" && identifier.dropFirst().allSatisfy { ("0"..."9").contains($0) }
        }
        if let bad = identifiers.first(where: { !isPropertyIdentifier($0) }) {
            fail(key, "\"\(bad)\" is not a Wikidata property id such as \"P108\"")
            return nil
        }
        return identifiers
    }

    // MARK: - Values

    private mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String) -> Choice?
    where Choice.RawValue == String {
        guard let text = string(key) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            fail(key, "unknown value \"\(text)\"; expected one of \(Self.list(Choice.allCases))")
            return nil
        }
        return choice
    }

    private mutating func string(_ key: String) -> String? {
        guard let value = document[key] else { return nil }
        guard let string = value.stringValue else {
            fail(key, "expected a string, found \(value.summary)")
            return nil
        }
        return string
    }

    private mutating func strings(_ key: String) -> [String]? {
        guard let value = document[key] else { return nil }
        let strings = value.arrayValue?.compactMap(\.stringValue)
        guard let strings, strings.count == value.arrayValue?.count else {
            fail(key, "expected an array of strings, found \(value.summary)")
            return nil
        }
        return strings
    }

    private mutating func bool(_ key: String) -> Bool? {
        guard let value = document[key] else { return nil }
        guard let bool = value.booleanValue else {
            fail(key, "expected true or false, found \(value.summary)")
            return nil
        }
        return bool
    }

    private mutating func integer(_ key: String, atLeast minimum: Int) -> Int? {
        guard let value = document[key] else { return nil }
        guard let integer = value.integerValue, integer >= minimum else {
            fail(key, "expected an integer of at least \(minimum), found \(value.summary)")
            return nil
        }
        return integer
    }

    /// An integer or a float that `isValid` accepts.
    private mutating func number(
        _ key: String, expected: String, isValid: (Double) -> Bool
    ) -> Double? {
        guard let value = document[key] else { return nil }
        guard let number = value.numberValue, number.isFinite, isValid(number) else {
            fail(key, "expected \(expected), found \(value.summary)")
            return nil
        }
        return number
    }

    // MARK: - Diagnostics

    private mutating func fail(_ key: String, _ message: String) {
        fail(at: ConfigKeyPath.root.appending(key), message)
    }

    private mutating func fail(at path: ConfigKeyPath, _ message: String) {
        errors.append(SourceLoadError(file: file, line: document.line(at: path), message: "\(path): \(message)"))
    }

    /// A problem of the whole file, such as a missing key.
    private mutating func failFile(_ message: String) {
        errors.append(SourceLoadError(file: file, line: nil, message: message))
    }

    private func resolve(_ path: String) -> URL {
        if path == "~" || path.hasPrefix("~/") {
            return homeDirectory.appending(path: String(path.dropFirst(2)), directoryHint: .notDirectory)
        }
        return URL(filePath: path, directoryHint: .notDirectory, relativeTo: file.deletingLastPathComponent())
            .standardizedFileURL
    }

    private static func list<Choices: Sequence>(_ choices: Choices) -> String
    where Choices.Element: RawRepresentable, Choices.Element.RawValue == String {
        choices.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
    }

    /// The `tchar`s of RFC 9110, which a header name is made of.
    private static func isHeaderNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
    }
}
