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
        "partners", "offering", "subscription", "platform", "service", "services", "clients", "users", "mission", "sells",
        "builds", "publishes", "offers", "provides", "launched", "ads", "newsletters", "newsletter",
        "advertising", "advertisements", "subscribers", "subscribing", "premium", "membership", "donations", "sponsors",
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
