import Foundation

/// Splits paragraphs into sentences without breaking at abbreviations, initials,
/// decimals or ellipses inside a sentence. Sentences are returned verbatim (trimmed).
public enum SentenceSplitter {
    /// Words that end with a period without ending a sentence (compared lowercased, without the period).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "inc", "ltd", "co", "corp", "llc", "plc",
        "vs", "etc", "e.g", "i.e", "cf", "al", "approx", "no", "vol", "fig", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "gen", "gov", "sen", "rep",
        "rev", "capt", "col", "lt", "sgt", "ph.d", "b.a", "m.a", "b.sc", "m.sc", "a.m", "p.m",
    ]

    public static func sentences(in paragraph: String) -> [String] {
        let characters = Array(paragraph)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "." || character == "!" || character == "?" || character == "。" {
                var end = index + 1
                while end < characters.count {
                    if ".!?\"'”’)]".contains(characters[end]) {
                        end += 1
                    } else if let after = referenceMarkEnd(characters, at: end) {
                        end = after  // "…solution".[20] An employee: the reference stays with its sentence
                    } else {
                        break
                    }
                }
                let atEnd = end >= characters.count
                let followedBySpace = !atEnd && characters[end].isWhitespace
                if atEnd || (followedBySpace && startsSentence(characters, after: end)
                             && !(character == "." && isAbbreviation(characters, periodAt: index)
                                  && !endsCompanyName(characters, periodAt: index, next: end))) {
                    append(characters[start..<end], to: &sentences)
                    start = end
                }
                index = end
            } else {
                index += 1
            }
        }
        append(characters[start..<characters.count], to: &sentences)
        return sentences
    }

    /// The index after a reference mark such as `[20]` starting at `position`, if there is one.
    private static func referenceMarkEnd(_ characters: [Character], at position: Int) -> Int? {
        guard characters[position] == "[" else { return nil }
        var end = position + 1
        while end < characters.count, characters[end].isNumber { end += 1 }
        guard end > position + 1, end < characters.count, characters[end] == "]" else { return nil }
        return end + 1
    }

    private static func append(_ slice: ArraySlice<Character>, to sentences: inout [String]) {
        guard let first = slice.firstIndex(where: { !$0.isWhitespace }),
              let last = slice.lastIndex(where: { !$0.isWhitespace }) else { return }
        sentences.append(String(slice[first...last]))
    }

    /// The next non-space character starts a sentence: an uppercase letter, a digit, or an opening quote.
    private static func startsSentence(_ characters: [Character], after position: Int) -> Bool {
        var next = position
        while next < characters.count, characters[next].isWhitespace { next += 1 }
        guard next < characters.count else { return true }
        let character = characters[next]
        return character.isUppercase || character.isNumber || "\"“‘'([".contains(character)
    }

    /// Company suffixes end a sentence when a usual sentence opener follows ("… Tesla, Inc. Other
    /// involvements include …").
    static let companySuffixes: Set<String> = ["inc", "ltd", "co", "corp", "llc", "plc"]
    static let sentenceOpeners: Set<String> = [
        "The", "This", "That", "These", "It", "Its", "He", "She", "His", "Her", "They", "Their", "In", "On", "At",
        "Other", "After", "Before", "Since", "During", "Its", "We", "I", "A", "An", "As", "But", "However",
    ]

    private static func endsCompanyName(_ characters: [Character], periodAt index: Int, next position: Int) -> Bool {
        var wordStart = index
        while wordStart > 0, characters[wordStart - 1].isLetter { wordStart -= 1 }
        guard companySuffixes.contains(String(characters[wordStart..<index]).lowercased()) else { return false }
        var start = position
        while start < characters.count, characters[start].isWhitespace { start += 1 }
        var end = start
        while end < characters.count, characters[end].isLetter { end += 1 }
        return sentenceOpeners.contains(String(characters[start..<end]))
    }

    /// The word before the period is an abbreviation or a single initial ("J.").
    private static func isAbbreviation(_ characters: [Character], periodAt index: Int) -> Bool {
        var wordStart = index
        while wordStart > 0, !characters[wordStart - 1].isWhitespace, characters[wordStart - 1] != "(" { wordStart -= 1 }
        let word = String(characters[wordStart..<index]).lowercased()
        if word.count == 1, word.first?.isLetter == true { return true }
        return abbreviations.contains(word)
    }
}
