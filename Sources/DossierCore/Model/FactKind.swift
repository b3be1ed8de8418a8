/// What a structured fact states: a kind dossier names itself (an employer, a position held, an
/// award), or, for a Wikidata property a source file asks for that dossier has no name for, that
/// property's id (`P1234`). Written as its raw value in JSON and in the store.
public struct FactKind: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The kind of a Wikidata property dossier has no name for.
    public static func property(_ id: String) -> FactKind { FactKind(rawValue: id) }

    /// Whether the kind is a Wikidata property id rather than a name of dossier's.
    public var isProperty: Bool { rawValue.first == "P" && rawValue.dropFirst().allSatisfy(\.isNumber) && rawValue.count > 1 }

    public var description: String { rawValue }

    /// Whether the kind only identifies the subject elsewhere (a website, an account, what
    /// the item is an instance of) and says nothing about them a dossier would print.
    public var isIdentifier: Bool { [.website, .github, .twitter, .instanceOf].contains(self) }

    public static func < (lhs: FactKind, rhs: FactKind) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    // A person's.
    public static let instanceOf = FactKind(rawValue: "instance_of")
    public static let employer = FactKind(rawValue: "employer")
    public static let position = FactKind(rawValue: "position")
    public static let occupation = FactKind(rawValue: "occupation")
    public static let education = FactKind(rawValue: "education")
    public static let award = FactKind(rawValue: "award")
    public static let birthDate = FactKind(rawValue: "birth_date")
    public static let birthplace = FactKind(rawValue: "birthplace")
    public static let field = FactKind(rawValue: "field")
    public static let memberOf = FactKind(rawValue: "member_of")
    public static let degree = FactKind(rawValue: "degree")
    public static let affiliation = FactKind(rawValue: "affiliation")
    public static let notableWork = FactKind(rawValue: "notable_work")
    /// The company a profile (GitHub's) lists, as written there.
    public static let profileCompany = FactKind(rawValue: "profile_company")
    public static let location = FactKind(rawValue: "location")
    public static let website = FactKind(rawValue: "website")
    public static let twitter = FactKind(rawValue: "twitter")
    public static let github = FactKind(rawValue: "github")
    // A company's.
    public static let inception = FactKind(rawValue: "inception")
    public static let headquarters = FactKind(rawValue: "headquarters")
    /// The postal address its own site gives (a footer's, its structured data's).
    public static let address = FactKind(rawValue: "address")
    public static let industry = FactKind(rawValue: "industry")
    public static let ceo = FactKind(rawValue: "ceo")
    public static let employees = FactKind(rawValue: "employees")
    public static let foundedBy = FactKind(rawValue: "founded_by")
}
