import ArgumentParser
import DossierApp
import Foundation

/// `dossier doctor`: checks the libraries, programs, files and store dossier depends on.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check libcurl, libxml2, the PDF renderer, the config, source and bank files, the store and the schedule.",
        discussion: """
        Each check is ok, warning or broken, with the fix for each problem. Checks, in order:
          libcurl       version, TLS backend (broken without), HTTP/2 (warning without), brotli, zstd
          ca_bundle     the CA bundle libcurl verifies servers with exists (broken when missing)
          libxml2       version
          pdf_renderer  Chromium or WeasyPrint on PATH (warning when none)
          config        config.toml loads (broken with FILE:LINE; unknown keys are a warning)
          sources       the Sources.d files load (broken with FILE:LINE)
          banks         the Banks.d files load (broken with FILE:LINE)
          store         the store opens and PRAGMA integrity_check is ok (a missing store is ok)
          schedule      the nightly refresh (warning when not installed and meetings are upcoming)
          refresh       the last successful refresh (warning when meetings are within a week and it is
                        more than two days old)
        Nothing is changed: a missing store is not created. --quiet prints only the checks that are not ok.

        --json prints one object with stable keys:
          checks   array of objects, in the order above, with the keys
                     name     the check's name, as above
                     status   "ok", "warning" or "broken"
                     detail   what was found
                     fix      what to do, or null when the status is ok
          ok       true when no check is broken

        Exit status: 0 when nothing is broken (warnings allowed), 1 when a check is broken.

        Examples:
          dossier doctor
          dossier doctor --json
        """
    )

    @Flag(help: "Print a JSON object (stable keys, listed above).")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        // The doctor reads config.toml itself: a broken one is a finding, not a failure to start.
        let checks = Doctor(executablePath: CommandLine.arguments[0]).run()
        let broken = checks.filter { $0.status == .broken }.count
        if json {
            try StandardOutput.writeJSON(DoctorReport(checks: checks.map(CheckListing.init), ok: broken == 0))
        } else {
            StandardOutput.writeLines(Self.report(checks, quiet: global.quiet))
        }
        if broken > 0 { throw ExitCode.failure }
    }

    /// One line per check (status, name, detail), the fix indented below it, then a summary line;
    /// only the checks that are not ok, and no summary, when `quiet`.
    private static func report(_ checks: [DoctorCheck], quiet: Bool) -> [String] {
        let nameWidth = checks.map(\.name.count).max() ?? 0
        let indent = String(repeating: " ", count: 9 + nameWidth + 2)
        var lines: [String] = []
        for check in checks where !quiet || check.status != .ok {
            let status = check.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            lines.append(status + check.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  " + check.detail)
            if let fix = check.fix { lines.append(indent + "fix: " + fix) }
        }
        if quiet { return lines }
        let warnings = checks.filter { $0.status == .warning }.count
        let broken = checks.filter { $0.status == .broken }.count
        lines.append(broken == 0 ? "nothing is broken (\(warnings) warning(s))" : "\(broken) broken, \(warnings) warning(s)")
        return lines
    }
}

/// `dossier doctor --json`: keys are stable and listed in the command's help.
private struct DoctorReport: Encodable {
    let checks: [CheckListing]
    let ok: Bool
}

private struct CheckListing: Encodable {
    let name: String
    let status: String
    let detail: String
    let fix: String?

    init(_ check: DoctorCheck) {
        name = check.name
        status = check.status.rawValue
        detail = check.detail
        fix = check.fix
    }

    enum CodingKeys: String, CodingKey { case name, status, detail, fix }

    /// `fix` is written as null when absent, so every key is always present.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(status, forKey: .status)
        try container.encode(detail, forKey: .detail)
        try container.encode(fix, forKey: .fix)
    }
}
