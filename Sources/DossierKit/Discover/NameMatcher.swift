import Foundation

/// Decides whether a text mentions a person or a company, ignoring case, accents,
/// typographic apostrophes and non-breaking spaces.
public struct NameMatcher: Sendable {
    private let fullName: String
    private let surname: String?
    private let firstName: String?

    public init(_ name: String) {
        fullName = Self.fold(name)
        let words = fullName.split(separator: " ").map(String.init)
        surname = words.count > 1 && (words.last?.count ?? 0) >= 3 ? words.last : nil
        firstName = words.count > 1 ? words.first : nil
    }

    /// Lowercased, without diacritics, with every run of whitespace as one space and
    /// typographic quotes as ASCII ones.
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// True when `foldedText` (already folded) names the whole name as words.
    public func matchesFullName(in foldedText: String) -> Bool {
        Self.containsWords(fullName, in: foldedText)
    }

    /// True when the folded text names the person: the full name, or the surname in a text
    /// that also has the first name somewhere.
    public func isMentioned(in foldedText: String) -> Bool {
        if matchesFullName(in: foldedText) { return true }
        guard let surname, let firstName else { return false }
        return Self.containsWords(surname, in: foldedText) && Self.containsWords(firstName, in: foldedText)
    }

    /// True when a sentence (folded) refers to the person by full name or surname.
    public func isNamed(inSentence foldedSentence: String) -> Bool {
        if matchesFullName(in: foldedSentence) { return true }
        guard let surname else { return false }
        return Self.containsWords(surname, in: foldedSentence)
    }

    /// How often the full name occurs as words in `foldedText`, counting up to `limit`.
    public func occurrences(in foldedText: String, limit: Int = 2) -> Int {
        Self.wordOccurrences(fullName, in: foldedText, limit: limit)
    }

    /// Whether `needle` occurs in `haystack` with word boundaries on both sides.
    static func containsWords(_ needle: String, in haystack: String) -> Bool {
        wordOccurrences(needle, in: haystack, limit: 1) > 0
    }

    private static func wordOccurrences(_ needle: String, in haystack: String, limit: Int) -> Int {
        guard !needle.isEmpty else { return 0 }
        var count = 0
        var searchRange = haystack.startIndex..<haystack.endIndex
        while count < limit, let found = haystack.range(of: needle, range: searchRange) {
            let before = found.lowerBound == haystack.startIndex ? nil : haystack[haystack.index(before: found.lowerBound)]
            let after = found.upperBound == haystack.endIndex ? nil : haystack[found.upperBound]
            let boundaryBefore = before.map { !($0.isLetter || $0.isNumber) } ?? true
            let boundaryAfter = after.map { !($0.isLetter || $0.isNumber) } ?? true
            if boundaryBefore && boundaryAfter { count += 1 }
            searchRange = haystack.index(after: found.lowerBound)..<haystack.endIndex
        }
        return count
    }

    /// "SpaceX / Tesla, Inc." names two companies; legal suffixes are not part of the name people use.
    public static func companyNames(_ value: String?) -> [String] {
        guard let value else { return [] }
        let suffixes = [", inc.", ", inc", " inc.", " inc", ", ltd.", " ltd.", " ltd", " llc", " corp.", " corporation",
                        " gmbh", " plc", " s.a.", " ag", " co."]
        return value.split(separator: "/").compactMap { part in
            var name = part.trimmingCharacters(in: .whitespaces)
            if let suffix = suffixes.first(where: { name.lowercased().hasSuffix($0) }) { name = String(name.dropLast(suffix.count)) }
            return name.isEmpty ? nil : name
        }
    }
}
