/// What the class, id and role attributes of an element say about its content. General
/// conventions of web publishing only: no site is special. Works on bytes: it runs for every
/// element of every page.
enum ClassHint: Sendable, Equatable {
    /// Almost never main text: comments, sharing, related links, ads, cookie banners, ...
    case boilerplate
    /// A header: a title, a byline, a date, and sometimes the lead paragraph.
    case header
    /// Main text likely lives here: article, content, entry, post, story, ...
    case content
    case neutral

    /// Matched anywhere in the lower-cased class and id (so `relatedPosts` and `post-related`
    /// match): names that mark boilerplate even beside a content word (`comment-body`).
    private static let strong = PatternSet([
        "comment", "disqus", "share", "sharing", "social", "cookie", "consent", "gdpr", "newsletter",
        "subscri", "signup", "related", "recommend", "outbrain", "taboola", "breadcrumb", "sponsor",
        "promo", "advert", "popup", "modal", "paywall", "caption", "credit", "byline", "footer",
        "masthead", "navbar", "navigation", "skip-link", "visually-hidden", "screen-reader",
        "sr-only", "readmore", "read-more", "more-from", "mostread", "most-read", "follow-us",
        "nocontent", "print-only", "noprint", "disclaimer", "disclosure", "affiliate", "copyright", "legend",
        "buybox", "buy-box", "author-box", "authorbox", "author-bio", "authorbio", "about-author",
        "about-the-author", "author-info", "postmeta", "post-meta", "entry-meta", "article-meta",
    ])
    /// Names of headers, which hold the title, the byline and sometimes a lead paragraph.
    private static let headerParts = PatternSet(["header"])
    /// Names that mark boilerplate unless a content word stands beside them (`sidebar` drops,
    /// `rail-body` stays).
    private static let weak = PatternSet([
        "author", "popular", "trending", "pagination", "pager", "widget", "sidebar", "menu",
        "toolbar", "overlay", "login", "dateline", "timestamp", "tag-list", "taglist", "topics",
        "donate", "banner",
    ])
    /// Like `weak`, matched as whole words only (`ad` must not match `header` or `load`).
    private static let weakWords: [[UInt8]] = [
        "ad", "ads", "adv", "dfp", "nav", "tags", "meta", "rail", "hidden", "hide", "aside",
        "date", "signin", "tools", "extra", "links", "teaser", "teasers",
    ].map { Array($0.utf8) }
    private static let contentParts = PatternSet([
        "article", "content", "entry", "post", "story", "body", "text", "main", "blog", "prose",
    ])
    private static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu",
        "menubar", "search", "toolbar", "tablist",
    ]

    /// Names that mark the element holding a page's main content.
    private static let mainContentNames = PatternSet([
        "entry-content", "entrycontent", "entry_content", "post-content", "postcontent", "post_content",
        "post-body", "postbody", "post-entry", "article-body", "articlebody", "article__body", "article-content",
        "articlecontent", "article__content", "story-body", "storybody", "main-content", "content-main",
    ])

    /// True when the `class` and `id` bytes name the page's main content (`entry-content`, ...).
    static func marksMainContent(_ classAndID: [UInt8]) -> Bool {
        var lower = classAndID
        for i in lower.indices where lower[i] >= 0x41 && lower[i] <= 0x5A { lower[i] |= 0x20 }
        return lower.withUnsafeBufferPointer { mainContentNames.occurs(in: $0) }
    }

    /// Classifies an element from the bytes of its `class` and `id` values and its ARIA `role`.
    static func classify(classAndID: [UInt8], role: String?) -> ClassHint {
        if let role, boilerplateRoles.contains(role.lowercased()) { return .boilerplate }
        if classAndID.isEmpty { return .neutral }
        var lower = classAndID
        for i in lower.indices where lower[i] >= 0x41 && lower[i] <= 0x5A { lower[i] |= 0x20 }
        return lower.withUnsafeBufferPointer { text in
            if strong.occurs(in: text, accepting: isStrongMatch) { return .boilerplate }
            let content = contentParts.occurs(in: text)
            if !content, containsWeakWord(text) || weak.occurs(in: text, accepting: isNotNegated) {
                return .boilerplate
            }
            if headerParts.occurs(in: text, accepting: isNotNegated) { return .header }
            return content ? .content : .neutral
        }
    }

    /// A strong part found at `start ..< end` counts unless negated, and unless it is `comment`
    /// in `commentary` (an article genre).
    private static func isStrongMatch(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard isNotNegated(text, start, end) else { return false }
        if spells(text, start ..< end, "comment"), follows(text, end, "ary") { return false }
        return true
    }

    /// False when the part is negated by a `non` or `no-` just before it (`non-paywall`).
    private static func isNotNegated(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var k = start
        if k > 0, text[k - 1] == 0x2D || text[k - 1] == 0x5F { k -= 1 }
        if k >= 3, text[k - 3] == 0x6E, text[k - 2] == 0x6F, text[k - 1] == 0x6E,
           k == 3 || !isWordByte(text[k - 4]) {
            return false
        }
        if k < start, k >= 2, text[k - 2] == 0x6E, text[k - 1] == 0x6F, k == 2 || !isWordByte(text[k - 3]) {
            return false
        }
        return true
    }

    private static func spells(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString) -> Bool {
        range.count == word.utf8CodeUnitCount && follows(text, range.lowerBound, word)
    }

    private static func follows(_ text: UnsafeBufferPointer<UInt8>, _ index: Int, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard index + count <= text.count else { return false }
        let bytes = suffix.utf8Start
        for k in 0 ..< count where text[index + k] != bytes[k] { return false }
        return true
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    /// True when one of the words of `text` is in `weakWords`. `hidden` and `hide` do not count
    /// when a screen size or medium follows (`hidden-xs`, `hide-on-mobile`, `hidden-print`): such
    /// an element is visible on other screens.
    private static func containsWeakWord(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var words: [Range<Int>] = []
        var start = 0
        while start < text.count {
            while start < text.count, !isWordByte(text[start]) { start += 1 }
            var end = start
            while end < text.count, isWordByte(text[end]) { end += 1 }
            if end > start { words.append(start ..< end) }
            start = end
        }
        func word(_ k: Int, is candidate: [UInt8]) -> Bool {
            k < words.count && candidate.elementsEqual(UnsafeBufferPointer(rebasing: text[words[k]]))
        }
        for k in words.indices where words[k].count <= 7 {
            guard let match = weakWords.first(where: { word(k, is: $0) }) else { continue }
            if match == hidden || match == hide {
                let next = word(k + 1, is: on) ? k + 2 : k + 1
                if screens.contains(where: { word(next, is: $0) }) { continue }
            }
            return true
        }
        return false
    }

    private static let hidden = Array("hidden".utf8)
    private static let hide = Array("hide".utf8)
    private static let on = Array("on".utf8)
    private static let screens: [[UInt8]] = [
        "xs", "sm", "md", "lg", "xl", "xxl", "mobile", "phone", "tablet", "desktop", "small", "medium",
        "large", "print",
    ].map { Array($0.utf8) }

    /// True when `pattern` occurs in `text`.
    static func contains(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard pattern.count <= text.count, let first = pattern.first else { return false }
        var i = 0
        let last = text.count - pattern.count
        while i <= last {
            if text[i] == first {
                var k = 1
                while k < pattern.count, text[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return true }
            }
            i += 1
        }
        return false
    }
}
