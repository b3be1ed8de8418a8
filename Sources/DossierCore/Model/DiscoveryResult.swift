import Foundation

/// Who discovery decided the subject is, and how sure it is.
public struct Identity: Sendable, Equatable, Codable {
    public var name: String
    public var wikidataID: String?
    public var description: String?
    /// The "same person?" confidence, 0 to 1.
    public var confidence: Double
    /// Why: the evidence that set the confidence, in words.
    public var evidence: [String]
    public var wikipediaTitle: String?
    public var domain: String?
    public var github: String?

    public init(name: String, wikidataID: String?, description: String?, confidence: Double, evidence: [String], wikipediaTitle: String?, domain: String?, github: String?) {
        self.name = name
        self.wikidataID = wikidataID
        self.description = description
        self.confidence = confidence
        self.evidence = evidence
        self.wikipediaTitle = wikipediaTitle
        self.domain = domain
        self.github = github
    }
}

/// The company as discovery knows it.
public struct CompanyIdentity: Sendable, Equatable, Codable {
    public var name: String?
    public var wikidataID: String?
    public var domain: String?
    public var wikipediaTitle: String?

    public init(name: String?, wikidataID: String?, domain: String?, wikipediaTitle: String?) {
        self.name = name
        self.wikidataID = wikidataID
        self.domain = domain
        self.wikipediaTitle = wikipediaTitle
    }
}

/// Everything discovery found for one subject: the texts worth reading, the structured
/// facts, and what each source came to.
public struct DiscoveryResult: Sendable, Codable {
    public var identity: Identity
    public var company: CompanyIdentity
    /// Texts that mention the person or the company, most trusted first.
    public var documents: [SourceDocument]
    /// Facts about the person (employer, positions, education …), item values labelled.
    public var personFacts: [StructuredFact]
    /// Facts about the company (inception, headquarters, industry …).
    public var companyFacts: [StructuredFact]
    /// One per request, in the order made; pages dropped as not about the subject are `skipped`.
    public var outcomes: [SourceOutcome]
    /// How many of `documents` are about the person: they name them, are by them, or were named
    /// by the user (`--url`); the others are about the company only.
    public var pagesAboutPerson: Int

    public init(identity: Identity, company: CompanyIdentity, documents: [SourceDocument], personFacts: [StructuredFact],
                companyFacts: [StructuredFact], outcomes: [SourceOutcome], pagesAboutPerson: Int) {
        self.identity = identity
        self.company = company
        self.documents = documents
        self.personFacts = personFacts
        self.companyFacts = companyFacts
        self.outcomes = outcomes
        self.pagesAboutPerson = pagesAboutPerson
    }

    /// True when nothing about the person was found: no page and no structured fact that says
    /// something of them (a website or an account name alone does not). A dossier made of that
    /// would say nothing of them.
    public var foundNothing: Bool { pagesAboutPerson == 0 && personFacts.allSatisfy(\.kind.isIdentifier) }
}
