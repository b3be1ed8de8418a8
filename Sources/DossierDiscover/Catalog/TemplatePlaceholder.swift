import Foundation

/// A `{name}` a source's URL or header template may contain, filled in by discovery for one subject.
///
/// `{domain}`, `{qid}` and `{title}` belong to the subject the source is about: for a source with
/// `about = "company"` they are the company's web domain, Wikidata item and Wikipedia article; for
/// `about = "person"`, the person's own.
public enum TemplatePlaceholder: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The person's name, e.g. `Jane Doe`.
    case person
    /// The company's name, e.g. `Acme Robotics`.
    case company
    /// A search query discovery composes, e.g. `"Jane Doe" "Acme Robotics"`.
    case query
    /// The subject's web domain (a host name such as `acme.example`), inserted as a host.
    case domain
    /// The subject's Wikidata item id, e.g. `Q42`.
    case qid
    /// The subject's English Wikipedia article title, e.g. `Ada Lovelace`.
    case title
    /// The person's GitHub login.
    case github
    /// The person's ORCID iD, e.g. `0000-0002-1825-0097`.
    case orcid
    /// The base URL of the SearXNG instance from `[search] searxng`, inserted as the start of the URL.
    case searxng
    /// The API key read from the environment variable the source names in `key_env`.
    case key

    /// `{name}`, as written in templates.
    public var token: String { "{\(rawValue)}" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The values discovery knows about one subject, to expand templates with. A value that is nil,
/// empty or only whitespace counts as unknown.
public struct TemplateValues: Sendable, Equatable {
    private var valueByPlaceholder: [TemplatePlaceholder: String]

    public init(_ valueByPlaceholder: [TemplatePlaceholder: String] = [:]) {
        self.valueByPlaceholder = valueByPlaceholder
    }

    /// The value of `placeholder` with surrounding whitespace removed, or nil when unknown.
    public subscript(placeholder: TemplatePlaceholder) -> String? {
        get {
            guard let value = valueByPlaceholder[placeholder]?.trimmingCharacters(in: .whitespacesAndNewlines),
                !value.isEmpty
            else { return nil }
            return value
        }
        set { valueByPlaceholder[placeholder] = newValue }
    }
}
