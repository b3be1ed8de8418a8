/// Decides whether a string names a person ("Jane Doe", "José María de la Cruz"), not an
/// organization, a role, a date or a sentence, and cleans bylines ("By Jane Doe and John Roe").
enum PersonName {
    private static let particles: Set<String> = [
        "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "bin", "al",
        "ibn", "y", "e", "zu", "ten", "ter", "st.", "mc", "o'",
    ]
    /// Words that mark an organization, a desk or a role rather than a person.
    private static let nonPersonWords: Set<String> = [
        "staff", "team", "editor", "editors", "editorial", "desk", "news", "newsroom", "agency", "press",
        "media", "reporter", "reporters", "correspondent", "contributor", "contributors", "writer",
        "admin", "administrator", "inc", "inc.", "ltd", "llc", "corp", "company", "group", "service",
        "services", "associated", "reuters", "online", "magazine", "times", "post", "daily", "network",
        "the", "and", "of", "for", "with", "by", "view", "profile", "more", "read", "all", "articles",
        "posts", "follow", "share", "university", "institute", "department", "office", "board",
        "our", "your", "my", "their", "his", "her", "we", "us", "you", "meet", "about", "contact", "values",
        "mission", "careers", "home", "privacy", "terms", "sign", "log", "subscribe", "menu", "search",
    ]

    /// True when `text` looks like one person's name.
    static func isValid(_ text: String) -> Bool {
        guard text.count >= 4, text.count <= 60 else { return false }
        let words = text.split(separator: " ")
        guard (2 ... 5).contains(words.count) else { return false }
        var capitalized = 0
        for word in words {
            let lower = word.lowercased()
            if nonPersonWords.contains(lower) { return false }
            if particles.contains(lower) { continue }
            guard let first = word.first, first.isLetter, first.isUppercase || !first.isCased else { return false }
            guard word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" }) else { return false }
            capitalized += 1
        }
        return capitalized >= 2
    }

    /// The person names in a byline: "By Jane Doe and John Roe, CNN" → ["Jane Doe", "John Roe"].
    static func names(inByline byline: String) -> [String] {
        var text = byline.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for prefix in ["By ", "by ", "BY ", "Von ", "Por ", "Par ", "Door "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        var parts: [String] = []
        for piece in text.split(whereSeparator: { $0 == "," || $0 == "&" || $0 == "|" || $0 == ";" || $0 == "/" }) {
            let andParts = piece.components(separatedBy: " and ")
            parts.append(contentsOf: andParts.map { $0.trimmingSpaces() })
        }
        return parts.filter(isValid)
    }
}

extension StringProtocol {
    /// The pieces of the string between occurrences of `separator` (compared as UTF-8 bytes).
    func components(separatedBy separator: String) -> [String] {
        let bytes = Array(utf8)
        let pattern = Array(separator.utf8)
        guard !pattern.isEmpty else { return [String(self)] }
        var result: [String] = []
        var start = 0
        var i = 0
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0], bytes[i ..< i + pattern.count].elementsEqual(pattern) {
                result.append(String(decoding: bytes[start ..< i], as: UTF8.self))
                i += pattern.count
                start = i
            } else {
                i += 1
            }
        }
        result.append(String(decoding: bytes[start...], as: UTF8.self))
        return result
    }
}
