import Foundation
import LoopbackServer
import Testing

/// A private calendar URL carries a secret: it is never printed or logged in full, and robots.txt
/// does not apply to a calendar the user gave (issue 14, point 3).
@Suite("the calendar URL stays secret", .serialized)
struct CalendarSecretTests {
    static let token = "TOKEN4f9a2c"
    static let secretURL = "https://calendar.example/private/\(token)/basic.ics"

    static func calendar(_ title: String) -> String {
        """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        BEGIN:VEVENT\r
        UID:secret-1@test\r
        DTSTAMP:20261101T120000Z\r
        DTSTART:20270105T100000Z\r
        SUMMARY:\(title)\r
        END:VEVENT\r
        END:VCALENDAR\r

        """
    }

    /// What a calendar host answers for the calendar.
    enum Answer: CaseIterable { case calendar, missing, malformed, redirect }

    /// A calendar host that answers `answer`, with a robots.txt that disallows the calendar.
    static func host(_ answer: Answer) throws -> LoopbackServer {
        try LoopbackServer { request in
            if request.path.hasSuffix("/robots.txt") { return .ok("User-agent: *\nDisallow: /private/\n", contentType: "text/plain") }
            guard request.path.contains("/private/") else { return .notFound }
            switch answer {
            case .calendar: return .ok(Self.calendar("[info] Coffee with Jane Doe"), contentType: "text/calendar")
            case .missing: return .notFound
            case .malformed: return .ok("<html><body>Sign in to see this calendar</body></html>", contentType: "text/html")
            case .redirect: return .redirect(to: "/calendar.example/private/\(Self.token)-moved/basic.ics?key=\(Self.token)")
            }
        }
    }

    @Test("import, -v, a failing refresh --json, a malformed calendar and a redirect: the token appears nowhere; robots.txt is not asked")
    func neverShown() throws {
        let hosts = try Dictionary(uniqueKeysWithValues: Answer.allCases.map { ($0, try Self.host($0)) })
        defer { for host in hosts.values { host.stop() } }
        let server = hosts[.calendar]!
        let dossier = try DossierRun()
        defer { dossier.remove() }
        try dossier.useDemoWeb(server, network: ["retries = 0"])

        var outputs: [String] = []
        var result = try dossier(["meeting", "import", Self.secretURL, "-v"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("added: [info] Coffee with Jane Doe"))
        #expect(!server.requests.contains { $0.path.hasSuffix("robots.txt") }, "a calendar the user gave is not crawled")
        outputs += [result.output, result.errors]

        for failing in [Answer.missing, .malformed, .redirect] {
            try dossier.useDemoWeb(hosts[failing]!, network: ["retries = 0"])
            result = try dossier(["refresh", "--json", "-v"])
            #expect(result.errors.contains("error: the calendar could not be imported again"), "\(failing): \(result.errors)")
            #expect(result.status == 1)
            outputs += [result.output, result.errors]
            result = try dossier(["meeting", "import", Self.secretURL, "-v"])
            #expect(result.status != 0, "\(failing)")
            #expect(result.errors.contains("https://calendar.example/…"), "\(failing): \(result.errors)")
            outputs += [result.output, result.errors]
        }
        for text in outputs {
            #expect(!text.contains(Self.token), "\(text)")
            #expect(!text.contains("/private/"), "\(text)")
        }
    }
}
