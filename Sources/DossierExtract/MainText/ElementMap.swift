/// Which elements of a page can hold main text, decided once per extraction from tags, hidden
/// markers and class names: subtrees that never do (scripts, forms, navigation, asides, hidden
/// elements, comments, sharing, related links, ads, ...) are skipped, and headers (of the page or
/// of an article) are marked, because only a lead paragraph is main text in them.
struct ElementMap {
    /// True for the root of each subtree to skip.
    private(set) var skipped: [Bool]
    /// True for each element inside a header (the header included).
    private(set) var inHeader: [Bool]

    /// What the pass may rely on.
    struct Options {
        /// Class, id and role names count (false when they have misled a first pass).
        var trustingClassNames = true
        /// `<noscript>` content is read (when the page shows nothing else).
        var readingNoscript = false
    }

    /// A subtree holding this share of the page's text or more is never dropped for its tag or
    /// its names alone: a misleading class name on a wrapper must not erase the article.
    private static let protectedShare = 0.4

    init(document: FlatDocument, range: Range<Int>, textCharacters: [Int], options: Options) {
        let nodes = document.nodes
        let names = AttributeNames(document)
        skipped = [Bool](repeating: false, count: nodes.count)
        inHeader = [Bool](repeating: false, count: nodes.count)
        let pageCharacters = Double(max(1, textCharacters[range.lowerBound]))
        var i = range.lowerBound
        while i < range.upperBound {
            let node = nodes[i]
            if node.isText {
                i += 1
                continue
            }
            let share = Double(textCharacters[i]) / pageCharacters
            switch Self.decide(i, in: document, names: names, share: share, options: options) {
            case .skip:
                skipped[i] = true
                i = Int(node.end)
                continue
            case .header:
                inHeader[i] = true
            case .keep:
                if node.parent >= 0 { inHeader[i] = inHeader[Int(node.parent)] }
            }
            i += 1
        }
    }

    /// The element the page marks as its main content and that is not skipped: a content class
    /// or id (`entry-content`, `article-body`, ...) or `itemprop="articleBody"` first, then
    /// `<article>`, `role="main"` or `<main>`; the one holding the most text; nil when none is.
    func markedContent(in document: FlatDocument, range: Range<Int>, textCharacters: [Int]) -> Int? {
        let nodes = document.nodes
        let names = AttributeNames(document)
        var byName: Int?, byTag: Int?
        var i = range.lowerBound
        while i < range.upperBound {
            let node = nodes[i]
            if node.isText {
                i += 1
                continue
            }
            if skipped[i] {
                i = Int(node.end)
                continue
            }
            if textCharacters[i] > 0 {
                if Self.isMarkedArticleBody(i, document, names) || ClassHint.marksMainContent(Self.classAndID(i, document, names)) {
                    if byName.map({ textCharacters[i] > textCharacters[$0] }) ?? true { byName = i }
                } else if node.tag == .article || node.tag == .main
                            || document.attributeBytes(i, names.role)?.elementsEqual(Self.mainRole) == true {
                    if byTag.map({ textCharacters[i] > textCharacters[$0] }) ?? true { byTag = i }
                }
            }
            i += 1
        }
        return byName ?? byTag
    }

    private static let mainRole = Array("main".utf8)

    private enum Decision { case keep, skip, header }

    private static func decide(_ i: Int, in document: FlatDocument, names: AttributeNames, share: Double,
                               options: Options) -> Decision {
        let tag = document.nodes[i].tag
        if tag == .noscript { return options.readingNoscript ? .keep : .skip }
        if tag.neverHoldsText { return .skip }
        if tag == .body || tag == .html || isMarkedArticleBody(i, document, names) { return .keep }
        guard share < protectedShare else { return .keep }
        if tag == .header { return .header }
        if tag.isPageChrome || isHidden(i, document, names) { return .skip }
        guard options.trustingClassNames else { return .keep }
        switch ClassHint.classify(classAndID: classAndID(i, document, names), role: document.attribute(i, names.role)) {
        case .boilerplate: return .skip
        case .header: return tag.isBlock ? .header : .skip
        case .content, .neutral: return .keep
        }
    }

    /// The bytes of the `class` and `id` values of element `i`, space separated.
    private static func classAndID(_ i: Int, _ document: FlatDocument, _ names: AttributeNames) -> [UInt8] {
        var bytes: [UInt8] = []
        if let value = document.attributeBytes(i, names.classAttribute) { bytes.append(contentsOf: value) }
        if let value = document.attributeBytes(i, names.id) {
            bytes.append(0x20)
            bytes.append(contentsOf: value)
        }
        return bytes
    }

    /// schema.org microdata naming the article's text.
    private static func isMarkedArticleBody(_ i: Int, _ document: FlatDocument, _ names: AttributeNames) -> Bool {
        guard let value = document.attributeBytes(i, names.itemprop) else { return false }
        return value.elementsEqual(articleBody) || value.elementsEqual(reviewBody)
    }

    private static let articleBody = Array("articleBody".utf8)
    private static let reviewBody = Array("reviewBody".utf8)

    private static func isHidden(_ i: Int, _ document: FlatDocument, _ names: AttributeNames) -> Bool {
        if document.hasAttribute(i, names.hidden) { return true }
        if let value = document.attributeBytes(i, names.ariaHidden), value.elementsEqual(ariaTrue) { return true }
        if let style = document.attributeBytes(i, names.style) {
            let compact = style.compactMap { $0 == 0x20 ? nil : ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) }
            return ClassHint.contains(compact, displayNone) || ClassHint.contains(compact, visibilityHidden)
        }
        return false
    }

    private static let ariaTrue = Array("true".utf8)
    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    /// Interned indices of the attribute names the rules read.
    private struct AttributeNames {
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
}
