/// Finds (name, title) pairs on team and leadership pages: a line that is a person's name followed
/// by a short line naming a role ("Jane Doe" / "Chief Technology Officer"), or both on one line
/// ("Jane Doe, Chief Executive Officer"); plus JSON-LD Persons with a job title.
struct PeopleFinder {
    let document: FlatDocument

    private static let roleWords: Set<String> = [
        "chief", "ceo", "cto", "cfo", "coo", "cmo", "cio", "cso", "cpo", "president", "director", "founder",
        "co-founder", "cofounder", "officer", "manager", "head", "vp", "svp", "evp", "vice", "partner",
        "engineer", "lead", "chair", "chairman", "chairwoman", "chairperson", "secretary", "treasurer",
        "professor", "editor", "executive", "principal", "counsel", "scientist", "researcher", "designer",
        "architect", "advisor", "adviser", "owner", "managing", "associate", "coordinator", "specialist",
        "analyst", "consultant", "fellow", "dean", "governor", "trustee", "board", "investor", "leader",
    ]

    func people(structured: [StructuredItem]) -> [PersonCard] {
        var cards: [PersonCard] = []
        for item in structured {
            switch item {
            case .person(let person):
                if let name = person.name, let title = person.jobTitle { cards.append(PersonCard(name: name, title: title)) }
            case .profilePage(let page):
                if let name = page.mainEntity?.name, let title = page.mainEntity?.jobTitle {
                    cards.append(PersonCard(name: name, title: title))
                }
            default:
                break
            }
        }
        cards.append(contentsOf: cardsFromLines())
        var seen: Set<String> = []
        return cards.filter { seen.insert($0.name.lowercased()).inserted }
    }

    private func cardsFromLines() -> [PersonCard] {
        guard let body = document.nodes.firstIndex(where: { $0.tag == .body && !$0.isText }) else { return [] }
        let lines = ParagraphBuilder.paragraphs(in: document, range: body ..< Int(document.nodes[body].end)) {
            document.nodes[$0].tag.neverHoldsText
        }.map { $0.text }
        var cards: [PersonCard] = []
        var k = 0
        while k < lines.count {
            let line = lines[k]
            if PersonName.isValid(line), k + 1 < lines.count, Self.isRole(lines[k + 1]) {
                cards.append(PersonCard(name: line, title: lines[k + 1]))
                k += 2
                continue
            }
            if let card = Self.splitNameAndRole(line) { cards.append(card) }
            k += 1
        }
        return cards
    }

    /// "Jane Doe, Chief Executive Officer" or "Jane Doe – CEO".
    private static func splitNameAndRole(_ line: String) -> PersonCard? {
        guard line.utf8.count <= 160 else { return nil }
        for separator in [", ", " – ", " — ", " - ", " | "] {
            let parts = line.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            let name = parts[0].trimmingSpaces()
            let title = parts.dropFirst().joined(separator: separator).trimmingSpaces()
            if PersonName.isValid(name), isRole(title) { return PersonCard(name: name, title: title) }
        }
        return nil
    }

    /// A short line that names a role.
    static func isRole(_ line: String) -> Bool {
        guard line.count <= 100, !line.hasSuffix(".") || line.hasSuffix("Inc.") else { return false }
        return line.lowercased().split { !$0.isLetter && $0 != "-" }.contains { roleWords.contains(String($0)) }
    }
}
