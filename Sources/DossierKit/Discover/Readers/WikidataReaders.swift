import Foundation

/// Reads Wikidata's answers: entity search hits, and an entity's claims as dated facts.
public enum WikidataReaders {
    /// `wbsearchentities`: candidate items with label and description.
    public static func search(_ body: Data) throws(ReaderError) -> [EntityCandidate] {
        struct Answer: Decodable {
            struct Hit: Decodable {
                var id: String
                var label: String?
                var description: String?
            }
            var search: [Hit]
        }
        let answer = try SearchResultReaders.decode(Answer.self, body, reader: "wikidata-search-json")
        return answer.search.map { EntityCandidate(id: $0.id, label: $0.label, description: $0.description) }
    }

    /// The properties dossier reads, by the name its facts carry.
    public static let properties: [String: String] = [
        "P31": "instance_of", "P108": "employer", "P39": "position", "P106": "occupation", "P69": "education",
        "P571": "inception", "P159": "headquarters", "P452": "industry", "P169": "ceo", "P1128": "employees",
        "P856": "website", "P112": "founded_by", "P2002": "twitter", "P2037": "github",
    ]

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
        public var isHuman: Bool { facts.contains { $0.kind == "instance_of" && $0.valueID == "Q5" } }
    }

    /// Reads an entity document; `sourceURL` is cited by every fact. `properties` limits the
    /// statements read (all of ``properties`` when nil); one outside that table keeps its id as kind.
    public static func entity(_ body: Data, id: String, sourceURL: String, properties wanted: [String]? = nil) throws(ReaderError) -> Entity {
        guard let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let entities = root["entities"] as? [String: Any],
              let object = (entities[id] ?? entities.values.first) as? [String: Any] else {
            throw ReaderError(reader: "wikidata-entity-json", message: "no entity \(id) in the answer")
        }
        let realID = object["id"] as? String ?? id
        let label = ((object["labels"] as? [String: Any])?["en"] as? [String: Any])?["value"] as? String
        let description = ((object["descriptions"] as? [String: Any])?["en"] as? [String: Any])?["value"] as? String
        let title = ((object["sitelinks"] as? [String: Any])?["enwiki"] as? [String: Any])?["title"] as? String
        var facts: [StructuredFact] = []
        let claims = object["claims"] as? [String: Any] ?? [:]
        let chosen = (wanted ?? Array(properties.keys)).sorted()
        for property in chosen {
            let kind = properties[property] ?? property
            for case let statement as [String: Any] in claims[property] as? [Any] ?? [] {
                if (statement["rank"] as? String) == "deprecated" { continue }
                guard let snak = statement["mainsnak"] as? [String: Any],
                      let (value, valueID) = snakValue(snak) else { continue }
                let qualifiers = statement["qualifiers"] as? [String: Any] ?? [:]
                facts.append(StructuredFact(
                    kind: kind, value: value, valueID: valueID,
                    start: qualifierTime(qualifiers["P580"]), end: qualifierTime(qualifiers["P582"]),
                    sourceURL: sourceURL
                ))
            }
        }
        return Entity(id: realID, label: label, description: description, englishWikipediaTitle: title, facts: facts)
    }

    /// `wbgetentities&props=labels`: English labels by id.
    public static func labels(_ body: Data) throws(ReaderError) -> [String: String] {
        guard let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let entities = root["entities"] as? [String: Any] else {
            throw ReaderError(reader: "wikidata-labels-json", message: "no entities in the answer")
        }
        var labels: [String: String] = [:]
        for (id, value) in entities {
            if let label = (((value as? [String: Any])?["labels"] as? [String: Any])?["en"] as? [String: Any])?["value"] as? String {
                labels[id] = label
            }
        }
        return labels
    }

    private static func snakValue(_ snak: [String: Any]) -> (String, String?)? {
        guard (snak["snaktype"] as? String) == "value",
              let datavalue = snak["datavalue"] as? [String: Any] else { return nil }
        let value = datavalue["value"]
        switch datavalue["type"] as? String {
        case "wikibase-entityid":
            guard let id = (value as? [String: Any])?["id"] as? String else { return nil }
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
