import DossierCore
import Foundation

/// Reads Wikidata's answers: entity search hits, and an entity's claims as dated facts.
public enum WikidataReaders {
    /// `wbsearchentities`: candidate items with label, description and the text that matched (an
    /// alias, when the search matched one). An API error (`maxlag` when the servers lag) throws
    /// with its code and message.
    public static func search(_ body: Data) throws(ReaderError) -> [EntityCandidate] {
        struct Answer: Decodable {
            struct Hit: Decodable {
                struct Match: Decodable { var text: String? }
                var id: String
                var label: String?
                var description: String?
                var match: Match?
            }
            var search: [Hit]
        }
        try throwIfAPIError(body, reader: "wikidata-search-json")
        let answer = try SearchResultReaders.decode(Answer.self, body, reader: "wikidata-search-json")
        return answer.search.map {
            EntityCandidate(id: $0.id, label: $0.label, description: $0.description, matchedText: $0.match?.text)
        }
    }

    /// Throws the `error` object of a MediaWiki API answer (`{"error":{"code":"maxlag","info":…}}`).
    static func throwIfAPIError(_ body: Data, reader: String) throws(ReaderError) {
        guard body.first == UInt8(ascii: "{"),
              let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let error = root["error"] as? [String: Any] else { return }
        let code = error["code"] as? String ?? "error"
        let info = error["info"] as? String ?? ""
        throw ReaderError(reader: reader, message: "the API answered \(code)" + (info.isEmpty ? "" : ": \(info)"))
    }

    /// The properties dossier has a name of its own for, by the name its facts carry. A claim of
    /// any other property is read too, when a source file asks for it, under the property's label.
    public static let properties: [String: FactKind] = [
        "P31": .instanceOf, "P108": .employer, "P39": .position, "P106": .occupation, "P69": .education,
        "P571": .inception, "P159": .headquarters, "P452": .industry, "P169": .ceo, "P1128": .employees,
        "P856": .website, "P112": .foundedBy, "P2002": .twitter, "P2037": .github, "P166": .award,
        "P569": .birthDate, "P19": .birthplace, "P101": .field, "P463": .memberOf, "P512": .degree,
        "P1416": .affiliation, "P800": .notableWork,
    ]

    /// The time qualifiers a statement is dated by, and which date each fills.
    static let timeQualifiers = ["P580": "start", "P582": "end", "P585": "point in time"]

    /// One entity from `Special:EntityData/<id>.json`.
    public struct Entity: Sendable, Equatable {
        public var id: String
        public var label: String?
        public var description: String?
        /// The title of the English Wikipedia article, when there is one.
        public var englishWikipediaTitle: String?
        /// Facts from the claims above; item values carry their id and, until labelled, the id as value.
        public var facts: [StructuredFact]
        /// Whether the item is a human (P31 = Q5).
        public var isHuman: Bool { facts.contains { $0.kind == .instanceOf && $0.valueID == "Q5" } }
    }

    /// Reads an entity document; `sourceURL` is cited by every fact. `properties` limits the
    /// statements read (all of ``properties`` when nil); one outside that table keeps its id as
    /// kind. Statements are dated by the time qualifiers among `qualifiers` (start P580, end P582,
    /// point in time P585); none when the list is empty.
    public static func entity(
        _ body: Data, id: String, sourceURL: String, properties wanted: [String]? = nil,
        qualifiers: [String] = ["P580", "P582", "P585"]
    ) throws(ReaderError) -> Entity {
        guard let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let entities = root["entities"] as? [String: Any],
              let object = (entities[id] ?? entities.values.first) as? [String: Any] else {
            throw ReaderError(reader: "wikidata-entity-json", message: "no entity \(id) in the answer")
        }
        if object["missing"] != nil {
            throw ReaderError(reader: "wikidata-entity-json", message: "\(id) does not exist (deleted or merged)")
        }
        let realID = object["id"] as? String ?? id
        let label = text(in: object["labels"])
        let description = text(in: object["descriptions"])
        let title = ((object["sitelinks"] as? [String: Any])?["enwiki"] as? [String: Any])?["title"] as? String
        var facts: [StructuredFact] = []
        let claims = object["claims"] as? [String: Any] ?? [:]
        let chosen = (wanted ?? Array(properties.keys)).sorted()
        for property in chosen {
            let kind = properties[property] ?? .property(property)
            for case let statement as [String: Any] in claims[property] as? [Any] ?? [] {
                if (statement["rank"] as? String) == "deprecated" { continue }
                guard let snak = statement["mainsnak"] as? [String: Any],
                      let (value, valueID) = snakValue(snak) else { continue }
                let written = statement["qualifiers"] as? [String: Any] ?? [:]
                func time(_ property: String) -> String? {
                    qualifiers.contains(property) ? qualifierTime(written[property]) : nil
                }
                facts.append(StructuredFact(
                    kind: kind, value: value, valueID: valueID, start: time("P580"), end: time("P582"),
                    pointInTime: time("P585"), sourceURL: sourceURL
                ))
            }
        }
        return Entity(id: realID, label: label, description: description, englishWikipediaTitle: title, facts: facts)
    }

    /// `wbgetentities&props=labels`: labels by id (items and properties), in English, else in
    /// the language-neutral `mul` that many items have had instead since 2025, else the fallback
    /// the API chose (`languagefallback=1` answers under `en` with the language it fell back to).
    public static func labels(_ body: Data) throws(ReaderError) -> [String: String] {
        try throwIfAPIError(body, reader: "wikidata-labels-json")
        guard let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let entities = root["entities"] as? [String: Any] else {
            throw ReaderError(reader: "wikidata-labels-json", message: "no entities in the answer")
        }
        var labels: [String: String] = [:]
        for (id, value) in entities {
            if let label = text(in: (value as? [String: Any])?["labels"]) { labels[id] = label }
        }
        return labels
    }

    /// The URL that asks for the labels of `ids` on the Wikidata host that answered.
    static func labelsURL(ids: [String], host: String) -> String {
        "https://\(host)/w/api.php?action=wbgetentities&ids=\(ids.joined(separator: "%7C"))"
            + "&props=labels&languages=en%7Cmul&languagefallback=1&format=json&maxlag=5"
    }

    /// The English text of a labels or descriptions object, else the `mul` one.
    private static func text(in object: Any?) -> String? {
        guard let texts = object as? [String: Any] else { return nil }
        for language in ["en", "mul"] {
            if let value = (texts[language] as? [String: Any])?["value"] as? String, !value.isEmpty { return value }
        }
        return nil
    }

    private static func snakValue(_ snak: [String: Any]) -> (String, String?)? {
        guard (snak["snaktype"] as? String) == "value",
              let datavalue = snak["datavalue"] as? [String: Any] else { return nil }
        let value = datavalue["value"]
        switch datavalue["type"] as? String {
        case "wikibase-entityid":
            // Answers before 2016 give only the numeric id (`{"entity-type":"item","numeric-id":5}`).
            let object = value as? [String: Any]
            let numeric = (object?["numeric-id"] as? Int).map { ((object?["entity-type"] as? String) == "property" ? "P" : "Q") + String($0) }
            guard let id = object?["id"] as? String ?? numeric else { return nil }
            return (id, id)
        case "time":
            return ((value as? [String: Any]).flatMap(formatTime)).map { ($0, nil) }
        case "quantity":
            guard let amount = (value as? [String: Any])?["amount"] as? String else { return nil }
            return (amount.hasPrefix("+") ? String(amount.dropFirst()) : amount, nil)
        case "string":
            return (value as? String).map { ($0, nil) }
        case "monolingualtext":
            return ((value as? [String: Any])?["text"] as? String).map { ($0, nil) }
        default:
            return nil
        }
    }

    private static func qualifierTime(_ qualifier: Any?) -> String? {
        guard let first = (qualifier as? [Any])?.first as? [String: Any],
              let datavalue = first["datavalue"] as? [String: Any],
              let value = datavalue["value"] as? [String: Any] else { return nil }
        return formatTime(value)
    }

    /// "+2014-03-24T00:00:00Z" at precision 11 → "2014-03-24"; precision 10 → "2014-03"; 9 → "2014".
    private static func formatTime(_ value: [String: Any]) -> String? {
        guard let time = value["time"] as? String else { return nil }
        let precision = value["precision"] as? Int ?? 11
        let digits = time.drop { $0 == "+" }
        let parts = digits.prefix(10).split(separator: "-")
        guard parts.count == 3 else { return nil }
        switch precision {
        case ..<10: return String(parts[0])
        case 10: return "\(parts[0])-\(parts[1])"
        default: return "\(parts[0])-\(parts[1])-\(parts[2])"
        }
    }
}
