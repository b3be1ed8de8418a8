import Foundation
import Testing

@Suite("dossier doctor", .serialized)
struct DoctorCommandTests {
    /// A run whose PATH holds no program, so no PDF renderer, systemctl or crontab is found.
    func isolatedRun() throws -> DossierRun {
        var dossier = try DossierRun()
        dossier.path = dossier.home.appendingPathComponent("bin").path
        return dossier
    }

    func checks(in output: String) throws -> (checks: [[String: Any]], ok: Bool?) {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(Set(report.keys) == ["checks", "ok"])
        return (try #require(report["checks"] as? [[String: Any]]), report["ok"] as? Bool)
    }

    @Test("a fresh home: exit 0, a warning for the missing PDF renderer with its fix, stable JSON keys")
    func freshHome() throws {
        let dossier = try isolatedRun()
        defer { dossier.remove() }
        var result = try dossier(["doctor"])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains("warning  pdf_renderer"))
        #expect(result.output.contains("fix: apt-get install chromium"))
        #expect(result.output.contains("ok       config"))
        result = try dossier(["doctor", "--quiet"])
        #expect(result.status == 0)
        #expect(result.output.contains("warning  pdf_renderer"))
        #expect(!result.output.contains("ok       config"))

        result = try dossier(["doctor", "--json"])
        #expect(result.status == 0)
        let (checks, ok) = try checks(in: result.output)
        #expect(ok == true)
        #expect(checks.map { $0["name"] as? String } == [
            "libcurl", "ca_bundle", "libxml2", "pdf_renderer", "config", "contact", "sources", "banks", "store", "schedule", "refresh",
        ])
        for check in checks {
            #expect(Set(check.keys) == ["name", "status", "detail", "fix"])
            #expect(["ok", "warning", "broken"].contains(check["status"] as? String))
        }
        let renderer = try #require(checks.first { $0["name"] as? String == "pdf_renderer" })
        #expect(renderer["status"] as? String == "warning")
        let config = try #require(checks.first { $0["name"] as? String == "config" })
        #expect(config["fix"] is NSNull)
        #expect(!FileManager.default.fileExists(atPath: dossier.home.appendingPathComponent("data/dossier.sqlite").path))
    }

    @Test("a broken config.toml: exit 1, broken with file and line, ok false")
    func brokenConfig() throws {
        let dossier = try isolatedRun()
        defer { dossier.remove() }
        try "[network]\nper_host_delay_ms = \"soon\"\n"
            .write(to: dossier.home.appendingPathComponent("config/config.toml"), atomically: true, encoding: .utf8)
        var result = try dossier(["doctor"])
        #expect(result.status == 1)
        #expect(result.output.contains("broken   config"))
        #expect(result.output.contains("config.toml:2:"))

        result = try dossier(["doctor", "--json"])
        #expect(result.status == 1)
        let (checks, ok) = try checks(in: result.output)
        #expect(ok == false)
        let config = try #require(checks.first { $0["name"] as? String == "config" })
        #expect(config["status"] as? String == "broken")
        #expect((config["fix"] as? String)?.isEmpty == false)
    }
}
