/// Reads the metadata of a parsed page: meta tags, OpenGraph, Twitter cards, JSON-LD, `<time>`,
/// the URL, links and people. Each fact comes from the most reliable source present.
struct PageAnalyzer {
    let document: FlatDocument
    let url: String?

    private struct MetaTags {
        /// name/property/itemprop (lower-cased) → content, first occurrence wins.
        var values: [String: String] = [:]
        var openGraph: [MetaProperty] = []
        var twitter: [MetaProperty] = []

        func first(_ keys: String...) -> String? {
            for key in keys {
                if let value = values[key]?.trimmingSpaces(), !value.isEmpty { return value }
            }
            return nil
        }
    }

    func fill(_ page: inout ExtractedPage) {
        let meta = metaTags()
        page.openGraph = meta.openGraph
        page.twitterCard = meta.twitter
        page.jsonLD = StructuredDataReader.objects(in: jsonLDValues())
        page.structuredData = page.jsonLD.compactMap(StructuredDataReader.item)
        let base = baseURL()
        page.links = links(base: base)
        page.metadata = metadata(meta, structured: page.structuredData, links: page.links, base: base)
        page.people = PeopleFinder(document: document).people(structured: page.structuredData)
            .filter { !Self.namesOrganization($0.name, page: page) }
        page.tableRows = tableRows()
        page.asides = AsideFinder(document: document).asides(excluding: page.blocks.map(\.text))
        page.addresses = AddressFinder(document: document).addresses(structured: page.structuredData)
    }

    /// Whether `name` is the site's or an organization's, not a person's: the site name, an
    /// Organization of the JSON-LD, or an article's publisher ("Energy Weekly" above "Editor's
    /// picks" is no editor).
    private static func namesOrganization(_ name: String, page: ExtractedPage) -> Bool {
        var organizations = [page.metadata.siteName]
        for item in page.structuredData {
            switch item {
            case .organization(let organization): organizations.append(organization.name)
            case .article(let article): organizations.append(article.publisher)
            default: break
            }
        }
        let folded = name.lowercased().trimmingSpaces()
        return organizations.compactMap { $0?.lowercased().trimmingSpaces() }.contains(folded)
    }

    /// Every table row with data cells (up to 5,000), each cell labelled with the heading of
    /// its column (from the nearest heading row above in the same table), columns placed the
    /// way `rowspan` and `colspan` lay them out.
    private func tableRows(limit: Int = 5_000) -> [TableRow] {
        struct TableState {
            var headings: [String] = []
            /// Column → rows still covered by a cell above with `rowspan`.
            var covered: [Int: Int] = [:]
        }
        let rowspan = document.nameIndex("rowspan"), colspan = document.nameIndex("colspan")
        let hidden = FlatDocument.HiddenMarkers(document)
        var rows: [TableRow] = []
        var tables: [Int: TableState] = [:]
        for row in document.elements(.tr) where rows.count < limit {
            var table = Int(document.nodes[row].parent)
            while table >= 0, document.nodes[table].tag != .table { table = Int(document.nodes[table].parent) }
            var state = tables[table] ?? TableState()
            var cells: [(text: String, isHeading: Bool, column: Int)] = []
            var column = 0
            var index = row + 1
            let end = Int(document.nodes[row].end)
            while index < end {
                let node = document.nodes[index]
                guard !node.isText && (node.tag == .td || node.tag == .th) else {
                    index += 1
                    continue
                }
                while state.covered[column, default: 0] > 0 { column += 1 }
                let rows = document.attribute(index, rowspan).flatMap { Int($0.trimmingSpaces()) }.map { min(max($0, 1), 1_000) } ?? 1
                let columns = document.attribute(index, colspan).flatMap { Int($0.trimmingSpaces()) }.map { min(max($0, 1), 100) } ?? 1
                cells.append((document.text(of: index, hiding: hidden).trimmingSpaces(), node.tag == .th, column))
                if rows > 1 { for spanned in column..<column + columns { state.covered[spanned] = rows } }
                column += columns
                index = Int(node.end)
            }
            for (spanned, remaining) in state.covered where remaining > 0 { state.covered[spanned] = remaining - 1 }
            defer { tables[table] = state }
            guard !cells.isEmpty else { continue }
            if cells.count >= 2 && cells.allSatisfy(\.isHeading) {
                state.headings = Array(repeating: "", count: (cells.map(\.column).max() ?? 0) + 1)
                for cell in cells { state.headings[cell.column] = cell.text }
                continue
            }
            let headings = state.headings
            rows.append(TableRow(cells: cells.map(\.text), headings: cells.map { cell in
                cell.column < headings.count && !headings[cell.column].isEmpty ? headings[cell.column] : nil
            }))
        }
        return rows
    }

    // MARK: Sources

    private func metaTags() -> MetaTags {
        var tags = MetaTags()
        let name = document.nameIndex("name"), property = document.nameIndex("property")
        let itemprop = document.nameIndex("itemprop"), httpEquiv = document.nameIndex("http-equiv")
        let content = document.nameIndex("content")
        for index in document.elements(.meta) {
            guard let value = document.attribute(index, content) else { continue }
            for key in [document.attribute(index, property), document.attribute(index, name),
                        document.attribute(index, itemprop), document.attribute(index, httpEquiv)].compactMap({ $0 }) {
                let key = key.lowercased().trimmingSpaces()
                if tags.values[key] == nil { tags.values[key] = value }
                if key.hasPrefix("og:") || key.hasPrefix("article:") {
                    tags.openGraph.append(MetaProperty(property: key, content: value))
                } else if key.hasPrefix("twitter:") {
                    tags.twitter.append(MetaProperty(property: key, content: value))
                }
            }
        }
        return tags
    }

    private func jsonLDValues() -> [JSONValue] {
        let type = document.nameIndex("type")
        return document.elements(.script).flatMap { index -> [JSONValue] in
            guard let kind = document.attribute(index, type)?.lowercased(), kind.contains("ld+json") else { return [] }
            return LenientJSONParser.parseAll(document.rawText(of: index))
        }
    }

    /// `<base href>` resolved against the page URL, else the page URL.
    private func baseURL() -> String? {
        guard let base = document.elements(.base).first.flatMap({ document.attribute($0, named: "href") }) else { return url }
        return URLResolver.resolve(base, against: url) ?? url
    }

    private func links(base: String?) -> [PageLink] {
        let href = document.nameIndex("href"), rel = document.nameIndex("rel"), alt = document.nameIndex("alt")
        var seen: Set<String> = []
        var result: [PageLink] = []
        for index in document.elements(.a) {
            guard let target = document.attribute(index, href).flatMap({ URLResolver.resolve($0, against: base) }),
                  !seen.contains(target) else { continue }
            var text = document.text(of: index)
            if text.isEmpty {
                text = (index ..< Int(document.nodes[index].end))
                    .first { document.nodes[$0].tag == .img && document.attribute($0, alt) != nil }
                    .flatMap { document.attribute($0, alt) }?.trimmingSpaces() ?? ""
            }
            seen.insert(target)
            result.append(PageLink(url: target, text: text, rel: document.attribute(index, rel)))
        }
        return result
    }

    // MARK: Facts

    private func metadata(_ meta: MetaTags, structured: [StructuredItem], links: [PageLink], base: String?) -> PageMetadata {
        let article = structured.lazy.compactMap { item -> ArticleData? in
            if case .article(let article) = item { return article } else { return nil }
        }.first
        let organization = structured.lazy.compactMap { item -> OrganizationData? in
            if case .organization(let organization) = item { return organization } else { return nil }
        }.first
        var metadata = PageMetadata()
        let host = (url ?? base).flatMap(Self.host)
        let documentTitle = document.elements(.title).first.map { document.text(of: $0) }
        let socialTitle = meta.first("og:title", "twitter:title")
        // The title suffix that names the host ("… - Wikipedia" on en.wikipedia.org) is the site's
        // own name, better than its publisher's ("Wikimedia Foundation, Inc.").
        metadata.siteName = meta.first("og:site_name", "application-name", "al:ios:app_name")
            ?? (socialTitle ?? documentTitle).flatMap { TitleCleaner.siteName(in: $0, host: host) }
            ?? article?.publisher ?? organization?.name
        // JSON-LD's headline comes after the page's own titles: on a wiki it is the short
        // description ("Wikimedia list article"), not the title.
        let rawTitle = socialTitle ?? documentTitle ?? article?.headline
            ?? document.elements(.h1).first.map { document.text(of: $0) }
        metadata.title = rawTitle.map { TitleCleaner.clean($0, siteName: metadata.siteName, host: host) }
            .flatMap { $0.isEmpty ? nil : $0 }
        metadata.authors = authors(meta, article: article)
        metadata.published = article?.datePublished
            ?? meta.first("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                          "publish-date", "og:pubdate", "sailthru.date", "parsely-pub-date", "dc.date.issued",
                          "dc.date", "dcterms.created", "dcterms.date", "date").flatMap(PageDate.normalize)
            ?? timeElementDate()
            ?? url.flatMap(PageDate.fromURL)
        metadata.modified = article?.dateModified
            ?? meta.first("article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified",
                          "dcterms.modified").flatMap(PageDate.normalize)
        metadata.description = meta.first("og:description", "description", "twitter:description") ?? article?.description
        let canonical = document.elements(.link).first { index in
            document.attribute(index, named: "rel")?.lowercased().split(separator: " ").contains("canonical") == true
        }.flatMap { document.attribute($0, named: "href") }
        metadata.canonicalURL = (canonical ?? meta.first("og:url") ?? article?.url).flatMap { URLResolver.resolve($0, against: base) }
        let htmlLanguage = document.elements(.html).first.flatMap { document.attribute($0, named: "lang") }
        metadata.language = (htmlLanguage ?? meta.first("content-language", "og:locale", "language") ?? article?.inLanguage)
            .map { $0.trimmingSpaces().replacingUnderscores() }.flatMap { $0.isEmpty ? nil : $0 }
        metadata.image = (meta.first("og:image", "og:image:url", "twitter:image", "twitter:image:src") ?? article?.image)
            .flatMap { URLResolver.resolve($0, against: base) }
        metadata.feeds = announcedFeeds(base: base)
        return metadata
    }

    /// `<link rel="alternate">` elements whose type is a feed's, resolved against `base`.
    private func announcedFeeds(base: String?) -> [String] {
        let feedTypes = ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml"]
        var feeds: [String] = []
        for index in document.elements(.link) {
            guard let rel = document.attribute(index, named: "rel")?.lowercased(),
                  rel.split(separator: " ").contains("alternate"),
                  let type = document.attribute(index, named: "type")?.lowercased().trimmingSpaces(),
                  feedTypes.contains(where: { type.hasPrefix($0) }),
                  let href = document.attribute(index, named: "href"),
                  let url = URLResolver.resolve(href.trimmingSpaces(), against: base),
                  !feeds.contains(url) else { continue }
            feeds.append(url)
        }
        return feeds
    }

    private func authors(_ meta: MetaTags, article: ArticleData?) -> [String] {
        var candidates: [[String]] = []
        if let article { candidates.append(article.authors) }
        for key in ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "twitter:creator"] {
            if let value = meta.first(key), !value.contains("://") { candidates.append(PersonName.names(inByline: value)) }
        }
        let rel = document.nameIndex("rel"), itemprop = document.nameIndex("itemprop")
        for index in document.elements(.a) where document.attribute(index, rel)?.lowercased() == "author" {
            candidates.append(PersonName.names(inByline: document.text(of: index)))
        }
        for (index, node) in document.nodes.enumerated() where !node.isText && node.attributeCount > 0 {
            guard document.attribute(index, itemprop)?.lowercased() == "author" else { continue }
            let nameElement = (index ..< Int(node.end)).first { document.attribute($0, itemprop) == "name" } ?? index
            let text = document.attribute(nameElement, named: "content") ?? document.text(of: nameElement)
            if text.count < 120 { candidates.append(PersonName.names(inByline: text)) }
        }
        candidates.append(bylineNames())
        var seen: Set<String> = []
        return (candidates.first { !$0.isEmpty } ?? []).filter { seen.insert($0).inserted }
    }

    /// Names in a by-line that no markup labels: an element whose class or id says `byline` or
    /// `author`, short enough to be one line ("Written by <a>Jane Doe</a> in Valve on 1 June
    /// 2019"); its linked names, else the names its text starts with.
    private func bylineNames() -> [String] {
        let classIndex = document.nameIndex("class"), idIndex = document.nameIndex("id")
        let byline = Array("byline".utf8), author = Array("author".utf8)
        for (index, node) in document.nodes.enumerated() where !node.isText && node.attributeCount > 0 {
            let marked = document.classAndID(index, classIndex: classIndex, idIndex: idIndex)
            guard FlatDocument.contains(marked, byline) || FlatDocument.contains(marked, author) else { continue }
            let text = document.text(of: index)
            guard !text.isEmpty, text.count < 160 else { continue }
            let linked = (index ..< Int(node.end)).filter { document.nodes[$0].tag == .a }
                .map { document.text(of: $0).trimmingSpaces() }.filter(PersonName.isValid)
            if !linked.isEmpty { return linked }
            var line = text
            for prefix in ["Written by ", "Posted by ", "Published by ", "Story by ", "Words by "] where line.hasPrefix(prefix) {
                line = "By " + line.dropFirst(prefix.count)
            }
            let names = PersonName.names(inByline: line)
            if !names.isEmpty { return names }
        }
        return []
    }

    /// The host of an absolute URL.
    static func host(_ url: String) -> String? {
        let parts = url.components(separatedBy: "://")
        guard parts.count >= 2 else { return nil }
        let host = parts[1].prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : String(host)
    }

    /// The date of the first `<time datetime>` (one marked as the publication date first).
    private func timeElementDate() -> String? {
        let datetime = document.nameIndex("datetime"), pubdate = document.nameIndex("pubdate")
        let itemprop = document.nameIndex("itemprop")
        let times = document.elements(.time).filter { document.attribute($0, datetime) != nil }
        let marked = times.first { document.hasAttribute($0, pubdate) || document.attribute($0, itemprop) == "datePublished" }
        return (marked ?? times.first).flatMap { document.attribute($0, datetime) }.flatMap(PageDate.normalize)
    }
}

extension String {
    /// `en_US` → `en-US`.
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
