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
