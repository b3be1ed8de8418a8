/// Maps JSON-LD objects to typed schema.org values.
enum StructuredDataReader {
    private static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "BlogPosting", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "ScholarlyArticle", "TechArticle", "Report",
        "SocialMediaPosting", "LiveBlogPosting", "Review", "Posting",
    ]
    private static let organizationTypes: Set<String> = [
        "Organization", "Corporation", "NewsMediaOrganization", "EducationalOrganization", "CollegeOrUniversity",
        "GovernmentOrganization", "NGO", "LocalBusiness", "OnlineBusiness", "ResearchOrganization",
        "MedicalOrganization", "SportsOrganization", "NonprofitOrganization", "Company",
    ]

    /// Every object in the JSON-LD values, with `@graph` members and array elements unpacked.
    static func objects(in values: [JSONValue]) -> [JSONValue] {
        var result: [JSONValue] = []
        var pending = values
        while let value = pending.popLast() {
            switch value {
            case .array(let elements):
                pending.append(contentsOf: elements)
            case .object:
                if let graph = value["@graph"] {
                    pending.append(contentsOf: graph.list)
                    if value["@type"] == nil { continue }
                }
                result.append(value)
            default:
                continue
            }
        }
        return result.reversed()
    }

    /// The schema.org types of an object (`@type` may be a string or a list).
    static func types(of object: JSONValue) -> [String] {
        (object["@type"]?.list ?? []).compactMap(\.string).map { type in
            type.split(separator: "/").last.map(String.init) ?? type
        }
    }

    /// The typed value of one object, when it is a Person, Organization, Article or ProfilePage.
    static func item(from object: JSONValue) -> StructuredItem? {
        let types = types(of: object)
        if types.contains("ProfilePage") { return .profilePage(profilePage(object)) }
        if let type = types.first(where: articleTypes.contains) { return .article(article(object, type: type)) }
        if types.contains("Person") { return .person(person(object)) }
        if let type = types.first(where: organizationTypes.contains) { return .organization(organization(object, type: type)) }
        return nil
    }

    static func person(_ object: JSONValue) -> PersonData {
        var person = PersonData()
        person.name = text(object["name"])
        person.jobTitle = text(object["jobTitle"])
        person.worksFor = ((object["worksFor"]?.list ?? []) + (object["affiliation"]?.list ?? [])).compactMap(name)
        person.url = text(object["url"])
        person.sameAs = (object["sameAs"]?.list ?? []).compactMap(\.string)
        person.image = imageURL(object["image"])
        person.description = text(object["description"])
        return person
    }

    static func organization(_ object: JSONValue, type: String) -> OrganizationData {
        var organization = OrganizationData(type: type)
        organization.name = text(object["name"])
        organization.url = text(object["url"])
        organization.logo = imageURL(object["logo"])
        organization.sameAs = (object["sameAs"]?.list ?? []).compactMap(\.string)
        organization.description = text(object["description"])
        if let founded = text(object["foundingDate"]) {
            organization.foundingDate = PageDate.normalize(founded) ?? (founded.count == 4 ? founded : nil)
        }
        organization.address = object["address"].flatMap(postalAddress)
        return organization
    }

    /// A schema.org address as its lines: a text as it is, a PostalAddress as street, town with
    /// region and postcode ("Atlanta, GA 30305") or postcode and town ("10115 Berlin"), country.
    static func postalAddress(_ value: JSONValue) -> String? {
        if case .array(let values) = value { return values.lazy.compactMap(postalAddress).first }
        if let plain = text(value) { return plain }
        let town = text(value["addressLocality"]), region = text(value["addressRegion"]), code = text(value["postalCode"])
        let place = region != nil
            ? [town, [region, code].compactMap { $0 }.joined(separator: " ")].compactMap { $0 }.joined(separator: ", ")
            : [code, town].compactMap { $0 }.joined(separator: " ")
        let lines = [text(value["streetAddress"]), place.isEmpty ? nil : place, value["addressCountry"].flatMap(name)]
            .compactMap { $0 }
        return lines.isEmpty ? nil : lines.joined(separator: ", ")
    }

    static func article(_ object: JSONValue, type: String) -> ArticleData {
        var article = ArticleData(type: type)
        article.headline = text(object["headline"]) ?? text(object["name"])
        article.authors = (object["author"]?.list ?? []).compactMap(name).flatMap { PersonName.names(inByline: $0) }
        article.datePublished = text(object["datePublished"]).flatMap(PageDate.normalize)
        article.dateModified = text(object["dateModified"]).flatMap(PageDate.normalize)
        article.publisher = object["publisher"].flatMap(name)
        article.description = text(object["description"])
        article.image = imageURL(object["image"])
        article.url = text(object["url"]) ?? text(object["mainEntityOfPage"]?["@id"]) ?? text(object["mainEntityOfPage"])
        article.inLanguage = text(object["inLanguage"])
        return article
    }

    static func profilePage(_ object: JSONValue) -> ProfilePageData {
        var page = ProfilePageData()
        page.url = text(object["url"])
        page.name = text(object["name"])
        if let entity = object["mainEntity"] ?? object["about"], types(of: entity).contains("Person") || entity["name"] != nil {
            page.mainEntity = person(entity)
        }
        page.dateCreated = text(object["dateCreated"]).flatMap(PageDate.normalize)
        page.dateModified = text(object["dateModified"]).flatMap(PageDate.normalize)
        return page
    }

    /// A name: the string itself, or the `name` of an object.
    static func name(_ value: JSONValue) -> String? {
        text(value) ?? text(value["name"])
    }

    /// An image URL: a string, an ImageObject's `url`, or the first of a list.
    static func imageURL(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        if case .array(let values) = value { return values.lazy.compactMap(imageURL).first }
        return text(value) ?? text(value["url"]) ?? text(value["contentUrl"])
    }

    /// The trimmed string of a value, nil when empty or not a string.
    static func text(_ value: JSONValue?) -> String? {
        guard let string = value?.string?.trimmingSpaces(), !string.isEmpty else { return nil }
        return string
    }
}
