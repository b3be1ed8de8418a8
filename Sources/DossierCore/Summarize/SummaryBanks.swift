import Foundation

/// What a suggested question asks about; the order is the order of an interview.
public enum QuestionTopic: String, Sendable, Codable, CaseIterable {
    case motivation, career, industry, company, advice, referral
}

/// The kind of cited fact that fills a question template.
public enum QuestionFill: String, Sendable, Codable, CaseIterable {
    /// Something the person founded or started.
    case founded
    /// An organisation they joined.
    case joined
    /// A role they were appointed to.
    case role
    /// Where they studied.
    case education
    /// An organisation they left.
    case left
    /// An award they received.
    case award
    /// A recent headline about them or their company.
    case news
    /// A topic of their field (a key phrase).
    case phrase
}

/// A question template of `questions.toml`.
public struct QuestionTemplate: Sendable, Equatable {
    public var topic: QuestionTopic
    /// The kind of cited fact that fills it; nil for a generic backup.
    public var fills: QuestionFill?
    public var text: String

    public init(topic: QuestionTopic, fills: QuestionFill?, text: String) {
        self.topic = topic
        self.fills = fills
        self.text = text
    }
}

/// Where a step of the informational-interview routine sits.
public enum RoutineMoment: String, Sendable, Codable, CaseIterable {
    /// The letter of introduction.
    case letter
    /// The call the letter promised.
    case call
    /// The morning of the meeting.
    case morning
    /// The meeting itself.
    case meeting
    /// The follow-up, the day after.
    case nextDay = "next day"
}

/// A step of the informational-interview routine, from `checklist.toml`.
public struct RoutineStep: Sendable, Equatable {
    public var when: RoutineMoment
    public var text: String

    public init(when: RoutineMoment, text: String) {
        self.when = when
        self.text = text
    }
}

/// The letter templates of `letters.toml`.
public struct LetterTemplates: Sendable, Equatable {
    /// The letter of introduction, when a network contact introduced the user.
    public var intro: String?
    /// The letter of introduction when nobody did: a cold e-mail.
    public var cold: String?
    /// The thank-you note.
    public var thanks: String?
    /// The recap to the network contact, sent with the thank-you note.
    public var recap: String?

    public init(intro: String? = nil, cold: String? = nil, thanks: String? = nil, recap: String? = nil) {
        self.intro = intro
        self.cold = cold
        self.thanks = thanks
        self.recap = recap
    }

    /// The keys of `letters.toml`.
    public static let keys = ["intro", "cold", "thanks", "recap"]

    /// The template of a key of ``keys``.
    public subscript(key: String) -> String? {
        get {
            switch key {
            case "intro": intro
            case "cold": cold
            case "thanks": thanks
            case "recap": recap
            default: nil
            }
        }
        set {
            switch key {
            case "intro": intro = newValue
            case "cold": cold = newValue
            case "thanks": thanks = newValue
            case "recap": recap = newValue
            default: preconditionFailure("letters.toml has no key \(key)")
            }
        }
    }
}

/// The editable text the summarizer draws on: question templates, words that keep a fact
/// out of questions, the routine's checklist, practice questions and letter templates. Shipped in `Banks.d`
/// beside `Sources.d`; a file of the same name in `<config dir>/banks/` replaces the shipped one.
public struct SummaryBanks: Sendable, Equatable {
    public var questions: [QuestionTemplate]
    /// Words (folded) that keep a sentence out of question templates: salary, family, health, politics.
    public var avoid: [String]
    public var checklist: [RoutineStep]
    public var practice: [String]
    public var letters: LetterTemplates

    public static let placeholders: Set<String> = ["name", "in year", "company", "headline", "phrase"]
    public static let letterPlaceholders: Set<String> = [
        "person", "first_name", "company", "via", "call_by", "meeting_day", "goal", "me", "background", "notes",
    ]

    public init(questions: [QuestionTemplate] = [], avoid: [String] = [], checklist: [RoutineStep] = [], practice: [String] = [],
                letters: LetterTemplates = LetterTemplates()) {
        self.questions = questions
        self.avoid = avoid
        self.checklist = checklist
        self.practice = practice
        self.letters = letters
    }

    /// The `{…}` placeholders of a template.
    public static func placeholders(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }
}
