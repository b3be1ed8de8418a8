import Foundation
import Testing

/// The meeting commands as a user meets them: errors that name the command, times that exist,
/// options that do what they say (issue 14).
@Suite("meeting commands", .serialized)
struct MeetingCommandTests {
    @Test("an error after parsing prints `error:` and no usage of the whole tool; a bad option value shows the command's usage")
    func errorsNameTheCommand() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        var result = try dossier(["meeting", "show", "99"])
        #expect(result.status == 64)
        #expect(result.errors == "error: no meeting #99 (see `dossier meeting list`)\n")
        result = try dossier(["refresh", "--within", "eventually"])
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix("error: --within: cannot read \"eventually\""))
        #expect(result.errors.contains("Usage: dossier refresh"))
        #expect(!result.errors.contains("Usage: dossier <subcommand>"))
        result = try dossier(["meeting", "add", "Jo Roe", "--at", "garbage"])
        #expect(result.status == 64)
        #expect(result.errors.contains("Usage: dossier meeting add"))
        result = try dossier(["meeting", "list", "--upcoming", "soon"])
        #expect(result.errors.contains("Usage: dossier meeting list"))
        result = try dossier(["build"])
        #expect(result.status == 64)
        #expect(!result.errors.contains("Error:"), "one spelling: \(result.errors)")
        #expect(result.errors.hasPrefix("error: "))
    }

    @Test("--tz alone moves the meeting to the same clock time in that zone; edit with nothing to change says so")
    func timeZoneAlone() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        _ = try dossier(["meeting", "add", "Jo Roe", "--at", "2026-12-24 10:00", "--tz", "Europe/Berlin"])
        var result = try dossier(["meeting", "edit", "1", "--tz", "Asia/Tokyo"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("2026-12-24 10:00 Asia/Tokyo  Jo Roe"))
        result = try dossier(["meeting", "list", "--json"])
        let meetings = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
        #expect(meetings?.first?["starts_at"] as? String == "2026-12-24T01:00:00Z")
        result = try dossier(["meeting", "edit", "1"])
        #expect(result.status == 64)
        #expect(result.errors.contains("nothing to change"))
        // A free-mail address alone is said to be one, not "nothing to change … give --email".
        result = try dossier(["meeting", "edit", "1", "--email", "jo@gmail.com"])
        #expect(result.status == 64)
        #expect(result.errors.contains("jo@gmail.com is a free-mail address"), "\(result.errors)")
    }

    @Test("a time the clocks skip is named as such, not \"cannot read\"")
    func summerTimeGap() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        let result = try dossier(["meeting", "add", "Jo Roe", "--at", "2027-03-28 02:30", "--tz", "Europe/Berlin"])
        #expect(result.status == 64)
        #expect(result.errors.contains("\"2027-03-28 02:30\" does not exist in Europe/Berlin: the clocks skip that time when summer time starts"))
    }

    @Test("meeting show names the dossier folder only once a dossier is there")
    func showsFolderThatExists() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        _ = try dossier(["meeting", "add", "Jo Roe", "--at", "2026-12-24 10:00"])
        var result = try dossier(["meeting", "show", "1"])
        #expect(result.output.contains("dossier: not built yet (dossier build \"Jo Roe\")"))
        let folder = dossier.home.appendingPathComponent("output/jo-roe")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        result = try dossier(["meeting", "show", "1"])
        #expect(result.output.contains("dossier: \(folder.path)"))
    }
}

/// One rule for naming a meeting, no silent duplicates, and a past meeting shown as past
/// (issue 14, points 8 and 13).
@Suite("naming meetings", .serialized)
struct MeetingReferenceTests {
    @Test("the same person at the same time cannot be added twice; a name with two meetings is an error listing both, in every command")
    func oneRule() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        var result = try dossier(["meeting", "add", "Mara Quintero", "--at", "2030-01-05 10:00"])
        #expect(result.status == 0, "\(result.errors)")
        result = try dossier(["meeting", "add", "Mara Quintero", "--at", "2030-01-05 10:00"])
        #expect(result.status == 64)
        #expect(result.errors.contains("Mara Quintero already has meeting #1 at that time; change it with `dossier meeting edit 1`"))
        result = try dossier(["meeting", "add", "Mara Quintero", "--at", "2030-02-05 10:00"])
        #expect(result.status == 0, "\(result.errors)")
        for (command, options) in [(["meeting", "show"], []), (["meeting", "edit"], ["--goal", "x"]), (["meeting", "done"], []),
                                   (["meeting", "remove"], []), (["notes"], ["--text", "x"]), (["letter", "intro"], [])] {
            result = try dossier(command + ["Mara Quintero"] + options)
            #expect(result.status == 64, "\(command)")
            #expect(result.errors.contains("Mara Quintero has 2 meetings; name one by its number:"), "\(command): \(result.errors)")
            #expect(result.errors.contains("#1  2030-01-05 10:00  Mara Quintero") && result.errors.contains("#2  2030-02-05 10:00  Mara Quintero"))
        }
        result = try dossier(["meeting", "show", "2"])
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test("a meeting that is over but not marked held shows as past, in text and JSON")
    func pastMeeting() throws {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        _ = try dossier(["meeting", "add", "Jo Roe", "--at", "2020-01-05 10:00"])
        var result = try dossier(["meeting", "list"])
        #expect(result.output.contains("#1  2020-01-05 10:00  Jo Roe  [past]"))
        result = try dossier(["meeting", "show", "1", "--json"])
        let meeting = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(meeting?["status"] as? String == "past")
        #expect(meeting?["ends_at"] as? String == "2020-01-05T10:30:00Z")
        result = try dossier(["meeting", "done", "1", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])?["status"] as? String == "held")
    }
}
