import Foundation
import Testing

/// `dossier schedule` on a machine where neither backend can be used (issue 14, point 9).
@Suite("schedule without systemd or cron", .serialized)
struct ScheduleCommandTests {
    /// A run whose PATH holds only a `systemctl` that reaches no user manager: no crontab, no flock.
    static func machineWithoutBackends() throws -> DossierRun {
        var dossier = try DossierRun()
        try dossier.install(script: "systemctl", "echo 'Failed to connect to bus: No medium found' >&2; exit 1")
        dossier.path = dossier.home.appendingPathComponent("bin").path
        return dossier
    }

    @Test("dry runs show what would be installed, whatever is present, and say why installing would fail")
    func dryRuns() throws {
        let dossier = try Self.machineWithoutBackends()
        defer { dossier.remove() }
        var result = try dossier(["schedule", "install", "--dry-run", "--backend", "systemd"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("dossier-refresh.timer") && result.output.contains("OnCalendar="))
        #expect(result.errors.contains("warning: installing would fail on this machine: no systemd user manager is reachable"))
        result = try dossier(["schedule", "install", "--dry-run", "--backend", "cron"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("would run: crontab - with this input:") && result.output.contains("refresh --quiet"))
        #expect(result.errors.contains("warning: installing would fail on this machine: crontab is not on PATH"))
    }

    @Test("installing fails with advice that does not send the user from one missing backend to the other; status says none can be used")
    func installAndStatus() throws {
        let dossier = try Self.machineWithoutBackends()
        defer { dossier.remove() }
        var result = try dossier(["schedule", "install", "--backend", "systemd"])
        #expect(result.status == 69)
        #expect(result.errors.contains("install cron (apt-get install cron) and use --backend cron"))
        result = try dossier(["schedule", "install", "--backend", "cron"])
        #expect(result.status == 69)
        #expect(result.errors.contains("crontab is not on PATH; it is needed for the cron backend (install cron: apt-get install cron)"))
        #expect(!result.errors.contains("--backend systemd"))
        result = try dossier(["schedule", "status"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("backend:      cron would be used, but cannot be here: crontab is not on PATH"))
        result = try dossier(["schedule", "status", "--json"])
        let status = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect((status?["unavailable"] as? String)?.hasPrefix("crontab is not on PATH") == true)
    }
}
