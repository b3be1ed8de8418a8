import Testing

@testable import DossierFetch

@Suite("RobotsRules")
struct RobotsRulesTests {
    private func rules(_ text: String, agent: String = "dossier") -> RobotsRules {
        RobotsRules(parsing: text, userAgent: agent)
    }

    @Test("the group naming our product token wins over *, case-insensitively")
    func ownGroupWins() {
        let robots = rules(
            """
            User-agent: *
            Disallow: /

            User-agent: Googlebot
            User-agent: DOSSIER/2.0
            Disallow: /private
            """)
        #expect(robots.isAllowed("/public"))
        #expect(!robots.isAllowed("/private/x"))
        #expect(!rules("User-agent: *\nDisallow: /\n").isAllowed("/public"))
    }

    @Test("without our group or a * group everything is allowed")
    func noMatchingGroup() {
        let robots = rules("User-agent: otherbot\nDisallow: /\n")
        #expect(robots.isAllowed("/anything"))
    }

    @Test("a similar but longer product name does not match ours")
    func productNameMustBeExact() {
        let robots = rules("User-agent: dossier-news\nDisallow: /\n\nUser-agent: *\nDisallow: /x\n")
        #expect(robots.isAllowed("/a"))
        #expect(!robots.isAllowed("/x"))
    }

    @Test("groups naming us twice are merged")
    func groupsMerged() {
        let robots = rules(
            """
            User-agent: dossier
            Disallow: /a

            User-agent: other
            Disallow: /b

            User-agent: dossier
            Disallow: /c
            """)
        #expect(!robots.isAllowed("/a"))
        #expect(robots.isAllowed("/b"))
        #expect(!robots.isAllowed("/c"))
    }

    @Test("the longest matching rule wins, and Allow wins a tie")
    func longestMatch() {
        let robots = rules(
            """
            User-agent: *
            Disallow: /shop
            Allow: /shop/public
            Disallow: /shop/public/secret
            Allow: /tie
            Disallow: /tie
            """)
        #expect(!robots.isAllowed("/shop/cart"))
        #expect(robots.isAllowed("/shop/public/page"))
        #expect(!robots.isAllowed("/shop/public/secret.html"))
        #expect(robots.isAllowed("/tie"))
        #expect(robots.isAllowed("/other"))
    }

    @Test("* matches any run of characters and a final $ anchors the end")
    func wildcards() {
        let robots = rules(
            """
            User-agent: *
            Disallow: /*.pdf$
            Disallow: /private*/draft
            Disallow: /exact$
            Allow: /*?ok=1
            Disallow: /*?
            """)
        #expect(!robots.isAllowed("/files/report.pdf"))
        #expect(robots.isAllowed("/files/report.pdf?ok=1"))
        #expect(!robots.isAllowed("/files/report.pdf?download=1"))
        #expect(robots.isAllowed("/files/report.pdfx"))
        #expect(!robots.isAllowed("/private-stuff/x/draft/1"))
        #expect(robots.isAllowed("/private-stuff/x/final"))
        #expect(!robots.isAllowed("/exact"))
        #expect(robots.isAllowed("/exact/more"))
        #expect(!robots.isAllowed("/search?q=1"))
        #expect(robots.isAllowed("/search?ok=1"))
        #expect(robots.isAllowed("/search"))
    }

    @Test("$ in the middle of a pattern is an ordinary character")
    func dollarInMiddle() {
        let robots = rules("User-agent: *\nDisallow: /a$b\n")
        #expect(!robots.isAllowed("/a$bc"))
        #expect(robots.isAllowed("/ab"))
    }

    @Test("an empty Disallow allows everything, and robots.txt itself is always allowed")
    func emptyDisallowAndRobotsFile() {
        #expect(rules("User-agent: *\nDisallow:\n").isAllowed("/anything"))
        #expect(rules("User-agent: *\nDisallow: /\n").isAllowed("/robots.txt"))
        #expect(RobotsRules.allowAll.isAllowed("/anything"))
    }

    @Test("paths and patterns compare after percent-encoding normalisation (RFC 9309 examples)")
    func percentEncoding() {
        let robots = rules(
            """
            User-agent: *
            Disallow: /foo/bar/ツ
            Disallow: /baz/%e3%83%84
            Disallow: /%62%61%72
            Disallow: /slash%2fpart
            """)
        #expect(!robots.isAllowed("/foo/bar/%E3%83%84"))
        #expect(!robots.isAllowed("/foo/bar/ツ"))
        #expect(!robots.isAllowed("/baz/%E3%83%84"))
        #expect(!robots.isAllowed("/bar"))
        #expect(!robots.isAllowed("/slash%2Fpart"))
        #expect(robots.isAllowed("/slash/part"))
    }

    @Test("Crawl-delay of the chosen group is read, decimals included")
    func crawlDelay() {
        let robots = rules(
            """
            User-agent: *
            Crawl-delay: 10

            User-agent: dossier
            Crawl-delay: 2.5
            Disallow: /x
            """)
        #expect(robots.crawlDelay == 2.5)
        #expect(rules("User-agent: *\nCrawl-delay: 10\n").crawlDelay == 10)
        #expect(rules("User-agent: *\nCrawl-delay: soon\n").crawlDelay == nil)
        #expect(rules("User-agent: other\nCrawl-delay: 3\n").crawlDelay == nil)
    }

    @Test("Sitemap lines are collected from anywhere in the file, without repeats")
    func sitemaps() {
        let robots = rules(
            """
            Sitemap: https://a.test/sitemap.xml
            User-agent: other
            Sitemap: https://a.test/news.xml
            Disallow: /
            sitemap: https://a.test/sitemap.xml
            """)
        #expect(robots.sitemaps == ["https://a.test/sitemap.xml", "https://a.test/news.xml"])
    }

    @Test("a sitemap line between user-agent lines keeps them in one group")
    func sitemapDoesNotSplitGroup() {
        let robots = rules("User-agent: other\nSitemap: https://a.test/s.xml\nUser-agent: dossier\nDisallow: /x\n")
        #expect(!robots.isAllowed("/x"))
    }

    @Test("BOM, CRLF and CR line endings, comments, misspellings and junk are tolerated")
    func tolerantParsing() {
        let text =
            "\u{FEFF}# robots for a.test\r\nUser-Agent : dossier # us\r\nthis is not a directive\r\n"
            + "Disalow: /typo\rDISALLOW:/caps   \r\n:\r\n\0\u{1}garbage: /x\r\nAllow /no-colon\r\n"
        let robots = rules(text)
        #expect(!robots.isAllowed("/typo"))
        #expect(!robots.isAllowed("/caps/1"))
        #expect(robots.isAllowed("/x"))
        #expect(robots.isAllowed("/no-colon"))
    }

    @Test("rules before any user-agent line and patterns not starting with / or * are ignored")
    func strayRules() {
        let robots = rules("Disallow: /early\nUser-agent: *\nDisallow: relative\n")
        #expect(robots.isAllowed("/early"))
        #expect(robots.isAllowed("/relative"))
    }

    @Test("binary garbage parses to rules that allow everything")
    func garbage() {
        var state: UInt32 = 12345
        let bytes = (0..<4096).map { _ -> UInt8 in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
        let robots = rules(String(decoding: bytes, as: UTF8.self))
        #expect(robots.isAllowed("/"))
        #expect(robots.crawlDelay == nil)
    }

    @Test("a fragment is ignored and an empty path means /")
    func pathForms() {
        let robots = rules("User-agent: *\nDisallow: /$\nDisallow: /a$#comment\n")
        #expect(!robots.isAllowed(""))
        #expect(!robots.isAllowed("/#top"))
        #expect(!robots.isAllowed("/a#b"))
        #expect(robots.isAllowed("/ab"))
    }
}
