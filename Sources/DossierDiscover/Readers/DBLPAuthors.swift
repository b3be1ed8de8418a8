import Foundation

/// A person of dblp, the computer science bibliography: their name (dblp numbers homonyms,
/// "Jane Doe 0002"), other names, affiliations as dblp notes them, and their dblp page.
public struct DBLPAuthor: Sendable, Equatable {
    public var name: String
    public var aliases: [String]
    /// `https://dblp.org/pid/…`.
    public var profileURL: String
    public var affiliations: [String]
    public var awards: [String]

    public var names: [String] { [name] + aliases }
}

/// Reads dblp's author search (`/search/author/api?format=json`). Single values stand where
/// lists would hold one (`note`, `alias`); no hits means no `hit` at all.
public enum DBLPAuthors {
    static let reader = "dblp-authors-json"

    public static func read(_ body: Data) throws(ReaderError) -> [DBLPAuthor] {
        guard let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let result = root["result"] as? [String: Any] else {
            throw ReaderError(reader: reader, message: "unexpected answer: no `result` object")
        }
        let hits = (result["hits"] as? [String: Any])?["hit"]
        return list(hits).compactMap { hit -> DBLPAuthor? in
            guard let info = hit["info"] as? [String: Any], let name = info["author"] as? String,
                  let url = info["url"] as? String, SearchResultReaders.isWebURL(url) else { return nil }
            let aliases = strings((info["aliases"] as? [String: Any])?["alias"])
            let notes = list((info["notes"] as? [String: Any])?["note"])
            func texts(_ type: String) -> [String] {
                notes.filter { $0["@type"] as? String == type }.compactMap { $0["text"] as? String }
            }
            return DBLPAuthor(name: name, aliases: aliases, profileURL: url, affiliations: texts("affiliation"), awards: texts("award"))
        }
    }

    private static func list(_ value: Any?) -> [[String: Any]] {
        if let array = value as? [[String: Any]] { return array }
        return (value as? [String: Any]).map { [$0] } ?? []
    }

    private static func strings(_ value: Any?) -> [String] {
        if let array = value as? [String] { return array }
        return (value as? String).map { [$0] } ?? []
    }
}
