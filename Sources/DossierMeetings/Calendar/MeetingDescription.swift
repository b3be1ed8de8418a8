import Foundation

/// What an event's DESCRIPTION says about the meeting that dossier can use: who introduced the
/// user ("Intro via Ana Costa", "Introduced by Ana Costa", "Referred by Dr. Ana Costa").
enum MeetingDescription {
    /// Phrases that come just before the network contact's name, lower-cased.
    private static let introductions = [
        "introduced by", "introduced through", "introduced via", "introduction by", "introduction from",
        "introduction via", "intro by", "intro from", "intro via", "intro through", "referred by", "referral from",
        "referred through", "connected by", "connected through",
    ]

    /// Lower-case words that belong inside a name ("Ana de la Costa", "Jan van Dijk").
    private static let particles: Set<String> = ["de", "da", "das", "do", "dos", "del", "della", "der", "den", "van", "von", "la", "le", "du", "di", "y", "bin", "ibn", "al"]

    /// The network contact named in `description`: the capitalised words after the first
    /// introduction phrase (honorifics left out), up to the first other word or punctuation.
    static func introducer(in description: String) -> String? {
        for phrase in introductions {
            guard let range = description.range(of: phrase, options: .caseInsensitive) else { continue }
            let rest = description[range.upperBound...]
            var words: [Substring] = []
            for raw in rest.split(separator: " ", omittingEmptySubsequences: true) {
                let word = raw.prefix { !",.;:()[]!?\n\r\t\"".contains($0) }
                if words.isEmpty && PersonNames.isHonorific(word) { continue }
                guard let first = word.first, first.isUppercase || (!words.isEmpty && particles.contains(word.lowercased())) else { break }
                words.append(word)
                if word.count < raw.count || words.count == 5 { break }
            }
            while let last = words.last, particles.contains(last.lowercased()) { words.removeLast() }
            guard !words.isEmpty, words.allSatisfy({ $0.contains(where: \.isLetter) && !$0.contains(where: \.isNumber) }) else { continue }
            return words.joined(separator: " ")
        }
        return nil
    }
}
