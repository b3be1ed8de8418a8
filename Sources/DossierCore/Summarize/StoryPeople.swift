import Foundation

/// The people a person names most when they tell their own story (an essay on their site, a long
/// first-person post): the collaborators, co-founders and mentors a reader may hear of in the
/// meeting. A person is a first name and surname written together at least once, whose first name
/// then recurs on its own at least three times ("Robert Morris" … "Robert and I"). Place names and organisations are
/// told apart without a list of names: a word a text also writes in lower case is no name ("New
/// York", "Hacker News"), and a first word written beside two different second words is a place or
/// an institution ("Cambridge, Massachusetts" and "Cambridge, England"). Anyone named beside their
/// own family words ("my wife …") is left out.
enum StoryPeople {
    /// The fewest first-person sentences that make a page their own story.
    static let minimumOwnSentences = 10
    /// How often a first name recurs alone before it counts, and how many names are kept.
    static let minimumMentions = 3
    static let limit = 4

    /// The names, most named first, and the document they come from; nil when no page tells their story.
    static func names(documents: [SourceDocument], pool: [PoolSentence], personName: String,
                      companies: [String]) -> (names: [String], document: Int)? {
        var ownSentences: [Int: Int] = [:]
        for sentence in pool where sentence.person == .firstPerson { ownSentences[sentence.document, default: 0] += 1 }
        guard let (document, count) = ownSentences.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
              count >= minimumOwnSentences else { return nil }
        let text = documents[document].text
        let excluded = Set((personName.split(separator: " ") + companies.flatMap { $0.split(separator: " ") }).map(String.init))
            .union(EventDate.monthNames.map { $0.prefix(1).uppercased() + $0.dropFirst() })
            .union(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The", "This", "That", "But", "And"])
        // One pass over the words: each word bare of punctuation, the words also written in lower case, how
        // often a word comes alone and how often before each next word.
        let tokens = text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }).map { Substring($0) }
        let bare = tokens.map { Self.bare($0) }
        var lowerCase = Set<String>()
        var total: [String: Int] = [:]
        var before: [String: [String: Int]] = [:]
        for (index, word) in bare.enumerated() where !word.isEmpty {
            if word.first!.isLowercase {
                lowerCase.insert(word)
            } else {
                total[word, default: 0] += 1
                if index + 1 < bare.count { before[word, default: [:]][bare[index + 1], default: 0] += 1 }
            }
        }
        var pairs: [String: Set<String>] = [:]
        var order: [String] = []
        for index in 1..<max(tokens.count - 1, 1) {
            // Not at a sentence's start, where any word is capitalised.
            let previous = tokens[index - 1]
            guard let last = previous.last, !".!?:".contains(last) else { continue }
            // Two words alone, not the end or the start of a longer name ("New York City", "Harvard Business School").
            guard previous.first?.isUppercase != true || previous == "I" else { continue }
            let first = bare[index], second = bare[index + 1]
            guard tokens[index].last?.isLetter == true else { continue }
            if index + 2 < tokens.count, tokens[index + 1].last?.isLetter == true, tokens[index + 2].first?.isUppercase == true,
               tokens[index + 2] != "I" {
                continue
            }
            guard Self.isNameWord(first), Self.isNameWord(second), !excluded.contains(first), !excluded.contains(second),
                  !lowerCase.contains(first.lowercased()), !lowerCase.contains(second.lowercased()) else { continue }
            if pairs[first] == nil { order.append(first) }
            pairs[first, default: []].insert(second)
        }
        let sentences = pool.filter { $0.document == document }
        let family = ["my wife", "my husband", "my son", "my daughter", "my mother", "my father", "my sister", "my brother",
                      "my girlfriend", "my boyfriend", "my mom", "my dad", "our son", "our daughter", "our kids",
                      "my kids", "my children", "our children", "married"]
        let counted: [(name: String, count: Int, rank: Int)] = order.enumerated().compactMap { rank, first in
            guard let surnames = pairs[first], surnames.count == 1, let surname = surnames.first else { return nil }
            // Called by the first name alone, as a story calls the people in it ("Robert and I"): a title or an
            // adjective ("Acting Premier", "Native American") is never without its second word.
            let count = total[first, default: 0] - (before[first]?[surname] ?? 0)
            guard count >= minimumMentions else { return nil }
            let naming = sentences.filter { NameMatcher.containsWords(NameMatcher.fold(first), in: $0.folded) }
            guard !naming.contains(where: { sentence in family.contains { sentence.folded.contains($0) } }),
                  !naming.contains(where: { Sensitivity.touches($0.text) && $0.text.contains(first + " " + surname) }) else { return nil }
            return (first + " " + surname, count, rank)
        }
        let names = counted.sorted { ($0.count, -$0.rank) > ($1.count, -$1.rank) }.prefix(limit).map(\.name)
        return names.count >= 2 ? (Array(names), document) : nil
    }

    /// A word without the punctuation around it ("“Robert," is "Robert").
    private static func bare(_ token: Substring) -> String {
        let scalars = token.unicodeScalars
        guard let first = scalars.firstIndex(where: \.properties.isAlphabetic),
              let last = scalars.lastIndex(where: \.properties.isAlphabetic) else { return "" }
        return String(scalars[first...last])
    }

    /// A word a name may be: capitalised, then lower-case letters (an apostrophe or hyphen inside).
    private static func isNameWord(_ word: String) -> Bool {
        guard word.count >= 2, let first = word.first, first.isUppercase, first.isLetter else { return false }
        return word.dropFirst().allSatisfy { $0.isLowercase || $0 == "'" || $0 == "’" || $0 == "-" }
    }
}
