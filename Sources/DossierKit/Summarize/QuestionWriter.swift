import Foundation

/// Writes the suggested questions: every template of the bank filled with every cited fact
/// of its kind (over-generation), ranked for specificity and grounding, picked for
/// diversity (at most two per topic, each fact and template once), then generic backups.
/// A fact whose sentence touches a word of the bank's `avoid` list is never used.
struct QuestionWriter {
    let banks: SummaryBanks
    let companyName: String?
    /// Words that name the person as a career step's subject (their names; pronouns are added).
    let subjectWords: Set<String>
    var specificCount = 8
    var totalCount = 11

    init(banks: SummaryBanks, companyName: String?, subjectWords: Set<String>) {
        self.banks = banks
        self.companyName = companyName
        self.subjectWords = subjectWords.union(["he", "she", "i", "we", "they"])
    }

    /// A fact that can fill a template, with the document it came from.
    private struct Slot {
        var kind: String
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
        for item in news where !avoids(NameMatcher.fold(item.title + " " + (item.sentence ?? ""))) {
            guard let document = documents.first(where: { ($0.title ?? $0.url) == item.title && $0.published != nil }) else { continue }
            slots.append(Slot(kind: "news", name: item.title, year: nil, document: document, weight: 0.8 * (1 + document.trust)))
        }
        for phrase in keyPhrases.prefix(3) where !avoids(NameMatcher.fold(phrase)) {
            let folded = NameMatcher.fold(phrase)
            guard let document = documents.first(where: { NameMatcher.containsWords(folded, in: NameMatcher.fold($0.text)) }) else { continue }
            slots.append(Slot(kind: "phrase", name: phrase, year: nil, document: document, weight: 0.6 * (1 + document.trust)))
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
        var perTopic: [String: Int] = [:]
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
        let generic = banks.questions.filter { $0.fills == nil }
        for template in generic.prefix(max(2, totalCount - chosen.count)) {
            chosen.append(SuggestedQuestion(topic: template.topic, text: fill(template.text, with: nil), source: nil))
        }
        return chosen
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
