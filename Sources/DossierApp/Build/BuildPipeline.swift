import DossierCore
import DossierDiscover
import DossierFetch
import DossierSettings
import DossierStore
import Foundation
import Logging

/// What `dossier build` was asked to do.
public struct BuildRequest: Sendable {
    public var subject: Subject
    /// The folder that receives `<slug>/dossier.<format>`.
    public var outputRoot: URL
    /// The formats to write (`OutputFormat.defaults` unless told otherwise).
    public var formats: [OutputFormat]
    /// Rebuild from the store, without network.
    public var offline: Bool
    /// `--sources DIR`: source files read after the shipped and the user's.
    public var extraSourcesDirectory: URL?
    /// The meeting the dossier prepares, when one is stored.
    public var meeting: MeetingContext?
    /// Pages named with `--url` before that are no longer to be read (`--remove-url`).
    public var removedURLs: [String]
    /// The paper to lay the dossier out for (`--paper`); nil for the configured or the locale's.
    public var paper: PaperSize?

    public init(subject: Subject, outputRoot: URL, formats: [OutputFormat] = OutputFormat.defaults, offline: Bool = false,
                extraSourcesDirectory: URL? = nil, meeting: MeetingContext? = nil, removedURLs: [String] = [],
                paper: PaperSize? = nil) {
        self.paper = paper
        self.subject = subject
        self.outputRoot = outputRoot
        self.formats = formats
        self.offline = offline
        self.extraSourcesDirectory = extraSourcesDirectory
        self.meeting = meeting
        self.removedURLs = removedURLs
    }
}

/// What a build produced: the files, the identity chosen, and what each source came to.
public struct BuildSummary: Sendable, Codable {
    public var person: String
    public var slug: String
    public var files: [String]
    public var identity: Identity
    public var documents: Int
    /// How many of the documents are about the person (the others are about the company).
    public var pagesAboutPerson: Int
    /// The numbered sources the dossier cites.
    public var sources: [CitedSource]
    public var outcomes: [SourceOutcome]
    /// Source files that could not be loaded, as `FILE:LINE: message`.
    public var sourceFileErrors: [String]
    /// Why the PDF asked for was not written (the other files were).
    public var pdfError: String?
    /// What became of the dossier's files.
    public var dossier: DossierOutcome
    /// What the dossier has that the one before it did not.
    public var changes: DossierChanges?

    /// The pages named with `--url` that the dossier is made from: those of this build and
    /// those of earlier ones, until removed with `--remove-url`.
    public var extraURLs: [String]

    /// What a build did with the dossier.
    public enum DossierOutcome: String, Sendable, Codable {
        /// The first dossier of this person.
        case new
        /// Written anew: it says something the last one did not.
        case updated
        /// Nothing changed: the files were left as they were.
        case unchanged
        /// Nothing about the person was found: no file was written, the last good dossier (if
        /// any) stays as it was.
        case keptAfterFailure = "kept_after_failure"
    }

    /// True when no page and no fact about the person was found (every request failed, or
    /// what answered was about someone else): exit 69, and no file was written.
    public var foundNothing: Bool

    public var failures: [SourceOutcome] { outcomes.filter { $0.kind == .failed } }

    /// Whether every request failed to resolve its host name: the machine seems to be offline.
    public var seemsOffline: Bool {
        !failures.isEmpty && failures.allSatisfy { $0.category == .dns }
    }

    /// What a build that found nothing tells the user: how many requests failed and how many
    /// pages were about someone else, whether the machine seems offline, and what became of the
    /// files.
    public var foundNothingMessage: String {
        let skipped = outcomes.filter { $0.kind == .skipped }.count
        var message = "found nothing about \(person) (\(failures.count) request(s) failed, \(skipped) page(s) were about someone else)"
        if seemsOffline { message += "; no host name could be resolved: is this machine offline?" }
        return message + "; " + (files.isEmpty ? "no dossier was written"
            : "the last dossier stays as it was: \(URL(fileURLWithPath: files[0]).deletingLastPathComponent().path)")
    }
}

/// The main job: discover → fetch → extract → store → summarize → render, under the
/// store's writer lock, with every source's outcome recorded in the store.
public struct BuildPipeline: Sendable {
    let config: DossierConfig
    let paths: DossierPaths
    let shippedSources: URL?
    let environment: [String: String]
    let logger: Logger
    let progress: @Sendable (String) -> Void
    let now: @Sendable () -> Date
    /// How long a build waits for another writer before giving up (`StoreError.busy`, exit 75).
    let lockTimeout: Duration
    /// The fetcher's waits and the clock its per-host spacing is measured on; real time when nil.
    /// Tests record the waits a source's rate asks for instead of spending them.
    var timing: (sleep: @Sendable (Duration) async throws -> Void, clock: @Sendable () -> ContinuousClock.Instant)?

    public init(
        config: DossierConfig, paths: DossierPaths, shippedSources: URL?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger, progress: @escaping @Sendable (String) -> Void = { _ in },
        now: @escaping @Sendable () -> Date = Date.init,
        lockTimeout: Duration = .seconds(10)
    ) {
        self.lockTimeout = lockTimeout
        self.config = config
        self.paths = paths
        self.shippedSources = shippedSources
        self.environment = environment
        self.logger = logger
        self.progress = progress
        self.now = now
    }

    public func run(_ request: BuildRequest) async throws -> BuildSummary {
        let loaded = SourceCatalog.load(
            shippedDirectory: shippedSources, userDirectory: SourceCatalog.userDirectory(paths: paths),
            extraDirectory: request.extraSourcesDirectory, environment: environment, search: config.search
        )
        let banks = try BankFiles.load(besideSources: shippedSources, paths: paths)
        let lock = try await WriterLock.acquire(directory: paths.dataDirectory, waitingUpTo: lockTimeout)
        let result: Result<BuildSummary, any Error>
        do {
            result = .success(try await build(request, catalog: loaded, banks: banks))
        } catch {
            result = .failure(error)
        }
        lock.release()
        return try result.get()
    }

    /// The build itself, run while holding the writer lock. A build that fails after it
    /// started is marked failed in the store, and the store is closed either way.
    private func build(_ request: BuildRequest, catalog loaded: LoadedSourceCatalog, banks: SummaryBanks) async throws -> BuildSummary {
        let store = try DossierStore(directory: paths.dataDirectory)
        var buildID: Int64?
        do {
            let summary = try await build(request, catalog: loaded, banks: banks, store: store) { buildID = $0 }
            try store.close()
            return summary
        } catch {
            // The build's own error is the one reported; marking the build failed and closing
            // the store may fail too on a store that is what failed, and are only logged.
            do {
                if let buildID { try store.finishBuild(id: buildID, status: .failed, at: now()) }
            } catch let cleanup {
                logger.warning("could not mark the build failed: \(cleanup)")
            }
            do {
                try store.close()
            } catch let cleanup {
                logger.warning("could not close the store after a failed build: \(cleanup)")
            }
            throw error
        }
    }

    private func build(
        _ request: BuildRequest, catalog loaded: LoadedSourceCatalog, banks: SummaryBanks, store: DossierStore,
        started report: (Int64) -> Void
    ) async throws -> BuildSummary {
        let slug = Slug.make(request.subject.name)
        var subject = try Self.subject(of: request, kept: Self.lastSubject(slug: slug, in: store))
        let started = now()
        // The meeting stored for the person (when the request brings none) fills in the company
        // and its domain the user did not give: an imported invitation's address, say.
        let storedMeeting = request.meeting == nil ? try MeetingContext.current(slug: slug, in: store, at: started) : nil
        if let storedMeeting {
            subject.company = subject.company ?? storedMeeting.company
            subject.domain = subject.domain ?? storedMeeting.domain
        }
        var person = try store.upsertPerson(PersonRecord(
            id: nil, name: subject.name, slug: slug, wikidataID: nil, identityConfidence: nil,
            companyID: nil, domain: subject.domain, at: started
        ))
        let personID = person.id!
        let build = try store.startBuild(personID: personID, optionsJSON: Self.optionsJSON(subject), at: started)
        report(build.id!)
        progress(request.offline ? "building \(subject.name) from the store" : "discovering \(subject.name)")

        let discovery: DiscoveryResult
        if request.offline {
            discovery = try await makeDiscovery(loaded.catalog, pages: StoredPages(store: store), archive: nil)
                .run(subject)
        } else {
            var policy = FetchPolicy(config: config)
            if let timing {
                policy.sleep = timing.sleep
                policy.clock = timing.clock
            }
            let robots = StoredRobots(store: store)
            policy.robotsMemory = robots
            discovery = try await CurlMultiEngine.run(maximumConnections: policy.maximumConcurrency) { engine in
                let pages = LivePages(fetcher: Fetcher(engine: engine, policy: policy, logger: logger), store: store)
                return try await makeDiscovery(loaded.catalog, pages: pages, archive: StoreArchive(store: store)).run(subject)
            }
            try robots.throwFirstError()
        }

        try store.recordOutcomes(discovery.outcomes.map { outcome in
            SourceOutcomeRecord(
                id: nil, buildID: build.id!, sourceName: outcome.sourceName, url: outcome.url,
                outcome: SourceOutcomeRecord.Outcome(outcome.kind), errorCategory: outcome.category?.rawValue,
                message: outcome.message, httpStatus: outcome.status, elapsedSeconds: outcome.seconds, contentHash: nil
            )
        })
        try store.linkPages(discovery.documents.enumerated().compactMap { rank, document in
            guard try store.pageHead(url: document.url) != nil else { return nil }
            return PersonPageRecord(personID: personID, pageURL: document.url,
                                    relevance: document.trust / Double(rank + 1), reason: document.sourceName)
        })
        person.wikidataID = discovery.identity.wikidataID
        person.identityConfidence = discovery.identity.confidence
        if let companyName = discovery.company.name {
            let company = try store.upsertCompany(CompanyRecord(
                id: nil, name: companyName, domain: discovery.company.domain, wikidataID: discovery.company.wikidataID))
            person.companyID = company.id
        }
        _ = try store.upsertPerson(person)

        let meeting = request.meeting ?? storedMeeting.map(MeetingContext.init)
        let stored = try store.dossierVersion(personID: personID)
        // A stored dossier this version cannot read (an older layout) counts as none: the
        // build writes a new one rather than failing for a file it is about to replace.
        let previous = stored.flatMap { try? JSONRenderer.decode(Data($0.json.utf8)) }
        let inputs = SummaryInputs.fingerprint(discovery: discovery, subject: subject, meeting: meeting, profile: config.me,
                                               banks: banks, at: started)
        let foundNothing = discovery.foundNothing
        // Nothing about the person: no file is written or touched, whatever the store or the
        // folder holds (an empty dossier must never replace a good one, nor be made at all).
        if foundNothing {
            try store.finishBuild(id: build.id!, status: .failed, at: now())
            let folder = request.outputRoot.appendingPathComponent(slug, isDirectory: true)
            let existing = OutputFormat.allCases.filter(request.formats.contains).map { folder.appendingPathComponent($0.fileName).path }
                .filter { FileManager.default.fileExists(atPath: $0) }
            return BuildSummary(
                person: subject.name, slug: slug, files: existing, identity: discovery.identity,
                documents: discovery.documents.count, pagesAboutPerson: 0, sources: previous?.sources ?? [],
                outcomes: discovery.outcomes, sourceFileErrors: loaded.errors.map(\.description), pdfError: nil,
                dossier: .keptAfterFailure, changes: nil, extraURLs: subject.extraURLs, foundNothing: true
            )
        }
        // The last good dossier stays when nothing changed: its files keep their bytes and
        // modification times. Equal inputs need no summary at all.
        var dossier: Dossier
        let outcome: BuildSummary.DossierOutcome
        if let previous, stored?.inputsHash == inputs {
            dossier = previous
            outcome = .unchanged
        } else {
            progress("summarizing \(discovery.documents.count) pages")
            dossier = DossierSummarizer(banks: banks, profile: config.me, meeting: meeting)
                .summarize(discovery, subject: subject, generatedAt: now(), previous: previous)
            if let previous, DossierSummarizer.sameContent(previous, dossier) {
                dossier = previous
                outcome = .unchanged
            } else {
                outcome = previous == nil ? .new : .updated
            }
        }
        let version = try outcome == .new || outcome == .updated || (outcome == .unchanged && stored?.inputsHash != inputs)
            ? DossierVersionRecord(personID: personID, json: String(decoding: JSONRenderer.render(dossier), as: UTF8.self),
                                   generatedAt: dossier.generatedAt, inputsHash: inputs)
            : nil
        // The files are written beside their targets first; the build and the dossier are
        // stored in one transaction; only then are the files renamed into place. A full disk
        // at any step leaves the previous dossier and the store as they were.
        let written: DossierFiles.Written
        var committed = false
        do {
            written = try await DossierFiles.write(
                dossier, formats: request.formats, to: request.outputRoot.appendingPathComponent(slug, isDirectory: true),
                paper: request.paper ?? config.paper(environment: environment),
                pdf: PDFRenderer(environment: environment), keepingExisting: outcome == .unchanged
            ) {
                try store.finishBuild(id: build.id!, status: .succeeded, at: now(), dossier: version)
                committed = true
            }
        } catch {
            // Stored but not in place: the stored dossier goes back to the one the files show,
            // so the next run writes them again rather than finding nothing changed. The write's
            // error is the one reported; an undo that fails too is logged.
            if committed, version != nil {
                do {
                    try store.restoreDossierVersion(personID: personID, to: stored)
                } catch let undo {
                    logger.warning("could not restore the stored dossier after a failed write: \(undo)")
                }
            }
            throw error
        }

        // A page the user named that the dossier does not cite is reported as skipped.
        let cited = Set(dossier.sources.map(\.url))
        let unused = subject.extraURLs.filter { !cited.contains($0) }.map { url in
            SourceOutcome(sourceName: Self.userPagesSourceName, url: url, kind: .skipped,
                          message: "named with --url, but nothing in it made the dossier")
        }
        let summary = BuildSummary(
            person: subject.name, slug: slug, files: written.files, identity: discovery.identity,
            documents: discovery.documents.count, pagesAboutPerson: discovery.pagesAboutPerson, sources: dossier.sources,
            outcomes: discovery.outcomes + unused, sourceFileErrors: loaded.errors.map(\.description),
            pdfError: written.pdfError.map { "\($0)" }, dossier: outcome, changes: dossier.changes, extraURLs: subject.extraURLs,
            foundNothing: false
        )
        return summary
    }

    /// The name under which pages named with `--url` are reported.
    static let userPagesSourceName = "user-url"

    /// The subject a build asked for, with the pages named with `--url` by earlier builds kept
    /// (those removed with `--remove-url` left out); removing one that is not kept is a usage error.
    static func subject(of request: BuildRequest, kept: Subject?) throws -> Subject {
        var subject = request.subject
        let earlier = kept?.extraURLs ?? []
        for url in request.removedURLs where !earlier.contains(url) && !subject.extraURLs.contains(url) {
            throw AppError(.usage, "--remove-url \(url): not among the pages kept for \(subject.name)"
                + (earlier.isEmpty ? " (none are)" : ": " + earlier.joined(separator: ", ")))
        }
        var urls: [String] = []
        for url in earlier + subject.extraURLs where !urls.contains(url) && !request.removedURLs.contains(url) { urls.append(url) }
        subject.extraURLs = urls
        return subject
    }

    /// The subject of the person's last build (with the pages named with `--url` then), if any.
    public static func lastSubject(slug: String, in store: DossierStore) throws -> Subject? {
        guard let person = try store.person(slug: slug), let build = try store.latestBuild(ofPerson: person.id!) else { return nil }
        return try? JSONDecoder().decode(Subject.self, from: Data(build.build.optionsJSON.utf8))
    }

    private func makeDiscovery(_ catalog: SourceCatalog, pages: any PageSource, archive: (any PageArchive)?) -> Discovery {
        Discovery(catalog: catalog, pages: pages, archive: archive, searxng: config.search.searxngURL,
                  environment: environment, now: now, progress: progress)
    }

    /// The subject a build ran with, as stored with it: the next build keeps its `--url` pages.
    private static func optionsJSON(_ subject: Subject) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(subject)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension SourceOutcomeRecord.Outcome {
    init(_ kind: SourceOutcome.Kind) {
        switch kind {
        case .fetched: self = .fetched
        case .notModified: self = .notModified
        case .failed: self = .failed
        case .skipped: self = .skipped
        }
    }
}
