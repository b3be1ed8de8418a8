import Foundation

/// An http(s) URL with placeholders, such as `https://en.wikipedia.org/wiki/{title}` or
/// `{searxng}/search?q={query}&format=json`, checked when its source file loads.
///
/// Guarantees, so that a value can never change the shape of the URL:
/// - a template starts with `http://`, `https://` or `{searxng}`, has a host, and names only known
///   placeholders; `{searxng}` may only start it and the host may hold only `{domain}`;
/// - in the path, query and fragment a value is taken as text: normalised to NFC and percent-encoded
///   as UTF-8, everything but `A-Z a-z 0-9 - . _ ~` (so `/`, `&`, `=`, `+`, `#`, `?`, `%` and spaces
///   are encoded); a path value of `.` or `..` is refused;
/// - `{domain}` must be a host name (ASCII letters, digits, hyphens and dots) and is inserted lowercased;
/// - `{searxng}` must be an http(s) URL with a host and no query or fragment; it is inserted as written,
///   without trailing slashes.
///
/// ``expand(_:)`` returns nil when a value is unknown or unusable in its position.
public struct URLTemplate: Sendable, Hashable, CustomStringConvertible {
    /// Where in a URL a placeholder stands, which decides how its value is written.
    enum Position: Hashable, Sendable {
        case base, host, path, query
    }

    enum Part: Hashable, Sendable {
        case literal(String)
        case value(TemplatePlaceholder, Position)
    }

    /// The template as written in the source file.
    public let description: String
    private let parts: [Part]

    public init(_ text: String) throws(TemplateError) {
        let tokens = try TemplateToken.split(text)
        var parts: [Part] = []
        var position: Position
        var hostIsEmpty = true
        switch tokens.first {
        case .placeholder(.searxng):
            parts.append(.value(.searxng, .base))
            position = .path
            switch tokens.dropFirst().first {
            case .literal(let next) where next.hasPrefix("/") || next.hasPrefix("?"): break
            case nil: break
            default: throw TemplateError("{searxng} must be followed by `/` or `?`")
            }
        case .literal(let first) where Self.scheme(of: first) != nil:
            position = .host
        default:
            throw TemplateError("a URL template must start with http://, https:// or {searxng}")
        }
        for (index, token) in tokens.enumerated() {
            switch token {
            case .literal(var literal):
                if let bad = literal.unicodeScalars.first(where: { !Self.isAllowedLiteral($0) }) {
                    throw TemplateError("`\(bad.escaped(asASCII: true))` must be percent-encoded in a URL template")
                }
                if index == 0, let scheme = Self.scheme(of: literal) {
                    parts.append(.literal(String(literal.prefix(scheme.count))))
                    literal.removeFirst(scheme.count)
                }
                for character in literal {
                    switch (position, character) {
                    case (.host, "/"), (.host, "?"), (.host, "#"):
                        if hostIsEmpty { throw TemplateError("the URL has no host") }
                        position = character == "/" ? .path : .query
                    case (.host, "@"):
                        throw TemplateError("user names and passwords are not allowed in a URL template")
                    case (.host, _):
                        hostIsEmpty = false
                    case (.path, "?"), (.path, "#"):
                        position = .query
                    default:
                        break
                    }
                }
                parts.append(.literal(literal))
            case .placeholder(let placeholder):
                if index == 0 { continue }
                if placeholder == .searxng { throw TemplateError("{searxng} may only start a URL template") }
                if position == .host && placeholder != .domain {
                    throw TemplateError("only {domain} may stand in the host, not \(placeholder.token)")
                }
                if position == .host { hostIsEmpty = false }
                parts.append(.value(placeholder, position))
            }
        }
        if position == .host && hostIsEmpty { throw TemplateError("the URL has no host") }
        self.description = text
        self.parts = parts.filter { $0 != .literal("") }
    }

    /// The placeholders the template uses, each once, in ``TemplatePlaceholder`` order.
    public var placeholders: [TemplatePlaceholder] {
        Set(parts.compactMap { part in
            if case .value(let placeholder, _) = part { placeholder } else { nil }
        }).sorted()
    }

    /// The URL for `values`, or nil when a placeholder's value is unknown or unusable where it stands.
    public func expand(_ values: TemplateValues) -> String? {
        var url = ""
        for part in parts {
            switch part {
            case .literal(let literal):
                url += literal
            case .value(let placeholder, let position):
                guard let value = values[placeholder], let written = Self.write(value, of: placeholder, at: position) else { return nil }
                url += written
            }
        }
        return url
    }

    /// An http(s) URL usable as a base such as `{searxng}`, without trailing slashes; nil if unusable.
    static func baseURL(_ value: String) -> String? {
        guard value.unicodeScalars.allSatisfy(isAllowedLiteral),
            let components = URLComponents(string: value),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty,
            components.user == nil, components.password == nil,
            components.query == nil, components.fragment == nil
        else { return nil }
        var base = value
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// `value` as an ASCII host name, lowercased and without a final dot; nil if it is not one.
    static func hostName(_ value: String) -> String? {
        var host = value.lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        guard !host.isEmpty, host.utf8.count <= 253 else { return nil }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let isValid = labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        }
        return isValid ? host : nil
    }

    private static func write(_ value: String, of placeholder: TemplatePlaceholder, at position: Position) -> String? {
        switch position {
        case .base: return baseURL(value)
        case .host: return hostName(value)
        case .path where value == "." || value == "..": return nil
        case .path where placeholder == .title: return wikiTitle(value)
        case .path, .query: return percentEncoded(value.precomposedStringWithCanonicalMapping)
        }
    }

    /// A wiki title as MediaWiki writes it in its own URLs: spaces as underscores, and the
    /// characters it leaves as they are (`( ) , : ; @ $ ! *`) unescaped, so that `/wiki/{title}`
    /// is the article's canonical URL (no redirect, the same URL the REST API gives for it) and a
    /// page is never cited under two URLs. A `/` is escaped: in a REST path it would start a segment.
    static func wikiTitle(_ title: String) -> String {
        let underscored = title.precomposedStringWithCanonicalMapping.replacingOccurrences(of: " ", with: "_")
        return percentEncoded(underscored, keeping: Array("(),:;@$!*".utf8))
    }

    /// Every UTF-8 byte except the unreserved characters of RFC 3986 (and `keeping`) as `%XX`.
    static func percentEncoded(_ text: String, keeping kept: [UInt8] = []) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where kept.contains(byte):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return encoded
    }

    /// `http://` or `https://` (in any case) when `text` starts with it.
    private static func scheme(of text: String) -> String? {
        ["http://", "https://"].first { text.lowercased().hasPrefix($0) }
    }

    /// Printable ASCII that a URL may hold as written: not a space, nor one of `"<>\^`{|}`.
    private static func isAllowedLiteral(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0x20 && scalar.value < 0x7F && !#""<>\^`{|}"#.unicodeScalars.contains(scalar)
    }
}
