import Foundation

/// Plain-text wording shared by the renderers.
enum TimelineWording {
    static func line(_ entry: TimelineEntry) -> String {
        let label = ["employer": "Worked at", "position": "Position", "education": "Studied at", "inception": "Founded",
                     "headquarters": "Headquarters", "industry": "Industry", "ceo": "CEO", "employees": "Employees",
                     "website": "Website", "founded_by": "Founded by"][entry.kind] ?? entry.kind
        var line = "\(label): \(entry.value)"
        switch (entry.start, entry.end) {
        case let (start?, end?): line += " (\(start) – \(end))"
        case let (start?, nil): line += " (since \(start))"
        case let (nil, end?): line += " (until \(end))"
        default: break
        }
        return line
    }
}

/// Section titles shared by the renderers.
enum SectionTitle {
    static let atAGlance = "At a glance"
    static let timeline = "Career timeline"
    static let ownWords = "In their own words"
    static func mentions(_ name: String) -> String { "More about \(name)" }
    static func company(_ name: String?) -> String { name.map { "Company: \($0)" } ?? "Company" }
    static let news = "Recent news"
    static let industry = "Industry"
    static let questions = "Suggested questions"
    static let you = "You"
    static let checklist = "Checklist"
    static let sources = "Sources"
}
