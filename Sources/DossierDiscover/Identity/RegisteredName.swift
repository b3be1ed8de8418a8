import DossierCore
import Foundation

/// Whether a name as a registry writes it is the person's name: the same first and last names,
/// regardless of case, accents, initials, middle names, the "Family, Given" order and the number
/// a registry gives homonyms ("Jane Doe 0002"). A match makes a namesake, not the person: that
/// takes evidence (``AffiliationMatcher``).
enum RegisteredName {
    static func isSame(_ registered: String, as person: String) -> Bool {
        let written = words(registered)
        let asked = words(person)
        guard written.count >= 2, asked.count >= 2 else { return !written.isEmpty && written == asked }
        return written == asked || (written.first == asked.first && written.last == asked.last)
    }

    /// The name's words, folded, given names first, without initials unless only initials would be
    /// left, and without a homonym number.
    static func words(_ name: String) -> [String] {
        var text = NameMatcher.fold(name)
        let parts = text.split(separator: ",", omittingEmptySubsequences: true)
        if parts.count == 2 { text = parts[1] + " " + parts[0] }
        let all = text.split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !$0.allSatisfy(\.isNumber) }
        let full = all.filter { $0.count > 1 }
        return full.count >= 2 ? full : all
    }
}
