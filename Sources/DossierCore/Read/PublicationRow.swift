import Foundation

/// A row of a researcher's publication list: "Deep learning Y LeCun, Y Bengio, G Hinton Nature
/// 521 (7553), 436-44, 2015 | 108431 | 2015" is the paper "Deep learning", written with Y LeCun
/// and Y Bengio, of 2015, cited 108,431 times.
///
/// The authors are found by the form citation lists give them in (initials, then a surname,
/// separated by commas), with the person's surname among them; the title is what comes before.
struct PublicationRow: Equatable {
    var title: String
    /// The other authors, as the row writes them ("Y LeCun, Y Bengio").
    var coauthors: [String]
    var year: Int?
    /// The largest count in the row's other cells (its citations), when it has one.
    var count: Int?

    init?(cells: [String], surname: String) {
        guard let textIndex = cells.indices.max(by: { cells[$0].count < cells[$1].count }) else { return nil }
        let words = cells[textIndex].split(separator: " ").map(String.init)
        // An author: one to three capital initials, then a capitalised surname ("GE Hinton,", "L van der Maaten,").
        func isInitials(_ word: String) -> Bool {
            (1...3).contains(word.count) && word.allSatisfy { $0.isUppercase && $0.isLetter }
        }
        let particles = NameMatcher.particles
        guard let first = words.indices.first(where: { index in
            guard index >= 1, isInitials(words[index]) else { return false }
            let surname = words[(index + 1)...].first { !particles.contains($0) }
            return surname?.first?.isUppercase == true && words[index...].prefix(6).contains { $0.hasSuffix(",") }
        }) else { return nil }
        // The list runs while each name ends with a comma; the last name has none.
        var authors: [String] = []
        var index = first
        while index < words.count, isInitials(words[index]) {
            // Initials, particles ("van der"), then one surname: "L van der Maaten", "GE Hinton".
            var end = index + 1
            while end < words.count, particles.contains(words[end]) { end += 1 }
            guard end < words.count, words[end].first?.isUppercase == true else { break }
            end += 1
            let name = words[index..<end].joined(separator: " ")
            authors.append(name.trimmingCharacters(in: CharacterSet(charactersIn: ",")))
            index = end
            if !name.hasSuffix(",") { break }
        }
        let folded = surname.lowercased()
        guard authors.count >= 1, authors.contains(where: { $0.lowercased().hasSuffix(" " + folded) }) else { return nil }
        title = words[..<first].joined(separator: " ")
        guard title.split(separator: " ").count >= 1, title.count >= 4 else { return nil }
        coauthors = authors.filter { !$0.lowercased().hasSuffix(" " + folded) }
        let others = cells.indices.filter { $0 != textIndex }.map { cells[$0].trimmingCharacters(in: CharacterSet(charactersIn: "* ")) }
        year = others.compactMap { EventReader.year($0) }.first
            ?? words.reversed().lazy.compactMap { EventReader.year($0.trimmingCharacters(in: .punctuationCharacters)) }.first
        count = others.compactMap { Int($0.replacingOccurrences(of: ",", with: "")) }.filter { EventReader.year(String($0)) == nil }.max()
    }
}
