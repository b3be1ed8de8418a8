import Foundation

/// A postal address as a page gives it, its lines joined by ", ": whether a text is one, and the
/// town it names. Recognised by the postcode's place beside the town, in the three usual orders:
/// "Atlanta, GA 30305" (the United States), "82234 Weßling" or "I-39030 Rasen Antholz" (most of
/// continental Europe), "London, EC1A 1BB" (the United Kingdom), the last two after a line with
/// the street's number. Anything else is not taken for one.
public enum PostalAddress {
    /// The most words an address has; a longer text is a paragraph that mentions one.
    static let maximumWords = 25

    /// The town of `text`, when it reads as a postal address.
    public static func town(in text: String) -> String? {
        guard text.split(separator: " ").count <= maximumWords else { return nil }
        let parts = text.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for (index, part) in parts.enumerated() {
            let words = part.split(separator: " ").map(String.init)
            // Outside the United States, a street line with its number comes before the postcode: "2019
            // Experience" is a year and a name.
            let streetBefore = parts[..<index].contains { $0.contains(where: \.isNumber) }
            // "GA 30305" after the town, or "Atlanta GA 30305".
            if words.count >= 2, isStateCode(words[words.count - 2]), isZIP(words[words.count - 1]) {
                let before = words.dropLast(2)
                if !before.isEmpty { return townName(before.joined(separator: " ")) }
                return index > 0 ? townName(parts[index - 1]) : nil
            }
            // "82234 Weßling", "D-10115 Berlin", "I-39030 Rasen Antholz".
            if streetBefore, words.count >= 2, isEuropeanPostcode(words[0]), let town = townName(words.dropFirst().joined(separator: " ")) {
                return town
            }
            // "London, EC1A 1BB" or "London EC1A 1BB".
            if streetBefore, words.count >= 2, isBritishPostcode(words[words.count - 2], words[words.count - 1]) {
                let before = words.dropLast(2)
                if !before.isEmpty { return townName(before.joined(separator: " ")) }
                return index > 0 ? townName(parts[index - 1]) : nil
            }
        }
        return nil
    }

    /// A town's name: one to four words, the first capitalised, no digits.
    private static func townName(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count), words.first?.first?.isUppercase == true,
              !text.contains(where: \.isNumber), !text.contains("#") else { return nil }
        return text
    }

    private static func isStateCode(_ word: String) -> Bool {
        word.count == 2 && word.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    /// "30305" or "30305-1234".
    private static func isZIP(_ word: String) -> Bool {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts[0].count == 5, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return parts.count == 1 || (parts.count == 2 && parts[1].count == 4 && parts[1].allSatisfy { $0.isASCII && $0.isNumber })
    }

    /// Four or five digits, with or without a country letter ("D-", "CH-", "I-").
    private static func isEuropeanPostcode(_ word: String) -> Bool {
        var digits = Substring(word)
        if let dash = word.firstIndex(of: "-") {
            let country = word[..<dash]
            guard (1...2).contains(country.count), country.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return false }
            digits = word[word.index(after: dash)...]
        }
        return (4...5).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// "EC1A 1BB", "SW1A 2AA", "M1 1AE": an outward code of letters and digits, an inward code of
    /// a digit and two letters.
    private static func isBritishPostcode(_ outward: String, _ inward: String) -> Bool {
        let out = Array(outward), inn = Array(inward)
        guard (2...4).contains(out.count), inn.count == 3, out.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }),
              out[0].isLetter, out.contains(where: \.isNumber) else { return false }
        return inn[0].isNumber && inn[1].isLetter && inn[1].isUppercase && inn[2].isLetter && inn[2].isUppercase
    }
}
