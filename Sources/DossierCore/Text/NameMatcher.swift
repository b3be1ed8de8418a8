import Foundation

/// Decides whether a text mentions a person or a company, ignoring case, accents,
/// typographic apostrophes and non-breaking spaces.
public struct NameMatcher: Sendable {
    private let fullName: String
    private let surname: String?
    private let firstName: String?

    /// Lower-case words inside a name ("van der Maaten", "Accademia di Belli Arti", "bin Salman").
    static let particles: Set<String> = ["van", "von", "der", "den", "de", "des", "del", "della", "di", "da", "du", "la", "le",
                                         "bin", "al"]

    public init(_ name: String) {
        fullName = Self.fold(name)
        let words = fullName.split(separator: " ").map(String.init)
        surname = words.count > 1 && (words.last?.count ?? 0) >= 3 ? words.last : nil
        firstName = words.count > 1 ? words.first : nil
    }

    /// Lowercased, without diacritics, with every run of whitespace as one space and
    /// typographic quotes as ASCII ones.
    public static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var foldedScalars: [UInt32: [UInt8]] = [:]
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    // ASCII, the common case: lowercase, and whitespace runs become one space.
                    if byte == 0x20 || (0x09...0x0D).contains(byte) {
                        pendingSpace = !out.isEmpty
                    } else {
                        if pendingSpace {
                            out.append(0x20)
                            pendingSpace = false
                        }
                        out.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
                    }
                    index += 1
                    continue
                }
                var end = index + 1
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                index = end
                guard let scalar = piece.unicodeScalars.first else { continue }
                if scalar.properties.isWhitespace {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                if scalar == "\u{2019}" || scalar == "\u{2018}" {
                    out.append(UInt8(ascii: "'"))
                    continue
                }
                // Folding one scalar at a time gives what folding the whole text gives (a
                // combining accent folds to nothing), at a fraction of the cost.
                if let folded = foldedScalars[scalar.value] {
                    out.append(contentsOf: folded)
                } else {
                    let folded = Array(piece.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).utf8)
                    foldedScalars[scalar.value] = folded
                    out.append(contentsOf: folded)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
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
    public static func containsWords(_ needle: String, in haystack: String) -> Bool {
        wordOccurrences(needle, in: haystack, limit: 1) > 0
    }

    /// Counts `needle` in `haystack` as whole words, comparing UTF-8 bytes (folded text needs no
    /// Unicode-aware comparison); beside a match, a letter or digit of any script is part of a
    /// word, punctuation such as a dash is not.
    private static func wordOccurrences(_ needle: String, in haystack: String, limit: Int) -> Int {
        guard !needle.isEmpty else { return 0 }
        var needle = needle
        var haystack = haystack
        return needle.withUTF8 { needleBytes in
            haystack.withUTF8 { haystackBytes in
                let count = needleBytes.count
                guard count <= haystackBytes.count, let first = needleBytes.first else { return 0 }
                func isWordScalar(startingAt index: Int) -> Bool {
                    let byte = haystackBytes[index]
                    guard byte >= 0x80 else {
                        return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    }
                    var end = index + 1
                    while end < haystackBytes.count, haystackBytes[end] & 0xC0 == 0x80 { end += 1 }
                    let scalar = String(decoding: UnsafeBufferPointer(rebasing: haystackBytes[index..<end]), as: UTF8.self).unicodeScalars.first
                    return scalar.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
                }
                func scalarStart(before index: Int) -> Int {
                    var start = index - 1
                    while start > 0, haystackBytes[start] & 0xC0 == 0x80 { start -= 1 }
                    return start
                }
                var found = 0
                var start = 0
                let last = haystackBytes.count - count
                while start <= last, found < limit {
                    if haystackBytes[start] == first,
                       memcmp(needleBytes.baseAddress! + 0, haystackBytes.baseAddress! + start, count) == 0,
                       start == 0 || !isWordScalar(startingAt: scalarStart(before: start)),
                       start + count == haystackBytes.count || !isWordScalar(startingAt: start + count) {
                        found += 1
                    }
                    start += 1
                }
                return found
            }
        }
    }

    /// "SpaceX / Tesla, Inc." names two companies; legal suffixes are not part of the name people use,
    /// nor, for a name of two or more words, a trailing word that only says what kind of company it is
    /// ("Phoronix Media" is called "Phoronix" on its own pages), which is added as a second name.
    public static func companyNames(_ value: String?) -> [String] {
        guard let value else { return [] }
        let suffixes = [", inc.", ", inc", " inc.", " inc", ", ltd.", " ltd.", " ltd", " llc", " corp.", " corporation",
                        " gmbh", " plc", " s.a.", " ag", " co."]
        let kindWords: Set<String> = ["media", "group", "holdings", "technologies", "technology", "labs", "software",
                                      "systems", "solutions", "studios", "partners", "ventures", "industries",
                                      "international", "global", "company", "consulting", "publishing", "networks"]
        return value.split(separator: "/").flatMap { part -> [String] in
            var name = part.trimmingCharacters(in: .whitespaces)
            if let suffix = suffixes.first(where: { name.lowercased().hasSuffix($0) }) { name = String(name.dropLast(suffix.count)) }
            guard !name.isEmpty else { return [] }
            var words = name.split(separator: " ")
            guard words.count >= 2, let last = words.last, kindWords.contains(last.lowercased()) else { return [name] }
            words.removeLast()
            let core = words.joined(separator: " ")
            // A core of one short word ("Square Media" → "Square") would match too much prose.
            return core.count >= 5 || words.count >= 2 ? [name, core] : [name]
        }
    }
}
