import Foundation

/// The "Be careful" notes: what the sources touch that the conversation should leave alone,
/// whose words are whose on a page with several speakers, and which pages speak for the
/// company itself. They name a topic without repeating its details.
enum CareNotes {
    /// The notes on the pages the dossier cites (`cited`, their URLs): a page that was read but
    /// not cited is not one of "the sources" the reader holds.
    static func notes(documents: [SourceDocument], pool: [PoolSentence], person: NameMatcher, subject: Subject,
                      companies: [String], cited: Set<String>, generatedAt: Date) -> [String] {
        var notes: [String] = []
        let pool = pool.filter { cited.contains(documents[$0.document].url) }
        // Other speakers of an interview, by the full name their page gives them.
        var others: [String] = []
        var labels = Set<String>()
        for sentence in pool {
            if case .other(let name) = sentence.speaker, labels.insert(name).inserted {
                let full = SpeakerReader.fullName(of: name, in: documents[sentence.document].text)
                if !others.contains(full) { others.append(full) }
            }
        }
        let documents = documents.filter { cited.contains($0.url) }
        if !others.isEmpty {
            let names = others.prefix(3).joined(separator: ", ")
            notes.append("Other voices in the interview (\(names)): their answers are theirs, not \(subject.name)'s.")
        }
        // Pages by the company about itself and them (its announcement of their post): a newsletter of its own
        // that does not name them praises no one.
        let own = documents.filter {
            DossierSummarizer.isCompanySite($0, companies: companies, domain: subject.domain)
                && person.isMentioned(in: NameMatcher.fold(($0.title ?? "") + " " + $0.text))
        }
        if !own.isEmpty, let company = subject.company ?? companies.first {
            notes.append("\(own.count == 1 ? "One page comes" : "\(own.count) pages come") from \(company) itself: read its praise as promotion.")
        }
        // Sensitive topics in sentences about the person: named, never detailed.
        var topics: [String] = []
        for sentence in pool where sentence.person != .none || sentence.company {
            for topic in Sensitivity.topics(in: sentence.text) {
                let group = Self.group(of: topic)
                if !topics.contains(group) { topics.append(group) }
            }
        }
        if !topics.isEmpty {
            notes.append("The sources touch on \(topics.prefix(4).joined(separator: ", ")): leave these to them to raise.")
        }
        notes.append("Ask about their path and their work; don't guess at age, pay or private life.")
        return notes
    }

    /// The plain name of the topic a sensitive word belongs to.
    private static func group(of word: String) -> String {
        let groups: [(String, [String])] = [
            ("health", ["cancer", "illness", "ill", "disease", "diagnosed", "diagnosis", "depression", "anxiety", "mental health",
                        "therapy", "pregnant", "pregnancy", "miscarriage", "surgery", "disability", "autism", "adhd", "addiction",
                        "rehab", "overdose", "drug use", "drugs", "alcoholism", "suicide", "died", "death", "dying", "funeral"]),
            ("family", ["wife", "husband", "son", "daughter", "children", "kids", "mother", "father", "parents", "divorce",
                        "custody", "married", "marriage", "family", "girlfriend", "boyfriend", "fiancee", "fiance", "spouse"]),
            ("sexuality", ["gay", "lesbian", "bisexual", "transgender", "sexuality", "sexual", "lgbt", "lgbtq", "coming out"]),
            ("religion", ["religion", "religious", "church", "faith", "god", "muslim", "christian", "jewish", "catholic",
                          "mormon", "hindu", "buddhist", "atheist", "prayer"]),
            ("politics", ["political", "politics", "donation", "donated", "democrat", "democratic party", "republican", "boycott", "boycotts",
                          "election", "campaign", "proposition", "trump", "biden", "conservative", "liberal", "same-sex",
                          "abortion", "immigration"]),
        ]
        return groups.first { $0.1.contains(word) }?.0 ?? "allegations and disputes"
    }
}

/// What the reader and the person share, as the sources prove it: the same school, employer
/// or place ("You both studied at James Madison University").
enum CommonGround {
    static func lines(profile: UserProfile, steps: [CareerKnowledge.Step], cite: (CareerEvent) -> Int?) -> [CitedSentence] {
        var lines: [CitedSentence] = []
        func shared(_ mine: [String], kinds: Set<CareerEvent.Kind>, wording: (String) -> String) {
            for value in mine where !value.isEmpty {
                let folded = NameMatcher.fold(value)
                guard let step = steps.first(where: { step in
                    guard kinds.contains(step.event.kind) else { return false }
                    let theirs = NameMatcher.fold(step.event.organisation ?? step.event.detail ?? "")
                    return !theirs.isEmpty && (NameMatcher.containsWords(folded, in: theirs) || NameMatcher.containsWords(theirs, in: folded))
                }), let source = cite(step.event) else { continue }
                lines.append(CitedSentence(text: wording(step.event.organisation ?? step.event.detail ?? value), source: source))
            }
        }
        shared(profile.schools, kinds: [.education]) { "You both studied at \($0)." }
        shared(profile.employers, kinds: [.joined, .role, .left]) { "You have both worked at \($0)." }
        shared(profile.places, kinds: [.based, .roots]) { "You both know \($0)." }
        shared(profile.interests, kinds: [.field, .knownFor]) { "You share an interest in \($0)." }
        return Array(lines.prefix(3))
    }
}
