import Foundation

/// Word patterns that say what a sentence is about: a career step, motivation or a lesson,
/// the company's basics, an industry trend. Matched on folded text, as whole words.
enum SentenceCues {
    /// Career steps: the timeline's patterns.
    static let career = [
        "joined", "joins", "appointed", "named", "promoted", "founded", "co-founded", "cofounded", "co-founder",
        "founder", "started", "launched", "established", "became", "hired", "left", "resigned", "stepped down",
        "succeeded", "graduated", "studied", "attended", "earned", "received", "moved", "worked", "works", "serves",
        "served", "previously", "spent", "elected", "sold", "retired", "born", "chief executive", "ceo",
        "chairman", "president", "professor", "degree", "phd", "award", "prize", "awarded", "won", "invented",
        "created", "wrote", "developed", "acquired", "ran", "led", "leads", "replaced", "matriculated", "transferred",
        "enrolled", "bought", "invested",
    ]

    /// Motivation and lessons: what "In their own words" looks for.
    static let reflection = [
        "learn", "learned", "learnt", "lesson", "lessons", "advice", "believe", "believed", "love", "passion",
        "why", "because", "mistake", "mistakes", "wish", "realize", "realized", "realised", "important", "remember",
        "want", "wanted", "decided", "never", "always", "dream", "inspired", "proud", "hard", "fail", "failure",
        "curious", "excited", "mission", "matter", "matters", "care", "think", "thought", "felt", "feel",
    ]

    /// The company's basics: founding, headquarters, size, leadership, business.
    static let company = [
        "founded", "headquartered", "headquarters", "based in", "employees", "employs", "revenue", "acquired",
        "acquisition", "ceo", "chief executive", "chairman", "president", "subsidiary", "products", "product",
        "billion", "million", "largest", "market", "launched", "investment", "invested", "valuation", "customers",
        "incorporated", "nonprofit", "non-profit", "foundation", "owned", "shares", "merger", "develops", "makes",
    ]

    /// Industry trends.
    static let trend = [
        "trend", "trends", "growing", "growth", "market", "industry", "demand", "shift", "adoption", "increasingly",
        "emerging", "future", "sector", "competition", "competitors", "rising", "transformation", "regulation",
    ]

    /// Whether any cue occurs in `folded` as whole words.
    static func matches(_ cues: [String], in folded: String) -> Bool {
        cues.contains { NameMatcher.containsWords($0, in: folded) }
    }

    /// How many distinct cues occur.
    static func count(_ cues: [String], in folded: String) -> Int {
        cues.reduce(0) { $0 + (NameMatcher.containsWords($1, in: folded) ? 1 : 0) }
    }

    /// "since 2014": a role held from a year on.
    static func hasSinceYear(_ folded: String) -> Bool {
        var rest = folded[...]
        while let found = rest.range(of: "since ") {
            let next = rest[found.upperBound...].prefix(4)
            if next.count == 4, next.allSatisfy(\.isNumber), next.hasPrefix("19") || next.hasPrefix("20") { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }

    /// Whether the sentence quotes someone: typographic or straight double quotes around
    /// at least three words.
    static func hasQuotation(_ text: String) -> Bool {
        for (open, close) in [("“", "”"), ("\"", "\"")] {
            guard let start = text.range(of: open),
                  let end = text[start.upperBound...].range(of: close) else { continue }
            if text[start.upperBound..<end.lowerBound].split(separator: " ").count >= 3 { return true }
        }
        return false
    }
}

/// Facts pulled out of a sentence's words for question templates: the organisation or
/// title following a career verb, and the year.
struct CareerStep: Equatable {
    var kind: QuestionFill
    /// The organisation, title or award as the sentence spells it.
    var name: String
    var year: Int?

    /// Verb phrases (lowercased, as words) and the kind of step they introduce.
    private static let verbs: [(String, QuestionFill)] = [
        ("co-founded", .founded), ("cofounded", .founded), ("founded", .founded), ("started", .founded),
        ("launched", .founded), ("established", .founded), ("joined", .joined), ("joins", .joined),
        ("was hired by", .joined), ("went to work at", .joined), ("worked at", .joined), ("worked for", .joined),
        ("appointed", .role), ("named", .role), ("promoted to", .role), ("became", .role), ("as", .role),
        ("graduated from", .education), ("studied at", .education), ("attended", .education),
        ("degree from", .education), ("enrolled at", .education), ("grad school at", .education),
        ("left", .left), ("resigned from", .left), ("stepped down as", .left),
        ("won", .award), ("received", .award), ("awarded", .award),
    ]

    /// Small words that may sit inside a name ("Bank of America", "Procter & Gamble").
    private static let connectors: Set<String> = ["of", "and", "&", "for", "the", "de", "la", "du", "von", "van", "der"]
    private static let notNames: Set<String> = [
        "I", "He", "She", "They", "We", "It", "The", "In", "On", "At", "His", "Her", "Its", "Their", "A", "An",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "This", "That", "After", "Before", "When", "While",
    ]

    /// The career steps of a sentence whose subject is the person: the verb comes within
    /// four words after one of `subjects` (lowercased: names and pronouns), in the order they occur.
    static func steps(in text: String, subjects: Set<String>) -> [CareerStep] {
        let words = text.split(separator: " ").map(String.init)
        let lowered = words.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }
        let year = SentencePool.years(in: text).first
        var steps: [CareerStep] = []
        var index = 0
        while index < words.count {
            var matched = false
            for (phrase, kind) in verbs {
                let parts = phrase.split(separator: " ").map(String.init)
                guard index + parts.count <= words.count,
                      Array(lowered[index..<index + parts.count]) == parts,
                      hasSubject(words, lowered, before: index, subjects: subjects),
                      !words[index + parts.count - 1].hasSuffix(",") else { continue }
                var start = index + parts.count
                // "became the chief executive of Microsoft": skip articles before the name.
                while start < words.count, ["the", "a", "an", "its", "their", "his", "her"].contains(lowered[start]) { start += 1 }
                if let name = properName(words, from: start), !steps.contains(where: { $0.name == name }) {
                    steps.append(CareerStep(kind: kind, name: name, year: year))
                    index = start
                    matched = true
                }
                break
            }
            if !matched { index += 1 }
        }
        return steps
    }

    /// One of `subjects` stands within four words before the verb at `index`, not as a
    /// possessive ("Quill's friend"), with only lowercase words between ("Quill was later").
    private static func hasSubject(_ words: [String], _ lowered: [String], before index: Int, subjects: Set<String>) -> Bool {
        guard let subject = (max(0, index - 4)..<index).last(where: { subjects.contains(lowered[$0]) }) else { return false }
        let word = words[subject].trimmingCharacters(in: .punctuationCharacters)
        guard !(word.hasSuffix("'s") || word.hasSuffix("’s")) else { return false }
        return words[(subject + 1)..<index].allSatisfy { $0.first?.isUppercase != true }
    }

    private static func possessiveStripped(_ word: String) -> String {
        word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : word
    }

    /// Consecutive capitalised words (connectors allowed inside) from `start`, stopping at
    /// punctuation that ends a phrase.
    private static func properName(_ words: [String], from start: Int) -> String? {
        var parts: [String] = []
        var index = start
        while index < words.count, parts.count < 6 {
            let word = words[index]
            let bare = possessiveStripped(word.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:!?()\"“”")))
            guard !bare.isEmpty else { break }
            let capitalised = bare.first!.isUppercase || (bare.first!.isNumber && !parts.isEmpty)
                || (bare.first!.isLowercase && bare.dropFirst().contains(where: \.isUppercase))  // "eBay", "xAI"
            if capitalised && !(parts.isEmpty && notNames.contains(bare)) {
                parts.append(bare)
            } else if !parts.isEmpty && connectors.contains(bare.lowercased()) {
                parts.append(bare)
            } else {
                break
            }
            if word.last.map({ ",.;:!?)\"”".contains($0) }) == true || bare.count < word.count - 1 { break }
            index += 1
        }
        while let last = parts.last, connectors.contains(last.lowercased()) { parts.removeLast() }
        guard !parts.isEmpty else { return nil }
        let name = parts.joined(separator: " ")
        return name.count >= 2 ? name : nil
    }
}
