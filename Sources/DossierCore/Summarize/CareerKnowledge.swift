import Foundation

/// What the sources say about the person's career, merged across sources: events read from
/// structured data and from sentences whose subject is the person, and what they answered to
/// an interview's personal questions (where they grew up, their favourite books).
struct CareerKnowledge {
    /// A merged event: the first reading of it, and the other dates other sources give.
    struct Step {
        var event: CareerEvent
        /// Other readings with a different date, for "(also 2010 [4])".
        var otherDates: [(date: EventDate, event: CareerEvent)] = []
    }

    private(set) var steps: [Step] = []
    /// Documents whose tables are a publication list of theirs, read as works.
    private(set) var publicationLists: Set<Int> = []
    /// Answers to personal questions of an interview: the question and the answer's sentence.
    private(set) var personalAnswers: [(question: String, sentence: PoolSentence)] = []

    /// The subject's company names, longest first.
    private let companies: [String]

    init(pool: [PoolSentence], documents: [SourceDocument], facts: [StructuredFact], personName: String, companies: [String],
         pageOrganisation: (Int) -> String?) {
        self.companies = companies.sorted { $0.count > $1.count }
        let nameWords = Set(NameMatcher.fold(personName).split(separator: " ").map(String.init))
        // Table rows and page summaries are lists, not sentences: no step is read from them.
        for sentence in pool where sentence.person != .none && (sentence.paragraph >= 0 || sentence.position == 0) {
            let document = documents[sentence.document]
            let ownWords = sentence.person == .firstPerson
            let subjectWords = ownWords ? nameWords.union(["i"]) : nameWords.union(["he", "she", "they"])
            var reader = EventReader(subjectWords: subjectWords, pageOrganisation: pageOrganisation(sentence.document),
                                     pageDate: document.published.flatMap(EventDate.init(iso:)))
            reader.pageSite = URLComponents(string: document.url)?.host.map { $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0 }
            for var event in reader.events(in: sentence.text, ownWords: ownWords, document: sentence.document) {
                // "Together, they led …" after "Marissa Halpert … and Rick Terrill …": led with Rick Terrill.
                if event.context == "with others", sentence.id > 0 {
                    let before = pool.last { $0.id < sentence.id && $0.document == sentence.document && $0.paragraph == sentence.paragraph }
                    if let partners = before.flatMap({ Self.namedBeside(personName, in: $0.text) }) { event.context = "with " + partners }
                }
                add(event)
            }
            if let question = sentence.question, sentence.speaker == .subject {
                if let event = Self.answerEvent(question: question, answer: sentence, document: sentence.document) {
                    add(event)
                } else if Self.isPersonalQuestion(question), !personalAnswers.contains(where: { $0.question == question }) {
                    personalAnswers.append((question, sentence))
                }
            }
        }
        for fact in facts {
            if let event = Self.event(from: fact) { add(event) }
        }
        // A profile page's summary that lists topics ("Emeritus Prof. Computer Science, University of
        // Toronto - Citations: 1 014 339 - machine learning - psychology - cognitive science"): the short
        // lower-case items are the fields they work in.
        let person = NameMatcher(personName)
        for (index, document) in documents.enumerated() {
            guard let summary = document.profileSummary, let title = document.title,
                  person.matchesFullName(in: NameMatcher.fold(title)) else { continue }
            let items = summary.components(separatedBy: " - ").flatMap { $0.components(separatedBy: " · ") }
                .map { $0.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}"))) }
            let topics = items.filter { item in
                let words = item.split(separator: " ")
                return (1...3).contains(words.count) && item.allSatisfy { ($0.isLetter && $0.isLowercase) || $0 == " " || $0 == "-" }
            }
            guard topics.count >= 2 else { continue }
            for topic in topics.prefix(6) {
                add(CareerEvent(kind: .field, organisation: nil, detail: topic, date: nil, evidence: title + ": " + summary, document: index))
            }
        }
        // A researcher's publication list: their most cited works, with whom and when.
        if let surname = personName.split(separator: " ").last.map(String.init), personName.contains(" ") {
            for (index, document) in documents.enumerated() {
                let works = document.tableRows.compactMap { row in PublicationRow(cells: row.cells, surname: surname).map { (row, $0) } }
                guard works.count >= 3 else { continue }
                publicationLists.insert(index)
                let mostCited = works.enumerated().sorted { ($0.element.1.count ?? -1, -$0.offset) > ($1.element.1.count ?? -1, -$1.offset) }
                for (row, work) in mostCited.prefix(6).map(\.element) {
                    var event = CareerEvent(kind: .knownFor, organisation: nil, detail: work.title, date: work.year.map { EventDate(year: $0) },
                                            evidence: row.cells.joined(separator: " · "), document: index)
                    if !work.coauthors.isEmpty {
                        event.context = "with " + work.coauthors.prefix(3).joined(separator: ", ") + (work.coauthors.count > 3 ? " and others" : "")
                    }
                    add(event)
                }
                if let metrics = Self.citationMetrics(document.tableRows) {
                    add(CareerEvent(kind: .metrics, organisation: nil, detail: metrics.text, date: nil, evidence: metrics.evidence,
                                    document: index))
                }
            }
        }
        // A row naming them on a list of laureates, winners or fellows is an award.
        for sentence in pool where sentence.paragraph < 0 && sentence.position != 0 {
            if let event = Self.listedAward(sentence, title: documents[sentence.document].title, nameWords: nameWords) { add(event) }
        }
        // A school or an employer called by the first word of its name ("a student at the Accademia") goes
        // by the whole name the same page gives it ("the Accademia di Belli Arti in Florence").
        for index in steps.indices where [.education, .joined].contains(steps[index].event.kind) {
            guard let short = steps[index].event.organisation, !short.contains(" "), let document = steps[index].event.document,
                  let full = Self.fullName(of: short, in: documents[document].text) else { continue }
            steps[index].event.organisation = full
        }
        // A title without its organisation ("a front end engineer working out of Washington")
        // is held where they last joined, or at the page's own organisation.
        for index in steps.indices where steps[index].event.kind == .role && steps[index].event.organisation == nil {
            let role = steps[index].event
            let roleDate = role.date ?? role.document.flatMap { documents[$0].published.flatMap(EventDate.init(iso:)) }
            let joined = steps.filter { step in
                step.event.kind == .joined && step.event.organisation.map { $0.first?.isUppercase == true } == true
                    && (roleDate == nil || step.event.date.map { $0 <= roleDate! } ?? true)
            }.max { ($0.event.date ?? EventDate(year: 0)) < ($1.event.date ?? EventDate(year: 0)) }
            steps[index].event.organisation = joined?.event.organisation ?? role.document.flatMap(pageOrganisation)
                ?? companyNamedIn(role.evidence)
        }
        // Leaving without saying what: the organisation the sentence names, else the current one's.
        for index in steps.indices where steps[index].event.kind == .left && steps[index].event.organisation == nil {
            steps[index].event.organisation = companyNamedIn(steps[index].event.evidence)
        }
        // What became of an organisation they founded: "Compaq acquired Zip2 for $307 million in cash in February 1999".
        for index in steps.indices where steps[index].event.kind == .founded {
            guard let name = steps[index].event.organisation, name.first?.isUppercase == true,
                  let sale = pool.lazy.compactMap({ Self.acquisition(of: name, in: $0.text) }).first else { continue }
            steps[index].event.context = [steps[index].event.context, sale].compactMap { $0 }.joined(separator: "; ")
        }
        // Leaving nothing known is no step.
        steps.removeAll { $0.event.kind == .left && $0.event.organisation == nil && $0.event.detail == nil }
        // A role is over once they left its organisation after it began.
        for index in steps.indices where steps[index].event.kind == .role && steps[index].event.end == nil {
            let role = steps[index].event
            let leaving = steps.first { step in
                step.event.kind == .left && step.event.organisation != nil && step.event.organisation == role.organisation
                    && (step.event.date.map { date in role.date.map { date >= $0 } ?? true } ?? false)
            }
            if let left = leaving?.event.date { steps[index].event.end = left }
            // "stepped down as the chairman of Tesla", undated: that title there is over, when is not said.
            let leftTitle = steps.contains { step in
                step.event.kind == .left && step.event.date == nil && step.event.organisation == role.organisation
                    && !Self.roleNouns(of: step.event.detail ?? "").isEmpty
                    && Self.roleNouns(of: step.event.detail ?? "") == Self.roleNouns(of: role.detail ?? "")
            }
            // A dated post is behind them once a later one, or joining, is at another organisation
            // ("a developer at Netscape" in 1995, CTO and CEO of Mozilla later).
            let movedOn = role.date.map { start in
                steps.contains { step in
                    [.role, .joined].contains(step.event.kind) && !step.event.present
                        && step.event.organisation.map { $0 != role.organisation } == true
                        && (step.event.date.map { $0 > start } ?? false)
                }
            } ?? false
            if leaving == nil, leftTitle || movedOn { steps[index].event.endedUndated = true }
        }
    }

    /// "acquired by Compaq, February 1999" when the sentence says who bought `organisation`, or
    /// "merged with Confinity to form PayPal, 2000" when it merged:
    /// "Compaq acquired Zip2 …", "Zip2 was acquired by Compaq …", "… bought Zip2 …". The buyer is
    /// the capitalised words next to the verb; the date the first one of the sentence.
    static func acquisition(of organisation: String, in sentence: String) -> String? {
        guard sentence.contains(organisation) else { return nil }
        let words = Words(sentence)
        let nameWords = organisation.split(separator: " ").map(String.init)
        guard let at = (0..<words.count).first(where: { words.matches(nameWords.map { $0.lowercased() }, at: $0) }) else { return nil }
        let after = at + nameWords.count
        func buyer(from start: Int, step: Int) -> String? {
            var parts: [String] = []
            var index = start
            while index >= 0, index < words.count, parts.count < 3, words[index].isCapitalised,
                  !["The", "In", "On", "It", "He", "She", "They", "We"].contains(words[index].bare) {
                parts.append(words[index].bare)
                if step > 0, words[index].endsPhrase { break }
                index += step
                if step < 0, index >= 0, words[index].endsPhrase { break }
            }
            let name = (step < 0 ? parts.reversed() : parts).joined(separator: " ")
            return name.isEmpty || name == organisation ? nil : name
        }
        let date = EventReader(subjectWords: [], pageOrganisation: nil, pageDate: nil).date(in: words, near: at, window: words.count)
        // "X.com merged with Confinity in 2000 to form PayPal".
        if after + 2 < words.count, words[after].lower == "merged", words[after + 1].lower == "with",
           let partner = buyer(from: after + 2, step: 1) {
            var text = "merged with " + partner
            if let form = (after + 2..<words.count - 1).first(where: { words[$0].lower == "form" && ["to", "forming"].contains(words[$0 - 1].lower) || words[$0].lower == "forming" }),
               let formed = buyer(from: form + 1, step: 1) {
                text += " to form " + formed
            }
            return text + (date.map { ", " + $0.text } ?? "")
        }
        var found: String?
        if after + 2 < words.count, words[after].lower == "was", ["acquired", "bought"].contains(words[after + 1].lower),
           words[after + 2].lower == "by" {
            found = buyer(from: after + 3, step: 1)
        } else if at >= 2, ["acquired", "bought", "acquires", "buys"].contains(words[at - 1].lower) {
            found = buyer(from: at - 2, step: -1)
        }
        guard let found else { return nil }
        return "acquired by " + found + (date.map { ", " + $0.text } ?? "")
    }

    /// The first of the subject's companies a sentence names, as the user or discovery spells it.
    private func companyNamedIn(_ sentence: String) -> String? {
        companies.first { SentencePool.occursCapitalised($0, in: sentence) }
    }

    /// Adds an event, merged with one of the same kind about the same organisation or detail.
    mutating func add(_ event: CareerEvent) {
        var event = event
        // A student is at school: "a student at the Accademia" is an education.
        if event.kind == .role, ["student", "undergraduate", "graduate student", "phd student"].contains(NameMatcher.fold(event.detail ?? "")) {
            guard event.organisation != nil else { return }
            event.kind = .education
            event.detail = nil
        }
        if let index = steps.firstIndex(where: { Self.same($0.event, event) }) {
            var step = steps[index]
            if step.event.date == nil, event.date != nil {
                // A dated reading says more: it leads, the undated one adds nothing.
                step.event.date = event.date
                step.event.evidence = event.evidence
                step.event.document = event.document
                step.event.factURL = event.factURL
            } else if let date = event.date, let first = step.event.date, date.year != first.year,
                      event.document != step.event.document || event.factURL != step.event.factURL,
                      !step.otherDates.contains(where: { $0.date.year == date.year }) {
                step.otherDates.append((date, event))
            }
            // The longer title says more ("President and CEO" over "CEO").
            if step.event.detail == nil || (event.kind == .role && (event.detail?.count ?? 0) > (step.event.detail?.count ?? 0)) {
                step.event.detail = event.detail
            }
            if step.event.organisation == nil { step.event.organisation = event.organisation }
            step.event.present = step.event.present || event.present
            if step.event.context == nil, let context = event.context, step.event.document == event.document {
                step.event.context = context
            }
            steps[index] = step
        } else {
            steps.append(Step(event: event))
        }
    }

    /// Two readings of one step: the same kind, and the same organisation (or, without one,
    /// the same detail), one name containing the other ("Axios" and "Axios Media").
    private static func same(_ first: CareerEvent, _ second: CareerEvent) -> Bool {
        guard first.kind == second.kind else { return false }
        let a = NameMatcher.fold(first.organisation ?? "")
        let b = NameMatcher.fold(second.organisation ?? "")
        if first.kind == .role {
            // "CEO" and "President and CEO" are one role: one title's role nouns are all in the other.
            let nouns = [first.detail, second.detail].map { Self.roleNouns(of: $0 ?? "") }
            let sameTitle = !nouns[0].isEmpty && !nouns[1].isEmpty && (nouns[0].isSubset(of: nouns[1]) || nouns[1].isSubset(of: nouns[0]))
            // A title without its organisation is another one's only when their dates do not differ.
            // ("assuming the position of CEO in 2008" is not the CEO post of a company founded in 2002).
            if a.isEmpty != b.isEmpty {
                let loose = a.isEmpty ? first : second
                let held = a.isEmpty ? second : first
                if let date = loose.date, held.date?.year != date.year { return false }
            }
            return sameTitle && (a.isEmpty || b.isEmpty || a == b || NameMatcher.containsWords(a, in: b) || NameMatcher.containsWords(b, in: a))
        }
        if !a.isEmpty, !b.isEmpty { return a == b || NameMatcher.containsWords(a, in: b) || NameMatcher.containsWords(b, in: a) }
        let detailA = NameMatcher.fold(first.detail ?? "")
        let detailB = NameMatcher.fold(second.detail ?? "")
        return !detailA.isEmpty && (detailA == detailB || NameMatcher.containsWords(detailA, in: detailB)
            || NameMatcher.containsWords(detailB, in: detailA))
    }

    /// The role nouns of a title, with the usual long forms made short: "Chief Executive
    /// Officer" is "ceo", "chairwoman" is "chairman".
    static func roleNouns(of title: String) -> Set<String> {
        var folded = " " + NameMatcher.fold(title) + " "
        for (long, short) in [("chief executive officer", "ceo"), ("chief executive", "ceo"), ("chief technology officer", "cto"),
                              ("chief technical officer", "cto"), ("chief financial officer", "cfo"), ("chief operating officer", "coo"),
                              ("chief marketing officer", "cmo"), ("chairwoman", "chairman"), ("chairperson", "chairman"),
                              ("co-founder", "founder"), ("cofounder", "founder"), ("prof.", "professor"), ("prof", "professor")] {
            folded = folded.replacingOccurrences(of: " " + long + " ", with: " " + short + " ")
        }
        return Set(folded.split(separator: " ").map(String.init).filter { EventReader.roleNouns.contains($0) || $0 == "professor" })
    }

    /// "List of Nobel laureates: Year: 2024 · Physics: John Hopfield; Geoffrey Hinton" gives
    /// "Nobel laureates (Physics)" in 2024.
    static func listedAward(_ row: PoolSentence, title: String?, nameWords: Set<String>) -> CareerEvent? {
        guard let title, title.lowercased().hasPrefix("list of ") else { return nil }
        let listed = String(title.dropFirst("list of ".count))
        let lowered = listed.lowercased()
        guard ["laureates", "winners", "recipients", "awardees", "fellows", "honorees", "honourees", "prize", "award", "medal"]
            .contains(where: { lowered.contains($0) }) else { return nil }
        let cells = row.text.split(separator: "·").map { $0.trimmingCharacters(in: .whitespaces) }
        let naming = cells.first { cell in
            let words = Set(NameMatcher.fold(cell).split { !$0.isLetter }.map(String.init))
            return nameWords.isSubset(of: words)
        }
        guard let naming else { return nil }
        // "Nobel laureates" is the Nobel Prize; "Turing Award winners" the Turing Award.
        var base = listed.split(separator: " ").filter {
            !["laureates", "winners", "recipients", "awardees", "fellows", "honorees", "honourees"].contains($0.lowercased())
        }.joined(separator: " ")
        if !["prize", "award", "medal", "fellowship"].contains(where: { base.lowercased().contains($0) }) { base += " Prize" }
        var detail = "the " + base
        if let colon = naming.firstIndex(of: ":"), naming.distance(from: naming.startIndex, to: colon) <= 30 {
            let category = naming[..<colon].trimmingCharacters(in: .whitespaces)
            if category.first?.isUppercase == true, Int(category) == nil, category.lowercased() != "year" { detail += " in " + category }
        }
        return CareerEvent(kind: .award, organisation: nil, detail: detail, date: row.years.first.map { EventDate(year: $0) },
                           evidence: row.text, document: row.document)
    }

    /// "Where did you grow up?" "St. Croix in the U.S. Virgin Islands – …": the answer's first
    /// phrase is the place.
    private static func answerEvent(question: String, answer: PoolSentence, document: Int) -> CareerEvent? {
        let folded = NameMatcher.fold(question)
        let kind: CareerEvent.Kind
        if folded.contains("grow up") || folded.contains("grew up") || folded.contains("where are you from")
            || folded.contains("hometown") {
            kind = .roots
        } else if folded.contains("where are you based") || folded.contains("where do you live") {
            kind = .based
        } else {
            return nil
        }
        let phrase = answer.text.split(whereSeparator: { "–—;:(".contains($0) }).first.map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: " ,.!"))
        } ?? ""
        let words = phrase.split(separator: " ")
        guard (1...10).contains(words.count), words.first?.first?.isUppercase == true else { return nil }
        return CareerEvent(kind: kind, organisation: nil, detail: phrase, evidence: answer.text, document: document)
    }

    /// Questions about the person's life outside work that make small talk ("Favorite books?",
    /// "What are your hobbies?").
    static func isPersonalQuestion(_ question: String) -> Bool {
        let folded = NameMatcher.fold(question)
        return ["favorite", "favourite", "hobbies", "hobby", "spare time", "free time", "outside of work", "for fun",
                "childhood memory", "where did you grow up"].contains { folded.contains($0) }
    }

    /// The event a structured fact states, if it is a career step.
    static func event(from fact: StructuredFact) -> CareerEvent? {
        let start = fact.start.flatMap(EventDate.init(iso:))
        let end = fact.end.flatMap(EventDate.init(iso:))
        let moment = fact.pointInTime.flatMap(EventDate.init(iso:))
        func make(_ kind: CareerEvent.Kind, organisation: String? = nil, detail: String? = nil, date: EventDate? = nil) -> CareerEvent {
            CareerEvent(kind: kind, organisation: organisation, detail: detail, date: date ?? start, end: end,
                        evidence: fact.value, document: nil, factURL: fact.sourceURL)
        }
        switch fact.kind {
        case .employer: return make(.joined, organisation: fact.value)
        case .position: return make(.role, detail: fact.value)
        case .education: return make(.education, organisation: fact.value)
        case .award: return make(.award, detail: fact.value, date: moment)
        case .notableWork: return make(.knownFor, detail: fact.value, date: moment)
        case .birthplace: return make(.roots, detail: fact.value)
        case .location: return make(.based, detail: fact.value)
        case .profileCompany: return make(.joined, organisation: fact.value)
        case .affiliation, .memberOf: return make(.joined, organisation: fact.value)
        // An occupation ("entrepreneur") is what they are, not a field to ask about.
        case .field: return make(.field, detail: fact.value)
        default: return nil
        }
    }

    /// The citation counts beside a publication list, in any language that labels the h-index "h-…"
    /// ("h-index", "h-индекс"): rows of a short label and counts (all time first), one of them the h-index,
    /// the largest other one the citations. Without an h-index row, counts are not told apart.
    static func citationMetrics(_ rows: [SourceDocument.TableRow]) -> (text: String, evidence: String)? {
        func count(_ cell: String) -> Int? {
            let digits = cell.filter { !($0.isWhitespace || $0 == "," || $0 == "." || $0 == "\u{202F}") }
            return digits.isEmpty || !digits.allSatisfy(\.isASCII) ? nil : Int(digits)
        }
        let metrics = rows.compactMap { row -> (label: String, value: Int, row: SourceDocument.TableRow)? in
            guard row.cells.count >= 2, row.cells[0].split(separator: " ").count <= 3, let value = count(row.cells[1]),
                  row.cells.dropFirst().allSatisfy({ count($0) != nil }) else { return nil }
            return (row.cells[0].lowercased(), value, row)
        }
        guard let hIndex = metrics.first(where: { $0.label.hasPrefix("h-") || $0.label.hasPrefix("h index") }) else { return nil }
        let citations = metrics.filter { !$0.label.hasPrefix("h-") && !$0.label.hasPrefix("h index") && !$0.label.hasPrefix("i10") }
            .max { $0.value < $1.value }
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US")
        var parts: [String] = []
        if let citations, citations.value > hIndex.value {
            parts.append((formatter.string(from: NSNumber(value: citations.value)) ?? String(citations.value)) + " times")
        }
        parts.append("h-index \(hIndex.value)")
        let evidence = ([citations?.row, hIndex.row].compactMap { $0 }).map { $0.cells.joined(separator: " · ") }.joined(separator: "; ")
        return (parts.joined(separator: "; "), evidence)
    }

    /// The longest name `text` gives that starts with the one word `short` and goes on with a
    /// particle and capitalised words ("Accademia di Belli Arti"), with the place it is in when the
    /// text says so ("… in Florence").
    static func fullName(of short: String, in text: String) -> String? {
        // An organisation's name also goes on with "of" ("Bank of Lumen Grid").
        let particles = NameMatcher.particles.union(["of"])
        var best: String?
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: short, range: searchRange) {
            searchRange = found.upperBound..<text.endIndex
            let words = text[found.upperBound...].prefix(120).split(separator: " ", omittingEmptySubsequences: false).dropFirst()
            var name = [short]
            var pending: [String] = []
            for raw in words {
                let word = raw.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:)(\"”"))
                if particles.contains(word) {
                    pending.append(word)
                } else if word.first?.isUppercase == true, !pending.isEmpty || name.count > 1 {
                    name += pending + [word]
                    pending = []
                } else {
                    break
                }
                if raw.last.map({ ",.;:".contains($0) }) == true { break }
            }
            guard name.count > 2 else { continue }
            var full = name.joined(separator: " ")
            // "… Arti in Florence": the place, when a capitalised word follows "in".
            let after = text[found.upperBound...].dropFirst(full.count - short.count).prefix(60).split(separator: " ")
            if after.count >= 2, after[0] == "in" {
                // "in New Orleans", not "in September 1985".
                var place: [String] = []
                for word in after.dropFirst().prefix(3) {
                    let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:)"))
                    guard bare.first?.isUppercase == true, !EventDate.monthNames.contains(bare.lowercased()) else { break }
                    place.append(bare)
                    if bare.count < word.count { break }
                }
                if !place.isEmpty { full += " in " + place.joined(separator: " ") }
            }
            if full.count > (best?.count ?? 0) { best = full }
        }
        return best
    }

    /// The people a sentence names beside the person with "and" ("Marissa Halpert, a front end
    /// engineer …, and Rick Terrill, leading …" gives "Rick Terrill"): two or three capitalised
    /// words right after "and", when the person is named before them.
    static func namedBeside(_ personName: String, in text: String) -> String? {
        guard let mentioned = text.range(of: personName) else { return nil }
        let words = text[mentioned.upperBound...].split(separator: " ")
        for (index, word) in words.enumerated() where word == "and" {
            let name = words.dropFirst(index + 1).prefix(3).prefix { $0.first?.isUppercase == true }
            guard name.count >= 2, name.first != "The" else { continue }
            let cleaned = name.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:")) }
            // The name ends where a comma does ("Rick Terrill, leading …").
            let end = (name.firstIndex { $0.hasSuffix(",") }.map { $0 - name.startIndex + 1 }) ?? cleaned.count
            let full = cleaned.prefix(end)
            guard full.count >= 2, full.count <= 3, full.joined(separator: " ") != personName else { continue }
            return full.joined(separator: " ")
        }
        return nil
    }
}
