import DossierDiscover
import DossierFetch
import Foundation

/// `dossier sources list | check`: the sources the Sources.d directories define, and whether
/// each answers a sample query.
public struct SourceChecks: Sendable {
    /// The values a sample query is made of.
    public struct Sample: Sendable {
        public var person = "Ada Lovelace"
        public var qid = "Q7259"
        public var title = "Ada Lovelace"
        public var company = "Mozilla"
        public var domain = "www.mozilla.org"
        public var github = "octocat"
        /// ORCID's own example record (Josiah Carberry).
        public var orcid = "0000-0002-1825-0097"

        public init() {}
    }

    /// What one source answered to the sample.
    public struct Answer: Sendable {
        public var source: String
        /// Nil when the sample lacks a value the source's template needs.
        public var url: String?
        public var status: Int?
        public var milliseconds = 0
        /// The failure's category and message.
        public var failure: (category: String, message: String)?
    }

    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The sources of the shipped, the user's and `extraDirectory`'s files, with the files that
    /// could not be loaded.
    public func catalog(extraDirectory: URL?) -> LoadedSourceCatalog {
        SourceCatalog.load(
            shippedDirectory: workspace.shippedSources, userDirectory: SourceCatalog.userDirectory(paths: workspace.paths),
            extraDirectory: extraDirectory, environment: workspace.environment, search: workspace.config.search
        )
    }

    /// Asks every enabled source of `catalog` the sample, as a build asks: with the source's
    /// headers, rate and robots rule, through the configured fetcher.
    public func check(_ catalog: SourceCatalog, sample: Sample) async -> [Answer] {
        var planned: [(name: String, url: String?, request: FetchRequest?)] = []
        for entry in catalog.enabledEntries {
            let definition = entry.definition
            var values = TemplateValues([.person: sample.person, .company: sample.company,
                                         .searxng: workspace.config.search.searxngURL ?? ""])
            values[.key] = definition.apiKey(in: workspace.environment)
            switch definition.about {
            case .person:
                values[.query] = sample.person
                values[.qid] = sample.qid
                values[.title] = sample.title
                values[.github] = sample.github
                values[.orcid] = sample.orcid
            case .company:
                values[.query] = sample.company
                values[.domain] = sample.domain
                values[.title] = sample.company
            }
            let url = definition.urlTemplate?.expand(values)
            planned.append((definition.name, url, url.map { definition.request(for: $0, headers: definition.expandedHeaders(values)) }))
        }
        let results = await Fetcher.fetchAll(planned.compactMap(\.request), policy: FetchPolicy(config: workspace.config),
                                             logger: workspace.logger)
        var byURL: [String: FetchResult] = [:]
        for result in results { byURL[result.originalURL] = result }
        return planned.map { name, url, _ in
            guard let url, let result = byURL[url] else { return Answer(source: name) }
            return Answer(source: name, url: url, status: result.status, milliseconds: Int((result.timings.total * 1000).rounded()),
                          failure: result.failure.map { ($0.category.rawValue, $0.message) })
        }
    }
}
