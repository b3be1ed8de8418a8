import Foundation

/// Content words of folded text, and sparse TF-IDF vectors over them.
enum TermVector {
    static let stopwords: Set<String> = [
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "during",
        "each", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his",
        "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "most", "my", "no", "nor", "not",
        "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "same", "she", "should", "so",
        "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "said", "says", "one",
    ]

    /// Lowercase words of letters and digits, without stopwords and one-letter words.
    static func terms(_ folded: String) -> [String] {
        folded.split { !($0.isLetter || $0.isNumber) }.compactMap { word in
            let term = String(word)
            return term.count > 1 && !stopwords.contains(term) ? term : nil
        }
    }

    /// L2-normalised TF-IDF vectors, one per term list, as sorted (term id, weight) pairs.
    static func vectors(_ termLists: [[String]]) -> [[(Int, Double)]] {
        var ids: [String: Int] = [:]
        var documentFrequency: [Int] = []
        let idLists: [[Int]] = termLists.map { terms in
            var seen = Set<Int>()
            return terms.map { term in
                let id: Int
                if let known = ids[term] {
                    id = known
                } else {
                    id = documentFrequency.count
                    ids[term] = id
                    documentFrequency.append(0)
                }
                if seen.insert(id).inserted { documentFrequency[id] += 1 }
                return id
            }
        }
        let count = Double(max(termLists.count, 1))
        return idLists.map { idList in
            var frequency: [Int: Double] = [:]
            for id in idList { frequency[id, default: 0] += 1 }
            var vector = frequency.map { id, tf in (id, tf * log(1 + count / Double(documentFrequency[id]))) }
            let norm = sqrt(vector.reduce(0) { $0 + $1.1 * $1.1 })
            if norm > 0 { vector = vector.map { ($0.0, $0.1 / norm) } }
            return vector.sorted { $0.0 < $1.0 }
        }
    }

    static func cosine(_ a: [(Int, Double)], _ b: [(Int, Double)]) -> Double {
        var i = 0, j = 0, sum = 0.0
        while i < a.count && j < b.count {
            if a[i].0 == b[j].0 {
                sum += a[i].1 * b[j].1
                i += 1
                j += 1
            } else if a[i].0 < b[j].0 {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}

/// Query-biased graph ranking: LexRank (PageRank over the sentences' cosine-similarity
/// graph) whose teleport distribution is each sentence's prior (BM25 relevance to the
/// query, weighted by source trust, position and recency), then Maximal Marginal
/// Relevance for diversity. Deterministic: ties break by sentence id.
struct SentenceRanker {
    let sentences: [PoolSentence]
    private let vectors: [[(Int, Double)]]
    /// Graph score of each sentence, indexed like `sentences`.
    private(set) var scores: [Double]

    init(sentences: [PoolSentence], priors: [Double], damping: Double = 0.3, iterations: Int = 30) {
        self.sentences = sentences
        vectors = TermVector.vectors(sentences.map(\.terms))
        let count = sentences.count
        let priorSum = priors.reduce(0, +)
        let teleport = priorSum > 0 ? priors.map { $0 / priorSum } : Array(repeating: 1 / Double(max(count, 1)), count: count)
        var edges: [[(Int, Double)]] = Array(repeating: [], count: count)
        for i in 0..<count {
            for j in (i + 1)..<max(count, i + 1) {
                let similarity = TermVector.cosine(vectors[i], vectors[j])
                guard similarity > 0.1 else { continue }
                edges[i].append((j, similarity))
                edges[j].append((i, similarity))
            }
        }
        let outWeight = edges.map { $0.reduce(0) { $0 + $1.1 } }
        var rank = teleport
        for _ in 0..<iterations {
            var next = teleport.map { $0 * (1 - damping) }
            var dangling = 0.0
            for i in 0..<count {
                guard outWeight[i] > 0 else {
                    dangling += rank[i]
                    continue
                }
                for (j, weight) in edges[i] { next[j] += damping * rank[i] * weight / outWeight[i] }
            }
            for i in 0..<count { next[i] += damping * dangling * teleport[i] }
            rank = next
        }
        scores = rank
    }

    func similarity(_ a: Int, _ b: Int) -> Double { TermVector.cosine(vectors[a], vectors[b]) }

    /// Picks up to `count` of `candidates` (sentence indexes) by MMR: relevance (score
    /// scaled to 0…1) against the highest similarity to anything already chosen (here or in
    /// `alreadyChosen`), relevance lowered by a tenth for each sentence of the same page
    /// already chosen; a candidate more similar than `maximumSimilarity` to a chosen one
    /// is passed over.
    func select(_ candidates: [Int], count: Int, alreadyChosen: [Int] = [], lambda: Double = 0.7,
                maximumSimilarity: Double = 0.5) -> [Int] {
        let top = candidates.map { scores[$0] }.max() ?? 0
        guard top > 0 else { return [] }
        var remaining = candidates
        var chosen: [Int] = []
        var context = alreadyChosen
        while chosen.count < count, !remaining.isEmpty {
            var best: (value: Double, offset: Int)?
            var tooSimilar: [Int] = []
            for (offset, candidate) in remaining.enumerated() {
                let redundancy = context.map { similarity(candidate, $0) }.max() ?? 0
                if redundancy > maximumSimilarity {
                    tooSimilar.append(offset)
                    continue
                }
                // Each sentence already taken from the same page lowers the next one's relevance
                // a little, so one long page does not crowd out the others.
                let samePage = context.reduce(0) { $0 + (sentences[$1].document == sentences[candidate].document ? 1 : 0) }
                let value = lambda * scores[candidate] / top / (1 + 0.1 * Double(samePage)) - (1 - lambda) * redundancy
                if best == nil || value > best!.value {
                    best = (value, offset)
                }
            }
            guard let best else { break }
            let pick = remaining[best.offset]
            chosen.append(pick)
            context.append(pick)
            for offset in (tooSimilar + [best.offset]).sorted(by: >) { remaining.remove(at: offset) }
        }
        return chosen
    }
}

/// Okapi BM25 relevance of each sentence to a bag of query terms.
enum BM25 {
    static func scores(_ termLists: [[String]], query: Set<String>, k1: Double = 1.2, b: Double = 0.75) -> [Double] {
        let count = Double(max(termLists.count, 1))
        let averageLength = termLists.reduce(0) { $0 + Double($1.count) } / count
        var documentFrequency: [String: Double] = [:]
        for terms in termLists {
            for term in Set(terms) where query.contains(term) { documentFrequency[term, default: 0] += 1 }
        }
        return termLists.map { terms in
            var frequency: [String: Double] = [:]
            for term in terms where query.contains(term) { frequency[term, default: 0] += 1 }
            return frequency.reduce(0) { total, entry in
                let idf = log(1 + (count - documentFrequency[entry.key]! + 0.5) / (documentFrequency[entry.key]! + 0.5))
                let length = Double(terms.count) / max(averageLength, 1)
                return total + idf * entry.value * (k1 + 1) / (entry.value + k1 * (1 - b + b * length))
            }
        }
    }
}
