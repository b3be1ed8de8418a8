import Foundation

/// An author of OpenAlex, the open catalogue of scholarly works: who they are, where their works
/// say they worked and in which years, and what they work on.
public struct OpenAlexAuthor: Sendable, Equatable {
    /// One institution an author's works name, with the years of those works.
    public struct Affiliation: Sendable, Equatable {
        public var institution: String
        /// Ascending.
        public var years: [Int]
        /// OpenAlex's kind of institution: `education`, `company`, `funder`, `healthcare` …
        public var kind: String?
    }

    /// `A5017898742`.
    public var id: String
    /// The author's page, which shows what the API answers: `https://openalex.org/A5017898742`.
    public var profileURL: String
    public var name: String
    public var alternativeNames: [String]
    /// The ORCID iD, bare (`0000-0002-6631-5318`).
    public var orcid: String?
    public var affiliations: [Affiliation]
    /// The institutions of their latest works.
    public var lastKnownInstitutions: [String]
    /// Their most frequent research topics, most frequent first.
    public var topics: [String]
    public var worksCount: Int?

    /// Every name the author is known by.
    public var names: [String] { [name] + alternativeNames }
    /// Whether the answer says where they worked (a trimmed search answer may not).
    public var listsInstitutions: Bool { !affiliations.isEmpty || !lastKnownInstitutions.isEmpty }
}

/// Reads OpenAlex's `authors` answers: a search (`/authors?search=…`, a `results` list) or one
/// author (`/authors/A…`). An error answer (`{"error": …, "message": …}`) throws.
public enum OpenAlexAuthors {
    static let reader = "openalex-authors-json"

    public static func read(_ body: Data) throws(ReaderError) -> [OpenAlexAuthor] {
        struct Institution: Decodable {
            var display_name: String?
            var type: String?
        }
        struct Author: Decodable {
            struct Affiliation: Decodable {
                var institution: Institution?
                var years: [Int]?
            }
            struct Topic: Decodable {
                var display_name: String?
                var count: Int?
            }
            var id: String?
            var display_name: String?
            var display_name_alternatives: [String]?
            var orcid: String?
            var affiliations: [Affiliation]?
            var last_known_institutions: [Institution]?
            /// The schema before 2024: one institution.
            var last_known_institution: Institution?
            var topics: [Topic]?
            var works_count: Int?
        }
        struct Answer: Decodable {
            var results: [Author]?
            var error: String?
            var message: String?
        }
        let answer = try SearchResultReaders.decode(Answer.self, body, reader: reader)
        if let error = answer.error {
            throw ReaderError(reader: reader, message: "OpenAlex answered \(error)" + (answer.message.map { ": \($0)" } ?? ""))
        }
        let authors: [Author]
        if let results = answer.results {
            authors = results
        } else {
            authors = [try SearchResultReaders.decode(Author.self, body, reader: reader)]
        }
        return authors.compactMap { author in
            guard let url = author.id, let id = url.split(separator: "/").last.map(String.init), id.first == "A",
                  let name = author.display_name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
            let affiliations = (author.affiliations ?? []).compactMap { affiliation -> OpenAlexAuthor.Affiliation? in
                guard let institution = affiliation.institution?.display_name, !institution.isEmpty else { return nil }
                return OpenAlexAuthor.Affiliation(institution: institution, years: (affiliation.years ?? []).sorted(),
                                                  kind: affiliation.institution?.type)
            }
            let lastKnown = (author.last_known_institutions ?? author.last_known_institution.map { [$0] } ?? [])
                .compactMap(\.display_name)
            let topics = (author.topics ?? []).enumerated()
                .sorted { ($0.element.count ?? 0, -$0.offset) > ($1.element.count ?? 0, -$1.offset) }
                .compactMap(\.element.display_name)
            return OpenAlexAuthor(
                id: id, profileURL: "https://openalex.org/\(id)", name: name,
                alternativeNames: (author.display_name_alternatives ?? []).filter { $0 != name },
                orcid: author.orcid.flatMap(ORCIDReaders.bareID), affiliations: affiliations, lastKnownInstitutions: lastKnown,
                topics: topics, worksCount: author.works_count
            )
        }
    }
}
