/// Everything extracted from one HTML page. A value: safe to store, send and encode.
public struct ExtractedPage: Sendable, Equatable, Codable {
    /// Where the page came from, as given by the caller.
    public var url: String?
    /// The charset the bytes were read in.
    public var charset: String
    /// Title, authors, dates, site and the other facts about the page.
    public var metadata = PageMetadata()
    /// The main text as blocks in reading order (headings, paragraphs, list items, quotes, ...).
    public var blocks: [TextBlock]
    /// Every JSON-LD object of the page (`@graph` members unpacked), as published.
    public var jsonLD: [JSONValue] = []
    /// Typed schema.org values (Person, Organization, Article, ProfilePage) from the JSON-LD.
    public var structuredData: [StructuredItem] = []
    /// OpenGraph properties (`og:*`, `article:*`), in page order.
    public var openGraph: [MetaProperty] = []
    /// Twitter card properties (`twitter:*`), in page order.
    public var twitterCard: [MetaProperty] = []
    /// Outgoing links with their anchor text, in page order, without duplicates.
    public var links: [PageLink] = []
    /// (name, title) pairs found on team and leadership pages and in Person data.
    public var people: [PersonCard] = []
    /// The rows of the page's tables, each cell with its column heading; the main text leaves
    /// out link-dense tables (laureate lists, publication lists) that these keep.
    public var tableRows: [TableRow] = []
    /// Text beside the main text that tells who wrote or runs the page: by-lines, author boxes,
    /// "about" widgets, profile cards (see `AsideFinder`), in page order, none repeating the main text.
    public var asides: [String] = []
    /// The postal addresses the page marks up (`<address>`, hCard `adr`, an organization's JSON-LD
    /// `address`), each one line ("3535 Piedmont Rd NE #415, Atlanta, GA 30305"); see `AddressFinder`.
    public var addresses: [String] = []

    public init(url: String?, charset: String, blocks: [TextBlock]) {
        self.url = url
        self.charset = charset
        self.blocks = blocks
    }

    /// The main text: one block per line.
    public var mainText: String {
        blocks.map(\.text).joined(separator: "\n")
    }
}

/// One row of a table: its cells' text and, for each, the heading of its column when the
/// table has a heading row.
public struct TableRow: Sendable, Equatable, Codable {
    public var cells: [String]
    /// One per cell; nil where the table gives no heading.
    public var headings: [String?]

    public init(cells: [String], headings: [String?]) {
        self.cells = cells
        self.headings = headings
    }
}
