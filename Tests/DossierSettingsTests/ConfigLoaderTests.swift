import DossierCore
@testable import DossierSettings
import Foundation
import Testing

/// A fresh directory for one test's config file, removed when the test ends.
private struct TemporaryConfig: ~Copyable {
    let directory: URL
    var file: URL { directory.appending(path: "config.toml") }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "dossier-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ text: String) throws -> URL {
        try Data(text.utf8).write(to: file)
        return file
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

@Suite("ConfigLoader")
struct ConfigLoaderTests {
    @Test("a missing file gives the defaults and no warnings")
    func missingFile() throws {
        let temporary = try TemporaryConfig()
        let loaded = try ConfigLoader.load(file: temporary.file)
        #expect(loaded.config == DossierConfig())
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.config.network.maxConcurrency == 32)
        #expect(loaded.config.network.perHostDelay == 0.25)
        #expect(loaded.config.network.maxBodyBytes == 10 * 1024 * 1024)
        #expect(loaded.config.network.respectsRobots)
        #expect(!loaded.config.network.allowPrivateAddresses)
    }

    @Test("every documented key is read into the configuration")
    func fullFile() throws {
        let temporary = try TemporaryConfig()
        let file = try temporary.write(
            """
            # dossier settings
            [network]
            allow_private = true
            contact = " me@example.org "
            max_concurrency = 8
            per_host_concurrency = 2
            per_host_delay_ms = 1500
            connect_timeout_s = 2.5
            timeout_s = 30
            stall_timeout_s = 5
            stall_min_bytes_per_s = 0
            max_body_mb = 0.5
            max_redirects = 0
            retries = 0
            max_retry_after_s = 0
            robots = false

            [[rewrite]]
            from = "https://"
            to = "http://127.0.0.1:8080/"

            [[rewrite]]
            from = "https://a.test/"
            to = "http://127.0.0.1:9090/"

            [search]
            searxng = "http://localhost:8888"

            [me]
            name = "Sam Lee"
            goals = "learn how robotics teams hire"
            career_goals = ["robotics PM", "hardware startups"]
            background = "five years in QA"
            """)
        let loaded = try ConfigLoader.load(file: file)
        #expect(loaded.warnings.isEmpty)
        let network = loaded.config.network
        #expect(network.allowPrivateAddresses)
        #expect(network.contact == "me@example.org")
        #expect(network.maxConcurrency == 8)
        #expect(network.perHostConcurrency == 2)
        #expect(network.perHostDelay == 1.5)
        #expect(network.connectTimeout == 2.5)
        #expect(network.timeout == 30)
        #expect(network.stallTimeout == 5)
        #expect(network.stallMinimumBytesPerSecond == 0)
        #expect(network.maxBodyBytes == 512 * 1024)
        #expect(network.maxRedirects == 0)
        #expect(network.retries == 0)
        #expect(network.maxRetryAfter == 0)
        #expect(!network.respectsRobots)
        #expect(loaded.config.rewrites == [
            RewriteRule(from: "https://", to: "http://127.0.0.1:8080/"),
            RewriteRule(from: "https://a.test/", to: "http://127.0.0.1:9090/"),
        ])
        #expect(loaded.config.search.searxngURL == "http://localhost:8888")
        #expect(loaded.config.me == UserProfile(
            name: "Sam Lee", goals: ["learn how robotics teams hire"],
            careerGoals: ["robotics PM", "hardware startups"], background: "five years in QA"))
        #expect(loaded.config.network.contact == "me@example.org")
    }

    @Test("[print] paper sets the paper; without it the locale decides; another value is an error with its line")
    func paper() throws {
        let temporary = try TemporaryConfig()
        let letter = try ConfigLoader.load(file: temporary.write("[print]\npaper = \"Letter\"\n")).config
        #expect(letter.paper == .letter)
        #expect(letter.paper(environment: ["LANG": "de_DE.UTF-8"]) == .letter)
        let unset = DossierConfig()
        #expect(unset.paper(environment: ["LANG": "en_US.UTF-8"]) == .letter)
        #expect(unset.paper(environment: ["LC_PAPER": "de_DE.UTF-8", "LANG": "en_US.UTF-8"]) == .a4)
        #expect(unset.paper(environment: [:]) == .a4)
        #expect(throws: ConfigError.self) { try ConfigLoader.load(file: temporary.write("[print]\n\npaper = \"A3\"\n")) }
        do {
            _ = try ConfigLoader.load(file: temporary.write("[print]\n\npaper = \"A3\"\n"))
        } catch {
            #expect("\(error)".contains(":3"), "\(error)")
        }
    }

    @Test("malformed TOML is an error naming the file and the line")
    func malformedTOML() throws {
        let temporary = try TemporaryConfig()
        let file = try temporary.write("[network]\nretries = 2\nmax_redirects = = 3\n")
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.load(file: file) }
        #expect(error.line == 3)
        guard case .malformedTOML = error.reason else {
            Issue.record("expected malformedTOML, got \(error.reason)")
            return
        }
        #expect(error.description.hasPrefix("\(file.path(percentEncoded: false)):3:"))
    }

    @Test("an unknown key is a warning naming it and its line; the rest still loads")
    func unknownKeys() throws {
        let temporary = try TemporaryConfig()
        let file = try temporary.write(
            """
            colour = "blue"
            [network]
            retries = 4
            alow_private = true

            [[rewrite]]
            from = "https://"
            to = "http://127.0.0.1/"

            [[rewrite]]
            from = "https://b.test/"
            to = "http://127.0.0.1/b/"
            form = "typo"
            """)
        let loaded = try ConfigLoader.load(file: file)
        #expect(loaded.config.network.retries == 4)
        #expect(!loaded.config.network.allowPrivateAddresses)
        #expect(loaded.warnings.map(\.keyPath) == ["colour", "network.alow_private", "rewrite[1].form"])
        #expect(loaded.warnings.map(\.line) == [1, 4, 13])
        #expect(loaded.warnings[1].description == "\(file.path(percentEncoded: false)):4: network.alow_private: unknown key, ignored")
    }

    @Test("a value of the wrong type is an error naming the file, the key and its line")
    func wrongType() throws {
        let temporary = try TemporaryConfig()
        let file = try temporary.write("[network]\nmax_concurrency = 4\nretries = \"three\"\n")
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.load(file: file) }
        #expect(error.reason == .invalidValue(keyPath: "network.retries", "expected an integer of at least 0, found string \"three\""))
        #expect(error.line == 3)
        #expect(error.description.hasPrefix("\(file.path(percentEncoded: false)):3: network.retries:"))
    }

    @Test("values out of range are errors", arguments: [
        ("max_concurrency = 0", "network.max_concurrency"),
        ("retries = -1", "network.retries"),
        ("timeout_s = 0", "network.timeout_s"),
        ("per_host_delay_ms = -5", "network.per_host_delay_ms"),
        ("max_body_mb = nan", "network.max_body_mb"),
        ("contact = \"a\\r\\nb\"", "network.contact"),
        ("robots = \"yes\"", "network.robots"),
    ])
    func outOfRange(line: String, keyPath: String) throws {
        let error = try #require(throws: ConfigError.self) {
            try ConfigLoader.parse("[network]\n\(line)\n", file: URL(filePath: "/c.toml"))
        }
        guard case .invalidValue(let reportedKeyPath, _) = error.reason else {
            Issue.record("expected invalidValue, got \(error.reason)")
            return
        }
        #expect(reportedKeyPath == keyPath)
        #expect(error.line == 2)
    }

    @Test("a table where an array of tables belongs, or a rewrite without `to`, is an error")
    func badRewrites() throws {
        let notArray = try #require(throws: ConfigError.self) {
            try ConfigLoader.parse("[rewrite]\nfrom = \"a\"\nto = \"b\"\n", file: URL(filePath: "/c.toml"))
        }
        #expect(notArray.reason == .invalidValue(keyPath: "rewrite", "expected an array of tables ([[rewrite]]), found table"))
        #expect(notArray.line == 1)

        let missingTo = try #require(throws: ConfigError.self) {
            try ConfigLoader.parse("[[rewrite]]\nfrom = \"a\"\n\n[[rewrite]]\nfrom = \"b\"\n", file: URL(filePath: "/c.toml"))
        }
        #expect(missingTo.reason == .invalidValue(keyPath: "rewrite[0]", "needs a `to` string"))
        #expect(missingTo.line == 1)
    }

    @Test("a repeated rewrite `from` is a warning on the later rule")
    func duplicateRewrite() throws {
        let loaded = try ConfigLoader.parse(
            "rewrite = [{ from = \"a\", to = \"b\" }, { from = \"a\", to = \"c\" }]\n", file: URL(filePath: "/c.toml"))
        #expect(loaded.config.rewrites.count == 2)
        #expect(loaded.warnings.map(\.keyPath) == ["rewrite[1].from"])
        #expect(loaded.warnings.first?.line == 1)
    }

    @Test("keys are located under quoted, dotted and array headers, and not inside multi-line strings")
    func keyLocation() throws {
        let loaded = try ConfigLoader.parse(
            """
            [me]
            background = \"\"\"
            odd = 1
            \"\"\"
            "quoted key" = 2
            [network]
            robots = true
            extra.nested = 3
            """, file: URL(filePath: "/c.toml"))
        #expect(loaded.warnings.map(\.keyPath) == ["me.\"quoted key\"", "network.extra"])
        #expect(loaded.warnings.map(\.line) == [5, 8])
    }

    @Test("a file that is not UTF-8 is an error naming the line")
    func notUTF8() throws {
        let temporary = try TemporaryConfig()
        try Data("[me]\nname = \"Ren".utf8 + [0xE9] + Data("\"\n".utf8)).write(to: temporary.file)
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.load(file: temporary.file) }
        #expect(error.reason == .unreadable("not valid UTF-8"))
        #expect(error.line == 2)
    }

    @Test("a directory in place of the file is an error naming it")
    func unreadable() throws {
        let temporary = try TemporaryConfig()
        try FileManager.default.createDirectory(at: temporary.file, withIntermediateDirectories: false)
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.load(file: temporary.file) }
        #expect(error.reason == .unreadable("is a directory"))
        #expect(error.description == "\(temporary.file.path(percentEncoded: false)): cannot read configuration: is a directory")
    }
}
