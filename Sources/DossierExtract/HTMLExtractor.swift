/// The extraction stage: HTML bytes in, main text and metadata out. Stateless and thread-safe;
/// one call parses the page once and frees the parser's memory before returning.
///
/// ```swift
/// let page = HTMLExtractor.extract(bytes: body, contentType: "text/html; charset=utf-8",
///                                  url: "https://example.org/news/1")
/// print(page.metadata.title ?? "", page.mainText)
/// ```
public enum HTMLExtractor {
    /// How much to extract.
    public enum Scope: Sendable {
        /// Main text, metadata, structured data, links and people.
        case everything
        /// Main text only (what batch text extraction needs).
        case mainText
    }

    /// Extracts a page. `contentType` is the HTTP header (its charset wins over the page's own
    /// declarations); `url` is where the page came from, used to resolve links and as a date
    /// source. Never fails: unreadable input gives an empty page.
    public static func extract(
        bytes: some Collection<UInt8>,
        contentType: String? = nil,
        url: String? = nil,
        scope: Scope = .everything
    ) -> ExtractedPage {
        let decision = CharsetDetector.detect(bytes, contentType: contentType)
        let document = MarkupParser.parse(bytes.dropFirst(decision.byteOrderMarkLength),
                                          charset: decision.charset, syntax: .html)
        let blocks = MainTextExtractor(document: document).extract()
        var page = ExtractedPage(url: url, charset: decision.charset, blocks: blocks)
        if scope == .everything {
            PageAnalyzer(document: document, url: url).fill(&page)
        }
        return page
    }
}
