/// The score of ../shared/tools/extract-eval, recomputed: tokens are runs of Unicode word
/// characters (Python's `\w`: letters, numbers, underscore), shingles are runs of 4 tokens
/// counted as a multiset, page precision and recall come from the shingle overlap, and F1 is taken
/// of the mean precision (over non-empty outputs) and mean recall.
struct ShingleScore {
    private var precisions: [Double] = []
    private var recalls: [Double] = []

    var precision: Double { precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count) }
    var recall: Double { recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count) }
    var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func shingles(_ tokens: [String]) -> [[String]: Int] {
        var counts: [[String]: Int] = [:]
        guard !tokens.isEmpty else { return counts }
        for start in 0 ..< max(1, tokens.count - 3) {
            counts[Array(tokens[start ..< min(tokens.count, start + 4)]), default: 0] += 1
        }
        return counts
    }

    mutating func add(expected: String, extracted: String) {
        let truth = Self.shingles(Self.tokens(expected))
        let predicted = Self.shingles(Self.tokens(extracted))
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        for (shingle, count) in predicted {
            let expectedCount = truth[shingle] ?? 0
            truePositives += min(count, expectedCount)
            falsePositives += max(0, count - expectedCount)
        }
        for (shingle, count) in truth {
            falseNegatives += max(0, count - (predicted[shingle] ?? 0))
        }
        let perfect = falsePositives == 0 && falseNegatives == 0
        if truePositives + falsePositives > 0 {
            precisions.append(perfect ? 1 : Double(truePositives) / Double(truePositives + falsePositives))
        }
        if truePositives + falseNegatives > 0 {
            recalls.append(perfect ? 1 : Double(truePositives) / Double(truePositives + falseNegatives))
        }
    }
}
