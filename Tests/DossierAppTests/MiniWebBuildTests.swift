@testable import DossierApp
@testable import DossierCore
import DossierDiscover
import DossierExtract
import DossierSchedule
import DossierSettings
import DossierTestSupport
import Foundation
import Logging
import Testing

/// The mini web on loopback, through `../shared/tools/miniweb`.
final class MiniWeb {
    let process = Process()
    let base: String

    init() throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", SharedWorkspace.shared.appendingPathComponent("tools/miniweb").path, "--port", "0", SharedWorkspace.web.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let range = text.range(of: "http://127.0.0.1:") else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "miniweb did not start: \(text)"])
        }
        base = String(text[range.lowerBound...])
    }

    /// A pipeline whose every request goes to this mini web (its SearXNG answer included, no
    /// politeness delay, four transfers at once: the server's listen queue is small), with a
    /// store and output under `home`.
    func pipeline(home: URL, environment: [String: String] = [:]) -> BuildPipeline {
        let config = DossierConfig(
            network: NetworkSettings(maxConcurrency: 4, perHostDelay: 0, respectsSourceRates: false),
            rewrites: [RewriteRule(from: "https://", to: base + "/"), RewriteRule(from: "http://", to: base + "/")],
            search: SearchSettings(searxngURL: "https://searx.test")
        )
        return BuildPipeline(
            config: config, paths: DossierPaths(environment: ["DOSSIER_HOME": home.path]),
            shippedSources: SharedWorkspace.repository.appendingPathComponent("Sources.d"), environment: environment,
            logger: Logger(label: "test")
        )
    }

    /// Stops the server with SIGKILL (the test runner may pass SIGTERM on as ignored);
    /// Foundation reaps it. Not `waitUntilExit`, which spins a run loop that can hang
    /// under Swift concurrency.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
    }
}

@Suite("dossier build against the mini web", .serialized, .enabled(if: SharedWorkspace.isAvailable, "../shared/corpus/web is absent"))
struct MiniWebBuildTests {
    struct Manifest: Decodable {
        var url: String
        var file: String
        var kind: String
        var bundle: String
    }

    struct Facts: Decodable {
        struct Fact: Decodable { var source: String }
        var person: String
        var company: String
        var facts: [Fact]
    }

    static func people() throws -> [String] {
        guard SharedWorkspace.isAvailable else { return [] }
        let folder = SharedWorkspace.web.appendingPathComponent("facts")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test("each person's dossier cites their pages, leaves out distractors and reports the sources that had nothing",
          arguments: try people())
    func build(_ factsFile: String) async throws {
        let facts = try JSONDecoder().decode(Facts.self, from: Data(contentsOf: SharedWorkspace.web.appendingPathComponent("facts/\(factsFile)")))
        let manifest = try JSONDecoder().decode([Manifest].self, from: Data(contentsOf: SharedWorkspace.web.appendingPathComponent("manifest.json")))
        let bundle = String(factsFile.dropLast(".json".count))
        let web = try MiniWeb()
        defer { web.stop() }
        let homeFolder = try TemporaryFolder("e2e")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let pipeline = web.pipeline(home: home)
        let summary = try await pipeline.run(BuildRequest(
            subject: Subject(name: facts.person, company: facts.company), outputRoot: home.appendingPathComponent("output")
        ))

        let cited = Set(summary.sources.map(\.url))
        let factPages = Set(facts.facts.compactMap { fact in manifest.first { $0.file == fact.source }?.url })
        #expect(!cited.isDisjoint(with: factPages), "cites none of \(factPages); cites \(cited)")
        let distractors = manifest.filter { $0.bundle == bundle && $0.kind.contains("distractor") }.map(\.url)
        for distractor in distractors {
            #expect(!cited.contains(distractor), "cites the distractor \(distractor)")
        }
        let notFound = summary.outcomes.filter { $0.kind == .failed && $0.status == 404 }
        #expect(!notFound.isEmpty, "no source reported a 404")
        #expect(summary.files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        let markdown = try String(contentsOfFile: summary.files[0], encoding: .utf8)
        #expect(markdown.contains("## Sources"))
        // What had nothing is in the report and on screen, not in print.
        #expect(!markdown.contains("HTTP 404"))
        let html = try String(contentsOfFile: summary.files[1], encoding: .utf8)
        #expect(html.contains("<div class=\"screen-only\">\n<h3>Failed sources</h3>"))
        #expect(html.contains("HTTP 404"))

        try Self.lintQuestionsAndCare(markdown: markdown, sources: summary.sources.map { $0.title ?? "" })

        // Offline, the same dossier comes from the store alone.
        web.stop()
        let offline = try await pipeline.run(BuildRequest(
            subject: Subject(name: facts.person, company: facts.company), outputRoot: home.appendingPathComponent("offline"),
            offline: true
        ))
        #expect(offline.sources.map(\.url) == summary.sources.map(\.url))
    }

    /// Every generated question: a question, no empty or unfilled slot, no page title (a
    /// headline) quoted in it, no duration in place of a name, none twice, none on a sensitive
    /// topic. Outside their own words, nothing in the body touches a sensitive topic.
    static func lintQuestionsAndCare(markdown: String, sources titles: [String]) throws {
        let body = String(markdown[..<(markdown.range(of: "\n## Sources")?.lowerBound ?? markdown.endIndex)])
        let section = try #require(body.range(of: "## Suggested questions\n"))
        let questions = body[section.upperBound...].split(separator: "\n").prefix { !$0.hasPrefix("## ") }
            .filter { $0.first?.isNumber == true }
            .map { $0.drop { $0 != " " }.dropFirst().replacing(/\[[0-9]+\]$/, with: "") }
        #expect(questions.count >= 8)
        #expect(Set(questions).count == questions.count, "a question twice")
        for question in questions {
            let text = String(question)
            #expect(text.hasSuffix("?"), "not a question: \(text)")
            #expect(!text.contains("{") && !text.contains("}") && !text.contains("“”") && !text.contains("  "), "slot left: \(text)")
            #expect(!Sensitivity.touches(text), "sensitive: \(text)")
            #expect(text.range(of: #"\b(for|in|about) (the )?[a-z]+ (years|months|decades)\b"#, options: .regularExpression) == nil
                        || text.contains("for about"), "a duration in a slot: \(text)")
            for title in titles where title.split(separator: " ").count >= 4 {
                #expect(!text.contains(title), "a headline in a question: \(text)")
            }
        }
        // The body's sensitive words are only in the care notes or the person's own words.
        let lines = body.split(separator: "\n")
        var inOwnWords = false
        var inCare = false
        for line in lines {
            if line.hasPrefix("## ") {
                inOwnWords = line == "## In their own words"
                inCare = line == "## Be careful"
                continue
            }
            guard !inOwnWords, !inCare, line.hasPrefix("- ") else { continue }
            #expect(!Sensitivity.touches(String(line)), "sensitive outside their words: \(line)")
        }
    }
}
