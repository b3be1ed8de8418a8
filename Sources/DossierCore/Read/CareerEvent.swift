import Foundation

/// A step of a career or a fact of a working life, read from structured data or from a
/// sentence whose subject is the person: a role, joining or leaving an organisation, an
/// education, a founding, an award, a place.
struct CareerEvent: Equatable, Sendable {
    enum Kind: String, Sendable, CaseIterable {
        /// A title held: "President and CEO" at Experience.
        case role
        /// Joining an organisation (or working there, when no start is given).
        case joined
        case education
        case founded
        case award
        case left
        /// Where they live or work.
        case based
        /// Where they grew up or were born.
        case roots
        /// What they made or are known for: a product, a book, a project.
        case knownFor = "known_for"
        /// A unit they led: "Microsoft's Cloud and Enterprise division".
        case led
        /// A field they work in: a registry's research topic, a discipline, an occupation.
        case field
        /// A company they bought: "In 2022, he acquired Twitter for $44 billion".
        case acquired
        /// How often a research profile says their work is cited: "1,014,339 citations; h-index 189".
        case metrics
    }

    var kind: Kind
    /// The organisation as the source spells it.
    var organisation: String?
    /// The title, the field of study or degree, the award, the place or the work.
    var detail: String?
    var date: EventDate?
    var end: EventDate?
    /// Said in the present ("is also the lead developer of …"): held now, beside any other post.
    var present = false
    /// Over, on a source that does not say when ("stepped down as the chairman of Tesla").
    var endedUndated = false
    /// Who it was shared with or taken over from, or what became of it, in the source's words:
    /// "with his brother Kimbal", "succeeding Steve Ballmer", "acquired by Compaq, 1999".
    var context: String?
    /// The words of the source that say it: the sentence, or the clause around the trigger.
    var evidence: String
    /// The document it was read from (an index into the discovery's documents), or nil for a
    /// structured fact.
    var document: Int?
    /// The URL of the structured fact it came from.
    var factURL: String?

    /// The organisation or, without one, the detail: what the event is about, folded, for merging.
    var key: String {
        NameMatcher.fold(organisation ?? detail ?? evidence)
    }
}

/// A date as precise as the source gives it: a year, or a month of a year, perhaps reckoned
/// from the page's own date ("six years since I joined", on a page of 2018: about 2012).
struct EventDate: Comparable, Hashable, Sendable {
    var year: Int
    var month: Int?
    /// Reckoned rather than read: printed "c. 2012".
    var approximate = false

    static func < (lhs: EventDate, rhs: EventDate) -> Bool {
        (lhs.year, lhs.month ?? 0) < (rhs.year, rhs.month ?? 0)
    }

    /// "2019", "April 2019", "c. 2012".
    var text: String {
        if approximate { return "c. \(year)" }
        guard let month, (1...12).contains(month) else { return String(year) }
        return Self.monthNames[month - 1].capitalized + " " + String(year)
    }
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]

    /// A date written `yyyy`, `yyyy-MM` or `yyyy-MM-dd` (Wikidata's and pages' form).
    init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard let first = parts.first, first.count == 4, let year = Int(first), (1000...2999).contains(year) else { return nil }
        self.year = year
        if parts.count > 1, let month = Int(parts[1]), (1...12).contains(month) { self.month = month }
    }

    init(year: Int, month: Int? = nil, approximate: Bool = false) {
        self.year = year
        self.month = month
        self.approximate = approximate
    }
}
