import DossierSettings
import Testing

@Suite("URLRewriter")
struct URLRewriterTests {
    @Test("the longest matching `from` wins, whatever the declaration order")
    func longestPrefixWins() {
        let rewriter = URLRewriter(rules: [
            RewriteRule(from: "https://", to: "http://127.0.0.1:8080/"),
            RewriteRule(from: "https://a.test/", to: "http://127.0.0.1:9090/a/"),
        ])
        let specific = rewriter.rewrite("https://a.test/page?q=1")
        #expect(specific.requestURL == "http://127.0.0.1:9090/a/page?q=1")
        #expect(specific.original == "https://a.test/page?q=1")
        #expect(specific.appliedRule == RewriteRule(from: "https://a.test/", to: "http://127.0.0.1:9090/a/"))

        let general = rewriter.rewrite("https://b.test/x")
        #expect(general.requestURL == "http://127.0.0.1:8080/b.test/x")
        #expect(general.isRewritten)
    }

    @Test("a rewrite is applied once: a `to` that matches another `from` is not rewritten again")
    func appliedOnce() {
        let rewriter = URLRewriter(rules: [
            RewriteRule(from: "https://old.test/", to: "https://new.test/"),
            RewriteRule(from: "https://new.test/", to: "http://127.0.0.1:1/"),
        ])
        #expect(rewriter.rewrite("https://old.test/p").requestURL == "https://new.test/p")
        #expect(rewriter.rewrite("https://new.test/p").requestURL == "http://127.0.0.1:1/p")
    }

    @Test("a URL no rule matches is requested as it is and reported as not rewritten")
    func noMatch() {
        let rewriter = URLRewriter(rules: [RewriteRule(from: "https://a.test/", to: "http://127.0.0.1/")])
        let result = rewriter.rewrite("http://a.test/")
        #expect(result.requestURL == "http://a.test/")
        #expect(!result.isRewritten)
        #expect(result.appliedRule == nil)
    }

    @Test("among rules with the same `from`, the first declared wins")
    func firstDeclaredWinsTies() {
        let rewriter = URLRewriter(rules: [
            RewriteRule(from: "https://a.test/", to: "http://one/"),
            RewriteRule(from: "https://a.test/", to: "http://two/"),
        ])
        #expect(rewriter.rewrite("https://a.test/x").requestURL == "http://one/x")
    }

    @Test("prefixes compare byte for byte, so a decomposed é does not match a precomposed one")
    func bytewisePrefix() {
        let rewriter = URLRewriter(rules: [RewriteRule(from: "https://caf\u{E9}.test/", to: "http://m/")])
        #expect(!rewriter.rewrite("https://cafe\u{301}.test/x").isRewritten)
        #expect(rewriter.rewrite("https://caf\u{E9}.test/x").requestURL == "http://m/x")
    }
}
