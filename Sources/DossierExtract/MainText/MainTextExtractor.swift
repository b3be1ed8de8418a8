/// Finds the main text of a page and drops the boilerplate around and inside it.
///
/// 1. Prune: subtrees that never hold main text (scripts, forms, navigation, asides, hidden
///    elements, and elements whose class/id/role name comments, sharing, related links, ads, ...)
///    are skipped, unless they hold a large share of the page's text (a misleading class name on a
///    wrapper must not erase the article).
/// 2. Cut the rest into paragraphs at block boundaries and give each one a value: positive for
///    prose (25 characters or more, few links), negative for link blocks, zero for short
///    fragments. Prose between link blocks on both sides (teasers under linked headlines) counts
///    for nothing.
/// 3. The main container is the element whose subtree has the greatest total value: the
///    smallest element that gathers the prose while leaving the link-heavy chrome outside.
/// 4. Inside it, link clusters and link-only paragraphs are dropped, as are first-level headings
///    (the page title, which is metadata).
/// When class names mislead and almost nothing is left of a page with much text, the page is
/// read again without them.
struct MainTextExtractor {
    private let document: FlatDocument
    private let names: AttributeNames

    /// Interned indices of the attribute names the rules read.
    struct AttributeNames {
        let classAttribute, id, role, style, hidden, ariaHidden, itemprop: Int32?

        init(_ document: FlatDocument) {
            classAttribute = document.nameIndex("class")
            id = document.nameIndex("id")
            role = document.nameIndex("role")
            style = document.nameIndex("style")
            hidden = document.nameIndex("hidden")
            ariaHidden = document.nameIndex("aria-hidden")
            itemprop = document.nameIndex("itemprop")
        }
    }

    init(document: FlatDocument) {
        self.document = document
        self.names = AttributeNames(document)
    }

    /// The main text blocks in reading order.
    func extract() -> [TextBlock] {
        let nodes = document.nodes
        guard !nodes.isEmpty else { return [] }
        let body = nodes.firstIndex { $0.tag == .body && !$0.isText } ?? 0
        let range = body ..< (body == 0 && nodes[0].tag != .body ? nodes.count : Int(nodes[body].end))

        let textCharacters = countTextCharacters()
        let blocks = extract(range: range, textCharacters: textCharacters, trustingClassNames: true)
        // Class names that mislead (an article built of "widgets") can prune the whole text away:
        // when little is left of a page with much text, names are ignored and the result compared.
        let kept = blocks.reduce(0) { $0 + $1.text.utf8.count }
        if kept < 500, textCharacters[range.lowerBound] >= 2000 {
            let retry = extract(range: range, textCharacters: textCharacters, trustingClassNames: false)
            if retry.reduce(0, { $0 + $1.text.utf8.count }) > kept * 2 { return retry }
        }
        return blocks
    }

    private func extract(range: Range<Int>, textCharacters: [Int], trustingClassNames: Bool) -> [TextBlock] {
        let nodes = document.nodes
        let pageCharacters = max(1, textCharacters[range.lowerBound])
        var pruned = [Bool](repeating: false, count: nodes.count)
        for i in range where !nodes[i].isText {
            pruned[i] = shouldPrune(i, share: Double(textCharacters[i]) / Double(pageCharacters),
                                    trustingClassNames: trustingClassNames)
        }
        let paragraphs = ParagraphBuilder.paragraphs(in: document, range: range, characterCounts: textCharacters) { pruned[$0] }
        guard !paragraphs.isEmpty else { return [] }
        // A page of short fragments only (a heading, a caption-sized text): the whole body.
        let container = bestContainer(paragraphs, range: range) ?? range.lowerBound
        return blocks(from: paragraphs, in: container)
    }

    // MARK: Pruning

    /// Characters of visible text under each node (script, style and similar bodies excluded).
    private func countTextCharacters() -> [Int] {
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

    private func shouldPrune(_ i: Int, share: Double, trustingClassNames: Bool) -> Bool {
        let tag = document.nodes[i].tag
        if tag.neverHoldsText { return true }
        if tag == .body || tag == .html || isMarkedArticleBody(i) { return false }
        // A subtree holding much of the page's text is never dropped for its name alone.
        guard share < 0.4 else { return false }
        if tag.isPageChrome { return true }
        if isHidden(i) { return true }
        guard trustingClassNames else { return false }
        return ClassHint.classify(classAndID: classAndID(i), role: document.attribute(i, names.role)) == .boilerplate
    }

    /// The bytes of the `class` and `id` values of element `i`, space separated.
    private func classAndID(_ i: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        if let value = document.attributeBytes(i, names.classAttribute) { bytes.append(contentsOf: value) }
        if let value = document.attributeBytes(i, names.id) {
            bytes.append(0x20)
            bytes.append(contentsOf: value)
        }
        return bytes
    }

    /// schema.org microdata naming the article's text.
    private func isMarkedArticleBody(_ i: Int) -> Bool {
        guard let value = document.attributeBytes(i, names.itemprop) else { return false }
        return value.elementsEqual(Self.articleBody) || value.elementsEqual(Self.reviewBody)
    }

    private static let articleBody = Array("articleBody".utf8)
    private static let reviewBody = Array("reviewBody".utf8)

    private func isHidden(_ i: Int) -> Bool {
        if document.hasAttribute(i, names.hidden) { return true }
        if document.attribute(i, names.ariaHidden) == "true" { return true }
        if let style = document.attributeBytes(i, names.style) {
            let compact = style.compactMap { $0 == 0x20 ? nil : ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) }
            return ClassHint.contains(compact, Self.displayNone) || ClassHint.contains(compact, Self.visibilityHidden)
        }
        return false
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    // MARK: Container

    /// The value of a paragraph as evidence of main text.
    /// Paragraphs shorter than this (in characters) are neutral: dates, labels, table cells.
    private static let shortParagraph = 25

    /// The value of a paragraph as evidence of main text: prose counts its characters (less
    /// for every link), link blocks count against, short fragments are neutral.
    private static func value(of paragraph: Paragraph) -> Double {
        let characters = Double(paragraph.characters)
        if paragraph.linkDensity > 0.5 { return -characters }
        if paragraph.characters < shortParagraph { return 0 }
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

    /// The element whose subtree holds the most paragraph value. Isolated prose (teasers) counts
    /// for nothing, unless the page has no other prose (a one-paragraph page).
    private func bestContainer(_ paragraphs: [Paragraph], range: Range<Int>) -> Int? {
        let isolated = isolation(paragraphs)
        return bestContainer(paragraphs, range: range) { isolated[$0] }
            ?? bestContainer(paragraphs, range: range) { _ in false }
    }

    private func bestContainer(_ paragraphs: [Paragraph], range: Range<Int>, ignoring isIgnored: (Int) -> Bool) -> Int? {
        let nodes = document.nodes
        var score = [Double](repeating: 0, count: nodes.count)
        for (k, paragraph) in paragraphs.enumerated() where paragraph.owner >= 0 && !isIgnored(k) {
            score[paragraph.owner] += Self.value(of: paragraph)
        }
        for i in range.reversed() where i > range.lowerBound {
            let parent = Int(nodes[i].parent)
            if parent >= 0 { score[parent] += score[i] }
        }
        var best: Int?
        var bestScore = 0.0
        for i in range where !nodes[i].isText && score[i] >= bestScore && score[i] > 0 {
            best = i
            bestScore = score[i]
        }
        return best
    }

    // MARK: Blocks

    private func blocks(from paragraphs: [Paragraph], in container: Int) -> [TextBlock] {
        let nodes = document.nodes
        let end = Int(nodes[container].end)
        // Characters and link characters under each element of the container, for link clusters.
        var characters = [Int](repeating: 0, count: nodes.count)
        var linkCharacters = [Int](repeating: 0, count: nodes.count)
        for paragraph in paragraphs where paragraph.owner >= container && paragraph.owner < end {
            characters[paragraph.owner] += paragraph.characters
            linkCharacters[paragraph.owner] += paragraph.linkCharacters
        }
        for i in (container + 1 ..< end).reversed() {
            let parent = Int(nodes[i].parent)
            characters[parent] += characters[i]
            linkCharacters[parent] += linkCharacters[i]
        }
        var excluded = [Bool](repeating: false, count: end - container)
        var i = container + 1
        while i < end {
            let node = nodes[i]
            if !node.isText, characters[i] > 0,
               Double(linkCharacters[i]) / Double(characters[i]) > 0.5 {
                for k in i ..< Int(node.end) { excluded[k - container] = true }
                i = Int(node.end)
            } else {
                i += 1
            }
        }
        var result: [TextBlock] = []
        for paragraph in paragraphs where paragraph.owner >= container && paragraph.owner < end {
            if excluded[paragraph.owner - container] { continue }
            if paragraph.linkDensity > 0.5 { continue }
            if paragraph.kind == .heading(level: 1) { continue }
            result.append(TextBlock(kind: paragraph.kind, text: paragraph.text))
        }
        return result
    }
}
