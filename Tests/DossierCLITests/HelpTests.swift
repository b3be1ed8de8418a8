import Foundation
import Testing

/// Every command's --help says what it does, with examples a terminal of 80 columns shows whole,
/// and the exit statuses it can end with (issue 14, point 18).
@Suite("help")
struct HelpTests {
    static let leaves = [
        "build", "meeting add", "meeting list", "meeting show", "meeting edit", "meeting remove", "meeting done",
        "meeting import", "refresh", "print", "notes", "letter intro", "letter thanks", "schedule install",
        "schedule status", "schedule remove", "demo", "fetch", "extract", "sources list", "sources check", "doctor",
    ]
    static let groups = ["", "meeting", "letter", "schedule", "sources"]

    /// The lines of the Examples block of a help text.
    static func examples(_ help: String) -> [String] {
        let lines = help.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "Examples:") else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }

    @Test("examples fit 80 columns, one command per line", arguments: leaves + groups)
    func examplesFit(command: String) throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        let result = try dossier(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(result.status == 0)
        let examples = Self.examples(result.output)
        #expect(!examples.isEmpty, "\(command) --help has no examples")
        for line in examples {
            #expect(line.hasPrefix("  ") && line.count <= 80, "\(command): a wrapped or long example line: \(line.debugDescription)")
        }
    }

    @Test("each command lists its exit statuses", arguments: leaves)
    func exitStatuses(command: String) throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        let help = try dossier(command.split(separator: " ").map(String.init) + ["--help"]).output
        #expect(help.contains("Exit status: 0 "), "\(command) --help lists no exit statuses")
    }

    @Test("build's help names every status it ends with")
    func buildStatuses() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        let help = try dossier(["build", "--help"]).output.replacingOccurrences(of: "\n", with: " ")
        for status in ["0 when", "1 when", "64 on", "69 when", "73 when", "75 when", "78 when"] {
            #expect(help.contains(status), "\(status)")
        }
    }
}
