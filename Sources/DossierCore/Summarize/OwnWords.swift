import Foundation

/// Picks the person's own words on why they do the work and what they learned: their answers
/// in an interview, first-person sentences on their own site, and quotations a page attributes
/// to them ("…," she said). Never another speaker's words, never small talk, never a sensitive
/// topic.
struct OwnWordsPicker {
    /// A quotation with what it is about and the sentence it came from.
    struct Pick {
        var label: String?
        var text: String
        var sentence: PoolSentence
    }

    let person: NameMatcher
    /// Words that keep a sentence out (the banks' avoid list).
    let avoid: [String]

    /// Words that say why someone does the work or what they learned.
    static let reflection: [String: String] = [
        "learned": "Lesson", "learnt": "Lesson", "lesson": "Lesson", "lessons": "Lesson", "advice": "Advice",
        "mistake": "Lesson", "mistakes": "Lesson", "realized": "Lesson", "realised": "Lesson", "taught me": "Lesson",
        "important": "Lesson", "critical": "Lesson", "must": "Lesson", "key": "Lesson",
        "love": "Motivation", "passion": "Motivation", "inspired": "Motivation", "inspire": "Motivation",
        "humbled": "Motivation", "proud": "Motivation", "excited": "Motivation", "mission": "Motivation",
        "why": "Motivation", "drew": "Motivation", "wanted": "Motivation", "dream": "Motivation", "fun": "Motivation",
        "surprised": "Surprise", "surprising": "Surprise", "decisions": "On deciding", "decision": "On deciding",
        "decide": "On deciding", "believe": "Belief", "reminds": "Belief", "means": "Belief", "always": "Belief",
        "never": "Belief", "should": "Advice", "need to": "Lesson", "convinced": "Motivation", "advocating": "Motivation",
        "wanting": "Motivation", "honored": "Motivation", "honoured": "Motivation", "habits": "Habit", "habit": "Habit", "prioritize": "Habit",
        "prioritise": "Habit", "focused": "Habit", "perspective": "Lesson", "chose": "On deciding", "decided": "On deciding",
        "challenge": "Lesson", "challenges": "Lesson", "felt": "Motivation", "feel": "Motivation",
    ]

    /// Cues that say little alone ("wanted", "always"): half a strong cue's weight.
    static let weakCues: Set<String> = ["wanted", "why", "fun", "means", "must", "key", "should", "always", "never", "need to",
                                        "reminds", "important", "drew", "focused", "wanting", "dream", "challenge", "challenges",
                                        "felt", "feel"]

    /// Up to `count` quotations to show, and up to `spare` more, chosen as if `count + spare` were
    /// shown, for questions that say their words back; each list best first.
    func pick(from sentences: [PoolSentence], ranker: SentenceRanker?, count: Int, spare: Int = 0) -> (shown: [Pick], spare: [Pick]) {
        var candidates: [(score: Double, pick: Pick)] = []
        for (index, sentence) in sentences.enumerated() {
            guard let pick = quotation(in: sentence), !Sensitivity.touches(pick.text), !avoids(pick.text) else { continue }
            // A quotation's cues may sit in the sentence around it ("Quill said the hardest lesson was …").
            let folded = NameMatcher.fold(sentence.person == .firstPerson ? pick.text : sentence.text)
            let asked = NameMatcher.fold(sentence.question ?? "")
            func weight(_ cue: String) -> Double { Self.weakCues.contains(cue) ? 0.5 : 1 }
            // "I'm not surprised …" says the opposite of a surprise.
            let cues = Self.reflection.keys.filter { Self.says($0, in: folded) }.map(weight).reduce(0, +)
                + 0.5 * Self.reflection.keys.filter { NameMatcher.containsWords($0, in: asked) }.map(weight).reduce(0, +)
            guard cues >= 1 else { continue }
            let words = pick.text.split(separator: " ").count
            let length = words < 5 ? 0.6 : words <= 30 ? 1.0 : 30 / Double(words)
            // Outside an interview, "I" tells their words from a page's statements; an answer is theirs anyway.
            let firstPerson = sentence.question == nil && NameMatcher.containsWords("i", in: NameMatcher.fold(pick.text)) ? 1.3 : 1.0
            let rank = ranker.map { 1 + $0.scores[index] * Double($0.scores.count) } ?? 1
            // An answer's first sentence answers the question ("What's the one thing you've learned …?"),
            // the more so when the question asks why or what they learned.
            let asksReflection = Self.reflection.keys.contains { !Self.weakCues.contains($0) && NameMatcher.containsWords($0, in: asked) }
            let answersReflection = !sentence.opensTurn ? 1 : asksReflection ? 1.5 : 1.3
            candidates.append((cues.squareRoot() * length * firstPerson * (1 + 0.2 * min(rank, 3)) * answersReflection, pick))
        }
        candidates.sort { ($1.score, $0.pick.sentence.id) < ($0.score, $1.pick.sentence.id) }
        let shown = Self.choose(candidates, count: count)
        let shownIDs = Set(shown.map(\.sentence.id))
        return (shown, Self.choose(candidates, count: count + spare).filter { !shownIDs.contains($0.sentence.id) })
    }

    /// The best `count` candidates (sorted best first) with variety: first one of each kind and one
    /// per question answered, then up to two of each; best first.
    private static func choose(_ candidates: [(score: Double, pick: Pick)], count: Int) -> [Pick] {
        var chosen: [(score: Double, pick: Pick)] = []
        var labels: [String: Int] = [:]
        var answered: [String: Int] = [:]
        for limit in [1, 2] {
            for candidate in candidates where chosen.count < count && !chosen.contains(where: { $0.pick.sentence.id == candidate.pick.sentence.id }) {
                let label = candidate.pick.label ?? ""
                if labels[label, default: 0] >= limit { continue }
                if let question = candidate.pick.sentence.question {
                    if answered[question, default: 0] >= limit { continue }
                    answered[question, default: 0] += 1
                }
                labels[label, default: 0] += 1
                chosen.append(candidate)
            }
        }
        return chosen.sorted { ($1.score, $0.pick.sentence.id) < ($0.score, $1.pick.sentence.id) }.map(\.pick)
    }

    /// Whether the folded text holds the cue, not negated ("not surprised", "never learned").
    static func says(_ cue: String, in folded: String) -> Bool {
        NameMatcher.containsWords(cue, in: folded)
            && !["not", "never"].contains { NameMatcher.containsWords($0 + " " + cue, in: folded) }
    }

    /// The person's words in the sentence: the whole sentence when it is theirs (an answer, or
    /// first person on their site), the quoted part when the page quotes them by name.
    private func quotation(in sentence: PoolSentence) -> Pick? {
        if sentence.person == .firstPerson {
            if let question = sentence.question, CareerKnowledge.isPersonalQuestion(question) { return nil }
            // On their site, words about themselves: "I", "my", "we" (their team), not a statement about
            // the company. An answer is theirs whatever its grammar ("The thing that has been most surprising …").
            let folded = NameMatcher.fold(sentence.text)
            // An answer naming the company without a word of theirs is about the company
            // ("Axios launched in 2017 with a mission …"): the company section's, not their own words.
            let personal = ["i", "my", "me", "i'm", "i've", "we", "our", "us"].contains(where: { NameMatcher.containsWords($0, in: folded) })
            guard personal || (sentence.question != nil && !sentence.company) else { return nil }
            return Pick(label: label(for: sentence.text, question: sentence.question), text: Self.trimmed(sentence.text), sentence: sentence)
        }
        guard sentence.person == .named, sentence.speaker == .narrator, let quoted = Self.quoted(in: sentence.text),
              saysPerson(sentence.text) else { return nil }
        return Pick(label: label(for: sentence.text, question: nil), text: quoted, sentence: sentence)
    }

    /// A speech verb with the person's name or pronoun next to it: "she said", "said Halpert".
    private func saysPerson(_ text: String) -> Bool {
        let words = text.split(separator: " ").map { NameMatcher.fold(String($0)).trimmingCharacters(in: .punctuationCharacters) }
        let verbs: Set<String> = ["said", "says", "told", "explained", "explains", "recalled", "recalls", "added", "adds", "wrote", "writes"]
        for (index, word) in words.enumerated() where verbs.contains(word) {
            let near = words[max(0, index - 3)..<min(words.count, index + 4)].joined(separator: " ")
            if person.isNamed(inSentence: near) || ["he", "she", "they"].contains(where: { NameMatcher.containsWords($0, in: near) }) {
                return true
            }
        }
        return false
    }

    /// What the words are about: what the question asked ("What surprised you most?" is a
    /// Surprise), else what the words say.
    private func label(for text: String, question: String?) -> String? {
        for part in [question, text].compactMap({ $0 }) {
            let folded = NameMatcher.fold(part)
            let found = Self.reflection.filter { Self.says($0.key, in: folded) }.map(\.value)
            for label in ["Lesson", "Surprise", "On deciding", "Advice", "Motivation", "Belief", "Habit"] where found.contains(label) { return label }
        }
        return nil
    }

    private func avoids(_ text: String) -> Bool {
        let folded = NameMatcher.fold(text)
        return avoid.contains { NameMatcher.containsWords($0, in: folded) }
    }

    /// The longest double-quoted span of at least five words.
    static func quoted(in text: String) -> String? {
        var best: String?
        for (open, close) in [("“", "”"), ("\"", "\"")] {
            var rest = text[...]
            while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
                let inside = rest[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
                if inside.split(separator: " ").count >= 5, inside.count > (best?.count ?? 0) { best = inside }
                rest = rest[end.upperBound...]
            }
        }
        return best.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ", ")) }
    }

    /// A long sentence cut after its last clause (a comma, semicolon or colon) within thirty-four
    /// words, marked "…".
    static func trimmed(_ sentence: String) -> String {
        let words = sentence.split(separator: " ")
        guard words.count > 34 else { return sentence }
        var cut = 34
        for index in stride(from: min(words.count - 1, 33), through: 12, by: -1)
        where words[index].hasSuffix(",") || words[index].hasSuffix(";") || words[index].hasSuffix(":") {
            cut = index + 1
            break
        }
        return words[..<cut].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",;: ")) + " …"
    }
}

/// Topics a dossier never asks about and mentions only in the person's own words about their
/// work: health, family, sexuality, religion, politics, experiences of abuse, allegations.
enum Sensitivity {
    static let words: [String] = [
        // Health
        "cancer", "illness", "ill", "disease", "diagnosed", "diagnosis", "depression", "anxiety", "mental health", "therapy",
        "pregnant", "pregnancy", "miscarriage", "surgery", "disability", "autism", "adhd", "addiction", "rehab", "overdose",
        "drug use", "drugs", "alcoholism", "suicide", "died", "death", "dying", "funeral",
        // Family
        "wife", "husband", "son", "daughter", "children", "kids", "mother", "father", "parents", "divorce", "custody",
        "married", "marriage", "family", "girlfriend", "boyfriend", "fiancee", "fiance", "spouse",
        // Sexuality
        "gay", "lesbian", "bisexual", "transgender", "sexuality", "sexual", "lgbt", "lgbtq", "coming out",
        // Religion
        "religion", "religious", "church", "faith", "god", "muslim", "christian", "jewish", "catholic", "mormon", "hindu",
        "buddhist", "atheist", "prayer",
        // Politics
        "political", "politics", "donation", "donated", "democrat", "democratic party", "republican", "election", "campaign",
        "proposition", "trump", "biden", "conservative", "liberal", "same-sex", "abortion", "immigration",
        // Abuse and allegations
        "abuse", "abused", "harassment", "assault", "rape", "allegation", "allegations", "alleged", "accused", "lawsuit",
        "scandal", "arrested", "convicted", "controversy", "controversial", "boycott", "boycotts", "protest", "protests",
        "backlash", "fired", "lawsuits", "sued",
    ]

    /// Whether the text touches a sensitive topic.
    static func touches(_ text: String) -> Bool {
        let folded = NameMatcher.fold(text)
        return words.contains { NameMatcher.containsWords($0, in: folded) }
    }

    /// The sensitive words the text holds.
    static func topics(in text: String) -> [String] {
        let folded = NameMatcher.fold(text)
        return words.filter { NameMatcher.containsWords($0, in: folded) }
    }
}
