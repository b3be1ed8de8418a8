import Foundation

/// Renders a dossier as JSON for other programs: `{"schema": "dossier/<version>", ...}`
/// with the dossier's fields beside `schema`, documented in docs/dossier-json.md.
///
/// Guarantees: the same dossier gives the same bytes (sorted keys, pretty-printed, dates
/// as ISO 8601 in UTC to the second, optional fields left out when absent); decoding the
/// output with `JSONDecoder` (dates `.iso8601`) gives the dossier back. Characters that
/// could turn into markup or disguise text when the JSON is pasted into HTML or shown in
/// a terminal (`<`, `>`, `&`, DEL and C1 controls, bidirectional controls, line and
/// paragraph separators) are
/// written as `\u` escapes, so the strings keep their exact value.
public enum JSONRenderer {
    /// The value of the `schema` field, e.g. `dossier/3`.
    public static let schema = "dossier/\(Dossier.schemaVersion)"

    public static func render(_ dossier: Dossier) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let encoded = try encoder.encode(Document(dossier: dossier))
        return Data((escapeMarkup(String(decoding: encoded, as: UTF8.self)) + "\n").utf8)
    }

    /// A dossier read back from its JSON (the `schema` field is not part of the dossier).
    public static func decode(_ data: Data) throws -> Dossier {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Dossier.self, from: data)
    }

    /// The dossier with the `schema` field in the same object.
    private struct Document: Encodable {
        let dossier: Dossier

        private enum Key: String, CodingKey { case schema }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(JSONRenderer.schema, forKey: .schema)
            try dossier.encode(to: encoder)
        }
    }

    /// Rewrites the risky characters as `\uXXXX`. They can only occur inside strings (the
    /// keys are the model's ASCII names), where the escape means the same character; the
    /// encoder has already escaped C0 controls, so the raw line breaks left are its own.
    private static func escapeMarkup(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<", ">", "&", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}", "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}":
                out += String(format: "\\u%04x", scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
