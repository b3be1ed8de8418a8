/// What the class, id and role attributes of an element say about its content. General
/// conventions of web publishing only: no site is special. Works on bytes: it runs for every
/// element of every page.
enum ClassHint: Sendable, Equatable {
    /// Almost never main text: comments, sharing, related links, ads, cookie banners, ...
    case boilerplate
    /// Main text likely lives here: article, content, entry, post, story, ...
    case content
    case neutral

    /// Matched anywhere in the lower-cased class and id (so `relatedPosts` and `post-related`
    /// match): names that mark boilerplate even beside a content word (`comment-body`).
    private static let strongParts: [[UInt8]] = [
        "comment", "disqus", "share", "sharing", "social", "cookie", "consent", "gdpr", "newsletter",
        "subscri", "signup", "related", "recommend", "outbrain", "taboola", "breadcrumb", "sponsor",
        "promo", "advert", "popup", "modal", "paywall", "caption", "credit", "byline", "footer",
        "header", "masthead", "navbar", "navigation", "skip-link", "visually-hidden", "screen-reader",
        "sr-only", "readmore", "read-more", "more-from", "mostread", "most-read", "follow-us",
        "nocontent", "print-only", "noprint",
    ].map { Array($0.utf8) }
    /// Names that mark boilerplate unless a content word stands beside them (`sidebar` drops,
    /// `rail-body` stays).
    private static let weakParts: [[UInt8]] = [
        "author", "popular", "trending", "pagination", "pager", "widget", "sidebar", "menu",
        "toolbar", "overlay", "login", "dateline", "timestamp", "tag-list", "taglist", "topics",
        "donate", "banner",
    ].map { Array($0.utf8) }
    /// Like `weakParts`, matched as whole words only (`ad` must not match `header` or `load`).
    private static let weakWords: [[UInt8]] = [
        "ad", "ads", "adv", "dfp", "nav", "tags", "meta", "rail", "hidden", "hide", "aside",
        "date", "signin", "tools", "extra", "links", "bio", "teaser", "teasers", "card", "cards",
    ].map { Array($0.utf8) }
    private static let contentParts: [[UInt8]] = [
        "article", "content", "entry", "post", "story", "body", "text", "main", "blog", "prose",
    ].map { Array($0.utf8) }
    private static let commentary = Array("commentary".utf8)
    private static let comment = Array("comment".utf8)
    private static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu",
        "menubar", "search", "toolbar", "tablist",
    ]

    /// Patterns grouped by their first byte, so each position of the text is compared with the few
    /// patterns that can start there.
    private static let strongByFirstByte = index(strongParts)
    private static let weakByFirstByte = index(weakParts)
    private static let contentByFirstByte = index(contentParts)

    private static func index(_ patterns: [[UInt8]]) -> [[[UInt8]]] {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for pattern in patterns { table[Int(pattern[0])].append(pattern) }
        return table
    }

    /// Classifies an element from the bytes of its `class` and `id` values and its ARIA `role`.
    static func classify(classAndID: [UInt8], role: String?) -> ClassHint {
        if let role, boilerplateRoles.contains(role.lowercased()) { return .boilerplate }
        if classAndID.isEmpty { return .neutral }
        var lower = classAndID
        for i in lower.indices where lower[i] >= 0x41 && lower[i] <= 0x5A { lower[i] |= 0x20 }
        if matches(lower, strongByFirstByte) { return .boilerplate }
        let content = matches(lower, contentByFirstByte)
        if !content, containsWord(lower) || matches(lower, weakByFirstByte) { return .boilerplate }
        return content ? .content : .neutral
    }

    /// True when a pattern of `table` occurs in `text` ("comment" inside "commentary" does not
    /// count: commentary is an article genre).
    private static func matches(_ text: [UInt8], _ table: [[[UInt8]]]) -> Bool {
        text.withUnsafeBufferPointer { bytes in
            for i in 0 ..< bytes.count {
                for pattern in table[Int(bytes[i])] where pattern.count <= bytes.count - i {
                    var k = 1
                    while k < pattern.count, bytes[i + k] == pattern[k] { k += 1 }
                    guard k == pattern.count else { continue }
                    if pattern == comment, bytes[i...].starts(with: commentary) { continue }
                    return true
                }
            }
            return false
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    /// True when one of the words of `text` is in `weakWords`. `hidden` and `hide` do not count
    /// when a screen size or medium follows (`hidden-xs`, `hide-on-mobile`, `hidden-print`): such
    /// an element is visible on other screens.
    private static func containsWord(_ text: [UInt8]) -> Bool {
        var words: [ArraySlice<UInt8>] = []
        var start = 0
        while start < text.count {
            while start < text.count, !isWordByte(text[start]) { start += 1 }
            var end = start
            while end < text.count, isWordByte(text[end]) { end += 1 }
            if end > start { words.append(text[start ..< end]) }
            start = end
        }
        for (k, word) in words.enumerated() where word.count <= 7 {
            guard weakWords.contains(where: { $0.elementsEqual(word) }) else { continue }
            if (word.elementsEqual(hidden) || word.elementsEqual(hide)), k + 1 < words.count {
                var next = words[k + 1]
                if next.elementsEqual(on), k + 2 < words.count { next = words[k + 2] }
                if screens.contains(where: { $0.elementsEqual(next) }) { continue }
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
