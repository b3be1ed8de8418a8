import Foundation

/// Reads the answers of ORCID's public API (v3.0): a search, and the parts of a record.
public enum ORCIDReaders {
    /// One hit of a search: `expanded-search` gives names, public e-mail addresses and the
    /// institutions of the record; the plain `search` only the iD.
    public struct SearchHit: Sendable, Equatable {
        public var orcid: String
        public var givenNames: String?
        public var familyNames: String?
        public var creditName: String?
        public var otherNames: [String] = []
        public var emails: [String] = []
        public var institutions: [String] = []

        /// Every name the record is known by.
        public var names: [String] {
            let full = [givenNames, familyNames].compactMap { $0 }.joined(separator: " ")
            return ([full, creditName].compactMap { $0 } + otherNames).filter { !$0.isEmpty }
        }
    }

    /// A place in a record's employments or educations.
    public struct Affiliation: Sendable, Equatable {
        public var organization: String
        public var department: String?
        /// The role or the degree.
        public var role: String?
        /// `yyyy`, `yyyy-MM` or `yyyy-MM-dd`.
        public var start: String?
        public var end: String?
        public var city: String?
        public var country: String?
    }

    /// A link a researcher lists on their record.
    public struct Link: Sendable, Equatable {
        public var name: String?
        public var url: String
    }

    /// What a record, or one of its parts (`/person`, `/personal-details`, `/employments`,
    /// `/educations`), says; a part leaves the others empty.
    public struct Record: Sendable, Equatable {
        public var orcid: String?
        public var names: [String] = []
        public var biography: String?
        public var keywords: [String] = []
        public var links: [Link] = []
        public var emails: [String] = []
        public var countries: [String] = []
        public var employments: [Affiliation] = []
        public var educations: [Affiliation] = []

        /// The record's public page.
        public var profileURL: String? { orcid.map { "https://orcid.org/\($0)" } }
    }

    static let searchReader = "orcid-search-json"
    static let recordReader = "orcid-record-json"

    /// `0000-0002-1825-0097` from an iD written bare or as its URI; nil for anything else.
    static func bareID(_ text: String) -> String? {
        let id = text.split(separator: "/").last.map(String.init) ?? text
        return id.wholeMatch(of: /[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]/) == nil ? nil : id
    }

    public static func search(_ body: Data) throws(ReaderError) -> [SearchHit] {
        let root = try object(body, reader: searchReader)
        if let expanded = root["expanded-result"] as? [[String: Any]] {
            return expanded.compactMap { hit in
                guard let id = (hit["orcid-id"] as? String).flatMap(bareID) else { return nil }
                return SearchHit(
                    orcid: id, givenNames: hit["given-names"] as? String, familyNames: hit["family-names"] as? String,
                    creditName: hit["credit-name"] as? String, otherNames: hit["other-name"] as? [String] ?? [],
                    emails: hit["email"] as? [String] ?? [], institutions: hit["institution-name"] as? [String] ?? []
                )
            }
        }
        return (root["result"] as? [[String: Any]] ?? []).compactMap { hit in
            ((hit["orcid-identifier"] as? [String: Any])?["path"] as? String).flatMap(bareID).map { SearchHit(orcid: $0) }
        }
    }

    public static func record(_ body: Data) throws(ReaderError) -> Record {
        let root = try object(body, reader: recordReader)
        var record = Record()
        let person = root["person"] as? [String: Any] ?? root
        record.orcid = ((root["orcid-identifier"] as? [String: Any])?["path"] as? String).flatMap(bareID)
            ?? ((person["name"] as? [String: Any])?["path"] as? String).flatMap(bareID)
            ?? (root["path"] as? String).flatMap { $0.split(separator: "/").first.map(String.init) }.flatMap(bareID)
        if let name = person["name"] as? [String: Any] {
            let full = [value(name["given-names"]), value(name["family-name"])].compactMap { $0 }.joined(separator: " ")
            record.names = [full, value(name["credit-name"])].compactMap { $0 }.filter { !$0.isEmpty }
        }
        record.names += items(person["other-names"], "other-name").compactMap { $0["content"] as? String }
        record.biography = ((person["biography"] as? [String: Any])?["content"] as? String)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        record.keywords = items(person["keywords"], "keyword").compactMap { $0["content"] as? String }
            .flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        record.links = items(person["researcher-urls"], "researcher-url").compactMap { link in
            guard let url = value(link["url"]), SearchResultReaders.isWebURL(url) else { return nil }
            return Link(name: link["url-name"] as? String, url: url)
        }
        record.emails = items(person["emails"], "email").compactMap { $0["email"] as? String }
        record.countries = items(person["addresses"], "address").compactMap { value($0["country"]) }
        // A whole record holds the parts under `activities-summary`; an answer for one part is the part.
        let activities = root["activities-summary"] as? [String: Any]
        record.employments = affiliations(activities.map { $0["employments"] } ?? root, kind: "employment")
        record.educations = affiliations(activities.map { $0["educations"] } ?? root, kind: "education")
        return record
    }

    /// The summaries of an employments or educations part: grouped (v3.0,
    /// `affiliation-group[].summaries[]`) or listed (v2, `employment-summary[]`).
    private static func affiliations(_ part: Any?, kind: String) -> [Affiliation] {
        guard let part = part as? [String: Any] else { return [] }
        var summaries: [[String: Any]] = []
        for group in part["affiliation-group"] as? [[String: Any]] ?? [] {
            for summary in group["summaries"] as? [[String: Any]] ?? [] {
                if let item = summary["\(kind)-summary"] as? [String: Any] { summaries.append(item) }
            }
        }
        summaries += part["\(kind)-summary"] as? [[String: Any]] ?? []
        return summaries.compactMap { summary in
            guard let organization = summary["organization"] as? [String: Any],
                  let name = (organization["name"] as? String)?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
            let address = organization["address"] as? [String: Any]
            return Affiliation(
                organization: name, department: nonEmpty(summary["department-name"]), role: nonEmpty(summary["role-title"]),
                start: date(summary["start-date"]), end: date(summary["end-date"]), city: nonEmpty(address?["city"]),
                country: nonEmpty(address?["country"])
            )
        }
    }

    /// `{"year":{"value":"2010"},"month":{"value":"01"},"day":null}` → `2010-01`.
    private static func date(_ value: Any?) -> String? {
        guard let date = value as? [String: Any], let year = self.value(date["year"]) else { return nil }
        return [year, self.value(date["month"]), self.value(date["day"])].compactMap { $0 }.joined(separator: "-")
    }

    /// The `value` of ORCID's `{"value": …}` wrappers.
    private static func value(_ wrapper: Any?) -> String? {
        guard let text = (wrapper as? [String: Any])?["value"] as? String else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func nonEmpty(_ value: Any?) -> String? {
        guard let text = (value as? String)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }

    /// The public items of a `{"<key>": [ … ]}` section.
    private static func items(_ section: Any?, _ key: String) -> [[String: Any]] {
        ((section as? [String: Any])?[key] as? [[String: Any]] ?? []).filter { ($0["visibility"] as? String ?? "public") == "public" }
    }

    /// The answer's root object; ORCID's error answer (`response-code`, `developer-message`) throws.
    private static func object(_ body: Data, reader: String) throws(ReaderError) -> [String: Any] {
        guard let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw ReaderError(reader: reader, message: "unexpected answer: not a JSON object")
        }
        if let code = root["response-code"] {
            let message = root["developer-message"] as? String ?? root["user-message"] as? String ?? ""
            throw ReaderError(reader: reader, message: "ORCID answered \(code)" + (message.isEmpty ? "" : ": \(message)"))
        }
        return root
    }
}
