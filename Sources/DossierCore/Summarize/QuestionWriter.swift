import Foundation

/// Writes the suggested questions: every template of the bank filled with every cited fact
/// of its kind (over-generation), ranked for specificity and grounding, picked for
/// diversity (at most two per topic, each fact and template once, at most eight), then
/// generic backups (at least two) up to eight questions, the referral question last.
/// A fact whose sentence touches a word of the bank's `avoid` list is never used.
struct QuestionWriter {
    let banks: SummaryBanks
    let companyName: String?
    /// Words that name the person as a career step's subject (their names; pronouns are added).
    let subjectWords: Set<String>
    var specificCount = 8
    /// Generic backups fill the list up to this many questions.
    var minimumCount = 8

    init(banks: SummaryBanks, companyName: String?, subjectWords: Set<String>) {
        self.banks = banks
        self.companyName = companyName
        self.subjectWords = subjectWords.union(["he", "she", "i", "we", "they"])
    }

    /// A fact that can fill a template, with the document it came from.
    private struct Slot {
        var kind: QuestionFill
        var name: String
        var year: Int?
        var document: SourceDocument
        var weight: Double
    }

    private struct Candidate {
        var template: Int
        var slot: Slot
        var text: String
        var score: Double
    }

    mutating func questions(
        steps: [(PoolSentence, SourceDocument)], news: [NewsItem], keyPhrases: [String],
        documents: [SourceDocument], citations: inout CitationTable
    ) -> [SuggestedQuestion] {
        var slots: [Slot] = []
        for (sentence, document) in steps where !avoids(sentence.folded) {
            let anchor = sentence.person == .named ? 1.0 : 0.7
            for step in CareerStep.steps(in: sentence.text, subjects: subjectWords) where !avoids(NameMatcher.fold(step.name)) {
                slots.append(Slot(kind: step.kind, name: step.name, year: step.year, document: document,
                                  weight: anchor * (1 + document.trust)))
            }
        }
        // Headlines short enough to quote, about the person or the company.
        let about = subjectWords.union(companyName.map { TermVector.terms(NameMatcher.fold($0)) } ?? [])
        for item in news where !avoids(NameMatcher.fold(item.title + " " + (item.sentence ?? "")))
            && item.title.split(separator: " ").count <= 14
            && TermVector.terms(NameMatcher.fold(item.title)).contains(where: { about.contains($0) && !["he", "she", "i", "we", "they"].contains($0) }) {
            guard let document = documents.first(where: { ($0.title ?? $0.url) == item.title && $0.published != nil }) else { continue }
            slots.append(Slot(kind: .news, name: item.title, year: nil, document: document, weight: 0.8 * (1 + document.trust)))
        }
        // Industry topics are common-noun phrases ("cloud computing"), not names.
        let topics = keyPhrases.filter { phrase in
            let words = phrase.split(separator: " ")
            return words.count >= 2 && words.allSatisfy { $0.first?.isLowercase == true }
        }
        for phrase in topics.prefix(3) where !avoids(NameMatcher.fold(phrase)) {
            let folded = NameMatcher.fold(phrase)
            guard let document = documents.first(where: { NameMatcher.containsWords(folded, in: NameMatcher.fold($0.text)) }) else { continue }
            slots.append(Slot(kind: .phrase, name: phrase, year: nil, document: document, weight: 0.6 * (1 + document.trust)))
        }

        var candidates: [Candidate] = []
        for (templateIndex, template) in banks.questions.enumerated() {
            guard let kind = template.fills else { continue }
            for slot in slots where slot.kind == kind {
                let specificity = Double(min(slot.name.split(separator: " ").count, 3)) / 3 + (slot.year == nil ? 0 : 0.5)
                candidates.append(Candidate(template: templateIndex, slot: slot, text: fill(template.text, with: slot),
                                            score: slot.weight + specificity))
            }
        }
        candidates.sort { ($1.score, $0.template, $0.text) < ($0.score, $1.template, $1.text) }

        var chosen: [SuggestedQuestion] = []
        var perTopic: [QuestionTopic: Int] = [:]
        var usedTemplates = Set<Int>()
        var usedNames = Set<String>()
        for candidate in candidates where chosen.count < specificCount {
            let topic = banks.questions[candidate.template].topic
            let name = NameMatcher.fold(candidate.slot.name)
            guard perTopic[topic, default: 0] < 2, !usedTemplates.contains(candidate.template), !usedNames.contains(name) else { continue }
            perTopic[topic, default: 0] += 1
            usedTemplates.insert(candidate.template)
            usedNames.insert(name)
            chosen.append(SuggestedQuestion(topic: topic, text: candidate.text, source: citations.number(for: candidate.slot.document)))
        }
        // Generic backups: at least two, enough to reach `minimumCount`, topics not yet asked
        // about first, the referral question always.
        let generic = banks.questions.filter { $0.fills == nil }
        let wanted = max(2, minimumCount - chosen.count)
        let askedTopics = Set(chosen.map(\.topic))
        let ordered = generic.filter { $0.topic == .referral }
            + generic.filter { $0.topic != .referral && !askedTopics.contains($0.topic) }
            + generic.filter { $0.topic != .referral && askedTopics.contains($0.topic) }
        var seenTopics = Set<QuestionTopic>()
        let firstOfEachTopic = ordered.filter { seenTopics.insert($0.topic).inserted }
        let backups = (firstOfEachTopic + ordered.filter { template in !firstOfEachTopic.contains(template) }).prefix(wanted)
        let genericQuestions = backups.map { SuggestedQuestion(topic: $0.topic, text: fill($0.text, with: nil), source: nil) }
        // Referral last, as the meeting ends.
        return chosen + genericQuestions.filter { $0.topic != .referral } + genericQuestions.filter { $0.topic == .referral }
    }

    private func avoids(_ folded: String) -> Bool {
        banks.avoid.contains { NameMatcher.containsWords($0, in: folded) }
    }

    private func fill(_ template: String, with slot: Slot?) -> String {
        var text = template
        text = text.replacingOccurrences(of: "{name}", with: slot?.name ?? "")
        text = text.replacingOccurrences(of: "{headline}", with: slot?.name ?? "")
        text = text.replacingOccurrences(of: "{phrase}", with: slot?.name ?? "")
        text = text.replacingOccurrences(of: "{in year}", with: slot?.year.map { " in \($0)" } ?? "")
        text = text.replacingOccurrences(of: "{company}", with: companyName ?? "your company")
        return text
    }
}
