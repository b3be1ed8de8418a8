import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// docs/dossier-json.md against the JSON the renderer writes. The page went stale once (it
/// described `dossier/2` long after the model was `dossier/3`); these tests keep it from
/// happening again: every key of `dossier.json` has a row in the table of its type, every row is
/// a key the JSON has, a field not marked optional is always there, and the page and the docs
/// that quote the `schema` field name the current version.
@Suite("dossier.json documentation")
struct DossierJSONDocTests {
    static let page = SharedWorkspace.repository.appendingPathComponent("docs/dossier-json.md")

    /// A documented field: its type as the page writes it ("[TimelineItem]", "string, optional").
    struct Row {
        var type: String
        var isOptional: Bool { type.hasSuffix(", optional") }
        /// The type without ", optional".
        var bareType: String { isOptional ? String(type.dropLast(", optional".count)) : type }
    }

    /// The page's tables by the type they document: `## Top level` is the dossier's, a table under
    /// `**Name**` is Name's. Each row "| `key` | type | meaning |" documents one key.
    static func tables(_ markdown: String) -> [String: [String: Row]] {
        var tables: [String: [String: Row]] = [:]
        var owner: String?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                owner = line == "## Top level" ? "Dossier" : nil
            } else if line.hasPrefix("**"), let end = line.dropFirst(2).range(of: "**") {
                owner = String(line.dropFirst(2)[..<end.lowerBound])
            } else if line.hasPrefix("| `"), let owner {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count >= 4 else { continue }
                let key = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                tables[owner, default: [:]][key] = Row(type: cells[2])
            }
        }
        return tables
    }

    /// What the JSON has that the page does not say, and which rows it used.
    struct Walk {
        let tables: [String: [String: Row]]
        var problems: [String] = []
        /// "Type.key" of every row met.
        var used = Set<String>()

        /// Records a problem once, however many elements of a list have it.
        private mutating func report(_ problem: String) {
            if !problems.contains(problem) { problems.append(problem) }
        }

        /// Checks a value of the page's `type` at `path`.
        mutating func check(_ value: Any, type: String, path: String) {
            if type.hasPrefix("["), type.hasSuffix("]") {
                guard let array = value as? [Any] else { return report("\(path): documented as \(type), not an array") }
                for element in array { check(element, type: String(type.dropFirst().dropLast()), path: path + "[]") }
                return
            }
            switch type {
            case "string":
                if !(value is String) { report("\(path): documented as a string") }
            case "timestamp":
                if (value as? String).flatMap(ISO8601DateFormatter().date(from:)) == nil {
                    report("\(path): documented as a timestamp")
                }
            case "integer", "number", "boolean":
                if !(value is NSNumber) { report("\(path): documented as \(type)") }
            default:
                guard let table = tables[type] else { return report("\(path): its type \(type) has no table") }
                guard let object = value as? [String: Any] else { return report("\(path): documented as \(type), not an object") }
                for key in object.keys.sorted() {
                    let keyPath = path.isEmpty ? key : path + "." + key
                    guard let row = table[key] else {
                        report("\(keyPath): no `| `\(key)` |` row in the table of \(type)")
                        continue
                    }
                    used.insert(type + "." + key)
                    check(object[key]!, type: row.bareType, path: keyPath)
                }
                for (key, row) in table where !row.isOptional && object[key] == nil {
                    report("\(path.isEmpty ? key : path + "." + key): left out, but not marked optional in the table of \(type)")
                }
            }
        }
    }

    static func walk(_ dossier: Dossier, tables: [String: [String: Row]]) throws -> Walk {
        var walk = Walk(tables: tables)
        walk.check(try JSONSerialization.jsonObject(with: JSONRenderer.render(dossier)), type: "Dossier", path: "")
        return walk
    }

    /// The full sample with every optional field set that it leaves out, and a `changes` section,
    /// so that each field the model can write appears in the JSON at least once. A new optional
    /// field needs a value here, or the test that reads the page's rows back fails.
    static func everyField() -> Dossier {
        var dossier = SampleDossiers.full()
        dossier.subject.domain = "tidewater-analytics.example"
        dossier.subject.extraURLs = ["https://example.org/elena-marsh-talk"]
        dossier.identity.github = "elenamarsh"
        dossier.company.wikipediaTitle = "Tidewater Analytics"
        dossier.sources[0].updated = "2025-10-02"
        dossier.companyProfile.facts += [
            TimelineEntry(kind: .ceo, value: "Maren Holt", start: "2017", end: "2019", source: 16),
            TimelineEntry(kind: .property("P2139"), value: "12 million euros", start: nil, end: nil, pointInTime: "2024",
                          kindLabel: "total revenue", source: 16),
        ]
        dossier.changes = DossierChanges(since: SampleDossiers.generatedAt.addingTimeInterval(-7 * 86_400),
                                         newSentences: [dossier.mentions[0]], newNews: [dossier.companyProfile.news[0]],
                                         newTimeline: [dossier.timeline[2]])
        return dossier
    }

    @Test("every key of dossier.json has a row in the table of its type in docs/dossier-json.md")
    func everyKeyDocumented() throws {
        let tables = Self.tables(try String(contentsOf: Self.page, encoding: .utf8))
        #expect(tables["Dossier"] != nil, "docs/dossier-json.md has no `## Top level` table")
        for dossier in [SampleDossiers.full(), SampleDossiers.hostile(), Self.everyField()] {
            let problems = try Self.walk(dossier, tables: tables).problems
            #expect(problems.isEmpty, "dossier.json against docs/dossier-json.md:\n\(problems.joined(separator: "\n"))")
        }
    }

    @Test("every row of docs/dossier-json.md names a key dossier.json has")
    func everyRowRendered() throws {
        let tables = Self.tables(try String(contentsOf: Self.page, encoding: .utf8))
        let rows = Set(tables.flatMap { type, rows in rows.keys.map { type + "." + $0 } })
        #expect(rows.count > 80, "the page's tables were not found")
        let stale = rows.subtracting(try Self.walk(Self.everyField(), tables: tables).used).sorted()
        #expect(stale.isEmpty, """
            rows of docs/dossier-json.md that no key of dossier.json has (a removed field, or a new optional one \
            that DossierJSONDocTests.everyField() does not set): \(stale)
            """)
    }

    @Test("docs/dossier-json.md's title and schema row name the current schema")
    func titleNamesSchema() throws {
        let markdown = try String(contentsOf: Self.page, encoding: .utf8)
        let title = markdown.split(separator: "\n").first.map(String.init) ?? ""
        #expect(title.hasPrefix("# ") && title.contains("`\(JSONRenderer.schema)`"),
                "the title \"\(title)\" does not name \(JSONRenderer.schema)")
        #expect(markdown.contains("| `schema` | string | `\"\(JSONRenderer.schema)\"` |"))
    }

    @Test("the docs that quote the schema field quote the current version")
    func quotedSchemaIsCurrent() throws {
        let docs = SharedWorkspace.repository.appendingPathComponent("docs")
        let files = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
            .map { docs.appendingPathComponent($0) } + [SharedWorkspace.repository.appendingPathComponent("README.md")]
        var quoted: [String: [String]] = [:]
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for opening in ["\"schema\": \"", "\"schema\" : \""] {
                var rest = text[...]
                while let start = rest.range(of: opening) {
                    let value = rest[start.upperBound...].prefix { $0 != "\"" }
                    quoted[file.lastPathComponent, default: []].append(String(value))
                    rest = rest[start.upperBound...]
                }
            }
        }
        #expect(quoted["json-output.md"] != nil, "docs/json-output.md no longer names the dossier's schema")
        let stale = quoted.filter { $0.value.contains { $0 != JSONRenderer.schema } }
        #expect(stale.isEmpty, "these quote another schema than \(JSONRenderer.schema): \(stale)")
    }
}
