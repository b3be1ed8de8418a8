/// A schema.org value from JSON-LD. JSON form: `{"person": {...}}`, `{"article": {...}}`, ...
public enum StructuredItem: Sendable, Equatable, Codable {
    case person(PersonData)
    case organization(OrganizationData)
    case article(ArticleData)
    case profilePage(ProfilePageData)

    private enum CodingKeys: String, CodingKey {
        case person, organization, article, profilePage
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .person(let value): try container.encode(value, forKey: .person)
        case .organization(let value): try container.encode(value, forKey: .organization)
        case .article(let value): try container.encode(value, forKey: .article)
        case .profilePage(let value): try container.encode(value, forKey: .profilePage)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let value = try container.decodeIfPresent(PersonData.self, forKey: .person) {
            self = .person(value)
        } else if let value = try container.decodeIfPresent(OrganizationData.self, forKey: .organization) {
            self = .organization(value)
        } else if let value = try container.decodeIfPresent(ArticleData.self, forKey: .article) {
            self = .article(value)
        } else {
            self = .profilePage(try container.decode(ProfilePageData.self, forKey: .profilePage))
        }
    }
}

/// A schema.org `Person`.
public struct PersonData: Sendable, Equatable, Codable {
    public var name: String?
    public var jobTitle: String?
    /// Names of the organizations in `worksFor` and `affiliation`.
    public var worksFor: [String] = []
    public var url: String?
    public var sameAs: [String] = []
    public var image: String?
    public var description: String?

    public init() {}
}

/// A schema.org `Organization` or one of its subtypes.
public struct OrganizationData: Sendable, Equatable, Codable {
    /// The `@type` as written (`Organization`, `NewsMediaOrganization`, `Corporation`, ...).
    public var type: String
    public var name: String?
    public var url: String?
    public var logo: String?
    public var sameAs: [String] = []
    public var description: String?
    /// `YYYY-MM-DD` (or the year alone when that is all the page gives).
    public var foundingDate: String?
    /// Its postal address, lines joined by ", " (a PostalAddress's parts, or the text given).
    public var address: String?

    public init(type: String) {
        self.type = type
    }
}

/// A schema.org `Article` or one of its subtypes (`NewsArticle`, `BlogPosting`, ...).
public struct ArticleData: Sendable, Equatable, Codable {
    public var type: String
    public var headline: String?
    public var authors: [String] = []
    /// `YYYY-MM-DD`.
    public var datePublished: String?
    /// `YYYY-MM-DD`.
    public var dateModified: String?
    public var publisher: String?
    public var description: String?
    public var image: String?
    public var url: String?
    public var inLanguage: String?

    public init(type: String) {
        self.type = type
    }
}

/// A schema.org `ProfilePage`: a page about one person.
public struct ProfilePageData: Sendable, Equatable, Codable {
    public var url: String?
    public var name: String?
    /// The person the page is about.
    public var mainEntity: PersonData?
    /// `YYYY-MM-DD`.
    public var dateCreated: String?
    /// `YYYY-MM-DD`.
    public var dateModified: String?

    public init() {}
}
