import DossierApp
import ExternalCommands
import Foundation
import LoopbackServer
import Testing

/// The `dossier` command built beside this test bundle, run in a temporary DOSSIER_HOME.
struct DossierRun {
    let home: URL
    var path: String
    /// Shell commands run before the shell makes way for `dossier` (`exec`): to set a limit
    /// or mount something for this run only.
    var preamble: String?
    /// A program and its arguments that run the command: `unshare --mount …` so that what the
    /// preamble mounts is seen by this run alone, or `setpriv --reuid …` to run it as another user.
    var launcher: [String] = []
    /// More environment variables for the command (`DOSSIER_SOURCES_DIR`, say).
    var variables: [String: String] = [:]

    /// No file may grow beyond `bytes` (RLIMIT_FSIZE, with SIGXFSZ ignored so that writes fail
    /// with EFBIG): the kernel refuses writes as on a full disk.
    static func fileSizeLimit(_ bytes: Int) -> String {
        "trap '' XFSZ; prlimit --pid $$ --fsize=\(bytes)"
    }

    static let binary: URL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("dossier")

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("config"), withIntermediateDirectories: true)
        path = "/usr/bin:/bin"
    }

    func remove() { try? FileManager.default.removeItem(at: home) }

    /// The command's whole environment: a temporary home, and the sanitizer options.
    var environment: [String: String] {
        ["DOSSIER_HOME": home.path, "PATH": path, "HOME": home.path, "TZ": "UTC"].merging(Self.sanitizerOptions) { $1 }
            .merging(variables) { $1 }
    }

    /// The sanitizer options of a sanitized test run (`make test-asan`, `make test-tsan`), so
    /// that a sanitized `dossier` reports, and fails, the same way as the tests.
    static var sanitizerOptions: [String: String] {
        ProcessInfo.processInfo.environment.filter { ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"].contains($0.key) }
    }

    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `dossier arguments`, with `input` on standard input, and waits for it.
    func callAsFunction(_ arguments: [String], input: String? = nil) throws -> Result {
        let process = Process()
        if preamble != nil || !launcher.isEmpty {
            let command = launcher + ["/bin/sh", "-c", "\(preamble ?? ":") && exec \"$0\" \"$@\"", Self.binary.path] + arguments
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments
        }
        process.environment = environment
        process.currentDirectoryURL = home
        return try Self.run(process, input: input)
    }

    /// Runs `process` with `input` on standard input, collecting standard output and standard
    /// error at the same time: a command writing more than a pipe holds to one of them (a
    /// sanitizer's report, say) while the other is being read would otherwise never finish.
    static func run(_ configured: Process, input: String? = nil) throws -> Result {
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        // A fresh copy per attempt: a binary copied just before may be "text file busy" a moment.
        let process = try ProcessStart.run {
            let process = Process()
            process.executableURL = configured.executableURL
            process.arguments = configured.arguments
            process.environment = configured.environment
            process.currentDirectoryURL = configured.currentDirectoryURL
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = standardInput
            return process
        }
        let errorBytes = Thread.detachNewThreadReturning { errors.fileHandleForReading.readDataToEndOfFile() }
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errorBytes.value ?? Data()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                      errors: String(decoding: err, as: UTF8.self))
    }

    /// Starts `dossier arguments` without waiting (standard streams discarded).
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Sends every URL to `server` (which serves the demo web), as `[[rewrite]]` tables do;
    /// `network` adds lines to the `[network]` table.
    func useDemoWeb(_ server: LoopbackServer, network: [String] = []) throws {
        try """
        [network]
        per_host_delay_ms = 0
        source_rates = false
        \(network.joined(separator: "\n"))
        [search]
        searxng = "\(DemoSite.searchBase)"
        [[rewrite]]
        from = "https://"
        to = "\(server.baseURL)/"
        [[rewrite]]
        from = "http://"
        to = "\(server.baseURL)/"
        """.write(to: home.appendingPathComponent("config/config.toml"), atomically: true, encoding: .utf8)
    }

    /// A small script in the run's own bin folder, first on PATH (a fake `lp`, say).
    mutating func install(script name: String, _ body: String) throws {
        let bin = home.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let file = bin.appendingPathComponent(name)
        try ("#!/bin/sh\n" + body + "\n").write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        path = bin.path + ":" + path
    }
}

@Suite("the dossier command", .serialized)
struct CommandLineTests {
    @Test("meeting add, list (text and JSON), show, edit, done and remove")
    func meetings() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        var result = try dossier(["meeting", "add", "Jane Doe", "--at", "2030-12-03 15:00", "--tz", "Europe/Berlin",
                                  "--company", "Acme Robotics", "--via", "Ana Costa", "--call-by", "2026-11-27", "--duration", "45m"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("#1  2030-12-03 15:00 Europe/Berlin  Jane Doe (Acme Robotics), via Ana Costa"))

        result = try dossier(["meeting", "list", "--json"])
        let meetings = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
        let first = try #require(meetings?.first)
        #expect(first["person"] as? String == "Jane Doe")
        #expect(first["starts_at"] as? String == "2030-12-03T14:00:00Z")
        #expect(first["duration_minutes"] as? Int == 45)
        #expect(first["call_by"] as? String == "2026-11-27")
        #expect(first["status"] as? String == "upcoming")

        result = try dossier(["meeting", "edit", "Jane Doe", "--goal", "how they hire", "--via", ""])
        #expect(result.status == 0)
        result = try dossier(["meeting", "show", "1"])
        #expect(result.output.contains("goal: how they hire"))
        #expect(!result.output.contains("via:"))

        result = try dossier(["meeting", "done", "Jane Doe"])
        #expect(result.output.contains("[held]"))
        result = try dossier(["meeting", "remove", "#1"])
        #expect(result.status == 0)
        result = try dossier(["meeting", "list", "--json"])
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || result.output.contains("[]"))
    }

    @Test("meeting add --email keeps the address's domain as the company's, never a free-mail one; edit --email likewise")
    func meetingEmail() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        var result = try dossier(["meeting", "add", "Jane Doe", "--at", "2026-12-03 15:00", "--email", "jane.doe@acme-robotics.com", "--json"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains(#""domain" : "acme-robotics.com""#), "\(result.output)")
        result = try dossier(["meeting", "add", "Jo Roe", "--at", "2026-12-04 10:00", "--email", "jo.roe@gmail.com", "--json"])
        #expect(result.status == 0)
        #expect(!result.output.contains(#""domain""#) || result.output.contains(#""domain" : null"#), "\(result.output)")
        #expect(result.errors.contains("free-mail address"))
        result = try dossier(["meeting", "edit", "Jo Roe", "--email", "jo@roe-labs.example", "--json"])
        #expect(result.output.contains(#""domain" : "roe-labs.example""#), "\(result.output)")
        result = try dossier(["meeting", "add", "Jo Roe", "--at", "2026-12-04 10:00", "--email", "jo-at-roe"])
        #expect(result.status == 64)
    }

    @Test("clear usage errors: a bad time, a missing --at, an unknown meeting, an empty name")
    func usageErrors() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        var result = try dossier(["meeting", "add", "Jane Doe", "--at", "next tuesday"])
        #expect(result.status == 64)
        #expect(result.errors.contains("cannot read \"next tuesday\""))
        result = try dossier(["meeting", "add", "Jane Doe"])
        #expect(result.status == 64)
        #expect(result.errors.contains("--at is required"))
        result = try dossier(["meeting", "show", "Nobody Here"])
        #expect(result.status == 64)
        #expect(result.errors.contains("no meeting with Nobody Here"))
        result = try dossier(["meeting", "add", "   ", "--at", "2026-12-03 15:00"])
        #expect(result.status == 64)
        result = try dossier(["meeting", "list", "--upcoming", "soon"])
        #expect(result.status == 64)
    }

    @Test("import a calendar file twice: one meeting, the second import changes nothing")
    func calendarImport() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        let calendar = dossier.home.appendingPathComponent("cal.ics")
        try """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//test//EN\r
        BEGIN:VEVENT\r
        UID:a@test\r
        DTSTAMP:20261101T120000Z\r
        DTSTART;TZID=Europe/Berlin:20261203T150000\r
        DTEND;TZID=Europe/Berlin:20261203T153000\r
        SUMMARY:[info] Coffee with Jane Doe (Acme Robotics)\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        UID:b@test\r
        DTSTAMP:20261101T120000Z\r
        DTSTART:20261204T090000Z\r
        SUMMARY:Dentist\r
        END:VEVENT\r
        END:VCALENDAR\r

        """.write(to: calendar, atomically: true, encoding: .utf8)
        var result = try dossier(["meeting", "import", calendar.path, "--json"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("\"added\" : [\n    \"[info] Coffee with Jane Doe (Acme Robotics)\""))
        result = try dossier(["meeting", "import", calendar.path])
        #expect(result.errors.contains("0 added, 0 updated, 0 cancelled, 1 unchanged, 0 skipped, 1 other events"))
        result = try dossier(["meeting", "list"])
        #expect(result.output.contains("2026-12-03 15:00 Europe/Berlin  Jane Doe (Acme Robotics)"))
        result = try dossier(["meeting", "import", dossier.home.appendingPathComponent("missing.ics").path])
        #expect(result.status == 66)
        result = try dossier(["meeting", "import", "http://calendar.example/cal.ics"])
        #expect(result.status == 64)
        #expect(result.errors.contains("must be https"))
    }

    @Test("notes from --text and from standard input; letters drafted next to the dossier")
    func notesAndLetters() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        _ = try dossier(["meeting", "add", "Jane Doe", "--at", "2026-12-03 15:00", "--via", "Ana Costa", "--call-by", "2026-11-27"])
        var result = try dossier(["notes", "Jane Doe", "--text", "Start with the customer's problem"])
        #expect(result.status == 0, "\(result.errors)")
        result = try dossier(["notes", "Jane Doe"], input: "Ask Ana about the meetup\n")
        #expect(result.status == 0, "\(result.errors)")
        result = try dossier(["notes", "Jane Doe", "--list"])
        #expect(result.output.contains("Start with the customer's problem"))
        #expect(result.output.contains("Ask Ana about the meetup"))

        result = try dossier(["letter", "intro", "Jane Doe"])
        #expect(result.status == 0, "\(result.errors)")
        let intro = try String(contentsOfFile: result.output.trimmingCharacters(in: .whitespacesAndNewlines), encoding: .utf8)
        #expect(intro.contains("Ana Costa suggested that I write to you."))
        #expect(intro.contains("I will call you on Friday 27 November"))
        result = try dossier(["letter", "thanks", "Jane Doe"])
        let thanks = try String(contentsOfFile: result.output.trimmingCharacters(in: .whitespacesAndNewlines), encoding: .utf8)
        #expect(thanks.contains("- Start with the customer's problem"))
        #expect(thanks.contains("Dear Ana Costa,"))
    }

    @Test("meeting add, edit, done and remove print the meeting as JSON with --json")
    func meetingChangesJSON() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        func meeting(_ arguments: [String]) throws -> [String: Any]? {
            let result = try dossier(arguments + ["--json"])
            #expect(result.status == 0, "\(result.errors)")
            return try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        }
        let added = try meeting(["meeting", "add", "Jane Doe", "--at", "2026-12-03 15:00", "--company", "Acme"])
        #expect(added?["id"] as? Int == 1 && added?["person"] as? String == "Jane Doe" && added?["starts_at"] as? String == "2026-12-03T15:00:00Z")
        #expect(try meeting(["meeting", "edit", "1", "--goal", "learn about field trials"])?["goal"] as? String == "learn about field trials")
        #expect(try meeting(["meeting", "done", "1"])?["status"] as? String == "held")
        #expect(try meeting(["meeting", "remove", "1"])?["id"] as? Int == 1)
        let left = try JSONSerialization.jsonObject(with: Data(dossier(["meeting", "list", "--json"]).output.utf8)) as? [Any]
        #expect(left?.isEmpty == true)
    }

    @Test("notes and letters print their stable JSON with --json")
    func notesAndLettersJSON() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        _ = try dossier(["meeting", "add", "Jane Doe", "--at", "2026-12-03 15:00", "--via", "Ana Costa"])
        var result = try dossier(["notes", "Jane Doe", "--text", "Start with the customer's problem", "--json"])
        let added = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(added?["meeting"] as? Int == 1 && added?["text"] as? String == "Start with the customer's problem")
        #expect((added?["created_at"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) } != nil)
        result = try dossier(["notes", "1", "--list", "--json"])
        let listed = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
        #expect(listed?.map { Set($0.keys) } == [["meeting", "created_at", "text"]])

        result = try dossier(["letter", "intro", "Jane Doe", "--json"])
        let letter = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(letter?["kind"] as? String == "intro" && letter?["meeting"] as? Int == 1)
        let file = try #require(letter?["file"] as? String)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == letter?["text"] as? String)
        #expect(file.hasSuffix("/jane-doe/letter-intro.md"))
    }

    @Test("print without a dossier, without a renderer, and to a printer through lp")
    func printing() throws {
        var dossier = try DossierRun()
        defer { dossier.remove() }
        var result = try dossier(["print", "Jane Doe"])
        #expect(result.status == 66)
        #expect(result.errors.contains("no dossier built for Jane Doe yet"))

        let server = try LoopbackServer(handler: DemoSite.response(to:))
        defer { server.stop() }
        try dossier.useDemoWeb(server)
        result = try dossier(["build", DemoSite.person, "--company", DemoSite.company, "--domain", DemoSite.domain, "--quiet"])
        #expect(result.status == 0, "\(result.errors)")
        let noRenderer = try dossier(["print", "Mara Quintero"])
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .contains { FileManager.default.isExecutableFile(atPath: $0) }
        if chromium {
            let log = dossier.home.appendingPathComponent("lp.log")
            try dossier.install(script: "lp", "echo \"$@\" > \(log.path)")
            result = try dossier(["print", "Mara Quintero", "--printer", "office"])
            #expect(result.status == 0, "\(result.errors)")
            let pdf = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(pdf.hasSuffix("mara-quintero/dossier.pdf"))
            #expect(try String(contentsOf: log, encoding: .utf8).contains("-d office -- \(pdf)"))
        } else {
            #expect(noRenderer.status == 69)
            #expect(noRenderer.errors.contains("chromium"))
        }
    }

    @Test("refresh with no meetings succeeds and stamps; schedule status works in a temporary home")
    func refreshAndSchedule() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        var result = try dossier(["refresh", "--json"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("["))
        #expect(FileManager.default.fileExists(atPath: dossier.home.appendingPathComponent("data/last-refresh-success").path))
        result = try dossier(["refresh", "--within", "eventually"])
        #expect(result.status == 64)
        result = try dossier(["schedule", "status", "--json"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("\"installed\""))
        result = try dossier(["schedule", "install", "--at", "25:00", "--dry-run"])
        #expect(result.status == 64)
    }

    @Test("odd names: empty, 10,000 characters and control characters are usage errors; emoji, line breaks and path separators give a safe folder")
    func oddNames() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        for name in ["", "   ", String(repeating: "a", count: 10_000), "Jane\u{0007}Doe", "Jane\u{202E}Doe"] {
            let result = try dossier(["build", name, "--offline"])
            #expect(result.status == 64, "\(name.prefix(20).debugDescription): \(result.errors)")
            #expect(!result.errors.isEmpty)
        }
        // Offline with an empty store nothing can be read (69), but the name is taken.
        for name in ["🦄🦄", "Jane\nDoe"] {
            let result = try dossier(["build", name, "--offline"])
            #expect(result.status == 69, "\(name.debugDescription): \(result.errors)")
        }
        let server = try LoopbackServer { _ in .notFound }
        defer { server.stop() }
        try dossier.useDemoWeb(server)
        let result = try dossier(["build", "../../etc/passwd 🦄 Jane", "--quiet"])
        #expect(result.status == 69, "nothing can be fetched from a server that has nothing: \(result.errors)")
        let written = result.output.split(separator: "\n").map(String.init)
        #expect(written.allSatisfy { $0.hasPrefix(dossier.home.appendingPathComponent("output").path + "/etc-passwd-jane/") })
        #expect(!FileManager.default.fileExists(atPath: dossier.home.deletingLastPathComponent().appendingPathComponent("etc").path))
    }
}
