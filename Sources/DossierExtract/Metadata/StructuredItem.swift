/// A schema.org value from JSON-LD.
public enum StructuredItem: Sendable, Equatable, Codable {
    case person(PersonData)
    case organization(OrganizationData)
    case article(ArticleData)
    case profilePage(ProfilePageData)
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
