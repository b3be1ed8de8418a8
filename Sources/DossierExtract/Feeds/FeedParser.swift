/// A news feed: RSS 2.0 (also RSS 1.0) or Atom.
public struct Feed: Sendable, Equatable, Codable {
    public enum Format: String, Sendable, Codable {
        case rss, atom
    }

    /// Nil when the bytes hold neither an RSS channel nor an Atom feed.
    public var format: Format?
    public var title: String?
    /// The site the feed belongs to.
    public var link: String?
    public var items: [FeedItem] = []

    public init(format: Format? = nil) {
        self.format = format
    }
}

/// One item of a feed.
public struct FeedItem: Sendable, Equatable, Codable {
    public var title: String?
    public var link: String?
    /// `YYYY-MM-DD`.
    public var published: String?
    /// The summary (or content) as plain text.
    public var summary: String?
    public var author: String?
    /// RSS 2.0 `<source url="…">Name</source>`: the publication an aggregator took the item
    /// from (Google News names the newspaper here).
    public var sourceName: String?
    /// The `url` of `<source>`.
    public var sourceURL: String?

    public init() {}
}

/// Reads RSS and Atom feeds with libxml2's XML parser (no network, no external entities).
public enum FeedParser {
    /// Parses a feed. `contentType` is the HTTP header; its charset wins over the XML declaration.
    /// Never fails: what is not a feed gives a `Feed` without format or items.
    public static func parse(bytes: some Collection<UInt8>, contentType: String? = nil) -> Feed {
        let decision = CharsetDetector.detect(bytes, contentType: contentType)
        let document = MarkupParser.parse(bytes.dropFirst(decision.byteOrderMarkLength),
                                          charset: decision.charset, syntax: .xml)
        let nodes = document.nodes
        guard let root = nodes.firstIndex(where: { !$0.isText }) else { return Feed() }
        let rootName = document.elementName(root)
        let isAtom = rootName == "feed"
        guard isAtom || rootName == "rss" || rootName == "RDF" else { return Feed() }
        var feed = Feed(format: isAtom ? .atom : .rss)
        let itemName = isAtom ? "entry" : "item"
        let channel = isAtom ? root : (children(of: root, in: document).first { document.elementName($0) == "channel" } ?? root)
        for child in children(of: channel, in: document) {
            switch document.elementName(child) {
            case "title": feed.title = nonEmpty(document.text(of: child))
            case "link": feed.link = feed.link ?? link(child, in: document)
            default: break
            }
        }
        for index in nodes.indices where !nodes[index].isText && document.elementName(index) == itemName {
            feed.items.append(item(index, in: document))
        }
        return feed
    }

    private static func item(_ index: Int, in document: FlatDocument) -> FeedItem {
        var item = FeedItem()
        var summary: String?
        var content: String?
        for child in children(of: index, in: document) {
            switch document.elementName(child) {
            case "title": item.title = nonEmpty(plainText(document.rawText(of: child)))
            case "link": item.link = item.link ?? link(child, in: document)
            case "guid" where item.link == nil:
                let guid = document.text(of: child)
                if guid.hasPrefix("http") { item.link = guid }
            case "pubDate", "published", "date", "issued": item.published = PageDate.normalize(document.text(of: child))
            case "updated", "modified": item.published = item.published ?? PageDate.normalize(document.text(of: child))
            case "description", "summary": summary = nonEmpty(plainText(document.rawText(of: child)))
            case "encoded", "content": content = nonEmpty(plainText(document.rawText(of: child)))
            case "source":
                // RSS names the publication as text with a `url`; Atom as a feed with a title and link.
                let parts = children(of: child, in: document)
                let title = parts.first { document.elementName($0) == "title" }
                let atomLink = parts.first { document.elementName($0) == "link" }.flatMap { link($0, in: document) }
                item.sourceName = nonEmpty(document.text(of: title ?? child))
                item.sourceURL = (document.attribute(child, named: "url") ?? atomLink).flatMap { nonEmpty($0.trimmingSpaces()) }
            case "creator", "author":
                let name = children(of: child, in: document).first { document.elementName($0) == "name" }
                item.author = nonEmpty(document.text(of: name ?? child))
            default: break
            }
        }
        item.summary = summary ?? content
        return item
    }

    /// RSS `<link>URL</link>`, or Atom `<link rel="alternate" href="URL"/>`.
    private static func link(_ index: Int, in document: FlatDocument) -> String? {
        if let href = document.attribute(index, named: "href") {
            let rel = document.attribute(index, named: "rel") ?? "alternate"
            return rel == "alternate" ? nonEmpty(href.trimmingSpaces()) : nil
        }
        return nonEmpty(document.text(of: index))
    }

    /// Feed text fields often hold escaped HTML: read it as HTML and keep the text.
    private static func plainText(_ text: String) -> String {
        guard text.contains("<") || text.contains("&") else { return text.trimmingSpaces() }
        let document = MarkupParser.parse(Array(text.utf8), charset: "UTF-8", syntax: .html)
        // libxml2 wraps loose text in implied <html><body>.
        guard let body = document.nodes.firstIndex(where: { $0.tag == .body }) else { return "" }
        return document.text(of: body)
    }

    private static func children(of index: Int, in document: FlatDocument) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        let end = Int(document.nodes[index].end)
        while child < end {
            if !document.nodes[child].isText { result.append(child) }
            child = Int(document.nodes[child].end)
        }
        return result
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}
