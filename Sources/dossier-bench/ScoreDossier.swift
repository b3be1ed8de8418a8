// dossier-bench score: the dossier's quality against the mini web's fact files.
//
//   dossier-bench score --dossier PATH --miniweb PATH --web DIR [--keep DIR]
//
// Builds each person of DIR/facts against the mini web (as `build` does) and scores the
// Markdown dossier: a fact is captured when every keyword occurs in the body (everything
// before the Sources list), case-insensitive, `|` separating alternatives, whitespace and
// quotes normalised. Every suggested question that names a fact must cite a saved page
// that holds the fact's keywords too.
//
//   recall          captured facts / facts
//   career_top      facts of kind role, employer, education, founded or award whose keywords
//                   all occur in the "At a glance" and "Career timeline" sections (a section
//                   ends at the next `## ` heading) / all such facts
//   grounded_min    the fewest, over people, numbered suggested questions ending in a
//                   citation mark such as `[3]`
//   max_pages       the most pages, over people and the A4 and Letter paper sizes, of
//                   dossier.html printed by headless Chromium as the app prints it, with its
//                   `@page{size:...;` rules set to the paper; counted by pdfinfo. `na` when
//                   Chromium or pdfinfo is not installed (the line before says which).
//   max_body_words  the most body words over people
//
// With --keep DIR each person's DOSSIER_HOME stays in DIR/<person>, with the printed copies
// and their PDFs in DIR/<person>/print. The last line reads
//   score-dossier people=<n> facts=<n> captured=<n> recall=<r> career_top=<r> grounded_min=<n> max_pages=<n> max_body_words=<n>
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

/// The text of the sections headed `## <title>` in a Markdown dossier: the lines after the
/// heading up to the next `## ` heading; empty when there is no such section.
func sectionText(titled title: String, in markdown: String) -> String {
    var lines: [Substring] = []
    var inside = false
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("## ") {
            inside = line.dropFirst(3).trimmingCharacters(in: .whitespaces) == title
        } else if inside {
            lines.append(line)
        }
    }
    return lines.joined(separator: "\n")
}

/// The suggested questions of a dossier body with the source numbers each cites.
func suggestedQuestions(in body: String) -> [(text: String, citations: [Int])] {
    var questions: [(String, [Int])] = []
    for line in sectionText(titled: "Suggested questions", in: body).split(separator: "\n") {
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

/// Fact kinds that belong at the top of a dossier, in "At a glance" or the career timeline.
let careerFactKinds: Set<String> = ["role", "employer", "education", "founded", "award"]

/// The text of a dossier's "At a glance" and "Career timeline" sections, where its career
/// facts are expected.
func careerSectionsText(of markdown: String) -> String {
    sectionText(titled: "At a glance", in: markdown) + "\n" + sectionText(titled: "Career timeline", in: markdown)
}

/// Whether a line is a numbered suggested question ("3. ...") that ends with a citation mark
/// such as `[3]`, trailing whitespace allowed.
func isCitedNumberedQuestion(_ line: Substring) -> Bool {
    line.wholeMatch(of: /[0-9]+\..*\[[0-9]+\]\s*/) != nil
}

/// How many numbered suggested questions of a dossier end with a citation mark, and how many
/// numbered questions there are.
func citedQuestionCount(in markdown: String) -> (cited: Int, numbered: Int) {
    let numbered = sectionText(titled: "Suggested questions", in: markdown).split(separator: "\n")
        .filter { $0.wholeMatch(of: /[0-9]+\..*/) != nil }
    return (numbered.filter(isCitedNumberedQuestion).count, numbered.count)
}

/// A paper size the dossier is measured on: its name and its CSS `@page` size value.
struct Paper {
    var name: String
    var cssSize: String
}

/// The paper sizes of `max_pages`.
let measuredPapers = [Paper(name: "A4", cssSize: "A4"), Paper(name: "Letter", cssSize: "letter")]

/// A copy of the HTML with the value of every `@page{size:...;` rule replaced by `cssSize`; nil
/// when it has no such rule (it would print on Chromium's default paper whatever the size asked).
func paperSizedCopy(of html: String, cssSize: String) -> String? {
    let rule = /@page\{size:[^;}]*;/
    guard html.contains(rule) else { return nil }
    return html.replacing(rule, with: "@page{size:\(cssSize);")
}

/// The first executable of these names in the folders of a `PATH`-like search path.
func executable(named names: [String], onSearchPath searchPath: String) -> String? {
    let folders = searchPath.split(separator: ":").filter { $0.hasPrefix("/") }
    for name in names {
        for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
    }
    return nil
}

/// The page count on the `Pages:` line of pdfinfo's output.
func pageCount(inPDFInfo output: String) -> Int? {
    output.split(separator: "\n").lazy
        .compactMap { $0.wholeMatch(of: /Pages:\s*([0-9]+)\s*/).flatMap { Int($0.1) } }
        .first
}

/// Runs a program with its standard output and error going to `log`, stopping it after
/// `timeLimit` seconds; returns its exit status (nil when it was stopped) and what it printed.
func runLogged(_ executable: String, _ arguments: [String], environment: [String: String], log: URL,
               timeLimit: TimeInterval) throws -> (status: Int32?, output: String) {
    try Data().write(to: log)
    let logHandle = try FileHandle(forWritingTo: log)
    defer { try? logHandle.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = logHandle
    process.standardError = logHandle
    try process.run()
    let deadline = Date().addingTimeInterval(timeLimit)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    let stopped = process.isRunning
    if stopped { process.terminate() }
    process.waitUntilExit()
    let output = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
    return (stopped ? nil : process.terminationStatus, output)
}

/// Headless Chromium and pdfinfo, which print a dossier and count its pages.
struct PagePrinter {
    var chromium: String
    var pdfinfo: String

    /// Program names tried for Chromium, in the order the app's PDFRenderer tries them.
    static let chromiumNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The printer whose programs are on the search path, or why there is none.
    static func find(onSearchPath searchPath: String) -> Result<PagePrinter, BenchError> {
        let chromium = executable(named: chromiumNames, onSearchPath: searchPath)
        let pdfinfo = executable(named: ["pdfinfo"], onSearchPath: searchPath)
        if let chromium, let pdfinfo { return .success(PagePrinter(chromium: chromium, pdfinfo: pdfinfo)) }
        let missing = [chromium == nil ? "Chromium (\(chromiumNames.joined(separator: ", ")))" : nil,
                       pdfinfo == nil ? "pdfinfo (poppler-utils)" : nil].compactMap { $0 }
        return .failure(.failed("pages not measured: \(missing.joined(separator: " and ")) not found on PATH"))
    }

    /// The number of pages of `html` printed on `paper`. The copy that is printed and its PDF
    /// are written to `folder` as dossier-<paper>.html and .pdf; Chromium runs with the app's
    /// flags and a throwaway profile folder, which is removed afterwards.
    func pages(of html: String, on paper: Paper, in folder: URL) throws -> Int {
        guard let copy = paperSizedCopy(of: html, cssSize: paper.cssSize) else {
            throw BenchError.failed("dossier.html has no @page{size:...;} rule to set the paper size")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("dossier-\(paper.name).html")
        let output = folder.appendingPathComponent("dossier-\(paper.name).pdf")
        let profile = folder.appendingPathComponent("profile-\(paper.name)", isDirectory: true)
        try? FileManager.default.removeItem(at: output)
        try? FileManager.default.removeItem(at: profile)
        defer { try? FileManager.default.removeItem(at: profile) }
        try Data(copy.utf8).write(to: input)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = profile.path
        environment["XDG_CACHE_HOME"] = profile.path
        let printed = try runLogged(chromium, [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-pdf-header-footer", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--mute-audio",
            "--user-data-dir=\(profile.path)", "--print-to-pdf=\(output.path)", input.absoluteString,
        ], environment: environment, log: folder.appendingPathComponent("chromium-\(paper.name).log"), timeLimit: 120)
        guard printed.status == 0, FileManager.default.fileExists(atPath: output.path) else {
            let tail = printed.output.split(separator: "\n").suffix(3).joined(separator: " | ")
            throw BenchError.failed("\(chromium) did not print \(input.path) (status \(printed.status.map(String.init) ?? "stopped")): \(tail)")
        }
        let info = try runLogged(pdfinfo, [output.path], environment: environment,
                                 log: folder.appendingPathComponent("pdfinfo-\(paper.name).log"), timeLimit: 30)
        guard info.status == 0, let pages = pageCount(inPDFInfo: info.output) else {
            throw BenchError.failed("pdfinfo could not read \(output.path): \(info.output)")
        }
        return pages
    }
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
    let printer = PagePrinter.find(onSearchPath: ProcessInfo.processInfo.environment["PATH"] ?? "")

    let (server, base) = try startServer("/usr/bin/env", ["python3", miniweb, "--port", "0", web])
    defer { kill(server.processIdentifier, SIGKILL) }
    let work = keep.map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("dossier-score-\(getpid())")
    defer { if keep == nil { try? FileManager.default.removeItem(at: work) } }

    var totalFacts = 0
    var totalCaptured = 0
    var totalCareerFacts = 0
    var totalCareerOnTop = 0
    var fewestCitedQuestions: Int?
    var maxPages = 0
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
        let markdown = try String(contentsOf: markdownURL, encoding: .utf8)
        let (body, sourceURLs) = splitDossier(markdown)
        let normalisedBody = normalisedForMatching(body)
        let normalisedCareerText = normalisedForMatching(careerSectionsText(of: markdown))
        let bodyWords = body.split(whereSeparator: \.isWhitespace).count
        maxBodyWords = max(maxBodyWords, bodyWords)
        let captured = facts.facts.filter { holdsFact($0, in: normalisedBody) }
        let careerFacts = facts.facts.filter { careerFactKinds.contains($0.kind) }
        let careerOnTop = careerFacts.filter { holdsFact($0, in: normalisedCareerText) }
        let questions = citedQuestionCount(in: markdown)
        fewestCitedQuestions = min(fewestCitedQuestions ?? questions.cited, questions.cited)
        var pagesByPaper: [String] = []
        if case .success(let printer) = printer {
            let html = try String(contentsOf: try findFile(named: "dossier.html", under: home.appendingPathComponent("output")), encoding: .utf8)
            for paper in measuredPapers {
                let pages = try printer.pages(of: html, on: paper, in: home.appendingPathComponent("print"))
                maxPages = max(maxPages, pages)
                pagesByPaper.append("\(paper.name) \(pages)")
            }
        }
        print("\n\(facts.person) (\(facts.company)): \(captured.count)/\(facts.facts.count) facts, \(bodyWords) body words, "
              + "\(careerOnTop.count)/\(careerFacts.count) career facts at a glance or in the timeline, "
              + "\(questions.cited)/\(questions.numbered) numbered questions cited, "
              + (pagesByPaper.isEmpty ? "pages not measured" : "pages " + pagesByPaper.joined(separator: ", ")))
        for fact in facts.facts {
            let mark = holdsFact(fact, in: normalisedBody) ? "yes" : " no"
            let top = careerFactKinds.contains(fact.kind) ? (holdsFact(fact, in: normalisedCareerText) ? "  (top: yes)" : "  (top: no)") : ""
            print("  \(mark)  \(fact.kind.padding(toLength: 9, withPad: " ", startingAt: 0)) \(fact.keywords.joined(separator: " + "))\(top)")
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
        totalCareerFacts += careerFacts.count
        totalCareerOnTop += careerOnTop.count
    }
    print("\nquestions naming a fact without a citation that holds it: \(badCitations)")
    if case .failure(let why) = printer { print(why) }
    let pagesField = if case .success = printer { String(maxPages) } else { "na" }
    print("score-dossier people=\(files.count) facts=\(totalFacts) captured=\(totalCaptured)"
          + String(format: " recall=%.2f career_top=%.2f", Double(totalCaptured) / Double(max(totalFacts, 1)),
                   Double(totalCareerOnTop) / Double(max(totalCareerFacts, 1)))
          + " grounded_min=\(fewestCitedQuestions ?? 0) max_pages=\(pagesField) max_body_words=\(maxBodyWords)")
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
