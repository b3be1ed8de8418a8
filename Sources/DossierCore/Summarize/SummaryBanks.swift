import Foundation

/// A question template of `questions.toml`.
public struct QuestionTemplate: Sendable, Equatable {
    public var topic: String
    /// The kind of cited fact that fills it (`founded`, `joined`, `role`, `education`, `left`,
    /// `award`, `news`, `phrase`); nil for a generic backup.
    public var fills: String?
    public var text: String

    public init(topic: String, fills: String?, text: String) {
        self.topic = topic
        self.fills = fills
        self.text = text
    }
}

/// A step of the informational-interview routine, from `checklist.toml`.
public struct RoutineStep: Sendable, Equatable {
    /// Where the step sits: `letter`, `call`, `morning`, `meeting` or `next day`.
    public var when: String
    public var text: String

    public init(when: String, text: String) {
        self.when = when
        self.text = text
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
    /// Letter templates from `letters.toml`: `intro`, `thanks`, `recap`.
    public var letters: [String: String]

    public static let placeholders: Set<String> = ["name", "in year", "company", "headline", "phrase"]
    public static let routineMoments: Set<String> = ["letter", "call", "morning", "meeting", "next day"]
    public static let factKinds: Set<String> = ["founded", "joined", "role", "education", "left", "award", "news", "phrase"]

    public static let letterKinds: Set<String> = ["intro", "thanks", "recap"]
    public static let letterPlaceholders: Set<String> = [
        "person", "first_name", "company", "via", "call_by", "meeting_day", "goal", "me", "background", "notes",
    ]

    public init(questions: [QuestionTemplate] = [], avoid: [String] = [], checklist: [RoutineStep] = [], practice: [String] = [],
                letters: [String: String] = [:]) {
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
