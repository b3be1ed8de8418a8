import DossierApp
import DossierCore
import Foundation
import LoopbackServer
import Testing

/// Without a contact for the User-Agent, the first build says how to set one and why, once.
@Suite("the contact hint")
struct ContactHintTests {
    @Test("the first build without a contact explains where to set it; later builds and a home with a contact say nothing")
    func onceAndOnlyWithoutContact() throws {
        func demoWeb() throws -> LoopbackServer {
            try LoopbackServer(handler: DemoSite.response(to:))
        }
        let web = try demoWeb()
        defer { web.stop() }
        let dossier = try DossierRun()
        defer { dossier.remove() }
        try dossier.useDemoWeb(web)
        let arguments = ["build", DemoSite.person, "--company", DemoSite.company, "--domain", DemoSite.domain]
        let first = try dossier(arguments)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.errors.contains("note: no contact in the User-Agent"))
        #expect(first.errors.contains("Wikimedia"))
        #expect(first.errors.contains("contact = \"you@example.org\""))
        let second = try dossier(arguments)
        #expect(second.status == 0)
        #expect(!second.errors.contains("no contact"))

        let agents = Set(web.requests.compactMap { $0.headers["User-Agent"] })
        #expect(agents.count == 1 && agents.allSatisfy { $0.hasPrefix("dossier/\(DossierVersion.current) libcurl/") }, "\(agents)")

        let otherWeb = try demoWeb()
        defer { otherWeb.stop() }
        let other = try DossierRun()
        defer { other.remove() }
        try other.useDemoWeb(otherWeb)
        let config = other.home.appendingPathComponent("config/config.toml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "[network]\n", with: "[network]\ncontact = \"me@example.org\"\n")
            .write(to: config, atomically: true, encoding: .utf8)
        let withContact = try other(arguments)
        #expect(withContact.status == 0, "\(withContact.errors)")
        #expect(!withContact.errors.contains("no contact"))
        // Every request carried the contact, in the form Wikimedia's policy asks for.
        let withContactAgents = Set(otherWeb.requests.compactMap { $0.headers["User-Agent"] })
        #expect(withContactAgents.count == 1 && withContactAgents.allSatisfy {
            $0.hasPrefix("dossier/\(DossierVersion.current) (me@example.org) libcurl/")
        }, "\(withContactAgents)")
    }
}
