import Foundation

/// Who and which company an informational-interview title names, read by a few fixed rules
/// (the calendar tag is already removed):
///
/// 1. A parenthesised group is set aside; the first one that is not logistics ("(virtual)",
///    "(Zoom)", "(30 min)") is the company: "Jane Doe (Acme Robotics)".
/// 2. When the title says "... with X", only what follows the last "with" is kept:
///    "Coffee with Jane Doe" → "Jane Doe".
/// 3. The rest is split at ":", "|" and spaced dashes, and the first part that is not only meeting
///    words ("informational interview", "coffee chat", "call") is kept:
///    "Informational interview: Jane Doe" → "Jane Doe"; "Jane Doe - intro call" → "Jane Doe".
/// 4. "X from Y" and "X @ Y" give company Y when rule 1 found none; text after a comma goes
///    ("Jane Doe, VP Engineering" → "Jane Doe"); meeting words at either end go.
/// 5. What is left is a name only if it has one to five words, a letter, and no digit or "@".
struct MeetingTitle: Equatable {
    let person: String?
    let company: String?

    init(_ title: String) {
        var company: String?
        var text = ""
        for part in Self.splitParentheses(title) {
            switch part {
            case .outside(let outside):
                text += outside
            case .inside(let inside):
                text += " "
                let trimmed = inside.trimmingCharacters(in: .whitespaces)
                if company == nil, Self.looksLikeCompany(trimmed) {
                    company = trimmed
                }
            }
        }
        text = Self.collapsingSpaces(text)

        if let with = text.range(of: " with ", options: [.caseInsensitive, .backwards]) {
            text = String(text[with.upperBound...])
        } else if text.lowercased().hasPrefix("with ") {
            text = String(text.dropFirst("with ".count))
        }

        let candidate = Self.separated(text).first { !Self.isOnlyMeetingWords($0) } ?? ""
        var name = candidate
        for connector in [" from ", " @ "] {
            if let range = name.range(of: connector, options: .caseInsensitive) {
                let after = Self.trimmingPunctuation(String(name[range.upperBound...]))
                if company == nil, !after.isEmpty {
                    company = after
                }
                name = String(name[..<range.lowerBound])
            }
        }
        if let comma = name.firstIndex(of: ",") {
            name = String(name[..<comma])
        }
        var words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        while let first = words.first, Self.isMeetingWord(first) { words.removeFirst() }
        while let last = words.last, Self.isMeetingWord(last) { words.removeLast() }
        name = Self.trimmingPunctuation(words.joined(separator: " "))

        self.person = Self.looksLikeName(name) ? name : nil
        self.company = company
    }

    /// Lower-case words that describe the meeting rather than name anyone.
    private static let meetingWords: Set<String> = [
        "informational", "info", "interview", "coffee", "chat", "call", "meeting", "meet", "intro", "introduction",
        "introductory", "zoom", "teams", "lunch", "breakfast", "dinner", "drinks", "tea", "catch-up", "catchup",
        "1:1", "quick", "virtual", "phone", "video", "sync", "conversation", "career", "networking", "session",
    ]

    /// Lower-case words that make a parenthesised group logistics instead of a company.
    private static let logisticsWords: Set<String> = [
        "virtual", "zoom", "teams", "meet", "google", "phone", "call", "video", "remote", "online", "in-person",
        "in", "person", "tentative", "rescheduled", "moved", "updated", "canceled", "cancelled", "tbd", "tbc",
        "hold", "optional", "min", "mins", "minutes", "hour", "hours",
    ]

    private enum Part {
        case outside(String)
        case inside(String)
    }

    /// Splits at non-nested parentheses; an unclosed "(" is kept as text.
    private static func splitParentheses(_ title: String) -> [Part] {
        var parts: [Part] = []
        var rest = Substring(title)
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            parts.append(.outside(String(rest[..<open])))
            parts.append(.inside(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        parts.append(.outside(String(rest)))
        return parts
    }

    private static func separated(_ text: String) -> [String] {
        var parts = [text]
        for separator in [":", "|", " - ", " – ", " — "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map(trimmingPunctuation).filter { !$0.isEmpty }
    }

    private static func isMeetingWord(_ word: String) -> Bool {
        meetingWords.contains(trimmingPunctuation(word).lowercased())
    }

    private static func isOnlyMeetingWords(_ text: String) -> Bool {
        text.split(whereSeparator: \.isWhitespace).allSatisfy { isMeetingWord(String($0)) }
    }

    private static func looksLikeCompany(_ text: String) -> Bool {
        guard text.contains(where: \.isLetter), !text.contains("@") else { return false }
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "/" || $0 == "," })
        return !words.allSatisfy { logisticsWords.contains(String($0)) || $0.allSatisfy(\.isNumber) || isMeetingWord(String($0)) }
    }

    private static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(whereSeparator: \.isWhitespace)
        return (1...5).contains(words.count) && text.contains(where: \.isLetter)
            && !text.contains(where: \.isNumber) && !text.contains("@")
    }

    private static func trimmingPunctuation(_ text: String) -> String {
        text.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "-–—:|,;.\"'")))
    }

    private static func collapsingSpaces(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
