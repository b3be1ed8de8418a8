import DossierCore
import Foundation

/// Tells a page that interviews the person (a company blog's Q&A, a podcast episode, a talk's
/// page) from one that mentions them: there, what is said in the first person is theirs.
enum InterviewPage {
    /// Words a title or an address uses for a conversation with someone.
    private static let conversationWords: Set<String> = [
        "interview", "interviews", "interviewed", "podcast", "episode", "talk", "talks", "keynote", "fireside", "conversation",
        "q&a", "ama", "qa",
    ]

    /// Whether the page interviews the person named by `person`: lines their name introduces
    /// ("Jane Doe: I started …"); or, on a page that names them in its title or opening,
    /// questions and answers (`Q:` / `A:` lines) or a word for a conversation in its title or
    /// address (interview, podcast, episode, talk …).
    static func interviews(_ person: NameMatcher, personName: String, text: String, title: String?, url: String) -> Bool {
        // Trimmed as substrings: Foundation's trimming copied every line of a long page (a sixth
        // of a refresh's time).
        let lines = text.split(separator: "\n").map(trimmed)
        func starting(_ prefixes: [String]) -> Int {
            lines.filter { line in prefixes.contains { line.hasPrefix($0) } }.count
        }
        let speaker = RegisteredName.words(personName)
        let labels = Set([speaker.first, speaker.last, speaker.joined(separator: " ")].compactMap { $0 })
        let spoken = lines.filter { line in
            guard let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 40 else { return false }
            return labels.contains(NameMatcher.fold(String(line[..<colon])))
        }
        if spoken.count >= 2 { return true }
        let opening = ([title ?? ""] + lines.prefix(2).map(String.init)).joined(separator: " ")
        guard person.isMentioned(in: NameMatcher.fold(opening)) else { return false }
        if starting(["Q:", "Q.", "Q –", "Q -", "Question:"]) >= 2 && starting(["A:", "A.", "A –", "A -", "Answer:"]) >= 1 { return true }
        guard let title, person.isMentioned(in: NameMatcher.fold(title)) else { return false }
        let words = (NameMatcher.fold(title) + " " + (URLComponents(string: url)?.path.lowercased() ?? ""))
            .split { !$0.isLetter && !$0.isNumber && $0 != "&" }.map(String.init)
        return words.contains(where: conversationWords.contains)
    }

    /// The line without the spaces around it.
    private static func trimmed(_ line: Substring) -> Substring {
        var line = line
        while let first = line.first, first.isWhitespace { line = line.dropFirst() }
        while let last = line.last, last.isWhitespace { line = line.dropLast() }
        return line
    }
}
