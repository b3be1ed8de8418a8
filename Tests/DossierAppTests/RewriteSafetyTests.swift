import DossierApp
import DossierFetch
import DossierSettings
import Testing

@Suite("rewrite safety")
struct RewriteSafetyTests {
    private func policy(_ from: String) -> FetchPolicy {
        FetchPolicy(config: DossierConfig(rewrites: [RewriteRule(from: from, to: "http://10.0.0.5/")]))
    }

    @Test("a rule naming a host rewrites that host only, not look-alikes that would reach private addresses")
    func hostBoundary() {
        let rule = policy("https://intranet.example")
        #expect(rule.rewrite("https://intranet.example/wiki") == "http://10.0.0.5//wiki")
        #expect(rule.rewrite("https://intranet.example.evil.test/") == nil)
        #expect(rule.rewrite("https://intranet.example@evil.test/") == nil)
        #expect(rule.rewrite("https://intranet.example:x@evil.test/") == nil)
        #expect(policy("https://").rewrite("https://any.test/a") == "http://10.0.0.5/any.test/a")
    }
}
