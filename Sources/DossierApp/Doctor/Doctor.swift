import DossierCore
import DossierDiscover
import DossierExtract
import DossierFetch
import DossierSchedule
import DossierSettings
import DossierStore
import Foundation

/// Checks what dossier depends on, in this order: libcurl (`libcurl`), its CA bundle (`ca_bundle`),
/// libxml2 (`libxml2`), a PDF renderer (`pdf_renderer`), `config.toml` (`config`), the User-Agent's
/// contact (`contact`), the Sources.d
/// (`sources`) and Banks.d (`banks`) files, the store (`store`), the nightly schedule (`schedule`) and
/// the last successful refresh (`refresh`).
///
/// Reads only: a missing store is reported, not created, and no schedule is changed.
public struct Doctor: Sendable {
    /// The configuration, data and user drop-in directories to check.
    public let paths: DossierPaths
    /// The shipped `Sources.d` (Banks.d is its sibling); nil when none was found.
    public let shippedSources: URL?
    /// The process environment: `PATH` for the PDF renderer, API keys for the sources.
    public let environment: [String: String]
    /// Reads the installed schedule.
    public let scheduler: Scheduler
    public let now: Date

    public init(paths: DossierPaths, shippedSources: URL?, environment: [String: String], scheduler: Scheduler, now: Date = Date()) {
        self.paths = paths
        self.shippedSources = shippedSources
        self.environment = environment
        self.scheduler = scheduler
        self.now = now
    }

    /// The doctor of the binary at `executablePath`, in this process's environment.
    public init(executablePath: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(
            paths: DossierPaths(environment: environment),
            shippedSources: SourceCatalog.shippedDirectory(executablePath: executablePath, environment: environment),
            environment: environment, scheduler: Scheduler(environment: .current(executablePath: executablePath)))
    }

    /// Every check, in the order listed above.
    public func run() -> [DoctorCheck] {
        let curl = CurlLibrary.loaded()
        var checks = [
            Self.check(curl),
            Self.checkCABundle(of: curl),
            DoctorCheck(name: "libxml2", status: .ok, detail: LibXMLVersion.loaded),
            Self.check(PDFRenderer(environment: environment)),
        ]
        let (configCheck, config) = Self.checkConfig(file: paths.configFile)
        checks.append(configCheck)
        checks.append(Self.checkContact(config))
        checks.append(checkSources(search: config.search))
        checks.append(checkBanks())
        let (storeCheck, upcoming) = checkStore()
        checks.append(storeCheck)
        checks.append(checkSchedule(upcoming: upcoming))
        checks.append(checkRefresh(upcoming: upcoming))
        return checks
    }

    // MARK: Libraries and programs

    /// TLS is required (every source is https); HTTP/2 is expected; brotli and zstd are reported only.
    static func check(_ curl: CurlLibrary) -> DoctorCheck {
        func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
        let detail = "\(curl.version), TLS \(curl.tlsBackend ?? "none"), HTTP/2 \(yesNo(curl.http2)), "
            + "brotli \(yesNo(curl.brotli)), zstd \(yesNo(curl.zstd))"
        guard curl.tlsBackend != nil else {
            return DoctorCheck(
                name: "libcurl", status: .broken, detail: detail + ": https pages cannot be fetched",
                fix: "install a libcurl built with TLS: apt-get install libcurl4")
        }
        guard curl.http2 else {
            return DoctorCheck(
                name: "libcurl", status: .warning, detail: detail + ": each request to a host needs its own connection",
                fix: "install a libcurl built with nghttp2 (Debian's libcurl4 is): apt-get install libcurl4")
        }
        return DoctorCheck(name: "libcurl", status: .ok, detail: detail)
    }

    /// Where Debian and Ubuntu keep the CA bundle, checked when libcurl names none.
    static let debianCABundle = "/etc/ssl/certs/ca-certificates.crt"

    /// libcurl's own CA bundle (else its CA directory, else Debian's bundle) must exist and not be empty.
    static func checkCABundle(of curl: CurlLibrary) -> DoctorCheck {
        let files = FileManager.default
        let fix = "apt-get install ca-certificates"
        if let bundle = curl.caBundle ?? (curl.caDirectory == nil ? debianCABundle : nil) {
            let size = (try? files.attributesOfItem(atPath: bundle)[.size] as? Int) ?? nil
            guard let size, size > 0 else {
                return DoctorCheck(
                    name: "ca_bundle", status: .broken, detail: "\(bundle) is missing or empty: https fails", fix: fix)
            }
            return DoctorCheck(name: "ca_bundle", status: .ok, detail: bundle)
        }
        let directory = curl.caDirectory ?? ""
        let entries = (try? files.contentsOfDirectory(atPath: directory)) ?? []
        guard !entries.isEmpty else {
            return DoctorCheck(
                name: "ca_bundle", status: .broken, detail: "\(directory) is missing or empty: https fails", fix: fix)
        }
        return DoctorCheck(name: "ca_bundle", status: .ok, detail: directory)
    }

    static func check(_ renderer: PDFRenderer) -> DoctorCheck {
        guard let engine = renderer.engine() else {
            return DoctorCheck(
                name: "pdf_renderer", status: .warning,
                detail: "no Chromium or WeasyPrint on PATH: dossier print and --format pdf cannot make a PDF",
                fix: "apt-get install chromium")
        }
        return DoctorCheck(name: "pdf_renderer", status: .ok, detail: engine.executable)
    }

    // MARK: Files

    /// The check and the configuration the later checks use (the defaults when the file is broken).
    /// The User-Agent every request carries; a warning without a contact (Wikimedia's policy asks
    /// API clients for one).
    static func checkContact(_ config: DossierConfig) -> DoctorCheck {
        guard UserAgent.cleanedContact(config.network.contact) != nil else {
            return DoctorCheck(
                name: "contact", status: .warning, detail: "User-Agent: \(config.userAgent): " + UserAgent.contactAdvice.prefix { $0 != "\n" },
                fix: "add to config.toml: [network] contact = \"you@example.org\" (or a URL where you can be reached)")
        }
        return DoctorCheck(name: "contact", status: .ok, detail: "User-Agent: \(config.userAgent)")
    }

    static func checkConfig(file: URL) -> (DoctorCheck, DossierConfig) {
        let path = file.path(percentEncoded: false)
        let loaded: LoadedConfig
        do {
            loaded = try ConfigLoader.load(file: file)
        } catch {
            let check = DoctorCheck(
                name: "config", status: .broken, detail: error.description,
                fix: "correct \(path) where the error points (README.md, Configuration, lists the keys)")
            return (check, DossierConfig())
        }
        guard FileManager.default.fileExists(atPath: path) else {
            return (DoctorCheck(name: "config", status: .ok, detail: "\(path) does not exist: the defaults apply"), loaded.config)
        }
        guard loaded.warnings.isEmpty else {
            let check = DoctorCheck(
                name: "config", status: .warning, detail: loaded.warnings.map(\.description).joined(separator: "; "),
                fix: "remove or correct the keys named (unknown keys are ignored)")
            return (check, loaded.config)
        }
        return (DoctorCheck(name: "config", status: .ok, detail: path), loaded.config)
    }

    func checkSources(search: SearchSettings) -> DoctorCheck {
        guard let shippedSources else {
            return DoctorCheck(
                name: "sources", status: .broken, detail: "no shipped Sources.d found beside the dossier binary",
                fix: "install with make install (it puts Sources.d in PREFIX/share/dossier), or set DOSSIER_SOURCES_DIR")
        }
        let loaded = SourceCatalog.load(
            shippedDirectory: shippedSources, userDirectory: SourceCatalog.userDirectory(paths: paths), extraDirectory: nil,
            environment: environment, search: search)
        guard loaded.errors.isEmpty else {
            return DoctorCheck(
                name: "sources", status: .broken, detail: loaded.errors.map(\.description).joined(separator: "; "),
                fix: "correct or remove the file named (Sources.d/README.md documents the format)")
        }
        let catalog = loaded.catalog
        return DoctorCheck(
            name: "sources", status: .ok,
            detail: "\(catalog.entries.count) sources, \(catalog.enabledEntries.count) enabled, from \(shippedSources.path(percentEncoded: false))")
    }

    func checkBanks() -> DoctorCheck {
        let banks: SummaryBanks
        do {
            banks = try BankFiles.load(besideSources: shippedSources, paths: paths)
        } catch {
            return DoctorCheck(
                name: "banks", status: .broken, detail: error.description,
                fix: "correct or remove the file named (README.md, Banks.d, documents the format)")
        }
        guard !banks.questions.isEmpty else {
            return DoctorCheck(
                name: "banks", status: .warning, detail: "no question bank found: dossiers get no suggested questions",
                fix: "install Banks.d beside Sources.d (make install does)")
        }
        return DoctorCheck(
            name: "banks", status: .ok,
            detail: "\(banks.questions.count) question templates, \(banks.checklist.count) checklist steps")
    }

    // MARK: Store, schedule and refresh

    /// The check and the start times of the upcoming meetings (none when the store cannot be read).
    func checkStore() -> (DoctorCheck, [Date]) {
        let file = paths.dataDirectory.appending(path: DossierStore.fileName, directoryHint: .notDirectory)
        let path = file.path(percentEncoded: false)
        guard FileManager.default.fileExists(atPath: path) else {
            return (DoctorCheck(name: "store", status: .ok, detail: "\(path) does not exist yet: the first build creates it"), [])
        }
        let fix = "move \(path) aside (the next build starts an empty store) or restore it from a backup"
        do {
            let (problems, upcoming) = try Workspace.withStore(at: paths.dataDirectory) { store in
                (try store.integrityProblems(), try store.meetings(status: .upcoming).map(\.startsAt).filter { $0 >= now })
            }
            guard problems.isEmpty else {
                let detail = "integrity_check: " + problems.prefix(3).joined(separator: "; ")
                return (DoctorCheck(name: "store", status: .broken, detail: detail, fix: fix), [])
            }
            return (DoctorCheck(name: "store", status: .ok, detail: "\(path): integrity ok, \(upcoming.count) upcoming meeting(s)"), upcoming)
        } catch {
            return (DoctorCheck(name: "store", status: .broken, detail: "\(error)", fix: fix), [])
        }
    }

    /// Not installed is a warning only when meetings are coming up.
    func checkSchedule(upcoming: [Date]) -> DoctorCheck {
        let status: ScheduleStatus
        do {
            status = try scheduler.status()
        } catch {
            return DoctorCheck(
                name: "schedule", status: .warning, detail: "cannot read the schedule: \(error)",
                fix: "run dossier schedule status for the details")
        }
        guard status.installed else {
            guard upcoming.isEmpty else {
                return DoctorCheck(
                    name: "schedule", status: .warning,
                    detail: "not installed, with \(upcoming.count) upcoming meeting(s): their dossiers go stale",
                    fix: "dossier schedule install")
            }
            return DoctorCheck(name: "schedule", status: .ok, detail: "not installed (no upcoming meetings)")
        }
        var detail = "\(status.backend), daily at \(status.time?.description ?? "an unreadable time")"
        if let nextRun = status.nextRun { detail += ", next run \(timestamp(nextRun))" }
        guard status.warnings.isEmpty else {
            return DoctorCheck(
                name: "schedule", status: .warning, detail: detail + ": " + status.warnings.joined(separator: "; "),
                fix: "dossier schedule install")
        }
        return DoctorCheck(name: "schedule", status: .ok, detail: detail)
    }

    /// A warning, as interactive commands give, when meetings are within a week and the last
    /// successful refresh is more than two days old.
    func checkRefresh(upcoming: [Date]) -> DoctorCheck {
        let lastSuccess = RefreshStamp.read(paths: paths)
        if let warning = RefreshStamp.staleWarning(upcoming: upcoming, lastSuccess: lastSuccess, now: now) {
            return DoctorCheck(name: "refresh", status: .warning, detail: warning, fix: "dossier refresh")
        }
        let detail = lastSuccess.map { "last succeeded \(timestamp($0))" } ?? "never run"
        return DoctorCheck(name: "refresh", status: .ok, detail: detail)
    }

    private func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = scheduler.environment.timeZone
        return formatter.string(from: date)
    }
}
