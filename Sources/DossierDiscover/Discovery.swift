import DossierExtract
import DossierFetch
import DossierCore
import Foundation

/// Turns a subject into documents and facts by asking the enabled sources of the catalog
/// in rounds: each round runs every source whose template values are now known (a
/// Wikidata id found by a search lets the entity source run next round), and reads the
/// pages the previous round pointed at. Every request ends in a `SourceOutcome`.
public struct Discovery: Sendable {
    let catalog: SourceCatalog
    let pages: any PageSource
    /// Where fetched answers are kept; nil keeps nothing (offline, from the store itself).
    let archive: (any PageArchive)?
    let searxng: String?
    let environment: [String: String]
    let now: @Sendable () -> Date
    let progress: @Sendable (String) -> Void

    /// The pseudo-source of the pages the user named with `--url`.
    static let userPages = SourceDefinition(
        name: "user-url", about: .person, kind: .page, input: .text(""), reader: .htmlArticle, robots: .obey, trust: 0.8,
        minimumInterval: 0, isEnabled: true, requires: [], keyEnvironmentVariable: nil, headers: [], maxResults: nil,
        description: "a page named with --url", subject: nil, follow: [], claims: [], qualifiers: []
    )

    /// The most rounds a build makes; each round waits for the one before.
    static let maximumRounds = 6

    public init(
        catalog: SourceCatalog, pages: any PageSource, archive: (any PageArchive)?, searxng: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        now: @escaping @Sendable () -> Date = Date.init,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.catalog = catalog
        self.pages = pages
        self.archive = archive
        self.searxng = searxng
        self.environment = environment
        self.now = now
        self.progress = progress
    }

    /// Runs every round; throws only what the archive throws (a source's failure is an outcome).
    public func run(_ subject: Subject) async throws -> DiscoveryResult {
        var state = DiscoveryState(subject: subject)
        for url in subject.extraURLs {
            state.queue(PlannedRequest(url: url, source: Self.userPages, role: .page))
        }
        var ran = Set<String>()
        for round in 1...Self.maximumRounds {
            var batch: [PlannedRequest] = []
            for entry in catalog.enabledEntries where !ran.contains(entry.definition.name) {
                let definition = entry.definition
                guard let values = templateValues(for: definition, in: state) else { continue }
                ran.insert(definition.name)
                switch definition.input {
                case .url(let template):
                    var queries = [values]
                    if definition.kind == .search, definition.about == .person, template.placeholders.contains(.query) {
                        queries += state.personQueries(values, searchingTheWeb: definition.reader.searchesTheWeb)
                    }
                    let headers = definition.expandedHeaders(values)
                    for query in queries {
                        if let url = template.expand(query) {
                            batch.append(PlannedRequest(url: url, source: definition, role: .source, headers: headers))
                        }
                    }
                case .text(let text):
                    state.addDocument(text: text, url: "manual:\(definition.name)", title: definition.description,
                                      source: definition, fetchedAt: now())
                case .file(let file):
                    let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
                    state.addDocument(text: text, url: file.absoluteString, title: file.lastPathComponent,
                                      source: definition, fetchedAt: now())
                }
            }
            batch += state.takeFollowUps()
            // A URL is fetched once per build. A page already read the same way is not read
            // again; another source asking for a fetched URL (the company feed and the company
            // site both start at its homepage) reads the same answer with its own reader.
            var fetching: [PlannedRequest] = []
            var sharing: [PlannedRequest] = []
            for request in batch where state.readings.insert(request.readingKey).inserted {
                if state.requestedURLs.insert(request.url).inserted {
                    fetching.append(request)
                } else {
                    sharing.append(request)
                }
            }
            if fetching.isEmpty && sharing.isEmpty { break }
            if !fetching.isEmpty {
                progress("round \(round): asking \(fetching.count) source\(fetching.count == 1 ? "" : "s")")
            }
            let responses = fetching.isEmpty ? [] : try await pages.pages(fetching.map(\.fetchRequest))
            for (request, response) in zip(fetching, responses) {
                state.answers[request.url] = (response, request.source.name)
                try await read(response, for: request, into: &state)
            }
            for request in sharing {
                guard let (response, fetchedBy) = state.answers[request.url] else { continue }
                try await read(response, for: request, into: &state, sharedWith: fetchedBy)
            }
        }
        return state.result()
    }

    /// The values `definition`'s templates need, or nil while one is unknown.
    private func templateValues(for definition: SourceDefinition, in state: DiscoveryState) -> TemplateValues? {
        var values = state.values(for: definition.about)
        values[.searxng] = searxng
        values[.key] = definition.apiKey(in: environment)
        for required in definition.requiredValues where values[required] == nil { return nil }
        if definition.about == .company && values[.company] == nil && values[.domain] == nil { return nil }
        return values
    }

    /// Reads one answer for `request`; `sharedWith` names the source whose request fetched it,
    /// when this one reads an answer fetched for another.
    private func read(
        _ response: PageResponse, for request: PlannedRequest, into state: inout DiscoveryState, sharedWith: String? = nil
    ) async throws {
        let source = request.source
        var outcome = Self.outcome(of: response, source: source)
        if let sharedWith {
            outcome.seconds = 0
            outcome.message = (outcome.message.map { $0 + "; " } ?? "") + "the answer fetched for \(sharedWith)"
        }
        defer { state.outcomes.append(outcome) }
        // A site without robots.txt (any 4xx, RFC 9309) may still have the sitemap at its root.
        if request.role == .source, source.reader == .robotsSitemaps, response.storedFetchedAt == nil,
           let status = response.status, (400..<500).contains(status),
           let root = URL(string: "/sitemap.xml", relativeTo: URL(string: response.url))?.absoluteString {
            outcome.kind = .skipped
            outcome.category = .noRobotsTxt
            outcome.message = "no robots.txt (HTTP \(status)): reading /sitemap.xml"
            state.queue(PlannedRequest(url: root, source: source, role: .sitemap))
            return
        }
        if response.failure != nil, let storedAt = response.storedFetchedAt {
            outcome.message = (outcome.message.map { $0 + "; " } ?? "") + "used the copy stored on \(Self.day(storedAt))"
        }
        guard response.failure == nil || response.storedFetchedAt != nil else { return }
        var reading = ArticleReading()
        do {
            switch request.role {
            case .page where Self.isFeed(response):
                try readFeed(response, source: source, into: &state)
            case .page:
                reading = try readArticle(response, source: source, into: &state, keepingLinks: request.followsNamedLinks,
                                          hit: request.hit)
                if request.followsNamedLinks {
                    let named = sameSiteLinks(reading.links ?? [], of: response).filter(state.namesPerson)
                    for link in named.prefix(3) { state.queue(PlannedRequest(url: link.url, source: source, role: .page, hit: link)) }
                }
            case .feed:
                try readFeed(response, source: source, into: &state)
            case .sitemap:
                try readSitemap(response, source: source, into: &state)
            case .source:
                reading = try await readSourceAnswer(response, request: request, into: &state)
            case .candidate:
                try readCandidate(response, request: request, into: &state)
            }
        } catch let error as ReaderError {
            outcome.kind = .failed
            outcome.category = .reader
            outcome.message = "\(error)"
        }
        if sharedWith == nil { try keep(response, reading: reading) }
    }

    private func readSourceAnswer(
        _ response: PageResponse, request: PlannedRequest, into state: inout DiscoveryState
    ) async throws -> ArticleReading {
        let source = request.source
        let body = try body(of: response)
        switch source.reader {
        case .htmlArticle, .manualText:
            return try readArticle(response, source: source, into: &state)
        case .siteLinks:
            let result = try readArticle(response, source: source, into: &state, keepingLinks: true)
            state.queueFollowed(sameSiteLinks(result.links ?? [], of: response), source: source)
            return result
        case .wikipediaSearchJSON:
            let hits = try SearchResultReaders.wikipediaSearch(body, answeredBy: response.finalURL)
            state.adoptWikipediaTitle(from: hits, about: source.about)
        case .wikipediaSummaryJSON:
            if let summary = try WikipediaSummary.read(body) {
                state.adoptSummary(summary, source: source, fetchedAt: fetchedAt(response))
            }
        case .wikidataSearchJSON:
            state.adoptCandidates(try WikidataReaders.search(body), about: source.about)
        case .wikidataEntityJSON:
            let id = state.values(for: source.about)[.qid] ?? ""
            var entity = try WikidataReaders.entity(
                body, id: id, sourceURL: "https://www.wikidata.org/wiki/\(id)",
                properties: source.claims.isEmpty ? nil : source.claims + ["P31"], qualifiers: source.qualifiers
            )
            entity.facts = try await labelled(entity.facts, answeredBy: response.finalURL, state: &state, request: request)
            state.adoptEntity(entity, about: source.about)
        case .searxngJSON:
            state.queuePages(try SearchResultReaders.searxng(body), source: source)
        case .braveJSON:
            state.queuePages(try SearchResultReaders.brave(body), source: source)
        case .duckDuckGoHTML:
            state.queuePages(SearchResultReaders.duckDuckGo(body, contentType: response.contentType), source: source)
        case .githubUserJSON:
            state.adoptGitHubUser(try GitHubUser.read(body), source: source, fetchedAt: fetchedAt(response))
        case .githubUserSearchJSON:
            let logins = try GitHubUserSearch.logins(body)
            for login in logins.prefix(source.maxResults ?? 3) {
                let url = Self.address(path: "/users/\(URLTemplate.percentEncoded(login))", on: response.url)
                state.queue(PlannedRequest(url: url, source: source, role: .candidate, headers: request.headers,
                                           candidateReader: .githubUserJSON))
            }
        case .openAlexAuthorsJSON:
            let unplaced = state.considerOpenAlexAuthors(try OpenAlexAuthors.read(body), source: source)
            // A search answer that does not say where a namesake worked: their record does.
            for id in unplaced.prefix(3) {
                state.queue(PlannedRequest(url: Self.address(path: "/authors/\(id)", on: response.url), source: source,
                                           role: .candidate, headers: request.headers, candidateReader: .openAlexAuthorsJSON))
            }
        case .orcidSearchJSON:
            let unnamed = state.considerORCIDHits(try ORCIDReaders.search(body), source: source)
            // The plain search gives iDs only: the person part of each record names them.
            let version = URLComponents(string: response.url)?.path.split(separator: "/").first.map(String.init) ?? "v3.0"
            for id in unnamed.prefix(3) {
                state.queue(PlannedRequest(url: Self.address(path: "/\(version)/\(id)/person", on: response.url), source: source,
                                           role: .candidate, headers: request.headers, candidateReader: .orcidRecordJSON))
            }
        case .orcidRecordJSON:
            state.adoptORCIDRecord(try ORCIDReaders.record(body), source: source, fetchedAt: fetchedAt(response))
        case .dblpAuthorsJSON:
            state.considerDBLPAuthors(try DBLPAuthors.read(body), source: source)
        case .hackerNewsJSON:
            state.adoptHackerNewsStories(try HackerNewsSearch.stories(body), source: source, fetchedAt: fetchedAt(response))
        case .rss:
            try readFeed(response, source: source, into: &state)
        case .feedLinks:
            let page = HTMLExtractor.extract(bytes: body, contentType: response.contentType, url: response.finalURL)
            for feed in Self.feeds(of: page).prefix(2) { state.queue(PlannedRequest(url: feed, source: source, role: .feed)) }
        case .sitemapXML:
            try readSitemap(response, source: source, into: &state)
        case .robotsSitemaps:
            let rules = RobotsRules(parsing: String(decoding: body, as: UTF8.self), userAgent: UserAgent.productToken)
            var sitemaps = rules.sitemaps
            if sitemaps.isEmpty, let root = URL(string: "/sitemap.xml", relativeTo: URL(string: response.url)) {
                sitemaps = [root.absoluteString]
            }
            for sitemap in sitemaps.prefix(3) { state.queue(PlannedRequest(url: sitemap, source: source, role: .sitemap)) }
        }
        return ArticleReading()
    }

    /// Reads a profile a registry's name search found; it is the person's only with evidence.
    private func readCandidate(_ response: PageResponse, request: PlannedRequest, into state: inout DiscoveryState) throws {
        let body = try body(of: response)
        switch request.candidateReader ?? request.source.reader {
        case .githubUserJSON:
            state.considerGitHubCandidate(try GitHubUser.read(body), source: request.source, fetchedAt: fetchedAt(response))
        case .openAlexAuthorsJSON:
            _ = state.considerOpenAlexAuthors(try OpenAlexAuthors.read(body), source: request.source, lookingUp: false)
        case .orcidRecordJSON:
            state.considerORCIDRecord(try ORCIDReaders.record(body), source: request.source)
        default:
            preconditionFailure("no candidate is read with \(request.candidateReader ?? request.source.reader)")
        }
    }

    /// `path` on the scheme and host of `url` (the API that answered).
    static func address(path: String, on url: String) -> String {
        var components = URLComponents()
        let answered = URLComponents(string: url)
        components.scheme = answered?.scheme ?? "https"
        components.host = answered?.host
        components.port = answered?.port
        components.percentEncodedPath = path
        return components.string ?? url
    }

    /// What reading a page as an article gave: the document's fields, the people its
    /// structured data names, its links; stored with the page so that a "not modified"
    /// answer is read without extracting again.
    struct ArticleReading: Codable {
        var text: String?
        var metadataJSON: String?
        /// The page's links, kept only for a reader that follows them (a company site's):
        /// thousands of links on a long article would make every "not modified" read slow.
        var links: [PageLink]?
        var title: String?
        var siteName: String?
        var published: String?
        var modified: String?
        var tableRows: [SourceDocument.TableRow] = []
        var description: String?
        var authors: [String] = []
        /// Text beside the main text: by-lines, author boxes, "about" widgets.
        var asides: [String] = []
        /// The postal addresses the page marks up (a footer's `<address>`, its JSON-LD).
        var addresses: [String] = []
        /// A front page's lead stories, in page order.
        var headlines: [String] = []
        /// The Person items of the page's structured data.
        var people: [StructuredPerson] = []
        /// The (name, role) cards of a team or leadership page.
        var cards: [PersonCard]?

        struct StructuredPerson: Codable {
            var name: String?
            var sameAs: [String]
        }

        var json: String? {
            (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Reads a page's main text (plain text as it is) into a document.
    private func readArticle(_ response: PageResponse, source: SourceDefinition, into state: inout DiscoveryState,
                             keepingLinks: Bool = false, hit: DiscoveredPage? = nil) throws -> ArticleReading {
        let stored = response.storedReadingJSON.flatMap { try? JSONDecoder().decode(ArticleReading.self, from: Data($0.utf8)) }
        var reading: ArticleReading
        if let stored, !keepingLinks || stored.links != nil {
            reading = stored
        } else {
            var response = response
            // A stored copy is served without its body when its reading is stored.
            response.body = try body(of: response)
            // A server may answer its robots.txt or a sitemap where a page was asked for: what
            // they say is for crawlers, and the addresses in them name no one.
            if CrawlerFile.isCrawlerFile(response.body, url: response.finalURL) {
                throw ReaderError(reader: source.reader.rawValue, message: "the answer is a robots.txt or a sitemap, not a page")
            }
            reading = Self.extractReading(response, keepingLinks: keepingLinks)
        }
        if let text = reading.text {
            state.addDocument(
                text: text, url: response.url, title: reading.title ?? hit?.title, siteName: reading.siteName,
                published: reading.published ?? hit?.published, updated: reading.modified, source: source,
                fetchedAt: fetchedAt(response), tableRows: reading.tableRows, description: reading.description,
                authors: reading.authors, asides: reading.asides, addresses: reading.addresses, headlines: reading.headlines
            )
        }
        for person in reading.people {
            state.adoptStructuredPerson(name: person.name, sameAs: person.sameAs)
        }
        for card in reading.cards ?? [] {
            state.adoptPersonCard(name: card.name, role: card.title, url: response.url)
        }
        return reading
    }

    private static func extractReading(_ response: PageResponse, keepingLinks: Bool) -> ArticleReading {
        if response.contentType == "text/plain" {
            return ArticleReading(text: unwrapped(String(decoding: response.body, as: UTF8.self)))
        }
        let page = HTMLExtractor.extract(bytes: response.body, contentType: response.contentType, url: response.finalURL)
        var people: [ArticleReading.StructuredPerson] = []
        for case .person(let person) in page.structuredData { people.append(.init(name: person.name, sameAs: person.sameAs)) }
        let metadata = (try? JSONEncoder().encode(page.metadata)).map { String(decoding: $0, as: UTF8.self) }
        return ArticleReading(
            text: page.mainText, metadataJSON: metadata, links: keepingLinks ? page.links : nil, title: page.metadata.title,
            siteName: page.metadata.siteName, published: page.metadata.published, modified: page.metadata.modified,
            tableRows: page.tableRows.map { SourceDocument.TableRow(cells: $0.cells, headings: $0.headings) },
            description: page.metadata.description, authors: page.metadata.authors,
            asides: page.asides, addresses: page.addresses,
            headlines: FrontPageHeadlines.headlines(links: page.links, pageURL: response.url), people: people, cards: page.people
        )
    }

    /// The feeds a page announces in its head, else the links in its body that look like one
    /// (`/feed`, `/rss`, `feed.xml`, `.atom` …); feeds of comments come last.
    static func feeds(of page: ExtractedPage) -> [String] {
        func commentsLast(_ feeds: [String]) -> [String] {
            let comments = feeds.filter { $0.lowercased().contains("comments") }
            return feeds.filter { !comments.contains($0) } + comments
        }
        guard page.metadata.feeds.isEmpty else { return commentsLast(page.metadata.feeds) }
        return page.links.map(\.url).filter { url in
            let path = URLComponents(string: url)?.path.lowercased() ?? ""
            return ["/feed", "/feed/", "/rss", "/rss/", "/atom", ".rss", ".atom", "feed.xml", "rss.xml", "atom.xml", "index.xml"]
                .contains { path.hasSuffix($0) }
        }
    }

    /// Whether a page a search led to is an RSS or Atom feed, read item by item.
    static func isFeed(_ response: PageResponse) -> Bool {
        let type = response.contentType?.lowercased() ?? ""
        return type.contains("rss") || type.contains("atom") || type == "application/xml" || type == "text/xml"
    }

    /// Plain text as paragraphs, one per line: lines wrapped inside a paragraph are joined,
    /// blank lines separate paragraphs.
    static func unwrapped(_ text: String) -> String {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(Substring(trimmed))
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs.joined(separator: "\n")
    }

    /// Links to other pages of the same site, by their URL as the page gave it.
    private func sameSiteLinks(_ links: [PageLink], of response: PageResponse) -> [DiscoveredPage] {
        let host = URLComponents(string: response.finalURL)?.host?.lowercased()
        return links.compactMap { link in
            guard let components = URLComponents(string: link.url), components.host?.lowercased() == host,
                  components.scheme == "http" || components.scheme == "https" else { return nil }
            return DiscoveredPage(url: link.url, title: link.text)
        }
    }

    private func readFeed(_ response: PageResponse, source: SourceDefinition, into state: inout DiscoveryState) throws {
        let feed = FeedParser.parse(bytes: try body(of: response), contentType: response.contentType)
        for item in feed.items.prefix(source.maxResults ?? 50) {
            // An aggregator's item (Google News) is cited as the article, under its publication.
            let title = item.title.map { NewsLinks.title($0, publication: item.sourceName) }
            let summary = NewsLinks.summary(item.summary.map(SearchResultReaders.stripTags), title: title ?? "",
                                            publication: item.sourceName)
            let text = [title, summary].compactMap { $0 }.joined(separator: "\n")
            state.addDocument(
                text: text, url: item.link.map(NewsLinks.article) ?? response.url, title: title,
                siteName: item.sourceName ?? feed.title, published: item.published, source: source,
                fetchedAt: fetchedAt(response)
            )
        }
    }

    private func readSitemap(_ response: PageResponse, source: SourceDefinition, into state: inout DiscoveryState) throws {
        let locations = SitemapReader.locations(try body(of: response))
        state.queueFollowed(locations.pages, source: source)
        for nested in locations.sitemaps.prefix(3) {
            state.queue(PlannedRequest(url: nested, source: source, role: .sitemap))
        }
    }

    /// The report line of one request.
    private static func outcome(of response: PageResponse, source: SourceDefinition) -> SourceOutcome {
        SourceOutcome(
            sourceName: source.name, url: response.url, kind: response.kind,
            category: response.failure.map { SourceOutcome.Category($0.category) }, message: response.failure?.message,
            status: response.status, seconds: response.seconds
        )
    }

    private static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle().year().month().day())
    }

    /// When a response's body was fetched: now, or when the stored copy was (a 304 changes
    /// nothing, so the dossier's "fetched" dates and bytes stay the same).
    private func fetchedAt(_ response: PageResponse) -> Date {
        response.storedFetchedAt ?? now()
    }

    /// Keeps a freshly fetched answer (raw body, extracted text, metadata) for conditional
    /// requests and offline rebuilds; the archive's failure (a full disk) ends the discovery.
    private func keep(_ response: PageResponse, reading: ArticleReading?) throws {
        guard response.kind == .fetched, let archive else { return }
        try archive.keep(ArchivedPage(
            url: response.url, finalURL: response.finalURL, status: response.status ?? 200,
            contentType: response.contentType, charset: response.charset, validators: response.validators,
            fetchedAt: now(), body: response.body, extractedText: reading?.text, metadataJSON: reading?.metadataJSON,
            readingJSON: reading?.text == nil ? nil : reading?.json
        ))
    }

    /// Replaces Wikidata item ids in fact values with their labels, and names the properties
    /// dossier has no name for, in one request to the API of the host that answered, made
    /// under the entity source's rules.
    private func labelled(
        _ facts: [StructuredFact], answeredBy url: String, state: inout DiscoveryState, request: PlannedRequest
    ) async throws -> [StructuredFact] {
        let unnamedProperties = facts.map(\.kind).filter(\.isProperty).map(\.rawValue)
        let ids = Array(Set(facts.compactMap(\.valueID) + unnamedProperties)).sorted().prefix(50)
        guard !ids.isEmpty, let host = URLComponents(string: url)?.host else { return facts }
        let labels = PlannedRequest(url: WikidataReaders.labelsURL(ids: Array(ids), host: host), source: request.source,
                                    role: .source, headers: request.headers)
        guard state.requestedURLs.insert(labels.url).inserted,
              let response = try await pages.pages([labels.fetchRequest]).first else { return facts }
        var outcome = Self.outcome(of: response, source: request.source)
        defer { state.outcomes.append(outcome) }
        guard response.failure == nil else { return facts }
        let found: [String: String]
        do {
            found = try WikidataReaders.labels(body(of: response))
        } catch {
            outcome.kind = .failed
            outcome.category = .reader
            outcome.message = "\(error)"
            return facts
        }
        try keep(response, reading: nil)
        return facts.map { fact in
            var fact = fact
            if let id = fact.valueID, let label = found[id] { fact.value = label }
            if fact.kind.isProperty, let label = found[fact.kind.rawValue] { fact.kindLabel = label }
            return fact
        }
    }

    /// The body of an answer, from the store when the answer is a stored copy served without
    /// its body (a page whose reading is stored): a reader that needs the markup gets it.
    private func body(of response: PageResponse) throws -> Data {
        guard response.body.isEmpty, response.storedFetchedAt != nil, let archive else { return response.body }
        return try archive.body(of: response.url) ?? response.body
    }
}

/// One request discovery makes, and why.
struct PlannedRequest: Sendable {
    enum Role: Sendable {
        /// The source's own endpoint, read with its reader.
        case source
        /// A page a source pointed at, read for its main text.
        case page
        /// A feed a page linked to.
        case feed
        /// A sitemap found through robots.txt or an index.
        case sitemap
        /// A profile a registry's name search found (`candidateReader` says how to read it): it counts
        /// as the person only with evidence. Asked under the source's rules, like its own URL.
        case candidate
    }

    var url: String
    var source: SourceDefinition
    var role: Role
    /// The source's headers, expanded (`Name: value`); only its own endpoint gets them.
    var headers: [String] = []
    /// The search hit that led to a page: its date stands in for one the page does not give.
    var hit: DiscoveredPage?
    /// How a candidate is read; the source's own reader for everything else.
    var candidateReader: SourceReader?
    /// For a page of a site a source follows: whether its links that carry the person's name
    /// are followed too (one step further, never more).
    var followsNamedLinks = false

    /// What makes two requests the same reading: the URL and how it is read.
    var readingKey: String {
        switch role {
        case .source: "\(url)\u{0}source:\(source.reader.rawValue)"
        case .page: "\(url)\u{0}page"
        case .feed: "\(url)\u{0}feed"
        case .sitemap: "\(url)\u{0}sitemap"
        case .candidate: "\(url)\u{0}candidate:\((candidateReader ?? source.reader).rawValue)"
        }
    }

    /// The fetch: a source's own endpoint with its headers, rate and robots rule; every page it
    /// leads to is crawled (robots.txt obeyed), spaced by what its host already asks.
    var fetchRequest: FetchRequest {
        role == .source || role == .candidate ? source.request(for: url, headers: headers) : FetchRequest(url: url)
    }
}

extension SourceOutcome.Category {
    /// The outcome category of a fetch failure: the same name.
    init(_ category: FetchErrorCategory) {
        guard let same = Self(rawValue: category.rawValue) else { preconditionFailure("no outcome category for \(category)") }
        self = same
    }
}
