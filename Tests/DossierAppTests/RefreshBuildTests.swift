@testable import DossierApp
import DossierCore
import DossierExtract
import DossierSchedule
import DossierSettings
import DossierStore
import DossierTestSupport
import Foundation
import Logging
import LoopbackServer
import Synchronization
import Testing

/// The demo web served with validators, so that a second build is a refresh: every stored page
/// answers 304. `failing` makes every request fail with 503, as an outage would; `storming` gives
/// the page requests the faults of ``Fault`` in turn (robots.txt is served as usual, so that each
/// fault reaches a page rather than turning into a robots.txt verdict).
final class ConditionalDemoWeb: Sendable {
    /// The faults of a storm, and what the fetcher should record for each.
    enum Fault: Int, CaseIterable, Sendable {
        case unavailable, serverError, tooManyRequests, reset, slow

        var plan: ResponsePlan {
            switch self {
            case .unavailable: .retryLater(status: 503, retryAfter: "1")
            case .serverError: ResponsePlan(status: 500)
            case .tooManyRequests: .retryLater(status: 429, retryAfter: "1")
            case .reset: ResponsePlan.ok(String(repeating: "<p>partial</p>", count: 100)).interrupted(by: .reset(afterBodyBytes: 200))
            case .slow: ResponsePlan.ok("<p>late</p>").delayingFirstByte(by: .seconds(3))
            }
        }
    }

    /// What the server counts, and whether it fails.
    final class State: Sendable {
        let failing = Atomic<Bool>(false)
        let storming = Atomic<Bool>(false)
        let stormRequests = Atomic<Int>(0)
        let conditionalRequests = Atomic<Int>(0)
        let notModified = Atomic<Int>(0)
    }

    let server: LoopbackServer
    let state = State()

    init() throws {
        let stamp = Date(timeIntervalSince1970: 1_780_000_000)
        let state = self.state
        server = try LoopbackServer { request in
            if state.failing.load(ordering: .relaxed) { return ResponsePlan(status: 503) }
            if state.storming.load(ordering: .relaxed), !request.path.hasSuffix("/robots.txt") {
                let turn = state.stormRequests.add(1, ordering: .relaxed).oldValue
                return Fault.allCases[turn % Fault.allCases.count].plan
            }
            guard let page = DemoSite.page(forTarget: request.target) else { return .notFound }
            let conditional = ConditionalPage(body: .text(page.body), contentType: page.contentType,
                                              etag: "\"\(page.body.utf8.count)\"", lastModified: stamp)
            let plan = conditional.response(to: request)
            if !request.headers.values(for: "If-None-Match").isEmpty {
                state.conditionalRequests.add(1, ordering: .relaxed)
                if plan.status == 304 { state.notModified.add(1, ordering: .relaxed) }
            }
            return plan
        }
    }

    func stop() { server.stop() }
}

@Suite("refresh")
struct RefreshBuildTests {
    private func pipeline(_ web: ConditionalDemoWeb, home: URL, now: @escaping @Sendable () -> Date = Date.init,
                          timeout: TimeInterval = 60) -> BuildPipeline {
        var config = DemoSite.config(serverBase: web.server.baseURL)
        config.network.retries = 0
        config.network.timeout = timeout
        return BuildPipeline(
            config: config, paths: DossierPaths(environment: ["DOSSIER_HOME": home.path]),
            shippedSources: SharedWorkspace.repository.appendingPathComponent("Sources.d"), environment: [:],
            logger: Logger(label: "test"), now: now
        )
    }

    private func stamps(_ files: [String]) throws -> [String] {
        try files.map { file in
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            return "\(SHA256.hexDigest(of: data)) \((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        }
    }

    @Test("with nothing changed upstream, stored pages are asked conditionally, all answer 304, and the files keep bytes and times")
    func unchanged() async throws {
        let web = try ConditionalDemoWeb()
        defer { web.stop() }
        let homeFolder = try TemporaryFolder("refresh")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let request = BuildRequest(subject: DemoSite.subject, outputRoot: home.appendingPathComponent("out"))
        let first = try await pipeline(web, home: home).run(request)
        #expect(first.dossier == .new)
        let before = try stamps(first.files)
        #expect(web.state.conditionalRequests.load(ordering: .relaxed) == 0)

        let later = Date().addingTimeInterval(3_600)
        let second = try await pipeline(web, home: home, now: { later }).run(request)
        #expect(second.dossier == .unchanged)
        #expect(try stamps(second.files) == before)
        let asked = web.state.conditionalRequests.load(ordering: .relaxed)
        #expect(asked > 0)
        #expect(web.state.notModified.load(ordering: .relaxed) == asked)
        // One per URL asked: a source that reads an answer fetched for another adds an outcome, not a request.
        #expect(Set(second.outcomes.filter { $0.kind == .notModified }.compactMap(\.url)).count == asked)
    }

    @Test("when every request fails, the last good dossier stays and each failure is reported")
    func outage() async throws {
        let web = try ConditionalDemoWeb()
        defer { web.stop() }
        let homeFolder = try TemporaryFolder("outage")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let request = BuildRequest(subject: DemoSite.subject, outputRoot: home.appendingPathComponent("out"))
        let first = try await pipeline(web, home: home).run(request)
        let before = try stamps(first.files)
        let cited = first.sources.map(\.url)

        web.state.failing.store(true, ordering: .relaxed)
        let second = try await pipeline(web, home: home).run(request)
        #expect(try stamps(second.files) == before)
        #expect(second.sources.map(\.url) == cited, "the stored copies still give the same dossier")
        #expect([.unchanged, .keptAfterFailure].contains(second.dossier))
        let failures = second.failures
        #expect(!failures.isEmpty)
        #expect(failures.allSatisfy { $0.status == 503 || $0.category != nil })
        #expect(failures.contains { $0.message?.contains("used the copy stored on") == true })
    }

    @Test("a storm of 503s, 500s, 429s, resets and timeouts during a refresh keeps the last good dossier and reports each failure as what it was")
    func storm() async throws {
        let web = try ConditionalDemoWeb()
        defer { web.stop() }
        let homeFolder = try TemporaryFolder("storm")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let request = BuildRequest(subject: DemoSite.subject, outputRoot: home.appendingPathComponent("out"))
        let first = try await pipeline(web, home: home).run(request)
        let before = try stamps(first.files)

        web.state.storming.store(true, ordering: .relaxed)
        // A transfer may take 1 s: the slow fault (3 s) times out, the others fail at once.
        let second = try await pipeline(web, home: home, timeout: 1).run(request)
        #expect(web.state.stormRequests.load(ordering: .relaxed) >= 2 * ConditionalDemoWeb.Fault.allCases.count)
        #expect(try stamps(second.files) == before)
        #expect(second.sources.map(\.url) == first.sources.map(\.url), "the stored copies still give the same dossier")
        // Each kind of fault is reported as what it was.
        let failures = second.failures
        #expect(failures.allSatisfy { $0.category != nil && $0.message?.isEmpty == false })
        for status in [503, 500, 429] {
            #expect(failures.contains { $0.status == status && $0.category == .httpStatus }, "no \(status) reported")
        }
        #expect(failures.contains { $0.category == .timeout && $0.message?.contains("timed out") == true })
        #expect(failures.contains { $0.category == .connect && $0.message?.contains("reset") == true })
        #expect(failures.contains { $0.message?.contains("used the copy stored on") == true })
    }

    @Test("a meeting dates the dossier's checklist and adds its goal")
    func meetingInDossier() async throws {
        let web = try ConditionalDemoWeb()
        defer { web.stop() }
        let homeFolder = try TemporaryFolder("meeting")
        defer { homeFolder.remove() }
        let home = homeFolder.url
        let paths = DossierPaths(environment: ["DOSSIER_HOME": home.path])
        let store = try DossierStore(directory: paths.dataDirectory)
        let startsAt = Date().addingTimeInterval(3 * 86_400)
        _ = try store.insertMeeting(MeetingRecord(
            personName: DemoSite.person, slug: Slug.make(DemoSite.person), startsAt: startsAt, timeZone: "UTC",
            via: "Ana Costa", goal: "learn how field trials are run", callBy: "2026-11-20", at: Date()))
        try store.close()
        let summary = try await pipeline(web, home: home).run(BuildRequest(subject: DemoSite.subject, outputRoot: home.appendingPathComponent("out")))
        let markdown = try String(contentsOfFile: summary.files[0], encoding: .utf8)
        #expect(markdown.contains("**2026-11-13** Letter of introduction sent, naming Ana Costa."))
        #expect(markdown.contains("**2026-11-20** Called by the date the letter promised."))
        #expect(markdown.contains("my goal learn how field trials are run"))
        #expect(markdown.contains("introduced by Ana Costa"))
    }
}
