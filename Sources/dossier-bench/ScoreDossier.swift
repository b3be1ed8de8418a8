// dossier-bench score: the dossier's quality against the mini web's fact files.
//
//   dossier-bench score --dossier PATH --miniweb PATH --web DIR [--keep DIR]
//
// Builds each person of DIR/facts against the mini web (as `build` does) and scores the
// Markdown dossier: a fact is captured when every keyword occurs in the body (everything
// before the Sources list), case-insensitive, `|` separating alternatives, whitespace and
// quotes normalised. Every suggested question that names a fact must cite a saved page
// that holds the fact's keywords too. The last line reads
//   score-dossier people=<n> facts=<n> captured=<n> recall=<r> max_body_words=<n>
import Foundation

/// One fact of a person's fact file.
struct ExpectedFact: Decodable {
    var kind: String
    var text: String
    var keywords: [String]
}

/// A person's fact file (DIR/facts/<person>.json).
struct FactFile: Decodable {
    var person: String
    var company: String
    var facts: [ExpectedFact]
}

/// A page of the mini web's manifest.
struct SavedPage: Decodable {
    var url: String
    var file: String
}

/// Text normalised the way facts are matched: lowercased, typographic quotes and dashes
/// made plain, whitespace runs collapsed to one space.
func normalisedForMatching(_ text: String) -> String {
    var out = ""
    var lastWasSpace = false
    for character in text.lowercased() {
        let plain: Character = switch character {
        case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}": "'"
        case "\u{201C}", "\u{201D}", "\u{201F}", "\u{2033}": "\""
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}": "-"
        default: character
        }
        if plain.isWhitespace {
            if !lastWasSpace { out.append(" ") }
            lastWasSpace = true
        } else {
            out.append(plain)
            lastWasSpace = false
        }
    }
    return out
}

/// Whether every keyword (alternatives separated by `|`) occurs in normalised text.
func holdsFact(_ fact: ExpectedFact, in normalisedText: String) -> Bool {
    fact.keywords.allSatisfy { keyword in
        keyword.split(separator: "|").contains { normalisedText.contains(normalisedForMatching(String($0))) }
    }
}

/// The dossier body (everything before the Sources list) and the numbered sources' URLs.
func splitDossier(_ markdown: String) -> (body: String, sourceURLs: [Int: String]) {
    guard let sources = markdown.range(of: "\n## Sources\n") else { return (markdown, [:]) }
    var urls: [Int: String] = [:]
    for line in markdown[sources.upperBound...].split(separator: "\n") {
        guard let dot = line.firstIndex(of: "."), let number = Int(line[..<dot]),
              let open = line.lastIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close else { continue }
        urls[number] = String(line[line.index(after: open)..<close])
    }
    return (String(markdown[..<sources.lowerBound]), urls)
}

/// The suggested questions of a dossier body with the source numbers each cites.
func suggestedQuestions(in body: String) -> [(text: String, citations: [Int])] {
    guard let start = body.range(of: "## Suggested questions\n") else { return [] }
    let section = body[start.upperBound...].prefix { _ in true }
    var questions: [(String, [Int])] = []
    for line in section.split(separator: "\n") {
        if line.hasPrefix("## ") { break }
        guard line.hasPrefix("- ") || line.first?.isNumber == true else { continue }
        var citations: [Int] = []
        var rest = line[...]
        while let open = rest.range(of: "["), let close = rest[open.upperBound...].firstIndex(of: "]") {
            citations += rest[open.upperBound..<close].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            rest = rest[rest.index(after: close)...]
        }
        questions.append((String(line), citations))
    }
    return questions
}

func runScore(_ arguments: [String]) throws {
    let dossier = try option("--dossier", in: arguments)
    let miniweb = try option("--miniweb", in: arguments)
    let web = try option("--web", in: arguments)
    let keep = try? option("--keep", in: arguments)
    let factsDirectory = web + "/facts"
    let files = try FileManager.default.contentsOfDirectory(atPath: factsDirectory).filter { $0.hasSuffix(".json") }.sorted()
    let manifest = try JSONDecoder().decode([SavedPage].self, from: Data(contentsOf: URL(fileURLWithPath: web + "/manifest.json")))
    let fileByURL = Dictionary(manifest.map { ($0.url, $0.file) }, uniquingKeysWith: { first, _ in first })
    var pageTextCache: [String: String] = [:]
    func savedPageText(_ url: String) -> String? {
        if let text = pageTextCache[url] { return text }
        guard let file = fileByURL[url], let data = FileManager.default.contents(atPath: web + "/" + file) else { return nil }
        let text = normalisedForMatching(String(decoding: data, as: UTF8.self))
        pageTextCache[url] = text
        return text
    }

    let (server, base) = try startServer("/usr/bin/env", ["python3", miniweb, "--port", "0", web])
    defer { kill(server.processIdentifier, SIGKILL) }
    let work = keep.map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("dossier-score-\(getpid())")
    defer { if keep == nil { try? FileManager.default.removeItem(at: work) } }

    var totalFacts = 0
    var totalCaptured = 0
    var maxBodyWords = 0
    var badCitations = 0
    for file in files {
        let facts = try JSONDecoder().decode(FactFile.self, from: Data(contentsOf: URL(fileURLWithPath: factsDirectory + "/" + file)))
        let home = work.appendingPathComponent(String(file.dropLast(5)))
        try? FileManager.default.removeItem(at: home)
        try writeMiniWebConfig(home: home, base: base)
        var environment = ProcessInfo.processInfo.environment
        environment["DOSSIER_HOME"] = home.path
        _ = try measure([dossier, "build", facts.person, "--company", facts.company, "--quiet"], environment: environment)
        let markdownURL = try findFile(named: "dossier.md", under: home.appendingPathComponent("output"))
        let (body, sourceURLs) = splitDossier(try String(contentsOf: markdownURL, encoding: .utf8))
        let normalisedBody = normalisedForMatching(body)
        let bodyWords = body.split(whereSeparator: \.isWhitespace).count
        maxBodyWords = max(maxBodyWords, bodyWords)
        let captured = facts.facts.filter { holdsFact($0, in: normalisedBody) }
        print("\n\(facts.person) (\(facts.company)): \(captured.count)/\(facts.facts.count) facts, \(bodyWords) body words")
        for fact in facts.facts {
            let mark = holdsFact(fact, in: normalisedBody) ? "yes" : " no"
            print("  \(mark)  \(fact.kind.padding(toLength: 9, withPad: " ", startingAt: 0)) \(fact.keywords.joined(separator: " + "))")
        }
        for question in suggestedQuestions(in: body) {
            let normalisedQuestion = normalisedForMatching(question.text)
            for fact in facts.facts where holdsFact(fact, in: normalisedQuestion) {
                let grounded = question.citations.contains { number in
                    sourceURLs[number].flatMap(savedPageText).map { holdsFact(fact, in: $0) } ?? false
                }
                if !grounded {
                    badCitations += 1
                    print("  question names \"\(fact.keywords.joined(separator: " + "))\" without a citation holding it: \(question.text)")
                }
            }
        }
        totalFacts += facts.facts.count
        totalCaptured += captured.count
    }
    print("\nquestions naming a fact without a citation that holds it: \(badCitations)")
    print(String(format: "score-dossier people=%d facts=%d captured=%d recall=%.2f max_body_words=%d",
                 files.count, totalFacts, totalCaptured, Double(totalCaptured) / Double(max(totalFacts, 1)), maxBodyWords))
    if badCitations > 0 { throw BenchError.failed("\(badCitations) questions name a fact their citation does not hold") }
}

/// The first file with this name below a directory.
func findFile(named name: String, under directory: URL) throws -> URL {
    let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
        if url.lastPathComponent == name { return url }
    }
    throw BenchError.failed("no \(name) under \(directory.path)")
}
