@testable import DossierFetch
import Testing

@Suite("Target parsing")
struct TargetParsingTests {
    /// URLs the fast path takes: it must agree with URLComponents on each.
    static let plainURLs = [
        "http://bench1.localhost:18777/page/1",
        "https://example.org",
        "https://example.org/",
        "https://Example.ORG/About?x=1&y=%2Fz#top",
        "http://127.0.0.1:8080/robots.txt",
        "https://en.wikipedia.org/wiki/Ada_Lovelace_(mathematician)",
        "https://example.org/a:b@c/~d;e=f,g+h!$'*?q=/?:@#frag/?",
        "https://example.org?only=query",
        "https://example.org#only-fragment",
        "https://a-b.c0.example:65535/%41%62",
    ]

    @Test("the fast path gives what URLComponents gives", arguments: plainURLs)
    func fastPathAgrees(url: String) throws {
        let fast = try #require(Target(plainASCII: url))
        let parsed = try #require(Target(parsing: url))
        #expect(fast == parsed)
    }

    /// URLs the fast path leaves to URLComponents.
    static let otherURLs = [
        "HTTP://example.org/", "ftp://example.org/", "https://user@example.org/", "https://[::1]:80/",
        "https://xn--bcher-kva.example/", "https://bücher.example/", "https://example.org:080/",
        "https://example.org:99999/", "https://example.org:/", "https://-a.example/", "https://a..b/",
        "https://example.org/a b", "https://example.org/%zz", "https://example.org/#a#b", "https:///path",
        "https://example.org/\u{e9}",
    ]

    @Test("anything unusual goes to URLComponents", arguments: otherURLs)
    func unusualURLsFallBack(url: String) {
        #expect(Target(plainASCII: url) == nil)
        #expect(Target(url) == Target(parsing: url))
    }

    @Test("the parts the fetcher decides on")
    func parts() throws {
        let target = try #require(Target("https://Example.org:8443/a/b?c=d#e"))
        #expect(target.host == "example.org")
        #expect(target.origin == "https://example.org:8443")
        #expect(target.path == "/a/b")
        #expect(target.pathAndQuery == "/a/b?c=d")
        #expect(Target("mailto:someone@example.org") == nil)
        #expect(Target("https://") == nil)
    }
}
