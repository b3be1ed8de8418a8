@testable import DossierApp
import DossierCore
import DossierDiscover
import DossierSettings
import DossierStore
import DossierTestSupport
import Foundation
import Logging
import Testing

@Suite("build pipeline")
struct BuildPipelineTests {
    private func pipeline(home: URL, lockTimeout: Duration = .seconds(10)) -> BuildPipeline {
        BuildPipeline(
            config: DossierConfig(), paths: DossierPaths(environment: ["DOSSIER_HOME": home.path]),
            shippedSources: nil, environment: [:], logger: Logger(label: "test"), lockTimeout: lockTimeout
        )
    }

    @Test("a second writer gives up after the bound with an error naming the holder (exit 75)")
    func busyStore() async throws {
        let homeFolder = try TemporaryFolder("lock")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let paths = DossierPaths(environment: ["DOSSIER_HOME": home.path])
        let holder = try await WriterLock.acquire(directory: paths.dataDirectory, command: "dossier refresh")
        let started = ContinuousClock.now
        do {
            _ = try await pipeline(home: home, lockTimeout: .milliseconds(300))
                .run(BuildRequest(subject: Subject(name: "Jane Doe"), outputRoot: home.appendingPathComponent("out"), offline: true))
            Issue.record("the build ran while another process held the store")
        } catch let error as StoreError {
            #expect(AppError(error).status == .tryAgain)
            #expect("\(error)".contains("\(getpid())"))
            #expect("\(error)".contains("dossier refresh"))
            #expect(ContinuousClock.now - started >= .milliseconds(300))
        }
        holder.release()
    }

    @Test("an offline build with an empty store reports that nothing was found and writes no file")
    func offlineWithoutStore() async throws {
        let homeFolder = try TemporaryFolder("offline")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources.d")
        let pipeline = BuildPipeline(
            config: DossierConfig(), paths: DossierPaths(environment: ["DOSSIER_HOME": home.path]),
            shippedSources: shipped, environment: [:], logger: Logger(label: "test")
        )
        let summary = try await pipeline.run(BuildRequest(
            subject: Subject(name: "Jane Doe", company: "Acme"), outputRoot: home.appendingPathComponent("out"), offline: true
        ))
        #expect(summary.foundNothing)
        #expect(!summary.outcomes.isEmpty)
        #expect(summary.outcomes.allSatisfy { $0.kind == .failed && $0.message?.contains("offline") == true })
        #expect(summary.files.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("out/jane-doe").path))
    }
}

@Suite("what a build that found nothing says")
struct FoundNothingMessageTests {
    private func summary(_ outcomes: [SourceOutcome], files: [String] = []) -> BuildSummary {
        BuildSummary(person: "Jane Doe", slug: "jane-doe", files: files, identity: Identity(name: "Jane Doe", wikidataID: nil, description: nil, confidence: 0, evidence: [], wikipediaTitle: nil, domain: nil, github: nil),
                     documents: 0, pagesAboutPerson: 0, sources: [], outcomes: outcomes, sourceFileErrors: [], pdfError: nil,
                     dossier: .keptAfterFailure, changes: nil, extraURLs: [], foundNothing: true)
    }

    @Test("every host name unresolved: the machine seems offline, and the message says so")
    func offline() {
        let failures = ["en.wikipedia.org", "www.wikidata.org"].map {
            SourceOutcome(sourceName: "x", url: "https://\($0)/", kind: .failed, category: .dns, message: "Could not resolve host: \($0)")
        }
        let message = summary(failures, files: ["/out/jane-doe/dossier.md"]).foundNothingMessage
        #expect(message == "found nothing about Jane Doe (2 request(s) failed, 0 page(s) were about someone else); "
            + "no host name could be resolved: is this machine offline?; the last dossier stays as it was: /out/jane-doe")
    }

    @Test("one host answering with an error is no sign of being offline")
    func notOffline() {
        let outcomes = [
            SourceOutcome(sourceName: "x", url: "https://a.example/", kind: .failed, category: .dns, message: "Could not resolve host"),
            SourceOutcome(sourceName: "y", url: "https://b.example/", kind: .failed, category: .httpStatus, message: "HTTP 404", status: 404),
        ]
        #expect(!summary(outcomes).seemsOffline)
        #expect(summary(outcomes).foundNothingMessage.hasSuffix("; no dossier was written"))
    }
}
