@testable import DossierApp
import DossierExtract
import DossierFetch
import DossierSchedule
import DossierSettings
import DossierStore
import DossierTestSupport
import Foundation
import Logging
import Testing

@Suite("dossier doctor's checks")
struct DoctorTests {
    static let shippedSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources.d")
    /// 2026-01-01T00:00:00Z, the fake scheduler's clock too.
    static let now = Date(timeIntervalSince1970: 1_767_225_600)

    let home: TemporaryHome
    let paths: DossierPaths

    init() throws {
        home = try TemporaryHome()
        paths = DossierPaths(environment: ["HOME": home.path])
    }

    func doctor(runner: FakeCommandRunner = FakeCommandRunner(programs: []), shippedSources: URL? = Self.shippedSources) -> Doctor {
        Doctor(
            paths: paths, shippedSources: shippedSources, environment: ["HOME": home.path, "PATH": ""],
            scheduler: home.scheduler(runner: runner), now: Self.now)
    }

    func check(_ name: String, in checks: [DoctorCheck]) throws -> DoctorCheck {
        try #require(checks.first { $0.name == name })
    }

    func write(_ text: String, to relativePath: String) throws {
        let file = URL(filePath: home.path).appending(path: relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    @Test("a fresh home: every check in order, nothing of the user's broken, and no store created")
    func freshHome() throws {
        let checks = doctor().run()
        #expect(checks.map(\.name) == [
            "libcurl", "ca_bundle", "libxml2", "pdf_renderer", "config", "contact", "sources", "banks", "store", "schedule", "refresh",
        ])
        for name in ["config", "sources", "banks", "store", "schedule", "refresh"] {
            #expect(try check(name, in: checks).status == .ok, "\(name)")
        }
        #expect(try check("libxml2", in: checks).detail.first?.isNumber == true)
        let renderer = try check("pdf_renderer", in: checks)
        #expect(renderer.status == .warning)
        #expect(renderer.fix == "apt-get install chromium")
        // No contact: a warning that says why and how, never an invented contact.
        let contact = try check("contact", in: checks)
        #expect(contact.status == .warning)
        #expect(contact.detail.contains("Wikimedia"))
        #expect(contact.fix?.contains("[network] contact") == true)
        #expect(checks.allSatisfy { ($0.status == .ok) == ($0.fix == nil) })
        #expect(!FileManager.default.fileExists(atPath: paths.dataDirectory.path(percentEncoded: false)))
    }

    @Test("a broken config, source file and bank are broken with file and line; no Sources.d is broken")
    func brokenFiles() throws {
        try write("[network]\nper_host_delay_ms = \"soon\"\n", to: ".config/dossier/config.toml")
        try write("about = \"person\"\nkind = 3\n", to: ".config/dossier/sources.d/99-mine.toml")
        try write("[[question]]\ntopic = \"career\"\nfills = \"joined\"\ntext = \"How was {employer}?\"\n", to: ".config/dossier/banks/questions.toml")
        let checks = doctor().run()
        let config = try check("config", in: checks)
        #expect(config.status == .broken)
        #expect(config.detail.contains("config.toml:2:"))
        let sources = try check("sources", in: checks)
        #expect(sources.status == .broken)
        #expect(sources.detail.contains("99-mine.toml:2:"))
        let banks = try check("banks", in: checks)
        #expect(banks.status == .broken)
        #expect(banks.detail.contains("questions.toml:1:"))
        #expect(try check("sources", in: doctor(shippedSources: nil).run()).status == .broken)
    }

    @Test("an unknown config key is a warning")
    func unknownKey() throws {
        try write("[network]\nspeed = 3\n", to: ".config/dossier/config.toml")
        let config = try check("config", in: doctor().run())
        #expect(config.status == .warning)
        #expect(config.detail.contains("speed"))
    }

    @Test("a file that is not a database is a broken store")
    func corruptStore() throws {
        try write("not a database, not at all, but long enough to have a header\n", to: ".local/share/dossier/dossier.sqlite")
        let store = try check("store", in: doctor().run())
        #expect(store.status == .broken)
        #expect(store.fix?.contains("move") == true)
    }

    @Test("an upcoming meeting without a schedule or a recent refresh gives warnings; a cron schedule is ok")
    func meetingsScheduleAndRefresh() throws {
        let store = try DossierStore(directory: paths.dataDirectory)
        _ = try store.insertMeeting(MeetingRecord(
            personName: "Jane Doe", slug: "jane-doe", startsAt: Self.now.addingTimeInterval(3 * 86_400), timeZone: "UTC",
            at: Self.now))
        try store.close()

        var checks = doctor().run()
        let storeCheck = try check("store", in: checks)
        #expect(storeCheck.status == .ok)
        #expect(storeCheck.detail.contains("integrity ok, 1 upcoming meeting(s)"))
        #expect(try check("schedule", in: checks).status == .warning)
        #expect(try check("schedule", in: checks).fix == "dossier schedule install")
        #expect(try check("refresh", in: checks).status == .warning)
        #expect(try check("refresh", in: checks).fix == "dossier refresh")

        let runner = FakeCommandRunner(programs: ["crontab", "flock"])
        let scheduler = home.scheduler(runner: runner)
        _ = try scheduler.apply(try scheduler.planInstall(at: try ScheduleTime(parsing: "02:30")))
        try RefreshStamp.write(Self.now.addingTimeInterval(-3600), paths: paths)
        checks = doctor(runner: runner).run()
        let schedule = try check("schedule", in: checks)
        #expect(schedule.status == .ok)
        #expect(schedule.detail == "cron, daily at 02:30, next run 2026-01-01T02:30:00Z")
        #expect(try check("refresh", in: checks) == DoctorCheck(name: "refresh", status: .ok, detail: "last succeeded 2025-12-31T23:00:00Z"))
    }

    @Test("libcurl without TLS is broken, without HTTP/2 a warning; brotli and zstd are only reported")
    func curlFeatures() {
        let full = CurlLibrary(
            version: "8.5.0", tlsBackend: "OpenSSL/3.0.13", caBundle: nil, caDirectory: nil, http2: true, brotli: false,
            zstd: false)
        #expect(Doctor.check(full) == DoctorCheck(
            name: "libcurl", status: .ok, detail: "8.5.0, TLS OpenSSL/3.0.13, HTTP/2 yes, brotli no, zstd no"))
        var withoutHTTP2 = full
        withoutHTTP2.http2 = false
        #expect(Doctor.check(withoutHTTP2).status == .warning)
        var withoutTLS = full
        withoutTLS.tlsBackend = nil
        #expect(Doctor.check(withoutTLS).status == .broken)
        #expect(Doctor.check(withoutTLS).fix?.contains("apt-get install") == true)
    }

    @Test("the CA bundle libcurl names must exist and not be empty; a CA directory will do")
    func caBundle() throws {
        let bundle = URL(filePath: home.path).appending(path: "ca.crt")
        var curl = CurlLibrary(
            version: "8.5.0", tlsBackend: "OpenSSL/3.0.13", caBundle: bundle.path(percentEncoded: false), caDirectory: nil,
            http2: true, brotli: true, zstd: true)
        #expect(Doctor.checkCABundle(of: curl).status == .broken)
        #expect(Doctor.checkCABundle(of: curl).fix == "apt-get install ca-certificates")
        try Data().write(to: bundle)
        #expect(Doctor.checkCABundle(of: curl).status == .broken)
        try Data("-----BEGIN CERTIFICATE-----\n".utf8).write(to: bundle)
        #expect(Doctor.checkCABundle(of: curl) == DoctorCheck(name: "ca_bundle", status: .ok, detail: bundle.path(percentEncoded: false)))
        curl.caBundle = nil
        curl.caDirectory = home.path
        #expect(Doctor.checkCABundle(of: curl).status == .ok)
        curl.caDirectory = home.path + "/no-such-directory"
        #expect(Doctor.checkCABundle(of: curl).status == .broken)
    }
}
