import Foundation

/// Unsupervised key-phrase extraction from a single document, in the manner of YAKE
/// (Campos et al., "YAKE! Keyword extraction from single documents using multiple local
/// features", Information Sciences 2020).
///
/// The text is split into sentences and words; every run of one to three words that is not
/// interrupted by punctuation, neither starts nor ends with a stopword and holds no number-only
/// word is a candidate (phrases of two or three words must occur at least twice). Each word gets
/// a score from five statistical features (casing, position, frequency, relatedness to context
/// and spread over sentences) and each candidate a score from its words; lower scores are better.
/// Near-identical candidates (singular and plural, one inside another, or a few letters apart)
/// are kept only once, in their best-scoring form.
public enum KeyPhraseExtractor {
    /// The best `count` key phrases of `text`, best first, each in the casing it most often has
    /// in the text.
    ///
    /// - Parameter excluding: phrases (such as the person's and their company's names) whose
    ///   words, compared without case, must not form a candidate on their own. The words still
    ///   take part in longer phrases ("Acme" is excluded, "Acme robots" is not).
    /// - Returns: at most `count` phrases; ties are broken by the phrase's words in alphabetical
    ///   order, so the result is the same on every run.
    public static func keyPhrases(in text: String, count: Int, excluding: [String] = []) -> [String] {
        guard count > 0 else { return [] }
        let document = TokenizedDocument(text)
        guard !document.tokens.isEmpty else { return [] }
        let statistics = WordStatistics(document)
        let excludedWords = Set(excluding.flatMap { phrase in
            let words = TokenizedDocument(phrase)
            return words.tokens.compactMap { document.wordIDs[words.words[Int($0.word)].text] }
        })
        let candidates = CandidateSet(document, statistics: statistics, excludedWords: excludedWords)
        return candidates.best(count)
    }
}

// MARK: - Tokenisation

/// One word of the text: its exact spelling, its folded (lowercased) form and where it stands.
private struct Token {
    /// The id of the exact spelling in `TokenizedDocument.surfaces`.
    var surface: Int32
    /// The id of the lowercased spelling in `TokenizedDocument.words`.
    var word: Int32
    /// The index of the sentence the token belongs to.
    var sentence: Int32
    /// Punctuation (or a sentence end) separates this token from the previous one.
    var breakBefore: Bool
    /// The token is the first of its sentence (its capital letter says nothing).
    var startsSentence: Bool
}

/// What is known about one distinct lowercased word.
private struct WordKind {
    var text: String
    var isStopword: Bool
    /// Digits (and separators) only: never part of a candidate.
    var isNumber: Bool
}

/// The text as an array of tokens with interned spellings; built in one pass over its scalars.
private struct TokenizedDocument {
    var tokens: [Token] = []
    /// Exact spellings, indexed by `Token.surface`.
    var surfaces: [String] = []
    /// The lowercased word id of each exact spelling.
    var surfaceWords: [Int32] = []
    /// Lowercased words, indexed by `Token.word`.
    var words: [WordKind] = []
    var wordIDs: [String: Int32] = [:]
    var sentenceCount = 0

    init(_ text: String) {
        var surfaceIDs: [Substring: Int32] = [:]
        let scalars = text.unicodeScalars
        var sentence: Int32 = 0
        var sentenceHasTokens = false
        var pendingBreak = false
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.isWordCharacter {
                let start = index
                var end = scalars.index(after: index)
                while end < scalars.endIndex {
                    if scalars[end].isWordCharacter {
                        end = scalars.index(after: end)
                    } else if Self.isJoiner(scalars[end]),
                              case let next = scalars.index(after: end), next < scalars.endIndex,
                              scalars[next].isWordCharacter {
                        end = scalars.index(after: next)  // "X.com", "state-of-the-art", "don't"
                    } else {
                        break
                    }
                }
                let spelling = Self.droppingPossessive(text[start..<end])
                let surface: Int32
                if let known = surfaceIDs[spelling] {
                    surface = known
                } else {
                    surface = Int32(surfaces.count)
                    surfaceIDs[spelling] = surface
                    surfaces.append(String(spelling))
                    surfaceWords.append(internWord(Self.fold(spelling)))
                }
                tokens.append(Token(surface: surface, word: surfaceWords[Int(surface)], sentence: sentence,
                                    breakBefore: pendingBreak, startsSentence: !sentenceHasTokens))
                sentenceHasTokens = true
                pendingBreak = false
                index = end
                continue
            }
            if Self.isSentenceEnd(scalar) {
                if sentenceHasTokens {
                    sentence += 1
                    sentenceHasTokens = false
                }
                pendingBreak = true
            } else if !(scalar == " " || scalar == "\t" || scalar == "\r" || scalar.properties.isWhitespace) {
                pendingBreak = true
            }
            index = scalars.index(after: index)
        }
        sentenceCount = Int(sentence) + (sentenceHasTokens ? 1 : 0)
    }

    private mutating func internWord(_ folded: String) -> Int32 {
        if let known = wordIDs[folded] { return known }
        let id = Int32(words.count)
        wordIDs[folded] = id
        let isNumber = !folded.unicodeScalars.contains(where: \.isLetter)
        let isStopword = englishStopwords.contains(folded) || Self.isContraction(folded)
            || (folded.unicodeScalars.count == 1 && !isNumber)
        words.append(WordKind(text: folded, isStopword: isStopword, isNumber: isNumber))
        return id
    }

    /// Lowercased, with typographic apostrophes made plain so "don’t" and "don't" are one word.
    private static func fold(_ spelling: Substring) -> String {
        let lowercased = spelling.lowercased()
        guard lowercased.unicodeScalars.contains("\u{2019}") else { return lowercased }
        return String(String.UnicodeScalarView(lowercased.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
    }

    /// "you'll", "didn't", "we're": function words however they are spelled.
    private static func isContraction(_ folded: String) -> Bool {
        guard folded.utf8.contains(UInt8(ascii: "'")), let apostrophe = folded.lastIndex(of: "'") else { return false }
        return ["ll", "re", "ve", "d", "m", "t"].contains(folded[folded.index(after: apostrophe)...])
    }

    /// "Acme's" counts as "Acme".
    private static func droppingPossessive(_ spelling: Substring) -> Substring {
        let scalars = spelling.unicodeScalars
        guard scalars.count > 2, let last = scalars.last, last == "s" || last == "S" else { return spelling }
        let apostrophe = scalars[scalars.index(scalars.endIndex, offsetBy: -2)]
        guard apostrophe == "'" || apostrophe == "\u{2019}" else { return spelling }
        return spelling[spelling.startIndex..<scalars.index(scalars.endIndex, offsetBy: -2)]
    }

    /// Characters that join two word parts into one word when letters or digits stand on both sides.
    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "\u{2010}", "\u{2011}", "'", "\u{2019}", ".", "&", "_": return true
        default: return false
        }
    }

    private static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "\n", "\u{2029}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{2026}": return true
        default: return false
        }
    }
}

extension Unicode.Scalar {
    /// A letter, digit or combining mark: part of a word for key phrases and near-duplicates.
    var isWordCharacter: Bool {
        if isASCII {
            return ("0"..."9").contains(self) || ("a"..."z").contains(self) || ("A"..."Z").contains(self)
        }
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// An alphabetic scalar (checked without a property lookup for ASCII).
    fileprivate var isLetter: Bool {
        isASCII ? ("a"..."z").contains(self) || ("A"..."Z").contains(self) : properties.isAlphabetic
    }
}

// MARK: - Word features

/// Per-word statistics and the YAKE word score
/// S(w) = (Rel · Pos) / (Case + Freq / Rel + Diff / Rel), lower meaning more important.
private struct WordStatistics {
    let document: TokenizedDocument
    /// How often each word occurs.
    var frequency: [Int]
    /// Occurrences starting with a capital letter that do not start a sentence.
    var capitalized: [Int]
    /// Occurrences written as an acronym (all capitals, two letters or more).
    var acronyms: [Int]
    /// The sentence indices of each word's occurrences, ascending.
    var sentences: [[Int32]]
    /// How often word `a` is directly followed by word `b` (no punctuation in between).
    var adjacency: [WordPair: Int] = [:]

    init(_ document: TokenizedDocument) {
        self.document = document
        let wordCount = document.words.count
        frequency = Array(repeating: 0, count: wordCount)
        capitalized = Array(repeating: 0, count: wordCount)
        acronyms = Array(repeating: 0, count: wordCount)
        sentences = Array(repeating: [], count: wordCount)
        let surfaceCasing = document.surfaces.map(Casing.init)
        var previous: Token?
        for token in document.tokens {
            let word = Int(token.word)
            frequency[word] += 1
            sentences[word].append(token.sentence)
            switch surfaceCasing[Int(token.surface)] {
            case .acronym: acronyms[word] += 1
            case .capitalized where !token.startsSentence: capitalized[word] += 1
            default: break
            }
            if let previous, !token.breakBefore,
               !document.words[Int(previous.word)].isNumber, !document.words[word].isNumber {
                adjacency[WordPair(first: previous.word, second: token.word), default: 0] += 1
            }
            previous = token
        }
    }

    /// The score of every word, indexed by word id (stopwords and numbers included).
    func scores() -> [Double] {
        let wordCount = document.words.count
        var leftDistinct = Array(repeating: 0, count: wordCount), leftTotal = leftDistinct
        var rightDistinct = leftDistinct, rightTotal = leftDistinct
        for (pair, weight) in adjacency {
            rightDistinct[Int(pair.first)] += 1
            rightTotal[Int(pair.first)] += weight
            leftDistinct[Int(pair.second)] += 1
            leftTotal[Int(pair.second)] += weight
        }
        let contentFrequencies = (0..<wordCount).filter { !document.words[$0].isStopword && !document.words[$0].isNumber }
            .map { Double(frequency[$0]) }
        let mean = contentFrequencies.isEmpty ? 0 : contentFrequencies.reduce(0, +) / Double(contentFrequencies.count)
        let variance = contentFrequencies.isEmpty ? 0
            : contentFrequencies.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(contentFrequencies.count)
        let frequencyScale = max(mean + variance.squareRoot(), 1)
        let maximumFrequency = Double(frequency.max() ?? 1)
        let sentenceCount = Double(max(document.sentenceCount, 1))

        return (0..<wordCount).map { word in
            let tf = Double(frequency[word])
            guard tf > 0 else { return 0 }
            let casing = Double(max(capitalized[word], acronyms[word])) / (1 + log(tf))
            let position = log(log(3 + median(sentences[word])))
            let normalisedFrequency = tf / frequencyScale
            let left = leftTotal[word] == 0 ? 0 : Double(leftDistinct[word]) / Double(leftTotal[word])
            let right = rightTotal[word] == 0 ? 0 : Double(rightDistinct[word]) / Double(rightTotal[word])
            let relatedness = 1 + (left + right) * tf / maximumFrequency
            let spread = Double(distinctCount(sentences[word])) / sentenceCount
            return relatedness * position / (casing + normalisedFrequency / relatedness + spread / relatedness)
        }
    }

    private func median(_ sorted: [Int32]) -> Double {
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : (Double(sorted[middle - 1]) + Double(sorted[middle])) / 2
    }

    private func distinctCount(_ sorted: [Int32]) -> Int {
        var count = 0
        var last: Int32 = -1
        for value in sorted where value != last {
            count += 1
            last = value
        }
        return count
    }
}

/// Two word ids in order.
private struct WordPair: Hashable {
    var first: Int32
    var second: Int32
}

/// How a spelling is capitalised, for the casing feature.
private enum Casing {
    case acronym, capitalized, other

    init(_ spelling: String) {
        var letters = 0, uppercase = 0
        var firstIsUppercase: Bool?
        for scalar in spelling.unicodeScalars where scalar.isLetter {
            letters += 1
            let isUppercase = scalar.isASCII ? ("A"..."Z").contains(scalar) : scalar.properties.isUppercase
            if isUppercase { uppercase += 1 }
            if firstIsUppercase == nil { firstIsUppercase = isUppercase }
        }
        if letters >= 2 && uppercase == letters {
            self = .acronym
        } else if firstIsUppercase == true {
            self = .capitalized
        } else {
            self = .other
        }
    }
}

// MARK: - Candidates

/// One to three ids (of lowercased words or of spellings); unused slots are -1.
private struct WordGram: Hashable {
    var first: Int32
    var second: Int32 = -1
    var third: Int32 = -1

    init(_ tokens: ArraySlice<Token>, _ id: (Token) -> Int32) {
        let start = tokens.startIndex
        first = id(tokens[start])
        if tokens.count > 1 { second = id(tokens[start + 1]) }
        if tokens.count > 2 { third = id(tokens[start + 2]) }
    }

    var length: Int { third >= 0 ? 3 : second >= 0 ? 2 : 1 }

    var ids: [Int32] { third >= 0 ? [first, second, third] : second >= 0 ? [first, second] : [first] }
}

/// Every candidate phrase of a document with its frequency and score.
private struct CandidateSet {
    struct Candidate {
        var gram: WordGram
        var frequency = 0
        /// Where the candidate first occurs (a token index).
        var firstToken: Int
        var score = 0.0
    }

    let document: TokenizedDocument
    var candidates: [Candidate] = []

    init(_ document: TokenizedDocument, statistics: WordStatistics, excludedWords: Set<Int32>) {
        self.document = document
        let tokens = document.tokens
        let words = document.words
        var indexByGram: [WordGram: Int] = [:]
        for start in tokens.indices {
            let first = words[Int(tokens[start].word)]
            guard !first.isStopword, !first.isNumber else { continue }
            var end = start
            while end < tokens.count && end - start < 3 {
                if end > start && tokens[end].breakBefore { break }
                let word = words[Int(tokens[end].word)]
                if word.isNumber { break }
                end += 1
                if word.isStopword { continue }
                let slice = tokens[start..<end]
                if slice.allSatisfy({ words[Int($0.word)].isStopword || excludedWords.contains($0.word) }) { continue }
                let gram = WordGram(slice, \.word)
                if let index = indexByGram[gram] {
                    candidates[index].frequency += 1
                } else {
                    indexByGram[gram] = candidates.count
                    candidates.append(Candidate(gram: gram, frequency: 1, firstToken: start))
                }
            }
        }
        let wordScores = statistics.scores()
        for index in candidates.indices {
            candidates[index].score = Self.score(candidates[index], wordScores: wordScores, statistics: statistics)
        }
    }

    /// prod(S) / (tf · (1 + sum(S))) over the candidate's words. A stopword inside the phrase
    /// ("bank of america") counts by how strongly it is bound to its neighbours.
    private static func score(_ candidate: Candidate, wordScores: [Double], statistics: WordStatistics) -> Double {
        let words = statistics.document.words
        let adjacency = statistics.adjacency
        let frequency = statistics.frequency
        let ids = candidate.gram.ids
        var product = 1.0
        var sum = 0.0
        for (offset, id) in ids.enumerated() {
            if words[Int(id)].isStopword {
                // The chance of seeing the stopword after the word before it, times the chance of
                // seeing the word after it follow the stopword.
                let before = ids[offset - 1], after = ids[offset + 1]
                let intoStopword = Double(adjacency[WordPair(first: before, second: id)] ?? 0) / Double(frequency[Int(before)])
                let outOfStopword = Double(adjacency[WordPair(first: id, second: after)] ?? 0) / Double(frequency[Int(after)])
                let binding = intoStopword * outOfStopword
                product *= 1 + (1 - binding)
                sum -= 1 - binding
            } else {
                product *= wordScores[Int(id)]
                sum += wordScores[Int(id)]
            }
        }
        // Loosely bound stopwords can push the sum below zero; clamping keeps the score positive.
        return product / (Double(candidate.frequency) * (1 + max(sum, 0)))
    }

    /// The best `count` distinct candidates as phrases in their most common spelling.
    func best(_ count: Int) -> [String] {
        let words = document.words
        // A word sequence seen once is rarely a key phrase, but the product of word scores favours
        // it over its parts; only single words may occur once.
        let ranked = candidates.filter { $0.gram.length == 1 || $0.frequency > 1 }.sorted { $0.score < $1.score }
        var chosen: [[String]] = []
        var phrases: [String] = []
        var runStart = 0
        while runStart < ranked.count && phrases.count < count {
            // Candidates with equal scores are taken in alphabetical order of their words.
            var runEnd = runStart + 1
            while runEnd < ranked.count && ranked[runEnd].score == ranked[runStart].score { runEnd += 1 }
            let run = ranked[runStart..<runEnd].map { candidate in (candidate, candidate.gram.ids.map { words[Int($0)].text }) }
                .sorted { $0.1.lexicographicallyPrecedes($1.1) }
            for (candidate, folded) in run where phrases.count < count {
                if chosen.contains(where: { PhraseSimilarity.isNearDuplicate(folded, $0) }) { continue }
                chosen.append(folded)
                phrases.append(spelling(of: candidate))
            }
            runStart = runEnd
        }
        return phrases
    }

    /// The spelling the candidate most often has; the first seen wins a tie.
    private func spelling(of candidate: Candidate) -> String {
        let tokens = document.tokens
        let length = candidate.gram.length
        var counts: [WordGram: Int] = [:]
        var order: [WordGram] = []  // spellings in order of first appearance
        for start in candidate.firstToken...(tokens.count - length) where tokens[start].word == candidate.gram.first {
            let slice = tokens[start..<(start + length)]
            guard WordGram(slice, \.word) == candidate.gram,
                  !slice.dropFirst().contains(where: \.breakBefore) else { continue }
            let surface = WordGram(slice, \.surface)
            if counts[surface] == nil { order.append(surface) }
            counts[surface, default: 0] += 1
        }
        var best = order[0]
        for surface in order.dropFirst() where counts[surface, default: 0] > counts[best, default: 0] {
            best = surface
        }
        return best.ids.map { document.surfaces[Int($0)] }.joined(separator: " ")
    }
}

// MARK: - Near-identical phrases

/// Decides whether two lowercased phrases say the same thing for a key-phrase list.
private enum PhraseSimilarity {
    /// Equal up to plural endings, one contained in the other word for word, or more than 80 %
    /// alike by edit distance (Levenshtein over characters, relative to the longer phrase).
    static func isNearDuplicate(_ lhs: [String], _ rhs: [String]) -> Bool {
        let left = lhs.map(singular), right = rhs.map(singular)
        if contains(left, right) || contains(right, left) { return true }
        let leftText = Array(lhs.joined(separator: " ").unicodeScalars)
        let rightText = Array(rhs.joined(separator: " ").unicodeScalars)
        let longer = max(leftText.count, rightText.count)
        guard longer > 0 else { return true }
        return 1 - Double(editDistance(leftText, rightText)) / Double(longer) > 0.8
    }

    /// A rough singular: "robots" → "robot", "companies" → "company", "boxes" → "box".
    static func singular(_ word: String) -> String {
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.count > 4, word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches") || word.hasSuffix("shes") {
            return String(word.dropLast(2))
        }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            return String(word.dropLast())
        }
        return word
    }

    /// `inner` occurs in `outer` as consecutive words.
    private static func contains(_ outer: [String], _ inner: [String]) -> Bool {
        guard !inner.isEmpty, inner.count <= outer.count else { return false }
        return (0...(outer.count - inner.count)).contains { Array(outer[$0..<($0 + inner.count)]) == inner }
    }

    private static func editDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int {
        guard !lhs.isEmpty else { return rhs.count }
        guard !rhs.isEmpty else { return lhs.count }
        var previous = Array(0...rhs.count)
        var current = previous
        for (row, left) in lhs.enumerated() {
            current[0] = row + 1
            for (column, right) in rhs.enumerated() {
                current[column + 1] = min(previous[column + 1] + 1, current[column] + 1,
                                          previous[column] + (left == right ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[rhs.count]
    }
}

// MARK: - Stopwords

/// Common English function words, titles and very general words that may not start or end a key
/// phrase. Compared lowercased, with plain apostrophes; contractions ("we'll") are recognised apart.
private let englishStopwords: Set<String> = [
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "anything",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "doing", "down", "dr", "during", "e.g", "each", "either", "etc",
    "even", "ever", "every", "everything", "few", "for", "from", "further", "get", "gets", "got", "had",
    "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
    "however", "i", "i.e", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "like", "made",
    "make", "makes", "many", "may", "me", "might", "more", "most", "mr", "mrs", "ms", "much", "must", "my",
    "myself", "no", "nor", "not", "nothing", "now", "of", "off", "often", "on", "once", "one", "only", "or",
    "other", "our", "ours", "ourselves", "out", "over", "own", "per", "rather", "really", "said", "same",
    "says", "she", "should", "since", "so", "some", "something", "still", "such", "take", "takes", "than",
    "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
    "those", "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "use", "used",
    "using", "very", "via", "was", "we", "well", "were", "what", "when", "where", "whether", "which",
    "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you",
    "your", "yours", "yourself", "yourselves",
]
