import Foundation

/// A sentence as words, for reading patterns: each word as written, without its surrounding
/// punctuation, and lowercased.
struct Words {
    struct Word {
        let written: String
        /// Without leading and trailing punctuation (a possessive's "'s" kept).
        let bare: String
        let lower: String
        /// Whether punctuation that ends a phrase (, ; : . ! ? ) follows the word.
        let endsPhrase: Bool

        var isCapitalised: Bool { bare.first?.isUppercase == true }
    }

    let all: [Word]

    init(_ text: String) {
        all = text.split(whereSeparator: \.isWhitespace).map { piece in
            let written = String(piece)
            let bare = written.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:!?()[]\"“”‘'’…–—"))
            let last = written.last.map { ",;:.!?)”\"–—".contains($0) } ?? false
            return Word(written: written, bare: bare, lower: bare.lowercased(), endsPhrase: last)
        }
    }

    var count: Int { all.count }
    subscript(index: Int) -> Word { all[index] }

    /// Whether the lowercased words from `index` are `phrase` (words separated by spaces).
    func matches(_ phrase: [String], at index: Int) -> Bool {
        guard index >= 0, index + phrase.count <= all.count else { return false }
        for (offset, part) in phrase.enumerated() where all[index + offset].lower != part { return false }
        // A phrase may not run over punctuation between its words.
        return !all[index..<(index + phrase.count - 1)].contains { $0.endsPhrase }
    }

    /// The written words from `start` up to (not including) `end`, joined, trailing punctuation trimmed.
    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let joined = all[range].map(\.written).joined(separator: " ")
        return joined.trimmingCharacters(in: CharacterSet(charactersIn: ",;:.!?()\"“” "))
    }
}

/// Number words up to twenty, for "six years since I joined".
enum NumberWords {
    static let values: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "a": 1,
    ]

    static func value(_ word: String) -> Int? {
        values[word] ?? Int(word)
    }
}
