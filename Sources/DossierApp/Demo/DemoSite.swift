import DossierCore
import DossierSettings
import Foundation
import LoopbackServer

/// A small web about a fictional person, written for this repository, that `dossier demo`
/// serves on loopback: her company's site (home, about, team, a news feed and a press
/// release), an interview on a fictional magazine, an unrelated page, and a search answer.
/// Nothing here describes a real person or company.
public enum DemoSite {
    public static let person = "Mara Quintero"
    public static let company = "Fernhill Robotics"
    public static let domain = "fernhill-robotics.example"
    /// The SearXNG-compatible search the demo's config points at.
    public static let searchBase = "https://search.demo"

    /// A page as served: its content type and body.
    public struct Page: Sendable {
        public let contentType: String
        public let body: String
    }

    /// The page for a URL (query included for the search), or nil for a 404.
    public static func page(for url: String) -> Page? {
        if url.hasPrefix(searchBase + "/search") { return Page(contentType: "application/json", body: searchAnswer) }
        return pages[url]
    }

    private static let searchAnswer = """
    {"query": "Mara Quintero", "results": [
      {"url": "https://fieldnotes-magazine.example/interviews/mara-quintero", "title": "Mara Quintero on building robots for small farms", "content": "An interview with the chief executive of Fernhill Robotics."},
      {"url": "https://fernhill-robotics.example/news/2026/harvest-assistant-launch", "title": "Fernhill Robotics launches Harvest Assistant", "content": "Press release."},
      {"url": "https://fernhill-robotics.example/team", "title": "Our team", "content": "Leadership of Fernhill Robotics."},
      {"url": "https://weather-notes.example/porto/november", "title": "November weather in Porto", "content": "Rain."}
    ]}
    """

    private static func html(_ title: String, _ body: String, head: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(title)</title>\(head)</head>
        <body><nav><a href="/">Home</a> <a href="/about">About</a> <a href="/team">Team</a> <a href="/news/">News</a></nav>
        <main>\(body)</main>
        <footer><p>© 2026 Fernhill Robotics. All rights reserved.</p></footer></body></html>
        """
    }

    private static let pages: [String: Page] = [
        "https://fernhill-robotics.example/": Page(contentType: "text/html; charset=utf-8", body: html(
            "Fernhill Robotics",
            """
            <h1>Fernhill Robotics</h1>
            <p>Fernhill Robotics builds small, affordable robots that help family farms harvest fruit and vegetables.</p>
            <p>Read <a href="/about">about the company</a>, meet <a href="/team">our team</a>, or see the <a href="/news/">latest news</a>.</p>
            """,
            head: #"<link rel="alternate" type="application/rss+xml" title="Fernhill news" href="/news/feed.xml">"#
        )),
        "https://fernhill-robotics.example/about": Page(contentType: "text/html; charset=utf-8", body: html(
            "About Fernhill Robotics",
            """
            <h1>About us</h1>
            <p>Fernhill Robotics was founded in 2016 in Porto, Portugal, by Mara Quintero and Tomás Reis.</p>
            <p>The company designs agricultural robots for farms of under fifty hectares, and today employs 140 people in Porto and Valencia.</p>
            <p>Fernhill Robotics raised a Series B round of 38 million euros in 2024 to bring its machines to farms across southern Europe.</p>
            """
        )),
        "https://fernhill-robotics.example/team": Page(contentType: "text/html; charset=utf-8", body: html(
            "Our team — Fernhill Robotics",
            """
            <h1>Leadership</h1>
            <div class="person"><h3>Mara Quintero</h3><p>Chief Executive Officer</p>
            <p>Mara Quintero co-founded Fernhill Robotics in 2016 after eight years as a mechanical engineer at a tractor maker in Braga.</p>
            <p>She studied mechanical engineering at the University of Porto and holds a master's degree in robotics from ETH Zurich.</p></div>
            <div class="person"><h3>Tomás Reis</h3><p>Chief Technology Officer</p>
            <p>Tomás Reis leads the engineering teams in Porto and Valencia.</p></div>
            """
        )),
        "https://fernhill-robotics.example/news/feed.xml": Page(contentType: "application/rss+xml", body: """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Fernhill Robotics news</title><link>https://fernhill-robotics.example/news/</link>
            <item><title>Fernhill Robotics launches Harvest Assistant</title>
            <link>https://fernhill-robotics.example/news/2026/harvest-assistant-launch</link>
            <pubDate>Tue, 03 Nov 2026 09:00:00 GMT</pubDate>
            <description>Mara Quintero presented the Harvest Assistant, a picking robot for strawberries and tomatoes.</description></item>
            <item><title>Fernhill Robotics opens an office in Valencia</title>
            <link>https://fernhill-robotics.example/news/2025/valencia</link>
            <pubDate>Mon, 15 Sep 2025 09:00:00 GMT</pubDate>
            <description>The Valencia office will employ forty engineers by the end of 2026, Mara Quintero said.</description></item>
            </channel></rss>
            """),
        "https://fernhill-robotics.example/news/2026/harvest-assistant-launch": Page(contentType: "text/html; charset=utf-8", body: html(
            "Fernhill Robotics launches Harvest Assistant",
            """
            <article><h1>Fernhill Robotics launches Harvest Assistant</h1><time datetime="2026-11-03">3 November 2026</time>
            <p>Fernhill Robotics today launched Harvest Assistant, a picking robot that works beside farm workers in strawberry and tomato fields.</p>
            <p>"We started Fernhill because the farmers we grew up with could not find people for the harvest," said Mara Quintero, the company's chief executive.</p>
            <p>The robot costs less than a small tractor and can be rented by the season.</p></article>
            """
        )),
        "https://fieldnotes-magazine.example/interviews/mara-quintero": Page(contentType: "text/html; charset=utf-8", body: """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Mara Quintero on building robots for small farms | Field Notes</title>
            <meta property="og:site_name" content="Field Notes"><meta name="author" content="Inês Duarte">
            <meta property="article:published_time" content="2026-06-12"></head><body>
            <header><a href="/">Field Notes</a></header><article><h1>Mara Quintero on building robots for small farms</h1>
            <p>Mara Quintero grew up on her grandparents' vineyard in the Douro valley and spent eight years designing tractors before she co-founded Fernhill Robotics.</p>
            <p>"The best lesson of my career was to spend a week in the field before drawing a single part," Quintero said.</p>
            <p>She says her first prototype failed because it was built for large farms: "We had to unlearn everything the big machines taught us."</p>
            <p>Asked what she would tell someone starting out, Quintero said: "Find the people who do the work every day, and ask them what is hard."</p>
            </article><aside class="related"><a href="/interviews/">More interviews</a></aside></body></html>
            """),
        "https://weather-notes.example/porto/november": Page(contentType: "text/html; charset=utf-8", body: """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>November weather in Porto</title></head><body><main>
            <p>November in Porto brings rain on about twelve days and mild afternoons around sixteen degrees.</p>
            <p>Pack an umbrella and a light jacket.</p></main></body></html>
            """),
    ]
}

extension DemoSite {
    /// The configuration that sends every URL to the demo server at `serverBase`
    /// ("http://127.0.0.1:PORT", which serves `https://HOST/PATH` at `/HOST/PATH`).
    public static func config(serverBase: String) -> DossierConfig {
        DossierConfig(
            network: NetworkSettings(perHostDelay: 0, respectsSourceRates: false),
            rewrites: [RewriteRule(from: "https://", to: serverBase + "/"), RewriteRule(from: "http://", to: serverBase + "/")],
            search: SearchSettings(searxngURL: searchBase)
        )
    }

    /// The subject of the demo dossier.
    public static var subject: Subject { Subject(name: person, company: company, domain: domain) }

    /// The page a demo server answers for a request target `/HOST/PATH?QUERY`.
    public static func page(forTarget target: String) -> Page? {
        page(for: "https:/" + target)
    }

    /// What a demo server answers to `request`: the demo page it names, else 404.
    public static func response(to request: ReceivedRequest) -> ResponsePlan {
        guard let page = page(forTarget: request.target) else { return .notFound }
        return .ok(page.body, contentType: page.contentType)
    }
}
