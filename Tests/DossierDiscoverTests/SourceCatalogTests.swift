@testable import DossierDiscover
import DossierExtract
import DossierSettings
import Foundation
import Testing

/// Three fresh source directories (shipped, user, extra) for one test, removed when it ends.
private struct TemporarySources: ~Copyable {
    let root: URL
    var shipped: URL { root.appending(path: "shipped", directoryHint: .isDirectory) }
    var user: URL { root.appending(path: "user", directoryHint: .isDirectory) }
    var extra: URL { root.appending(path: "extra", directoryHint: .isDirectory) }

    init() throws {
        root = FileManager.default.temporaryDirectory.appending(path: "dossier-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ text: String, to fileName: String, in directory: URL) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appending(path: fileName, directoryHint: .notDirectory)
        try Data(text.utf8).write(to: file)
        return file
    }

    func load(environment: [String: String] = [:], search: SearchSettings = SearchSettings()) -> LoadedSourceCatalog {
        SourceCatalog.load(
            shippedDirectory: shipped, userDirectory: user, extraDirectory: extra, environment: environment,
            search: search)
    }

    deinit { try? FileManager.default.removeItem(at: root) }
}

/// A valid source file; `extra` lines are appended.
private func sourceText(trust: Double = 0.5, _ extra: String = "") -> String {
    """
    about = "person"
    kind = "search"
    url = "https://example.org/search?q={query}"
    reader = "duckduckgo-html"
    trust = \(trust)
    \(extra)
    """
}

@Suite("SourceCatalog")
struct SourceCatalogTests {
    @Test("a user file replaces the shipped file of the same name, and --sources replaces both")
    func precedence() throws {
        let sources = try TemporarySources()
        try sources.write(sourceText(trust: 0.9), to: "10-a.toml", in: sources.shipped)
        try sources.write(sourceText(trust: 0.9), to: "20-b.toml", in: sources.shipped)
        let userFile = try sources.write(sourceText(trust: 0.4), to: "10-a.toml", in: sources.user)
        try sources.write(sourceText(trust: 0.4), to: "20-b.toml", in: sources.user)
        let extraFile = try sources.write(sourceText(trust: 0.1), to: "20-b.toml", in: sources.extra)

        let loaded = sources.load()
        #expect(loaded.errors.isEmpty)
        let entries = loaded.catalog.entries
        #expect(entries.map(\.definition.name) == ["10-a", "20-b"])
        #expect(entries.map(\.definition.trust) == [0.4, 0.1])
        #expect(entries.map(\.file) == [userFile, extraFile])
    }

    @Test("sources are taken in file-name order whichever directory they come from")
    func fileNameOrder() throws {
        let sources = try TemporarySources()
        try sources.write(sourceText(), to: "20-b.toml", in: sources.shipped)
        try sources.write(sourceText(), to: "10-a.toml", in: sources.user)
        try sources.write(sourceText(), to: "15-c.toml", in: sources.extra)
        try sources.write("# not a source", to: "README.md", in: sources.shipped)
        try sources.write("garbage =", to: ".10-a.toml.swp.toml", in: sources.user)
        let loaded = sources.load()
        #expect(loaded.errors.isEmpty)
        #expect(loaded.catalog.entries.map(\.definition.name) == ["10-a", "15-c", "20-b"])
    }

    @Test("an empty, blank or comment-only file masks the source of the same name")
    func masking() throws {
        let sources = try TemporarySources()
        for name in ["10-a", "20-b", "30-c", "40-d"] {
            try sources.write(sourceText(), to: "\(name).toml", in: sources.shipped)
        }
        try sources.write("", to: "10-a.toml", in: sources.user)
        try sources.write("  \n\n\t\n", to: "20-b.toml", in: sources.user)
        try sources.write("# DuckDuckGo off for me\n\n# really\n", to: "30-c.toml", in: sources.extra)
        let loaded = sources.load()
        #expect(loaded.errors.isEmpty)
        #expect(loaded.catalog.entries.map(\.definition.name) == ["40-d"])
    }

    @Test("missing directories are skipped without an error")
    func missingDirectories() throws {
        let sources = try TemporarySources()
        try sources.write(sourceText(), to: "10-a.toml", in: sources.user)
        let loaded = SourceCatalog.load(
            shippedDirectory: sources.root.appending(path: "nowhere"), userDirectory: sources.user, extraDirectory: nil,
            environment: [:])
        #expect(loaded.errors.isEmpty)
        #expect(loaded.catalog.entries.map(\.definition.name) == ["10-a"])
    }

    @Test("broken TOML is an error naming the file and line; the other files still load")
    func brokenTOML() throws {
        let sources = try TemporarySources()
        try sources.write(sourceText(), to: "10-a.toml", in: sources.shipped)
        let broken = try sources.write(
            """
            about = "person"
            kind = "search"
            url = "https://example.org/?q={query}
            reader = "duckduckgo-html"
            """, to: "20-b.toml", in: sources.shipped)
        try sources.write(sourceText(), to: "30-c.toml", in: sources.shipped)
        let loaded = sources.load()
        #expect(loaded.catalog.entries.map(\.definition.name) == ["10-a", "30-c"])
        let error = try #require(loaded.errors.first)
        #expect(loaded.errors.count == 1)
        #expect(error.file == broken)
        #expect(error.line == 3)
        #expect(error.message.hasPrefix("malformed TOML"))
        #expect(error.description.hasPrefix("\(broken.path(percentEncoded: false)):3: malformed TOML"))
    }

    @Test("a broken user file replaces the shipped one: the source is left out, not the shipped version")
    func brokenOverride() throws {
        let sources = try TemporarySources()
        try sources.write(sourceText(), to: "10-a.toml", in: sources.shipped)
        let broken = try sources.write("enabled = \"no\"\n", to: "10-a.toml", in: sources.user)
        let loaded = sources.load()
        #expect(loaded.catalog.entries.isEmpty)
        #expect(loaded.errors.allSatisfy { $0.file == broken })
        #expect(loaded.errors.contains { $0.line == 1 && $0.message.contains("enabled: expected true or false") })
    }

    @Test("a file that is not UTF-8 is an error with its line")
    func notUTF8() throws {
        let sources = try TemporarySources()
        try FileManager.default.createDirectory(at: sources.shipped, withIntermediateDirectories: true)
        let file = sources.shipped.appending(path: "10-a.toml")
        try Data("about = \"person\"\ndescription = \"caf".utf8 + [0xE9] + Data("\"\n".utf8)).write(to: file)
        let error = try #require(sources.load().errors.first)
        #expect(error.file == file)
        #expect(error.line == 2)
        #expect(error.message == "cannot read: not valid UTF-8")
    }

    @Test("an unknown key is an error, not a warning: the line is named and the source left out")
    func unknownKey() throws {
        let sources = try TemporarySources()
        let file = try sources.write(sourceText("enabeld = false"), to: "10-a.toml", in: sources.user)
        let loaded = sources.load()
        #expect(loaded.catalog.entries.isEmpty)
        #expect(loaded.errors == [
            SourceLoadError(
                file: file, line: 6,
                message: "enabeld: unknown key (see Sources.d/README.md for the keys a source file may have)")
        ])
    }

    @Test(
        "a bad value is an error on its line",
        arguments: [
            ("trust = \"high\"", "trust: expected a number from 0 to 1, found string"),
            ("trust = 1.5", "trust: expected a number from 0 to 1, found floating-point number 1.5"),
            ("trust = -0.1", "trust: expected a number from 0 to 1"),
            ("reader = \"wikipedia-json\"", "reader: unknown value \"wikipedia-json\"; expected one of \"wikipedia-search-json\""),
            ("about = \"team\"", "about: unknown value \"team\"; expected one of \"person\", \"company\""),
            ("kind = \"scrape\"", "kind: unknown value \"scrape\""),
            ("url = \"https://example.org/?q={persn}\"", "url: unknown placeholder {persn}"),
            ("url = \"https://{person}.example/\"", "url: only {domain} may stand in the host"),
            ("enabled = 1", "enabled: expected true or false, found integer 1"),
            ("rate = 0", "rate: expected a number greater than 0"),
            ("robots = \"ignore\"", "robots: unknown value \"ignore\"; expected one of \"obey\", \"api\""),
            ("max_results = 0", "max_results: expected an integer of at least 1"),
            ("requires = [\"company\", \"ceo\"]", "requires: unknown value \"ceo\""),
            ("requires = \"company\"", "requires: expected an array of strings"),
            ("key_env = \"1KEY\"", "key_env: \"1KEY\" is not an environment variable name"),
            ("follow = [\"about\"]", "follow: only for the readers"),
            ("claims = [\"P108\"]", "claims: only for the reader `wikidata-entity-json`"),
            ("subject = \"Jane Doe\"", "subject: only a manual source has a subject"),
            ("file = \"notes.txt\"", "file: only a manual source reads a file or text"),
            ("headers = { User-Agent = \"x\" }", "headers.User-Agent: dossier sets User-Agent itself"),
            ("headers = \"Accept: x\"", "headers: expected a table"),
            ("key_env = \"EXAMPLE_KEY\"", "key_env: no template uses {key}"),
        ])
    func badValue(line: String, message: String) throws {
        let sources = try TemporarySources()
        let text = sourceText()
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { existing in existing.split(separator: " ").first != line.split(separator: " ").first }
            .joined(separator: "\n")
        let file = try sources.write("description = \"test\"\n" + text + "\n" + line + "\n", to: "10-a.toml", in: sources.shipped)
        let expectedLine = text.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        let loaded = sources.load()
        #expect(loaded.catalog.entries.isEmpty)
        let error = try #require(loaded.errors.first)
        #expect(loaded.errors.count == 1, "\(loaded.errors)")
        #expect(error.file == file)
        #expect(error.line == expectedLine)
        #expect(error.message.hasPrefix(message), "\(error.message)")
    }

    @Test("every problem of a file is reported, in line order, and a missing key names the file")
    func severalProblems() throws {
        let sources = try TemporarySources()
        let file = try sources.write(
            """
            about = "people"
            kind = "search"
            url = "https://example.org/{nope}"
            trust = 2
            """, to: "10-a.toml", in: sources.shipped)
        let errors = sources.load().errors
        #expect(errors.map(\.line) == [1, 3, 4, nil])
        #expect(errors.allSatisfy { $0.file == file })
        #expect(errors.last?.message == "missing `reader`")
        #expect(errors.last?.description == "\(file.path(percentEncoded: false)): missing `reader`")
    }

    @Test("a keyed source is disabled with the reason while its variable is unset or empty, enabled once set")
    func keyedSource() throws {
        let sources = try TemporarySources()
        try sources.write(
            """
            about = "person"
            kind = "search"
            url = "https://api.search.example/v1?q={query}"
            reader = "brave-json"
            key_env = "EXAMPLE_SEARCH_KEY"
            [headers]
            X-Subscription-Token = "{key}"
            """, to: "80-keyed.toml", in: sources.shipped)
        let unset = try #require(sources.load().catalog.entries.first)
        #expect(unset.availability == .disabled(reason: "EXAMPLE_SEARCH_KEY is not set"))
        #expect(sources.load().catalog.enabledEntries.isEmpty)
        let empty = try #require(sources.load(environment: ["EXAMPLE_SEARCH_KEY": ""]).catalog.entries.first)
        #expect(empty.availability == .disabled(reason: "EXAMPLE_SEARCH_KEY is not set"))

        let environment = ["EXAMPLE_SEARCH_KEY": "secret"]
        let set = try #require(sources.load(environment: environment).catalog.entries.first)
        #expect(set.availability == .enabled)
        let definition = set.definition
        #expect(definition.requiredValues == [.query, .key])
        var values = TemplateValues([.query: "Jane Doe"])
        values[.key] = definition.apiKey(in: environment)
        #expect(definition.headers.map(\.name) == ["X-Subscription-Token"])
        #expect(definition.headers.first?.value.expand(values) == "secret")
        #expect(definition.urlTemplate?.expand(values) == "https://api.search.example/v1?q=Jane%20Doe")
    }

    @Test("a template using {key} without key_env is an error")
    func keyWithoutVariable() throws {
        let sources = try TemporarySources()
        try sources.write(
            sourceText().replacingOccurrences(of: "{query}", with: "{query}&key={key}"), to: "10-a.toml", in: sources.shipped)
        let errors = sources.load().errors
        #expect(errors.map(\.message) == ["{key} is used, so `key_env` must name the environment variable holding the key"])
    }

    @Test("a source needing {searxng} is disabled until the configuration names a usable instance")
    func searxngSource() throws {
        let sources = try TemporarySources()
        try sources.write(
            """
            about = "person"
            kind = "search"
            url = "{searxng}/search?q={query}&format=json"
            reader = "searxng-json"
            """, to: "30-searxng.toml", in: sources.shipped)
        let off = try #require(sources.load().catalog.entries.first)
        #expect(off.availability == .disabled(reason: "no SearXNG instance: set [search] searxng in config.toml"))
        let bad = try #require(sources.load(search: SearchSettings(searxngURL: "searx.example.org")).catalog.entries.first)
        #expect(!bad.availability.isEnabled)
        let on = try #require(sources.load(search: SearchSettings(searxngURL: "https://searx.example.org")).catalog.entries.first)
        #expect(on.availability == .enabled)
    }

    @Test("enabled = false keeps the definition but disables it; defaults are trust 0.5 and one request a second")
    func enabledAndDefaults() throws {
        let sources = try TemporarySources()
        try sources.write(
            """
            about = "company"
            kind = "feed"
            url = "https://news.example/rss?q={query}"
            reader = "rss"
            enabled = false
            """, to: "50-news.toml", in: sources.shipped)
        try sources.write(sourceText("min_interval_ms = 2500\nrequires = [\"company\"]"), to: "51-slow.toml", in: sources.shipped)
        try sources.write(sourceText("rate = 4\nrobots = \"api\""), to: "52-fast.toml", in: sources.shipped)
        try sources.write(sourceText("rate = 1\nmin_interval_ms = 10"), to: "53-both.toml", in: sources.shipped)
        let loaded = sources.load()
        let entries = loaded.catalog.entries
        #expect(entries.map(\.definition.name) == ["50-news", "51-slow", "52-fast"])
        #expect(entries[0].availability == .disabled(reason: "enabled = false"))
        #expect(entries[0].definition.trust == 0.5)
        #expect(entries[0].definition.minimumInterval == 1)
        #expect(entries[0].definition.robots == .obey)
        #expect(entries[1].definition.minimumInterval == 2.5)
        #expect(entries[1].definition.requiredValues == [.company, .query])
        #expect(entries[2].definition.minimumInterval == 0.25)
        #expect(entries[2].definition.robots == .api)
        #expect(loaded.errors.map(\.message) == ["min_interval_ms: give `rate` or `min_interval_ms`, not both"])
        #expect(loaded.errors.first?.line == 7)
    }

    @Test("a manual source reads text or a file relative to its definition, and only with manual-text")
    func manualSources() throws {
        let sources = try TemporarySources()
        let manual = """
            about = "person"
            kind = "manual"
            subject = "Jane Doe"
            reader = "manual-text"
            """
        try sources.write(manual + "\ntext = \"\"\"\nJane led the robotics team.\n\"\"\"\n", to: "90-text.toml", in: sources.user)
        try sources.write(manual + "\nfile = \"notes/jane.txt\"\n", to: "91-file.toml", in: sources.user)
        try sources.write("notes", to: "jane.txt", in: sources.user.appending(path: "notes"))
        try sources.write(manual + "\nfile = \"~/jane.txt\"\n", to: "92-home.toml", in: sources.user)
        try sources.write(manual.replacingOccurrences(of: "manual-text", with: "html-article") + "\ntext = \"x\"\n", to: "93-reader.toml", in: sources.user)
        try sources.write(manual.replacingOccurrences(of: "subject = \"Jane Doe\"\n", with: "") + "\ntext = \"x\"\n", to: "94-nosubject.toml", in: sources.user)
        try sources.write(manual + "\ntext = \"x\"\nurl = \"https://example.org/\"\n", to: "95-url.toml", in: sources.user)
        try sources.write(manual + "\ntext = \"x\"\nrobots = \"api\"\n", to: "96-robots.toml", in: sources.user)
        let loaded = sources.load(environment: ["HOME": sources.root.path(percentEncoded: false)])
        let entries = loaded.catalog.entries
        #expect(entries.map(\.definition.name) == ["90-text", "91-file", "92-home"])
        #expect(entries[0].definition.input == .text("Jane led the robotics team.\n"))
        #expect(entries[0].definition.subject == "Jane Doe")
        #expect(entries[1].definition.input == .file(sources.user.appending(path: "notes/jane.txt").standardizedFileURL))
        #expect(entries[1].availability == .enabled)
        #expect(entries[2].definition.input == .file(sources.root.appending(path: "jane.txt")))
        #expect(entries[2].availability == .disabled(reason: "no file \(sources.root.appending(path: "jane.txt").path(percentEncoded: false))"))
        #expect(loaded.errors.map { $0.file.lastPathComponent } == ["93-reader.toml", "94-nosubject.toml", "95-url.toml", "96-robots.toml"])
        #expect(loaded.errors[0].message.hasPrefix("reader: a `manual` source is read with `manual-text`"))
        #expect(loaded.errors[1].message.hasPrefix("a manual source needs `subject`"))
        #expect(loaded.errors[2].message.hasPrefix("url: a manual source reads `file` or `text`"))
        #expect(loaded.errors[3].message.hasPrefix("robots: a manual source fetches nothing"))
    }

    @Test("the shipped Sources.d loads without errors and defines the expected sources")
    func shippedSources() throws {
        let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = repository.appending(path: "Sources.d", directoryHint: .isDirectory)
        let loaded = SourceCatalog.load(shippedDirectory: shipped, userDirectory: nil, extraDirectory: nil, environment: [:])
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        let entries = loaded.catalog.entries
        #expect(entries.map(\.definition.name) == [
            "10-wikipedia-search", "11-wikipedia-summary", "12-wikipedia-article", "13-wikipedia-company-summary",
            "20-wikidata-search", "21-wikidata-entity", "22-wikidata-company-search", "23-wikidata-company-entity",
            "24-openalex-authors", "25-orcid-search", "26-orcid-person", "27-orcid-employments", "28-orcid-educations",
            "29-dblp-authors", "30-searxng", "31-duckduckgo", "32-searxng-company", "33-github-user-search", "34-hackernews",
            "40-company-site", "41-company-sitemap", "50-google-news", "51-company-feed", "60-personal-site", "70-github-user",
            "80-brave", "90-manual",
        ])
        let byName = Dictionary(uniqueKeysWithValues: entries.map { ($0.definition.name, $0) })
        #expect(byName["80-brave"]?.availability == .disabled(reason: "BRAVE_API_KEY is not set"))
        #expect(byName["30-searxng"]?.availability.isEnabled == false)
        #expect(byName["32-searxng-company"]?.availability.isEnabled == false)
        #expect(byName["90-manual"]?.availability == .disabled(reason: "enabled = false"))
        #expect(entries.filter { !$0.availability.isEnabled }.count == 4)
        #expect(byName["21-wikidata-entity"]?.definition.claims == ["P108", "P39", "P69", "P166", "P856", "P2037"])
        #expect(byName["21-wikidata-entity"]?.definition.qualifiers == ["P580", "P582", "P585"])
        // The services' APIs follow their own rules, not robots.txt; pages and DuckDuckGo's results page obey it.
        let apis = Set(entries.filter { $0.definition.robots == .api }.map(\.definition.name))
        #expect(apis == [
            "10-wikipedia-search", "11-wikipedia-summary", "13-wikipedia-company-summary", "20-wikidata-search",
            "21-wikidata-entity", "22-wikidata-company-search", "23-wikidata-company-entity", "24-openalex-authors",
            "25-orcid-search", "26-orcid-person", "27-orcid-employments", "28-orcid-educations", "29-dblp-authors", "30-searxng",
            "32-searxng-company", "33-github-user-search", "34-hackernews", "50-google-news", "70-github-user", "80-brave",
        ])
        // The new keyless registries' rules: ORCID answers JSON only when asked; dblp wants two seconds; GitHub its headers.
        #expect(byName["25-orcid-search"]?.definition.headers.map(\.name) == ["Accept"])
        #expect(byName["29-dblp-authors"]?.definition.minimumInterval == 2)
        #expect(byName["33-github-user-search"]?.definition.headers.map(\.name) == ["Accept", "X-GitHub-Api-Version"])
        #expect(byName["31-duckduckgo"]?.definition.minimumInterval == 2)
        #expect(byName["23-wikidata-company-entity"]?.definition.claims == ["P571", "P159", "P452", "P169", "P1128", "P856"])
        #expect(entries.allSatisfy { $0.definition.urlTemplate?.placeholders.contains(.key) != true || $0.definition.keyEnvironmentVariable != nil })

        let values = TemplateValues([
            .person: "Ada Lovelace", .query: "Ada Lovelace", .title: "Ada Lovelace", .qid: "Q7259", .github: "octocat",
            .company: "Acme Robotics", .domain: "acme.example",
        ])
        #expect(byName["10-wikipedia-search"]?.definition.urlTemplate?.expand(values)
            == "https://en.wikipedia.org/w/api.php?action=query&list=search&srsearch=Ada%20Lovelace&format=json")
        #expect(byName["11-wikipedia-summary"]?.definition.urlTemplate?.expand(values)
            == "https://en.wikipedia.org/api/rest_v1/page/summary/Ada_Lovelace")
        #expect(byName["12-wikipedia-article"]?.definition.urlTemplate?.expand(values) == "https://en.wikipedia.org/wiki/Ada_Lovelace")
        #expect(byName["21-wikidata-entity"]?.definition.urlTemplate?.expand(values)
            == "https://www.wikidata.org/wiki/Special:EntityData/Q7259.json")
        #expect(byName["40-company-site"]?.definition.urlTemplate?.expand(values) == "https://acme.example/")
        #expect(byName["70-github-user"]?.definition.urlTemplate?.expand(values) == "https://api.github.com/users/octocat")
        #expect(byName["24-openalex-authors"]?.definition.urlTemplate?.expand(values)
            == "https://api.openalex.org/authors?search=Ada%20Lovelace")
        #expect(byName["25-orcid-search"]?.definition.urlTemplate?.expand(values)
            == "https://pub.orcid.org/v3.0/expanded-search/?q=given-and-family-names%3A%22Ada%20Lovelace%22&rows=10")
        var withORCID = values
        withORCID[.orcid] = "0000-0002-1825-0097"
        #expect(byName["26-orcid-person"]?.definition.urlTemplate?.expand(values) == nil)
        #expect(byName["27-orcid-employments"]?.definition.urlTemplate?.expand(withORCID)
            == "https://pub.orcid.org/v3.0/0000-0002-1825-0097/employments")
        #expect(byName["33-github-user-search"]?.definition.urlTemplate?.expand(values)
            == "https://api.github.com/search/users?q=%22Ada%20Lovelace%22+in%3Aname+type%3Auser&per_page=5")
        #expect(byName["34-hackernews"]?.definition.urlTemplate?.expand(values)
            == "https://hn.algolia.com/api/v1/search?query=%22Ada%20Lovelace%22&tags=story&hitsPerPage=10")

        let withKey = SourceCatalog.load(
            shippedDirectory: shipped, userDirectory: nil, extraDirectory: nil, environment: ["BRAVE_API_KEY": "k"],
            search: SearchSettings(searxngURL: "https://searx.example.org"))
        #expect(withKey.catalog.enabledEntries.count == entries.count - 1)
    }

    @Test("the shipped directory is found from a checkout, from an installed prefix, or DOSSIER_SOURCES_DIR")
    func shippedDirectoryLookup() throws {
        let sources = try TemporarySources()
        let checkout = sources.root.appending(path: "checkout")
        try sources.write("// swift-tools-version: 6.1\n", to: "Package.swift", in: checkout)
        try sources.write("", to: "README.md", in: checkout.appending(path: "Sources.d"))
        try sources.write("", to: "dossier", in: checkout.appending(path: ".build/release"))
        let fromCheckout = SourceCatalog.shippedDirectory(
            executablePath: checkout.appending(path: ".build/release/dossier").path(percentEncoded: false), environment: [:])
        #expect(fromCheckout?.standardizedFileURL.path(percentEncoded: false).hasSuffix("checkout/Sources.d/") == true)

        let prefix = sources.root.appending(path: "prefix")
        try sources.write("", to: "dossier", in: prefix.appending(path: "bin"))
        try sources.write("", to: "README.md", in: prefix.appending(path: "share/dossier/Sources.d"))
        let installed = SourceCatalog.shippedDirectory(
            executablePath: prefix.appending(path: "bin/dossier").path(percentEncoded: false), environment: [:])
        #expect(installed?.standardizedFileURL.path(percentEncoded: false).hasSuffix("prefix/share/dossier/Sources.d/") == true)

        let nowhere = SourceCatalog.shippedDirectory(
            executablePath: sources.root.appending(path: "elsewhere/bin/dossier").path(percentEncoded: false), environment: [:])
        #expect(nowhere == nil)

        let overridden = SourceCatalog.shippedDirectory(
            executablePath: prefix.appending(path: "bin/dossier").path(percentEncoded: false),
            environment: ["DOSSIER_SOURCES_DIR": "/opt/sources"])
        #expect(overridden?.path(percentEncoded: false).hasPrefix("/opt/sources") == true)
    }

    @Test("the user's directory is sources.d in the configuration directory, under DOSSIER_HOME when set")
    func userDirectory() {
        let paths = DossierPaths(environment: ["DOSSIER_HOME": "/tmp/dossier-home"])
        #expect(SourceCatalog.userDirectory(paths: paths).path(percentEncoded: false) == "/tmp/dossier-home/config/sources.d/")
    }
}
