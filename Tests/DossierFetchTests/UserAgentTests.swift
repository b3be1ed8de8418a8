import DossierFetch
import Testing

@Suite("User-Agent")
struct UserAgentTests {
    @Test("the User-Agent names dossier, its version, the contact when there is one, and libcurl, as Wikimedia's policy asks")
    func userAgent() {
        let library = "libcurl/\(CurlLibrary.loaded().version)"
        let product = "dossier/1.2.3"
        #expect(UserAgent.string(version: "1.2.3", contact: nil) == "\(product) \(library)")
        #expect(UserAgent.string(version: "1.2.3", contact: "  ") == "\(product) \(library)")
        #expect(UserAgent.string(version: "1.2.3", contact: "me@example.org") == "\(product) (me@example.org) \(library)")
        #expect(UserAgent.string(version: "1.2.3", contact: "mailto:me@example.org") == "\(product) (me@example.org) \(library)")
        #expect(UserAgent.string(version: "1.2.3", contact: "https://example.org/me") == "\(product) (https://example.org/me) \(library)")
        #expect(UserAgent.string(version: "1.2.3", contact: "a\r\nX-Evil: 1") == "\(product) (aX-Evil: 1) \(library)")
        #expect(UserAgent.string(version: "1.2.3", contact: "me (at) example.org") == "\(product) (me at example.org) \(library)")
    }
}
