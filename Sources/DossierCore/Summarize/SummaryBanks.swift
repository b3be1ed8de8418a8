import Foundation

/// What a suggested question asks about; the order of the cases is the order of an interview.
public enum QuestionTopic: String, Sendable, Codable, CaseIterable, Comparable {
    case opening, career, motivation, lessons, company, industry, advice, referral

    public static func < (lhs: QuestionTopic, rhs: QuestionTopic) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The kind of cited fact that fills a question template; each fills its own placeholders.
public enum QuestionFill: String, Sendable, Codable, CaseIterable {
    /// Their current role: {title}, {organisation}, {in year}.
    case role
    /// Their current role when the sources say the year it began: {title}, {organisation}, {in year}.
    case roleSince = "role_since"
    /// An earlier organisation and the current one: {from}, {organisation}, {in year}.
    case move
    /// The current role and whom they took it over from: {title}, {organisation}, {predecessor}, {in year}.
    case succession
    /// A post held beside the current one: {title}, {organisation}, {current} (the current one's organisation).
    case alsoRole = "also_role"
    /// An organisation they joined: {organisation}, {in year}.
    case joined
    /// Years at one organisation: {organisation}, {years}.
    case tenure
    /// Where they studied: {school}, {field of}.
    case education
    /// Something they started: {organisation}, {in year}.
    case founded
    /// An award or a list: {award}.
    case award
    /// Where they grew up: {place}.
    case roots
    /// A product, book or project: {work}.
    case knownFor = "known_for"
    /// Their own words on why they do the work: {quote} as written, {said} as reported speech ("you chose …").
    case quote
    /// Their own words on what they learned: {quote}, {said}.
    case lesson
    /// Their own words on a decision they made: {quote}, {said}.
    case decision
    /// What a page reports they said: {view}.
    case view
    /// A unit they led: {unit}.
    case led
    /// A field they work in (a research topic, a discipline): {area}.
    case field
    /// An organisation they left: {organisation}, {in year}.
    case left
    /// An earlier role: {title}, {organisation}.
    case pastRole = "past_role"
    /// The industry they or their company's pages name ("the live entertainment and ticketing
    /// industry"): {industry}.
    case industry
    /// A product, plan or programme their own words name ("our direct to consumer offering called
    /// INWEGO"): {offering}, {in year} (the year they spoke of it).
    case offering
    /// Their own words on how they work (a method, a guide they follow): {quote}, {said}.
    case habit
    /// The reader's goal for the meeting: {goal}.
    case goal
}

extension QuestionFill {
    /// The placeholders a fact of this kind fills, besides those always filled.
    public var placeholders: Set<String> {
        let own: Set<String> = switch self {
        case .role, .roleSince, .pastRole: ["title", "organisation", "in year"]
        case .succession: ["title", "organisation", "predecessor", "in year"]
        case .alsoRole: ["title", "organisation", "current"]
        case .move: ["from", "organisation", "in year"]
        case .joined, .founded, .left: ["organisation", "in year"]
        case .tenure: ["organisation", "years", "in year"]
        case .education: ["school", "field of"]
        case .award: ["award"]
        case .roots: ["place"]
        case .knownFor: ["work"]
        case .quote, .lesson, .decision, .habit: ["quote", "said"]
        case .offering: ["offering", "in year"]
        case .view: ["view"]
        case .led: ["unit"]
        case .field: ["area"]
        case .industry: ["industry"]
        case .goal: ["goal"]
        }
        return own.union(Self.alwaysFilled)
    }

    /// The company and the reader's goal fill every question, generic ones too.
    public static let alwaysFilled: Set<String> = ["company", "goal"]
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

    public static let placeholders: Set<String> = [
        "title", "organisation", "in year", "from", "years", "school", "field of", "award", "place", "work", "quote", "goal", "company",
        "view", "unit", "area", "current", "predecessor", "industry", "offering", "said",
    ]
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
