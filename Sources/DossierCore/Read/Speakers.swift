import Foundation

/// Who says a paragraph of a page: the page's narrator, the person the dossier is about, an
/// interviewer's question, or someone else on the page.
enum Speaker: Hashable, Sendable {
    case narrator
    /// The person the dossier is about, in their own words.
    case subject
    /// An interviewer's question.
    case question
    /// Another speaker, as the page labels them ("Rick").
    case other(String)
}

/// Reads the speakers of an interview: "Q:" and "A:" paragraphs, and answers labelled with a
/// speaker's name ("Marissa: I was introduced to programming …"). On a page that is not an
/// interview every paragraph is the narrator's.
///
/// An "A:" answer is the subject's when the page is about them (it names them in its title or
/// its opening) and no other speaker is labelled; a labelled answer is the subject's when its
/// label is their full name, first name or surname. The label and the "Q:"/"A:" mark are
/// taken off the paragraph's text.
struct SpeakerReader {
    let person: NameMatcher
    /// The person's name words, folded ("marissa", "halpert").
    let nameWords: Set<String>

    init(personName: String) {
        person = NameMatcher(personName)
        nameWords = Set(NameMatcher.fold(personName).split(separator: " ").map(String.init))
    }

    /// A paragraph with its speaker, the speaker's mark removed.
    struct Turn: Equatable {
        var speaker: Speaker
        var text: String
    }

    /// The paragraphs of `text` (one per line) with their speakers.
    /// A speaker labelled by first name ("Rick:") by the full name the page introduces them with
    /// before their first turn ("Rick Terrill, leading the front end engineers out of Texas"): the
    /// first capitalised surname after it there; else the label as it is.
    static func fullName(of label: String, in text: String) -> String {
        guard !label.contains(" "), !label.isEmpty else { return label }
        guard let firstTurn = text.range(of: label + ":") else { return label }
        let introduction = text[..<firstTurn.lowerBound]
        var rest = introduction
        while let found = rest.range(of: label + " ") {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let next = introduction[found.upperBound...].prefix { $0.isLetter || $0 == "-" || $0 == "'" }
            if !(before?.isLetter ?? false), let first = next.first, first.isUppercase, next.count >= 2,
               !["The", "And", "Of", "In", "At", "On", "For"].contains(String(next)) {
                return label + " " + next
            }
            rest = introduction[found.upperBound...]
        }
        return label
    }

    func turns(of text: String, title: String?) -> [Turn] {
        let paragraphs = text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let labelled = paragraphs.map(Self.label)
        let questionMarks = labelled.filter { $0.label == .question }.count
        let answerMarks = labelled.filter { $0.label == .answer }.count
        var names: [String: Int] = [:]
        for case .name(let name) in labelled.map(\.label) { names[name, default: 0] += 1 }
        // A name used as a label twice or more is a speaker; one used once may be a heading
        // ("Update: …") or a sentence ("Result: …").
        let speakers = Set(names.filter { $0.value >= 2 }.map(\.key))
        let isQAndA = questionMarks >= 2 && answerMarks >= 2
        guard isQAndA || !speakers.isEmpty else { return paragraphs.map { Turn(speaker: .narrator, text: $0) } }
        let opening = NameMatcher.fold(([title ?? ""] + paragraphs.prefix(3)).joined(separator: " "))
        let aboutSubject = person.isNamed(inSentence: opening)
        let subjectSpeaks = speakers.contains(where: isSubject)
        let lastQuestion = labelled.lastIndex { $0.label == .question }
        var turns: [Turn] = []
        for (index, (paragraph, labelled)) in zip(paragraphs, labelled).enumerated() {
            switch labelled.label {
            case .question: turns.append(Turn(speaker: .question, text: labelled.rest))
            case .answer:
                let speaker: Speaker = aboutSubject && (speakers.isEmpty || subjectSpeaks) ? .subject : .other("the interviewee")
                turns.append(Turn(speaker: speaker, text: labelled.rest))
            case .name(let name) where speakers.contains(name):
                turns.append(Turn(speaker: isSubject(name) ? .subject : .other(name), text: labelled.rest))
            case .name, .none:
                // An unlabelled line that asks something, between answers, is the interviewer's.
                let asks = paragraph.hasSuffix("?") && paragraph.split(separator: " ").count <= 40
                // In a Q&A, an unlabelled paragraph after an answer and before the next question goes on with that answer.
                if !asks, isQAndA, let previous = turns.last, previous.speaker != .question, previous.speaker != .narrator,
                   let lastQuestion, index < lastQuestion {
                    turns.append(Turn(speaker: previous.speaker, text: paragraph))
                } else {
                    turns.append(Turn(speaker: asks ? .question : .narrator, text: paragraph))
                }
            }
        }
        return turns
    }

    private func isSubject(_ label: String) -> Bool {
        let folded = NameMatcher.fold(label)
        return person.matchesFullName(in: folded) || nameWords.contains(folded)
    }

    private enum Mark: Equatable {
        case none
        case question
        case answer
        case name(String)
    }

    /// The speaker's mark at the start of a paragraph and the text after it. A name mark is one
    /// to three capitalised words followed by a colon.
    private static func label(_ paragraph: String) -> (label: Mark, rest: String) {
        guard let colon = paragraph.prefix(40).firstIndex(of: ":") else { return (.none, paragraph) }
        let head = paragraph[..<colon].trimmingCharacters(in: .whitespaces)
        let rest = paragraph[paragraph.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty else { return (.none, paragraph) }
        switch head.lowercased() {
        case "q", "question", "interviewer": return (.question, rest)
        case "a", "answer": return (.answer, rest)
        default: break
        }
        let words = head.split(separator: " ")
        guard (1...3).contains(words.count), words.allSatisfy({ word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" || $0 == "’" }
        }) else { return (.none, paragraph) }
        return (.name(head), rest)
    }
}
