/// Finds the main text of a page and drops the boilerplate around and inside it.
///
/// 1. Prune (`ElementMap`): subtrees that never hold main text are skipped; headers are marked.
/// 2. Cut the rest into paragraphs at block boundaries and give each one a value: positive for
///    prose (25 characters or more, few links), negative for link blocks, zero for short
///    fragments and for boilerplate by its words (`BoilerplateText`). Prose between link blocks
///    on both sides (teasers under linked headlines) counts for nothing.
/// 3. The body (`BodySelection`): the deepest element holding nearly all of the best subtree
///    value, and its siblings that continue it.
/// 4. Inside it, link clusters and link-dense paragraphs are dropped, as are first-level
///    headings (the page title, which is metadata), all but the lead of headers, boilerplate by
///    its words and sections that announce boilerplate (`SectionFilter`).
/// When class names mislead and almost nothing is left of a page with much text, the page is
/// read again without them; when next to nothing is found, `<noscript>` content is read, and
/// then the element the page marks as its content, links and all.
struct MainTextExtractor {
    private let document: FlatDocument

    init(document: FlatDocument) {
        self.document = document
    }

    /// The main text blocks in reading order.
    func extract() -> [TextBlock] {
        guard let page = PageRange(document) else { return [] }
        var blocks = read(page, options: ElementMap.Options())
        // Class names that mislead (an article built of "widgets") can prune the whole text away:
        // when little is left of a page with much text, names are ignored and the result compared.
        var kept = Self.length(of: blocks)
        if kept < 500, page.textCharacters[page.range.lowerBound] >= 2000 {
            let retry = read(page, options: ElementMap.Options(trustingClassNames: false))
            if Self.length(of: retry) > kept * 2 {
                blocks = retry
                kept = Self.length(of: retry)
            }
        }
        // A page that shows next to nothing without scripts may carry its text in <noscript>
        // (some blog templates put the whole post there).
        if kept < Self.nearlyEmpty, document.nodes.contains(where: { $0.tag == .noscript && !$0.isText }) {
            let withNoscript = read(page, options: ElementMap.Options(readingNoscript: true))
            if Self.length(of: withNoscript) > kept {
                blocks = withNoscript
                kept = Self.length(of: withNoscript)
            }
        }
        // A short post made of links (a list of recommended reads) has no prose to find: the
        // element the page itself marks as its content is read, links and all.
        if kept < Self.nearlyEmpty {
            let marked = readMarkedContent(page)
            if Self.length(of: marked) > kept { return marked }
        }
        return blocks
    }

    /// The blocks of the element the page marks as its main content (a content class such as
    /// `entry-content`, `itemprop="articleBody"`, `<article>`, `<main>`), link-dense ones too;
    /// empty when the page marks none.
    private func readMarkedContent(_ page: PageRange) -> [TextBlock] {
        let map = ElementMap(document: document, range: page.range, textCharacters: page.textCharacters,
                             options: ElementMap.Options())
        guard let marked = map.markedContent(in: document, range: page.range, textCharacters: page.textCharacters) else {
            return []
        }
        let paragraphs = ParagraphBuilder.paragraphs(in: document, range: marked ..< Int(document.nodes[marked].end),
                                                     characterCounts: page.textCharacters) { map.skipped[$0] }
        let totals = ParagraphTotals(document: document, range: page.range, paragraphs: paragraphs)
        let boilerplate = paragraphs.map { BoilerplateText.isBoilerplate($0.bytes, characters: $0.characters) }
        return SectionFilter.filtered(blocks(from: paragraphs, in: [marked], totals: totals, map: map,
                                             boilerplate: boilerplate, keepingLinks: true))
    }

    /// Below this many bytes of main text a page counts as showing nothing.
    private static let nearlyEmpty = 200

    private static func length(of blocks: [TextBlock]) -> Int {
        blocks.reduce(0) { $0 + $1.text.utf8.count }
    }

    /// The body element of a page (or the whole document when it has none) and the characters
    /// of visible text under each node.
    private struct PageRange {
        let range: Range<Int>
        let textCharacters: [Int]

        init?(_ document: FlatDocument) {
            let nodes = document.nodes
            guard !nodes.isEmpty else { return nil }
            let body = nodes.firstIndex { $0.tag == .body && !$0.isText } ?? 0
            range = body ..< (body == 0 && nodes[0].tag != .body ? nodes.count : Int(nodes[body].end))
            textCharacters = Self.countTextCharacters(document)
        }

        /// Characters of visible text under each node (script, style and similar bodies excluded).
        private static func countTextCharacters(_ document: FlatDocument) -> [Int] {
            let nodes = document.nodes
            var counts = [Int](repeating: 0, count: nodes.count)
            for i in nodes.indices.reversed() {
                let node = nodes[i]
                if node.isText {
                    counts[i] = ParagraphBuilder.countCharacters(document.textBytes(i))
                } else if node.tag.neverHoldsText {
                    counts[i] = 0
                }
                if node.parent >= 0 { counts[Int(node.parent)] += counts[i] }
            }
            return counts
        }
    }

    /// One reading of the page: the main text blocks that the given options lead to.
    private func read(_ page: PageRange, options: ElementMap.Options) -> [TextBlock] {
        let range = page.range
        let map = ElementMap(document: document, range: range, textCharacters: page.textCharacters, options: options)
        let paragraphs = ParagraphBuilder.paragraphs(in: document, range: range, characterCounts: page.textCharacters) {
            map.skipped[$0]
        }
        let boilerplate = paragraphs.map { BoilerplateText.isBoilerplate($0.bytes, characters: $0.characters) }
        let values = paragraphs.indices.map { k in
            // Boilerplate by its words is no evidence of main text, however long and link-free.
            boilerplate[k] ? 0 : Self.value(of: paragraphs[k], inHeader: map.inHeader[max(0, paragraphs[k].owner)])
        }
        let totals = ParagraphTotals(document: document, range: range, paragraphs: paragraphs)
        // The elements of headers that hold a lead, up to the header itself.
        var leads = [Bool](repeating: false, count: document.nodes.count)
        for paragraph in paragraphs where paragraph.owner >= 0 && map.inHeader[paragraph.owner] && Self.isLead(paragraph) {
            var k = paragraph.owner
            while k >= 0, map.inHeader[k], !leads[k] {
                leads[k] = true
                k = Int(document.nodes[k].parent)
            }
        }
        let body = bodySelection(paragraphs, values: values, totals: totals, leads: leads, range: range)
        // A page of short fragments only (a heading, a caption-sized text): the whole body.
        let roots = paragraphs.isEmpty ? [] : body?.roots ?? [range.lowerBound]
        return SectionFilter.filtered(blocks(from: paragraphs, in: roots, totals: totals, map: map,
                                             boilerplate: boilerplate))
    }

    // MARK: Container

    /// Paragraphs shorter than this (in characters) are neutral: dates, labels, table cells.
    private static let shortParagraph = 25
    /// In a header, only a paragraph this long (and nearly free of links) is main text: a lead.
    private static let leadParagraph = 80

    /// A lead is prose: long, nearly free of links, and made of words (not a URL or a code).
    private static func isLead(_ paragraph: Paragraph) -> Bool {
        paragraph.characters >= leadParagraph && paragraph.linkDensity < 0.2 && paragraph.kind != .heading(level: 1)
            && paragraph.bytes.lazy.filter { $0 == 0x20 }.count >= 8
    }

    /// The value of a paragraph as evidence of main text: prose counts its characters (less
    /// for every link), link blocks count against, short fragments are neutral, and so is
    /// everything in a header but a lead.
    private static func value(of paragraph: Paragraph, inHeader: Bool) -> Double {
        let characters = Double(paragraph.characters)
        if paragraph.linkDensity > 0.5 { return -characters }
        if paragraph.characters < shortParagraph || inHeader { return 0 }
        return characters * (1 - paragraph.linkDensity * 2)
    }

    /// True for each prose paragraph whose nearest non-short neighbours on both sides are link
    /// blocks (or the page's ends): the teaser between a linked headline and the next one.
    private func isolation(_ paragraphs: [Paragraph]) -> [Bool] {
        enum Class { case prose, links, short }
        let classes: [Class] = paragraphs.map {
            if $0.linkDensity > 0.5 { return .links }
            return $0.characters < Self.shortParagraph ? .short : .prose
        }
        var previousIsProse = [Bool](repeating: false, count: paragraphs.count)
        var last: Class? = nil
        for k in classes.indices {
            previousIsProse[k] = last == .prose
            if classes[k] != .short { last = classes[k] }
        }
        var result = [Bool](repeating: false, count: paragraphs.count)
        var next: Class? = nil
        for k in classes.indices.reversed() {
            result[k] = classes[k] == .prose && !previousIsProse[k] && next != .prose
            if classes[k] != .short { next = classes[k] }
        }
        return result
    }

    /// The body of the page. Isolated prose (teasers) counts for nothing, unless the page has no
    /// other prose (a one-paragraph page).
    private func bodySelection(_ paragraphs: [Paragraph], values: [Double], totals: ParagraphTotals, leads: [Bool],
                               range: Range<Int>) -> BodySelection? {
        let isolated = isolation(paragraphs)
        return BodySelection(document: document, range: range, paragraphs: paragraphs, values: values,
                             totals: totals, leads: leads) { isolated[$0] }
            ?? BodySelection(document: document, range: range, paragraphs: paragraphs, values: values,
                             totals: totals, leads: leads) { _ in false }
    }

    // MARK: Blocks

    /// The kept paragraphs under `roots` (disjoint subtrees in document order) as blocks: link
    /// clusters inside a root (elements whose text is mostly links) and link-dense paragraphs
    /// (unless `keepingLinks`), the page title, what a header holds but a lead, and boilerplate
    /// by its words are dropped.
    private func blocks(from paragraphs: [Paragraph], in roots: [Int], totals: ParagraphTotals,
                        map: ElementMap, boilerplate: [Bool], keepingLinks: Bool = false) -> [TextBlock] {
        let nodes = document.nodes
        var excluded = [Bool](repeating: false, count: nodes.count)
        for root in roots where !keepingLinks {
            var i = root + 1
            while i < Int(nodes[root].end) {
                let node = nodes[i]
                if !node.isText, totals.linkDensity(i) > 0.5 {
                    for k in i ..< Int(node.end) { excluded[k] = true }
                    i = Int(node.end)
                } else {
                    i += 1
                }
            }
        }
        var result: [TextBlock] = []
        var r = 0
        for (k, paragraph) in paragraphs.enumerated() where paragraph.owner >= 0 {
            while r < roots.count, paragraph.owner >= Int(nodes[roots[r]].end) { r += 1 }
            guard r < roots.count else { break }
            if paragraph.owner < roots[r] || excluded[paragraph.owner] { continue }
            if paragraph.linkDensity > 0.5, !keepingLinks { continue }
            if paragraph.kind == .heading(level: 1) { continue }
            if map.inHeader[paragraph.owner], !Self.isLead(paragraph) { continue }
            if boilerplate[k] { continue }
            result.append(TextBlock(kind: paragraph.kind, text: paragraph.text))
        }
        return result
    }
}
