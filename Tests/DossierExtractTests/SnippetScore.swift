/// The snippet score of ../shared/tools/extract-eval (trafilatura's own evaluation), recomputed:
/// the extracted text and each snippet have their whitespace runs made one space and trimmed;
/// a "with" snippet found in the text is a true positive (missing, a false negative), a
/// "without" snippet found is a false positive; precision, recall and F1 are taken over all
/// snippets of the corpus.
struct SnippetScore {
    private(set) var truePositives = 0
    private(set) var falsePositives = 0
    private(set) var falseNegatives = 0

    var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    var f1: Double { ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }

    private func ratio(_ part: Int, _ whole: Int) -> Double { whole > 0 ? Double(part) / Double(whole) : 0 }

    /// Runs of whitespace (Unicode's, as Python's `\s` reads them) as one space, trimmed.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Substring test on code points, as Python's `in` (Swift's String.contains would also
    /// match canonically equivalent spellings: "é" and "e" with a combining accent).
    static func contains(_ text: [UInt8], _ snippet: String) -> Bool {
        let pattern = Array(normalized(snippet).utf8)
        guard !pattern.isEmpty else { return true }
        guard pattern.count <= text.count else { return false }
        return (0 ... text.count - pattern.count).contains { text[$0 ..< $0 + pattern.count].elementsEqual(pattern) }
    }

    mutating func add(extracted: String, with expected: [String], without unwanted: [String]) {
        let text = Array(Self.normalized(extracted).utf8)
        for snippet in expected {
            if Self.contains(text, snippet) { truePositives += 1 } else { falseNegatives += 1 }
        }
        for snippet in unwanted where Self.contains(text, snippet) {
            falsePositives += 1
        }
    }
}
